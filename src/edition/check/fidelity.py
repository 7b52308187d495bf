"""Check stage: the built pages hold every word of the received chapter, in order.

The built section pages are read into four streams (front, body, notes,
colophon): text belongs to the stream its nearest `data-stream` ancestor names
(the body by default), and anything under `data-ed` (the editors' additions) or
a heading permalink is left out. The streams, joined in the order of the received
file, must equal the words of the received file, one for one. The TEI document is
read the same way (`tei_views`): `sic` and `corr` are the two readings, and whatever
carries `resp="#editors"` is left out.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from xml.etree import ElementTree as ET

from ..model import Edition
from ..render.tei.xml import EDITORS, NS, XML_ID
from ..resolve.apparatus import apply, by_place

WORD = re.compile(r"\w+")
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
STREAMS = ("front", "body", "notes", "colophon")


@dataclass
class Words:
    """Words in order and, beside each, where it stands ("file:line" or "page#id").

    Two plain lists rather than a record per word: a long book has hundreds of
    thousands of words, and the usual check only compares the texts."""

    texts: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    def add(self, found: list[str], where: str) -> None:
        self.texts.extend(found)
        self.places.extend([where] * len(found))

    def extend(self, other: Words) -> None:
        self.texts.extend(other.texts)
        self.places.extend(other.places)


# The built pages come from MkDocs and this package, which write well-formed HTML
# with double-quoted attributes; a pattern-driven reader is several times faster
# than html.parser and sees the same tags.
TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)", re.S)
STREAM = re.compile(r'\sdata-stream="([a-z]+)"')
ID = re.compile(r'\sid="([^"]*)"')


READING = re.compile(r'\sdata-reading="([a-z]+)"')


def page_streams(page: str, html: str) -> dict[str, dict[str, Words]]:
    """The words of a page's <article>, stream by stream, as each view shows them.

    An intervention carries both readings: the received view reads the
    `data-reading="received"` one, the reading view the `data-reading="edited"` one.
    One pass serves both views.
    """
    start, end = html.find("<article"), html.rfind("</article>")
    article = html[start:end] if 0 <= start < end else html
    views = {v: {s: Words() for s in STREAMS} for v in ("received", "reading")}
    received, reading = views["received"], views["reading"]
    # tag, stream, hidden in the received view, hidden in the reading view
    stack: list[tuple[str, str, bool, bool]] = [("", "body", False, False)]
    where = page
    for match in TOKEN.finditer(article):
        closing, tag, attributes, text = match.groups()
        if text is not None:
            _, stream, off_received, off_reading = stack[-1]
            if off_received and off_reading:
                continue
            found = WORD.findall(unescape(text) if "&" in text else text)
            if not off_received:
                received[stream].add(found, where)
            if not off_reading:
                reading[stream].add(found, where)
        elif tag is None or tag.lower() in VOID:
            continue
        elif closing:
            while len(stack) > 1 and stack.pop()[0] != tag.lower():
                pass
        else:
            _, stream, off_received, off_reading = stack[-1]
            editorial = " data-ed" in attributes or "headerlink" in attributes
            shown = READING.search(attributes)
            shown = shown.group(1) if shown else None
            named = STREAM.search(attributes)
            ident = ID.search(attributes)
            if ident:
                where = f"{page}#{ident.group(1)}"
            if not attributes.rstrip().endswith("/"):
                stack.append(
                    (
                        tag.lower(),
                        named.group(1) if named else stream,
                        off_received or editorial or shown == "edited",
                        off_reading or editorial or shown == "received",
                    )
                )
    return views


def reader_views(pages: list[Path]) -> dict[str, Words]:
    """The words a reader sees on the section pages in each view, in the order of the
    received file (front, body, notes, colophon)."""
    return document_views([(page.name, page.read_text("utf-8")) for page in pages])


def received_words(text: str, path: Path) -> Words:
    """Every word of the received file, in order, with its line."""
    words = Words()
    for number, line in enumerate(text.splitlines(), start=1):
        words.add(WORD.findall(line), f"{path.name}:{number}")
    return words


def reader_words(pages: list[Path], view: str = "received") -> Words:
    """The words a reader sees on the section pages in one view."""
    return reader_views(pages)[view]


def reading_words(edition: Edition) -> Words:
    """The words the reading view must show: the received text with exactly the
    recorded interventions made, in the order of the received file."""
    chapter = edition.chapter
    grouped = by_place(edition.apparatus)
    out = Words()
    for text in (chapter.front.author, chapter.front.book, chapter.front.chapter):
        out.add(WORD.findall(text), "front")
    for section in chapter.sections:
        out.add(WORD.findall(section.heading or ""), section.slug)
        for block in section.blocks:
            out.add(WORD.findall(apply(block.text, grouped.get(block.id, []))), block.id)
    for note in chapter.notes:
        out.add(WORD.findall(f"{note.number}. {apply(note.text, grouped.get(note.id, []))}"), note.id)
    out.add(WORD.findall(chapter.colophon), "colophon")
    return out


def compare(received: Words, built: Words) -> list[str]:
    """Every difference between the two word sequences, as readable messages."""
    a, b = received.texts, built.texts
    if a == b:
        return []  # the usual case, without difflib's quadratic search
    problems = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            missing = " ".join(a[i1:i2][:8])
            near = built.places[min(j1, len(b) - 1)] if b else "an empty page"
            problems.append(
                f"missing word(s) '{missing}' from {received.places[i1]} (reader text near {near})"
            )
        if j2 > j1:
            extra = " ".join(b[j1:j2][:8])
            problems.append(f"word(s) '{extra}' at {built.places[j1]} are not in the received text")
    return problems


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _read(element: ET.Element, view: str, stream: str, out: dict[str, Words]) -> None:
    """The words under an element as one view shows them. A note of the author's stands
    for its call (its number) where it is, and its words belong to the notes."""
    name = element.tag.removeprefix(f"{{{NS}}}")
    if name in ("corr", "supplied"):
        if view == "received":
            return
    elif element.get("resp") == EDITORS or (name == "sic" and view == "reading"):
        return
    where = element.get(XML_ID) or name
    if name == "note" and element.get("type") == "authorial":
        out[stream].add([element.get("n", "")], where)
        stream = "notes"
        out[stream].add([element.get("n", "")], where)
    out[stream].add(WORD.findall(element.text or ""), where)
    for child in element:
        _read(child, view, stream, out)
        out[stream].add(WORD.findall(child.tail or ""), where)


def tei_views(root: ET.Element) -> dict[str, Words]:
    """The words of the TEI text in each view ("received", "reading"), in the order of
    the received file: title page and chapter heading, body, notes, colophon."""
    text = root.find(_q("text"))
    chapter = text.find(f"{_q('body')}/{_q('div')}")
    views = {}
    for view in ("received", "reading"):
        out = {s: Words() for s in STREAMS}
        parts = [
            (text.find(_q("front")), "front"),  # none where the received file has no title lines
            (chapter.find(_q("head")), "front"),
            *((part, "body") for part in chapter.findall(_q("div"))),
            (text.find(f"{_q('back')}/{_q('div')}[@type='colophon']"), "colophon"),
        ]
        for element, stream in parts:
            if element is not None:
                _read(element, view, stream, out)
        views[view] = Words()
        for stream in out.values():
            views[view].extend(stream)
    return views


def document_views(documents: list[tuple[str, str]]) -> dict[str, Words]:
    """The words of pages or a book's documents (name, HTML), read from their bodies
    (a page's <article>), in the order of the received file (front, body, notes, colophon)."""
    streams = {v: {s: Words() for s in STREAMS} for v in ("received", "reading")}
    for name, html in documents:
        for view, found in page_streams(name, html[html.find("<body") :]).items():
            for stream in STREAMS:
                streams[view][stream].extend(found[stream])
    views = {}
    for view, by_stream in streams.items():
        views[view] = Words()
        for stream in STREAMS:
            views[view].extend(by_stream[stream])
    return views


def in_order(expected: Words, found: list[str]) -> list[str]:
    """Where the expected words are not all in `found`, in order (other words may stand
    between them: running heads, page numbers, footnotes). A paged text interleaves its
    streams, so callers check each stream on its own."""
    position = 0
    for index, word in enumerate(expected.texts):
        try:
            position = found.index(word, position) + 1
        except ValueError:
            return [f"word '{word}' from {expected.places[index]} and those after it are missing, in order"]
    return []


def lost_words(edition: Edition, documents: list[tuple[str, str]]) -> list[str]:
    """The fidelity check on an export's documents (name, HTML) in reading order: their
    words are the reading text (an export shows the edited reading only)."""
    return compare(reading_words(edition), document_views(documents)["reading"])
