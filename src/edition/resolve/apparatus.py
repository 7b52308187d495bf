"""The critical apparatus: every intervention in the received text, read from
sources/apparatus.yaml and located exactly in its block or note.

A reading is located by its exact received string within the named block or note;
where it occurs more than once, `occurrence` (1-based) says which. An insertion
names the string it stands `before` or `after` instead. No two interventions may
overlap, and none may cut across a note call or a glossary mention.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..errors import EditionError
from ..model import Edition, Intervention
from ..read.notes import CALL
from ..read.yamlfile import line_of, load_yaml
from .evidence import check_evidence

TYPES = ("typo", "punctuation", "lacuna", "transliteration", "factual")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def read_apparatus(path: Path) -> tuple[dict, ...]:
    """The raw records, checked for shape; they are located against the text later."""
    data = load_yaml(path, top=list, schema="apparatus")
    seen: set[str] = set()
    for item in data:
        if not isinstance(item, dict):
            raise EditionError(path, line_of(item), "each intervention must be a mapping")
        ident = item.get("id")
        line = line_of(ident)
        if not isinstance(ident, str) or not ID.match(ident):
            raise EditionError(path, line, f"intervention id {ident!r} must be lower-case-with-hyphens")
        if ident in seen:
            raise EditionError(path, line, f"intervention id {ident!r} is used twice")
        seen.add(ident)
        for key in ("at", "type", "note"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise EditionError(path, line, f"intervention {ident!r}: '{key}' is required")
        if item["type"] not in TYPES:
            raise EditionError(
                path, line_of(item["type"]), f"intervention {ident!r}: type must be one of {TYPES}"
            )
        anchors = [k for k in ("received", "before", "after") if item.get(k)]
        if len(anchors) != 1:
            raise EditionError(
                path, line, f"intervention {ident!r}: give exactly one of 'received', 'before', 'after'"
            )
        if "edited" not in item or not isinstance(item["edited"] or "", str):
            raise EditionError(path, line, f"intervention {ident!r}: 'edited' is required (may be empty)")
        check_changes(item, path)
    return tuple(data)


def check_changes(item: dict, path: Path) -> None:
    """An intervention must change the text: an edited reading equal to the received
    one, or an insertion of nothing (other than a lacuna marked), changes nothing."""
    edited = item["edited"] or ""
    what = f"intervention {item['id']!r}"
    line = line_of(item["edited"]) or line_of(item["id"])
    if item.get("received") and edited == item["received"]:
        raise EditionError(path, line, f"{what}: the edited reading equals the received one")
    if not item.get("received") and not edited and item["type"] != "lacuna":
        raise EditionError(path, line, f"{what}: inserts nothing (only a lacuna may be left empty)")


def texts_by_place(edition: Edition) -> dict[str, str]:
    """The received text of every block and note, by id."""
    return {**{b.id: b.text for b in edition.chapter.blocks}, **{n.id: n.text for n in edition.chapter.notes}}


def find(text: str, target: str, occurrence: int | None, what: str, path: Path, line: int | None) -> int:
    """Start of the target in the text; absent or ambiguous is an error."""
    starts = [m.start() for m in re.finditer(re.escape(target), text)]
    if not starts:
        raise EditionError(path, line, f"{what}: {target!r} is not found in the text")
    if occurrence is None:
        if len(starts) > 1:
            raise EditionError(
                path, line, f"{what}: {target!r} occurs {len(starts)} times; give 'occurrence'"
            )
        return starts[0]
    if not 1 <= occurrence <= len(starts):
        raise EditionError(path, line, f"{what}: occurrence {occurrence} of {target!r} does not exist")
    return starts[occurrence - 1]


def locate(edition: Edition, records: tuple[dict, ...], path: Path) -> tuple[Intervention, ...]:
    texts = texts_by_place(edition)
    located = []
    for item in records:
        ident, line = item["id"], line_of(item["id"])
        what = f"intervention {ident!r}"
        if item["at"] not in texts:
            raise EditionError(path, line_of(item["at"]), f"{what}: no block or note {item['at']!r}")
        text = texts[item["at"]]
        anchor = next(k for k in ("received", "before", "after") if item.get(k))
        start = find(text, item[anchor], item.get("occurrence"), what, path, line)
        if anchor == "after":
            start += len(item[anchor])
        end = start + len(item[anchor]) if anchor == "received" else start
        located.append(
            Intervention(
                id=ident,
                place=item["at"],
                type=item["type"],
                received=text[start:end],
                edited=item["edited"] or "",
                note=" ".join(item["note"].split()),
                evidence=tuple(item.get("evidence") or ()),
                line=line or 0,
                start=start,
                end=end,
            )
        )
    return tuple(located)


def by_place(interventions: tuple[Intervention, ...]) -> dict[str, list[Intervention]]:
    """The interventions grouped by the block or note they stand in, in their order."""
    grouped: dict[str, list[Intervention]] = {}
    for item in interventions:
        grouped.setdefault(item.place, []).append(item)
    return grouped


def check_spans(edition: Edition, interventions: tuple[Intervention, ...], path: Path) -> None:
    """No intervention overlaps another, cuts a note call, or covers a glossary mention."""
    texts = texts_by_place(edition)
    mentions = {p.id: p.mentions for p in (*edition.chapter.blocks, *edition.chapter.notes)}
    for place, items in by_place(interventions).items():
        items.sort(key=lambda i: (i.start, i.end))
        for a, b in zip(items, items[1:], strict=False):
            if b.start < a.end or (a.start == a.end == b.start == b.end):
                raise EditionError(path, b.line, f"intervention {b.id!r} overlaps intervention {a.id!r}")
        for item in items:
            for call in CALL.finditer(texts[place]):
                if item.start < call.end() and call.start() < item.end:
                    raise EditionError(
                        path, item.line, f"intervention {item.id!r} cuts the note call {call.group()}"
                    )
            for m in mentions[place]:
                overlaps = item.start < m.end and m.start < item.end
                if overlaps and not (m.start <= item.start and item.end <= m.end):
                    raise EditionError(
                        path,
                        item.line,
                        f"intervention {item.id!r} covers part of the glossary mention "
                        f"{texts[place][m.start : m.end]!r}; narrow its received reading",
                    )


def apply(text: str, interventions: list[Intervention]) -> str:
    """The text with the interventions made: the reading text."""
    out, position = [], 0
    for item in sorted(interventions, key=lambda i: (i.start, i.end)):
        out.append(text[position : item.start])
        out.append(item.edited)
        position = item.end
    out.append(text[position:])
    return "".join(out)


def link_apparatus(edition: Edition, path: Path) -> Edition:
    if not path.exists():
        return edition
    interventions = locate(edition, read_apparatus(path), path)
    check_spans(edition, interventions, path)
    for item in interventions:
        check_evidence(edition, item.evidence, path, item.line, f"intervention {item.id!r}")
    return replace(edition, apparatus=interventions)
