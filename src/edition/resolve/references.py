"""Resolve stage: every note's citations to bibliography entries."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import EditionError
from ..model import Edition
from .citations import Resolver


def resolve(edition: Edition, bib_path: Path) -> Edition:
    """The edition with resolved notes; an entry no note cites is an error too."""
    notes = Resolver(edition.bibliography).resolve(edition.chapter.notes, edition.source)
    cited = {c.key for note in notes for c in note.citations}
    for entry in edition.bibliography:
        if entry.key not in cited:
            raise EditionError(bib_path, entry.line, f"entry {entry.key} is cited by no note")
    return replace(edition, chapter=replace(edition.chapter, notes=notes))


def citing_notes(edition: Edition) -> dict[str, list[int]]:
    """For each bibliography key, the numbers of the notes that cite it."""
    result: dict[str, list[int]] = {e.key: [] for e in edition.bibliography}
    for note in edition.chapter.notes:
        for citation in note.citations:
            if note.number not in result[citation.key]:
                result[citation.key].append(note.number)
    return result
