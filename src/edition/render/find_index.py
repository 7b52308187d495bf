"""Render stage: the edition's own search index, by which a reader finds a paragraph (or a
note, a glossary entry, an event) by its words or its number.

It is a script, not JSON, so that pages opened from file:// can load it too; the page
loads it at the reader's first query (edition.js). Each record is one place: its kind,
its label (¶48, n. 5), its address, its reading text and, where the editors changed it,
its received text too (so a received spelling finds the paragraph it stands in); and
the glossary entries it mentions, whose forms let one spelling of a name find the
places that print another. The variant rules, applied alike to a query and to the
text, let the systematic differences between romanisations meet (-skii and -sky,
ë and e, the soft and hard signs).
"""

from __future__ import annotations

import json

from ..model import Edition
from ..read.dates import display_date
from ..read.notes import CALL
from ..resolve.apparatus import apply, by_place
from .markup import page_url

INDEX_FILE = "assets/find-index.js"

# (pattern, replacement) on a word already lower-cased, without diacritics and without
# apostrophes or the signs ʹ ″: the usual variants of Russian romanisation.
VARIANTS = (
    ("shch", "sch"),  # щ written for сч, and the reverse
    ("(?:iy|ii|yi|ij|yy|y)$", "i"),  # -ii, -iy, -yi, -y: Gorkii, Gorky
    ("ia", "ya"),  # Izvestiia, Izvestiya
    ("iu", "yu"),
    ("ie", "ye"),  # Zinoviev, Zinovyev
    ("x", "ks"),
)


def _plain(text: str) -> str:
    """Text as a reader sees it: note calls left out."""
    return CALL.sub("", text).replace("\n", " ").strip()


def _record(kind: str, label: str, url: str, where: str, text: str, received: str = "") -> dict:
    record = {"k": kind, "l": label, "u": url, "w": where, "t": text}
    if received and received != text:
        record["r"] = received
    return record


def find_index(edition: Edition) -> str:
    """The index as a script that sets window.edFindIndex."""
    grouped = by_place(edition.apparatus)
    order = {e.id: i for i, e in enumerate(edition.glossary)}
    records = []
    notes_by_block: dict[str, list] = {}
    for note in edition.chapter.notes:
        notes_by_block.setdefault(note.paragraph, []).append(note)
    for section in edition.chapter.sections:
        title = section.title
        for block in section.blocks:
            text = apply(block.text, grouped.get(block.id, []))
            record = _record(
                "p",
                f"¶{block.number}",
                f"{page_url(section.slug)}#{block.id}",
                title,
                _plain(text),
                _plain(block.text),
            )
            record["g"] = sorted({order[m.entry] for m in block.mentions})
            records.append(record)
        for block in section.blocks:
            for note in notes_by_block.get(block.id, []):
                text = apply(note.text, grouped.get(note.id, []))
                record = _record(
                    "n",
                    f"n. {note.number}",
                    f"{page_url(section.slug)}#{note.id}",
                    f"{title}, note to ¶{block.number}",
                    _plain(text),
                    _plain(note.text),
                )
                record["g"] = sorted({order[m.entry] for m in note.mentions})
                records.append(record)
    for entry in edition.glossary:
        records.append(
            _record("g", entry.headword, f"glossary.html#{entry.id}", "Glossary", entry.gloss)
            | {"g": [order[entry.id]]}
        )
    for event in edition.chronology:
        text = f"{event.title}. {event.text}"
        record = _record("e", display_date(event.date), f"chronology.html#ev-{event.id}", "Chronology", text)
        record["g"] = sorted(order[g] for g in event.glossary)
        records.append(record)
    forms = [
        sorted({e.headword, *e.aliases, *([e.transliteration] if e.transliteration else [])})
        for e in edition.glossary
    ]
    payload = {"records": records, "forms": forms, "variants": [list(v) for v in VARIANTS]}
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"window.edFindIndex={text};\n"
