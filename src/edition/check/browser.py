"""Debian's Chromium, the browser the checks read the site with (the browser tests and
the readers' benchmarks): where it is and how it is started, in one place. Playwright
drives it; the browsers Playwright downloads are never used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def launch(playwright: Any, **options: Any) -> Any:
    """Chromium started by Playwright (a `sync_playwright()` or async instance)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(FLAGS), **options)


def chrome_flags() -> str:
    """The same flags for a tool that starts Chromium itself (Lighthouse's --chrome-flags)."""
    return " ".join(("--headless=new", *FLAGS))
