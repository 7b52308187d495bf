"""Render stage: the whole edition as one TEI P5 document.

The received text goes into `text/body` as `div`/`head`/`p`/`quote`/`table`, each
numbered block with the `n` and `xml:id` readers cite on the site. the author's notes
stand where he calls them (`note type="authorial" n=…`), each citation in them a
`bibl` pointing into the `listBibl` made from bibliography.bib. Glossary mentions
are `persName`/`orgName`/`term`/`rs` pointing into registers made from the
glossary; interventions are `choice` with `sic` and `corr` (a lost figure is a
`gap`), with the editors' reasons in the back matter; the editors' notes are
`note type="editorial"`. Editors' additions carry `resp="#editors"`, so the words
of the received file can be read back out of the document (`fidelity.tei_views`).
"""

from __future__ import annotations

import hashlib
import re
from xml.etree import ElementTree as ET

from .apparatus_page import TYPE_LABELS
from .citations import citation_spans, locator_span
from .markup import Marks, Span, marks_by_place, span_tree, table_cells
from .model import BibEntry, Block, Comment, Edition, GlossEntry, Intervention, Note
from .naming import authors, kind
from .prose import prose_parts, prose_plain

NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA = "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"
EDITORS = "#editors"
MENTION_TAGS = {"person": "persName", "body": "orgName", "term": "term", "event": "rs"}
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


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    """A child element; `xml_id`/`xml_lang` stand for xml:id/xml:lang."""
    names = {"xml_id": XML_ID, "xml_lang": XML_LANG}
    element = ET.SubElement(parent, _q(tag), {names.get(k, k): v for k, v in attributes.items() if v})
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


