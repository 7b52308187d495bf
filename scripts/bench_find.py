"""Benchmark for readers: what a first search query costs, in bytes over the wire
(gzip -9, as a static host serves them), with the theme's search and with the
edition's Find box, on a chapter page of the built site (run `edition build` first).

Chromium opens the page, waits for it to settle, types one query in each box, and
every file requested after the page settled is counted at its gzipped size.

    python scripts/bench_find.py [--query Rabkrin]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Page, sync_playwright

from edition.check.browser import launch

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
PAGE = "unrest-among-industrial-workers.html"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def gzipped(url: str, base: str) -> tuple[str, int]:
    name = unquote(urlsplit(url).path)[len(urlsplit(base).path) :]
    return name, len(gzip.compress((SITE / name).read_bytes(), 9))


def first_query(page: Page, base: str, search: str, query: str) -> list[tuple[str, int]]:
    requested: list[str] = []
    page.goto(base + PAGE)
    page.wait_for_load_state("networkidle")
    page.on("request", lambda request: requested.append(request.url))
    if search == "theme":
        page.keyboard.press("/")
        page.locator("input.md-search__input").press_sequentially(query, delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    else:
        page.locator("form.ed-find input").fill(query)
        page.locator(".ed-find-results li").first.wait_for(timeout=15_000)
    page.wait_for_load_state("networkidle")
    return [gzipped(url, base) for url in requested if url.startswith(base)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--query", default="Rabkrin")
    args = parser.parse_args()
    handler = functools.partial(_Quiet, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for search in ("theme", "find"):
            page = browser.new_page()
            files = first_query(page, base, search, args.query)
            total = sum(size for _, size in files)
            listed = ", ".join(f"{name} {size / 1024:.1f} KB" for name, size in files)
            print(f"{search:>5}: first query {args.query!r} costs {total / 1024:.1f} KB gzipped ({listed})")
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
