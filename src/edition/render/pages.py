"""Render stage: the generated Markdown pages for MkDocs.

Headings are Markdown (so MkDocs builds the table of contents); the blocks are raw
HTML produced by markup.py, so the received text is never read as Markdown.
Attributes mark what the fidelity check reads: `data-stream` says which part of
the received file an element carries, and `data-ed` marks the editors' additions.
"""

from __future__ import annotations

from html import escape

from ..format.citeproc import Formatted, request_id
from ..model import BibEntry, Edition, Note, Section
from ..read.editors import WEAK, editors_by_key, keywords
from ..read.yamlfile import dump_front_matter
from ..resolve.references import citing_notes
from .apparatus_page import editors_notes, popover_data
from .cite import cite_data
from .evidence import checked_links
from .glossary_page import gloss_data
from .markup import attr, block_html, inline, md_text, page_url
from .naming import kind
from .spans import Marks, marks_by_place


def section_page(edition: Edition, index: int, formatted: Formatted) -> str:
    chapter = edition.chapter
    section = chapter.sections[index]
    front_matter = {"title": section.title}
    out = [f"---\n{dump_front_matter(front_matter)}---\n"]
    if section.heading is None:
        front = chapter.front
        if front.author or front.book:
            out.append(
                f'<p class="front" data-stream="front"><span class="front-author">'
                f'{escape(front.author)}</span> <span class="front-book">{escape(front.book)}</span></p>\n'
            )
        if front.chapter:
            out.append(f'# {md_text(front.chapter)} {{ data-stream="front" }}\n')
        else:  # no title line in the received file: the title the edition gives it
            out.append(f'# {md_text(edition.metadata["chapter_title"])} {{ data-ed="" }}\n')
    else:
        out.append(f"# {md_text(section.heading)}\n")
    if edition.apparatus:
        out.append(
            '<p class="reading-switch" data-ed="" data-search-exclude="">'
            '<button type="button" class="app-switch" aria-pressed="false">'
            "Show the text as received</button> "
            '<a href="apparatus.html">What the editors changed</a></p>\n'
        )
    marks = marks_by_place(edition)
    out.extend(block_html(block, marks(block)) + "\n" for block in section.blocks)
    notes = notes_in(edition, section)
    if notes:
        out.append('## Notes { #notes data-ed="" }\n')
        out.append('<ol class="notes" data-stream="notes">')
        out.extend(note_html(note, formatted, marks(note)) for note in notes)
        out.append("</ol>\n")
    here = {b.id for b in section.blocks} | {n.id for n in notes}
    comments = [c for c in edition.commentary if c.place in here]
    if comments:
        out.append(editors_notes(edition, comments))
    if formatted.cite:
        out.append(cite_data(edition, formatted, section.blocks))
    interventions = [i for i in edition.apparatus if i.place in here]
    if interventions:
        out.append(popover_data(interventions))
    ids = {m.entry for place in (*section.blocks, *notes) for m in place.mentions}
    if ids:
        out.append(gloss_data(edition, ids))
    if index == len(chapter.sections) - 1 and chapter.colophon:
        out.append(
            '<p class="colophon"><span data-ed="">The web transcription closes: </span>'
            f'<span data-stream="colophon">{escape(chapter.colophon)}</span></p>\n'
        )
    return "\n".join(out)


def notes_in(edition: Edition, section: Section) -> list[Note]:
    ids = {b.id for b in section.blocks}
    return [n for n in edition.chapter.notes if n.paragraph in ids]


def note_html(note: Note, formatted: Formatted, note_marks: Marks) -> str:
    refs = "".join(
        f'<li class="ref ref-{attr(c.role)}"><a href="bibliography.html#ref-{attr(c.key)}">'
        f"{formatted.notes[request_id(note.number, i)]}</a></li>"
        for i, c in enumerate(note.citations)
    )
    return (
        f'<li class="note" id="note-{note.number}"><div class="note-body">'
        f'<span class="note-num">{note.number}.</span> '
        f'<span class="note-text">{inline(note.text, note_marks)}</span> '
        f'<a class="note-back" href="#call-{note.number}" data-ed="" '
        f'aria-label="Back to the text at note {note.number}">↩</a></div>'
        f'<ul class="note-refs" data-ed="" data-search-exclude aria-label="Reference">{refs}</ul></li>'
    )


def bibliography_page(edition: Edition, formatted: Formatted) -> str:
    by_key = {e.key: e for e in edition.bibliography}
    note_page = {n.number: page_url(s.slug) for s in edition.chapter.sections for n in notes_in(edition, s)}
    citing = citing_notes(edition)
    out = [
        "---\ntitle: Bibliography\n---\n",
        "# Bibliography\n",
        f'<p class="lede">Every work {escape(edition.metadata["author_family"])} cites in this '
        f"{escape(kind(edition.metadata))}, formatted in Chicago "
        "notes-bibliography style from <code>bibliography.bib</code>, with the notes "
        "that cite it.</p>\n",
        '<div class="bibliography">',
    ]
    for key, html_text in formatted.bibliography:
        entry = by_key[key]
        links = ", ".join(f'<a href="{attr(note_page[n])}#note-{n}">{n}</a>' for n in citing[key])
        label = "note" if len(citing[key]) == 1 else "notes"
        sources = " · ".join(checked_links(edition, entry))
        out.append(
            f'<div class="bib-entry" id="ref-{attr(key)}"><p class="csl">{html_text}</p>'
            f'<p class="cited-in" data-search-exclude>Cited in {label} {links}</p>'
            + (f'<p class="checked" data-search-exclude>Checked against: {sources}</p>' if sources else "")
            + "</div>"
        )
    out.append("</div>\n")
    out += editors_bibliography(edition, formatted, editors_by_key(edition))
    return "\n".join(out)


def editors_bibliography(edition: Edition, formatted: Formatted, editors: dict[str, BibEntry]) -> list[str]:
    """The second list: the works the editors rely on, formatted in the same pandoc run."""
    items = formatted.editors_bibliography
    if not items:
        return []
    out = [
        '## Works cited by the editors { #works-cited-by-the-editors data-ed="" }\n',
        '<p class="lede" data-ed="">The works the editors’ notes, interventions, glossary and '
        "chronology rely on, from <code>editors.bib</code>; weak sources are marked so there.</p>\n",
        '<div class="bibliography" data-ed="">',
    ]
    for key, html_text in items:
        checked = " · ".join(checked_links(edition, editors[key]))
        weak = WEAK in keywords(editors[key])
        out.append(
            f'<div class="bib-entry" id="ref-{attr(key)}"><p class="csl">{html_text}</p>'
            + ('<p class="checked" data-search-exclude>A weak source.</p>' if weak else "")
            + (f'<p class="checked" data-search-exclude>Checked against: {checked}</p>' if checked else "")
            + "</div>"
        )
    out.append("</div>\n")
    return out