class Writer:
    """Builds the document; keeps what the inline parts need to know of the edition."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.notes = {n.number: n for n in edition.chapter.notes}
        self.glossary = {g.id: g for g in edition.glossary}
        self.keys = {e.key for e in (*edition.bibliography, *edition.editors_bibliography)}
        self.marks = marks_by_place(edition)

    # --- the text ------------------------------------------------------------------

    def fill(self, parent: ET.Element, text: str, node: Span) -> None:
        position = node.start
        for child in node.children:
            before = text[position : child.start]
            add_text(parent, before.rstrip(" ") if child.kind == "call" else before)
            self.span(parent, text, child)
            position = child.end
        add_text(parent, text[position : node.end])

    def span(self, parent: ET.Element, text: str, span: Span) -> None:
        if span.kind == "call":
            self.note(parent, self.notes[span.value])
        elif span.kind == "comment":
            self.comment(parent, span.value)
        elif span.kind == "app":
            intervention(parent, span.value)
        elif span.kind == "mention":
            entry = self.glossary[span.value]
            tag = MENTION_TAGS[entry.type]
            extra = {"type": "event"} if tag == "rs" else {}
            self.fill(sub(parent, tag, ref=f"#{entry.id}", **extra), text, span)
        elif span.kind == "bibl":
            key, role = span.value
            self.fill(sub(parent, "bibl", corresp=f"#bib-{key}", type=role), text, span)
        elif span.kind == "range":
            self.fill(sub(parent, "citedRange", unit="page"), text, span)

    def inline(self, parent: ET.Element, place: Block | Note, extra: tuple[Span, ...] = ()) -> None:
        marks = self.marks(place)
        self.fill(parent, place.text, span_tree(place.text, marks, 0, _nesting(place.text, marks, extra)))

    def note(self, parent: ET.Element, note: Note) -> None:
        element = sub(parent, "note", type="authorial", n=str(note.number), place="end", xml_id=note.id)
        spans: list[Span] = []
        for (start, end), citation in zip(citation_spans(note.text), note.citations, strict=False):
            spans.append(Span(start, end, "bibl", (citation.key, citation.role)))
            where = locator_span(note.text, start, end)
            if where:
                spans.append(Span(*where, "range", None))
        self.inline(element, note, tuple(spans))

    def comment(self, parent: ET.Element, comment: Comment) -> None:
        element = sub(
            parent, "note", type="editorial", n=comment.letter, resp=EDITORS, xml_id=f"ed-{comment.letter}"
        )
        add_prose(element, comment.text)
        self.evidence(element, comment.evidence)

    def evidence(self, parent: ET.Element, items: tuple[str, ...]) -> None:
        for item in items:
            if item in self.keys:
                sub(parent, "ptr", type="evidence", target=f"#bib-{item}")
            elif item.startswith(("http://", "https://")):
                sub(parent, "ptr", type="evidence", target=item)
            else:
                sub(parent, "ptr", type="evidence", target=f"#{item}")

    def block(self, parent: ET.Element, block: Block) -> None:
        if block.kind == "table":
            self.table(parent, block)
            return
        tag = "quote" if block.kind == "quotation" else "p"
        self.inline(sub(parent, tag, n=block.number, xml_id=block.id), block)

    def table(self, parent: ET.Element, block: Block) -> None:
        cell_marks, rows = table_cells(block, self.marks(block))
        table = sub(parent, "table", n=block.number, xml_id=block.id, cols=str(len(block.columns)))
        sub(table, "head", block.caption, resp=EDITORS)
        heading = sub(table, "row", role="label", resp=EDITORS)
        for column in block.columns:
            sub(heading, "cell", column, role="label")
        for cells in rows:
            row = sub(table, "row")
            for index, cell in enumerate(cells):
                element = sub(row, "cell", role="label" if index == 0 else None)
                if cell.text is None:
                    lacuna(element, cell.lacuna)
                else:
                    self.fill(element, cell.text, span_tree(cell.text, cell_marks, cell.offset))

    def body(self, parent: ET.Element) -> None:
        chapter = self.edition.chapter
        meta = self.edition.metadata
        number = {"n": str(meta["chapter_number"])} if meta.get("chapter_number") is not None else {}
        div = sub(parent, "div", type=kind(meta), **number)
        if chapter.front.chapter:
            sub(div, "head", chapter.front.chapter)
        else:  # no title line in the received file: the title the edition gives it
            sub(div, "head", meta["chapter_title"], type="supplied", resp=EDITORS)
        for index, section in enumerate(chapter.sections, start=1):
            part = sub(div, "div", type="section", n=str(index), xml_id=f"sec-{section.slug}")
            if section.heading is None:  # the untitled opening: its name in the edition
                sub(part, "head", section.title, type="supplied", resp=EDITORS)
            else:
                sub(part, "head", section.heading)
            for block in section.blocks:
                self.block(part, block)

    # --- the back matter -------------------------------------------------------------

    def apparatus(self, parent: ET.Element) -> None:
        if not self.edition.apparatus:
            return
        div = sub(parent, "div", type="apparatus", resp=EDITORS)
        sub(div, "head", "The editors’ interventions")
        for item in self.edition.apparatus:
            note = sub(div, "note", type="apparatus", subtype=item.type, target=f"#app-{item.id}")
            add_text(note, f"{TYPE_LABELS[item.type].capitalize()}. ")
            add_prose(note, item.note)
            self.evidence(note, item.evidence)

    def registers(self, parent: ET.Element) -> None:
        if not self.edition.glossary:
            return
        div = sub(parent, "div", type="registers", resp=EDITORS)
        sub(div, "head", "Persons, bodies, terms and events")
        by_type = {t: [g for g in self.edition.glossary if g.type == t] for t in MENTION_TAGS}
        if by_type["person"]:
            people = sub(div, "listPerson")
            for entry in by_type["person"]:
                person(people, entry)
        if by_type["body"]:
            orgs = sub(div, "listOrg")
            for entry in by_type["body"]:
                org(orgs, entry)
        if by_type["term"]:
            terms = sub(div, "list", type="gloss")
            for entry in by_type["term"]:
                term(terms, entry)
        if by_type["event"]:
            events = sub(div, "listEvent")
            for entry in by_type["event"]:
                event(events, entry)


def _nesting(text: str, marks: Marks, extra: tuple[Span, ...]) -> tuple[Span, ...]:
    """The caller's spans that nest with the marks: one that a mark would cross is dropped
    (the text is kept, only that element is not made)."""
    edges = [(m.start, m.end) for m in marks.mentions] + [(i.start, i.end) for i in marks.interventions]
    return tuple(
        s for s in extra if not any(a < s.start < b < s.end or s.start < a < s.end < b for a, b in edges)
    )


def intervention(parent: ET.Element, item: Intervention) -> None:
    if item.type == "lacuna":
        lacuna(parent, item)
        return
    choice = sub(parent, "choice", xml_id=f"app-{item.id}")
    sub(choice, "sic", item.received or None)
    sub(choice, "corr", item.edited or None, type=item.type, resp=EDITORS)


def lacuna(parent: ET.Element, item: Intervention | None) -> None:
    """A lost figure: a gap, or what a verified source supplies."""
    ident = f"app-{item.id}" if item else None
    if item and item.edited:
        sub(parent, "supplied", item.edited, reason="lost", resp=EDITORS, xml_id=ident)
    else:
        sub(parent, "gap", reason="lost", unit="figure", quantity="1", xml_id=ident)


def _date(element: ET.Element, value: str, text: bool = True) -> None:
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


def _described(element: ET.Element, entry: GlossEntry) -> None:
    """What every register entry says: gloss, description, related entries, references."""
    add_prose(sub(element, "note", type="gloss"), entry.gloss)
    add_prose(sub(element, "note", type="description"), entry.description)
    if entry.related:
        sub(element, "note", type="related").append(
            ET.Element(_q("ptr"), target=" ".join(f"#{r}" for r in entry.related))
        )
    for url in entry.references:
        sub(element, "ptr", type="reference", target=url)


def _names(element: ET.Element, tag: str, entry: GlossEntry) -> None:
    sub(element, tag, entry.headword, type="headword")
    for alias in entry.aliases:
        sub(element, tag, alias, type="form")
    if entry.russian:
        sub(element, tag, entry.russian, type="russian", xml_lang="ru")
    if entry.transliteration:
        sub(element, tag, entry.transliteration, type="transliteration", xml_lang="ru-Latn")


def person(parent: ET.Element, entry: GlossEntry) -> None:
    element = sub(parent, "person", xml_id=entry.id)
    _names(element, "persName", entry)
    if entry.born:
        _date(sub(element, "birth"), entry.born)
    if entry.died:
        _date(sub(element, "death"), entry.died)
    _described(element, entry)


def org(parent: ET.Element, entry: GlossEntry) -> None:
    element = sub(parent, "org", xml_id=entry.id)
    _names(element, "orgName", entry)
    if entry.meaning:
        sub(element, "desc", prose_plain(entry.meaning), type="meaning")
    if entry.date:
        _date(sub(element, "date"), entry.date)
    _described(element, entry)


def term(parent: ET.Element, entry: GlossEntry) -> None:
    sub(parent, "label", entry.headword)  # a gloss list is pairs of label and item
    item = sub(parent, "item", xml_id=entry.id)
    _names(item, "term", entry)
    if entry.meaning:
        sub(item, "gloss", prose_plain(entry.meaning))
    _described(item, entry)


def event(parent: ET.Element, entry: GlossEntry) -> None:
    element = sub(parent, "event", xml_id=entry.id)
    if entry.date:
        _date(element, entry.date, text=False)
    sub(element, "label", entry.headword)
    for alias in entry.aliases:
        sub(element, "label", alias, type="form")
    _described(element, entry)


def bibl(parent: ET.Element, entry: BibEntry) -> None:
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
        _date(sub(element, "date"), "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)))
    if "ISBN" in csl:
        sub(element, "idno", csl["ISBN"], type="ISBN")
    if "language" in csl:
        sub(element, "textLang", mainLang=csl["language"])
    checked = [u.strip() for u in entry.fields.get("verified", "").split(";") if u.strip()]
    for url in checked:
        sub(element, "ptr", type="reference", target=url)


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
    _date(sub(edition_stmt, "date"), str(meta["date"]))
    publication = sub(file_desc, "publicationStmt")
    sub(publication, "authority", meta["editors"])
    _date(sub(publication, "date"), str(meta["date"]))
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
    urls = [url for group in (meta.get("references") or {}).values() for url in group]
    for url in dict.fromkeys(urls):
        sub(source, "ptr", type="reference", target=url)
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


def document(edition: Edition) -> ET.Element:
    root = ET.Element(_q("TEI"), {XML_LANG: "en"})
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
    writer.apparatus(back)
    bibliography = sub(back, "div", type="bibliography", resp=EDITORS)
    sub(bibliography, "head", "Works cited")
    books = sub(bibliography, "listBibl")
    for entry in edition.bibliography:
        bibl(books, entry)
    if edition.editors_bibliography:
        editors = sub(back, "div", type="bibliography", subtype="editors", resp=EDITORS)
        sub(editors, "head", "Works cited by the editors")
        works = sub(editors, "listBibl")
        for entry in edition.editors_bibliography:
            bibl(works, entry)
    writer.registers(back)
    return root


def _indent(element: ET.Element, level: int = 0) -> None:
    """Line breaks between structural elements only: whitespace inside mixed content
    (a paragraph, a note, a heading) would change the text."""
    if element.tag.removeprefix(f"{{{NS}}}") not in STRUCTURE or not len(element):
        return
    if element.text and element.text.strip():
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        if not (child.tail and child.tail.strip()):
            child.tail = inner
    element[-1].tail = "\n" + "  " * level


def tei_xml(edition: Edition) -> str:
    """The TEI document, with an xml-model instruction naming tei_all for TEI tools."""
    root = document(edition)
    _indent(root)
    # the registry is global: another library (WeasyPrint) registers "" for itself
    ET.register_namespace("", NS)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<?xml-model href="{SCHEMA}" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        + ET.tostring(root, encoding="unicode")
        + "\n"
    )
