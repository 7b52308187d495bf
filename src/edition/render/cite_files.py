"""A paragraph's citation as files for reference managers: classic BibTeX (read by
plain.bst), biblatex (read by biber), RIS and CSL-JSON, written from the same CSL
item the styles format. Each carries the paragraph where its readers show it (the
page field), the year, the book, the edition and its version, and the address."""

from __future__ import annotations

import json
import re

from ..model import Edition
from .cite import PLACEHOLDER, chapter_item, date_parts, permalink
from .naming import slug, slugify

BIBTEX_SPECIAL = re.compile(r"([&%$#_])")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def file_names(label: str) -> dict[str, str]:
    """The files of paragraph `label`, by format, as published under cite/."""
    return {
        "bibtex": f"p{label}.bib",
        "biblatex": f"p{label}.biblatex.bib",
        "ris": f"p{label}.ris",
        "csl": f"p{label}.json",
    }


def key(edition: Edition, label: str) -> str:
    """The entry's key: the author's family name, the edition's slug, the paragraph."""
    return f"{slugify(edition.metadata['author_family'])}-{slug(edition.metadata)}-p{label}"


def tex(text: str) -> str:
    """Text for a BibTeX field: its special characters escaped, dashes as TeX writes them."""
    return BIBTEX_SPECIAL.sub(r"\\\1", text).replace("—", "---").replace("–", "--")


