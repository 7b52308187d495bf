"""The pipeline: read → resolve → format → render → MkDocs → check → publish.

The site is built in a temporary directory and swapped into place only when
every check passes, so a failed build never touches the previous site/.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..check.site import check_site
from ..engine.config import write_config
from ..engine.generators import EngineFailed, chosen, run_mkdocs, run_zensical
from ..engine.theme_fixes import fix_site
from ..errors import CheckFailed, EditionError
from ..format.citeproc import Formatted, format_citations, request_id
from ..model import Edition, Metadata
from ..read.releases import snapshot_dir, snapshot_hash
from ..read.sources import Paths
from ..read.yamlfile import check_config
from ..render.cite import cite_items
from ..render.docs import docs_files, sync_tree
from .release_cache import release_key, restore, store
from .releases import prepare, release_project


@dataclass(frozen=True)
class Built:
    edition: Edition
    site: Path


def format_edition(edition: Edition, paths: Paths) -> Formatted:
    requests = {
        request_id(note.number, i): citation
        for note in edition.chapter.notes
        for i, citation in enumerate(note.citations)
    }
    cache, editors = paths.cache / "citeproc", edition.editors_bibliography
    return format_citations(edition.bibliography, requests, cache, cite_items(edition), editors)


def render_site(
    edition: Edition,
    paths: Paths,
    site: Path,
    downloads: dict[str, bytes] | None = None,
    variant: str = "",
    engine: str = "mkdocs",
) -> None:
    """Format, render and run the engine: one version of the edition into `site`, with
    the edition's fixes to the theme's markup made."""
    formatted = format_edition(edition, paths)
    paths.build.mkdir(exist_ok=True)
    suffix = f"-{variant}" if variant else ""
    sync_tree(docs_files(edition, formatted, paths, downloads), paths.build / f"docs{suffix}")
    config = write_config(edition, paths, variant)
    if engine == "zensical":
        try:
            run_zensical(config, site)
        except EngineFailed as exc:
            raise CheckFailed(exc.messages) from exc
    else:
        run_mkdocs(config, site, paths.mkdocs_yml)
    fix_site(site)


def build(
    root: Path,
    downloads: dict[str, bytes] | None = None,
    variant: str = "",
    target: Path | None = None,
    engine: str | None = None,
    release_downloads: dict[str, dict[str, bytes]] | None = None,
) -> Built:
    """Build the site (or its offline variant) with the engine (MkDocs unless told, see
    engine.chosen) and put it at target (site/ by default): the latest text at the root
    and, online, every release at v/X.Y/ (with its own downloads, where given)."""
    engine = chosen(engine)
    paths = Paths(root)
    check_config(paths.mkdocs_yml)
    edition, released = prepare(root)
    if variant:  # the file:// copy holds the latest only: the releases stay online
        released = {}
        values = edition.metadata.values
        edition = replace(edition, metadata=Metadata({**values, "changes_base": values["latest_url"]}))
    paths.build.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=paths.build, prefix=".work-") as tmp:
        site = Path(tmp) / "site"
        render_site(edition, paths, site, downloads, variant, engine)
        fresh = {}
        for version, release in released.items():
            extra = (release_downloads or {}).get(version)
            key = release_key(root, release, snapshot_hash(snapshot_dir(root, version)), engine, extra)
            if not restore(paths.build, version, key, site / "v" / version):
                project = Paths(release_project(root, version))
                render_site(release, project, site / "v" / version, extra, engine=engine)
                fresh[version] = key
        problems = check_site(edition, site, released)
        if problems:
            raise CheckFailed(problems)
        for version, key in fresh.items():
            store(paths.build, version, key, site / "v" / version)
        _replace(site, target or paths.site)
    return Built(edition, target or paths.site)


def _replace(new: Path, old: Path) -> None:
    """Put new where old was, with old removed only once new is in place."""
    if old.exists():
        retired = old.with_name(old.name + ".old")
        shutil.rmtree(retired, ignore_errors=True)
        old.rename(retired)
        new.rename(old)
        shutil.rmtree(retired)
    else:
        new.rename(old)


def check(root: Path) -> list[str]:
    """`edition check`: validate the inputs and check the site already built."""
    paths = Paths(root)
    edition, released = prepare(root)
    if not paths.site.exists():
        raise EditionError(paths.site, None, "no site built yet: run `edition build` first")
    return check_site(edition, paths.site, released)
