"""The whole edition as one TEI P5 document, with an xml-model instruction naming
tei_all for TEI tools."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ...model import Edition
from .back import apparatus, bibl, registers
from .header import header
from .text import Writer
from .xml import EDITORS, NS, SCHEMA, XML_LANG, indent, q, sub


def document(edition: Edition) -> ET.Element:
    root = ET.Element(q("TEI"), {XML_LANG: "en"})
    header(root, edition)
    writer = Writer(edition)
    text = sub(root, "text")
    front = edition.chapter.front
    if front.author or front.book:
        title_page = sub(sub(text, "front"), "titlePage")
        sub(title_page, "docAuthor", front.author)
        # the book's title as received, and in the one form the header gives it
        choice = sub(sub(sub(title_page, "docTitle"), "titlePart", type="main"), "choice")
        sub(choice, "orig", front.book)
        sub(choice, "reg", edition.metadata["book"], resp=EDITORS)
    writer.body(sub(text, "body"))
    back = sub(text, "back")
    if edition.chapter.colophon:
        colophon = sub(back, "div", type="colophon")
        sub(colophon, "head", "Colophon", resp=EDITORS)
        sub(colophon, "p", edition.chapter.colophon)
    apparatus(back, edition, writer)
    bibliography = sub(back, "div", type="bibliography", resp=EDITORS)
    sub(bibliography, "head", "Works cited")
    books = sub(bibliography, "listBibl")
    for entry in edition.bibliography:
        bibl(books, entry, writer.classify)
    if edition.editors_bibliography:
        editors = sub(back, "div", type="bibliography", subtype="editors", resp=EDITORS)
        sub(editors, "head", "Works cited by the editors")
        works = sub(editors, "listBibl")
        for entry in edition.editors_bibliography:
            bibl(works, entry, writer.classify)
    registers(back, edition, writer.classify)
    return root


def tei_xml(edition: Edition) -> str:
    """The TEI document, with an xml-model instruction naming tei_all for TEI tools."""
    root = document(edition)
    indent(root)
    # the registry is global: another library (WeasyPrint) registers "" for itself
    ET.register_namespace("", NS)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<?xml-model href="{SCHEMA}" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        + ET.tostring(root, encoding="unicode")
        + "\n"
    )
