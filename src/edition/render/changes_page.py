"""Render stage: "What changed in X.Y", one page per release after the first, from the
changes worked out between it and the release before (changes.py)."""

from __future__ import annotations

from html import escape

from .markup import attr


def page_name(version: str) -> str:
    return f"changes-{version}.md"


def _records(title: str, delta: dict[str, list], describe) -> str:
    rows = []
    for status in ("added", "changed", "removed"):
        for item in delta[status]:
            rows.append(f"<li><strong>{status}</strong>: {describe(item, status)}</li>")
    return f"<h2>{escape(title)}</h2><ul>{''.join(rows)}</ul>" if rows else ""


def _intervention(item: dict, status: str) -> str:
    record = item.get("after", item)
    return (
        f"{escape(item['id'])} at {escape(record['place'])}: “{escape(record['received'])}” → "
        f"“{escape(record['edited'])}” ({escape(record['type'])}). {escape(record['note'])}"
    )


def _plain(field: str):
    def describe(item: dict, status: str) -> str:
        record = item.get("after", item)
        return f"{escape(item['id'])}" + (f": {escape(str(record.get(field, '')))}" if field else "")

    return describe


def changes_page(change: dict, base: str, author: str) -> str:
    """One release's changes; `author` names whose notes were resolved ("X’s")."""
    """One release's changes; `base` is the site root as seen from the page."""
    old, new = change["from"], change["to"]
    out = [
        f"---\ntitle: What changed in {new}\n---\n\n# What changed in {new}\n",
        f'<p class="lede">From version <a href="{attr(base)}v/{attr(old)}/index.html">{escape(old)}</a> '
        f'to version <a href="{attr(base)}v/{attr(new)}/index.html">{escape(new)}</a>, worked out from '
        "the two releases’ data.</p>",
    ]
    if change["paragraphs_added"] or change["paragraphs_retired"]:
        added = ", ".join(f"¶{escape(label)}" for label in change["paragraphs_added"]) or "none"
        retired = ", ".join(f"¶{escape(label)}" for label in change["paragraphs_retired"]) or "none"
        out.append(f"<h2>Paragraphs</h2><p>Added: {added}. Retired: {retired}.</p>")
    readings = []
    for reading in change["readings"]:
        label = escape(reading["paragraph"])
        reasons = "".join(
            f"<li>{escape(i['status'])}: {_intervention(i, i['status'])}</li>"
            for i in reading["interventions"]
        )
        readings.append(
            f'<li><a href="{attr(base)}v/{attr(new)}/p/{label}.html">¶{label}</a>'
            f"<p>Before: {escape(reading['before'])}</p><p>After: {escape(reading['after'])}</p>"
            f"<ul>{reasons}</ul></li>"
        )
    if readings:
        out.append(f"<h2>Reading text</h2><ul>{''.join(readings)}</ul>")
    out.append(_records("Interventions", change["interventions"], _intervention))
    out.append(_records("Editors’ notes", change["commentary"], _plain("text")))
    out.append(_records(f"Resolution of {author} notes", change["notes"], _plain("")))
    out.append(_records("Glossary", change["glossary"], _plain("headword")))
    out.append(_records("Chronology", change["chronology"], _plain("title")))
    out.append(_records("Bibliography", change["bibliography"], _plain("title")))
    if not any(part.startswith("<h2>") for part in out[2:] if part):
        out.append("<p>Nothing in the text, the notes or the registers changed.</p>")
    return "\n\n".join(part for part in out if part) + "\n"