def protect(text: str, nouns: list[str]) -> str:
    """Brace the proper nouns, so that no style lower-cases them."""
    if not nouns:
        return tex(text)
    pattern = re.compile("|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True)))
    out, position = [], 0
    for match in pattern.finditer(text):
        out.append(tex(text[position : match.start()]))
        out.append("{" + tex(match.group()) + "}")
        position = match.end()
    out.append(tex(text[position:]))
    return "".join(out)


def entry(kind: str, name: str, fields: list[tuple[str, str]]) -> str:
    width = max(len(field) for field, _ in fields)
    lines = ",\n".join(f"  {field.ljust(width)} = {value}" for field, value in fields)
    return f"@{kind}{{{name},\n{lines}\n}}\n"


def first_published(edition: Edition) -> str:
    """Where the chapter first appeared, for the one field classic styles print freely."""
    meta = edition.metadata
    return (
        f"First published in {meta['catalogue_title']} ({meta['place']}: {meta['publisher']}, {meta['year']})"
    )


def bibtex(edition: Edition, label: str) -> str:
    """Classic BibTeX: @incollection with every field plain.bst requires."""
    meta, nouns = edition.metadata, edition.metadata.get("proper_nouns") or []
    url = permalink(edition, label)
    parts = date_parts(meta["date"])
    note = f"Version {meta['version']}. {first_published(edition)}. \\url{{{url}}}"
    fields = [
        ("author", f"{{{meta['author_family']}, {meta['author_given']}}}"),
        ("title", f"{{{protect(meta['chapter_title'], nouns)}}}"),
        ("booktitle", f"{{{protect(meta['edition_title'], nouns)}}}"),
        ("editor", f"{{{{{tex(meta['editors'])}}}}}"),
        ("publisher", f"{{{tex(meta['editors'])}}}"),
        ("year", f"{{{parts[0]}}}"),
        *([("month", MONTHS[parts[1] - 1])] if len(parts) > 1 else []),
        ("pages", f"{{¶{label}}}"),
        ("note", f"{{{protect(note, nouns)}}}"),
        ("url", f"{{{url}}}"),
        *([("doi", f"{{{meta['doi']}}}")] if meta.get("doi") else []),
    ]
    return entry("incollection", key(edition, label), fields)


def biblatex(edition: Edition, label: str) -> str:
    """biblatex: the paragraph as the edition's pages (with no "p." before it), the
    book as the original publication (orig* fields)."""
    meta, nouns = edition.metadata, edition.metadata.get("proper_nouns") or []
    fields = [
        ("author", f"{{{meta['author_family']}, {meta['author_given']}}}"),
        ("title", f"{{{protect(meta['chapter_title'], nouns)}}}"),
        ("booktitle", f"{{{protect(meta['edition_title'], nouns)}}}"),
        ("editor", f"{{{{{tex(meta['editors'])}}}}}"),
        ("edition", f"{{Version {meta['version']}}}"),
        ("date", f"{{{meta['date']}}}"),
        ("pages", f"{{¶{label}}}"),
        ("pagination", "{none}"),
        ("url", f"{{{permalink(edition, label)}}}"),
        ("origtitle", f"{{{protect(meta['catalogue_title'], nouns)}}}"),
        ("origlocation", f"{{{tex(meta['place'])}}}"),
        ("origpublisher", f"{{{tex(meta['publisher'])}}}"),
        ("origdate", f"{{{meta['year']}}}"),
        ("addendum", f"{{{protect(first_published(edition), nouns)}}}"),
        ("langid", "{english}"),
        *([("doi", f"{{{meta['doi']}}}")] if meta.get("doi") else []),
    ]
    return entry("incollection", key(edition, label), fields)


def ris(edition: Edition, label: str) -> str:
    """RIS, as Zotero, EndNote and citation-js read it (one tag a line, CRLF)."""
    meta = edition.metadata
    parts = date_parts(meta["date"])
    tags = [
        ("TY", "CHAP"),
        ("AU", f"{meta['author_family']}, {meta['author_given']}"),
        ("TI", meta["chapter_title"]),
        ("T2", meta["edition_title"]),
        ("A2", meta["editors"]),
        ("ET", f"Version {meta['version']}"),
        ("PY", str(parts[0])),
        ("DA", "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))),
        ("SP", f"¶{label}"),
        ("UR", permalink(edition, label)),
        ("LA", "en"),
        ("OP", meta["catalogue_title"]),
        *([("DO", meta["doi"])] if meta.get("doi") else []),
        ("N1", first_published(edition) + "."),
        ("ID", key(edition, label)),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {value}".rstrip() + "\r\n" for tag, value in tags)


def csl_json(edition: Edition, label: str) -> str:
    """CSL-JSON: the item the styles format, with the paragraph as its page."""
    item = {**chapter_item(edition, permalink(edition, label)), "id": key(edition, label)}
    item["page"] = f"¶{label}"
    if edition.metadata.get("doi"):
        item["DOI"] = edition.metadata["doi"]
    return json.dumps([item], ensure_ascii=False, indent=1) + "\n"


WRITERS = {"bibtex": bibtex, "biblatex": biblatex, "ris": ris, "csl": csl_json}


def cite_files(edition: Edition) -> dict[str, str]:
    """Every paragraph's citation files, by path under the site."""
    templates = label_templates(edition)
    return {
        f"cite/{name}": (
            templates[kind].replace(PLACEHOLDER, block.number)
            if templates and block.number.isdigit()
            else WRITERS[kind](edition, block.number)
        )
        for block in edition.chapter.blocks
        for kind, name in file_names(block.number).items()
    }


def label_templates(edition: Edition) -> dict[str, str]:
    """Each format written once at a placeholder label, for a numeric label to fill in
    (thousands of paragraphs, one set of fields); none where filling in might not give
    what the writer gives: a proper noun with a digit (the bracing could reach into the
    label), or a placeholder found outside the label's places (written at a second
    placeholder, the two must differ only there)."""
    nouns = edition.metadata.get("proper_nouns") or []
    if any(char.isdigit() for noun in nouns for char in noun):
        return {}
    other = PLACEHOLDER[::-1]
    templates = {kind: writer(edition, PLACEHOLDER) for kind, writer in WRITERS.items()}
    if any(
        text.replace(PLACEHOLDER, other) != WRITERS[kind](edition, other) for kind, text in templates.items()
    ):
        return {}
    return templates
