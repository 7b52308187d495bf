"""Shared runs of words between the editors' texts and a reference's wording.

Words are compared lower-cased, with typographic and plain apostrophes and quotation
marks made alike, so a copied sentence is found whatever its punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..read.yamlfile import load_yaml

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
FIELDS = {
    "glossary": ("gloss", "description"),
    "apparatus": ("note",),
    "commentary": ("text",),
    "chronology": ("title", "text", "note"),
}


def tokens(text: str) -> list[str]:
    return [w.replace("’", "'") for w in WORD.findall(text.lower())]


def longest_run(text: list[str], reference: list[str]) -> list[str]:
    """The longest sequence of consecutive words found in both (dynamic programming
    over the two word lists, one row at a time)."""
    best, best_end = 0, 0
    previous = [0] * (len(reference) + 1)
    for i, word in enumerate(text, 1):
        current = [0] * (len(reference) + 1)
        for j, other in enumerate(reference, 1):
            if word == other:
                current[j] = previous[j - 1] + 1
                if current[j] > best:
                    best, best_end = current[j], i
        previous = current
    return text[best_end - best : best_end]


def entry_texts(sources: Path) -> Iterator[tuple[str, str, str]]:
    """(kind, id, editorial text) for every entry of the four editorial files."""
    for kind, fields in FIELDS.items():
        path = sources / f"{kind}.yaml"
        if not path.exists():
            continue
        for item in load_yaml(path, top=list, lines=False):
            text = " ".join(str(item.get(f) or "") for f in fields)
            yield kind, str(item.get("id")), text
