"""The house style of the editors' prose, checked in the read stage: apostrophes and
quotation marks are typographic (’ ‘ “ ”) as in the received text, never ' or "; a work's title
stands between a pair of asterisks (shown in italics); a date is written day, month, year
("7 November 1923"), never "November 7, 1923" nor in figures ("7/11/1923")."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import EditionError
from .yamlfile import line_of, load_yaml

PROSE = {
    "glossary.yaml": ("headword", "gloss", "description", "russian.meaning"),
    "apparatus.yaml": ("note",),
    "commentary.yaml": ("text",),
    "chronology.yaml": ("title", "text", "note"),
}
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
RULES = (
    (re.compile("'"), "a straight apostrophe or quotation mark; write ’ or ‘ ’"),
    (re.compile('"'), "a straight quotation mark; write “ ”"),
    (
        re.compile(rf"\b(?:{MONTHS}) \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"),
        "a date written month first; write 7 November 1923",
    ),
    (re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"), "a date in figures; write 7 November 1923"),
)


def problems(text: str) -> list[tuple[str, str]]:
    """(the offending characters, what is wrong) in a piece of the editors' prose."""
    found = [(m.group(), why) for pattern, why in RULES for m in pattern.finditer(text)]
    if text.count("*") % 2:
        found.append(("*", "an unpaired asterisk; a title stands between two"))
    return found


def _value(item: dict, field: str) -> object:
    for part in field.split("."):
        item = item.get(part) if isinstance(item, dict) else None
    return item


def _line(lines: list[str], start: int | None, needle: str) -> int | None:
    """The line, from the field's first, that holds the offending characters."""
    if start is None:
        return None
    for number in range(start, min(len(lines), start + 60) + 1):
        if needle in lines[number - 1]:
            return number
    return start


def check_house_style(sources: Path) -> None:
    for name, fields in PROSE.items():
        path = sources / name
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for item in load_yaml(path, top=list):
            if not isinstance(item, dict):
                continue
            for field in fields:
                value = _value(item, field)
                if not isinstance(value, str):
                    continue
                for needle, why in problems(value):
                    line = _line(lines, line_of(value), needle)
                    raise EditionError(path, line, f"{item.get('id')!r}, {field}: {needle!r} is {why}")
