"""Check stage: the exports read back. The EPUB's words, in spine order, are the
reading text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..model import Edition
from .fidelity import lost_words


def spine_documents(path: Path) -> list[tuple[str, str]]:
    """The EPUB's content documents in reading order (name, XHTML)."""
    with zipfile.ZipFile(path) as archive:
        opf = archive.read("OEBPS/content.opf").decode("utf-8")
        names = dict(re.findall(r'<item id="([^"]+)" href="([^"]+)"', opf))
        return [
            (names[i], archive.read(f"OEBPS/{names[i]}").decode("utf-8"))
            for i in re.findall(r'<itemref idref="([^"]+)"', opf)
        ]


def epub_lost_words(edition: Edition, path: Path) -> list[str]:
    """The fidelity check on the EPUB: its words, in spine order, are the reading text."""
    return lost_words(edition, spine_documents(path))
