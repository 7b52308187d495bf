"""Where the marks of one text stand: its glossary mentions, interventions, editors'
note calls and the author's own note calls, nested in a tree of spans that the HTML,
the TEI and the other writers walk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Block, Comment, Edition, Intervention, Mention, Note
from ..read.notes import CALL
from ..resolve.apparatus import by_place


@dataclass(frozen=True)
class Marks:
    """What is marked in one text: glossary mentions, interventions, editors' note calls."""

    mentions: tuple[Mention, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    comments: tuple[Comment, ...] = ()
    static: bool = False  # for a page read without scripts: only the edited reading, marked


def marks_by_place(edition: Edition, static: bool = False) -> Callable[[Block | Note], Marks]:
    """What is marked in each block or note: the interventions and editors' notes are
    grouped by place once, not searched for again for every block."""
    interventions = by_place(edition.apparatus)
    comments: dict[str, list[Comment]] = {}
    for comment in edition.commentary:
        comments.setdefault(comment.place, []).append(comment)

    def marks(place: Block | Note) -> Marks:
        return Marks(
            place.mentions,
            tuple(interventions.get(place.id, ())),
            tuple(comments.get(place.id, ())),
            static,
        )

    return marks


@dataclass
class Span:
    start: int
    end: int
    kind: str  # "call" | "mention" | "app" | "comment", or a caller's own ("bibl", "range")
    value: object
    children: list[Span] = field(default_factory=list)


CONTAINERS = ("bibl", "range", "mention", "app")  # kinds that hold text, outermost first


def _spans(text: str, marks: Marks, offset: int) -> list[Span]:
    """The marks that fall within this text (a part of a longer one starting at offset)."""

    def inside(start: int, end: int) -> bool:
        return offset <= start and end <= offset + len(text)

    spans = [Span(c.start(), c.end(), "call", int(c.group(1))) for c in CALL.finditer(text)]
    spans += [
        Span(m.start - offset, m.end - offset, "mention", m.entry)
        for m in marks.mentions
        if inside(m.start, m.end)
    ]
    spans += [
        Span(i.start - offset, i.end - offset, "app", i)
        for i in marks.interventions
        if inside(i.start, i.end)
    ]
    spans += [
        Span(c.position - offset, c.position - offset, "comment", c)
        for c in marks.comments
        if inside(c.position, c.position)
    ]
    return spans


def span_tree(text: str, marks: Marks, offset: int = 0, extra: tuple[Span, ...] = ()) -> Span:
    """The marks of a text nested in a tree; `extra` adds spans of the caller's own
    (which must nest with the marks)."""
    return _tree([*_spans(text, marks, offset), *extra], len(text))


def _tree(spans: list[Span], length: int) -> Span:
    """Nest the spans: an insertion or call at a mark's edge stands outside it."""
    root = Span(0, length, "root", None)
    stack = [root]
    rank = {kind: i for i, kind in enumerate(CONTAINERS)}  # over the same text, the outer first
    for span in sorted(spans, key=lambda s: (s.start, s.end > s.start, -s.end, rank.get(s.kind, 0))):
        while len(stack) > 1 and not (
            stack[-1].start <= span.start and span.end <= stack[-1].end and span.start < stack[-1].end
        ):
            stack.pop()
        stack[-1].children.append(span)
        if span.kind in CONTAINERS and span.end > span.start:
            stack.append(span)
    return root
