import json
import textwrap

import pytest

from edition.errors import EditionError
from edition.model import Intervention, Mention
from edition.pipeline.load import load
from edition.render.markup import inline
from edition.render.spans import Marks
from edition.resolve.apparatus import apply


def item(ident, start, end, received, edited, kind="typo"):
    return Intervention(ident, "p1", kind, received, edited, "why", (), 1, start, end)


def test_apply_makes_exactly_the_recorded_changes():
    text = "Russia ‘night again become a honey-pot for alien wasps. And"
    end = text.index("wasps.") + len("wasps.")
    changes = [item("a", 7, 13, "‘night", "‘might"), item("b", end, end, "", "’", "punctuation")]
    assert apply(text, changes) == "Russia ‘might again become a honey-pot for alien wasps.’ And"


def test_an_intervention_renders_both_readings():
    html = inline("a night b", Marks(interventions=(item("x", 2, 7, "night", "might"),)))
    assert '<span class="app app-typo" data-app="x" tabindex="0">' in html
    assert '<span class="app-edited" data-reading="edited">might</span>' in html
    assert '<span class="app-received" data-reading="received" data-search-exclude="">night</span>' in html


def test_an_intervention_inside_a_mention_stays_inside_the_link():
    text = "V. Sorinn, Rabochaia"
    marks = Marks(mentions=(Mention(0, 9, "sorin"),), interventions=(item("s", 3, 9, "Sorinn", "Sorin"),))
    html = inline(text, marks)
    assert html.startswith(
        '<a class="gloss" href="glossary.html#sorin" data-gloss="sorin">V. <span class="app'
    )
    assert html.index("</a>") > html.index('data-search-exclude="">Sorinn</span>')


def test_an_insertion_at_the_start_of_a_mention_stands_outside_it():
    text = "hers. Vladimir Ilyich asks"
    marks = Marks(
        mentions=(Mention(6, 21, "lenin"),), interventions=(item("q", 6, 6, "", "‘", "punctuation"),)
    )
    html = inline(text, marks)
    assert html.index('data-app="q"') < html.index('<a class="gloss"')


def test_the_real_apparatus(edition):
    by_id = {i.id: i for i in edition.apparatus}
    assert {i.type for i in edition.apparatus} == {
        "typo",
        "punctuation",
        "lacuna",
        "transliteration",
        "factual",
    }
    assert by_id["duranty-might"].received == "‘night again" and by_id["duranty-might"].place == "p16"
    lacunae = [i for i in edition.apparatus if i.type == "lacuna"]
    assert [i.place for i in lacunae] == ["p9", "p9"] and all(i.edited == "" for i in lacunae)
    assert by_id["note-11-year"].edited == "1935"


def write(project, text):
    (project / "sources" / "apparatus.yaml").write_text(textwrap.dedent(text), "utf-8")


ONE = """\
- id: duranty-might
  at: p16
  received: "‘night again"
  edited: "‘might again"
  type: typo
  note: Sense.
"""


@pytest.mark.parametrize(
    "text, message",
    [
        (
            ONE.replace("‘night again", "‘knight again"),
            r"apparatus.yaml:1: intervention 'duranty-might': '‘knight again' is not found",
        ),
        (
            ONE.replace("‘night again", "the"),
            r"apparatus.yaml:1: intervention 'duranty-might': 'the' occurs \d+ times; give 'occurrence'",
        ),
        (
            ONE.replace("at: p16", "at: p999"),
            r"apparatus.yaml:2: intervention 'duranty-might': no block or note 'p999'",
        ),
        (
            ONE + ONE.replace("id: duranty-might", "id: other").replace("‘night again", "night"),
            r"apparatus.yaml:7: intervention 'other' overlaps intervention 'duranty-might'",
        ),
        (
            ONE.replace("type: typo", "type: guess"),
            r"apparatus.yaml:5: intervention 'duranty-might': type must be one of",
        ),
        (
            ONE.replace(
                "‘night again", "alien wasps. And women of all sorts ... mostly daughters of joy, whom NEP"
            ),
            r"intervention 'duranty-might' covers part of the glossary mention 'NEP'",
        ),
        (
            ONE + "  evidence: [no-such-key]\n",
            r"evidence 'no-such-key' is no bibliography key, block or note",
        ),
    ],
)
def test_apparatus_errors(project, text, message):
    write(project, text)
    with pytest.raises(EditionError, match=message):
        load(project)


def test_occurrence_picks_one_of_several(project):
    write(project, ONE.replace('"‘night again"', '"the"\n  occurrence: 2'))
    edition = load(project)
    (change,) = edition.apparatus
    text = next(b.text for b in edition.chapter.blocks if b.id == "p16")
    first = text.index("the")
    assert change.start == text.index("the", first + 1)


def test_data_files_carry_the_apparatus_and_commentary(project):
    from edition.pipeline.build import build

    build(project)
    apparatus = json.loads((project / "site/data/apparatus.json").read_text("utf-8"))
    assert set(apparatus[0]) == {
        *("id", "paragraph", "type", "received", "edited", "note", "evidence"),
        *("start", "end", "words_before", "words_after"),
    }
    assert apparatus[0]["paragraph"] == "p2"
    commentary = json.loads((project / "site/data/commentary.json").read_text("utf-8"))
    assert [c["letter"] for c in commentary] == list("abcdefghijklmnopqrstuvwxyz")[: len(commentary)]
    assert commentary[0]["paragraph"] == "p3"
