"""The text of the TEI document: the received chapter's divisions and blocks, the
author's notes where he calls them, the editors' notes, and every mark in them
(mentions, citations, interventions)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ...model import Block, Comment, Edition, Intervention, Note
from ...resolve.citations import citation_spans, locator_span
from ...resolve.evidence import Classifier
from ..markup import table_cells
from ..naming import kind
from ..spans import Marks, Span, marks_by_place, span_tree
from .xml import EDITORS, add_prose, add_text, pointer, sub

MENTION_TAGS = {"person": "persName", "body": "orgName", "term": "term", "event": "rs"}


class Writer:
    """Builds the document; keeps what the inline parts need to know of the edition."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.notes = {n.number: n for n in edition.chapter.notes}
        self.glossary = {g.id: g for g in edition.glossary}
        self.classify = Classifier(edition)
        self.marks = marks_by_place(edition)

    # --- the text ------------------------------------------------------------------

    def fill(self, parent: ET.Element, text: str, node: Span) -> None:
        position = node.start
        for child in node.children:
            before = text[position : child.start]
            add_text(parent, before.rstrip(" ") if child.kind == "call" else before)
            self.span(parent, text, child)
            position = child.end
        add_text(parent, text[position : node.end])

    def span(self, parent: ET.Element, text: str, span: Span) -> None:
        if span.kind == "call":
            self.note(parent, self.notes[span.value])
        elif span.kind == "comment":
            self.comment(parent, span.value)
        elif span.kind == "app":
            intervention(parent, span.value)
        elif span.kind == "mention":
            entry = self.glossary[span.value]
            tag = MENTION_TAGS[entry.type]
            extra = {"type": "event"} if tag == "rs" else {}
            self.fill(sub(parent, tag, ref=f"#{entry.id}", **extra), text, span)
        elif span.kind == "bibl":
            key, role = span.value
            self.fill(sub(parent, "bibl", corresp=f"#bib-{key}", type=role), text, span)
        elif span.kind == "range":
            self.fill(sub(parent, "citedRange", unit="page"), text, span)

    def inline(self, parent: ET.Element, place: Block | Note, extra: tuple[Span, ...] = ()) -> None:
        marks = self.marks(place)
        self.fill(parent, place.text, span_tree(place.text, marks, 0, _nesting(place.text, marks, extra)))

    def note(self, parent: ET.Element, note: Note) -> None:
        element = sub(parent, "note", type="authorial", n=str(note.number), place="end", xml_id=note.id)
        spans: list[Span] = []
        for (start, end), citation in zip(citation_spans(note.text), note.citations, strict=False):
            spans.append(Span(start, end, "bibl", (citation.key, citation.role)))
            where = locator_span(note.text, start, end)
            if where:
                spans.append(Span(*where, "range", None))
        self.inline(element, note, tuple(spans))

    def comment(self, parent: ET.Element, comment: Comment) -> None:
        element = sub(
            parent, "note", type="editorial", n=comment.letter, resp=EDITORS, xml_id=f"ed-{comment.letter}"
        )
        add_prose(element, comment.text)
        self.evidence(element, comment.evidence)

    def evidence(self, parent: ET.Element, items: tuple[str, ...]) -> None:
        for item in items:
            sub(parent, "ptr", type="evidence", target=pointer(self.classify(item)))

    def block(self, parent: ET.Element, block: Block) -> None:
        if block.kind == "table":
            self.table(parent, block)
            return
        tag = "quote" if block.kind == "quotation" else "p"
        self.inline(sub(parent, tag, n=block.number, xml_id=block.id), block)

    def table(self, parent: ET.Element, block: Block) -> None:
        cell_marks, rows = table_cells(block, self.marks(block))
        table = sub(parent, "table", n=block.number, xml_id=block.id, cols=str(len(block.columns)))
        sub(table, "head", block.caption, resp=EDITORS)
        heading = sub(table, "row", role="label", resp=EDITORS)
        for column in block.columns:
            sub(heading, "cell", column, role="label")
        for cells in rows:
            row = sub(table, "row")
            for index, cell in enumerate(cells):
                element = sub(row, "cell", role="label" if index == 0 else None)
                if cell.text is None:
                    lacuna(element, cell.lacuna)
                else:
                    self.fill(element, cell.text, span_tree(cell.text, cell_marks, cell.offset))

    def body(self, parent: ET.Element) -> None:
        chapter = self.edition.chapter
        meta = self.edition.metadata
        number = {"n": str(meta["chapter_number"])} if meta.get("chapter_number") is not None else {}
        div = sub(parent, "div", type=kind(meta), **number)
        if chapter.front.chapter:
            sub(div, "head", chapter.front.chapter)
        else:  # no title line in the received file: the title the edition gives it
            sub(div, "head", meta["chapter_title"], type="supplied", resp=EDITORS)
        for index, section in enumerate(chapter.sections, start=1):
            part = sub(div, "div", type="section", n=str(index), xml_id=f"sec-{section.slug}")
            if section.heading is None:  # the untitled opening: its name in the edition
                sub(part, "head", section.title, type="supplied", resp=EDITORS)
            else:
                sub(part, "head", section.heading)
            for block in section.blocks:
                self.block(part, block)


def _nesting(text: str, marks: Marks, extra: tuple[Span, ...]) -> tuple[Span, ...]:
    """The caller's spans that nest with the marks: one that a mark would cross is dropped
    (the text is kept, only that element is not made)."""
    edges = [(m.start, m.end) for m in marks.mentions] + [(i.start, i.end) for i in marks.interventions]
    return tuple(
        s for s in extra if not any(a < s.start < b < s.end or s.start < a < s.end < b for a, b in edges)
    )


def intervention(parent: ET.Element, item: Intervention) -> None:
    if item.type == "lacuna":
        lacuna(parent, item)
        return
    choice = sub(parent, "choice", xml_id=f"app-{item.id}")
    sub(choice, "sic", item.received or None)
    sub(choice, "corr", item.edited or None, type=item.type, resp=EDITORS)


def lacuna(parent: ET.Element, item: Intervention | None) -> None:
    """A lost figure: a gap, or what a verified source supplies."""
    ident = f"app-{item.id}" if item else None
    if item and item.edited:
        sub(parent, "supplied", item.edited, reason="lost", resp=EDITORS, xml_id=ident)
    else:
        sub(parent, "gap", reason="lost", unit="figure", quantity="1", xml_id=ident)
