"""The chronology: dated events read from sources/chronology.yaml, each tied to the
blocks and notes that speak of it and to glossary entries. Dates are ISO 8601 at the
precision a reference confirms (a year, a month or a day) or an interval of two."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from .apparatus import ID, texts_by_place
from .errors import EditionError
from .model import Edition, Event
from .yamlfile import line_of, load_yaml

DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # not calendar.month_name, which follows the locale


def parse_date(value: str) -> tuple[int, ...] | None:
    """(year,), (year, month) or (year, month, day) of a real date; None if it is not one."""
    match = DAY.match(value)
    if not match:
        return None
    parts = tuple(int(p) for p in match.groups() if p)
    try:
        date(*parts, *(1,) * (3 - len(parts)))
    except ValueError:
        return None
    return parts


def valid_date(value: str) -> bool:
    ends = value.split("/")
    parsed = [parse_date(v) for v in ends]
    return len(ends) <= 2 and all(parsed) and parsed[0] <= parsed[-1]


def _one(parts: tuple[int, ...], year: bool = True, month: bool = True) -> str:
    words = [str(parts[2])] if len(parts) == 3 else []
    if len(parts) >= 2 and month:
        words.append(MONTHS[parts[1] - 1])
    if year:
        words.append(str(parts[0]))
    return " ".join(words)


def display_date(value: str) -> str:
    """The date as a reader writes it: "7 November 1917", "17–25 April 1923",
    "July–August 1923", "25 January – 4 March 1923"."""
    first, *rest = [parse_date(v) for v in value.split("/")]
    if not rest or rest[0] == first:
        return _one(first)
    last = rest[0]
    if len(first) == len(last) == 1:
        return f"{first[0]}–{last[0]}"
    if len(first) == len(last) == 3 and first[:2] == last[:2]:
        return f"{first[2]}–{_one(last)}"
    if len(first) == len(last) == 2 and first[0] == last[0]:
        return f"{MONTHS[first[1] - 1]}–{_one(last)}"
    if first[0] == last[0] and len(first) == len(last):
        return f"{_one(first, year=False)} – {_one(last)}"
    return f"{_one(first)} – {_one(last)}"


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
