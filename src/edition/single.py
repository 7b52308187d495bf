"""The single-file edition: the whole chapter in one self-contained HTML file, with
Cliff's notes and the editors' notes as endnotes, and the bibliography, glossary and
apparatus appended. Styles are inline and nothing needs a script; it also prints."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from .apparatus import texts_by_place
from .apparatus_page import TYPE_LABELS, evidence_links, readings
from .chronology_page import event_html
from .citeproc import Formatted, request_id
from .glossary import mentions_by_entry
from .glossary_page import _sorted, entry_html, places
from .markup import Marks, attr, block_html, inline, marks_by_place
from .model import Edition
from .prose import prose_html

STYLE = Path(__file__).with_name("single.css")
PAGE_LINK = re.compile(r'href="[a-z0-9-]+\.html#')
CALL_ID = re.compile(
    r'<sup class="(note-call|ed-call)"(?: data-ed="" data-search-exclude="")?><a id="([a-z0-9-]+)" '
)


BLOCK = re.compile(r'^<(p|blockquote) class="para" id="([^"]+)" data-n="[^"]*">(.*)</\1>$', re.S)


def _anchored(html: str) -> str:
    """A paragraph or quotation inside a div that carries its id: the EPUB converter
    keeps the ids of divs, not of paragraphs, and links to ¶N must land."""
    match = BLOCK.match(html)
    if not match:
        return html
    tag, ident, inner = match.groups()
    return f'<div class="para" id="{ident}"><{tag}>{inner}</{tag}></div>'


def _note(note, formatted: Formatted, marks: Marks) -> str:
    refs = "".join(
        f'<li><a href="#ref-{attr(c.key)}">{formatted.notes[request_id(note.number, i)]}</a></li>'
        for i, c in enumerate(note.citations)
    )
    return (
        f'<div class="note" id="note-{note.number}"><p><a href="#call-{note.number}">{note.number}.</a> '
        f'{inline(note.text, marks)}</p><ul class="note-refs">{refs}</ul></div>'
    )


def single_html(edition: Edition, formatted: Formatted) -> str:
    meta, chapter = edition.metadata, edition.chapter
    marks = marks_by_place(edition, static=True)
    out = [
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(meta['edition_title'])}</title><style>{STYLE.read_text('utf-8')}</style></head><body>",
        '<header class="title-page">'
        f'<p class="author">{escape(chapter.front.author)}</p>'
        f'<h1 id="title">{escape(meta["chapter_title"])}</h1>'
        f"<p>Chapter {escape(str(meta['chapter_number']))} of <cite>{escape(meta['book'])}</cite> "
        f"({escape(meta['place'])}: {escape(meta['publisher'])}, {escape(str(meta['year']))})</p>"
        f"<p>{escape(meta['edition_title'])}. Online: "
        f'<a href="{attr(meta["site_url"])}">{escape(meta["site_url"])}</a></p></header>',
        '<nav class="toc"><h2 id="contents">Contents</h2><ol>',
    ]
    out += [
        f'<li><a href="#s-{s.slug}">{escape(s.heading or meta["chapter_title"])}</a></li>'
        for s in chapter.sections
    ]
    out += [
        f'<li><a href="#{i}">{t}</a></li>'
        for i, t in (
            ("notes", "Notes"),
            ("editors-notes", "Editors’ notes"),
            ("bibliography", "Bibliography"),
            ("glossary", "Glossary"),
            ("chronology", "Chronology"),
            ("apparatus", "Apparatus"),
        )
        if i != "chronology" or edition.chronology
    ]
    out.append('</ol></nav><div class="text">')
    for section in chapter.sections:
        out.append(
            f'<section><h2 id="s-{section.slug}">{escape(section.heading or chapter.front.chapter)}</h2>'
        )
        out += [_anchored(block_html(block, marks(block))) for block in section.blocks]
        out.append("</section>")
    out.append('</div><section><h2 id="notes">Notes</h2><div class="notes">')
    out += [_note(note, formatted, marks(note)) for note in chapter.notes]
    out.append('</div></section><section><h2 id="editors-notes">Editors’ notes</h2><div class="notes">')
    for c in edition.commentary:
        evidence = (
            f'<p class="ed-evidence">Evidence: {evidence_links(edition, c.evidence)}</p>'
            if c.evidence
            else ""
        )
        out.append(
            f'<div class="note" id="ed-{c.letter}"><p><a href="#edcall-{c.letter}">{c.letter}.</a> '
            f"{prose_html(c.text)}</p>{evidence}</div>"
        )
    out.append('</div></section><section><h2 id="bibliography">Bibliography</h2>')
    out += [
        f'<div class="bib-entry" id="ref-{attr(key)}"><p>{html}</p></div>'
        for key, html in formatted.bibliography
    ]
    if formatted.editors_bibliography:
        out.append('<h3 id="works-cited-by-the-editors">Works cited by the editors</h3>')
        out += [
            f'<div class="bib-entry" id="ref-{attr(key)}"><p>{html}</p></div>'
            for key, html in formatted.editors_bibliography
        ]
    out.append('</section><section><h2 id="glossary">Glossary</h2>')
    mentioned, where = mentions_by_entry(edition), places(edition)
    for entry in _sorted(edition.glossary):
        out.append(f'<div class="gloss-entry" id="{attr(entry.id)}"><h3>{escape(entry.headword)}</h3>')
        out.append(entry_html(edition, entry, mentioned[entry.id], where) + "</div>")
    if edition.chronology:
        out.append('</section><section><h2 id="chronology">Chronology</h2><ol class="timeline">')
        out += [event_html(edition, event, where) for event in edition.chronology]
        out.append("</ol>")
    out.append('</section><section><h2 id="apparatus">Apparatus</h2><div class="apparatus">')
    texts, order = texts_by_place(edition), {p: i for i, p in enumerate(chapter.places())}
    for item in sorted(edition.apparatus, key=lambda i: (order[i.place], i.start)):
        url, label = where[item.place]
        out.append(
            f'<div class="app-entry" id="app-{attr(item.id)}"><p class="app-head"><a href="{attr(url)}">'
            f"{escape(label)}</a> · {TYPE_LABELS[item.type]}</p><p>{readings(item, texts[item.place])}</p>"
            f"<p>{prose_html(item.note)}</p></div>"
        )
    out.append(
        f'</div></section><footer><p class="colophon">{escape(chapter.colophon)}</p></footer></body></html>\n'
    )
    html = "\n".join(out)
    # the ids of calls stand on spans, which the EPUB converter keeps (it drops those of links)
    html = CALL_ID.sub(r'<span id="\2"></span><sup class="\1"><a ', html)
    # every link into another page of the site points into this file instead
    return PAGE_LINK.sub('href="#', html)
