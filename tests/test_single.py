"""The single-file edition, judged by the Nu checker and axe-core in Chromium."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from lxml import html as lxml_html

from edition.check.fidelity import lost_words

NAME = "the-new-course-controversy"
VNU = ROOT / "build" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def single(exported) -> Path:
    return exported / "dist" / f"{NAME}.html"


def test_the_single_file_is_valid_html(single):
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail(f"the Nu HTML checker is needed at {VNU} (.ci/run installs it with npm)")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "gnu", str(single)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), result.stderr[:3000]


def test_no_interactive_content_inside_a_link(single, edition):
    """An intervention inside a glossary mention: its apparatus mark follows the link."""
    tree = lxml_html.fromstring(single.read_bytes())
    assert tree.xpath("//a//a | //a//button | //button//a | //button") == []
    inside = [i for i in edition.apparatus if any(m.start <= i.start < m.end for m in _mentions(edition, i))]
    assert inside  # the case exists in this edition (¶6, notes 3, 14, 25, 40)
    for item in inside:
        (mark,) = tree.xpath(f"//a[@href='#app-{item.id}']")
        assert mark.text == "°" and not list(mark.iterancestors("a"))


def _mentions(edition, item):
    places = {b.id: b for b in edition.chapter.blocks} | {n.id: n for n in edition.chapter.notes}
    return places[item.place].mentions


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_the_single_file(single, browser, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(single.as_uri())
        violations = Axe().run(page).response["violations"]
    finally:
        context.close()
    found = [f"{v['id']} ({len(v['nodes'])} nodes) {v['nodes'][0]['target']}" for v in violations]
    assert found == []


def test_the_single_file_holds_every_word_in_order(single, edition):
    html = single.read_text("utf-8")
    assert lost_words(edition, [(single.name, html)]) == []
    broken = html.replace("prime aim of fighting", "prime of fighting", 1)
    assert any("missing word(s) 'aim'" in p for p in lost_words(edition, [(single.name, broken)]))
