"""The glossary: entries read from sources/glossary.yaml, and one matcher for all their forms.

Matching is case-sensitive, except that a form written with a lower-case initial
also matches with a capital (a term at the start of a sentence). All forms are
compiled into one pattern shaped as a trie, which finds the longest form at each
place ("Workers’ Opposition" wins over "Opposition") and tries only the forms that
share the letters read so far; a possessive needs no form of its own ("Smith’s").
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from .chronology import valid_date
from .errors import EditionError
from .model import Edition, GlossEntry, Mention, Note
from .yamlfile import line_of, load_yaml

TYPES = ("person", "body", "term", "event")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
GLOSS_WORDS = 35


def read_glossary(path: Path) -> tuple[GlossEntry, ...]:
    data = load_yaml(path, top=list, schema="glossary")
    entries = tuple(_entry(item, path) for item in data)
    ids = {}
    for entry in entries:
        if entry.id in ids:
            raise EditionError(path, entry.line, f"id {entry.id!r} is used twice")
        ids[entry.id] = entry
    owner: dict[str, GlossEntry] = {}
    for entry in entries:
        for alias in entry.aliases:
            if alias in owner:
                raise EditionError(
                    path,
                    line_of(alias),
                    f"form {alias!r} is claimed by both {owner[alias].id!r} and {entry.id!r}",
                )
            owner[alias] = entry
        for related in entry.related:
            if related == entry.id:
                message = f"entry {entry.id!r}: 'related' names the entry itself"
                raise EditionError(path, line_of(related), message)
            if related not in ids:
                raise EditionError(
                    path, line_of(related), f"entry {entry.id!r}: related id {related!r} does not exist"
                )
    return entries


def _entry(item: object, path: Path) -> GlossEntry:
    if not isinstance(item, dict):
        raise EditionError(path, line_of(item), "each glossary entry must be a mapping")
    ident = item.get("id")
    line = line_of(ident) or 0
    for key in ("id", "type", "headword", "gloss", "description"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise EditionError(path, line, f"entry {ident!r}: '{key}' is required")
    if not ID.match(ident):
        raise EditionError(path, line, f"id {ident!r} must be lower-case-with-hyphens")
    if item["type"] not in TYPES:
        raise EditionError(path, line_of(item["type"]), f"entry {ident!r}: type must be one of {TYPES}")
    if len(item["gloss"].split()) > GLOSS_WORDS:
        raise EditionError(
            path, line_of(item["gloss"]), f"entry {ident!r}: gloss is over {GLOSS_WORDS} words"
        )
    if item.get("date") is not None and not valid_date(str(item["date"])):
        message = f"entry {ident!r}: date {item['date']!r} is not an ISO date or interval"
        raise EditionError(path, line_of(item["date"]) or line, message)
    russian = item.get("russian") or {}
    return GlossEntry(
        id=ident,
        type=item["type"],
        headword=item["headword"],
        sort=item.get("sort") or item["headword"],
        aliases=tuple(item.get("aliases") or ()),
        gloss=" ".join(item["gloss"].split()),
        description=" ".join(item["description"].split()),
        line=line,
        born=str(item.get("born") or ""),
        died=str(item.get("died") or ""),
        date=str(item.get("date") or ""),
        russian=russian.get("form", ""),
        transliteration=russian.get("transliteration", ""),
        meaning=russian.get("meaning", ""),
        related=tuple(item.get("related") or ()),
        references=tuple(item.get("references") or ()),
        context_only=bool(item.get("context_only", False)),
    )


def _form_pattern(alias: str) -> str:
    first, rest = alias[0], re.escape(alias[1:])
    if first.islower():
        return f"[{first}{first.upper()}]{rest}"
    return re.escape(first) + rest


def _variants(alias: str) -> list[str]:
    """The spellings a form matches: itself, and capitalised if it starts lower-case."""
    return [alias, alias[0].upper() + alias[1:]] if alias[0].islower() else [alias]


def _trie(words: list[str]) -> str:
    """One pattern for many literal words, as a trie: at each branch the longer
    continuations come before stopping, so the longest word that fits is found."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|" if "" in node else "") + ")"

    return pattern(root)


