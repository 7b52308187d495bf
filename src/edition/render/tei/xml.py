"""The TEI namespace and the small builders every part of the document uses."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from ...resolve.evidence import PAGE, PLACE, Evidence
from ..prose import prose_parts

NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA = "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"
EDITORS = "#editors"
ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
TAG = re.compile(r"<[^>]+>")
# Elements that hold only elements: these are indented; mixed content is left as it is.
STRUCTURE = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "editionStmt", "publicationStmt", "availability",
    "sourceDesc", "encodingDesc", "editorialDecl", "profileDesc", "langUsage", "text", "front",
    "titlePage", "docTitle", "body", "back", "div", "listBibl", "listPerson", "listOrg", "listEvent",
    "list", "person", "org", "event", "item", "table", "row", "bibl", "respStmt", "projectDesc",
}  # fmt: skip

ET.register_namespace("", NS)


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    """A child element; `xml_id`/`xml_lang` stand for xml:id/xml:lang."""
    names = {"xml_id": XML_ID, "xml_lang": XML_LANG}
    element = ET.SubElement(parent, q(tag), {names.get(k, k): v for k, v in attributes.items() if v})
    element.text = text
    return element


def add_text(parent: ET.Element, text: str) -> None:
    """Text after whatever the element holds so far (mixed content)."""
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def add_prose(parent: ET.Element, text: str) -> None:
    """The editors' prose, each work's title (between asterisks in the data) as <title>."""
    for piece, is_title in prose_parts(text):
        if is_title:
            sub(parent, "title", piece)
        else:
            add_text(parent, piece)


def plain(value: str) -> str:
    """A CSL string without its markup (e.g. `<span class="nocase">`)."""
    return TAG.sub("", value)


def date(element: ET.Element, value: str, text: bool = True) -> None:
    """An ISO date as attributes (`when`, or an interval "a/b" as `from`/`to`), and
    unless the element holds other things, as its text."""
    if "/" in value and all(ISO_DATE.match(v) for v in value.split("/")):
        start, end = value.split("/")
        element.set("from", start)
        element.set("to", end)
    elif ISO_DATE.match(value):
        element.set("when", value)
    if text:
        element.text = value


def indent(element: ET.Element, level: int = 0) -> None:
    """Line breaks between structural elements only: whitespace inside mixed content
    (a paragraph, a note, a heading) would change the text."""
    if element.tag.removeprefix(f"{{{NS}}}") not in STRUCTURE or not len(element):
        return
    if element.text and element.text.strip():
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        indent(child, level + 1)
        if not (child.tail and child.tail.strip()):
            child.tail = inner
    element[-1].tail = "\n" + "  " * level


def pointer(found: Evidence) -> str:
    """Where a reference or a piece of evidence points: a block or note, a web page's
    address (a released snapshot's), or the entry of a work in either bibliography."""
    if found.kind == PLACE:
        return f"#{found.item}"
    return found.item if found.kind == PAGE else f"#bib-{found.item}"
