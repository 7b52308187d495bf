"""The glossary: entries read from sources/glossary.yaml, each checked as it is read."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import EditionError
from ..model import GlossEntry
from .dates import valid_date
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
