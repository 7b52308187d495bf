"""The editors' own bibliography (editors.bib): the works their notes, interventions and
registers rely on, kept apart from the works the author cites and listed as "Works cited by
the editors". Every entry is marked `keywords = {editorial}`, no key may repeat one of
the author's, and every entry names the pages it was checked against."""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path

from .bibliography import list_field, plain, read_bibliography
from .errors import EditionError
from .markup import attr, source_links
from .model import BibEntry, Edition

KEYWORD = "editorial"


def read_editors(path: Path, cliff: tuple[BibEntry, ...]) -> tuple[BibEntry, ...]:
    if not path.exists():
        return ()
    entries = read_bibliography(path)
    cited_by_cliff = {e.key for e in cliff}
    for entry in entries:
        if entry.key in cited_by_cliff:
            raise EditionError(path, entry.line, f"entry {entry.key} is also in bibliography.bib")
        keywords = [k.strip() for k in entry.fields.get("keywords", "").split(",")]
        if KEYWORD not in keywords:
            raise EditionError(path, entry.line, f"entry {entry.key}: keywords must include {KEYWORD!r}")
        if not list_field(entry, "verified"):
            raise EditionError(path, entry.line, f"entry {entry.key}: 'verified' addresses are required")
    return entries


def link_editors(edition: Edition, path: Path) -> Edition:
    """The edition with the editors' works, read before the texts that cite them."""
    return replace(edition, editors_bibliography=read_editors(path, edition.bibliography))


def editors_by_key(edition: Edition) -> dict[str, BibEntry]:
    return {e.key: e for e in edition.editors_bibliography}


def _by_address(edition: Edition) -> dict[str, BibEntry]:
    return {e.fields["url"]: e for e in edition.editors_bibliography if e.fields.get("url")}


def label(entry: BibEntry) -> str:
    """How an editors' work is named beside a text it supports: its title and, for a web
    page or an article, the site or periodical it belongs to (never a bare host)."""
    title = plain(entry.fields.get("title", entry.key))
    site = plain(entry.fields.get("organization") or entry.fields.get("journaltitle") or "")
    return f"{title}, {site}" if site else title


def reference_links(edition: Edition, items: tuple[str, ...] | list[str]) -> list[str]:
    """Links for references that are editors' works (by key, or by the address of a web
    page the bibliography holds): to the work's entry in the bibliography, named by its
    title and site. Other addresses keep the host-named link."""
    by_key, by_address = editors_by_key(edition), _by_address(edition)
    links = []
    for item in items:
        entry = by_key.get(item) or by_address.get(item)
        if entry is not None:
            links.append(f'<a href="bibliography.html#ref-{attr(entry.key)}">{escape(label(entry))}</a>')
        else:
            links.append(source_links([item]))
    return links
