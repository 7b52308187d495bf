"""Every page type saves in Zotero as the item it should, by the translator's rules
(tests/zotero_rules.py), and carries Dublin Core and schema.org data."""

import json
import re

import pytest
from zotero_rules import saved_item

from edition.render.cite import permalink


@pytest.fixture(scope="module")
def site(built):
    return built / "site"


def page(site, name):
    return (site / name).read_text("utf-8")


def test_the_translator_rules_as_read_decide_a_journal_article_without_inbook_title():
    # the fault the rules explain: citation_book_title alone is read as OpenGraph's book:title
    head = '<meta name="citation_title" content="A"><meta name="citation_book_title" content="B">'
    assert saved_item(head)["itemType"] == "journalArticle"
    assert saved_item(head + '<meta name="citation_inbook_title" content="B">')["itemType"] == "bookSection"


def test_chapter_pages_save_as_cliffs_chapter_in_this_edition(site, edition):
    meta = edition.metadata
    for section in edition.chapter.sections:
        item = saved_item(page(site, f"{section.slug}.html"))
        assert item["itemType"] == "bookSection", section.slug
        assert item["title"] == meta["chapter_title"]
        assert item["bookTitle"] == meta["edition_title"]
        assert item["creators"] == [{"lastName": "Cliff", "firstName": "Tony", "creatorType": "author"}]
        assert item["date"] == str(meta["date"]) and item["edition"] == f"Version {meta['version']}"
        assert item["url"] == f"{meta['site_url']}{section.slug}.html"
        assert "CC BY 4.0" in item["rights"] and "pages" not in item


def test_a_paragraph_address_saves_the_chapter_at_that_paragraph(site, edition):
    html = page(site, "p/12.html")
    assert 'http-equiv="refresh"' not in html  # a harvester stays on the paragraph's own page
    item = saved_item(html)
    assert item["itemType"] == "bookSection" and item["pages"] == "¶12"
    assert item["url"] == permalink(edition, "12")
    assert item["title"] == edition.metadata["chapter_title"]
    assert item["creators"][0]["lastName"] == "Cliff"


def test_the_home_page_saves_as_the_edition(site, edition):
    meta = edition.metadata
    item = saved_item(page(site, "index.html"))
    assert item["itemType"] == "book"
    assert item["title"] == meta["edition_title"] and item["date"] == str(meta["date"])
    assert item["url"] == meta["site_url"] and item["edition"] == f"Version {meta['version']}"


@pytest.mark.parametrize(
    "name,title",
    [
        ("glossary.html", "Glossary"),
        ("bibliography.html", "Bibliography"),
        ("apparatus.html", "Apparatus"),
        ("chronology.html", "Chronology"),
        ("about.html", "About this edition"),
        ("data.html", "Data and reuse"),
        ("downloads.html", "Downloads"),
        ("persons.html", "Persons"),
    ],
)
def test_other_pages_save_as_parts_of_the_edition(site, edition, name, title):
    item = saved_item(page(site, name))
    assert item["itemType"] == "bookSection"
    assert item["title"] == title and item["bookTitle"] == edition.metadata["edition_title"]
    assert item["date"] == str(edition.metadata["date"])
    assert item["url"] == edition.metadata["site_url"] + name


def test_json_ld_names_the_edition_and_the_book(site, edition):
    html = page(site, "the-troika-reacts.html")
    (data,) = [json.loads(s) for s in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)]
    assert data["@type"] == "Chapter" and data["name"] == edition.metadata["chapter_title"]
    assert data["isPartOf"]["name"] == edition.metadata["edition_title"]
    assert data["isPartOf"]["version"] == str(edition.metadata["version"])
    assert data["isBasedOn"]["publisher"]["name"] == "Bookmarks"
    assert data["isBasedOn"]["datePublished"] == "1991"
