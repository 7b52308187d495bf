"""Mentions: one matcher for all the glossary's forms, and every block's and note's
mentions found with it.

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

from ..errors import EditionError
from ..model import Edition, GlossEntry, Mention, Note
from ..read.yamlfile import line_of


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
