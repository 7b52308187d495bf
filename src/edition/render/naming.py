"""What an edition is called in its file names and the toolkit's own sentences, from
its metadata (sources/edition.yaml), never written into the code: the slug its files
are named by, and the words for its author and its kind of text."""

from __future__ import annotations

import re
import unicodedata

from ..model import Metadata


def slugify(text: str) -> str:
    """Lower-case words joined by hyphens, accents and punctuation dropped."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def slug(meta: Metadata) -> str:
    """The stem of every file the edition offers: `slug` in the metadata, else its title."""
    return meta.get("slug") or slugify(meta["chapter_title"])


def tei_file(meta: Metadata) -> str:
    return f"{slug(meta)}.tei.xml"


def kind(meta: Metadata) -> str:
    """What the received text is ("chapter", "essay" …): `kind` in the metadata, else a
    chapter where it has a chapter number, else a text."""
    return meta.get("kind") or ("chapter" if meta.get("chapter_number") is not None else "text")


def authors(meta: Metadata, apostrophe: str = "’") -> str:
    """The author's name in the possessive, as the toolkit's sentences use it ("X’s notes")."""
    return f"{meta['author_family']}{apostrophe}s"


def part_of(meta: Metadata) -> str:
    """ "Chapter N of " where the text is a numbered chapter of its book, else "In "."""
    number = meta.get("chapter_number")
    return f"Chapter {number} of " if number is not None else "In "
