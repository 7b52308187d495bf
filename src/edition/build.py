"""The pipeline: read → resolve → format → render → MkDocs → check → publish.

The site is built in a temporary directory and swapped into place only when
every check passes, so a failed build never touches the previous site/.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from . import data, minify, render, schema
from .apparatus import link_apparatus
from .changes import changes
from .chapter import read_received
from .chronology import link_chronology
from .cite import cite_items
from .cite_files import cite_files
from .citeproc import Formatted, format_citations, request_id
from .commentary import link_commentary
from .editors import link_editors
from .engine import EngineFailed, chosen, run_zensical
from .errors import EditionError
from .fidelity import Words, compare, reader_views, reading_words, received_words, tei_views
from .find_index import INDEX_FILE, find_index
from .glossary import link_mentions
from .housestyle import check_house_style
from .identity import fill_markers
from .links import check_links
from .logs import captured
from .markup import page_url
from .model import Edition, Metadata
from .page_meta import with_metadata
from .paragraph_pages import forward_targets, paragraph_pages
from .releases import Release, check_current, read_releases, snapshot_dir
from .resolve import resolve
from .romanization import check_romanization, check_romanization_of
from .sources import Paths, read
from .tei import TEI_FILE, tei_xml
from .theme_fixes import fix_site
from .yamlfile import check_config, config_line, decode, dump_yaml


@dataclass(frozen=True)
class Built:
    edition: Edition
    site: Path


class CheckFailed(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        heading = [] if len(problems) == 1 else [f"{len(problems)} checks failed:"]
        super().__init__("\n".join(heading + problems))


def load(root: Path) -> Edition:
    """Read and resolve: the edition as data, every input validated."""
    paths = Paths(root)
    edition = link_mentions(resolve(read(root), paths.bibliography), paths.glossary)
    edition = link_editors(edition, paths.editors_bibliography)
    edition = link_commentary(link_apparatus(edition, paths.apparatus), paths.commentary)
    check_romanization(edition, paths.glossary, paths.apparatus, paths.bibliography)
    check_romanization_of(edition.editors_bibliography, paths.editors_bibliography)
    check_house_style(paths.sources)
    return link_chronology(edition, paths.chronology)


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
    return history, {r.version: load(snapshot_dir(root, r.version)) for r in history}


def release_changes(history: tuple[Release, ...], editions: dict[str, Edition]) -> list[dict]:
    return [
        changes(editions[old.version], editions[new.version])
        for old, new in zip(history, history[1:], strict=False)
    ]


def format_edition(edition: Edition, paths: Paths) -> Formatted:
    requests = {
        request_id(note.number, i): citation
        for note in edition.chapter.notes
        for i, citation in enumerate(note.citations)
    }
    cache, editors = paths.cache / "citeproc", edition.editors_bibliography
    return format_citations(edition.bibliography, requests, cache, cite_items(edition), editors)


def docs_files(
    edition: Edition, formatted: Formatted, paths: Paths, downloads: dict[str, bytes] | None = None
) -> dict[str, bytes]:
    """The MkDocs input, by path: the hand-written pages, the generated pages, the
    paragraphs' permanent addresses, the data, and any downloads."""
    downloads = downloads or {}
    files = {
        p.relative_to(paths.docs).as_posix(): p.read_bytes() for p in paths.docs.rglob("*") if p.is_file()
    }
    for name, content in files.items():
        if name.endswith(".md"):
            decode(content, paths.docs / name)  # MkDocs reads the pages as UTF-8
            files[name] = fill_markers(edition, formatted, content.decode("utf-8")).encode("utf-8")
        elif name.endswith(".css"):
            files[name] = minify.css(decode(content, paths.docs / name)).encode("utf-8")
    sizes = {name: len(content) for name, content in downloads.items()}
    generated = {**render.pages(edition, formatted, sizes), **paragraph_pages(edition, formatted)}
    generated.update(cite_files(edition))
    generated.update(
        {f"data/{name}": json_lines(records) for name, records in data.data_files(edition).items()}
    )
    generated[f"data/{TEI_FILE}"] = tei_xml(edition)
    generated[INDEX_FILE] = find_index(edition)
    if edition.metadata.get("changes"):
        generated["data/changes.json"] = json_lines(edition.metadata["changes"])
    files.update({name: text.encode("utf-8") for name, text in generated.items()})
    for name, content in files.items():
        if name.endswith(".md"):
            files[name] = with_metadata(edition, name, content.decode("utf-8")).encode("utf-8")
    files.update(schema.published())
    files.update({f"downloads/{name}": content for name, content in downloads.items()})
    return files


def json_lines(records: list[dict]) -> str:
    """A JSON array with one record per line: readable, diffable, and written by the
    fast encoder (an indented dump goes through the slow one)."""
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n"


def sync_tree(files: dict[str, bytes], root: Path) -> None:
    """Make the folder hold exactly these files, writing only those that changed.

    The generated docs are intermediate output: keeping unchanged files saves
    creating a few hundred files on every build."""
    for path in sorted(root.rglob("*"), reverse=True) if root.exists() else ():
        name = path.relative_to(root).as_posix()
        if path.is_file() and name not in files:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for name, content in files.items():
        target = root / name
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


