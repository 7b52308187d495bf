"""Resolution of the citations in the author's notes to bibliography keys and locators.

Rules, not a table: a note is split into citations ("X, quoted in Y"), each of
which is "Ibid." (the previous citation, with a new locator or the old one) or a
head that names a work. The head is matched against forms derived from the .bib
entry itself: "Surname Title", "Surname Shorttitle", the shorthand, the forms in
`citedas` (how the source spells a work it cites), an author alone when that
author has a single work, and any "hereafter referred to as X" met so far.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import EditionError
from ..model import BibEntry, Citation, Note
from ..read.bibliography import list_field, plain, surnames

IBID = re.compile(r"^ibid\.*(?:[,;]\s*(?P<rest>.*))?$", re.I)  # ";": a slip the apparatus may mend
SEE = re.compile(r"^see\s+", re.I)
QUOTED_IN = re.compile(r",\s*quoted in\s+", re.I)
HEREAFTER = re.compile(r",\s*hereafter referred to as\s+(?P<alias>[^,]+)", re.I)
LOCATOR = re.compile(r"(?:,\s*|\s+|^)pp?\s*\.?\s*(?P<loc>\d[\d\s,\-–]*?)\s*\.*$", re.I)
VOLUME = re.compile(r",\s*vol\.?\s*(?P<vol>\d+)", re.I)
INITIALS = re.compile(r"^(?:[A-Z]\.\s*)+")
APOSTROPHES = "'’ʹʺ′″\""


def words(text: str) -> tuple[str, ...]:
    """Lower-case words without diacritics, punctuation or transliterated soft/hard signs."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c) and c not in APOSTROPHES)
    return tuple(re.findall(r"[a-z0-9]+", text.lower()))


