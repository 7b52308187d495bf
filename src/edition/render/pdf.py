"""The PDF of the whole edition, set by WeasyPrint from the single file with the author's
notes at their calls (set as footnotes) and `pdf.css`: A4, paragraph numbers in the
margin, running heads, a contents list with page numbers, bookmarks from the
headings, tagged as PDF/UA-1 with the document's language and metadata."""

from __future__ import annotations

from pathlib import Path

from ..format.citeproc import Formatted
from ..model import Edition
from .markup import attr
from .single import single_html

STYLE = Path(__file__).with_name("pdf.css")


def write_pdf(edition: Edition, formatted: Formatted, target: Path) -> None:
    from weasyprint import HTML  # imported here: only `edition export` needs it

    meta = edition.metadata
    running_head = f'html {{ string-set: book "{css_string(meta["chapter_title"])}"; }}\n'
    html = single_html(edition, formatted, footnotes=True, style=running_head + STYLE.read_text("utf-8"))
    head = (
        f'<meta name="author" content="{attr(meta["author"])}">'
        f'<meta name="description" content="{attr(meta["edition_title"])}">'
    )
    html = html.replace("</title>", "</title>" + head, 1)
    HTML(string=html, base_url=str(target.parent)).write_pdf(target, pdf_variant="pdf/ua-1")
    scope_headers(target)


def css_string(text: str) -> str:
    """Text inside a CSS string in a <style> element: quotes, backslashes, newlines and
    "<" escaped (so no "</style>" can end it)."""
    return "".join(f"\\{ord(c):x} " if c in '"\\\n<' else c for c in text)


def scope_headers(path: Path) -> None:
    """Give each table header cell the /Scope its HTML states (WeasyPrint 70 writes
    none): in the head a column's, in the body a row's, as `markup.table_html` marks them."""
    import pikepdf

    with pikepdf.open(path, allow_overwriting_input=True) as pdf:

        def walk(node, within: str) -> None:
            if isinstance(node, pikepdf.Array):
                for child in node:
                    walk(child, within)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                kind = str(node.S)
                if kind == "/TH":
                    attributes = node.get("/A") or pikepdf.Dictionary(O=pikepdf.Name.Table)
                    attributes.Scope = pikepdf.Name.Column if within == "/THead" else pikepdf.Name.Row
                    node.A = attributes
                if "/K" in node:
                    walk(node.K, kind if kind in ("/THead", "/TBody") else within)

        walk(pdf.Root.StructTreeRoot.K, "")
        pdf.save(path, deterministic_id=True)
