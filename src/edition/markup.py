"""HTML fragments for the reading text. Everything that comes from data is escaped here."""

from __future__ import annotations

from html import escape

from .model import Block
from .notes import CALL


def attr(value: object) -> str:
    return escape(str(value), quote=True)


def note_call(number: int) -> str:
    return (
        f'<sup class="note-call"><a id="call-{number}" href="#note-{number}" '
        f'role="doc-noteref" aria-label="Note {number}" data-note="{number}">{number}</a></sup>'
    )


def inline(text: str) -> str:
    """Received text as HTML: escaped, with Cliff's calls "[n]" turned into note calls.

    The space before a call is dropped so the number sits against the word it follows.
    """
    out = []
    position = 0
    for match in CALL.finditer(text):
        out.append(escape(text[position : match.start()].rstrip(" "), quote=False))
        out.append(note_call(int(match.group(1))))
        position = match.end()
    out.append(escape(text[position:], quote=False))
    return "".join(out)


def paragraph_number(block: Block) -> str:
    return (
        f'<a class="pnum" href="#{block.id}" data-ed="" '
        f'aria-label="Paragraph {block.n}" title="Permalink to paragraph {block.n}">{block.n}</a>'
    )


def block_html(block: Block) -> str:
    number = paragraph_number(block)
    if block.kind == "quotation":
        return (
            f'<blockquote class="para" id="{block.id}" data-n="{block.n}">{number}'
            f"<p>{inline(block.text)}</p></blockquote>"
        )
    if block.kind == "table":
        opening = f'<div class="para table-block" id="{block.id}" data-n="{block.n}">'
        return f"{opening}{number}{table_html(block)}</div>"
    return f'<p class="para" id="{block.id}" data-n="{block.n}">{number}{inline(block.text)}</p>'


def table_html(block: Block) -> str:
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in block.columns)
    rows = []
    for row in block.rows:
        label, *cells = row.cells
        tds = "".join(
            f"<td>{inline(c)}</td>"
            if c is not None
            else '<td class="lacuna"><span data-ed="" title="The received text has lost this figure">'
            "[figure missing in the received text]</span></td>"
            for c in cells
        )
        rows.append(f'<tr><th scope="row">{inline(label)}</th>{tds}</tr>')
    return (
        f'<table class="figures"><caption data-ed="">{escape(block.caption)}</caption>'
        f'<thead data-ed=""><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
