"""Render stage: every generated page, and the navigation that orders them."""

from __future__ import annotations

from .apparatus_page import apparatus_page
from .citeproc import Formatted
from .glossary_page import glossary_page, persons_page
from .markup import page_name
from .model import Edition
from .pages import bibliography_page, section_page


def nav(edition: Edition) -> list:
    """The site's navigation: home, the chapter's sections, the registers, about."""
    chapter = [{s.title: page_name(s.slug)} for s in edition.chapter.sections]
    registers = [{"Bibliography": "bibliography.md"}]
    if edition.glossary:
        registers += [{"Glossary": "glossary.md"}, {"Persons": "persons.md"}]
    if edition.apparatus or edition.commentary:
        registers.append({"Apparatus": "apparatus.md"})
    return [
        {"Home": "index.md"},
        {edition.metadata["chapter_title"]: chapter},
        *registers,
        {"About this edition": "about.md"},
    ]


def pages(edition: Edition, formatted: Formatted) -> dict[str, str]:
    """Every generated page, by file name."""
    result = {
        page_name(s.slug): section_page(edition, i, formatted) for i, s in enumerate(edition.chapter.sections)
    }
    result["bibliography.md"] = bibliography_page(edition, formatted)
    if edition.glossary:
        result["glossary.md"] = glossary_page(edition)
        result["persons.md"] = persons_page(edition)
    if edition.apparatus or edition.commentary:
        result["apparatus.md"] = apparatus_page(edition)
    return result
