"""Render stage: the glossary page, the persons index, and the glosses each chapter page
carries for its popovers."""

from __future__ import annotations

import json
from html import escape

from ..model import Edition, GlossEntry
from ..read.dates import display_date
from ..read.glossary import TYPES
from ..resolve.mentions import mentions_by_entry
from .evidence import reference_links
from .markup import attr, places
from .naming import kind
from .prose import prose_html, prose_plain

TYPE_LABELS = {"person": "Persons", "body": "Bodies", "term": "Terms", "event": "Events"}


def dates(entry: GlossEntry) -> str:
    """Life dates of a person, or the date of an event written as the chronology writes
    dates ("17–25 April 1923")."""
    if entry.type == "person" and (entry.born or entry.died):
        return f"{entry.born or '?'}–{entry.died or '?'}"
    return display_date(entry.date) if entry.date else ""


def head_dates(entry: GlossEntry) -> str:
    """The dates a popover's heading shows: none where the gloss already gives them."""
    shown = dates(entry)
    return "" if shown and shown in entry.gloss else shown


def gloss_data(edition: Edition, ids: set[str]) -> str:
    """The glosses of the given entries, as a JSON script the popovers read (no request made)."""
    records = {
        e.id: {"headword": e.headword, "type": e.type, "dates": head_dates(e), "gloss": prose_plain(e.gloss)}
        for e in edition.glossary
        if e.id in ids
    }
    payload = json.dumps(records, ensure_ascii=False, sort_keys=True)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="gloss-data" data-ed="">{payload}</script>\n'


def _sorted(entries) -> list[GlossEntry]:
    return sorted(entries, key=lambda e: e.sort.casefold())


def entry_html(
    edition: Edition, entry: GlossEntry, mentioned: list[str], where: dict, collapsed: bool = False
) -> str:
    """An entry's facts, gloss, description and mentions, then its related entries, events
    and sources. `collapsed` puts the last three behind a button, hidden until found: on
    the glossary page they are some 900 links that a phone would otherwise lay out before
    the reader can scroll (find-in-page still reaches them, and without scripts they show)."""
    by_id = {e.id: e for e in edition.glossary}
    facts = [f'<span class="gloss-type">{escape(entry.type)}</span>']
    if dates(entry):
        facts.append(f'<span class="gloss-dates">{escape(dates(entry))}</span>')
    if entry.russian:
        russian = f'<span lang="ru">{escape(entry.russian)}</span>'
        if entry.transliteration:
            russian += f" (<i>{escape(entry.transliteration)}</i>)"
        if entry.meaning:
            russian += f": {prose_html(entry.meaning)}"
        facts.append(f'<span class="gloss-russian">{russian}</span>')
    out = [
        f'<p class="gloss-facts">{" · ".join(facts)}</p>',
        f'<p class="gloss-gloss">{prose_html(entry.gloss)}</p>',
        f'<p class="gloss-description" data-search-exclude>{prose_html(entry.description)}</p>',
    ]
    if mentioned:
        links = ", ".join(f'<a href="{attr(where[p][0])}">{escape(where[p][1])}</a>' for p in mentioned)
        out.append(
            f'<p class="gloss-mentions" data-search-exclude>Mentioned in ({len(mentioned)}): {links}</p>'
        )
    else:
        where_not = escape(kind(edition.metadata))
        out.append(f'<p class="gloss-mentions">Not named in the {where_not}; given for context.</p>')
    extra, parts = [], []
    if entry.related:
        links = ", ".join(f'<a href="#{attr(r)}">{escape(by_id[r].headword)}</a>' for r in entry.related)
        extra.append(f'<p class="gloss-related" data-search-exclude>See also: {links}</p>')
        parts.append("related entries")
    events = [e for e in edition.chronology if entry.id in e.glossary]
    if events:
        links = ", ".join(
            f'<a href="chronology.html#ev-{attr(e.id)}">'
            f"{escape(display_date(e.date))}: {prose_html(e.title)}</a>"
            for e in events
        )
        extra.append(f'<p class="gloss-chronology" data-search-exclude>In the chronology: {links}</p>')
        parts.append("chronology")
    if entry.references:
        sources = " · ".join(reference_links(edition, entry.references))
        extra.append(f'<p class="gloss-sources" data-search-exclude>Checked against: {sources}</p>')
        parts.append("sources")
    if collapsed and extra:
        ident = f"more-{attr(entry.id)}"
        label = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
        out.append(
            f'<button type="button" class="gloss-more" aria-expanded="false" aria-controls="{ident}">'
            f"{label.capitalize()}</button>"
            f'<div class="gloss-extra" id="{ident}" hidden="until-found">{"".join(extra)}</div>'
        )
    else:
        out += extra
    return "\n".join(out)


