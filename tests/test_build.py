"""The whole pipeline on a copy of the project: what it builds, and what it refuses."""

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import edit, unlock_received

from edition.pipeline.build import check
from edition.render.docs import sync_tree

SECTIONS = [
    "the-new-course-controversy",
    "unrest-among-industrial-workers",
    "trotskys-reaction-to-workers-unrest",
    "the-troika-reacts",
    "trotskys-elaboration-on-the-new-course",
    "weaknesses-in-trotskys-new-course",
]


def run(root, *args):
    return subprocess.run(
        [sys.executable, "-m", "edition.cli", "--root", str(root), *args],
        capture_output=True,
        text=True,
    )


def test_every_section_is_a_page_with_its_blocks(built, edition):
    for section in edition.chapter.sections:
        html = (built / "site" / f"{section.slug}.html").read_text("utf-8")
        for block in section.blocks:
            assert f'id="{block.id}"' in html
    assert [s.slug for s in edition.chapter.sections] == SECTIONS


def test_note_numbers_run_across_pages(built):
    calls = []
    for slug in SECTIONS:
        html = (built / "site" / f"{slug}.html").read_text("utf-8")
        page_calls = [int(n) for n in re.findall(r'id="call-(\d+)"', html)]
        page_notes = [int(n) for n in re.findall(r'<li class="note" id="note-(\d+)"', html)]
        assert page_calls == page_notes
        calls += page_calls
    assert calls == list(range(1, 44))


def test_data_files(built, edition):
    paragraphs = json.loads((built / "site/data/paragraphs.json").read_text("utf-8"))
    assert [p["n"] for p in paragraphs] == list(range(1, len(edition.chapter.blocks) + 1))
    assert set(paragraphs[0]) == {"id", "n", "label", "section", "kind", "text", "url"}
    assert paragraphs[11]["url"] == "unrest-among-industrial-workers.html#p12"
    notes = json.loads((built / "site/data/notes.json").read_text("utf-8"))
    assert len(notes) == 43 and notes[29]["text"] == "Ibid.."
    assert notes[41]["citations"][1] == {
        "key": "carr-interregnum",
        "locator": "125",
        "role": "quoted-in",
    }
    bibliography = json.loads((built / "site/data/bibliography.json").read_text("utf-8"))
    assert {b["id"] for b in bibliography} == {e.key for e in edition.bibliography}
    glossary = json.loads((built / "site/data/glossary.json").read_text("utf-8"))
    assert {g["id"] for g in glossary} == {e.id for e in edition.glossary}
    rabkrin = next(g for g in glossary if g["id"] == "rabkrin")
    assert set(rabkrin) == {"id", "type", "headword", "aliases", "gloss", "mentions"}
    assert rabkrin["mentions"][0] == "p2" and rabkrin["type"] == "body"


def test_bibliography_page_links_back_to_every_citing_note(built):
    html = (built / "site/bibliography.html").read_text("utf-8")
    entry = html[html.index('id="ref-hatch-labor"') :]
    entry = entry[: entry.index("</div>")]
    for number in (12, 13, 15):
        assert f'#note-{number}">{number}</a>' in entry


def test_no_third_party_request_and_no_web_font(built):
    for page in (built / "site").glob("*.html"):
        html = page.read_text("utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_check_passes_on_the_built_site_and_catches_a_lost_word(built):
    assert check(built) == []
    page = built / "site" / "the-troika-reacts.html"
    original = page.read_text("utf-8")
    try:
        page.write_text(original.replace("duck-hunting", "hunting", 1), "utf-8")
        problems = check(built)
        assert any("missing word(s) 'duck'" in p and "000_8d2340140f951e67.txt:" in p for p in problems)
    finally:
        page.write_text(original, "utf-8")


def test_check_catches_a_reading_view_that_lost_an_intervention(built):
    page = built / "site" / "unrest-among-industrial-workers.html"
    original = page.read_text("utf-8")
    edited = '<span class="app-edited" data-reading="edited">‘might again</span>'
    assert edited in original
    try:
        page.write_text(original.replace(edited, edited.replace("might", "night")), "utf-8")
        problems = check(built)
        assert any(p.startswith("reading view:") and "'might'" in p for p in problems)
        assert not any(p.startswith("received view:") for p in problems)
    finally:
        page.write_text(original, "utf-8")


BAD_INPUTS = {
    "malformed BibTeX": (
        "bibliography.bib",
        "  year      = {1948},\n",
        "  year      = {1948,\n",
        r"bibliography.bib:\d+: cannot parse entry",
    ),
    "YAML syntax error": (
        "sources/edition.yaml",
        "colophon: Last",
        "colophon: [Last",
        r"edition.yaml:\d+: YAML syntax error",
    ),
    "missing heading": (
        "sources/edition.yaml",
        "heading: The Troika reacts",
        "heading: The Troika replies",
        r"edition.yaml:\d+: heading .* not found",
    ),
    "quotation marker to no block": (
        "sources/edition.yaml",
        '"It is unworthy of a Marxist"',
        '"It is unworthy of a Leninist"',
        r"edition.yaml:\d+: quotation marker .* points to no block",
    ),
    "unresolvable citation": (
        "bibliography.bib",
        "citedas   = {Challenge (1923-25)},",
        "citedas   = {Challenge of the Left},",
        r"000_8d2340140f951e67.txt:\d+: note 16: cannot resolve",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_fails_in_one_line_and_keeps_the_site(project, case):
    assert run(project, "build").returncode == 0
    index = project / "site" / "index.html"
    before = index.read_bytes()
    path, old, new, message = BAD_INPUTS[case]
    edit(project / path, old, new)
    result = run(project, "build")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert re.search(message, lines[0]), lines[0]
    assert index.read_bytes() == before


def test_note_problems_in_the_received_text_fail_the_build(project):
    text = unlock_received(project)
    edit(text, "Society was sinking into a cesspool.", "Society was sinking into a cesspool. [44]")
    result = run(project, "build")
    assert result.returncode == 1
    assert "note call [44]" in result.stderr and "000_8d2340140f951e67.txt:" in result.stderr
    assert not (project / "site").exists()


def test_check_before_any_build_says_so(project):
    result = run(project, "check")
    assert result.returncode == 1 and "run `edition build` first" in result.stderr


def test_the_generated_docs_are_synced_writing_only_what_changed(tmp_path):
    docs = tmp_path / "docs"
    files = {"a.md": b"# A\n", "cite/p1.bib": b"@book{x}\n", "old/gone.txt": b"x"}
    sync_tree(files, docs)
    assert {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()} == set(files)
    kept = (docs / "cite" / "p1.bib").stat()
    touched = docs / "a.md"
    touched.write_bytes(b"# Z\n")  # changed by hand a second later: same size, another time
    later = touched.stat().st_mtime_ns + 1_000_000_000
    os.utime(touched, ns=(later, later))
    del files["old/gone.txt"]
    files["b.md"] = b"# B\n"
    sync_tree(files, docs)
    assert {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()} == set(files)
    assert not (docs / "old").exists()
    assert touched.read_bytes() == b"# A\n"
    again = (docs / "cite" / "p1.bib").stat()
    assert (again.st_ino, again.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)  # not written again
    files["cite/p1.bib"] = b"@book{y}\n"
    sync_tree(files, docs)
    assert (docs / "cite" / "p1.bib").read_bytes() == b"@book{y}\n"
