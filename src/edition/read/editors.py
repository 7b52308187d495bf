"""The editors' own bibliography (editors.bib): the works their notes, interventions and
registers rely on, kept apart from the works the author cites and listed as "Works cited by
the editors". Every entry is marked `keywords = {editorial}`, no key may repeat one of
the author's, and every entry names the pages it was checked against.

Web evidence has one form: an @online entry with its page title (`title`), its site
(`organization`) and its address (`url`), cited by key from the YAML and from the
`verified` fields of both .bib files. A bare address is refused there. `keywords` may
add `weak` (a shop, a mirror, a content farm: said so beside every citation) and
`title-unchecked` (a page whose title the editors have not yet read on the page: it is
named by its site alone until they have, and no release is cut while one remains)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import EditionError
from ..model import BibEntry, Edition
from .bibliography import list_field, read_bibliography

KEYWORD = "editorial"


WEAK = "weak"


ADDRESS = ("http://", "https://")


def keywords(entry: BibEntry) -> list[str]:
    return [k.strip() for k in entry.fields.get("keywords", "").split(",")]


def read_editors(path: Path, authors_works: tuple[BibEntry, ...]) -> tuple[BibEntry, ...]:
    if not path.exists():
        return ()
    entries = read_bibliography(path)
    cited_by_author = {e.key for e in authors_works}
    for entry in entries:
        if entry.key in cited_by_author:
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


def link_editors(edition: Edition, path: Path) -> Edition:
    """The edition with the editors' works, read before the texts that cite them."""
    return replace(edition, editors_bibliography=read_editors(path, edition.bibliography))


def editors_by_key(edition: Edition) -> dict[str, BibEntry]:
    return {e.key: e for e in edition.editors_bibliography}
