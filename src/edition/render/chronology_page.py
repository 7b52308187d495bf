"""Render stage: the chronology page, a timeline year by year, and its data records."""

from __future__ import annotations

from html import escape
from itertools import groupby

from ..model import Edition, Event
from ..read.dates import display_date
from .evidence import reference_links
from .markup import attr, places
from .naming import authors, kind
from .prose import prose_html


def event_html(edition: Edition, event: Event, where: dict[str, tuple[str, str]]) -> str:
    entries = {g.id: g for g in edition.glossary}
    passages = ", ".join(f'<a href="{attr(where[p][0])}">{escape(where[p][1])}</a>' for p in event.places)
    links = [f"In the {escape(kind(edition.metadata))}: {passages}"]
    if event.glossary:
        names = ", ".join(
            f'<a href="glossary.html#{attr(g)}">{escape(entries[g].headword)}</a>' for g in event.glossary
        )
        links.append(f"Glossary: {names}")
    note = (
        f'<p class="event-note"><strong>{escape(authors(edition.metadata))} account differs.</strong> '
        f"{prose_html(event.note)}</p>"
        if event.note
        else ""
    )
    checked = " · ".join(reference_links(edition, event.references))
    return (
        f'<li class="event" id="ev-{attr(event.id)}">'
        f'<time class="event-date" datetime="{attr(event.start)}">{escape(display_date(event.date))}</time> '
        f'<h3 class="event-title">{prose_html(event.title)}</h3> '
        f'<p class="event-text">{prose_html(event.text)}</p> {note}'
        f'<p class="event-links">{" · ".join(links)}</p> '
        f'<p class="checked">Date checked against: {checked}</p></li>'
    )


def chronology_page(edition: Edition) -> str:
    where = places(edition)
    out = [
        "---\ntitle: Chronology\n---\n",
        "# Chronology\n",
        f'<p class="lede">Every dated event the {escape(kind(edition.metadata))} and its notes speak of '
        "whose date could "
        "be checked, in order, with the paragraphs and notes that tell of it. Dates after "
        "February 1918 are New Style.</p>\n",
    ]
    for year, events in groupby(edition.chronology, key=lambda e: e.start[:4]):
        out.append(f"## {year} {{ #y{year} }}\n")
        items = "".join(event_html(edition, e, where) for e in events)
        out.append(f'<ol class="timeline">{items}</ol>\n')
    return "\n".join(out)


def chronology_records(edition: Edition) -> list[dict]:
    where = places(edition)
    return [
        {
            "id": e.id,
            "date": e.date,
            "start": e.start,
            "end": e.end,
            "display": display_date(e.date),
            "title": e.title,
            "text": e.text,
            "note": e.note or None,
            "places": [{"id": p, "label": where[p][1], "url": where[p][0]} for p in e.places],
            "glossary": list(e.glossary),
            "references": list(e.references),
        }
        for e in edition.chronology
    ]
