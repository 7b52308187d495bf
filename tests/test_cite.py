"""Citing paragraphs: formats from CSL, permanent addresses, metadata for Zotero."""

import json
import re
from html.parser import HTMLParser

import pytest

from edition.cite import cite_items, permalink


@pytest.fixture(scope="module")
def site(built):
    return built / "site"


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.jsonld, self._in_ld = [], [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("name", "").startswith("citation_"):
            self.meta.append((a["name"], a["content"]))
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.jsonld.append(json.loads(data))
            self._in_ld = False


def test_highwire_tags_make_a_book_section(site, edition):
    head = Head()
    head.feed((site / "the-troika-reacts.html").read_text("utf-8"))
    tags = dict(head.meta)
    assert tags["citation_title"] == "The Troika reacts"
    assert tags["citation_book_title"] == "Trotsky: Fighting the Rising Stalinist Bureaucracy 1923–1927"
    assert tags["citation_author"] == "Cliff, Tony"
    assert tags["citation_publisher"] == "Bookmarks" and tags["citation_publication_date"] == "1991"
    assert tags["citation_public_url"] == edition.metadata["site_url"] + "the-troika-reacts.html"


def test_json_ld_is_a_chapter_of_a_book(site):
    head = Head()
    head.feed((site / "the-troika-reacts.html").read_text("utf-8"))
    (data,) = head.jsonld
    assert data["@type"] == "Chapter" and data["name"] == "The Troika reacts"
    assert data["isPartOf"]["@type"] == "Book" and data["isPartOf"]["publisher"]["name"] == "Bookmarks"


def test_every_paragraph_has_a_permanent_short_address(site, edition):
    for section in edition.chapter.sections:
        for block in section.blocks:
            page = (site / "p" / f"{block.number}.html").read_text("utf-8")
            target = f"../{section.slug}.html#{block.id}"
            assert f'url={target}"' in page and f'location.replace("{target}")' in page


def test_each_paragraph_is_cited_in_three_styles_with_its_number_and_address(site, edition):
    html = (site / "unrest-among-industrial-workers.html").read_text("utf-8")
    data = json.loads(re.search(r'id="cite-data" data-ed="">(.*?)</script>', html).group(1))
    twelve = data["paragraphs"]["12"]
    url = permalink(edition, "12")
    assert twelve["url"] == url
    assert twelve["chicago"].startswith("Tony Cliff, “The New Course Controversy,” in <em>Trotsky")
    assert f'para. 12, <a href="{url}">{url}</a>.' in twelve["chicago"]
    assert twelve["apa"] == "(Cliff, 1991, para. 12)" and twelve["mla"] == "(Cliff, par. 12)"
    assert data["references"]["apa"].startswith(
        "Cliff, T. (1991). The New Course Controversy. In <em>Trotsky"
    )
    bib = twelve["bibtex"]
    assert bib.startswith("@inbook{para-12,") and f"url = {{{url}}}" in bib and "note = {Paragraph 12}" in bib
    (item,) = json.loads(twelve["csl_json"])
    assert item["URL"] == url and item["type"] == "chapter"


def test_canonical_addresses_come_from_the_configured_site_url(edition):
    items = cite_items(edition)
    assert items.chapter["URL"] == edition.metadata["site_url"]
    assert items.paragraphs["107"]["URL"] == edition.metadata["site_url"] + "p/107.html"
