"""The edition's identity and how to cite it, for the hand-written pages.

A hand-written page asks for them with a marker line (`<!-- edition: identity -->`,
`<!-- edition: how-to-cite -->`); the build puts in HTML made from
`sources/edition.yaml` and from the same CSL output as the Cite dialog, so the
About page's example can never differ from what the dialog gives.
"""

from __future__ import annotations

from html import escape

from ..format.citeproc import Formatted
from ..model import Edition
from ..read.dates import display_date
from .cite import edition_citation, paragraph_citation, permalink
from .markup import attr

EXAMPLE = "12"  # the paragraph the About page cites as its example


def identity_html(edition: Edition) -> str:
    meta = edition.metadata
    licence = meta["licence"]
    rows = [
        ("Edition", f"<cite>{escape(meta['edition_title'])}</cite>"),
        ("Editors", escape(meta["editors"])),
        ("Version", f"{escape(str(meta['version']))} ({escape(display_date(str(meta['date'])))})"),
        ("Licence", f'<a href="{attr(licence["url"])}">{escape(licence["name"])}</a> (the editors’ matter)'),
        (
            "Text",
            f"{escape(meta['author'])}, “{escape(meta['chapter_title'])}”, in "
            f"<cite>{escape(meta['catalogue_title'])}</cite> ({escape(meta['place'])}: "
            f"{escape(meta['publisher'])}, {escape(str(meta['year']))})",
        ),
        ("Rights in the text", escape(meta["received_rights"])),
    ]
    items = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return f'<dl class="identity">{items}</dl>'


def how_to_cite_html(edition: Edition, formatted: Formatted) -> str:
    if not formatted.cite or not any(b.number == EXAMPLE for b in edition.chapter.blocks):
        return ""
    styles = paragraph_citation(formatted, EXAMPLE)
    whole = edition_citation(formatted)
    url = permalink(edition, EXAMPLE)
    parts = [
        f'<p>Paragraph {EXAMPLE}, whose permanent address is <a href="{attr(url)}">{escape(url)}</a>, '
        "is cited so (the Cite control beside each paragraph gives the same for any paragraph):</p>",
        '<dl class="how-to-cite">',
        f"<dt>Chicago, note</dt><dd>{styles['chicago']['note']}</dd>",
        f"<dt>Chicago, bibliography</dt><dd>{styles['chicago']['reference']}</dd>",
        f"<dt>APA, reference</dt><dd>{styles['apa']['reference']}</dd>",
        f"<dt>APA, in the text</dt><dd>{escape(styles['apa']['intext'])}</dd>",
        f"<dt>MLA, works cited</dt><dd>{styles['mla']['reference']}</dd>",
        f"<dt>MLA, in the text</dt><dd>{escape(styles['mla']['intext'])}</dd>",
        "</dl>",
        '<p>The edition as a whole:</p><dl class="how-to-cite">',
        f"<dt>Chicago, bibliography</dt><dd>{whole['chicago']['reference']}</dd>",
        f"<dt>APA, reference</dt><dd>{whole['apa']['reference']}</dd>",
        f"<dt>MLA, works cited</dt><dd>{whole['mla']['reference']}</dd>",
        "</dl>",
    ]
    return "\n".join(parts)


def fill_markers(edition: Edition, formatted: Formatted, markdown: str) -> str:
    """A hand-written page with its markers replaced."""
    if "<!-- edition: " not in markdown:
        return markdown
    return markdown.replace("<!-- edition: identity -->", identity_html(edition)).replace(
        "<!-- edition: how-to-cite -->", how_to_cite_html(edition, formatted)
    )
