"""Permanent paragraph ids: sources/paragraphs.lock maps each id to a fingerprint of
its block, and every build checks the text against it.

The blocks are aligned with the lock in order. A block whose fingerprint is in
its place keeps its id; one whose wording changed keeps its id too (where as many
blocks stand in a changed stretch as before, they are paired in order; otherwise
by their opening or closing words). A new block gets the id of the block before it
with a letter (12a, 12b…), so nothing after it is renumbered; a block that is
gone has its id retired for good. A change that would add or retire an id stops
the build until it is accepted with `edition lock --accept`.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import EditionError
from ..model import Block, Section
from .yamlfile import dump_yaml, load_yaml

ACCEPT = "edition lock --accept"
LABEL = re.compile(r"^(\d+)([a-z]*)$")


@dataclass(frozen=True)
class Entry:
    label: str
    fingerprint: str
    opening: str
    closing: str


@dataclass(frozen=True)
class Assignment:
    labels: list[str]  # one per block, in order
    reworded: list[str]  # labels kept although the wording changed
    added: list[str]
    retired: list[str]  # newly retired
    entries: list[Entry]  # the lock as it would be written
    all_retired: list[str]

    @property
    def moves_ids(self) -> bool:
        return bool(self.added or self.retired)


def _words(text: str) -> list[str]:
    return text.split()


def entry(label: str, text: str) -> Entry:
    words = _words(text)
    digest = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:16]
    return Entry(label, digest, " ".join(words[:8]), " ".join(words[-8:]))


def read_lock(path: Path) -> tuple[list[Entry], list[str]]:
    data = load_yaml(path, lines=False, schema="lock")
    entries = []
    for item in data.get("paragraphs") or []:
        label = str(item.get("id", "")).removeprefix("p")
        if not LABEL.match(label) or not item.get("fingerprint"):
            raise EditionError(path, None, f"malformed lock entry {item!r}")
        entries.append(Entry(label, item["fingerprint"], item.get("opening", ""), item.get("closing", "")))
    retired = [str(r).removeprefix("p") for r in data.get("retired") or []]
    return entries, retired


def write_lock(path: Path, assignment: Assignment) -> None:
    data = {
        "paragraphs": [
            {"id": f"p{e.label}", "fingerprint": e.fingerprint, "opening": e.opening, "closing": e.closing}
            for e in assignment.entries
        ],
        "retired": [f"p{label}" for label in assignment.all_retired],
    }
    header = (
        "# Permanent paragraph ids and fingerprints of their text. Checked by every build;\n"
        f"# written only by `edition lock` (first time) or `{ACCEPT}`. Do not edit by hand.\n"
    )
    path.write_text(header + dump_yaml(data), "utf-8")


def assign(blocks: list[Block], old: list[Entry], retired: list[str]) -> Assignment:
    """Ids for the blocks, aligned with the lock."""
    new = [entry("", b.text) for b in blocks]
    labels: list[str | None] = [None] * len(new)
    reworded, gone = [], []
    matcher = difflib.SequenceMatcher(
        None, [e.fingerprint for e in old], [e.fingerprint for e in new], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for k in range(i2 - i1):
                labels[j1 + k] = old[i1 + k].label
            continue
        pending = list(range(i1, i2))
        fresh = list(range(j1, j2))
        if len(pending) == len(fresh):
            pairs = list(zip(pending, fresh, strict=True))  # same place, same count: reworded
        else:
            pairs = _pair_by_words(old, new, pending, fresh)
        for i, j in pairs:
            labels[j] = old[i].label
            reworded.append(old[i].label)
        kept = {i for i, _ in pairs}
        gone += [old[i].label for i in pending if i not in kept]
    used = {e.label for e in old} | set(retired)
    added = []
    for j, label in enumerate(labels):
        if label is None:
            base = LABEL.match(labels[j - 1]).group(1) if j else "0"
            label = next(f"{base}{c}" for c in "abcdefghijklmnopqrstuvwxyz" if f"{base}{c}" not in used)
            used.add(label)
            labels[j] = label
            added.append(label)
    entries = [replace(e, label=label) for e, label in zip(new, labels, strict=True)]
    return Assignment(labels, reworded, added, gone, entries, retired + gone)


def _pair_by_words(old: list[Entry], new: list[Entry], pending: list[int], fresh: list[int]) -> list:
    """Old and new blocks, in order, that share their opening or closing words."""
    pairs = []
    for j in fresh:
        match = next(
            (i for i in pending if old[i].opening == new[j].opening or old[i].closing == new[j].closing), None
        )
        if match is not None:
            pairs.append((match, j))
            pending = pending[pending.index(match) + 1 :]
    return pairs


def initial(blocks: list[Block]) -> Assignment:
    """The first lock: the blocks numbered 1…N."""
    entries = [entry(str(i), b.text) for i, b in enumerate(blocks, start=1)]
    return Assignment([e.label for e in entries], [], [], [], entries, [])


def describe(assignment: Assignment) -> str:
    parts = []
    if assignment.added:
        parts.append("new " + ", ".join(f"¶{label}" for label in assignment.added))
    if assignment.retired:
        parts.append("retired " + ", ".join(f"¶{label}" for label in assignment.retired))
    if assignment.reworded:
        parts.append("wording changed, id kept: " + ", ".join(f"¶{label}" for label in assignment.reworded))
    return "; ".join(parts) or "no change"


def apply_lock(sections: tuple[Section, ...], path: Path) -> tuple[Section, ...]:
    """The sections with every block's permanent number; a change that would add or
    retire an id is an error naming the command that accepts it."""
    blocks = [b for s in sections for b in s.blocks]
    if not path.exists():
        raise EditionError(path, None, "no paragraph lock yet: run `edition lock` to create it")
    old, retired = read_lock(path)
    assignment = assign(blocks, old, retired)
    if assignment.moves_ids:
        raise EditionError(
            path, None, f"paragraph ids would change ({describe(assignment)}); run `{ACCEPT}` to accept"
        )
    return label_blocks(sections, assignment.labels)


def label_blocks(sections: tuple[Section, ...], labels: list[str]) -> tuple[Section, ...]:
    it = iter(labels)
    return tuple(replace(s, blocks=tuple(replace(b, label=next(it)) for b in s.blocks)) for s in sections)
