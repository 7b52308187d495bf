"""Check stage: the built pages hold every word of the received chapter, in order.

The built section pages are read into four streams (front, body, notes,
colophon): text belongs to the stream its nearest `data-stream` ancestor names
(the body by default), and anything under `data-ed` (the editors' additions) or
a heading permalink is left out. The streams, joined in the order of the received
file, must equal the words of the received file, one for one.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

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


@dataclass(frozen=True)
class Word:
    text: str
    where: str


class _Reader(HTMLParser):
    """Collects the words of a page's article, stream by stream."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[tuple[str, str | None, bool]] = []  # tag, stream, skipped
        self.inside = 0
        self.streams: dict[str, list[Word]] = {s: [] for s in STREAMS}
        self.place = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if not self.inside:
            if tag == "article":
                self.inside = 1
                self.stack = [(tag, "body", False)]
            return
        if tag in VOID:
            return
        _, stream, skipped = self.stack[-1]
        classes = (attributes.get("class") or "").split()
        skipped = skipped or "data-ed" in attributes or "headerlink" in classes
        if attributes.get("id"):
            self.place = attributes["id"]
        self.stack.append((tag, attributes.get("data-stream") or stream, skipped))

    def handle_endtag(self, tag):
        if not self.inside or tag in VOID:
            return
        while self.stack:
            open_tag, _, _ = self.stack.pop()
            if open_tag == tag:
                break
        if not self.stack:
            self.inside = 0

    def handle_data(self, data):
        if not self.inside or not self.stack:
            return
        _, stream, skipped = self.stack[-1]
        if skipped:
            return
        where = f"{self.page}#{self.place}" if self.place else self.page
        self.streams[stream].extend(Word(w, where) for w in WORD.findall(data))


def built_streams(pages: list[Path]) -> dict[str, list[Word]]:
    streams: dict[str, list[Word]] = {s: [] for s in STREAMS}
    for page in pages:
        reader = _Reader(page.name)
        text = page.read_text("utf-8")
        start, end = text.find("<article"), text.rfind("</article>")
        reader.feed(text[start : end + len("</article>")] if 0 <= start < end else text)
        for name in STREAMS:
            streams[name].extend(reader.streams[name])
    return streams


def received_words(text: str, path: Path) -> list[Word]:
    """Every word of the received file, in order, with its line."""
    return [
        Word(w, f"{path.name}:{number}")
        for number, line in enumerate(text.splitlines(), start=1)
        for w in WORD.findall(line)
    ]


def reader_words(pages: list[Path]) -> list[Word]:
    """The words a reader sees on the section pages, in the order of the received file."""
    streams = built_streams(pages)
    return [w for name in STREAMS for w in streams[name]]


def compare(received: list[Word], built: list[Word]) -> list[str]:
    """Every difference between the two word sequences, as readable messages."""
    a, b = [w.text for w in received], [w.text for w in built]
    if a == b:
        return []  # the usual case, without difflib's quadratic search
    problems = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            missing = " ".join(w.text for w in received[i1:i2][:8])
            near = built[min(j1, len(built) - 1)].where if built else "an empty page"
            problems.append(
                f"missing word(s) '{missing}' from {received[i1].where} (reader text near {near})"
            )
        if j2 > j1:
            extra = " ".join(w.text for w in built[j1:j2][:8])
            problems.append(f"word(s) '{extra}' at {built[j1].where} are not in the received text")
    return problems
