"""The paragraph citation files, read by the clients scholars use: classic BibTeX
with plain.bst, biber, citation-js and pandoc's citeproc."""

import json
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from edition.format.citeproc import pandoc_path, style_path
from edition.model import Metadata
from edition.render.cite_files import WRITERS, cite_files, file_names, label_templates

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "build" / "tools" / "node_modules"
CLIENT = Path(__file__).with_name("clients") / "citationjs.cjs"
BOOK = "Fighting the Rising"
EDITION = "Annotated Digital Edition"


@pytest.fixture(scope="module")
def cite_dir(built):
    return built / "site" / "cite"


@pytest.fixture(scope="module")
def url(edition):
    return edition.metadata["site_url"] + "p/12.html"


def labels(edition):
    return [b.number for b in edition.chapter.blocks]


def test_every_paragraph_has_its_four_files(cite_dir, edition):
    names = {p.name for p in cite_dir.iterdir()}
    for label in labels(edition):
        assert {f"p{label}.bib", f"p{label}.biblatex.bib", f"p{label}.ris", f"p{label}.json"} <= names


def test_classic_bibtex_reads_every_file_with_plain_bst_without_a_warning(cite_dir, edition, tmp_path, url):
    assert shutil.which("bibtex"), "classic BibTeX is not installed (.ci/run installs texlive-binaries)"
    database = "\n".join((cite_dir / f"p{label}.bib").read_text("utf-8") for label in labels(edition))
    (tmp_path / "refs.bib").write_text(database, "utf-8")
    (tmp_path / "doc.aux").write_text("\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n", "utf-8")
    run = subprocess.run(["bibtex", "doc"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    assert "Warning" not in run.stdout and "error" not in run.stdout.lower(), run.stdout
    bbl = (tmp_path / "doc.bbl").read_text("utf-8")
    assert bbl.count("\\bibitem") == len(labels(edition))
    flat = " ".join(bbl.split())
    start = flat.index("\\bibitem{cliff-the-new-course-controversy-p12}") + len("\\bibitem")
    twelve = flat[start:].split("\\bibitem")[0]
    for expected in (
        "page ¶12",
        "2026",
        BOOK,
        "Course} Controversy: An Annotated",
        f"Version {edition.metadata['version']}",
        url,
        "1991",
    ):
        assert expected in twelve, (expected, twelve)
    assert "The {New Course} controversy" in twelve  # plain.bst lower-cases the title, not the proper noun


def test_biber_reads_every_biblatex_file_without_a_warning(cite_dir, edition, tmp_path, url):
    assert shutil.which("biber"), "biber is not installed (.ci/run installs it)"
    database = "\n".join(
        (cite_dir / f"p{label}.biblatex.bib").read_text("utf-8") for label in labels(edition)
    )
    (tmp_path / "refs.bib").write_text(database, "utf-8")
    run = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "refs.bib"], cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout
    assert not [line for line in run.stdout.splitlines() if line.startswith(("WARN", "ERROR"))], run.stdout
    out = (tmp_path / "refs_bibertool.bib").read_text("utf-8")
    twelve = out[out.index("{cliff-the-new-course-controversy-p12,") :].split("@INCOLLECTION")[0]
    for expected in (
        "PAGES = {¶12}",
        f"DATE = {{{edition.metadata['date']}}}",
        BOOK,
        EDITION,
        f"EDITION = {{Version {edition.metadata['version']}}}",
        url,
        "ORIGDATE = {1991}",
        "ORIGPUBLISHER = {Bookmarks}",
    ):
        assert expected in twelve, (expected, twelve)


def citation_js(path: Path) -> dict:
    assert (NODE_MODULES / "@citation-js" / "core").exists(), "citation-js is not installed (.ci/run does it)"
    run = subprocess.run(
        ["node", str(CLIENT), str(path), str(style_path())],
        capture_output=True,
        text=True,
        env={**os.environ, "NODE_PATH": str(NODE_MODULES)},
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.mark.parametrize("name", ["p12.bib", "p12.biblatex.bib", "p12.ris", "p12.json"])
def test_citation_js_reads_each_file_and_formats_chicago(cite_dir, name, url, edition):
    result = citation_js(cite_dir / name)
    (item,) = result["items"]
    data = json.dumps(item, ensure_ascii=False)
    version = str(edition.metadata["version"])
    shown = f"Version {version}" if name != "p12.json" else f'"{version}"'
    for expected in ("¶12", "2026", BOOK, EDITION, shown, url):
        assert expected in data, (name, expected, data)
    text = result["text"]
    for expected in ("Cliff, Tony", "“The New Course Controversy.”", EDITION, "¶12", "2026", url):
        assert expected in text, (name, expected, text)
    if name != "p12.bib":  # classic BibTeX has no field for the original; its note holds it
        assert BOOK in text, (name, text)
    if name.endswith(("biblatex.bib", ".json")):  # RIS has no original place and publisher; N1 holds them
        assert "London: Bookmarks, 1991" in text, (name, text)


def test_pandoc_citeproc_formats_the_csl_json(cite_dir, tmp_path, url, edition):
    (tmp_path / "doc.md").write_text("---\nnocite: '@*'\n---\n", "utf-8")
    run = subprocess.run(
        [
            pandoc_path(),
            "doc.md",
            "--citeproc",
            "--csl",
            str(style_path()),
            "--bibliography",
            str(cite_dir / "p12.json"),
            "-t",
            "plain",
            "--wrap=none",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    for expected in (
        "Cliff, Tony",
        EDITION,
        f"version {edition.metadata['version']}",
        "¶12",
        "2026",
        BOOK,
        "London: Bookmarks, 1991",
        url,
    ):
        assert expected in run.stdout, (expected, run.stdout)


def direct(edition) -> dict[str, str]:
    """Every file as its writer writes it, label by label."""
    return {
        f"cite/{name}": WRITERS[kind](edition, block.number)
        for block in edition.chapter.blocks
        for kind, name in file_names(block.number).items()
    }


@pytest.mark.parametrize(
    "nouns, labels_with_letters",
    [(None, False), (None, True), (["Trotsky", "Politburo 13"], False), (["Stalin"], True)],
)
def test_filling_in_the_label_writes_what_each_writer_writes(edition, nouns, labels_with_letters):
    values = dict(edition.metadata.values)
    if nouns is not None:
        values["proper_nouns"] = nouns
    lettered = {b.id: f"{b.number}a" for b in edition.chapter.blocks[11:13]} if labels_with_letters else {}
    sections = tuple(
        replace(s, blocks=tuple(replace(b, label=lettered.get(b.id, b.number)) for b in s.blocks))
        for s in edition.chapter.sections
    )
    chapter = replace(edition.chapter, sections=sections)
    changed = replace(edition, metadata=Metadata(values), chapter=chapter)
    assert {b.number for b in changed.chapter.blocks} >= set(lettered.values())
    written = cite_files(changed)
    assert written == direct(changed)
    assert (label_templates(changed) == {}) == any(c.isdigit() for n in nouns or [] for c in n)
