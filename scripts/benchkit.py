"""What the benchmark scripts share: byte-compiling the package and the plain
MkDocs command to compare against."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path


def compile_package() -> None:
    """Byte-compile the package as a regular install would (an editable install does not,
    and with PYTHONDONTWRITEBYTECODE set every run would compile it again)."""
    package = Path(importlib.util.find_spec("edition").origin).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def plain_mkdocs(root: Path) -> list[str]:
    """A plain, strict `mkdocs build` of the docs that `edition build` generated."""
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-q",
        "-f",
        str(root / "build" / "mkdocs.yml"),
    ]
