"""Render stage: every generated page, and the navigation that orders them."""

from __future__ import annotations

from html import escape
from pathlib import Path

from .apparatus_page import apparatus_page
from .changes_page import changes_page
from .changes_page import page_name as changes_name
from .chronology_page import chronology_page
from .citeproc import Formatted
from .glossary_page import glossary_page, persons_page
from .markup import attr, page_name
from .model import Edition
from .naming import authors, kind
from .pages import bibliography_page, section_page


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
