"""HTML fragments for the reading text. Everything that comes from data is escaped here."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..model import Block, Comment, Edition, Intervention
from .spans import Marks, Span, span_tree


def attr(value: object) -> str:
    return escape(str(value), quote=True)


def note_call(number: int) -> str:
    return (
        f'<sup class="note-call"><a id="call-{number}" href="#note-{number}" '
        f'role="doc-noteref" aria-label="Note {number}" data-note="{number}">{number}</a></sup>'
    )


def inline(text: str, marks: Marks = Marks(), seen: set[str] | None = None, offset: int = 0) -> str:
    """Received text as HTML, escaped, with its marks rendered.

    The author's calls "[n]" become note calls (the space before one is dropped so the
    number sits against its word); the first mention of a glossary entry in a block
    (tracked in `seen`) links to the glossary and later ones are only marked; an
    intervention carries both readings, the reading text and the received one; an
    editors' note call is a letter. `offset` places a table cell in its block's text.
    """
    seen = set() if seen is None else seen
    return _render(text, span_tree(text, marks, offset), seen, marks.static)


def _render(text: str, node: Span, seen: set[str], static: bool, in_link: bool = False) -> str:
    pieces: list[tuple[bool, str]] = []  # (is plain text, html)
    position = node.start
    for child in node.children:
        pieces.append((True, escape(text[position : child.start], quote=False)))
        if child.kind == "call" and pieces and pieces[-1][0]:
            pieces[-1] = (True, pieces[-1][1].rstrip(" "))
        pieces.append((False, _render_span(text, child, seen, static, in_link)))
        position = child.end
    pieces.append((True, escape(text[position : node.end], quote=False)))
    return "".join(html for _, html in pieces)


def _render_span(text: str, span: Span, seen: set[str], static: bool, in_link: bool) -> str:
    if span.kind == "call":
        return note_call(span.value)
    if span.kind == "comment":
        return comment_call(span.value)
    if span.kind == "app":
        if static:
            return static_intervention(span.value, ref=not in_link)
        return intervention(span.value, focusable=not in_link)
    first = span.value not in seen
    seen.add(span.value)
    inner = _render(text, span, seen, static, in_link=first)
    html = mention(span.value, inner, first)
    if static and first:  # a link may not hold another: the apparatus marks follow it
        html += "".join(app_ref(s.value) for s in _within(span) if s.kind == "app")
    return html


def _within(span: Span) -> list[Span]:
    return [s for child in span.children for s in (child, *_within(child))]


TABINDEX = ' tabindex="0"'


def intervention(
    item: Intervention,
    edited_html: str | None = None,
    received_html: str | None = None,
    focusable: bool = True,
) -> str:
    """Both readings of an intervention; CSS shows one, the reader's switch the other.
    Search indexes the edited one. Inside a link it is not focusable itself (the link is)."""
    edited = escape(item.edited, quote=False) if edited_html is None else edited_html
    received = escape(item.received, quote=False) if received_html is None else received_html
    return (
        f'<span class="app app-{attr(item.type)}" data-app="{attr(item.id)}"{TABINDEX if focusable else ""}>'
        f'<span class="app-edited" data-reading="edited">{edited}</span>'
        f'<span class="app-received" data-reading="received" data-search-exclude="">{received}</span></span>'
    )


def static_intervention(item: Intervention, ref: bool = True) -> str:
    """The edited reading only, marked, with a link to its entry in the apparatus
    (unless it stands inside a link, after which the caller puts that one)."""
    edited = f'<span class="app app-{attr(item.type)}">{escape(item.edited, quote=False)}</span>'
    return edited + (app_ref(item) if ref else "")


def app_ref(item: Intervention) -> str:
    return f'<a class="app-ref" href="#app-{attr(item.id)}" title="Editors’ change: see the apparatus">°</a>'


def mention(entry: str, html_text: str, first: bool) -> str:
    if first:
        return (
            f'<a class="gloss" href="glossary.html#{attr(entry)}" data-gloss="{attr(entry)}">{html_text}</a>'
        )
    return f'<span class="gloss-mention" data-gloss="{attr(entry)}">{html_text}</span>'


def comment_call(comment: Comment) -> str:
    return (
        f'<sup class="ed-call" data-ed="" data-search-exclude="">'
        f'<a id="edcall-{comment.letter}" href="#ed-{comment.letter}" '
        f'data-comment="{comment.letter}" aria-label="Editors’ note {comment.letter}">'
        f"{comment.letter}</a></sup>"
    )


def paragraph_number(block: Block) -> str:
    """The number in the margin, a link to the paragraph itself, and its Cite control;
    neither is indexed for search, whose results would start "48Cite"."""
    return (
        f'<a class="pnum" href="#{block.id}" data-ed="" data-search-exclude="" '
        f'aria-label="Paragraph {block.number}" title="Permalink to paragraph {block.number}">'
        f"{block.number}</a>"
        f'<button type="button" class="cite-btn" data-cite="{attr(block.number)}" data-ed="" '
        f'data-search-exclude="" aria-haspopup="dialog" aria-label="Cite paragraph {block.number}">'
        "Cite</button>"
    )


def block_html(block: Block, marks: Marks = Marks()) -> str:
    number = paragraph_number(block)
    if block.kind == "quotation":
        return (
            f'<blockquote class="para" id="{block.id}" data-n="{block.number}">{number}'
            f"<p>{inline(block.text, marks)}</p></blockquote>"
        )
    if block.kind == "table":
        opening = f'<div class="para table-block" id="{block.id}" data-n="{block.number}">'
        return f"{opening}{number}{table_html(block, marks)}</div>"
    body = inline(block.text, marks)
    return f'<p class="para" id="{block.id}" data-n="{block.number}">{number}{body}</p>'


GAP = (
    '<span data-ed="" title="The received text has lost this figure">'
    "[figure missing in the received text]</span>"
)


@dataclass(frozen=True)
class Cell:
    """A table cell: its received text (None where a figure is lost), where that text
    stands in the block's text, and the lacuna recorded for a lost figure."""

    text: str | None
    offset: int
    lacuna: Intervention | None = None


