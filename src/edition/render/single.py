"""The single-file edition: the whole chapter in one self-contained HTML file, with
the author's notes and the editors' notes as endnotes, and the bibliography, glossary and
apparatus appended. Styles are inline and nothing needs a script; it also prints.
Its words are marked as the site's pages' are (`data-stream`, `data-ed`), so the
fidelity check reads them back (`fidelity.lost_words`).
Its parts are shared with the EPUB (`epub.py`) and, with the author's notes as footnotes,
with the PDF (`pdf.py`)."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from ..format.citeproc import Formatted, request_id
from ..model import Comment, Edition, Note, Section
from ..read.dates import display_date
from ..resolve.apparatus import texts_by_place
from ..resolve.mentions import mentions_by_entry
from .apparatus_page import TYPE_LABELS, readings
from .chronology_page import event_html
from .evidence import evidence_links
from .glossary_page import _sorted, entry_html
from .markup import attr, block_html, inline, places
from .naming import part_of
from .prose import prose_html
from .spans import Marks, marks_by_place

STYLE = Path(__file__).with_name("single.css")
PAGE_LINK = re.compile(r'href="[a-z0-9-]+\.html#')
# the site's Cite control does nothing in a file: it is left out of the exports
CITE_BUTTON = re.compile(r'<button type="button" class="cite-btn"[^>]*>Cite</button>')
NOTE_CALL = re.compile(r'<sup class="note-call"><a id="call-(\d+)" [^>]*>\d+</a></sup>')
BACK_MATTER = (
    ("bibliography", "Bibliography"),
    ("glossary", "Glossary"),
    ("chronology", "Chronology"),
    ("apparatus", "Apparatus"),
)


def section_blocks(section: Section, marks) -> str:
    """A section's blocks, without the site's controls."""
    return "\n".join(CITE_BUTTON.sub("", block_html(block, marks(block))) for block in section.blocks)


def note_refs(note: Note, formatted: Formatted, tags: tuple[str, str] = ("ul", "li")) -> str:
    """The note's references in full, linked to the bibliography; a list, or spans."""
    outer, inner = tags
    refs = "".join(
        f'<{inner} class="ref"><a href="#ref-{attr(c.key)}">{formatted.notes[request_id(note.number, i)]}</a>'
        f"</{inner}>"
        for i, c in enumerate(note.citations)
    )
    return f'<{outer} class="note-refs" data-ed="">{refs}</{outer}>' if refs else ""


def note_body(note: Note, marks: Marks) -> str:
    """The note's words after its number."""
    return inline(note.text, marks)


def _note(note: Note, formatted: Formatted, marks: Marks) -> str:
    return (
        f'<div class="note" id="note-{note.number}"><p><a href="#call-{note.number}">{note.number}.</a> '
        f"{note_body(note, marks)}</p>{note_refs(note, formatted)}</div>"
    )


def comment_html(edition: Edition, comment: Comment) -> str:
    """An editors' note's text and evidence, after its letter."""
    evidence = (
        f'<p class="ed-evidence">Evidence: {evidence_links(edition, comment.evidence)}</p>'
        if comment.evidence
        else ""
    )
    return f"{prose_html(comment.text)}</p>{evidence}"


def bibliography_html(formatted: Formatted) -> str:
    """The author's works, then the works the editors cite."""
    out = [
        f'<div class="bib-entry" id="ref-{attr(key)}"><p>{html}</p></div>'
        for key, html in formatted.bibliography
    ]
    if formatted.editors_bibliography:
        out.append('<h3 id="works-cited-by-the-editors">Works cited by the editors</h3>')
        out += [
            f'<div class="bib-entry" id="ref-{attr(key)}"><p>{html}</p></div>'
            for key, html in formatted.editors_bibliography
        ]
    return "\n".join(out)


def glossary_html(edition: Edition) -> str:
    mentioned, where = mentions_by_entry(edition), places(edition)
    return "\n".join(
        f'<div class="gloss-entry" id="{attr(entry.id)}"><h3>{escape(entry.headword)}</h3>'
        + entry_html(edition, entry, mentioned[entry.id], where)
        + "</div>"
        for entry in _sorted(edition.glossary)
    )


def chronology_html(edition: Edition) -> str:
    where = places(edition)
    events = "\n".join(event_html(edition, event, where) for event in edition.chronology)
    return f'<ol class="timeline">{events}</ol>'


def apparatus_html(edition: Edition) -> str:
    chapter, where = edition.chapter, places(edition)
    texts, order = texts_by_place(edition), {p: i for i, p in enumerate(chapter.places())}
    out = []
    for item in sorted(edition.apparatus, key=lambda i: (order[i.place], i.start)):
        url, label = where[item.place]
        out.append(
            f'<div class="app-entry" id="app-{attr(item.id)}"><p class="app-head"><a href="{attr(url)}">'
            f"{escape(label)}</a> · {TYPE_LABELS[item.type]}</p><p>{readings(item, texts[item.place])}</p>"
            f"<p>{prose_html(item.note)}</p></div>"
        )
    return f'<div class="apparatus">{"".join(out)}</div>'


