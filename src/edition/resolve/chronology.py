"""The chronology: dated events read from sources/chronology.yaml, each tied to the
blocks and notes that speak of it and to glossary entries. Dates are ISO 8601 at the
precision a reference confirms (a year, a month or a day) or an interval of two."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ..errors import EditionError
from ..model import Edition, Event
from ..read.dates import parse_date, valid_date
from ..read.yamlfile import line_of, load_yaml
from .apparatus import ID, texts_by_place


def read_chronology(path: Path) -> tuple[Event, ...]:
    data = load_yaml(path, top=list, schema="chronology")
    events, seen = [], set()
    for item in data:
        if not isinstance(item, dict):
            raise EditionError(path, line_of(item), "each event must be a mapping")
        ident = item.get("id")
        line = line_of(ident) or 0
        if not isinstance(ident, str) or not ID.match(ident) or ident in seen:
            raise EditionError(path, line, f"event id {ident!r} is missing, malformed or used twice")
        seen.add(ident)
        for key in ("title", "text"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise EditionError(path, line, f"event {ident!r}: '{key}' is required")
        when = item.get("date")
        if isinstance(when, date | int):
            raise EditionError(path, line, f'event {ident!r}: write the date in quotes ("{when}")')
        if not isinstance(when, str) or not valid_date(when):
            raise EditionError(
                path,
                line_of(when) or line,
                f"event {ident!r}: date {when!r} is not YYYY, YYYY-MM, YYYY-MM-DD or START/END "
                "(quoted, a real date, the start not after the end)",
            )
        lists = {k: item.get(k) or [] for k in ("paragraphs", "glossary", "references")}
        for key, values in lists.items():
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise EditionError(path, line, f"event {ident!r}: '{key}' must be a list of strings")
        if not lists["paragraphs"] or not lists["references"]:
            raise EditionError(
                path, line, f"event {ident!r}: needs the paragraphs that speak of it and a reference"
            )
        events.append(
            Event(
                id=ident,
                date=when,
                title=" ".join(item["title"].split()),
                text=" ".join(item["text"].split()),
                places=tuple(lists["paragraphs"]),
                glossary=tuple(lists["glossary"]),
                references=tuple(lists["references"]),
                line=line,
                note=" ".join(str(item.get("note") or "").split()),
            )
        )
    check_order(events, path)
    return tuple(events)


def in_order(keys: list[tuple[int, ...]]) -> set[int]:
    """Indexes of a longest run of the keys, in list order, that never goes back in
    time: the entries that stand where they belong (the earliest such run on a tie)."""
    length, previous = [1] * len(keys), [-1] * len(keys)
    for i, key in enumerate(keys):
        for j in range(i):
            if keys[j] <= key and length[j] + 1 > length[i]:
                length[i], previous[i] = length[j] + 1, j
    kept, i = set(), length.index(max(length)) if keys else -1
    while i >= 0:
        kept.add(i)
        i = previous[i]
    return kept


def check_order(events: list[Event], path: Path) -> None:
    """Events in date order; one out of place is named itself, not its neighbour."""
    keys = [parse_date(e.start) for e in events]
    kept = in_order(keys)
    for i, event in enumerate(events):
        if i in kept:
            continue
        above = [events[j] for j in sorted(kept) if j < i and keys[j] > keys[i]]
        below = [events[j] for j in sorted(kept) if j > i and keys[j] < keys[i]]
        if above:
            where = f"it is dated before {above[-1].id!r} ({above[-1].date}), listed above it"
        else:
            where = f"it is dated after {below[0].id!r} ({below[0].date}), listed below it"
        raise EditionError(path, event.line, f"event {event.id!r} ({event.date}) is out of order: {where}")


def link_chronology(edition: Edition, path: Path) -> Edition:
    """The edition with its chronology; every block, note and glossary id must exist."""
    if not path.exists():
        return edition
    events = read_chronology(path)
    places = set(texts_by_place(edition))
    entries = {g.id for g in edition.glossary}
    for event in events:
        for place in event.places:
            if place not in places:
                raise EditionError(path, line_of(place), f"event {event.id!r}: no block or note {place!r}")
        for entry in event.glossary:
            if entry not in entries:
                raise EditionError(path, line_of(entry), f"event {event.id!r}: no glossary entry {entry!r}")
    return replace(edition, chronology=events)
