"""Reader for the received chapter: the file split into front, body, notes and colophon."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import EditionError
from ..model import RawBlock

NOTE_LINE = re.compile(r"^(\d+)\.\s+(.*)$", re.S)


@dataclass(frozen=True)
class ReceivedParts:
    front: tuple[RawBlock, ...]
    body: tuple[RawBlock, ...]
    notes: tuple[RawBlock, ...]
    colophon: RawBlock | None


def read_received(path: Path, sha256: str | None = None) -> str:
    """The chapter as received; with a checksum, prove it is byte for byte the same."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EditionError(path, None, f"cannot read the received chapter ({exc.strerror})") from exc
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise EditionError(
            path,
            None,
            "SHA-256 differs from the one recorded in edition.yaml "
            "(`edition received` shows the change, `edition received --accept` records it)",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EditionError(path, None, f"not UTF-8 at byte {exc.start}") from exc


def raw_blocks(text: str) -> list[RawBlock]:
    """Runs of non-blank lines, each with the number of its first line (1-based)."""
    blocks: list[RawBlock] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(RawBlock("\n".join(current), start))
            current = []
    if current:
        blocks.append(RawBlock("\n".join(current), start))
    return blocks


def split_parts(blocks: list[RawBlock], front: list[str], colophon: str | None, path: Path) -> ReceivedParts:
    """Separate the title lines, body, numbered notes and closing line of the file.

    The front lines and the colophon are named in edition.yaml (a file may have
    neither); the notes are the run of blocks "1. …", "2. …" that stands just before
    the colophon, or at the end of the file.
    """
    for i, expected in enumerate(front):
        if i >= len(blocks) or blocks[i].text != expected:
            found = blocks[i].text if i < len(blocks) else "end of file"
            where = blocks[i].line if i < len(blocks) else None
            raise EditionError(path, where, f"expected front line {expected!r}, found {found!r}")
    if colophon is not None and (not blocks or blocks[-1].text != colophon):
        where = blocks[-1].line if blocks else None
        raise EditionError(path, where, f"expected the closing line {colophon!r}")
    end = len(blocks) - 1 if colophon is not None else len(blocks)
    start = end
    while start > len(front) and NOTE_LINE.match(blocks[start - 1].text):
        start -= 1
    # the run of notes must begin at note 1: anything before it is body text
    while start < end and NOTE_LINE.match(blocks[start].text).group(1) != "1":
        start += 1
    return ReceivedParts(
        front=tuple(blocks[: len(front)]),
        body=tuple(blocks[len(front) : start]),
        notes=tuple(blocks[start:end]),
        colophon=blocks[end] if colophon is not None else None,
    )
