"""Render stage: the apparatus page (every intervention and editors' note, in reading
order), the editors' notes at the end of each section, and the data the popovers read."""

from __future__ import annotations

import json
import re
from html import escape

from ..model import Comment, Edition, Intervention
from ..resolve.apparatus import texts_by_place
from .evidence import evidence_links
from .markup import attr, places
from .naming import kind
from .prose import prose_html, prose_plain

TYPE_LABELS = {
    "typo": "typographical error",
    "punctuation": "punctuation",
    "lacuna": "lacuna",
    "transliteration": "transliteration",
    "factual": "factual error",
}


def readings(item: Intervention, text: str) -> str:
    """The change in its context: a few words either side, the received reading struck
    through and the edited one marked as inserted."""
    left = text[max(0, item.start - 40) : item.start]
    right = text[item.end : item.end + 40]
    left = ("…" + left.split(" ", 1)[-1]) if item.start > 40 and " " in left else left
    right = (right.rsplit(" ", 1)[0] + "…") if item.end + 40 < len(text) and " " in right else right
    received = f'<del class="reading-received">{escape(item.received)}</del>' if item.received else ""
    if item.type == "lacuna" and not item.edited:
        edited = '<ins class="reading-edited"><i>[gap left open]</i></ins>'
    else:
        edited = f'<ins class="reading-edited">{escape(item.edited)}</ins>' if item.edited else ""
    between = '<span class="app-to" aria-hidden="true">→</span>' if received and edited else ""
    return f"{escape(left)}{received}{between}{edited}{escape(right)}"


def popover_data(interventions: list[Intervention]) -> str:
    """The interventions of one page, as a JSON script the popovers read (no request made)."""
    records = {
        "apparatus": {
            i.id: {
                "type": TYPE_LABELS[i.type],
                "received": i.received,
                "edited": i.edited,
                "note": prose_plain(i.note),
            }
            for i in interventions
        },
    }
    payload = json.dumps(records, ensure_ascii=False, sort_keys=True)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="app-data" data-ed="">{payload}</script>\n'


def editors_notes(edition: Edition, comments: list[Comment]) -> str:
    items = "".join(
        f'<li class="ed-note" id="ed-{c.letter}"><div class="note-body">'
        f'<span class="note-num">{c.letter}.</span> '
        f'<span class="note-text">{prose_html(c.text)}</span> '
        f'<a class="note-back" href="#edcall-{c.letter}" aria-label="Back to the text at editors’ note '
        f'{c.letter}">↩</a></div>'
        + (
            f'<p class="ed-evidence">Evidence: {evidence_links(edition, c.evidence)}</p>'
            if c.evidence
            else ""
        )
        + "</li>"
        for c in comments
    )
    return (
        '## Editors’ notes { #editors-notes data-ed="" }\n\n'
        f'<ol class="notes ed-notes" data-ed="">{items}</ol>\n'
    )


def apparatus_page(edition: Edition) -> str:
    where = places(edition)
    texts = texts_by_place(edition)
    order = {place: i for i, place in enumerate(edition.chapter.places())}
    interventions = sorted(edition.apparatus, key=lambda i: (order[i.place], i.start))
    out = [
        "---\ntitle: Apparatus\n---\n",
        "# Apparatus\n",
        '<p class="lede">Every change the editors made to the received text, where it stands, what '
        "the text said before and why; then the editors’ notes. "
        f"On the {escape(kind(edition.metadata))}’s pages an "
        "intervention is marked and explained on hover, focus or tap, and a switch shows the text "
        "exactly as received.</p>\n",
        "## Interventions { #interventions }\n",
        '<ol class="apparatus">',
    ]
    for item in interventions:
        url, label = where[item.place]
        out.append(
            f'<li class="app-entry" id="app-{attr(item.id)}"><p class="app-head">'
            f'<a href="{attr(url)}">{escape(label)}</a> · '
            f'<span class="app-type">{TYPE_LABELS[item.type]}</span></p>'
            f'<p class="app-readings">{readings(item, texts[item.place])}</p>'
            f'<p class="app-note">{prose_html(item.note)}</p>'
            + (
                f'<p class="ed-evidence">Evidence: {evidence_links(edition, item.evidence)}</p>'
                if item.evidence
                else ""
            )
            + "</li>"
        )
    out.append("</ol>\n")
    out.append("## Editors’ notes { #commentary }\n")
    out.append('<ol class="apparatus">')
    for comment in edition.commentary:
        url, label = where[comment.place]
        out.append(
            f'<li class="app-entry" id="comment-{comment.letter}"><p class="app-head">'
            f'<span class="ed-letter">{comment.letter}</span> · <a href="{attr(url)}">{escape(label)}</a>, '
            f'after “{escape(comment.anchor)}”</p><p class="app-note">{prose_html(comment.text)}</p>'
            + (
                f'<p class="ed-evidence">Evidence: {evidence_links(edition, comment.evidence)}</p>'
                if comment.evidence
                else ""
            )
            + "</li>"
        )
    out.append("</ol>\n")
    return "\n".join(out)


CONTEXT_WORDS = 6


def words_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The received text just before `start` and just after `end`, up to six words each
    way, cut exactly from the text, so a record can be found again by its context."""
    before_starts = [m.start() for m in re.finditer(r"\S+", text[:start])]
    after_ends = [m.end() for m in re.finditer(r"\S+", text[end:])]
    left = before_starts[-CONTEXT_WORDS] if len(before_starts) >= CONTEXT_WORDS else 0
    right = after_ends[CONTEXT_WORDS - 1] if len(after_ends) >= CONTEXT_WORDS else len(text) - end
    return text[left:start], text[end : end + right]


def apparatus_records(edition: Edition) -> list[dict]:
    order = {place: i for i, place in enumerate(edition.chapter.places())}
    texts = texts_by_place(edition)
    records = []
    for i in sorted(edition.apparatus, key=lambda i: (order[i.place], i.start)):
        before, after = words_around(texts[i.place], i.start, i.end)
        records.append(
            {
                "id": i.id,
                "paragraph": i.place,
                "type": i.type,
                "start": i.start,
                "end": i.end,
                "words_before": before,
                "received": i.received,
                "edited": i.edited,
                "words_after": after,
                "note": i.note,
                "evidence": list(i.evidence),
            }
        )
    return records


def commentary_records(edition: Edition) -> list[dict]:
    texts = texts_by_place(edition)
    records = []
    for c in edition.commentary:
        before, after = words_around(texts[c.place], c.position, c.position)
        records.append(
            {
                "letter": c.letter,
                "id": c.id,
                "paragraph": c.place,
                "after": c.anchor,
                "position": c.position,
                "words_before": before,
                "words_after": after,
                "text": c.text,
                "evidence": list(c.evidence),
            }
        )
    return records
