"""Shared fixtures: the real project, and throw-away copies of it to break."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from edition.cli import main as cli
from edition.model import Edition
from edition.pipeline.build import build
from edition.pipeline.export import export
from edition.pipeline.load import load

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ("sources", "docs", "bibliography.bib", "editors.bib", "mkdocs.yml", "releases")


@pytest.fixture(scope="session")
def edition() -> Edition:
    return load(ROOT)


NO_RELEASES = "releases: []\n"


def copy_inputs(target: Path, releases: bool = False) -> Path:
    """A copy of the project's inputs; without `releases`, a working copy with no release
    history (its sources may then change freely, and it cites unversioned addresses)."""
    for name in INPUTS:
        source = ROOT / name
        if not source.exists() or (name == "releases" and not releases):
            continue
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    if not releases:
        (target / "sources" / "releases.yaml").write_text(NO_RELEASES, "utf-8")
    return target


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A copy of the project, built once for the tests that only read the site."""
    root = copy_inputs(tmp_path_factory.mktemp("built"))
    build(root)
    return root


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> Path:
    """A copy of the project after `edition export`: dist/ and the rebuilt site/."""
    root = copy_inputs(tmp_path_factory.mktemp("exported"))
    export(root)
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's inputs that a test may edit."""
    copy_inputs(tmp_path)
    if (ROOT / ".cache").exists():
        shutil.copytree(ROOT / ".cache", tmp_path / ".cache")
    return tmp_path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for every browser test module: Playwright's sync API runs one
    instance per process."""
    from playwright.sync_api import sync_playwright

    from edition.check.browser import CHROMIUM, launch

    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: the browser tests need Debian's chromium package "
            "(apt-get install chromium); Playwright's downloaded browsers are not used",
            pytrace=False,
        )
    playwright = sync_playwright().start()
    try:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


UNLOCKED: set[Path] = set()  # received files whose edits record their new hash


def line_holding(path: Path, text: str) -> int:
    """The number of the first line of a file that holds `text`."""
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file, failing if the text is not there."""
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), "utf-8")
    if path in UNLOCKED:
        assert cli(["--root", str(path.parents[1]), "received", "--accept"]) == 0


def unlock_received(project: Path) -> Path:
    """The received chapter, for a test to alter: each `edit` of it records the new hash
    as `edition received --accept` does; returns its path."""
    path = project / "sources" / "000_8d2340140f951e67.txt"
    UNLOCKED.add(path)
    return path
