"""HTML fragments for the reading text. Everything that comes from data is escaped here."""

from __future__ import annotations

from html import escape

from .model import Block, Mention
from .notes import CALL


def attr(value: object) -> str:
    return escape(str(value), quote=True)


def note_call(number: int) -> str:
    return (
        f'<sup class="note-call"><a id="call-{number}" href="#note-{number}" '
        f'role="doc-noteref" aria-label="Note {number}" data-note="{number}">{number}</a></sup>'
    )


def inline(
    text: str, mentions: tuple[Mention, ...] = (), seen: set[str] | None = None, offset: int = 0
) -> str:
    """Received text as HTML: escaped, with Cliff's calls "[n]" turned into note calls
    and glossary mentions marked.

    `mentions` are positions in a longer text of which this is the part starting at
    `offset` (a table cell of its block). The first mention of an entry in a block
    (tracked in `seen`) links to the glossary; later ones are only marked. The space
    before a note call is dropped so the number sits against the word it follows.
    """
    seen = set() if seen is None else seen
    spans = [
        (m.start - offset, m.end - offset, m.entry)
        for m in mentions
        if offset <= m.start and m.end <= offset + len(text)
    ]
    spans += [(c.start(), c.end(), int(c.group(1))) for c in CALL.finditer(text)]
    out = []
    position = 0
    for start, end, what in sorted(spans):
        before = escape(text[position:start], quote=False)
        if isinstance(what, int):
            out.append(before.rstrip(" ") + note_call(what))
        else:
            out.append(before + mention(what, escape(text[start:end], quote=False), what not in seen))
            seen.add(what)
        position = end
    out.append(escape(text[position:], quote=False))
    return "".join(out)


def mention(entry: str, html_text: str, first: bool) -> str:
    if first:
        return (
            f'<a class="gloss" href="glossary.html#{attr(entry)}" data-gloss="{attr(entry)}">{html_text}</a>'
        )
    return f'<span class="gloss-mention" data-gloss="{attr(entry)}">{html_text}</span>'


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
            f"<p>{inline(block.text, block.mentions)}</p></blockquote>"
        )
    if block.kind == "table":
        opening = f'<div class="para table-block" id="{block.id}" data-n="{block.n}">'
        return f"{opening}{number}{table_html(block)}</div>"
    body = inline(block.text, block.mentions)
    return f'<p class="para" id="{block.id}" data-n="{block.n}">{number}{body}</p>'


def table_html(block: Block) -> str:
    """The table; its cells are the received blocks, so mentions are found by offset."""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in block.columns)
    seen: set[str] = set()
    offset = 0

    def cell(text: str) -> str:
        nonlocal offset
        html = inline(text, block.mentions, seen, offset)
        offset += len(text) + 1  # the blocks were joined with a newline
        return html

    rows = []
    for row in block.rows:
        label, *cells = row.cells
        heading = f'<th scope="row">{cell(label)}</th>'
        tds = "".join(
            f"<td>{cell(c)}</td>"
            if c is not None
            else '<td class="lacuna"><span data-ed="" title="The received text has lost this figure">'
            "[figure missing in the received text]</span></td>"
            for c in cells
        )
        rows.append(f"<tr>{heading}{tds}</tr>")
    return (
        f'<table class="figures"><caption data-ed="">{escape(block.caption)}</caption>'
        f'<thead data-ed=""><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
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


def source_links(urls: list[str]) -> str:
    """Links to the reference pages an entry was checked against, named by their hosts."""
    return " · ".join(
        f'<a href="{attr(url)}" rel="nofollow">{escape(url.split("//", 1)[-1].split("/", 1)[0])}</a>'
        for url in urls
    )
