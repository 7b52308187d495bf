"""The Find box's index: every place, its label and address, its texts, its names' forms."""

from __future__ import annotations

import json
import re

from edition.model import Edition
from edition.render.find_index import VARIANTS, find_index


def _payload(edition: Edition) -> dict:
    script = find_index(edition)
    assert script.startswith("window.edFindIndex=") and script.endswith(";\n")
    assert "<" not in script and ">" not in script, "markup characters must be escaped"
    return json.loads(script[len("window.edFindIndex=") : -2])


def test_every_paragraph_note_entry_and_event_is_a_record(edition: Edition) -> None:
    records = _payload(edition)["records"]
    paragraphs = [r for r in records if r["k"] == "p"]
    assert [r["l"] for r in paragraphs] == [f"¶{b.number}" for b in edition.chapter.blocks]
    assert all(r["u"].endswith(f"#{b.id}") for r, b in zip(paragraphs, edition.chapter.blocks, strict=True))
    assert len([r for r in records if r["k"] == "n"]) == len(edition.chapter.notes)
    assert len([r for r in records if r["k"] == "g"]) == len(edition.glossary)
    assert len([r for r in records if r["k"] == "e"]) == len(edition.chronology)
    assert not any(re.search(r"\[\d+\]", r["t"]) for r in records), "note calls are left out of the text"


def test_a_changed_place_carries_its_received_text_too(edition: Edition) -> None:
    records = {r["u"].split("#")[1]: r for r in _payload(edition)["records"] if r["k"] in "pn"}
    changed = {i.place for i in edition.apparatus if i.received != i.edited}
    assert changed
    for item in edition.apparatus:
        record = records[item.place]
        if item.received.strip():
            assert item.received.strip() in record.get("r", record["t"]), item.id
        if item.edited.strip():
            assert item.edited.strip() in record["t"], item.id
    assert all("r" not in r for ident, r in records.items() if ident not in changed)


def test_names_forms_and_variant_rules(edition: Edition) -> None:
    payload = _payload(edition)
    forms = payload["forms"]
    for i, entry in enumerate(edition.glossary):
        assert entry.headword in forms[i] and set(entry.aliases) <= set(forms[i])
    block = next(b for b in edition.chapter.blocks if b.mentions)
    record = next(r for r in payload["records"] if r["u"].endswith(f"#{block.id}"))
    ids = [e.id for e in edition.glossary]
    assert {ids[g] for g in record["g"]} == {m.entry for m in block.mentions}
    assert payload["variants"] == [list(v) for v in VARIANTS]

    def fold(word: str) -> str:
        for pattern, replacement in VARIANTS:
            word = re.sub(pattern, replacement, word)
        return word

    assert fold("preobrazhenskii") == fold("preobrazhensky") == fold("preobrazhenskiy")
    assert fold("khozrashchet") == fold("khozraschet")
    assert fold("izvestiia") == fold("izvestiya") and fold("zinoviev") == fold("zinovyev")
    assert fold("rabkrin") == "rabkrin"
