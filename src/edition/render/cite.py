"""Citing the edition and its paragraphs.

One citation model: the received text, read in this edition (its title, editors,
version and date) at a paragraph and that paragraph's permanent address, first
published in his book (its catalogue title with the volume, place, publisher and
year, as CSL's `original-*` variables). CSL formats it once per style at a
placeholder paragraph; each paragraph's citation is that output with its own label.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from ..format.citeproc import CiteItems, Formatted
from ..model import Block, Edition
from ..read.notes import CALL
from ..resolve.apparatus import apply, by_place
from .markup import page_url

PLACEHOLDER = "987654321"  # a paragraph label no edition has, filled in per paragraph


def release_base(edition: Edition) -> str:
    """Where this version's permanent files are: its release's v/X.Y/, or, for sources
    not yet released, the site itself."""
    return edition.metadata.get("release_url") or edition.metadata["site_url"]


def permalink(edition: Edition, label: str) -> str:
    """The permanent address of a paragraph in this version: the same online and offline."""
    return f"{release_base(edition)}p/{label}.html"


def latest_link(edition: Edition, label: str) -> str:
    """The paragraph's address in whatever version is the latest."""
    return f"{edition.metadata.get('latest_url') or edition.metadata['site_url']}p/{label}.html"


OPENING_WORDS = 6


def text_fragment(edition: Edition, block: Block, interventions: list) -> str:
    """The paragraph's page with a text fragment of its opening words: a link that
    finds the paragraph even in a copy that lost its ids. The words are the reading
    text's (the block's `interventions` made), as the page first shows it."""
    reading = apply(block.text, interventions)
    words = CALL.sub("", reading).split()[:OPENING_WORDS]
    text = quote(" ".join(words), safe="").replace("-", "%2D")
    return f"{release_base(edition)}{page_url(block.section)}#:~:text={text}"


def date_parts(value: object) -> list[int]:
    return [int(part) for part in str(value).split("-")]


def editors(edition: Edition) -> list[dict]:
    return [{"literal": edition.metadata["editors"]}]


def edition_item(edition: Edition) -> dict:
    """The edition as a whole, as a CSL item."""
    meta = edition.metadata
    return {
        "id": "edition",
        "type": "book",
        "title": meta["edition_title"],
        "editor": editors(edition),
        "version": str(meta["version"]),
        "issued": {"date-parts": [date_parts(meta["date"])]},
        "URL": release_base(edition),
        "language": "en",
        **({"DOI": meta["doi"]} if meta.get("doi") else {}),
    }


def chapter_item(edition: Edition, url: str) -> dict:
    """The received text in this edition, at the given address, as a CSL item.

    Without the edition's DOI: every style prints a DOI in place of the URL, and the
    URL is the paragraph's own address; the DOI stands beside the citation instead."""
    meta = edition.metadata
    whole = {k: v for k, v in edition_item(edition).items() if k != "DOI"}
    return {
        **whole,
        "id": "chapter",
        "type": "chapter",
        "author": [{"family": meta["author_family"], "given": meta["author_given"]}],
        "title": meta["chapter_title"],
        "container-title": meta["edition_title"],
        "URL": url,
        "original-title": meta["catalogue_title"],
        "original-publisher": meta["publisher"],
        "original-publisher-place": meta["place"],
        "original-date": {"date-parts": [[int(meta["year"])]]},
    }


def cite_items(edition: Edition) -> CiteItems:
    return CiteItems(
        chapter_item(edition, permalink(edition, PLACEHOLDER)), edition_item(edition), PLACEHOLDER
    )


def fill(template: str, label: str) -> str:
    return template.replace(PLACEHOLDER, label)


def paragraph_citation(formatted: Formatted, label: str) -> dict[str, dict[str, str]]:
    """Paragraph `label`'s citation and reference entry in each style."""
    return {
        style: {form: fill(text, label) for form, text in forms.items() if not form.startswith("edition")}
        for style, forms in formatted.cite.items()
    }


def edition_citation(formatted: Formatted) -> dict[str, dict[str, str]]:
    """The edition's own citation and reference entry in each style."""
    return {
        style: {
            form.removeprefix("edition_"): text for form, text in forms.items() if form.startswith("edition")
        }
        for style, forms in formatted.cite.items()
    }


def script_json(element_id: str, data: object) -> str:
    """A JSON script element whose content cannot close the element."""
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{element_id}" data-ed="">{payload}</script>\n'


def cite_data(edition: Edition, formatted: Formatted, blocks: tuple[Block, ...]) -> str:
    """What one page's Cite dialog reads: each style's citation with the placeholder
    label (the dialog fills in the paragraph's), the permanent address in the same
    form, and where the paragraph's citation files are."""
    grouped = by_place(edition.apparatus)
    data = {
        "placeholder": PLACEHOLDER,
        "styles": paragraph_citation(formatted, PLACEHOLDER),
        "url": permalink(edition, PLACEHOLDER),
        "latest": latest_link(edition, PLACEHOLDER),
        "version": str(edition.metadata["version"]),
        "doi": edition.metadata.get("doi") or "",
        "files": "cite/",
        "labels": [b.number for b in blocks],
        "fragments": {b.number: text_fragment(edition, b, grouped.get(b.id, [])) for b in blocks},
    }
    return script_json("cite-data", data)
