import json
import re

import pytest

from edition.errors import EditionError
from edition.pipeline.load import load
from edition.read.dates import display_date, parse_date, valid_date

EVENT = """\
- id: first
  date: "1923-10-08"
  title: A letter
  text: Trotsky writes.
  paragraphs: [p1]
  glossary: [trotsky]
  references: [wp-leo-trotsky]
"""


def write(project, text: str) -> None:
    (project / "sources" / "chronology.yaml").write_text(text, "utf-8")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("1904", "1904"),
        ("1909-06", "June 1909"),
        ("1917-11-07", "7 November 1917"),
        ("1923-04-17/1923-04-25", "17–25 April 1923"),
        ("1923-07/1923-08", "July–August 1923"),
        ("1923-01-25/1923-03-04", "25 January – 4 March 1923"),
        ("1923-12-30/1924-01-02", "30 December 1923 – 2 January 1924"),
    ],
)
def test_dates_are_shown_as_a_reader_writes_them(value, shown):
    assert display_date(value) == shown


def test_only_real_dates_in_order_are_valid():
    assert parse_date("1923-12") == (1923, 12)
    assert not valid_date("1923-02-30")
    assert not valid_date("1923-13")
    assert not valid_date("23-01-01")
    assert not valid_date("1924/1923")
    assert not valid_date("1923/1924/1925")
    assert valid_date("1923-12/1923-12-05")


def test_the_chronology_is_in_order_and_tied_to_the_text(edition):
    events = edition.chronology
    assert len(events) >= 20
    starts = [parse_date(e.start) for e in events]
    assert starts == sorted(starts)
    years = {e.start[:4] for e in events}
    assert {"1904", "1921", "1923", "1924"} <= years
    places = {b.id for b in edition.chapter.blocks} | {n.id for n in edition.chapter.notes}
    assert all(e.places and set(e.places) <= places and e.references for e in events)
    dated = {e.id: e.date for e in events}
    assert dated["declaration-of-46"] == "1923-10-15"
    assert dated["letter-8-october"] == "1923-10-08"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('"1923-10-08"', "1923-10-08"),
            r'chronology.yaml:2: event \'first\': write the date in quotes \("1923-10-08"\)',
        ),
        (('"1923-10-08"', '"1923-10-32"'), r"chronology.yaml:2: event 'first': date '1923-10-32' is not"),
        (("[p1]", "[p1, p999]"), r"chronology.yaml:5: event 'first': no block or note 'p999'"),
        (("[trotsky]", "[trotskii]"), r"chronology.yaml:6: event 'first': no glossary entry 'trotskii'"),
        (("[wp-leo-trotsky]", "[]"), r"chronology.yaml:7: event 'first': 'references' is empty"),
        (
            ("wp-leo-trotsky", "https://en.wikipedia.org/wiki/Leon_Trotsky"),
            r"chronology.yaml:1: event 'first': 'https://en.wikipedia.org/wiki/Leon_Trotsky' is a bare "
            r"address; cite the key of an editors.bib @online entry that gives the page's title and site",
        ),
        (
            ("wp-leo-trotsky", "wp-no-such-page"),
            r"chronology.yaml:1: event 'first': reference 'wp-no-such-page' is no key of bibliography.bib or "
            r"editors.bib",
        ),
    ],
)
def test_bad_events_name_the_line(project, change, message):
    write(project, EVENT.replace(*change))
    with pytest.raises(EditionError, match=message):
        load(project)


def test_events_out_of_order_are_refused(project):
    later = EVENT.replace("first", "second").replace("1923-10-08", "1923-09")
    write(project, EVENT + later)
    with pytest.raises(EditionError, match=r"chronology.yaml:8: event 'second' \(1923-09\) is out of order"):
        load(project)


def test_the_page_and_the_data(built, edition):
    html = (built / "site" / "chronology.html").read_text("utf-8")
    ids = re.findall(r'<li class="event" id="ev-([a-z0-9-]+)">', html)
    assert ids == [e.id for e in edition.chronology]
    assert '<time class="event-date" datetime="1923-04-17">17–25 April 1923</time>' in html
    assert 'href="the-new-course-controversy.html#p1"' in html
    records = json.loads((built / "site" / "data" / "chronology.json").read_text("utf-8"))
    assert [r["id"] for r in records] == ids
    bogdanov = next(r for r in records if r["id"] == "bogdanov-break")
    assert bogdanov["note"] and bogdanov["places"][0]["label"] == "¶24"
    assert bogdanov["places"][0]["url"].endswith("#p24")
