"""The cache of each release's built site: reused while nothing that makes it has
changed, rebuilt when anything has, the same bytes either way, and checked as a
freshly built release is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, copy_inputs, edit

from edition.engine import config
from edition.errors import CheckFailed
from edition.pipeline import release_cache
from edition.pipeline.build import build
from edition.pipeline.release_cache import cache_dir, release_key
from edition.pipeline.releases import prepare, with_releases
from edition.read.releases import Release

BANNER_SCRIPT = '<script>document.documentElement.classList.replace("no-js", "js")</script>'
SHA = "0" * 64


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Path:
    """A copy of the project with its release history, built once (the cache filled)."""
    root = copy_inputs(tmp_path_factory.mktemp("released"), releases=True)
    if (ROOT / ".cache").exists():
        shutil.copytree(ROOT / ".cache", root / ".cache")
    build(root)
    return root


@pytest.fixture(scope="module")
def release(released):
    """The first release's version and its edition as the build gives it."""
    _, editions = prepare(released)
    version = next(iter(editions))
    return version, editions[version]


def key(root: Path, edition, **changes) -> str:
    return release_key(
        root, edition, changes.get("sha256", SHA), changes.get("engine", "mkdocs"), changes.get("downloads")
    )


def test_the_key_is_stable_and_changes_with_each_input(released, release, monkeypatch, tmp_path):
    version, edition = release
    base = key(released, edition)
    assert key(released, edition) == base
    assert key(released, edition, sha256="1" * 64) != base
    assert key(released, edition, engine="zensical-like") != base
    one, other = {"a.pdf": b"1"}, {"a.pdf": b"2"}
    assert key(released, edition, downloads=one) != key(released, edition, downloads=other)
    # a new release changes the version menu every release shows
    meta = edition.metadata.values
    history = tuple(Release(r["version"], r["date"], r["statement"], "0" * 40, SHA) for r in meta["releases"])
    newer = (*history, Release("9.9", "2030-01-01", "A later release.", "0" * 40, SHA))
    menu = with_releases(edition, newer, "9.9", meta["latest_url"], history[0], meta["latest_labels"])
    assert key(released, menu) != base
    # a page, the project's configuration
    for name in ("docs/about.md", "mkdocs.yml"):
        path = released / name
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        try:
            assert key(released, edition) != base, name
        finally:
            path.write_bytes(original)
    assert key(released, edition) == base
    # the toolkit's own source
    toolkit = tmp_path / "edition"
    shutil.copytree(release_cache.TOOLKIT, toolkit, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(release_cache, "TOOLKIT", toolkit)
    assert key(released, edition) == base
    for name in ("render/markup.py", "engine/theme/main.html"):  # its code, its theme hooks
        original = (toolkit / name).read_text("utf-8")
        (toolkit / name).write_text(original + "\n", "utf-8")
        assert key(released, edition) != base, name
        (toolkit / name).write_text(original, "utf-8")
    monkeypatch.undo()
    # an installed package
    monkeypatch.setattr(release_cache, "installed", lambda: {"mkdocs-material": "0.0.0"})
    assert key(released, edition) != base


def test_a_cached_release_is_byte_for_byte_one_built_afresh(released, release, tmp_path):
    version, _ = release
    stored = cache_dir(released / "build", version)
    assert (stored / "key").is_file() and (stored / "site" / "index.html").is_file()
    build(released, target=tmp_path / "cached")
    shutil.rmtree(stored)
    build(released, target=tmp_path / "fresh")
    assert (stored / "key").is_file()
    cached, fresh = tree(tmp_path / "cached"), tree(tmp_path / "fresh")
    assert any(name.startswith(f"v/{version}/") for name in fresh)
    assert cached.keys() == fresh.keys()
    assert [name for name in fresh if cached[name] != fresh[name]] == []


def test_a_matching_key_reuses_the_cache_and_a_changed_theme_hook_rebuilds(
    released, release, tmp_path, monkeypatch
):
    version, _ = release
    stored = cache_dir(released / "build", version)
    build(released, target=tmp_path / "reused")
    reused = tmp_path / "reused" / "v" / version / "index.html"
    assert reused.samefile(stored / "site" / "index.html")  # the cache's own file, not a new one
    before = (stored / "key").read_text("utf-8")
    toolkit = tmp_path / "edition"  # a copy of the package whose theme hook is changed
    shutil.copytree(release_cache.TOOLKIT, toolkit, ignore=shutil.ignore_patterns("__pycache__"))
    edit(
        toolkit / "engine" / "theme" / "main.html",
        BANNER_SCRIPT,
        BANNER_SCRIPT + "<!-- a changed override -->",
    )
    monkeypatch.setattr(release_cache, "TOOLKIT", toolkit)
    monkeypatch.setattr(config, "THEME", toolkit / "engine" / "theme")
    build(released, target=tmp_path / "rebuilt")
    rebuilt = tmp_path / "rebuilt" / "v" / version / "index.html"
    assert "<!-- a changed override -->" in rebuilt.read_text("utf-8")
    assert not rebuilt.samefile(reused)
    assert (stored / "key").read_text("utf-8") != before


def test_a_file_changed_in_place_is_not_reused(released, release, tmp_path):
    version, _ = release
    build(released, target=tmp_path / "first")
    page = tmp_path / "first" / "v" / version / "index.html"  # the cache's file too
    expected = page.read_bytes()
    page.write_bytes(expected.replace(b"</body>", b"<!-- edited in place --></body>"))
    build(released, target=tmp_path / "second")
    again = tmp_path / "second" / "v" / version / "index.html"
    assert again.read_bytes() == expected
    assert not again.samefile(page)


def test_a_reused_release_is_checked_like_a_fresh_one(released, release, tmp_path):
    version, edition = release
    build(released)  # the cache is this version's, as built
    section = edition.chapter.sections[1]
    block = section.blocks[0]
    word = next(w for w in block.text.split() if len(w) > 5 and w.isalpha())
    page = cache_dir(released / "build", version) / "site" / f"{section.slug}.html"
    html = page.read_text("utf-8")
    at = html.index(word, html.index(f'id="{block.id}"'))
    page.write_text(html[:at] + html[at + len(word) :], "utf-8")
    stored = cache_dir(released / "build", version)  # a cache whose own list agrees: reused
    (stored / release_cache.MANIFEST).write_text(json.dumps(release_cache._stamps(stored / "site")), "utf-8")
    site = tree(released / "site")
    with pytest.raises(CheckFailed, match=f"v/{version}/: "):
        build(released)
    assert tree(released / "site") == site  # the site built before is untouched


def test_a_releases_edition_is_read_once_and_read_again_when_its_key_changes(tmp_path):
    from edition.pipeline.release_cache import cached_edition
    from edition.pipeline.releases import read_release

    root = copy_inputs(tmp_path, releases=True)
    folder = root / "releases" / "1.0"
    reads: list[Path] = []

    def counted(path: Path):
        reads.append(path)
        return read_release(path)

    first = cached_edition(root / "build", "1.0", folder, SHA, counted)
    again = cached_edition(root / "build", "1.0", folder, SHA, counted)
    assert reads == [folder] and again == first == read_release(folder)
    cached_edition(root / "build", "1.0", folder, "1" * 64, counted)  # another snapshot hash
    assert len(reads) == 2
    kept = root / "build" / "release-cache" / "editions" / "1.0.pickle"
    kept.write_bytes(b"not a pickle")
    assert cached_edition(root / "build", "1.0", folder, "1" * 64, counted) == first
    assert len(reads) == 3
