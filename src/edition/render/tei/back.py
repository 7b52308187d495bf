"""The back matter of the TEI document: the editors' interventions with their reasons,
the registers made from the glossary, and the two bibliographies."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ...model import BibEntry, Edition, GlossEntry
from ...read.bibliography import list_field
from ...read.bibliography import plain as field_text
from ...resolve.evidence import Classifier
from ..apparatus_page import TYPE_LABELS
from ..prose import prose_plain
from .text import Writer
from .xml import EDITORS, add_prose, add_text, date, plain, pointer, q, sub


def apparatus(parent: ET.Element, edition: Edition, writer: Writer) -> None:
    """The editors' interventions, each with its reason and evidence, pointing to its choice."""
    if not edition.apparatus:
        return
    div = sub(parent, "div", type="apparatus", resp=EDITORS)
    sub(div, "head", "The editors’ interventions")
    for item in edition.apparatus:
        note = sub(div, "note", type="apparatus", subtype=item.type, target=f"#app-{item.id}")
        add_text(note, f"{TYPE_LABELS[item.type].capitalize()}. ")
        add_prose(note, item.note)
        writer.evidence(note, item.evidence)


def registers(parent: ET.Element, edition: Edition, classify: Classifier) -> None:
    """The glossary as TEI lists of persons, organisations, terms and events."""
    if not edition.glossary:
        return
    div = sub(parent, "div", type="registers", resp=EDITORS)
    sub(div, "head", "Persons, bodies, terms and events")
    lists = {
        "person": (person, "listPerson", {}),
        "body": (org, "listOrg", {}),
        "term": (term, "list", {"type": "gloss"}),
        "event": (event, "listEvent", {}),
    }
    for kind, (write, tag, attributes) in lists.items():
        entries = [g for g in edition.glossary if g.type == kind]
        if entries:
            element = sub(div, tag, **attributes)
            for entry in entries:
                write(element, entry, classify)


def _described(element: ET.Element, entry: GlossEntry, classify: Classifier) -> None:
    """What every register entry says: gloss, description, related entries, references."""
    add_prose(sub(element, "note", type="gloss"), entry.gloss)
    add_prose(sub(element, "note", type="description"), entry.description)
    if entry.related:
        sub(element, "note", type="related").append(
            ET.Element(q("ptr"), target=" ".join(f"#{r}" for r in entry.related))
        )
    for item in entry.references:
        sub(element, "ptr", type="reference", target=pointer(classify(item)))


def _names(element: ET.Element, tag: str, entry: GlossEntry) -> None:
    sub(element, tag, entry.headword, type="headword")
    for alias in entry.aliases:
        sub(element, tag, alias, type="form")
    if entry.russian:
        sub(element, tag, entry.russian, type="russian", xml_lang="ru")
    if entry.transliteration:
        sub(element, tag, entry.transliteration, type="transliteration", xml_lang="ru-Latn")


def person(parent: ET.Element, entry: GlossEntry, classify: Classifier) -> None:
    element = sub(parent, "person", xml_id=entry.id)
    _names(element, "persName", entry)
    if entry.born:
        date(sub(element, "birth"), entry.born)
    if entry.died:
        date(sub(element, "death"), entry.died)
    _described(element, entry, classify)


def org(parent: ET.Element, entry: GlossEntry, classify: Classifier) -> None:
    element = sub(parent, "org", xml_id=entry.id)
    _names(element, "orgName", entry)
    if entry.meaning:
        sub(element, "desc", prose_plain(entry.meaning), type="meaning")
    if entry.date:
        date(sub(element, "date"), entry.date)
    _described(element, entry, classify)


def term(parent: ET.Element, entry: GlossEntry, classify: Classifier) -> None:
    sub(parent, "label", entry.headword)  # a gloss list is pairs of label and item
    item = sub(parent, "item", xml_id=entry.id)
    _names(item, "term", entry)
    if entry.meaning:
        sub(item, "gloss", prose_plain(entry.meaning))
    _described(item, entry, classify)


def event(parent: ET.Element, entry: GlossEntry, classify: Classifier) -> None:
    element = sub(parent, "event", xml_id=entry.id)
    if entry.date:
        date(element, entry.date, text=False)
    sub(element, "label", entry.headword)
    for alias in entry.aliases:
        sub(element, "label", alias, type="form")
    _described(element, entry, classify)


def bibl(parent: ET.Element, entry: BibEntry, classify: Classifier) -> None:
    """A structured record from the entry's CSL-JSON."""
    csl = entry.csl
    element = sub(parent, "bibl", type=csl["type"], xml_id=f"bib-{entry.key}")
    for role, tag in (("author", "author"), ("editor", "editor"), ("translator", "editor")):
        for name in csl.get(role, []):
            pers = sub(sub(element, tag, role="translator" if role == "translator" else None), "persName")
            sub(pers, "forename", name.get("given"))
            add_text(pers, " ")
            sub(pers, "surname", name.get("family"))
    level = {"chapter": "a", "article-newspaper": "a", "periodical": "j", "thesis": "u"}.get(csl["type"], "m")
    if "title" in csl:
        sub(element, "title", plain(csl["title"]), level=level)
    if "volume-title" in csl:
        sub(element, "title", plain(csl["volume-title"]), level="m", type="volume")
    if "title-short" in csl:
        sub(element, "title", plain(csl["title-short"]), type="short")
    if "container-title" in csl:
        container = "j" if csl["type"].startswith("article") else "m"
        sub(element, "title", plain(csl["container-title"]), level=container)
    if "volume" in csl:
        sub(element, "biblScope", csl["volume"], unit="volume")
    if "genre" in csl:
        sub(element, "note", csl["genre"], type="genre")
    if "publisher-place" in csl:
        sub(element, "pubPlace", csl["publisher-place"])
    if "publisher" in csl:
        sub(element, "publisher", csl["publisher"])
    if "URL" in csl:
        sub(element, "ptr", target=csl["URL"])
    if "issued" in csl:
        parts = csl["issued"]["date-parts"][0]
        date(sub(element, "date"), "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)))
    if "ISBN" in csl:
        sub(element, "idno", csl["ISBN"], type="ISBN")
    if "language" in csl:
        sub(element, "textLang", mainLang=csl["language"])
    url = entry.fields.get("url", "")
    for item in list_field(entry, "verified"):
        own = item == field_text(url)
        sub(element, "ptr", type="reference", target=url if own else pointer(classify(item)))
