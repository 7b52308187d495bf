"""Releases: the versions of the edition that stay readable, unchanged, for good.

A release is recorded in `sources/releases.yaml` (version, date, statement, the
commit it was cut from, and the SHA-256 of its snapshot), and its editorial sources
are kept in the committed tree under `releases/X.Y/` (the received file, the YAML
sources and the .bib as they were), so that a fresh clone, with or without its
history, rebuilds every release from exactly what it said. The toolkit that builds
it is today's; what it builds from never changes.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import EditionError
from .yamlfile import dump_yaml, line_of, load_yaml

VERSION = re.compile(r"^[0-9]+\.[0-9]+$")
COMMIT = re.compile(r"^[0-9a-f]{40}$")
RELEASES_FILE = "releases.yaml"
SNAPSHOT = ("sources", "bibliography.bib", "editors.bib")  # what a release keeps: the editorial sources


@dataclass(frozen=True)
class Release:
    version: str
    date: str
    statement: str
    commit: str
    sha256: str
    line: int | None = None

    @property
    def key(self) -> tuple[int, int]:
        return version_key(self.version)


def version_key(version: str) -> tuple[int, int]:
    major, minor = version.split(".")
    return int(major), int(minor)


def releases_path(root: Path) -> Path:
    return root / "sources" / RELEASES_FILE


def snapshot_dir(root: Path, version: str) -> Path:
    return root / "releases" / version


def read_releases(root: Path) -> tuple[Release, ...]:
    """The recorded releases, oldest first; each checked against its snapshot."""
    path = releases_path(root)
    if not path.exists():
        return ()
    data = load_yaml(path, schema="releases")
    records = data.get("releases") or []
    if not isinstance(records, list):
        raise EditionError(path, line_of(data), "'releases' must be a list")
    releases: list[Release] = []
    for record in records:
        line = line_of(record)
        if not isinstance(record, dict):
            raise EditionError(path, line, "each release must be a mapping")
        fields = {k: str(record.get(k) or "") for k in ("version", "date", "statement", "commit", "sha256")}
        if not VERSION.match(fields["version"]):
            raise EditionError(path, line, f"release version {fields['version']!r} is not MAJOR.MINOR")
        if not COMMIT.match(fields["commit"]):
            raise EditionError(path, line, f"release {fields['version']}: commit must be 40 hex digits")
        try:
            date.fromisoformat(fields["date"])
        except ValueError:
            raise EditionError(path, line, f"release {fields['version']}: date must be YYYY-MM-DD") from None
        release = Release(**fields, line=line)
        if releases and release.key <= releases[-1].key:
            raise EditionError(
                path, line, f"release {release.version} does not follow {releases[-1].version}"
            )
        actual = snapshot_hash(snapshot_dir(root, release.version))
        if actual != release.sha256:
            raise EditionError(
                path,
                line,
                f"release {release.version}: its snapshot releases/{release.version}/ "
                + ("is missing" if actual is None else "has changed since it was released (it never may)"),
            )
        releases.append(release)
    return tuple(releases)


def snapshot_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != RELEASES_FILE)


def snapshot_hash(folder: Path) -> str | None:
    """One SHA-256 over the snapshot's files, names and contents."""
    if not folder.is_dir():
        return None
    digest = hashlib.sha256()
    for path in snapshot_files(folder):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def sources_hash(root: Path) -> str:
    """The hash the current sources would have as a snapshot."""
    with_files = [root / name for name in SNAPSHOT]
    digest = hashlib.sha256()
    files = []
    for item in with_files:
        if item.is_dir():
            files += [(p.relative_to(root).as_posix(), p) for p in snapshot_files(item)]
        elif item.exists():
            files.append((item.name, item))
    for name, path in sorted(files):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def check_current(root: Path, version: str, releases: tuple[Release, ...]) -> None:
    """The sources may not claim a released version and say something else."""
    released = {r.version: r for r in releases}
    if version in released and sources_hash(root) != released[version].sha256:
        raise EditionError(
            root / "sources" / "edition.yaml",
            None,
            f"the sources have changed since release {version}: give them a new version "
            "(metadata: version) before building",
        )


def git_head(root: Path) -> str:
    result = subprocess.run(
        ["git", "-C", str(root), "status", "--porcelain", "--", *SNAPSHOT], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise EditionError(root, None, "a release is cut from a git repository: none found here")
    if result.stdout.strip():
        raise EditionError(root, None, "commit the sources first: a release names the commit it was cut from")
    return subprocess.run(
        ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()


def cut_release(root: Path, version: str, statement: str, today: date | None = None) -> Release:
    """Snapshot the committed sources as release `version` and record it."""
    from .sources import Paths, read_chapter

    _, metadata, _ = read_chapter(Paths(root))
    if str(metadata["version"]) != version:
        raise EditionError(
            root / "sources" / "edition.yaml",
            None,
            f"the sources are version {metadata['version']}, not {version}: set metadata: version first",
        )
    releases = read_releases(root)
    if releases and version_key(version) <= releases[-1].key:
        raise EditionError(
            releases_path(root), None, f"release {version} does not follow {releases[-1].version}"
        )
    commit = git_head(root)
    folder = snapshot_dir(root, version)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in SNAPSHOT:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns(RELEASES_FILE))
        elif source.exists():
            shutil.copy2(source, folder / name)
    release = Release(version, (today or date.today()).isoformat(), statement, commit, snapshot_hash(folder))
    write_releases(root, (*releases, release))
    return release


def write_releases(root: Path, releases: tuple[Release, ...]) -> None:
    records = [
        {
            "version": r.version,
            "date": r.date,
            "commit": r.commit,
            "sha256": r.sha256,
            "statement": r.statement,
        }
        for r in releases
    ]
    header = (
        "# The releases of this edition, oldest first, written by `edition release`: each is\n"
        "# rebuilt from its snapshot under releases/X.Y/ and published at v/X.Y/. Never edited.\n"
    )
    releases_path(root).write_text(header + dump_yaml({"releases": records}), "utf-8")