class Matcher:
    """Finds every mention of every entry in a text, with one compiled pattern."""

    def __init__(self, entries: tuple[GlossEntry, ...]) -> None:
        self.forms = {
            variant: (alias, e.id) for e in entries for alias in e.aliases for variant in _variants(alias)
        }
        words = list(self.forms)
        self.pattern = re.compile(rf"(?<!\w){_trie(words)}(?!\w)") if words else None

    def find(self, text: str) -> list[tuple[Mention, str]]:
        """Mentions in order, each with the form that matched."""
        if self.pattern is None:
            return []
        found = []
        for match in self.pattern.finditer(text):
            alias, entry = self.forms[match.group()]
            found.append((Mention(match.start(), match.end(), entry), alias))
        return found


def link_mentions(edition: Edition, path: Path) -> Edition:
    """The edition with every block's and note's mentions found.

    Every form must occur somewhere (as a whole mention, not inside a longer
    form), and every entry must be mentioned unless it is marked context-only.
    """
    matcher = Matcher(edition.glossary)
    persons = {e.id for e in edition.glossary if e.type == "person"}
    used: set[str] = set()

    def mentions(text: str, titles: tuple[tuple[int, int], ...] = ()) -> tuple[Mention, ...]:
        found = [(m, alias) for m, alias in matcher.find(text) if not _in_title(m, titles, persons)]
        used.update(alias for _, alias in found)
        return tuple(m for m, _ in found)

    sections = tuple(
        replace(s, blocks=tuple(replace(b, mentions=mentions(b.text)) for b in s.blocks))
        for s in edition.chapter.sections
    )
    notes = tuple(replace(n, mentions=mentions(n.text, title_spans(n))) for n in edition.chapter.notes)
    mentioned = {entry for alias, entry in matcher.forms.values() if alias in used}
    for entry in edition.glossary:
        unused = [a for a in entry.aliases if a not in used]
        if unused:
            message = f"entry {entry.id!r}: form {unused[0]!r} matches nothing in the text"
            if _occurs(unused[0], edition):
                message += " (it occurs only inside a longer form)"
            raise EditionError(path, line_of(unused[0]), message)
        if entry.id not in mentioned and not entry.context_only:
            raise EditionError(
                path, entry.line, f"entry {entry.id!r} is mentioned nowhere and not marked context_only"
            )
        if entry.id in mentioned and entry.context_only:
            raise EditionError(path, entry.line, f"entry {entry.id!r} is mentioned but marked context_only")
    chapter = replace(edition.chapter, sections=sections, notes=notes)
    return replace(edition, chapter=chapter)


def title_spans(note: Note) -> tuple[tuple[int, int], ...]:
    """Where the titles of the works a note cites stand in its text (from the resolver)."""
    return tuple(c.title for c in note.citations if c.title)


def _in_title(mention: Mention, titles: tuple[tuple[int, int], ...], persons: set[str]) -> bool:
    """A person's name inside a work's title ("Smith, Jones") names the work, not the person."""
    return mention.entry in persons and any(s <= mention.start and mention.end <= e for s, e in titles)


def _occurs(alias: str, edition: Edition) -> bool:
    pattern = re.compile(rf"(?<!\w){_form_pattern(alias)}(?!\w)")
    texts = [b.text for b in edition.chapter.blocks] + [n.text for n in edition.chapter.notes]
    return any(pattern.search(text) for text in texts)


def mentions_by_entry(edition: Edition) -> dict[str, list[str]]:
    """For each entry, the ids of the blocks and notes that mention it, in reading order."""
    result: dict[str, list[str]] = {e.id: [] for e in edition.glossary}
    places = [*edition.chapter.blocks, *edition.chapter.notes]
    for place in places:
        for mention in place.mentions:
            if place.id not in result[mention.entry]:
                result[mention.entry].append(place.id)
    return result
