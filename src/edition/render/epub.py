"""The EPUB 3, written from the model: one XHTML document per section with the author's
notes and the editors' notes as footnotes at its end (`epub:type="noteref"` calls,
`aside epub:type="footnote"` notes with a link back), so a reading system shows a
note where it is called; the back matter of the single file, each part its own
document; a colophon; navigation by section and part; accessibility metadata.
Readable words are marked as on the site's pages (`data-stream`, `data-ed`), so the
fidelity check reads them back (`fidelity.epub_views`)."""

from __future__ import annotations

import os
import re
import time
import uuid
import zipfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from xml.etree import ElementTree as ET

from ..format.citeproc import Formatted
from ..model import Edition, Section
from ..read.dates import display_date
from .markup import attr
from .naming import authors
from .pages import notes_in
from .single import back_matter, comment_html, note_body, note_refs, section_blocks, title_page
from .spans import marks_by_place

STYLE = Path(__file__).with_name("epub.css")
XHTML = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
    'lang="en" xml:lang="en"><head><meta charset="utf-8"/><title>{title}</title>'
    '<link rel="stylesheet" type="text/css" href="book.css"/></head>\n<body{type}>{body}</body></html>\n'
)
LINK = re.compile(r'href="(?:[a-z0-9-]+\.html)?#([^"]+)"')
IDS = re.compile(r'\sid="([^"]+)"')
BARE = re.compile(r"\s(data-search-exclude)(?=[\s>])")  # an HTML boolean attribute, made XML
SUMMARY = (
    "A text-only book with no images, audio or video. Every section and part has a heading "
    "and is listed in the navigation. {author} notes and the editors' notes are footnotes linked "
    "from their calls and back. Paragraph numbers are those of the online edition, so "
    "passages can be cited. Text colours meet the contrast of WCAG 2.1 level AA."
)  # {author}: the author's name in the possessive


@dataclass(frozen=True)
class Doc:
    name: str  # file name inside OEBPS/
    title: str
    body: str
    kind: str = ""  # the body's epub:type
    reading: bool = False  # holds words of the received chapter (read by the fidelity check)


def _footnotes(edition: Edition, formatted: Formatted, section: Section, marks) -> str:
    notes = notes_in(edition, section)
    out = []
    if notes:
        out.append('<section class="footnotes"><h2 data-ed="">Notes</h2>')
        out += [
            f'<aside epub:type="footnote" role="doc-footnote" id="note-{n.number}" data-stream="notes">'
            f'<p><a href="#call-{n.number}" role="doc-backlink">{n.number}.</a> {note_body(n, marks(n))}</p>'
            f"{note_refs(n, formatted)}</aside>"
            for n in notes
        ]
        out.append("</section>")
    here = {b.id for b in section.blocks} | {n.id for n in notes}
    comments = [c for c in edition.commentary if c.place in here]
    if comments:
        out.append('<section class="footnotes" data-ed=""><h2>Editors’ notes</h2>')
        out += [
            f'<aside epub:type="footnote" role="doc-footnote" id="ed-{c.letter}">'
            f'<p><a href="#edcall-{c.letter}" role="doc-backlink">{c.letter}.</a> {comment_html(edition, c)}'
            "</aside>"
            for c in comments
        ]
        out.append("</section>")
    return "".join(out)


def _calls(html: str) -> str:
    """Note calls marked as note references for the reading system."""
    html = html.replace('role="doc-noteref"', 'role="doc-noteref" epub:type="noteref"')
    return html.replace("data-comment=", 'role="doc-noteref" epub:type="noteref" data-comment=')


def documents(edition: Edition, formatted: Formatted) -> list[Doc]:
    meta, chapter = edition.metadata, edition.chapter
    marks = marks_by_place(edition, static=True)
    docs = [Doc("title.xhtml", meta["edition_title"], title_page(edition), "titlepage")]
    for section in chapter.sections:
        if section.heading is None:
            front = chapter.front
            head = (
                f'<p class="front" data-stream="front">{escape(front.author)}<br/>{escape(front.book)}</p>'
                if front.author or front.book
                else ""
            ) + (
                f'<h1 data-stream="front">{escape(front.chapter)}</h1>'
                if front.chapter
                else f'<h1 data-ed="">{escape(meta["chapter_title"])}</h1>'
            )
        else:
            head = f"<h1>{escape(section.heading)}</h1>"
        body = head + section_blocks(section, marks) + _footnotes(edition, formatted, section, marks)
        title = section.heading or meta["chapter_title"]
        docs.append(Doc(f"{section.slug}.xhtml", title, _calls(body), "bodymatter", True))
    for ident, title, html in back_matter(edition, formatted):
        html = re.sub(r"<(/?)h3", r"<\1h2", html)  # an entry's heading sits under the part's
        kind = ident if ident in ROLES else "appendix"
        docs.append(Doc(f"{ident}.xhtml", title, f'<h1 id="{ident}">{title}</h1>{html}', kind))
    colophon = (
        '<h1 data-ed="">Colophon</h1>'
        + (
            '<p><span data-ed="">The web transcription closes: </span>'
            f'<span data-stream="colophon">{escape(chapter.colophon)}</span></p>'
            if chapter.colophon
            else ""
        )
        + f'<div data-ed=""><p>{escape(meta["transcription"])}</p>'
        f"<p><cite>{escape(meta['edition_title'])}</cite>, version {escape(str(meta['version']))} "
        f"({escape(display_date(str(meta['date'])))}), edited by the {escape(meta['editors'])}, "
        "is made from that "
        "transcription, which it leaves unaltered except where the apparatus records a change; online at "
        f'<a href="{attr(meta["site_url"])}">{escape(meta["site_url"])}</a>.</p>'
        f'<p>The editors’ matter: <a href="{attr(meta["licence"]["url"])}">'
        f"{escape(meta['licence']['name'])}</a>. "
        f"The text: {escape(meta['received_rights'])}</p></div>"
    )
    docs.append(Doc("colophon.xhtml", "Colophon", colophon, "colophon", True))
    return _linked(docs)


