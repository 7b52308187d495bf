"""The published data files, and the page that describes them."""

import json
import re
from html import unescape

FILES = (
    "edition.json",
    "paragraphs.json",
    "notes.json",
    "bibliography.json",
    "glossary.json",
    "chronology.json",
    "apparatus.json",
    "commentary.json",
)


def sections(html: str) -> dict[str, str]:
    """The data page's text, by the heading (a file name) it stands under."""
    parts = re.split(r'<h3 id="[^"]*">([a-z]+\.json)', html)
    return {name: unescape(body) for name, body in zip(parts[1::2], parts[2::2], strict=True)}


def test_every_field_of_every_file_is_described(built):
    page = (built / "site" / "data.html").read_text("utf-8")
    described = sections(page)
    assert set(described) == {*FILES, "changes.json"}  # changes.json: once there are two releases
    for name in FILES:
        records = json.loads((built / "site" / "data" / name).read_text("utf-8"))
        assert records, name
        fields = {key for record in records for key in record}
        missing = {f for f in fields if f"<code>{f}</code>" not in described[name]}
        assert not missing, f"{name}: {sorted(missing)} not described on the data page"


def test_the_home_and_data_pages_link_every_file(built):
    for page in ("index.html", "data.html"):
        html = (built / "site" / page).read_text("utf-8")
        for name in (*FILES, "the-new-course-controversy.tei.xml"):
            assert f'href="data/{name}"' in html, (page, name)
            assert (built / "site" / "data" / name).is_file()


def test_the_reading_view_of_every_block_is_rebuilt_from_the_received_text_and_the_data(built):
    """From the published JSON alone: each block's and note's received text stands in
    the received file, in order; every intervention sits at its offsets between its words
    before and after; making them gives, word for word, the reading view the site's
    check holds the pages to; every editors' note is placed the same way."""
    from edition.check.fidelity import WORD, reading_words
    from edition.pipeline.load import load

    data = built / "site" / "data"
    load_json = lambda name: json.loads((data / name).read_text("utf-8"))  # noqa: E731
    texts = {p["id"]: p["text"] for p in load_json("paragraphs.json")}
    numbers = {f"note-{n['number']}": n["number"] for n in load_json("notes.json")}
    texts.update({f"note-{n['number']}": n["text"] for n in load_json("notes.json")})
    received = WORD.findall(next((built / "sources").glob("000_*.txt")).read_text("utf-8"))
    position = 0
    for place, text in texts.items():  # the table's cells stand on lines of their own
        found = WORD.findall(text)
        while received[position : position + len(found)] != found:
            position += 1
            assert position < len(received), f"{place} is not in the received file"
        position += len(found)
    records: dict[str, list[dict]] = {}
    for record in load_json("apparatus.json"):
        text, start, end = texts[record["paragraph"]], record["start"], record["end"]
        assert text[start:end] == record["received"], record["id"]
        assert text[:start].endswith(record["words_before"]), record["id"]
        assert text[end:].startswith(record["words_after"]), record["id"]
        assert record["words_before"] or record["words_after"] or record["received"] == text, record["id"]
        records.setdefault(record["paragraph"], []).append(record)
    expected = reading_words(load(built))
    by_place: dict[str, list[str]] = {}
    for word, place in zip(expected.texts, expected.places, strict=True):
        by_place.setdefault(place, []).append(word)
    for place, text in texts.items():
        for record in sorted(records.get(place, []), key=lambda r: r["start"], reverse=True):
            text = text[: record["start"]] + record["edited"] + text[record["end"] :]
        if place in numbers:
            text = f"{numbers[place]}. {text}"
        assert WORD.findall(text) == by_place[place], place
    assert sum(len(r) for r in records.values()) == len(load_json("apparatus.json")) > 10
    for comment in load_json("commentary.json"):
        text, position = texts[comment["paragraph"]], comment["position"]
        assert text[:position].endswith(comment["after"]), comment["id"]
        assert text[:position].endswith(comment["words_before"]), comment["id"]
        assert text[position:].startswith(comment["words_after"]), comment["id"]
