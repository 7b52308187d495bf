"""Citing a paragraph: the CSL items the Cite control formats, permanent short
addresses, downloads, and the metadata reference managers read from each page."""

from __future__ import annotations

import json
from html import escape

from .citeproc import CiteItems, Formatted
from .markup import attr, page_url
from .model import Block, Edition, Section


def permalink(edition: Edition, label: str) -> str:
    """The permanent address of a paragraph: the same online and offline."""
    return f"{edition.metadata['site_url']}p/{label}.html"


def chapter_item(edition: Edition) -> dict:
    meta = edition.metadata
    return {
        "id": "chapter",
        "type": "chapter",
        "author": [{"family": meta["author_family"], "given": meta["author_given"]}],
        "title": meta["chapter_title"],
        "container-title": meta["book"],
        "publisher": meta["publisher"],
        "publisher-place": meta["place"],
        "issued": {"date-parts": [[int(meta["year"])]]},
        "URL": meta["site_url"],
        "language": "en",
    }


def paragraph_item(edition: Edition, chapter: dict, label: str) -> dict:
    """One paragraph as a CSL item: the chapter, with the paragraph's own address."""
    return {**chapter, "id": f"para-{label}", "URL": permalink(edition, label), "note": f"Paragraph {label}"}


def cite_items(edition: Edition) -> CiteItems:
    chapter = chapter_item(edition)
    paragraphs = {b.number: paragraph_item(edition, chapter, b.number) for b in edition.chapter.blocks}
    return CiteItems(chapter, paragraphs)


def _script(element_id: str, data: object) -> str:
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{element_id}" data-ed="">{payload}</script>\n'


def cite_data(edition: Edition, formatted: Formatted, blocks: tuple[Block, ...]) -> str:
    """The citations of one page's paragraphs, as a JSON script the Cite dialog reads:
    the three styles, the permanent address, and the BibTeX and CSL-JSON records the
    dialog offers as downloads (made in the page, so no file per paragraph is needed)."""
    chapter = chapter_item(edition)
    items = {b.number: paragraph_item(edition, chapter, b.number) for b in blocks}
    data = {
        "references": formatted.references,
        "paragraphs": {
            b.number: {
                **formatted.paragraphs[b.number],
                "url": permalink(edition, b.number),
                "csl_json": json.dumps([items[b.number]], ensure_ascii=False, indent=1),
            }
            for b in blocks
        },
    }
    return _script("cite-data", data)


def redirect_page(edition: Edition, section: Section, block: Block) -> str:
    """p/N.html: a permanent short address that forwards to the paragraph on its page."""
    target = f"../{page_url(section.slug)}#{block.id}"
    canonical = f"{edition.metadata['site_url']}{page_url(section.slug)}#{block.id}"
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>¶{escape(block.number)} · {escape(edition.metadata['edition_title'])}</title>"
        f'<link rel="canonical" href="{attr(canonical)}">'
        f'<meta http-equiv="refresh" content="0; url={attr(target)}">'
        f"<script>location.replace({json.dumps(target)});</script></head>"
        f'<body><p><a href="{attr(target)}">¶{escape(block.number)}</a></p></body></html>\n'
    )


def redirect_targets(edition: Edition) -> dict[str, str]:
    """Each permanent address and the page#anchor it forwards to, relative to the site."""
    return {
        f"p/{b.number}.html": f"{page_url(s.slug)}#{b.id}" for s in edition.chapter.sections for b in s.blocks
    }


def redirects(edition: Edition) -> dict[str, str]:
    return {
        f"p/{b.number}.html": redirect_page(edition, s, b) for s in edition.chapter.sections for b in s.blocks
    }


def head_metadata(edition: Edition, section: Section) -> dict:
    """Highwire citation_* tags and schema.org JSON-LD for a chapter page, so that
    saving it to a reference manager gives a book section, not a web page."""
    meta = edition.metadata
    url = f"{meta['site_url']}{page_url(section.slug)}"
    tags = [
        ["citation_title", section.title if section.heading else meta["chapter_title"]],
        ["citation_book_title", meta["book"]],
        ["citation_author", f"{meta['author_family']}, {meta['author_given']}"],
        ["citation_publisher", meta["publisher"]],
        ["citation_publication_date", str(meta["year"])],
        ["citation_public_url", url],
        ["citation_language", "en"],
    ]
    author = {"@type": "Person", "name": meta["author"]}
    jsonld = {
        "@context": "https://schema.org",
        "@type": "Chapter",
        "name": tags[0][1],
        "author": author,
        "url": url,
        "inLanguage": "en",
        "isPartOf": {
            "@type": "Book",
            "name": meta["book"],
            "author": author,
            "publisher": {"@type": "Organization", "name": meta["publisher"]},
            "datePublished": str(meta["year"]),
        },
    }
    text = json.dumps(jsonld, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return {"citation": tags, "jsonld": text}
