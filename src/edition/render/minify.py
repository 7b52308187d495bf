"""Render stage: the edition's own stylesheets as readers receive them, without the
comments and indentation that explain them to their editors (a fifth of their weight
on the wire); strings are kept whole, so no value changes."""

from __future__ import annotations

import re

# a string (kept) or a comment (dropped); CSS strings cannot span lines unescaped
_TOKEN = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|/\*.*?\*/""", re.S)


def css(text: str) -> str:
    """The stylesheet without comments, each line stripped, and no empty lines."""
    bare = _TOKEN.sub(lambda match: match.group(1) or "", text)
    return "".join(line.strip() + "\n" for line in bare.splitlines() if line.strip())
