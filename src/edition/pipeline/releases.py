"""The releases in the pipeline: each one's edition read from its snapshot, told where it is
published and what the others are, and a project folder to build it from."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..model import Edition, Metadata
from ..read.releases import Release, check_current, read_releases, snapshot_dir
from ..read.sources import Paths
from ..resolve.changes import changes
from .load import load
from .release_cache import cached_edition


def with_releases(
    edition: Edition,
    history: tuple[Release, ...],
    latest: str,
    base: str,
    this: Release | None = None,
    latest_labels: list[str] | None = None,
) -> Edition:
    """The edition with what it needs to know of the releases: where its citations point
    (its release's address, if it is a release), the latest version, and every release.

    `base` is the site's own address; a release is published at `base`v/X.Y/."""
    values = dict(edition.metadata.values)
    version = str(values["version"])
    released = {r.version for r in history}
    values.update(
        site_url=f"{base}v/{this.version}/" if this else base,
        release_url=f"{base}v/{version}/" if version in released else None,
        latest_url=base,
        latest_version=latest,
        release=this.version if this else None,
        releases=[{"version": r.version, "date": r.date, "statement": r.statement} for r in history],
        latest_labels=latest_labels or [],
    )
    return replace(edition, metadata=Metadata(values))


def release_history(root: Path, edition: Edition) -> tuple[tuple[Release, ...], dict[str, Edition]]:
    """The releases and each one's edition as its snapshot says it; the current sources
    may not claim a released version and say something else."""
    history = read_releases(root)
    check_current(root, str(edition.metadata["version"]), history)
    build_dir = Paths(root).build
    editions = {}
    for r in history:
        editions[r.version] = cached_edition(
            build_dir, r.version, snapshot_dir(root, r.version), r.sha256, read_release
        )
    return history, editions


def read_release(folder: Path) -> Edition:
    """A release's edition as its snapshot says it (its evidence may be addresses)."""
    return load(folder, released=True)


def release_changes(history: tuple[Release, ...], editions: dict[str, Edition]) -> list[dict]:
    return [
        changes(editions[old.version], editions[new.version])
        for old, new in zip(history, history[1:], strict=False)
    ]


def release_project(root: Path, version: str) -> Path:
    """A project folder for building a release: its snapshot's sources, today's pages,
    theme and cache (linked, not copied)."""
    project = Paths(root).build / "releases" / version
    project.mkdir(parents=True, exist_ok=True)
    Paths(root).cache.mkdir(exist_ok=True)
    snapshot = snapshot_dir(root, version)
    links = {
        "sources": snapshot / "sources",
        "bibliography.bib": snapshot / "bibliography.bib",
        "editors.bib": snapshot / "editors.bib",
        **{name: root / name for name in ("docs", "mkdocs.yml", ".cache")},
    }
    for name, target in links.items():
        link = project / name
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(target.resolve(), target_is_directory=target.is_dir())
    return project


def prepare(root: Path) -> tuple[Edition, dict[str, Edition]]:
    """The latest edition, and each release's, as the site will show them."""
    edition = load(root)
    history, editions = release_history(root, edition)
    version, base = str(edition.metadata["version"]), edition.metadata["site_url"]
    latest = with_releases(edition, history, version, base)
    latest = replace(
        latest, metadata=Metadata({**latest.metadata.values, "changes": release_changes(history, editions)})
    )
    labels = [b.number for b in edition.chapter.blocks]
    released = {
        r.version: with_releases(editions[r.version], history, version, base, r, labels) for r in history
    }
    return latest, released
