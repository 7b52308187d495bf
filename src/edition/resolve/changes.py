"""What changed between two releases, worked out from their data, never written by hand:
paragraphs added and retired, each paragraph's reading text with the interventions
behind the change, editors' notes, the notes' resolved citations, and the glossary,
chronology and bibliography entries added, changed or removed."""

from __future__ import annotations

from dataclasses import asdict

from ..model import BibEntry, Edition
from .apparatus import apply, by_place

PLACE_FIELDS = {"line", "start", "end", "position"}  # where a record sits, not what it says


def record(item: object) -> dict:
    return {k: v for k, v in asdict(item).items() if k not in PLACE_FIELDS}


def compare(old: dict[str, dict], new: dict[str, dict]) -> dict[str, list]:
    """Ids added, removed and changed, each with what it says now (or said)."""
    return {
        "added": [{"id": k, **new[k]} for k in new if k not in old],
        "removed": [{"id": k, **old[k]} for k in old if k not in new],
        "changed": [
            {"id": k, "before": old[k], "after": new[k]} for k in new if k in old and old[k] != new[k]
        ],
    }


def reading_texts(edition: Edition) -> dict[str, str]:
    grouped = by_place(edition.apparatus)
    return {b.number: apply(b.text, grouped.get(b.id, [])) for b in edition.chapter.blocks}


def paragraph_changes(old: Edition, new: Edition) -> list[dict]:
    """Each paragraph whose reading text changed, with the interventions now at it and
    those it no longer has."""
    before, after = reading_texts(old), reading_texts(new)
    old_items = {i.id: i for i in old.apparatus}
    new_items = {i.id: i for i in new.apparatus}
    ids = {b.number: b.id for b in new.chapter.blocks}
    out = []
    for label, text in after.items():
        if label in before and before[label] != text:
            place = ids[label]
            now = [i for i in new.apparatus if i.place == place]
            gone = [i for k, i in old_items.items() if i.place == place and k not in new_items]
            out.append(
                {
                    "paragraph": label,
                    "before": before[label],
                    "after": text,
                    "interventions": [
                        {**record(i), "status": "added" if i.id not in old_items else "changed"}
                        for i in now
                        if i.id not in old_items or record(old_items[i.id]) != record(i)
                    ]
                    + [{**record(i), "status": "removed"} for i in gone],
                }
            )
    return out


def citations(edition: Edition) -> dict[str, dict]:
    return {
        str(n.number): {"citations": [[c.key, c.locator, c.role] for c in n.citations]}
        for n in edition.chapter.notes
    }


def fields(entry: BibEntry) -> dict:
    """An entry's fields as the data files give them: names (read into their parts) as
    "Last, First"."""
    return {
        key: [getattr(n, "merge_last_name_first", n) for n in value] if isinstance(value, list) else value
        for key, value in entry.fields.items()
    }


def changes(old: Edition, new: Edition) -> dict:
    """The changes from release `old` to release `new`."""
    old_labels = [b.number for b in old.chapter.blocks]
    new_labels = [b.number for b in new.chapter.blocks]
    return {
        "from": str(old.metadata["version"]),
        "to": str(new.metadata["version"]),
        "paragraphs_added": [label for label in new_labels if label not in old_labels],
        "paragraphs_retired": [label for label in old_labels if label not in new_labels],
        "readings": paragraph_changes(old, new),
        "interventions": compare(
            {i.id: record(i) for i in old.apparatus}, {i.id: record(i) for i in new.apparatus}
        ),
        "commentary": compare(
            {c.id: record(c) for c in old.commentary}, {c.id: record(c) for c in new.commentary}
        ),
        "notes": compare(citations(old), citations(new)),
        "glossary": compare({g.id: record(g) for g in old.glossary}, {g.id: record(g) for g in new.glossary}),
        "chronology": compare(
            {e.id: record(e) for e in old.chronology}, {e.id: record(e) for e in new.chronology}
        ),
        "bibliography": compare(
            {e.key: fields(e) for e in old.bibliography}, {e.key: fields(e) for e in new.bibliography}
        ),
    }
