"""The pipeline: read → resolve → format → render → MkDocs → check → publish.

The site is built in a temporary directory and swapped into place only when
every check passes, so a failed build never touches the previous site/.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from . import data, render
from .apparatus import link_apparatus
from .chapter import read_received
from .chronology import link_chronology
from .cite import cite_items, redirect_targets, redirects
from .citeproc import Formatted, format_citations, request_id
from .commentary import link_commentary
from .errors import EditionError
from .fidelity import Words, compare, reader_views, reading_words, received_words, tei_views
from .find_index import INDEX_FILE, find_index
from .glossary import link_mentions
from .links import check_links
from .logs import captured
from .markup import page_url
from .model import Edition
from .resolve import resolve
from .sources import Paths, read
from .tei import TEI_FILE, tei_xml
from .yamlfile import dump_yaml


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
    edition = link_commentary(link_apparatus(edition, paths.apparatus), paths.commentary)
    return link_chronology(edition, paths.chronology)


def format_edition(edition: Edition, paths: Paths) -> Formatted:
    requests = {
        request_id(note.number, i): citation
        for note in edition.chapter.notes
        for i, citation in enumerate(note.citations)
    }
    return format_citations(edition.bibliography, requests, paths.cache / "citeproc", cite_items(edition))


def docs_files(
    edition: Edition, formatted: Formatted, paths: Paths, downloads: dict[str, bytes] | None = None
) -> dict[str, bytes]:
    """The MkDocs input, by path: the hand-written pages, the generated pages, the
    paragraphs' permanent addresses, the data, and any downloads."""
    downloads = downloads or {}
    files = {
        p.relative_to(paths.docs).as_posix(): p.read_bytes() for p in paths.docs.rglob("*") if p.is_file()
    }
    sizes = {name: len(content) for name, content in downloads.items()}
    generated = {**render.pages(edition, formatted, sizes), **redirects(edition)}
    generated.update(
        {f"data/{name}": json_lines(records) for name, records in data.data_files(edition).items()}
    )
    generated[f"data/{TEI_FILE}"] = tei_xml(edition)
    generated[INDEX_FILE] = find_index(edition)
    files.update({name: text.encode("utf-8") for name, text in generated.items()})
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
    path = paths.build / f"mkdocs{suffix}.yml"
    path.write_text(dump_yaml(config), "utf-8")
    return path


def run_mkdocs(config_file: Path, site_dir: Path) -> None:
    """MkDocs in strict mode; its warnings become the problems reported."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    with captured("mkdocs") as warnings:
        try:
            mkdocs_build(load_config(str(config_file), strict=True, site_dir=str(site_dir)))
        except (Abort, ConfigurationError) as exc:
            raise CheckFailed([f"mkdocs build --strict: {w}" for w in warnings] or [str(exc)]) from exc


def check_site(edition: Edition, site: Path) -> list[str]:
    """Fidelity of both views, on the pages and in the TEI, and links, of a built site;
    an empty list means it passes.

    The received view must hold the received file word for word; the reading view,
    the received text with exactly the recorded interventions made.
    """
    received = received_words(read_received(edition.source), edition.source)
    section_pages = [site / page_url(s.slug) for s in edition.chapter.sections]
    missing = [p for p in section_pages if not p.exists()]
    if missing:
        return [f"missing page {p.name}" for p in missing]
    base_path = urlsplit(edition.metadata["site_url"]).path or "/"
    reading = reading_words(edition)
    problems = []
    for where, views in (("", reader_views(section_pages)), (" of the TEI", tei_file_views(site))):
        problems += [f"received view{where}: {p}" for p in compare(received, views["received"])]
        problems += [f"reading view{where}: {p}" for p in compare(reading, views["reading"])]
    return problems + check_links(site, base_path, redirects=redirect_targets(edition))


def tei_file_views(site: Path) -> dict[str, Words]:
    """The two views of the TEI document the site publishes; one that does not parse
    fails the check."""
    path = site / "data" / TEI_FILE
    try:
        return tei_views(ET.parse(path).getroot())
    except (OSError, ET.ParseError) as exc:
        raise CheckFailed([f"{path.name}: {exc}"]) from exc


def build(
    root: Path, downloads: dict[str, bytes] | None = None, variant: str = "", target: Path | None = None
) -> Built:
    """Build the site (or its offline variant) and put it at target (site/ by default)."""
    paths = Paths(root)
    edition = load(root)
    formatted = format_edition(edition, paths)
    paths.build.mkdir(exist_ok=True)
    suffix = f"-{variant}" if variant else ""
    sync_tree(docs_files(edition, formatted, paths, downloads), paths.build / f"docs{suffix}")
    config = write_config(edition, paths, variant)
    with tempfile.TemporaryDirectory(dir=paths.build, prefix=".work-") as tmp:
        site = Path(tmp) / "site"
        run_mkdocs(config, site)
        problems = check_site(edition, site)
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
    edition = load(root)
    if not paths.site.exists():
        raise EditionError(paths.site, None, "no site built yet: run `edition build` first")
    return check_site(edition, paths.site)
