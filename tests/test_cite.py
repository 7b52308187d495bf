"""Citing paragraphs: one model in three styles, formatted by CSL, the edition named."""

import json
import re
from dataclasses import replace

import pytest

from edition.format.citeproc import format_citations
from edition.model import Metadata
from edition.render.cite import PLACEHOLDER, cite_items, edition_citation, paragraph_citation, permalink
from edition.render.cite_files import biblatex, bibtex, csl_json, ris
from edition.render.page_meta import chapter_tags


@pytest.fixture(scope="module")
def site(built):
    return built / "site"


@pytest.fixture(scope="module")
def formatted(edition, tmp_path_factory):
    return format_citations(edition.bibliography, {}, tmp_path_factory.mktemp("cite"), cite_items(edition))


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_every_style_names_the_chapter_the_book_the_edition_and_the_paragraph(formatted, edition):
    meta = edition.metadata
    url = permalink(edition, "12")
    twelve = paragraph_citation(formatted, "12")
    whole = {
        "chicago": twelve["chicago"]["note"],
        "chicago bibliography": twelve["chicago"]["reference"] + " para. 12",  # no locator in a bibliography
        "apa": twelve["apa"]["reference"] + " " + twelve["apa"]["intext"],
        "mla": twelve["mla"]["reference"] + " " + twelve["mla"]["intext"],
    }
    for style, html in whole.items():
        text = plain(html)
        for expected in (
            "Cliff",
            meta["chapter_title"],
            "Fighting the Rising Stalinist Bureaucracy 1923–1927",
            "Volume 3",
            "Bookmarks",
            "1991",
            meta["edition_title"],
            str(meta["version"]),
            url,
        ):
            assert expected in text, f"{style}: {expected!r} missing from {text!r}"
        assert re.search(r"\bpara?\. 12\b", text), style
        if style.startswith("chicago"):  # APA 7 and MLA 9 name no place of publication
            assert "London: Bookmarks, 1991" in text, style
    assert twelve["apa"]["intext"] == "(Cliff, 1991/2026, para. 12)"
    assert twelve["mla"]["intext"] == "(Cliff, par. 12)"
    assert PLACEHOLDER not in json.dumps(twelve)


def test_the_edition_itself_is_cited_with_its_editors_version_and_address(formatted, edition):
    meta = edition.metadata
    for style, forms in edition_citation(formatted).items():
        text = plain(forms["reference"])
        for expected in (meta["edition_title"], meta["editors"], str(meta["version"]), meta["site_url"]):
            assert expected in text, f"{style}: {expected!r} missing from {text!r}"


def test_the_dialog_data_fills_in_the_same_citation(site, edition, formatted):
    html = (site / "unrest-among-industrial-workers.html").read_text("utf-8")
    data = json.loads(re.search(r'id="cite-data" data-ed="">(.*?)</script>', html).group(1))
    assert "12" in data["labels"] and data["files"] == "cite/"
    filled = {
        style: {form: text.replace(data["placeholder"], "12") for form, text in forms.items()}
        for style, forms in data["styles"].items()
    }
    assert filled == paragraph_citation(formatted, "12")
    assert data["url"].replace(data["placeholder"], "12") == permalink(edition, "12")


def test_the_about_page_example_is_the_dialog_citation(site, formatted):
    about = (site / "about.html").read_text("utf-8")
    twelve = paragraph_citation(formatted, "12")
    for style in ("chicago", "apa", "mla"):
        assert twelve[style]["reference"] in about
    assert twelve["chicago"]["note"] in about
    assert "<!-- edition:" not in about


def test_identity_on_the_home_and_about_pages(site, edition):
    meta = edition.metadata
    for page in ("index.html", "about.html"):
        html = (site / page).read_text("utf-8")
        for expected in (meta["editors"], meta["licence"]["name"], meta["licence"]["url"], str(meta["date"])):
            assert expected in html, (page, expected)
        assert f"<dt>Version</dt><dd>{meta['version']}" in html


def test_canonical_addresses_come_from_the_configured_site_url(edition):
    items = cite_items(edition)
    assert items.edition["URL"] == edition.metadata["site_url"]
    assert items.chapter["URL"] == edition.metadata["site_url"] + f"p/{PLACEHOLDER}.html"


def test_a_doi_once_given_stands_in_every_citation_file_and_the_edition_citation(edition, tmp_path):
    doi = "10.5281/zenodo.0000000"  # a form, not a real DOI: the edition has none yet
    with_doi = replace(edition, metadata=Metadata({**edition.metadata.values, "doi": doi}))
    formatted = format_citations(with_doi.bibliography, {}, tmp_path, cite_items(with_doi))
    assert doi in plain(edition_citation(formatted)["chicago"]["reference"])
    twelve = plain(paragraph_citation(formatted, "12")["chicago"]["note"])
    assert permalink(with_doi, "12") in twelve  # the paragraph's own address is kept
    for writer in (bibtex, biblatex, ris, csl_json):
        assert doi in writer(with_doi, "12"), writer.__name__
    assert ["citation_doi", doi] in chapter_tags(with_doi, permalink(with_doi, "12"), "12")