def table_cells(block: Block, marks: Marks) -> tuple[Marks, list[list[Cell]]]:
    """The marks that fall in cells, and the rows of cells. The cells are the received
    blocks joined with newlines, so marks are placed by offset; a lacuna is recorded
    just after its row's label."""
    lacunae = {i.start: i for i in marks.interventions if i.type == "lacuna"}
    others = tuple(i for i in marks.interventions if i.type != "lacuna")
    rows, offset = [], 0
    for row in block.rows:
        label, *values = row.cells
        cells = [Cell(label, offset)]
        offset += len(label) + 1
        lacuna = lacunae.get(offset - 1)  # recorded at the end of the label
        for text in values:
            cells.append(Cell(text, offset, lacuna if text is None else None))
            if text is not None:
                offset += len(text) + 1
        rows.append(cells)
    return Marks(marks.mentions, others, marks.comments, marks.static), rows


def table_html(block: Block, marks: Marks = Marks()) -> str:
    """The table, with a lost figure shown in its empty cell."""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in block.columns)
    cell_marks, rows = table_cells(block, marks)
    seen: set[str] = set()

    def gap(lacuna: Intervention | None) -> str:
        if lacuna is None:
            return f'<td class="lacuna">{GAP}</td>'
        edited = escape(lacuna.edited, quote=False) if lacuna.edited else GAP
        if marks.static:
            return f'<td class="lacuna">{edited}<a class="app-ref" href="#app-{attr(lacuna.id)}">°</a></td>'
        return f'<td class="lacuna">{intervention(lacuna, edited, GAP)}</td>'

    def td(cell: Cell) -> str:
        if cell.text is None:
            return gap(cell.lacuna)
        return f"<td>{inline(cell.text, cell_marks, seen, cell.offset)}</td>"

    body = "".join(
        f'<tr><th scope="row">{inline(label.text, cell_marks, seen, label.offset)}</th>'
        f"{''.join(td(c) for c in cells)}</tr>"
        for label, *cells in rows
    )
    return (
        f'<table class="figures"><caption data-ed="">{escape(block.caption)}</caption>'
        f'<thead data-ed=""><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|<>"


def md_text(text: str) -> str:
    """Plain text made safe for a Markdown heading."""
    text = escape(text, quote=False)
    return "".join("\\" + c if c in MARKDOWN_SPECIALS and c not in "<>" else c for c in text)


def page_name(slug: str) -> str:
    return f"{slug}.md"


def page_url(slug: str) -> str:
    return f"{slug}.html"


def host(url: str) -> str:
    """The host of an address, as readers write it (an internationalised name decoded)."""
    name = url.split("//", 1)[-1].split("/", 1)[0]
    try:
        return name.encode("ascii").decode("idna")
    except UnicodeError:
        return name


def source_links(urls: list[str]) -> str:
    """Links to the reference pages an entry was checked against, named by their hosts."""
    return " · ".join(f'<a href="{attr(url)}" rel="nofollow">{escape(host(url))}</a>' for url in urls)


def places(edition: Edition) -> dict[str, tuple[str, str]]:
    """Each block and note id with its address and its label (¶12, n. 5)."""
    result = {}
    for section in edition.chapter.sections:
        for block in section.blocks:
            result[block.id] = (f"{page_url(section.slug)}#{block.id}", f"¶{block.number}")
    section_of = {b.id: s.slug for s in edition.chapter.sections for b in s.blocks}
    for note in edition.chapter.notes:
        result[note.id] = (f"{page_url(section_of[note.paragraph])}#{note.id}", f"n. {note.number}")
    return result
