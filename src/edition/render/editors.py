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

from ..errors import EditionError
from ..model import BibEntry, Edition
from ..read.bibliography import list_field, plain, read_bibliography
from ..read.sources import Paths
from .markup import attr, source_links

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
                path,
                entry.line,
                f"entry {entry.key}: verified {item!r} is {what}; cite the key of an "
                "editors.bib @online entry that gives the page's title and site",
            )


def check_references(
    edition: Edition, path: Path, what: str, line: int | None, items: tuple[str, ...]
) -> None:
    """References from the YAML are keys of either .bib file, never bare addresses."""
    keys = {e.key for e in (*edition.bibliography, *edition.editors_bibliography)}
    for item in items:
        if item.startswith(ADDRESS):
            raise EditionError(
                path,
                line,
                f"{what}: {item!r} is a bare address; cite the key of an editors.bib "
                "@online entry that gives the page's title and site",
            )
        if item not in keys:
            message = f"{what}: reference {item!r} is no key of bibliography.bib or editors.bib"
            raise EditionError(path, line, message)


def check_sources(edition: Edition, paths: Paths) -> None:
    """A working version cites every piece of evidence by key (a released snapshot keeps
    the addresses it was released with): the YAML's references and evidence, and the
    `verified` fields of both .bib files."""
    by_key = editors_by_key(edition)
    check_verified(edition.bibliography, paths.bibliography, by_key)
    check_verified(edition.editors_bibliography, paths.editors_bibliography, by_key)
    for entry in edition.glossary:
        check_references(edition, paths.glossary, f"entry {entry.id!r}", entry.line, entry.references)
    for event in edition.chronology:
        check_references(edition, paths.chronology, f"event {event.id!r}", event.line, event.references)
    places = {*(b.id for b in edition.chapter.blocks), *(n.id for n in edition.chapter.notes)}
    for items, path, what in (
        *((i.evidence, paths.apparatus, (f"intervention {i.id!r}", i.line)) for i in edition.apparatus),
        *((c.evidence, paths.commentary, (f"comment {c.id!r}", c.line)) for c in edition.commentary),
    ):
        keys = tuple(item for item in items if item not in places)
        check_references(edition, path, what[0], what[1], keys)
    for kind, items in (edition.metadata.get("references") or {}).items():
        check_references(edition, paths.edition_yaml, f"references: {kind}", None, tuple(items))


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
    name = (f"{title}, {site}" if site else title) if title else f"a page of {site}"
    return f"{name} (a weak source)" if WEAK in keywords(entry) else name


def reference_links(edition: Edition, items: tuple[str, ...] | list[str]) -> list[str]:
    """Links for references that are editors' works (by key, or, in a released snapshot,
    by the address of a web page the bibliography holds): to the work's entry in the
    bibliography, named by its title and site; Cliff's works by their title. A released
    snapshot's other addresses keep the host-named link they were released with."""
    by_key, cliff = editors_by_key(edition), {e.key: e for e in edition.bibliography}
    by_address = {e.fields["url"]: e for e in edition.editors_bibliography if e.fields.get("url")}
    links = []
    for item in items:
        entry = by_key.get(item) or by_address.get(item)
        if entry is not None:
            links.append(f'<a href="bibliography.html#ref-{attr(entry.key)}">{escape(label(entry))}</a>')
        elif item in cliff:
            title = plain(cliff[item].fields.get("title", item))
            links.append(f'<a href="bibliography.html#ref-{attr(item)}">{escape(title)}</a>')
        else:
            links.append(source_links([item]))
    return links


def checked_links(edition: Edition, entry: BibEntry) -> list[str]:
    """The pages an entry was checked against, other than its own address."""
    own = plain(entry.fields.get("url", ""))
    return reference_links(edition, [i for i in list_field(entry, "verified") if i != own])
