"""p/N.html: each paragraph's permanent address, a small page of its own.

It holds the paragraph's reading text, its notes, its citation and files, and a link
to read it in context, with the metadata that makes a reference manager save it as
the received text at that paragraph. A reader with scripts is forwarded to the
paragraph on its section page at once; a harvester that runs none stays here.
"""

from __future__ import annotations

import json
from html import escape

from ..format.citeproc import Formatted, request_id
from ..model import Block, Edition, Intervention, Note, Section
from ..resolve.apparatus import apply, by_place
from .cite import fill, permalink
from .cite_files import file_names
from .markup import attr, page_url
from .page_meta import chapter_tags, jsonld

FORMATS = {"bibtex": "BibTeX", "biblatex": "biblatex", "ris": "RIS", "csl": "CSL-JSON"}
STYLE = (
    "body{font:1.1rem/1.6 Georgia,'Times New Roman',serif;max-width:38rem;margin:2rem auto;padding:0 1rem;"
    "color:#222;background:#fffdf8}a{color:#7a2e1d}h1{font-size:1.5rem}h2{font-size:1.1rem}"
    ".ref{font-size:.95rem;color:#444}@media(prefers-color-scheme:dark){body{color:#e8e2d8;"
    "background:#1d1a17}a{color:#f0a58f}.ref{color:#c8c0b4}}"
)


def forward_target(section: Section, block: Block) -> str:
    return f"{page_url(section.slug)}#{block.id}"


def forward_targets(edition: Edition) -> dict[str, str]:
    """Each permanent address and the page#anchor it forwards to, relative to the site."""
    return {f"p/{b.number}.html": forward_target(s, b) for s in edition.chapter.sections for b in s.blocks}


def head(edition: Edition, block: Block) -> str:
    tags = chapter_tags(edition, permalink(edition, block.number), block.number)
    metas = "".join(f'<meta name="{attr(name)}" content="{attr(value)}">' for name, value in tags)
    return f'{metas}<script type="application/ld+json">{jsonld(edition, tags)}</script>'


def paragraph_page(
    edition: Edition,
    formatted: Formatted,
    section: Section,
    block: Block,
    interventions: dict[str, list[Intervention]],
    notes: list[Note],
) -> str:
    meta = edition.metadata
    target = f"../{forward_target(section, block)}"
    label = escape(block.number)
    notes_html = "".join(
        f'<li value="{n.number}">{escape(apply(n.text, interventions.get(n.id, [])))}'
        + "".join(
            f'<br><span class="ref">{formatted.notes[request_id(n.number, i)]}</span>'
            for i, _ in enumerate(n.citations)
        )
        + "</li>"
        for n in notes
    )
    files = " · ".join(
        f'<a href="../cite/{attr(name)}">{FORMATS[kind]}</a>'
        for kind, name in file_names(block.number).items()
    )
    chicago = fill(formatted.cite["chicago"]["note"], block.number) if formatted.cite else ""
    old = meta.get("release") and meta["release"] != meta.get("latest_version")
    latest = (
        f"<p>This is ¶{label} in version {escape(str(meta['release']))}, kept as it was released. "
        + (
            f'<a href="../../../p/{attr(block.number)}.html">¶{label} in the latest version</a></p>'
            if block.number in (meta.get("latest_labels") or ())
            else 'The latest version has retired it: <a href="../../../index.html">the latest version</a></p>'
        )
        if old
        else ""
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>¶{label} · {escape(meta['chapter_title'])} · {escape(meta['edition_title'])}</title>"
        f'<link rel="canonical" href="{attr(permalink(edition, block.number))}">'
        f"{head(edition, block)}<style>{STYLE}</style>"
        f"<script>location.replace({json.dumps(target)});</script></head>"
        f'<body><main><p><a href="../index.html">{escape(meta["edition_title"])}</a></p>'
        f"<h1>{escape(meta['chapter_title'])}, ¶{label}</h1>{latest}"
        f"<p>{escape(apply(block.text, interventions.get(block.id, [])))}</p>"
        + (f"<h2>Notes</h2><ol>{notes_html}</ol>" if notes else "")
        + f"<h2>Cite</h2><p>{chicago}</p><p>Files: {files}</p>"
        f'<p><a href="{attr(target)}">Read ¶{label} in context</a></p></main></body></html>\n'
    )


def paragraph_pages(edition: Edition, formatted: Formatted) -> dict[str, str]:
    interventions = by_place(edition.apparatus)
    notes: dict[str, list[Note]] = {}
    for note in edition.chapter.notes:
        notes.setdefault(note.paragraph, []).append(note)
    return {
        f"p/{b.number}.html": paragraph_page(edition, formatted, s, b, interventions, notes.get(b.id, []))
        for s in edition.chapter.sections
        for b in s.blocks
    }