def _linked(docs: list[Doc]) -> list[Doc]:
    """Every link to an id points into the document that holds it; boolean attributes
    are given values, as XML needs."""
    where = {ident: d.name for d in docs for ident in IDS.findall(d.body)}
    out = []
    for doc in docs:

        def target(match: re.Match, doc: Doc = doc) -> str:
            ident = match.group(1)
            if ident not in where:
                raise ValueError(f"EPUB: a link to #{ident} in {doc.name} has no target")
            name = "" if where[ident] == doc.name else where[ident]
            return f'href="{name}#{ident}"'

        body = BARE.sub(r' \1=""', LINK.sub(target, doc.body))
        out.append(Doc(doc.name, doc.title, body, doc.kind, doc.reading))
    return out


ROLES = {"bibliography", "glossary", "appendix", "colophon"}  # with an ARIA role of their own


def xhtml(doc: Doc) -> str:
    """The document; a part with a DPUB-ARIA role is a section with that role and type."""
    body, kind = doc.body, ""
    if doc.kind in ROLES:
        body = f'<section epub:type="{doc.kind}" role="doc-{doc.kind}">{body}</section>'
    elif doc.kind:
        kind = f' epub:type="{doc.kind}"'
    if not doc.reading:
        kind += ' data-ed=""'  # the editors' own: no word of the received chapter
    text = XHTML.format(title=escape(doc.title), type=kind, body=body)
    ET.fromstring(text.encode("utf-8"))  # well-formed, or fail here rather than in a reader
    return text


def nav(docs: list[Doc]) -> str:
    """The sections, then the back matter and the colophon; landmarks for the reading system."""
    items = "".join(f'<li><a href="{d.name}">{escape(d.title)}</a></li>' for d in docs[1:])
    first = next(d for d in docs if d.reading)
    marks = [("title.xhtml", "titlepage", "Title page"), (first.name, "bodymatter", "Start of the text")]
    marks += [(d.name, d.kind, d.title) for d in docs if d.kind in ("bibliography", "glossary")]
    landmarks = "".join(f'<li><a epub:type="{k}" href="{n}">{escape(t)}</a></li>' for n, k, t in marks)
    body = (
        f'<nav epub:type="toc" role="doc-toc" id="toc"><h1>Contents</h1><ol>{items}</ol></nav>'
        f'<nav epub:type="landmarks" id="landmarks" hidden=""><h2>Landmarks</h2><ol>{landmarks}</ol></nav>'
    )
    return xhtml(Doc("nav.xhtml", "Contents", body))


def modified() -> str:
    """dcterms:modified: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    stamp = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))


def package(edition: Edition, docs: list[Doc]) -> str:
    meta = edition.metadata
    ident = uuid.uuid5(uuid.NAMESPACE_URL, meta["site_url"])
    source = f"{meta['author']}, {meta['book']} ({meta['place']}: {meta['publisher']}, {meta['year']})"
    if meta.get("chapter_number") is not None:
        source += f", chapter {meta['chapter_number']}"
    features = ("structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability")
    a11y = "".join(f'<meta property="schema:accessibilityFeature">{f}</meta>' for f in features)
    manifest = "".join(
        f'<item id="{d.name[:-6]}" href="{d.name}" media-type="application/xhtml+xml"/>' for d in docs
    )
    order = [docs[0].name[:-6], "nav", *(d.name[:-6] for d in docs[1:])]  # contents after the title
    spine = "".join(f'<itemref idref="{i}"/>' for i in order)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="en">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="uid">urn:uuid:{ident}</dc:identifier>'
        f"<dc:title>{escape(meta['edition_title'])}</dc:title>"
        f'<dc:creator id="author">{escape(meta["author"])}</dc:creator>'
        '<meta refines="#author" property="role" scheme="marc:relators">aut</meta>'
        f'<dc:contributor id="editors">{escape(meta["editors"])}</dc:contributor>'
        '<meta refines="#editors" property="role" scheme="marc:relators">edt</meta>'
        f"<dc:date>{escape(str(meta['date']))}</dc:date>"
        f"<dc:rights>{escape(meta['licence']['name'])} (the editors’ matter)</dc:rights>"
        f"<dc:source>{escape(source)}</dc:source>"
        "<dc:language>en</dc:language>"
        f'<meta property="dcterms:modified">{modified()}</meta>'
        '<meta property="schema:accessMode">textual</meta>'
        '<meta property="schema:accessModeSufficient">textual</meta>'
        f"{a11y}"
        '<meta property="schema:accessibilityHazard">none</meta>'
        '<meta property="schema:accessibilitySummary">'
        f"{escape(SUMMARY.format(author=authors(meta, chr(39))))}</meta>"
        '<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>'
        "</metadata><manifest>"
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        '<item id="css" href="book.css" media-type="text/css"/>'
        f"{manifest}</manifest><spine>{spine}</spine></package>\n"
    )


CONTAINER = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>\n"
)


def write_epub(edition: Edition, formatted: Formatted, target: Path) -> None:
    docs = documents(edition, formatted)
    files = {
        "META-INF/container.xml": CONTAINER,
        "OEBPS/content.opf": package(edition, docs),
        "OEBPS/nav.xhtml": nav(docs),
        "OEBPS/book.css": STYLE.read_text("utf-8"),
        **{f"OEBPS/{d.name}": xhtml(d) for d in docs},
    }
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        for name, text in files.items():
            archive.writestr(zipfile.ZipInfo(name), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
