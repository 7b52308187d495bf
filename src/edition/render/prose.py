"""The editors' prose and its one inline markup: the title of a work stands between
asterisks (*The Title*). It is shown in italics (HTML `cite`, TEI `title`); where
only plain text can go (the popovers' data), the asterisks are dropped. Everything else
in the text is escaped as data."""

from __future__ import annotations

import re
from html import escape

TITLE = re.compile(r"\*([^*\n]+)\*")


def prose_html(text: str) -> str:
    """The text as safe HTML, each title as <cite> (escaped first, so markup in the data
    can never become a tag)."""
    return TITLE.sub(lambda m: f"<cite>{m.group(1)}</cite>", escape(text))


def prose_plain(text: str) -> str:
    return TITLE.sub(r"\1", text)


def prose_parts(text: str) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_title) in order, for writers that build elements."""
    parts, position = [], 0
    for match in TITLE.finditer(text):
        if match.start() > position:
            parts.append((text[position : match.start()], False))
        parts.append((match.group(1), True))
        position = match.end()
    if position < len(text):
        parts.append((text[position:], False))
    return parts
