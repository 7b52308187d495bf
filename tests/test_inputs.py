"""Malformed inputs of the kind an editor makes, one row each: the edit, the first
(and only) line of the error, the exit status, and site/ unchanged byte for byte.

Each edit returns the line it changed, so the expected message names the right line."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_inputs

from edition.pipeline.build import build

RECEIVED = "sources/000_8d2340140f951e67.txt"


@pytest.fixture(scope="module")
def built_once(tmp_path_factory) -> Path:
    root = copy_inputs(tmp_path_factory.mktemp("inputs"))
    build(root)
    return root


def snapshot(site: Path) -> dict[str, str]:
    files = (p for p in site.rglob("*") if p.is_file())
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def line_at(text: str, old: str) -> int:
    assert old in text, old
    return text[: text.index(old)].count("\n") + 1


def replace(rel: str, old: str, new: str, shift: int = 0) -> Callable[[Path], int]:
    """Replace the first `old` in a file; the line is where `old` began (plus `shift`)."""

    def apply(root: Path) -> int:
        path = root / rel
        text = path.read_text("utf-8")
        line = line_at(text, old) + shift
        path.write_text(text.replace(old, new, 1), "utf-8")
        return line

    return apply


def replace_bytes(rel: str, old: bytes, new: bytes) -> Callable[[Path], int]:
    def apply(root: Path) -> int:
        path = root / rel
        data = path.read_bytes()
        assert old in data
        path.write_bytes(data.replace(old, new, 1))
        return data[: data.index(old)].count(b"\n") + 1

    return apply


def write(rel: str, content: str) -> Callable[[Path], int]:
    def apply(root: Path) -> int:
        target = root / rel
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()
        target.write_text(content, "utf-8")
        return 1

    return apply


def make_directory(rel: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).unlink()
        (root / rel).mkdir()

    return apply


def no_line(change: Callable[[Path], object]) -> Callable[[Path], None]:
    """An edit whose error names the file but no line (the whole file is wrong)."""

    def apply(root: Path) -> None:
        change(root)

    return apply


def move_event(root: Path) -> int:
    """Move the 1904 event (the first) below the next one: the moved one is the culprit."""
    path = root / "sources/chronology.yaml"
    text = path.read_text("utf-8")
    first = text.index("- id: our-political-tasks")
    second = text.index("- id: bogdanov-break")
    third = text.index("- id: october-revolution")
    moved = text[first:second]
    text = text[:first] + text[second:third] + moved + text[third:]
    path.write_text(text, "utf-8")
    return line_at(text, "- id: our-political-tasks")


GLOSSARY, APPARATUS, EDITION, BIB = (
    "sources/glossary.yaml",
    "sources/apparatus.yaml",
    "sources/edition.yaml",
    "bibliography.bib",
)
CASES = [
    # --- encodings
    ("bib in Latin-1", replace_bytes(BIB, b"Maurice", b"Maur\xefce"), BIB, r"not UTF-8 \(byte 0xEF"),
    (
        "YAML in Latin-1",
        replace_bytes(GLOSSARY, b"Joseph Stalin", b"Jos\xe9ph Stalin"),
        GLOSSARY,
        r"not UTF-8 \(byte 0xE9",
    ),
    (
        "docs page in Latin-1",
        replace_bytes("docs/about.md", b"edition", b"\xe9dition"),
        "docs/about.md",
        r"not UTF-8 \(byte 0xE9",
    ),
    # --- YAML
    (
        "syntax error at its line",
        replace(GLOSSARY, "  type: person\n", "  type person\n"),
        GLOSSARY,
        r"YAML syntax error: could not find expected ':'",
    ),
    (
        "duplicate key",
        replace(GLOSSARY, "  died: 1953\n", "  died: 1953\n  born: 1879\n", shift=1),
        GLOSSARY,
        r"duplicate key 'born' \(first on line \d+\)",
    ),
    (
        "misspelt key",
        replace(GLOSSARY, "  born: 1878\n", "  birth: 1878\n"),
        GLOSSARY,
        r"entry 'stalin': unknown key 'birth' — did you mean 'born'\? "
        r"\(the keys allowed are in .*glossary\.schema\.json\)",
    ),
    (
        "unknown key in an apparatus record",
        replace(APPARATUS, "  type: typo\n", "  type: typo\n  reason: x\n", 1),
        APPARATUS,
        r"intervention '[a-z-]+': unknown key 'reason' .*apparatus\.schema\.json",
    ),
    (
        "unknown key in the metadata",
        replace(EDITION, "  series: Trotsky\n", "  serie: Trotsky\n"),
        EDITION,
        r"unknown key 'serie' — did you mean 'series'\? .*edition\.schema\.json",
    ),
    (
        "wrong type",
        replace(GLOSSARY, "  born: 1878\n", "  born: [1878]\n"),
        GLOSSARY,
        r"entry 'stalin': 'born' \[1878\] is not a year",
    ),
    (
        "type outside the enumeration",
        replace(GLOSSARY, "  type: person\n", "  type: people\n"),
        GLOSSARY,
        r"entry 'stalin': type must be one of \('person', 'body', 'term', 'event'\), not 'people'",
    ),
    (
        "malformed id",
        replace(GLOSSARY, "- id: stalin\n", "- id: Stalin\n"),
        GLOSSARY,
        r"entry 'Stalin': 'id' 'Stalin' is not lower-case letters and digits joined by hyphens",
    ),
    (
        "key that is not text",
        replace(GLOSSARY, "  born: 1878\n", "  1878: born\n"),
        GLOSSARY,
        r"key 1878 is not text; quote it",
    ),
    ("top level not a list", write(GLOSSARY, "stalin: {}\n"), GLOSSARY, r"expected a list at the top level"),
    # --- edits that change nothing
    (
        "empty alias",
        replace(GLOSSARY, "    - Stalin\n", '    - Stalin\n    - ""\n', shift=1),
        GLOSSARY,
        r"entry 'stalin': item 2 of 'aliases' is empty",
    ),
    (
        "alias repeated",
        replace(GLOSSARY, "    - Stalin\n", "    - Stalin\n    - Stalin\n", shift=1),
        GLOSSARY,
        r"entry 'stalin': 'aliases' lists 'Stalin' twice",
    ),
    (
        "related names itself",
        replace(GLOSSARY, "related: [troika, zinoviev,", "related: [stalin, zinoviev,"),
        GLOSSARY,
        r"entry 'stalin': 'related' names the entry itself",
    ),
    (
        "edited equals received",
        replace(APPARATUS, '  edited: "‘might again"', '  edited: "‘night again"'),
        APPARATUS,
        r"intervention 'duranty-might': the edited reading equals the received one",
    ),
    # --- the received chapter's hash
    (
        "sha256 line deleted",
        replace(EDITION, "  sha256: fcdcc", "  #sha256: fcdcc", shift=-2),
        EDITION,
        r"missing required key 'sha256'",
    ),
    ("sha256 empty", replace(EDITION, "  sha256: fcdcc", "  sha256: ''\n  #"), EDITION, r"'sha256' is empty"),
    (
        "received chapter edited",
        no_line(replace(RECEIVED, "THE TROIKA", "THE TROYKA")),
        RECEIVED,
        r"SHA-256 differs from the one recorded in edition\.yaml",
    ),
    # --- chronology
    (
        "event moved out of order",
        move_event,
        "sources/chronology.yaml",
        r"event 'our-political-tasks' \(1904\) is out of order: it is dated before 'bogdanov-break'",
    ),
    # --- BibTeX
    (
        "missing comma between fields",
        replace(
            BIB,
            "  title     = {{Soviet} Economic Development since 1917},\n",
            "  title     = {{Soviet} Economic Development since 1917}\n",
            shift=1,
        ),
        BIB,
        r"entry dobb-soviet-economic: 'title' holds what looks like another field \('address = …'\)",
    ),
    (
        "quote inside a quoted value",
        replace(
            BIB,
            "  address   = {London},\n  publisher = {Routledge",
            '  address   = "Lon"don",\n  publisher = {Routledge',
        ),
        BIB,
        r"cannot parse entry: unbalanced brace or quote in 'address'",
    ),
    (
        "unbalanced brace",
        replace(
            BIB,
            "  address   = {London},\n  publisher = {Routledge",
            "  address   = {Lon{don},\n  publisher = {Routledge",
        ),
        BIB,
        r"cannot parse entry: unbalanced brace or quote in 'address'",
    ),
    (
        "work with no year",
        replace(
            BIB,
            "  year      = {1948},\n  verified  = {mia-dobb}",
            "  verified  = {mia-dobb}",
            shift=-5,
        ),
        BIB,
        r"entry dobb-soviet-economic: @book needs 'year' or 'date' or 'nodate'",
    ),
    ("empty bib", no_line(write(BIB, "")), BIB, r"no entries"),
    # --- mkdocs.yml
    (
        "mkdocs.yml syntax error",
        replace("mkdocs.yml", "strict: true", "strict: [true"),
        "mkdocs.yml",
        r"YAML syntax error",
    ),
    (
        "mkdocs.yml in Latin-1",
        replace_bytes("mkdocs.yml", b"Tony Cliff (text)", b"Tony Cl\xeff (text)"),
        "mkdocs.yml",
        r"not UTF-8",
    ),
    ("mkdocs.yml a directory", make_directory("mkdocs.yml"), "mkdocs.yml", r"cannot read file"),
    (
        "mkdocs.yml duplicate key",
        replace("mkdocs.yml", "strict: true\n", "strict: true\nstrict: false\n", 1),
        "mkdocs.yml",
        r"duplicate key 'strict'",
    ),
    (
        "mkdocs.yml unknown theme",
        replace("mkdocs.yml", "theme:\n  name: material", "theme:\n  name: materiall"),
        "mkdocs.yml",
        r"Config value 'theme': Unrecognised theme name: 'materiall'",
    ),
    (
        "mkdocs.yml unknown key",
        replace("mkdocs.yml", "strict: true\n", "strict: true\nstrikt: true\n", 1),
        "mkdocs.yml",
        r"Config value 'strikt': Unrecognised configuration name: strikt",
    ),
    (
        "mkdocs.yml unknown extension",
        replace("mkdocs.yml", "markdown_extensions:\n  - attr_list", "markdown_extensions:\n  - attr_lisst"),
        "mkdocs.yml",
        r"Config value 'markdown_extensions': Failed to load extension 'attr_lisst'",
    ),
]


def located(rel: str, line: int | None) -> str:
    return rf"{re.escape(rel)}:{line}: " if line else rf"{re.escape(rel)}: "


@pytest.mark.parametrize(("name", "change", "rel", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_line_and_keeps_the_site(built_once, tmp_path, name, change, rel, message):
    root = tmp_path / "project"
    shutil.copytree(built_once, root, ignore=shutil.ignore_patterns("build"))
    before = snapshot(root / "site")
    line = change(root)
    result = subprocess.run(
        [sys.executable, "-m", "edition.cli", "build", "--root", str(root)], capture_output=True, text=True
    )
    lines = result.stderr.splitlines()
    assert result.returncode == 1, result.stdout + result.stderr
    assert len(lines) == 1, result.stderr
    assert re.match(rf"error: {re.escape(str(root))}/{located(rel, line)}{message}", lines[0]), lines[0]
    assert snapshot(root / "site") == before
    assert not list((root / "build").glob(".work-*"))


def test_a_byte_order_mark_is_accepted(built_once, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(built_once, root, ignore=shutil.ignore_patterns("build", "site"))
    for rel in (GLOSSARY, BIB, "docs/about.md"):
        path = root / rel
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "edition.cli", "--root", str(root), "build"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