def letters(entries: list[GlossEntry]) -> str:
    """Links to the first entry under each initial, A to Z."""
    first: dict[str, str] = {}
    for entry in entries:
        first.setdefault(entry.sort[:1].upper(), entry.id)
    links = " ".join(f'<a href="#{attr(ident)}">{escape(letter)}</a>' for letter, ident in first.items())
    return f'<nav class="gloss-letters" aria-label="Entries by initial">{links}</nav>\n'


def glossary_page(edition: Edition) -> str:
    """The glossary. Its entry headings are HTML, not Markdown, so they stay out of the
    theme's table of contents: 99 names listed twice in the navigation doubled what a
    phone has to lay out, and the A to Z links and the type filter do the same work."""
    mentioned = mentions_by_entry(edition)
    where = places(edition)
    entries = _sorted(edition.glossary)
    out = [
        "---\ntitle: Glossary\n---\n",
        "# Glossary\n",
        f'<p class="lede">The persons, bodies, terms and events the {escape(kind(edition.metadata))} '
        "and its notes name, "
        "with every paragraph that mentions them. A name in the text links to its entry.</p>\n",
        '<div class="gloss-filter" role="group" aria-label="Show entries of one type" hidden>'
        '<button type="button" aria-pressed="true" data-type="all">All</button>'
        + "".join(
            f'<button type="button" aria-pressed="false" data-type="{t}">{TYPE_LABELS[t]}</button>'
            for t in TYPES
        )
        + "</div>\n",
        letters(entries),
        '<p><button type="button" class="gloss-more-all" aria-pressed="false">'
        "Open them all: related entries, chronology, sources</button></p>\n",
        '<p><a href="persons.html">Index of persons by number of mentions</a></p>\n',
    ]
    for entry in entries:
        ident = attr(entry.id)
        out.append(
            f'<div class="gloss-entry" data-type="{attr(entry.type)}">'
            f'<h2 id="{ident}">{escape(entry.headword)}'
            f'<a class="headerlink" href="#{ident}" title="Link to this heading">#</a></h2>\n'
            + entry_html(edition, entry, mentioned[entry.id], where, collapsed=True)
            + "\n</div>\n"
        )
    return "\n".join(out)


def persons_page(edition: Edition) -> str:
    mentioned = mentions_by_entry(edition)
    persons = sorted(
        (e for e in edition.glossary if e.type == "person"),
        key=lambda e: (-len(mentioned[e.id]), e.sort.casefold()),
    )
    rows = "".join(
        f'<tr><th scope="row" data-sort="{attr(e.sort.casefold())}">'
        f'<a href="glossary.html#{attr(e.id)}">{escape(e.headword)}</a></th>'
        f'<td>{escape(dates(e))}</td><td data-sort="{len(mentioned[e.id])}">{len(mentioned[e.id])}</td></tr>'
        for e in persons
    )
    return "\n".join(
        [
            "---\ntitle: Persons\n---\n",
            "# Persons\n",
            f'<p class="lede">Every person the {escape(kind(edition.metadata))} and its notes name, '
            "by the number of paragraphs "
            'and notes that mention them.<span class="sort-hint"> Choose a column heading to sort by it.'
            "</span></p>\n",
            '<table class="persons sortable"><thead><tr>'
            '<th scope="col" aria-sort="none"><button type="button" data-key="0">Person</button>'
            '<span class="sort-label" data-search-exclude="">Person</span></th>'
            '<th scope="col">Dates</th>'
            '<th scope="col" aria-sort="descending"><button type="button" data-key="2" data-numeric="">'
            'Mentions</button><span class="sort-label" data-search-exclude="">Mentions</span></th>'
            "</tr></thead>"
            f"<tbody>{rows}</tbody></table>\n",
        ]
    )


def glossary_records(edition: Edition) -> list[dict]:
    mentioned = mentions_by_entry(edition)
    return [
        {
            "id": e.id,
            "type": e.type,
            "headword": e.headword,
            "aliases": list(e.aliases),
            "gloss": e.gloss,
            "mentions": mentioned[e.id],
        }
        for e in _sorted(edition.glossary)
    ]
