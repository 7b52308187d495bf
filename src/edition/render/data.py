"""Render stage: the JSON data files written into the site for reuse and for checks."""

from __future__ import annotations

from ..model import Edition
from .apparatus_page import apparatus_records, commentary_records
from .chronology_page import chronology_records
from .cite import chapter_item, edition_item
from .glossary_page import glossary_records
from .markup import page_url
from .pages import notes_in


def paragraphs(edition: Edition) -> list[dict]:
    return [
        {
            "id": b.id,
            "n": b.n,
            "label": b.number,
            "section": s.slug,
            "kind": b.kind,
            "text": b.text,
            "url": f"{page_url(s.slug)}#{b.id}",
        }
        for s in edition.chapter.sections
        for b in s.blocks
    ]


def notes(edition: Edition) -> list[dict]:
    result = []
    for section in edition.chapter.sections:
        for note in notes_in(edition, section):
            result.append(
                {
                    "number": note.number,
                    "paragraph": note.paragraph,
                    "text": note.text,
                    "url": f"{page_url(section.slug)}#note-{note.number}",
                    "citations": [
                        {"key": c.key, "locator": c.locator, "role": c.role} for c in note.citations
                    ],
                }
            )
    return result


def bibliography(edition: Edition) -> list[dict]:
    return [entry.csl for entry in edition.bibliography]


def identity(edition: Edition) -> list[dict]:
    """The edition and its source, as one record: what every citation of it names."""
    meta = edition.metadata
    return [
        {
            "title": meta["edition_title"],
            "editors": meta["editors"],
            "version": str(meta["version"]),
            "date": str(meta["date"]),
            "licence": meta["licence"]["name"],
            "licence_url": meta["licence"]["url"],
            "url": meta["site_url"],
            "received_rights": meta["received_rights"],
            "author": meta["author"],
            "chapter": meta["chapter_title"],
            "book": meta["catalogue_title"],
            "series": meta.get("series"),
            "volume": meta.get("volume"),
            "place": meta["place"],
            "publisher": meta["publisher"],
            "year": meta["year"],
            "csl": edition_item(edition),
            "chapter_csl": chapter_item(edition, meta["site_url"]),
        }
    ]


def data_files(edition: Edition) -> dict[str, list[dict]]:
    return {
        "edition.json": identity(edition),
        "paragraphs.json": paragraphs(edition),
        "notes.json": notes(edition),
        "bibliography.json": bibliography(edition),
        "glossary.json": glossary_records(edition),
        "apparatus.json": apparatus_records(edition),
        "commentary.json": commentary_records(edition),
        "chronology.json": chronology_records(edition),
    }
