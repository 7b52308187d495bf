"""The site printed from Chromium (Playwright's page.pdf, print media): a section page
keeps its paragraph numbers, note calls and notes and drops the controls; the
glossary prints compactly."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

SECTION = "unrest-among-industrial-workers"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def printed(built, browser, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("printed")
    out = {name: folder / f"{name}.pdf" for name in (SECTION, "glossary")}
    page = browser.new_page()
    try:
        for name, target in out.items():
            page.goto((built / "site" / f"{name}.html").as_uri())
            page.pdf(path=str(target), format="A4")
    finally:
        page.close()
    return out


def text_of(pdf: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is needed: apt-get install poppler-utils (.ci/run installs it)")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout


def test_a_printed_section_keeps_its_numbers_calls_and_notes(printed, edition):
    text = text_of(printed[SECTION])
    (section,) = [s for s in edition.chapter.sections if s.slug == SECTION]
    # each paragraph's number stands in the margin, before its first words, in order
    position = 0
    for block in section.blocks:
        first = re.escape(block.text.split()[0]) if block.kind != "table" else ""
        found = re.compile(rf"^\s*{block.number}\s+{first}", re.M).search(text, position)
        assert found, f"¶{block.number} has lost its number in print"
        position = found.end()
    notes = [n for n in edition.chapter.notes if n.paragraph in {b.id for b in section.blocks}]
    assert "Notes" in text
    for note in notes:
        assert re.search(rf"^\s*{note.number}\.\s", text, re.M), f"note {note.number} is not printed"
    assert re.search(r"\S\s?\d+\s*$", text.split("Notes")[0], re.M)  # note calls after words
    for control in ("Cite", "Show the text as received", "Search", "Skip to content"):
        assert control not in text


def test_the_glossary_prints_compactly_without_its_controls(printed, edition):
    info = subprocess.run(["pdfinfo", str(printed["glossary"])], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages <= 30  # 65 in one column with the controls
    text = text_of(printed["glossary"])
    assert "Open them all" not in text and "Show entries of one type" not in text
    assert all(entry.headword.split()[-1] in text for entry in edition.glossary)
