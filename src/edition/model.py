"""The edition's data model: plain frozen records that every stage passes on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class RawBlock:
    """A run of non-blank lines in the received file, with its first line number."""

    text: str
    line: int


@dataclass(frozen=True)
class TableRow:
    """One row of a table; a cell of None is a gap in the received text."""

    cells: tuple[str | None, ...]


@dataclass(frozen=True)
class Mention:
    """A glossary entry named in a text, at [start, end) of that text."""

    start: int
    end: int
    entry: str  # glossary id


@dataclass(frozen=True)
class Block:
    """A numbered unit of the reading text: a paragraph, a quotation or a table."""

    n: int
    kind: str  # "paragraph" | "quotation" | "table"
    text: str  # the received wording, note calls included ("[5]")
    line: int
    section: str  # slug of the section that holds it
    rows: tuple[TableRow, ...] = ()
    columns: tuple[str, ...] = ()
    caption: str = ""
    mentions: tuple[Mention, ...] = ()
    label: str = ""  # the permanent number from sources/paragraphs.lock ("12", "12a")

    @property
    def number(self) -> str:
        """The paragraph's number as readers cite it."""
        return self.label or str(self.n)

    @property
    def id(self) -> str:
        return f"p{self.number}"


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    heading: str | None  # the heading as received; None for the untitled opening
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Citation:
    key: str
    locator: str | None
    role: str  # "cited" | "see" | "quoted-in"
    title: tuple[int, int] | None = None  # where the work's title stands in the note text


@dataclass(frozen=True)
class Note:
    number: int
    text: str  # verbatim, without the leading "N. "
    line: int
    paragraph: str = ""  # id of the block that calls it
    citations: tuple[Citation, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def id(self) -> str:
        return f"note-{self.number}"


@dataclass(frozen=True)
class Front:
    """The title lines the received file opens with; "" where it has none."""

    author: str = ""
    book: str = ""
    chapter: str = ""


@dataclass(frozen=True)
class Metadata:
    """Bibliographic facts about the source and this edition (sources/edition.yaml)."""

    values: dict = field(hash=False)

    def __getitem__(self, key: str):
        return self.values[key]

    def get(self, key: str, default=None):
        return self.values.get(key, default)


@dataclass(frozen=True)
class Chapter:
    """The received chapter, parsed and structured."""

    front: Front
    sections: tuple[Section, ...]
    notes: tuple[Note, ...]
    colophon: str

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(b for s in self.sections for b in s.blocks)

    def places(self) -> list[str]:
        """Ids of blocks and notes in reading order: each section's blocks, then its notes."""
        order = []
        for section in self.sections:
            ids = [b.id for b in section.blocks]
            order += ids + [n.id for n in self.notes if n.paragraph in ids]
        return order


@dataclass(frozen=True)
class BibEntry:
    key: str
    line: int
    entry_type: str
    fields: dict = field(hash=False)
    csl: dict = field(hash=False)


@dataclass(frozen=True)
class GlossEntry:
    """One entry of the edition's register of persons, bodies, terms and events."""

    id: str
    type: str  # "person" | "body" | "term" | "event"
    headword: str
    sort: str
    aliases: tuple[str, ...]
    gloss: str
    description: str
    line: int
    born: str = ""
    died: str = ""
    date: str = ""
    russian: str = ""  # the Russian form, for Russian words, acronyms and names
    transliteration: str = ""
    meaning: str = ""
    related: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    context_only: bool = False


@dataclass(frozen=True)
class Intervention:
    """One change the editors make to the received text, at [start, end) of a block or note.

    An insertion has start == end and received == ""; a lacuna is recorded with
    type "lacuna" and, unless a verified source fills it, an empty edited reading.
    """

    id: str
    place: str  # id of the block or note
    type: str  # typo | punctuation | lacuna | transliteration | factual
    received: str
    edited: str
    note: str
    evidence: tuple[str, ...]
    line: int
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Comment:
    """An editors' note, called by a letter after `anchor` in a block or note."""

    id: str
    place: str
    anchor: str
    text: str
    evidence: tuple[str, ...]
    line: int
    position: int = -1
    letter: str = ""


@dataclass(frozen=True)
class Event:
    """A dated event of the chronology, with the blocks and notes that speak of it."""

    id: str
    date: str  # ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, or START/END
    title: str
    text: str
    places: tuple[str, ...]  # block and note ids
    glossary: tuple[str, ...]
    references: tuple[str, ...]
    line: int
    note: str = ""  # where the chapter's own date differs from the verified one

    @property
    def start(self) -> str:
        return self.date.split("/")[0]

    @property
    def end(self) -> str:
        return self.date.split("/")[-1]


@dataclass(frozen=True)
class Edition:
    metadata: Metadata
    chapter: Chapter
    bibliography: tuple[BibEntry, ...]
    source: Path  # the received chapter, for errors that point into it and for fidelity
    glossary: tuple[GlossEntry, ...] = ()
    apparatus: tuple[Intervention, ...] = ()
    commentary: tuple[Comment, ...] = ()
    chronology: tuple[Event, ...] = ()
    editors_bibliography: tuple[BibEntry, ...] = ()  # the works the editors rely on
