"""Evidence as readers see it: each reference or piece of evidence a link, named by
what the classifier (`resolve.evidence`) says it is: an editors' work by its title and
site (never a bare host; a weak source said so), the author's work by its title, a block
or note by its label, and a released snapshot's other addresses by their host."""

from __future__ import annotations

from html import escape

from ..model import BibEntry, Edition
from ..read.bibliography import list_field, plain
from ..read.editors import WEAK, keywords
from ..resolve.evidence import EDITORS, PAGE, PLACE, WORK, Evidence, classifier
from .markup import attr, places, source_links


def label(entry: BibEntry) -> str:
    """How an editors' work is named beside a text it supports: its title and, for a web
    page or an article, the site or periodical it belongs to (never a bare host); a weak
    source says so."""
    title = plain(entry.fields.get("title", ""))
    site = plain(entry.fields.get("organization") or entry.fields.get("journaltitle") or "")
    name = (f"{title}, {site}" if site else title) if title else f"a page of {site}"
    return f"{name} (a weak source)" if WEAK in keywords(entry) else name


def reference_links(edition: Edition, items: tuple[str, ...] | list[str]) -> list[str]:
    """Links for references: an editors' work (by key, or, in a released snapshot, by the
    address of a web page the bibliography holds) to its entry in the bibliography, named
    by its title and site; the author's works by their title. A released snapshot's other
    addresses keep the host-named link they were released with."""
    classify = classifier(edition)
    return [reference_link(classify(item)) for item in items]


def reference_link(found: Evidence) -> str:
    """One reference as `reference_links` names it."""
    if found.kind in (EDITORS, PAGE) and found.entry is not None:
        key = found.entry.key
        return f'<a href="bibliography.html#ref-{attr(key)}">{escape(label(found.entry))}</a>'
    if found.kind == WORK:
        title = plain(found.entry.fields.get("title", found.item))
        return f'<a href="bibliography.html#ref-{attr(found.item)}">{escape(title)}</a>'
    return source_links([found.item])


def evidence_links(edition: Edition, items: tuple[str, ...]) -> str:
    """Evidence as links, in the order the editors give it: the author's works by their
    short title, blocks and notes by their label, the editors' works and pages as
    `reference_links` names them."""
    classify, where = classifier(edition), places(edition)
    links = []
    for item in items:
        found = classify(item)
        if found.kind == WORK:
            title = found.entry.fields.get("shorttitle") or found.entry.fields.get("title") or item
            links.append(
                f'<a href="bibliography.html#ref-{attr(item)}"><cite>{escape(plain(title))}</cite></a>'
            )
        elif found.kind == PLACE:
            url, name = where[item]
            links.append(f'<a href="{attr(url)}">{escape(name)}</a>')
        else:
            links.append(reference_link(found))
    return " · ".join(links)


def checked_links(edition: Edition, entry: BibEntry) -> list[str]:
    """The pages an entry was checked against, other than its own address."""
    own = plain(entry.fields.get("url", ""))
    return reference_links(edition, [i for i in list_field(entry, "verified") if i != own])
