"""The metadata in every page's head that reference managers and Google Scholar read:
Highwire `citation_*` tags, Dublin Core, and schema.org JSON-LD.

The tags follow the rules of Zotero's Embedded Metadata translator: a
`citation_inbook_title` makes a book section (the translator reads
`citation_book_title` as OpenGraph's `book:` namespace, so that tag alone, which
Google Scholar wants, does not); `og:type` "book" makes a book; `prism.edition`
gives the edition, `citation_firstpage` the pages. Chapter pages and paragraph pages
save as the received text in this edition, the home page as the edition itself, every
other page as a part of the edition.
"""

from __future__ import annotations

import json

from ..model import Edition
from ..read.yamlfile import dump_front_matter, load_front_matter

Tags = list[list[str]]


def edition_tags(edition: Edition) -> Tags:
    """What every page says of the edition it belongs to."""
    meta = edition.metadata
    return [
        ["citation_publication_date", str(meta["date"])],
        ["citation_language", "en"],
        ["prism.edition", f"Version {meta['version']}"],
        ["DC.date", str(meta["date"])],
        ["DC.language", "en"],
        ["DC.rights", f"{meta['licence']['short']} ({meta['licence']['url']})"],
        *([["citation_doi", meta["doi"]]] if meta.get("doi") else []),
    ]


def in_edition(edition: Edition, title: str, url: str) -> Tags:
    """A part of the edition: a book section of it."""
    meta = edition.metadata
    return [
        ["citation_title", title],
        ["citation_inbook_title", meta["edition_title"]],
        ["citation_book_title", meta["edition_title"]],
        *edition_tags(edition),
        ["citation_public_url", url],
        ["DC.title", title],
    ]


def chapter_tags(edition: Edition, url: str, label: str | None = None) -> Tags:
    """The received text in this edition; on a paragraph's page, at that paragraph."""
    meta = edition.metadata
    author = f"{meta['author_family']}, {meta['author_given']}"
    return [
        *in_edition(edition, meta["chapter_title"], url),
        ["citation_author", author],
        *([["citation_firstpage", f"¶{label}"]] if label else []),
        ["DC.creator", author],
        ["DC.source", f"{meta['catalogue_title']} ({meta['place']}: {meta['publisher']}, {meta['year']})"],
    ]


def home_tags(edition: Edition) -> Tags:
    meta = edition.metadata
    return [
        ["og:type", "book"],
        ["citation_title", meta["edition_title"]],
        *edition_tags(edition),
        ["citation_public_url", meta["site_url"]],
        ["DC.title", meta["edition_title"]],
    ]


def jsonld(edition: Edition, tags: Tags) -> str:
    """schema.org: the page's work, and the edition it is part of, as escaped JSON."""
    meta = edition.metadata
    values = dict((name, value) for name, value in tags)
    book = {
        "@type": "Book",
        "name": meta["edition_title"],
        "editor": {"@type": "Organization", "name": meta["editors"]},
        "version": str(meta["version"]),
        "datePublished": str(meta["date"]),
        "license": meta["licence"]["url"],
        "url": meta["site_url"],
        "inLanguage": "en",
    }
    if values.get("og:type") == "book":
        data = book
    else:
        data = {
            "@type": "Chapter",
            "name": values["citation_title"],
            "url": values["citation_public_url"],
            "inLanguage": "en",
            "isPartOf": book,
        }
        if "citation_author" in values:
            data["author"] = {"@type": "Person", "name": meta["author"]}
            data["isBasedOn"] = {
                "@type": "Book",
                "name": meta["catalogue_title"],
                "author": data["author"],
                "publisher": {"@type": "Organization", "name": meta["publisher"]},
                "locationCreated": meta["place"],
                "datePublished": str(meta["year"]),
            }
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_tags(edition: Edition, name: str, title: str) -> Tags:
    """The tags of the page built from docs file `name`, whose title is `title`."""
    url = f"{edition.metadata['site_url']}{name.removesuffix('.md')}.html"
    if name == "index.md":
        return home_tags(edition)
    if name in {f"{s.slug}.md" for s in edition.chapter.sections}:
        return chapter_tags(edition, url)
    return in_edition(edition, f"{title}" if title else name, url)


def split_front_matter(markdown: str) -> tuple[dict, str]:
    """A page's YAML front matter and the rest (MkDocs' own convention)."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end > 0:
            return load_front_matter(markdown[4:end]) or {}, markdown[end + 5 :]
    return {}, markdown


def with_metadata(edition: Edition, name: str, markdown: str) -> str:
    """The page with its metadata added to its front matter."""
    front, body = split_front_matter(markdown)
    tags = page_tags(edition, name, str(front.get("title", "")))
    front = {**front, "citation": tags, "jsonld": jsonld(edition, tags)}
    return f"---\n{dump_front_matter(front)}---\n{body}"
