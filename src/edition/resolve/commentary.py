"""The editors' commentary: notes by the editors, read from sources/commentary.yaml,
called after an exact string of a block or note, and lettered a, b, c… in reading
order so they never collide with the author's numbered notes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from string import ascii_lowercase

from ..errors import EditionError
from ..model import Comment, Edition
from ..read.yamlfile import line_of, load_yaml
from .apparatus import ID, find, texts_by_place
from .evidence import check_evidence


def letter(index: int) -> str:
    """a … z, then aa, ab …"""
    if index < 26:
        return ascii_lowercase[index]
    return letter(index // 26 - 1) + ascii_lowercase[index % 26]


def read_commentary(edition: Edition, path: Path) -> tuple[Comment, ...]:
    data = load_yaml(path, top=list, schema="commentary")
    texts = texts_by_place(edition)
    order = {place: i for i, place in enumerate(edition.chapter.places())}
    comments, seen = [], set()
    for item in data:
        if not isinstance(item, dict):
            raise EditionError(path, line_of(item), "each comment must be a mapping")
        ident = item.get("id")
        line = line_of(ident)
        if not isinstance(ident, str) or not ID.match(ident) or ident in seen:
            raise EditionError(path, line, f"comment id {ident!r} is missing, malformed or used twice")
        seen.add(ident)
        for key in ("at", "after", "text"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise EditionError(path, line, f"comment {ident!r}: '{key}' is required")
        if item["at"] not in texts:
            raise EditionError(
                path, line_of(item["at"]), f"comment {ident!r}: no block or note {item['at']!r}"
            )
        start = find(
            texts[item["at"]], item["after"], item.get("occurrence"), f"comment {ident!r}", path, line
        )
        comments.append(
            Comment(
                id=ident,
                place=item["at"],
                anchor=item["after"],
                text=" ".join(item["text"].split()),
                evidence=tuple(item.get("evidence") or ()),
                line=line or 0,
                position=start + len(item["after"]),
            )
        )
    comments.sort(key=lambda c: (order[c.place], c.position))
    return tuple(replace(c, letter=letter(i)) for i, c in enumerate(comments))


def link_commentary(edition: Edition, path: Path) -> Edition:
    if not path.exists():
        return edition
    comments = read_commentary(edition, path)
    for comment in comments:
        check_evidence(edition, comment.evidence, path, comment.line, f"comment {comment.id!r}")
    return replace(edition, commentary=comments)
