"""The editors' own bibliography (editors.bib): the works their notes, interventions and
registers rely on, kept apart from the works Cliff cites and listed as "Works cited by
the editors". Every entry is marked `keywords = {editorial}`, no key may repeat one of
Cliff's, and every entry names the pages it was checked against.

Web evidence has one form: an @online entry with its page title (`title`), its site
(`organization`) and its address (`url`), cited by key from the YAML and from the
`verified` fields of both .bib files. A bare address is refused there. `keywords` may
add `weak` (a shop, a mirror, a content farm: said so beside every citation) and
`title-unchecked` (a page whose title the editors have not yet read on the page: it is
named by its site alone until they have)."""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path

from .bibliography import list_field, plain, read_bibliography
from .errors import EditionError
from .markup import attr
from .model import BibEntry, Edition

KEYWORD = "editorial"
WEAK = "weak"
ADDRESS = ("http://", "https://")


def keywords(entry: BibEntry) -> list[str]:
    return [k.strip() for k in entry.fields.get("keywords", "").split(",")]


def read_editors(path: Path, cliff: tuple[BibEntry, ...]) -> tuple[BibEntry, ...]:
    if not path.exists():
        return ()
    entries = read_bibliography(path)
    cited_by_cliff = {e.key for e in cliff}
    for entry in entries:
        if entry.key in cited_by_cliff:
            raise EditionError(path, entry.line, f"entry {entry.key} is also in bibliography.bib")
        if KEYWORD not in keywords(entry):
            raise EditionError(path, entry.line, f"entry {entry.key}: keywords must include {KEYWORD!r}")
        if not list_field(entry, "verified"):
            raise EditionError(path, entry.line, f"entry {entry.key}: 'verified' addresses are required")
        if entry.entry_type == "online":
            check_online(entry, path)
    return entries


def check_online(entry: BibEntry, path: Path) -> None:
    """A web page is named by its site (and, the reader checks, its title), never by a bare address."""
    for field in ("url", "organization"):
        if not entry.fields.get(field, "").strip():
            raise EditionError(path, entry.line, f"entry {entry.key}: a web page needs its {field!r}")


def check_verified(entries: tuple[BibEntry, ...], path: Path, editors: dict[str, BibEntry]) -> None:
    """Every `verified` item is an editors.bib key, or (for a web page) its own address."""
    for entry in entries:
        for item in list_field(entry, "verified"):
            if item in editors or item == plain(entry.fields.get("url", "")):
                continue
            what = "a bare address" if item.startswith(ADDRESS) else "no editors.bib key"
            raise EditionError(
                path, entry.line, f"entry {entry.key}: verified {item!r} is {what}; cite the key of an "
                "editors.bib @online entry that gives the page's title and site"
            )


def check_references(edition: Edition, path: Path, what: str, line: int | None, items: tuple[str, ...]) -> None:
    """References from the YAML are keys of either .bib file, never bare addresses."""
    keys = {e.key for e in (*edition.bibliography, *edition.editors_bibliography)}
    for item in items:
        if item in keys:
            continue
        problem = "is a bare address; cite the key of an editors.bib @online entry that gives the page's " \
            "title and site" if item.startswith(ADDRESS) else "is no key of bibliography.bib or editors.bib"
        raise EditionError(path, line, f"{what}: reference {item!r} {problem}")


def check_sources(edition: Edition, cliff: Path, editors: Path, glossary: Path, metadata: Path) -> None:
    """Web evidence everywhere outside the apparatus and chronology (which check their own)."""
    by_key = editors_by_key(edition)
    check_verified(edition.bibliography, cliff, by_key)
    check_verified(edition.editors_bibliography, editors, by_key)
    for entry in edition.glossary:
        check_references(edition, glossary, f"entry {entry.id!r}", entry.line, entry.references)
    for kind, items in (edition.metadata.get("references") or {}).items():
        check_references(edition, metadata, f"references: {kind}", None, tuple(items))


def link_editors(edition: Edition, path: Path) -> Edition:
    """The edition with the editors' works, read before the texts that cite them."""
    return replace(edition, editors_bibliography=read_editors(path, edition.bibliography))


def editors_by_key(edition: Edition) -> dict[str, BibEntry]:
    return {e.key: e for e in edition.editors_bibliography}


def label(entry: BibEntry) -> str:
    """How an editors' work is named beside a text it supports: its title and, for a web
    page or an article, the site or periodical it belongs to (never a bare host); a weak
    source says so."""
    title = plain(entry.fields.get("title", ""))
    site = plain(entry.fields.get("organization") or entry.fields.get("journaltitle") or "")
    if not title:
        name = f"a page of {site}"
    else:
        name = f"{title}, {site}" if site else title
    return f"{name} (a weak source)" if WEAK in keywords(entry) else name


def reference_links(edition: Edition, items: tuple[str, ...] | list[str]) -> list[str]:
    """Links for references that are editors' works (by key): to the work's entry in the
    bibliography, named by its title and site. Cliff's works are linked by their title."""
    by_key = editors_by_key(edition)
    cliff = {e.key: e for e in edition.bibliography}
    links = []
    for item in items:
        entry = by_key.get(item) or cliff.get(item)
        name = label(entry) if item in by_key else plain(entry.fields.get("title", item)) if entry else item
        links.append(f'<a href="bibliography.html#ref-{attr(item)}">{escape(name)}</a>')
    return links


def checked_links(edition: Edition, entry: BibEntry) -> list[str]:
    """The pages an entry was checked against, other than its own address."""
    own = plain(entry.fields.get("url", ""))
    return reference_links(edition, [i for i in list_field(entry, "verified") if i != own])
