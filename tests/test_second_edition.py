"""A second edition, nothing like the first, built by the same toolkit: an excerpt of an
1899 article with four notes of its own, one work cited, three glossary entries and one
intervention (tests/editions/gulf-capes). It must pass every check the first one does,
judged by the same clients, and carry no word of the first edition."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from lxml import etree
from test_epub import EPUBCHECK, epubcheck_jars
from test_quality import VNU
from test_tei import schematron, tei_all  # noqa: F401 (fixtures)

from edition.cli import main as cli
from edition.pipeline.build import check
from edition.pipeline.export import export
from edition.render.docs import asset_files

FIXTURE = ROOT / "tests" / "editions" / "gulf-capes"
FIRST_EDITION = re.compile(r"\bCliff\b|Trotsky|New Course|new-course|Bookmarks|Stalin|Zinoviev")


@pytest.fixture(scope="module")
def second(tmp_path_factory) -> Path:
    """The fixture copied, built by the command line, then exported."""
    root = tmp_path_factory.mktemp("second") / "gulf-capes"
    shutil.copytree(FIXTURE, root)
    assert cli(["--root", str(root), "build"]) == 0
    export(root)
    return root


def test_the_command_line_builds_it(tmp_path, capsys):
    root = tmp_path / "gulf-capes"
    shutil.copytree(FIXTURE, root)
    assert cli(["--root", str(root), "build"]) == 0
    assert "2 paragraphs, 4 notes, 1 works; every check passed" in capsys.readouterr().out


def test_every_check_passes_and_a_lost_word_is_caught(second):
    """Both views on the pages and in the TEI, every link, nothing from another host."""
    assert check(second) == []
    page = second / "site" / "the-capes.html"
    original = page.read_text("utf-8")
    try:
        page.write_text(original.replace("precipitous", "steep", 1), "utf-8")
        assert any("precipitous" in problem for problem in check(second))
    finally:
        page.write_text(original, "utf-8")


def test_the_intervention_shows_both_readings(second):
    html = (second / "site" / "the-capes.html").read_text("utf-8")
    assert '<span class="app-edited" data-reading="edited">Ibid.,</span>' in html
    # Material keeps the search exclusion as data-search-exclude=""; Zensical drops it
    received = (
        r'<span class="app-received" data-reading="received"(?: data-search-exclude="")?>Ibid\.;</span>'
    )
    assert re.search(received, html)


def test_its_files_are_named_by_its_slug(second):
    names = sorted(p.name for p in (second / "dist").iterdir())
    assert names == [f"gulf-capes{end}" for end in ("-site.zip", ".epub", ".html", ".pdf", ".tei.xml")]


def test_no_word_of_the_first_edition_in_any_output(second):
    """Nothing the toolkit writes names the first edition: pages, data, TEI, exports."""
    texts = [
        p for p in (second / "site").rglob("*") if p.suffix in {".html", ".json", ".xml", ".bib", ".ris"}
    ]
    texts = [p for p in texts if "assets" not in p.parts]  # the theme's own
    with zipfile.ZipFile(second / "dist" / "gulf-capes.epub") as book:
        found = [f"{n}: {m}" for n in book.namelist() for m in FIRST_EDITION.findall(book.read(n).decode())]
    found += [f"{p.name}: {m}" for p in texts for m in FIRST_EDITION.findall(p.read_text("utf-8"))]
    assert texts and found == []


def test_every_page_is_valid_html(second):
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail(f"the Nu HTML checker is needed at {VNU} (.ci/run installs it with npm)")
    pages = sorted(str(p) for p in (second / "site").rglob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", *pages], capture_output=True, text=True
    )
    assert result.returncode == 0 and "error" not in result.stdout + result.stderr, result.stdout[:3000]


def test_the_tei_is_valid_and_passes_the_schematron(second, tei_all, schematron):  # noqa: F811
    path = second / "site" / "data" / "gulf-capes.tei.xml"
    document = etree.parse(str(path))
    assert tei_all.validate(document), "\n".join(str(e) for e in list(tei_all.error_log)[:10])
    assert schematron(path) == []
    languages = document.findall(".//{http://www.tei-c.org/ns/1.0}language")
    assert [lang.get("ident") for lang in languages] == ["en"]  # no register here gives Russian


def test_epubcheck_passes_the_epub(second):
    if not EPUBCHECK.exists() or not shutil.which("java"):
        pytest.fail("epubcheck is needed: apt-get install epubcheck (.ci/run installs it)")
    for jar in epubcheck_jars():
        result = subprocess.run(
            ["java", "-jar", str(jar), str(second / "dist" / "gulf-capes.epub")],
            capture_output=True,
            text=True,
        )
        output = result.stdout + result.stderr
        assert result.returncode == 0 and "0 fatals / 0 errors / 0 warnings" in output, output


def test_the_single_file_names_the_excerpt_as_its_data_says(second):
    html = (second / "dist" / "gulf-capes.html").read_text("utf-8")
    assert (
        "<p>In <cite>Appletons’ Popular Science Monthly</cite> (New York: D. Appleton and Company, 1899)"
        in html
    )
    assert "The web transcription closes" not in html  # the received file has no closing line


def test_the_reading_pages_get_the_toolkits_styles_and_scripts(second, browser):
    """The project ships no assets of its own: the build adds the package's, so the
    apparatus switch works here as on the first edition (Chromium, from file://)."""
    site = second / "site"
    assert (site / "assets" / "edition.js").read_bytes() == asset_files()["assets/edition.js"]
    page = browser.new_page()
    try:
        page.goto((site / "the-capes.html").as_uri())
        note = page.locator("#note-3")
        assert "Ibid., p. 157." in note.inner_text() and "Ibid.;" not in note.inner_text()
        switch = page.locator("button.app-switch")
        switch.click()
        assert switch.get_attribute("aria-pressed") == "true"
        assert "Ibid.; p. 157." in note.inner_text()
    finally:
        page.close()


def test_its_controls_have_the_toolkits_colours_without_a_palette(second, browser):
    """A site with Material's default look sets no colour scheme: the toolkit's colours
    still hold, so the Find box and the switch show their borders."""
    page = browser.new_page()
    try:
        page.goto((second / "site" / "the-capes.html").as_uri())
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") is None
        for selector in (".ed-find input", ".reading-switch button"):
            style = page.locator(selector).first.evaluate(
                "el => { const s = getComputedStyle(el);"
                " return [s.borderTopStyle, s.borderTopWidth, s.borderTopColor, s.backgroundColor]; }"
            )
            assert style[0] == "solid" and style[1] != "0px", (selector, style)
            assert style[2] != style[3], (selector, style)
    finally:
        page.close()
