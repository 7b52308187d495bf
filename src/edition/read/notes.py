"""The author's notes: the numbered list at the end of the file and the calls "[n]" in the body."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..errors import EditionError
from ..model import Note, RawBlock, Section
from .chapter import NOTE_LINE

CALL = re.compile(r"\[(\d+)\]")


def parse_notes(blocks: tuple[RawBlock, ...], path: Path) -> tuple[Note, ...]:
    """The notes in order; their numbers must run 1, 2, 3… without a gap."""
    notes = []
    for expected, block in enumerate(blocks, start=1):
        match = NOTE_LINE.match(block.text)
        if not match or int(match.group(1)) != expected:
            raise EditionError(path, block.line, f"expected note {expected}, found {block.text!r}")
        notes.append(Note(expected, match.group(2), block.line))
    return tuple(notes)


def attach_calls(sections: tuple[Section, ...], notes: tuple[Note, ...], path: Path) -> tuple[Note, ...]:
    """Give each note the id of the block that calls it; every note is called exactly once."""
    by_number = {note.number: note for note in notes}
    called: dict[int, str] = {}
    for section in sections:
        for block in section.blocks:
            for match in CALL.finditer(block.text):
                number = int(match.group(1))
                if number not in by_number:
                    message = f"note call [{number}] in ¶{block.number} has no note"
                    raise EditionError(path, block.line, message)
                if number in called:
                    raise EditionError(
                        path,
                        block.line,
                        f"note {number} is called twice (¶{block.number} and before, {called[number]})",
                    )
                called[number] = block.id
    for note in notes:
        if note.number not in called:
            raise EditionError(path, note.line, f"note {note.number} is never called in the text")
    return tuple(replace(note, paragraph=called[note.number]) for note in notes)
