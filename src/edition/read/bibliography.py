"""Reader for bibliography.bib: entries checked and converted to CSL-JSON.

bibtexparser 2 never raises on malformed input; it puts what it could not read
into ``failed_blocks``, so this reader turns each of those into a located error.
"""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser
from bibtexparser import middlewares as mw

from ..errors import EditionError
from ..logs import captured
from ..model import BibEntry
from .bibcheck import check_bib_text, failed_field
from .yamlfile import read_text

KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CSL_TYPES = {
    "book": "book",
    "collection": "book",
    "proceedings": "book",
    "incollection": "chapter",
    "phdthesis": "thesis",
    "periodical": "periodical",
    "article": "article-journal",
    "online": "webpage",
}
NAME_ROLES = ("author", "editor", "translator")
UNCHECKED = "title-unchecked"  # the keyword of a web page whose title is not yet read
# biblatex's langid as the CSL language tag (citeproc title-cases English titles only)
LANGUAGES = {
    "english": "en",
    "british": "en-GB",
    "american": "en-US",
    "russian": "ru",
    "ukrainian": "uk",
    "german": "de",
    "french": "fr",
    "italian": "it",
    "spanish": "es",
}
PLAIN_FIELDS = {  # bib field -> CSL variable, copied as they are
    "address": "publisher-place",
    "publisher": "publisher",
    "school": "publisher",
    "edition": "edition",
    "isbn": "ISBN",
    "shorttitle": "title-short",
    "url": "URL",
    "doi": "DOI",
    "pages": "page",
    "number": "issue",
}


def read_bibliography(path: Path) -> tuple[BibEntry, ...]:
    text = read_text(path)
    with captured("bibtexparser") as messages:
        library = bibtexparser.parse_string(
            text, append_middleware=[mw.SeparateCoAuthors(), mw.SplitNameParts()]
        )
    if library.failed_blocks:
        block = library.failed_blocks[0]
        field = failed_field(block.raw, block.start_line + 1)
        if field:
            message = f"cannot parse entry: unbalanced brace or quote in '{field[1]}'"
            raise EditionError(path, field[0], message)
        reason = str(getattr(block, "error", "") or "") or " ".join(messages) or "malformed"
        reason = " ".join(reason.split())
        raise EditionError(path, block.start_line + 1, f"cannot parse entry: {reason}")
    check_bib_text(text, path)
    return tuple(_entry(entry, path) for entry in library.entries)


def _entry(entry, path: Path) -> BibEntry:
    line = entry.start_line + 1
    if not KEY.match(entry.key):
        raise EditionError(path, line, f"key {entry.key!r} must be lower-case-with-hyphens")
    kind = entry.entry_type.lower()
    if kind not in CSL_TYPES:
        raise EditionError(path, line, f"entry {entry.key}: unsupported type @{kind}")
    fields = {f.key.lower(): f.value for f in entry.fields}
    if kind == "online" and "title" not in fields and UNCHECKED not in fields.get("keywords", ""):
        raise EditionError(
            path,
            line,
            f"entry {entry.key}: a web page needs its 'title' as the page gives it "
            f"(or keywords '{UNCHECKED}' until it has been read)",
        )
    if kind != "online" and "title" not in fields and "journaltitle" not in fields:
        raise EditionError(path, line, f"entry {entry.key}: no title")
    return BibEntry(entry.key, line, kind, fields, to_csl(entry.key, kind, fields))


def _ligatures(value: str) -> str:
    """BibTeX's dashes and the one escape the file uses, as the characters they stand for."""
    return value.replace("---", "—").replace("--", "–").replace(r"\&", "&")


def plain(value: str) -> str:
    """Field text without BibTeX braces."""
    return _ligatures(value).replace("{", "").replace("}", "").strip()


def _protected(value: str) -> str:
    """Title text with brace-protected words marked so CSL leaves their case alone."""
    value = _ligatures(value)
    value = re.sub(r"\{([^{}]*)\}", r'<span class="nocase">\1</span>', value)
    return value.replace("{", "").replace("}", "").strip()


def _names(parts: list) -> list[dict]:
    names = []
    for name in parts:
        given = " ".join(name.first + name.von).strip()
        family = " ".join(name.last + name.jr).strip()
        names.append(
            {"family": plain(family), "given": plain(given)} if given else {"literal": plain(family)}
        )
    return names


def _date(value: str) -> dict:
    parts = [int(p) for p in re.findall(r"\d+", value)[:3]]
    return {"date-parts": [parts]}


def to_csl(key: str, kind: str, fields: dict) -> dict:
    item: dict = {"id": key, "type": CSL_TYPES[kind]}
    if kind == "article" and fields.get("entrysubtype") == "newspaper":
        item["type"] = "article-newspaper"
    if kind == "phdthesis":
        item["genre"] = "PhD diss."
    for role in NAME_ROLES:
        if role in fields:
            item[role] = _names(fields[role])
    title = fields.get("title")
    if title is not None:
        title = _protected(title)
        if "translation" in fields:
            title = f"{title} [{plain(fields['translation'])}]"
        if "maintitle" in fields:
            item["title"] = _protected(fields["maintitle"])
            item["volume-title"] = title
        else:
            item["title"] = title
    container = fields.get("booktitle") or fields.get("journaltitle") or fields.get("journal")
    if kind == "online":
        container = fields.get("organization")  # the site a page belongs to
    if container:
        item["container-title"] = _protected(container)
    for bib_field, csl_variable in PLAIN_FIELDS.items():
        if bib_field in fields:  # an address keeps its "--" (xn--, an IDN's prefix)
            value = fields[bib_field]
            item[csl_variable] = value.strip() if bib_field in ("url", "doi") else plain(value)
    if "volume" in fields:
        item["volume"] = plain(fields["volume"])
    if "date" in fields or "year" in fields:
        item["issued"] = _date(fields.get("date") or fields["year"])
    language = LANGUAGES.get(fields.get("langid", ""))
    if language:
        item["language"] = language  # a title in another language keeps its own case
    return item


def surnames(entry: BibEntry) -> list[str]:
    """Family names of the entry's authors (and editors, for an edited work)."""
    names = entry.fields.get("author") or []
    return [plain(" ".join(n.last)) for n in names]


def list_field(entry: BibEntry, name: str) -> list[str]:
    """A field holding several values separated by ' ; '."""
    value = entry.fields.get(name, "")
    return [plain(v) for v in value.split(";") if plain(v)]
