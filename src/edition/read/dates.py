"""Dates as the sources write them (ISO 8601 at the precision a reference confirms: a
year, a month or a day, or an interval of two) and as readers write them."""

from __future__ import annotations

import re
from datetime import date

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
