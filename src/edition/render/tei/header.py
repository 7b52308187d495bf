"""The TEI header: the edition's titles, editors, version and licence, the source it
was made from (with the received file's SHA-256), and how the text was encoded."""

from __future__ import annotations

import hashlib
from xml.etree import ElementTree as ET

from ...model import Edition
from ...resolve.evidence import Classifier
from ..naming import authors, kind
from .xml import date, pointer, sub


def header(parent: ET.Element, edition: Edition) -> None:
    meta = edition.metadata
    received = edition.source
    tei_header = sub(parent, "teiHeader")
    file_desc = sub(tei_header, "fileDesc")
    titles = sub(file_desc, "titleStmt")
    sub(titles, "title", meta["chapter_title"], type="main")
    sub(titles, "title", meta["edition_title"], type="sub")
    sub(titles, "author", meta["author"])
    resp = sub(titles, "respStmt", xml_id="editors")
    sub(resp, "resp", "Edited, annotated and encoded by")
    sub(resp, "orgName", meta["editors"])
    edition_stmt = sub(sub(file_desc, "editionStmt"), "edition", n=str(meta["version"]))
    edition_stmt.text = f"Version {meta['version']}, "
    date(sub(edition_stmt, "date"), str(meta["date"]))
    publication = sub(file_desc, "publicationStmt")
    sub(publication, "authority", meta["editors"])
    date(sub(publication, "date"), str(meta["date"]))
    sub(publication, "idno", meta["site_url"], type="URL")
    licence = meta["licence"]
    availability = sub(publication, "availability", status="unknown")
    terms = f"{licence['name']} ({licence['short']}): the editors' matter"
    sub(availability, "licence", terms, target=licence["url"])
    sub(availability, "p", f"The received text: {meta['received_rights']}")
    source = sub(sub(file_desc, "sourceDesc"), "bibl")
    sub(source, "author", meta["author"])
    sub(source, "title", meta["chapter_title"], level="a")
    sub(source, "title", meta["book"], level="m")
    if meta.get("volume") is not None:
        sub(source, "biblScope", str(meta["volume"]), unit="volume")
    sub(source, "pubPlace", meta["place"])
    sub(source, "publisher", meta["publisher"])
    sub(source, "date", str(meta["year"]), when=str(meta["year"]))
    sub(source, "note", meta["transcription"], type="transcription")
    sub(source, "idno", received.name, type="file")
    sub(source, "idno", hashlib.sha256(received.read_bytes()).hexdigest(), type="SHA-256")
    classify = Classifier(edition)
    items = [item for group in (meta.get("references") or {}).values() for item in group]
    for item in dict.fromkeys(items):
        sub(source, "ptr", type="reference", target=pointer(classify(item)))
    encoding = sub(tei_header, "encodingDesc")
    words = {"kind": kind(meta), "author": authors(meta, "'")}
    sub(sub(encoding, "projectDesc"), "p", PROJECT.format(**words))
    decl = sub(encoding, "editorialDecl")
    for tag, text in EDITORIAL:
        sub(sub(decl, tag), "p", text.format(**words))
    languages = sub(sub(tei_header, "profileDesc"), "langUsage")
    sub(languages, "language", "English", ident="en")
    if any(e.russian or e.transliteration for e in edition.glossary):  # the registers give Russian
        sub(languages, "language", "Russian", ident="ru")
        sub(languages, "language", "Russian in Latin script", ident="ru-Latn")


PROJECT = (
    "An annotated critical edition of one {kind}, made from the transcription the source "
    "description names. "
    "The site, its data files and this document are generated from the same sources: the "
    "received file, kept byte for byte, and the editors' data (structure, glossary, apparatus, "
    "commentary) in YAML and a BibTeX bibliography."
)
EDITORIAL = (
    (
        "correction",
        "The text is given as received except for the interventions recorded in the apparatus, "
        "each a choice of sic (the received reading) and corr (the editors' reading), whose type "
        "(typo, punctuation, transliteration, factual) is given on corr; the editors' reason and "
        "evidence are in the apparatus division of the back matter, pointing to the choice. A "
        "figure lost from the received text is a gap that the editors leave open unless a "
        "verified source supplies it.",
    ),
    (
        "normalization",
        "None: spelling, romanisation, capitals and quotation marks are kept as received.",
    ),
    (
        "segmentation",
        "Every numbered block (paragraph, block quotation, table) carries the number (n) and "
        "identifier (xml:id) by which the site cites it; these are permanent, kept in "
        "sources/paragraphs.lock. {author} notes stand at their calls, numbered as received.",
    ),
    (
        "interpretation",
        "Mentions of the persons, bodies, terms and events of the glossary are marked where they "
        "occur (persName, orgName, term, rs type='event') and point to the registers in the back "
        "matter. Citations in {author} notes are bibl elements pointing to the bibliography; the "
        "editors' notes are note type='editorial'. Whatever the editors add carries resp='#editors'.",
    ),
)
