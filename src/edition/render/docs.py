"""Render stage: every generated page, and the navigation that orders them."""

from __future__ import annotations

import hashlib
import json
import os
from html import escape
from pathlib import Path

from ..format.citeproc import Formatted
from ..model import Edition
from ..read import schema
from ..read.sources import Paths
from ..read.yamlfile import decode
from . import data, minify
from .apparatus_page import apparatus_page
from .changes_page import changes_page
from .changes_page import page_name as changes_name
from .chronology_page import chronology_page
from .cite_files import cite_files
from .find_index import INDEX_FILE, find_index
from .glossary_page import glossary_page, persons_page
from .identity import fill_markers
from .markup import attr, page_name
from .naming import authors, kind, tei_file
from .page_meta import with_metadata
from .pages import bibliography_page, section_page
from .paragraph_pages import paragraph_pages
from .tei.document import tei_xml

ASSETS = Path(__file__).with_name("assets")
STYLES = ("assets/edition.css",)  # assets/print.css, for print only, is linked by the theme's hooks
SCRIPTS = ({"path": "assets/edition.js", "defer": True},)  # which fetches assets/find.js when first used


def asset_files() -> dict[str, bytes]:
    """The styles and scripts the rendered pages' markup needs (the apparatus switch,
    popovers, Cite, Find ¶, print), as the toolkit ships them for every edition; the
    stylesheets served without their comments."""
    files = {}
    for path in sorted(ASSETS.iterdir()):
        if path.suffix == ".css":
            files[f"assets/{path.name}"] = minify.css(decode(path.read_bytes(), path)).encode("utf-8")
        elif path.is_file():
            files[f"assets/{path.name}"] = path.read_bytes()
    return files


def nav(edition: Edition) -> list:
    """The site's navigation: home, the chapter's sections, the registers, about."""
    chapter = [{s.title: page_name(s.slug)} for s in edition.chapter.sections]
    registers = [{"Bibliography": "bibliography.md"}]
    if edition.glossary:
        registers += [{"Glossary": "glossary.md"}, {"Persons": "persons.md"}]
    if edition.chronology:
        registers.append({"Chronology": "chronology.md"})
    if edition.apparatus or edition.commentary:
        registers.append({"Apparatus": "apparatus.md"})
    changes = edition.metadata.get("changes") or []
    if changes:
        registers.append(
            {"What changed": [{f"In {c['to']}": changes_name(c["to"])} for c in reversed(changes)]}
        )
    return [
        {"Home": "index.md"},
        {edition.metadata["chapter_title"]: chapter},
        *registers,
        {"Downloads": "downloads.md"},
        {"Data and reuse": "data.md"},
        {"About this edition": "about.md"},
    ]


def pages(edition: Edition, formatted: Formatted, downloads: dict[str, int] | None = None) -> dict[str, str]:
    """Every generated page, by file name; `downloads` gives the exports' names and sizes."""
    result = {
        page_name(s.slug): section_page(edition, i, formatted) for i, s in enumerate(edition.chapter.sections)
    }
    result["bibliography.md"] = bibliography_page(edition, formatted)
    if edition.glossary:
        result["glossary.md"] = glossary_page(edition)
        result["persons.md"] = persons_page(edition)
    if edition.chronology:
        result["chronology.md"] = chronology_page(edition)
    if edition.apparatus or edition.commentary:
        result["apparatus.md"] = apparatus_page(edition)
    for change in edition.metadata.get("changes") or []:
        base = edition.metadata.get("changes_base", "")
        result[changes_name(change["to"])] = changes_page(change, base, authors(edition.metadata))
    result["downloads.md"] = downloads_page(edition, downloads or {})
    return result


def descriptions(edition: Edition) -> dict[str, str]:
    """What each download is, by its suffix."""
    meta = edition.metadata
    return {
        ".zip": "the whole site, to unzip and open from the files (index.html), with no network",
        ".html": f"the whole {kind(meta)} in one file, with notes, glossary and apparatus; prints well",
        ".epub": "an EPUB 3 e-book of the same",
        ".pdf": f"the whole edition as a printed book: A4, {authors(meta, chr(39))} notes at the foot "
        "of the page",
    }


def size(count: int) -> str:
    return f"{count / 1024:.0f} KB" if count < 1024 * 1024 else f"{count / 1024 / 1024:.1f} MB"


def downloads_page(edition: Edition, downloads: dict[str, int]) -> str:
    described = descriptions(edition)
    rows = "".join(
        f'<li><a href="downloads/{attr(name)}" download>{escape(name)}</a> '
        f"({size(count)}; {count:,} bytes): {escape(described[Path(name).suffix], quote=False)}</li>"
        for name, count in downloads.items()
    )
    body = (
        f'<ul class="downloads">{rows}</ul>'
        if rows
        else "<p>This build has no downloads: <code>edition export</code> makes them.</p>"
    )
    return (
        "---\ntitle: Downloads\n---\n\n# Downloads\n\n"
        '<p class="lede">The edition to take away, for reading with no network. The TEI document '
        'and the data files are on <a href="data.html">Data and reuse</a>.</p>\n\n' + body + "\n"
    )


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
    generated = {**pages(edition, formatted, sizes), **paragraph_pages(edition, formatted)}
    generated.update(cite_files(edition))
    generated.update(
        {f"data/{name}": json_lines(records) for name, records in data.data_files(edition).items()}
    )
    generated[f"data/{tei_file(edition.metadata)}"] = tei_xml(edition)
    generated[INDEX_FILE] = find_index(edition)
    if edition.metadata.get("changes"):
        generated["data/changes.json"] = json_lines(edition.metadata["changes"])
    files.update({name: text.encode("utf-8") for name, text in generated.items()})
    for name, content in files.items():
        if name.endswith(".md"):
            files[name] = with_metadata(edition, name, content.decode("utf-8")).encode("utf-8")
    files.update(asset_files())
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
    creating thousands of files on every build. What was written is listed beside
    the folder (each file's SHA-256, size and time), so a file is known unchanged
    by one stat and its new content's hash, without reading it back; a file that
    was touched since (another size or time) is written again."""
    listing = root.with_name(f".{root.name}.json")
    try:
        written = json.loads(listing.read_text("utf-8"))
    except (OSError, ValueError):
        written = {}
    on_disk: dict[str, list[int]] = {}
    for folder, _dirs, names in os.walk(root, topdown=False):
        for base in names:
            path = os.path.join(folder, base)
            name = os.path.relpath(path, root).replace(os.sep, "/")
            if name not in files:
                os.unlink(path)
                continue
            stat = os.stat(path)
            on_disk[name] = [stat.st_size, stat.st_mtime_ns]
        if folder != str(root) and not os.listdir(folder):
            os.rmdir(folder)
    stamps = {}
    for name, content in files.items():
        digest = hashlib.sha256(content).hexdigest()
        known = written.get(name)
        if known and known[0] == digest and on_disk.get(name) == known[1:]:
            stamps[name] = known
            continue
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        stat = target.stat()
        stamps[name] = [digest, stat.st_size, stat.st_mtime_ns]
    listing.write_text(json.dumps(stamps), "utf-8")
