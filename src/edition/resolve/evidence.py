"""Evidence and references as the sources give them, and what each item names: a work
of the author's bibliography or of the editors' (by its key), a block or note of the text
(by its id), or, in a released snapshot only, a web page by its bare address. One
classifier, for the checks here and for the pages and the TEI that show the evidence.

A working version cites every piece of evidence by key; a released snapshot keeps the
addresses it was released with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import EditionError
from ..model import BibEntry, Edition
from ..read.bibliography import UNCHECKED, list_field, plain
from ..read.editors import ADDRESS, keywords
from ..read.sources import Paths

WORK, EDITORS, PLACE, PAGE, UNKNOWN = "work", "editors", "place", "page", "unknown"


@dataclass(frozen=True)
class Evidence:
    item: str
    kind: str  # WORK, EDITORS, PLACE, PAGE (a bare address) or UNKNOWN
    entry: BibEntry | None = None  # the work named, or the editors' entry for a page's address


class Classifier:
    """What each item names in one edition."""

    def __init__(self, edition: Edition) -> None:
        self.works = {e.key: e for e in edition.bibliography}
        self.editors = {e.key: e for e in edition.editors_bibliography}
        self.pages = {e.fields["url"]: e for e in edition.editors_bibliography if e.fields.get("url")}
        self.places = {*(b.id for b in edition.chapter.blocks), *(n.id for n in edition.chapter.notes)}

    def __call__(self, item: str) -> Evidence:
        if item in self.editors:
            return Evidence(item, EDITORS, self.editors[item])
        if item in self.works:
            return Evidence(item, WORK, self.works[item])
        if item in self.places:
            return Evidence(item, PLACE)
        if item.startswith(ADDRESS):
            return Evidence(item, PAGE, self.pages.get(item))
        return Evidence(item, UNKNOWN)


_KNOWN: list[tuple[Edition, Classifier]] = []


def classifier(edition: Edition) -> Classifier:
    """The classifier of `edition`, made once: the pages ask for one for every list of
    references they show. A few recent editions are remembered, by identity."""
    for known, found in _KNOWN:
        if known is edition:
            return found
    found = Classifier(edition)
    _KNOWN[:] = [(edition, found), *_KNOWN[:3]]
    return found


def check_evidence(edition: Edition, items: tuple[str, ...], path: Path, line: int, what: str) -> None:
    """Evidence is a bibliography key (a web page by its editors.bib @online entry), or a
    block or note id (an address, kept in a released snapshot, is refused for a working
    version by `check_sources`)."""
    classify = Classifier(edition)
    for item in items:
        if classify(item).kind == UNKNOWN:
            raise EditionError(path, line, f"{what}: evidence {item!r} is no bibliography key, block or note")


def check_verified(entries: tuple[BibEntry, ...], path: Path, classify: Classifier) -> None:
    """Every `verified` item is an editors.bib key, or (for a web page) its own address."""
    for entry in entries:
        for item in list_field(entry, "verified"):
            if classify(item).kind == EDITORS or item == plain(entry.fields.get("url", "")):
                continue
            what = "a bare address" if item.startswith(ADDRESS) else "no editors.bib key"
            raise EditionError(
                path,
                entry.line,
                f"entry {entry.key}: verified {item!r} is {what}; cite the key of an "
                "editors.bib @online entry that gives the page's title and site",
            )


def check_references(
    classify: Classifier, path: Path, what: str, line: int | None, items: tuple[str, ...]
) -> None:
    """References from the YAML are keys of either .bib file, never bare addresses."""
    for item in items:
        kind = classify(item).kind
        if kind == PAGE:
            raise EditionError(
                path,
                line,
                f"{what}: {item!r} is a bare address; cite the key of an editors.bib "
                "@online entry that gives the page's title and site",
            )
        if kind not in (WORK, EDITORS):
            message = f"{what}: reference {item!r} is no key of bibliography.bib or editors.bib"
            raise EditionError(path, line, message)


def check_titled(edition: Edition, paths: Paths) -> None:
    """A release names every page the editors checked by its title: an entry still marked
    `title-unchecked` (shown as "a page of" its site) may stand in a working version, but
    is refused when a release is cut."""
    for entry in edition.editors_bibliography:
        if UNCHECKED in keywords(entry):
            raise EditionError(
                paths.editors_bibliography,
                entry.line,
                f"entry {entry.key}: its page's title has not been read ('{UNCHECKED}'); a release "
                "names every page by its title: read it on the page, or cite another page",
            )


def check_sources(edition: Edition, paths: Paths) -> None:
    """A working version cites every piece of evidence by key: the YAML's references and
    evidence, and the `verified` fields of both .bib files."""
    classify = Classifier(edition)
    check_verified(edition.bibliography, paths.bibliography, classify)
    check_verified(edition.editors_bibliography, paths.editors_bibliography, classify)
    for entry in edition.glossary:
        check_references(classify, paths.glossary, f"entry {entry.id!r}", entry.line, entry.references)
    for event in edition.chronology:
        check_references(classify, paths.chronology, f"event {event.id!r}", event.line, event.references)
    for items, path, what, line in (
        *((i.evidence, paths.apparatus, f"intervention {i.id!r}", i.line) for i in edition.apparatus),
        *((c.evidence, paths.commentary, f"comment {c.id!r}", c.line) for c in edition.commentary),
    ):
        keys = tuple(item for item in items if classify(item).kind != PLACE)
        check_references(classify, path, what, line, keys)
    for kind, items in (edition.metadata.get("references") or {}).items():
        check_references(classify, paths.edition_yaml, f"references: {kind}", None, tuple(items))