OFFLINE = {
    # Material's offline plugin: search from file://, with the iframe-worker shim
    # shipped in overrides/ instead of fetched from a CDN.
    "plugins": ["search", "offline"],
    "extra": {"polyfills": ["assets/javascripts/iframe-worker/shim.js"]},
}


def write_config(edition: Edition, paths: Paths, variant: str = "") -> Path:
    """build/mkdocs[-variant].yml: it inherits the project's and adds what the sources
    decide; the "offline" variant is the one for file://."""
    suffix = f"-{variant}" if variant else ""
    config = {
        "INHERIT": str(paths.mkdocs_yml.resolve()),
        "docs_dir": f"docs{suffix}",
        "site_dir": f"site{suffix}",
        "site_url": edition.metadata["site_url"],
        "theme": {"custom_dir": str((paths.root / "overrides").resolve())},
        "nav": render.nav(edition),
        **(OFFLINE if variant == "offline" else {}),
    }
    config["extra"] = {**config.get("extra", {}), "edition": versions_menu(edition, variant)}
    path = paths.build / f"mkdocs{suffix}.yml"
    path.write_text(dump_yaml(config), "utf-8")
    return path


def versions_menu(edition: Edition, variant: str = "") -> dict:
    """What the theme's banner shows: this version, whether it is the latest, and every
    version with its address relative to this version's root (none offline, where
    only this version is at hand)."""
    meta = edition.metadata
    release, latest = meta.get("release"), meta.get("latest_version") or str(meta["version"])
    up = "../../" if release else ""
    versions = [{"version": latest, "href": up, "latest": True}]
    versions += [
        {"version": r["version"], "href": f"{up}v/{r['version']}/", "latest": False}
        for r in reversed(meta.get("releases") or [])
    ]
    return {
        "version": str(meta["version"]),
        "release": release,
        "old": bool(release) and release != latest,
        "latest": latest,
        "latest_href": up,
        "versions": [] if variant else versions,
    }


def run_mkdocs(config_file: Path, site_dir: Path, source: Path | None = None) -> None:
    """MkDocs in strict mode; its warnings become the problems reported. An error in
    the configuration names `source`, the project's mkdocs.yml that it inherits."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    with captured("mkdocs") as warnings:
        try:
            config = load_config(str(config_file), strict=True, site_dir=str(site_dir))
        except (Abort, ConfigurationError) as exc:
            problems = [" ".join(str(w).split()) for w in warnings] or [" ".join(str(exc).split())]
            source = source or config_file
            key = re.match(r"Config value '(\w+)'", problems[0])
            line = config_line(source, key.group(1)) if key else None
            raise EditionError(source, line, "; ".join(problems)) from exc
        try:
            mkdocs_build(config)
        except (Abort, ConfigurationError) as exc:
            raise CheckFailed([f"mkdocs build --strict: {w}" for w in warnings] or [str(exc)]) from exc


def check_text(edition: Edition, site: Path) -> list[str]:
    """Fidelity of both views, on the pages and in the TEI, of one built version;
    an empty list means it passes.

    The received view must hold the received file word for word; the reading view,
    the received text with exactly the recorded interventions made.
    """
    received = received_words(read_received(edition.source), edition.source)
    section_pages = [site / page_url(s.slug) for s in edition.chapter.sections]
    missing = [p for p in section_pages if not p.exists()]
    if missing:
        return [f"missing page {p.name}" for p in missing]
    reading = reading_words(edition)
    problems = []
    for where, views in (("", reader_views(section_pages)), (" of the TEI", tei_file_views(site))):
        problems += [f"received view{where}: {p}" for p in compare(received, views["received"])]
        problems += [f"reading view{where}: {p}" for p in compare(reading, views["reading"])]
    return problems


def check_site(edition: Edition, site: Path, releases: dict[str, Edition] | None = None) -> list[str]:
    """Fidelity of the latest text and of every release at v/X.Y/, and the links of the
    whole site; an empty list means it passes."""
    problems = check_text(edition, site)
    redirects = forward_targets(edition)
    for version, released in (releases or {}).items():
        sub = f"v/{version}/"
        problems += [f"{sub}: {p}" for p in check_text(released, site / sub)]
        redirects.update({sub + name: sub + target for name, target in forward_targets(released).items()})
    base_path = urlsplit(edition.metadata.get("latest_url") or edition.metadata["site_url"]).path or "/"
    return problems + check_links(site, base_path, redirects=redirects)


def tei_file_views(site: Path) -> dict[str, Words]:
    """The two views of the TEI document the site publishes; one that does not parse
    fails the check."""
    path = site / "data" / TEI_FILE
    try:
        return tei_views(ET.parse(path).getroot())
    except (OSError, ET.ParseError) as exc:
        raise CheckFailed([f"{path.name}: {exc}"]) from exc


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
        **{name: root / name for name in ("docs", "overrides", "mkdocs.yml", ".cache")},
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
        for version, release in released.items():
            project = Paths(release_project(root, version))
            extra = (release_downloads or {}).get(version)
            render_site(release, project, site / "v" / version, extra, engine=engine)
        problems = check_site(edition, site, released)
        if problems:
            raise CheckFailed(problems)
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