def back_matter(edition: Edition, formatted: Formatted) -> list[tuple[str, str, str]]:
    """(id, title, html) of each part after the text, the chronology if there is one."""
    parts = {
        "bibliography": lambda: bibliography_html(formatted),
        "glossary": lambda: glossary_html(edition),
        "chronology": lambda: chronology_html(edition),
        "apparatus": lambda: apparatus_html(edition),
    }
    return [
        (ident, title, parts[ident]())
        for ident, title in BACK_MATTER
        if ident != "chronology" or edition.chronology
    ]


def title_page(edition: Edition) -> str:
    meta, chapter = edition.metadata, edition.chapter
    return (
        '<header class="title-page" data-ed="">'
        f'<p class="author">{escape(chapter.front.author)}</p>'
        f'<h1 id="title">{escape(meta["chapter_title"])}</h1>'
        f"<p>{escape(part_of(meta))}<cite>{escape(meta['book'])}</cite> "
        f"({escape(meta['place'])}: {escape(meta['publisher'])}, {escape(str(meta['year']))})</p>"
        f"<p><cite>{escape(meta['edition_title'])}</cite>, version {escape(str(meta['version']))} "
        f"({escape(display_date(str(meta['date'])))}), edited by the {escape(meta['editors'])}. Online: "
        f'<a href="{attr(meta["site_url"])}">{escape(meta["site_url"])}</a></p>'
        f'<p>The editors’ matter: <a href="{attr(meta["licence"]["url"])}">'
        f"{escape(meta['licence']['name'])}</a>. The received text: {escape(meta['received_rights'])}</p>"
        "</header>"
    )


def _footnoted(html: str, notes: dict[int, str]) -> str:
    """Each note call replaced by its note, for a paged medium to set at the foot of the page."""
    return NOTE_CALL.sub(lambda m: notes[int(m.group(1))], html)


def single_html(edition: Edition, formatted: Formatted, footnotes: bool = False, style: str = "") -> str:
    """The file; with `footnotes`, the author's notes stand at their calls (`<span class="footnote">`)
    instead of after the text, for the PDF, whose `style` is added."""
    meta, chapter = edition.metadata, edition.chapter
    marks = marks_by_place(edition, static=True)
    out = [
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(meta['edition_title'])}</title><style>{STYLE.read_text('utf-8')}{style}</style></head>"
        "<body>",
        title_page(edition),
        '<nav class="toc" data-ed=""><h2 id="contents">Contents</h2><ol>',
    ]
    out += [
        f'<li><a href="#s-{s.slug}">{escape(s.heading or meta["chapter_title"])}</a></li>'
        for s in chapter.sections
    ]
    ends = [] if footnotes else [("notes", "Notes")]
    ends += [("editors-notes", "Editors’ notes")] + [(i, t) for i, t, _ in back_matter(edition, formatted)]
    out += [f'<li><a href="#{i}">{t}</a></li>' for i, t in ends]
    out.append('</ol></nav><main><div class="text">')
    notes = {
        n.number: (
            f'<span id="call-{n.number}"></span>'
            f'<span class="footnote" id="note-{n.number}" data-stream="notes">'
            f"{note_body(n, marks(n))} {note_refs(n, formatted, ('span', 'span'))}</span>"
        )
        for n in chapter.notes
    }
    for section in chapter.sections:
        blocks = section_blocks(section, marks)
        front = (  # the lines the received file opens with, as the site's first page shows them
            f'<p class="front" data-stream="front">{escape(chapter.front.author)}<br>'
            f"{escape(chapter.front.book)}</p>"
            if section.heading is None and (chapter.front.author or chapter.front.book)
            else ""
        )
        opening = section.heading is None
        stream = (' data-stream="front"' if chapter.front.chapter else ' data-ed=""') if opening else ""
        out.append(
            f'<section>{front}<h2 id="s-{section.slug}"{stream}>'
            f"{escape(section.heading or chapter.front.chapter or edition.metadata['chapter_title'])}</h2>"
            + (_footnoted(blocks, notes) if footnotes else blocks)
            + "</section>"
        )
    out.append("</div>")
    if not footnotes:
        out.append('<section><h2 id="notes" data-ed="">Notes</h2><div class="notes" data-stream="notes">')
        out += [_note(note, formatted, marks(note)) for note in chapter.notes]
        out.append("</div></section>")
    out.append('<section data-ed=""><h2 id="editors-notes">Editors’ notes</h2><div class="notes">')
    out += [
        f'<div class="note" id="ed-{c.letter}"><p><a href="#edcall-{c.letter}">{c.letter}.</a> '
        f"{comment_html(edition, c)}</div>"
        for c in edition.commentary
    ]
    out.append("</div></section>")
    out += [
        f'<section data-ed=""><h2 id="{i}">{t}</h2>{html}</section>'
        for i, t, html in back_matter(edition, formatted)
    ]
    closing = (
        '<footer><p class="colophon"><span data-ed="">The web transcription closes: </span>'
        f'<span data-stream="colophon">{escape(chapter.colophon)}</span></p></footer>'
        if chapter.colophon
        else ""
    )
    out.append(f"</main>{closing}</body></html>\n")
    # every link into another page of the site points into this file instead
    return PAGE_LINK.sub('href="#', "\n".join(out))
