"""What Zotero's Embedded Metadata translator saves from a page, by its own rules.

Zotero's translators run inside Zotero or its translation server, neither of which
installs from the package registries here, so this follows the rules read in
zotero/translators, `Embedded Metadata.js` (lastUpdated 2026-04-27) and the parts
of `RDF.js` it calls, for the tags the edition writes:

- init(): each meta `name` (or `property`) is split on [.:_]; with more than two
  parts the second is tried as a namespace prefix, else the first (so
  `citation_book_title` is read as OpenGraph's `book:title`, and decides nothing);
  a prefixed tag becomes an RDF statement, an unprefixed `citation_*` tag may set the
  item type (`citation_inbook_title` → bookSection; `citation_title` only guesses
  journalArticle).
- The type: the Highwire type if one was set, else RDF.detectType over the
  statements (og:type "book" → book, "website" → webpage; dc:type), whose default
  is the Highwire guess, else webpage.
- Fields: the RDF import (dc:title, dc:creator, dc:date, dc:source → publication
  title, dc:rights, prism:edition), then addHighwireMetadata (HIGHWIRE_MAPPINGS,
  the first value of each; citation_author/citation_editor as creators, split on
  ";" and cleaned by ZU.cleanAuthor; citation_firstpage → pages), then the fallbacks
  (the canonical link as url). For a bookSection, publicationTitle is its bookTitle.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

PREFIXES = {
    "bib",
    "bibo",
    "dc",
    "dcterms",
    "prism",
    "foaf",
    "vcard",
    "link",
    "z",
    "eprint",
    "eprints",
    "og",
    "article",
    "book",
    "music",
    "video",
    "so",
    "codemeta",
    "rdf",
}
HIGHWIRE = {  # HIGHWIRE_MAPPINGS, in the translator's order
    "citation_title": "title",
    "citation_publication_date": "date",
    "citation_cover_date": "date",
    "citation_date": "date",
    "citation_journal_title": "publicationTitle",
    "citation_journal_abbrev": "journalAbbreviation",
    "citation_inbook_title": "publicationTitle",
    "citation_book_title": "bookTitle",
    "citation_volume": "volume",
    "citation_issue": "issue",
    "citation_series_title": "series",
    "citation_conference_title": "conferenceName",
    "citation_conference": "conferenceName",
    "citation_dissertation_institution": "university",
    "citation_technical_report_institution": "institution",
    "citation_technical_report_number": "number",
    "citation_publisher": "publisher",
    "citation_isbn": "ISBN",
    "citation_abstract": "abstractNote",
    "citation_doi": "DOI",
    "citation_public_url": "url",
    "citation_language": "language",
}
HW_TYPES = {
    "citation_journal_title": "journalArticle",
    "citation_technical_report_institution": "report",
    "citation_conference_title": "conferencePaper",
    "citation_conference": "conferencePaper",
    "citation_book_title": "bookSection",
    "citation_inbook_title": "bookSection",
    "citation_dissertation_institution": "thesis",
}
OG_TYPES = {"book": "book", "website": "webpage", "video.movie": "videoRecording"}
DC_TYPES = {"book": "book", "bookitem": "bookSection", "bookchapter": "bookSection", "webpage": "webpage"}


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.metas: list[tuple[str, str]] = []
        self.canonical = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            self.metas.append((a.get("name") or a.get("property") or "", a.get("content") or ""))
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href", "")


def clean_author(name: str, role: str) -> dict:
    """ZU.cleanAuthor: "Last, First" with a comma, else split at the last space."""
    if "," in name:
        last, _, first = name.partition(",")
    else:
        first, _, last = name.rpartition(" ")
    return {"lastName": last.strip(), "firstName": first.strip(), "creatorType": role}


def creators(values: list[str], role: str) -> list[dict]:
    names = [n for v in values for n in re.split(r"\s*;\s*", v)]
    if len(names) == 1 and len(values) == 1:
        by_comma = re.split(r"\s*,\s*", names[0])
        if len(by_comma) > 1 and " " in by_comma[0] and " " in by_comma[1]:
            names = by_comma
    return [clean_author(n.strip(), role) for n in names if re.search(r"[^\s,\-.;]", n)]


def saved_item(html: str) -> dict:
    """The item Zotero saves from a page with this HTML."""
    head = _Head()
    head.feed(html)
    statements: dict[tuple[str, str], str] = {}
    hw_type = hw_guess = None
    for name, value in head.metas:
        if not name or not value:
            continue
        for tag in name.split():
            parts = re.split(r"[.:_]", tag)
            prefix = parts[1].lower() if len(parts) > 2 else None
            length = len(parts[0]) + len(parts[1]) + 1 if prefix else 0
            if not prefix or prefix not in PREFIXES:
                prefix, length = parts[0].lower(), len(parts[0])
            if prefix in PREFIXES:
                prop = tag[length + 1 :]
                statements.setdefault((prefix, prop[:1].lower() + prop[1:]), value)
                continue
            short = tag[tag.rfind("citation_") :]
            if short in HW_TYPES:
                hw_type = HW_TYPES[short]
            elif short in ("citation_title", "citation_series_title"):
                hw_guess = hw_guess or "journalArticle"
            elif short == "citation_isbn":
                hw_guess = "book"
    if hw_type:
        item_type = hw_type
    elif statements:
        og = OG_TYPES.get(statements.get(("og", "type"), ""))
        dc = DC_TYPES.get(statements.get(("dc", "type"), "").lower().replace(" ", ""))
        item_type = og or dc or hw_guess or "webpage"
    else:
        item_type = hw_guess
    item: dict = {"itemType": item_type, "creators": []}
    rdf = {
        "title": ("dc", "title"),
        "date": ("dc", "date"),
        "publicationTitle": ("dc", "source"),
        "rights": ("dc", "rights"),
        "edition": ("prism", "edition"),
        "language": ("dc", "language"),
    }
    for field, statement in rdf.items():
        if statement in statements:
            item[field] = statements[statement]
    if ("dc", "creator") in statements:
        item["creators"] = creators([statements[("dc", "creator")]], "author")
    tags: dict[str, list[str]] = {}
    for name, value in head.metas:
        tags.setdefault(name, []).append(value)
    for tag, field in HIGHWIRE.items():
        if tags.get(tag) and tags[tag][0].strip():
            item[field] = " ".join(tags[tag][0].split())
    people = creators(tags.get("citation_author", []), "author") + creators(
        tags.get("citation_editor", []), "editor"
    )
    if people:
        item["creators"] = people
    if tags.get("citation_firstpage"):
        item["pages"] = tags["citation_firstpage"][0].strip()
    if item_type == "bookSection" and "publicationTitle" in item:
        item["bookTitle"] = item.get("bookTitle") or item.pop("publicationTitle")
        item.pop("publicationTitle", None)
    item.setdefault("url", head.canonical)
    return item
