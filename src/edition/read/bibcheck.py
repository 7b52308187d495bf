"""Sanity checks on bibliography.bib beyond what bibtexparser refuses: it reads a
missing comma between two fields as one value holding both, and a stray quote or
brace as text. Checked on the values as written, delimiters included."""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser

from ..errors import EditionError

FIELD_INSIDE = re.compile(r"(?:^|[\s,}\"])([A-Za-z][A-Za-z_-]*)\s*=\s*[{\"\d]")
DATED = ("year", "date", "nodate")  # nodate: the editors state that the work has no date to give
REQUIRED = {  # per entry type, each group needs one of its fields
    "book": (("author", "editor"), ("title",), DATED),
    "collection": (("title",), DATED),
    "proceedings": (("title",), DATED),
    "incollection": (("author",), ("title",), ("booktitle",), DATED),
    "phdthesis": (("author",), ("title",), ("school",), DATED),
    "periodical": (("title",), DATED),
    "article": (("journaltitle", "journal"), DATED),
}


def check_bib_text(text: str, path: Path) -> None:
    """Every entry's values well formed and its required fields present; a file with
    no entry at all is an error too."""
    library = bibtexparser.parse_string(text, parse_stack=[])
    if not library.entries and not library.failed_blocks:
        raise EditionError(path, None, "no entries: every work the notes cite needs one")
    for entry in library.entries:
        fields = {}
        for field in entry.fields:
            _check_value(entry.key, field.key, str(field.value), path, field.start_line + 1)
            fields[field.key.lower()] = field.value
        for group in REQUIRED.get(entry.entry_type.lower(), ()):
            if not any(name in fields for name in group):
                wanted = " or ".join(f"'{name}'" for name in group)
                hint = " (nodate = {true} where the work has none)" if group is DATED else ""
                raise EditionError(
                    path, entry.start_line + 1, f"entry {entry.key}: @{entry.entry_type} needs {wanted}{hint}"
                )


def _check_value(key: str, name: str, value: str, path: Path, line: int) -> None:
    inner = value[1:-1] if value[:1] in '{"' and value[-1:] in '}"' else value
    match = FIELD_INSIDE.search(inner)
    if match:
        where = line + inner[: match.start(1)].count("\n")
        raise EditionError(
            path,
            where,
            f"entry {key}: '{name}' holds what looks like another field ('{match.group(1)} = …'); "
            "is a comma missing?",
        )
    offset = _unbalanced(inner, quoted=value[:1] == '"')
    if offset is not None:
        where = line + inner[:offset].count("\n")
        raise EditionError(
            path, where, f"entry {key}: unbalanced brace or quote in '{name}'; write the value in braces"
        )


def _unbalanced(text: str, quoted: bool) -> int | None:
    """Where the braces of a value stop balancing (or a bare quote ends a quoted one)."""
    depth = 0
    for i, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0 or (quoted and char == '"' and depth == 0):
            return i
    return len(text) if depth else None


FIELD_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z_-]*)\s*=\s*(.*?),?\s*$")


def failed_field(raw: str, start_line: int) -> tuple[int, str] | None:
    """For an entry bibtexparser could not read: the first field written on one line
    whose value does not balance, as (line, field name)."""
    for offset, text in enumerate(raw.splitlines()):
        match = FIELD_LINE.match(text)
        if not match:
            continue
        value = match.group(2)
        quoted = value[:1] == '"'
        inner = value[1:-1] if quoted and value.endswith('"') else value
        if (quoted and not value.endswith('"')) or _unbalanced(inner, quoted) is not None:
            return start_line + offset, match.group(1)
    return None