@dataclass(frozen=True)
class Form:
    words: tuple[str, ...]
    key: str
    author: int = 0  # how many of the words name the author; the rest are the title


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each of `words(text)` stands in the text, character by character."""
    normalized, origin = [], []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char):
            if not unicodedata.combining(part) and part not in APOSTROPHES:
                normalized.append(part.lower())
                origin.append(index)
    flat = "".join(normalized)
    return [(origin[m.start()], origin[m.end() - 1] + 1) for m in re.finditer(r"[a-z0-9]+", flat)]


class Resolver:
    def __init__(self, entries: tuple[BibEntry, ...]) -> None:
        self.entries = {e.key: e for e in entries}
        self.forms: list[Form] = []
        works_by = Counter(name for e in entries for name in set(surnames(e)))
        for entry in entries:
            titles = [
                plain(entry.fields[f])
                for f in ("title", "shorttitle", "shorthand", "maintitle", "journaltitle")
                if f in entry.fields
            ]
            titles += list_field(entry, "citedas")
            names = surnames(entry) + list_field(entry, "citedasauthor")
            for title in titles:
                self._add(title, entry.key, names)
            for name in names:
                if works_by[name] == 1:
                    self.forms.append(Form(words(name), entry.key, len(words(name))))

    def _add(self, title: str, key: str, names: list[str]) -> None:
        if names:
            self.forms.extend(Form(words(name) + words(title), key, len(words(name))) for name in names)
        else:
            self.forms.append(Form(words(title), key))

    def resolve(self, notes: tuple[Note, ...], path: Path) -> tuple[Note, ...]:
        """Every note with its citations; anything unresolved is an error naming the note."""
        resolved: list[Note] = []
        previous: Citation | None = None
        for note in notes:
            citations = []
            spans = citation_spans(note.text)
            for (role, part), (start, _) in zip(_parts(note.text), spans, strict=True):
                citation = self._citation(part, role, previous, note, path)
                citations.append(_with_title(citation, note.text, start))
            previous = citations[0]
            resolved.append(replace(note, citations=tuple(citations)))
        return tuple(resolved)

    def _citation(self, part: str, role: str, previous: Citation | None, note: Note, path: Path) -> Citation:
        ibid = IBID.match(part)
        if ibid:
            if previous is None:
                raise EditionError(path, note.line, f"note {note.number}: 'Ibid.' with nothing before it")
            locator = _locator(ibid.group("rest") or "")[1]
            return Citation(previous.key, locator or previous.locator, role)
        alias = HEREAFTER.search(part)
        head = HEREAFTER.sub("", part)
        head, locator = _locator(head)
        volume = VOLUME.search(head)
        head = VOLUME.sub("", head)
        initials = INITIALS.match(head)
        skip = initials.end() if initials else 0
        form = self._match(head[skip:], volume and volume.group("vol"), note, path)
        if alias:
            entry = self.entries[form.key]
            self._add(alias.group("alias"), form.key, surnames(entry))
        spans = word_spans(part[skip:])[form.author : len(form.words)]
        title = None
        if spans:
            start, end = skip + spans[0][0], skip + spans[-1][1]
            if part[start:end].count("(") > part[start:end].count(")") and part[end : end + 1] == ")":
                end += 1  # "RKP(b)": the bracket the title opened
            title = (start, end)
        return Citation(form.key, locator, role, title)

    def _match(self, head: str, volume: str | None, note: Note, path: Path) -> Form:
        head_words = words(head)
        hits = [f for f in self.forms if head_words[: len(f.words)] == f.words and f.words]
        if volume is not None:
            # A volume in the note chooses among entries that record volumes; an entry
            # that records none (its volume unverified) still matches by its title.
            hits = [f for f in hits if plain(self.entries[f.key].fields.get("volume", volume)) == volume]
        if not hits:
            raise EditionError(path, note.line, f"note {note.number}: cannot resolve {head!r}")
        longest = max(len(f.words) for f in hits)
        best = [f for f in hits if len(f.words) == longest]
        keys = sorted({f.key for f in best})
        if len(keys) > 1:
            raise EditionError(
                path, note.line, f"note {note.number}: {head!r} is ambiguous ({', '.join(keys)})"
            )
        return min(best, key=lambda f: f.author)


def _with_title(citation: Citation, text: str, start: int) -> Citation:
    """The citation with its title's span moved from its part to the whole note: the part
    is the note's text from `start` with leading space and a "See " removed."""
    if citation.title is None:
        return citation
    see = SEE.match(text[start:])
    offset = start + (see.end() if see else 0)
    offset += len(text[offset:]) - len(text[offset:].lstrip())
    return replace(citation, title=(citation.title[0] + offset, citation.title[1] + offset))


def _parts(text: str) -> list[tuple[str, str]]:
    """The citations of a note with their roles: 'cited', 'see' or 'quoted-in'."""
    text = text.strip()
    pieces = QUOTED_IN.split(text)
    parts = []
    for i, piece in enumerate(pieces):
        role = "quoted-in" if i else "cited"
        if SEE.match(piece):
            piece, role = SEE.sub("", piece), "see"
        parts.append((role, piece.strip()))
    return parts


def _locator(text: str) -> tuple[str, str | None]:
    """Split "…, pp.46-7." into the head and the locator "46-7"."""
    match = LOCATOR.search(text.strip())
    if not match:
        return text.strip().rstrip("."), None
    head = text.strip()[: match.start()].strip().rstrip(",")
    return head, re.sub(r"\s+", " ", match.group("loc")).strip(" ,")


def citation_spans(text: str) -> list[tuple[int, int]]:
    """Where each citation of a note stands in its text, as `_parts` splits it: the
    joining ", quoted in " and a leading "See " stay outside."""
    spans = []
    start = len(text) - len(text.lstrip())
    cuts = [(m.start(), m.end()) for m in QUOTED_IN.finditer(text)]
    for cut_start, cut_end in [*cuts, (len(text.rstrip()), len(text))]:
        see = SEE.match(text[start:cut_start])
        spans.append((start + (see.end() if see else 0), cut_start))
        start = cut_end
    return spans


def locator_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the page locator of the citation at [start, end) stands ("p.485"), if any."""
    match = LOCATOR.search(text[start:end].rstrip())
    if not match:
        return None
    found = match.group(0)
    return start + match.start() + len(found) - len(found.lstrip(", \t\n")), start + match.end("loc")
