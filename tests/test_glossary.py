import json
import re
import textwrap

import pytest

from edition.errors import EditionError
from edition.model import GlossEntry, Mention
from edition.pipeline.load import load
from edition.read.glossary import read_glossary
from edition.render.glossary_page import gloss_data
from edition.render.markup import inline
from edition.render.spans import Marks
from edition.resolve.mentions import Matcher, mentions_by_entry


def entry(ident, *aliases, **fields):
    return GlossEntry(
        ident, fields.pop("type", "person"), ident, ident, tuple(aliases), "g", "d", 1, **fields
    )


def test_longest_form_wins_and_possessives_need_no_form():
    matcher = Matcher(
        (entry("opp", "Opposition"), entry("wo", "Workers’ Opposition"), entry("trotsky", "Trotsky"))
    )
    found = [
        (m.entry, alias)
        for m, alias in matcher.find(
            "The Workers’ Opposition and the Opposition; Trotsky’s letter; Trotskyism."
        )
    ]
    assert found == [("wo", "Workers’ Opposition"), ("opp", "Opposition"), ("trotsky", "Trotsky")]


def test_forms_sharing_a_prefix_each_find_their_own_words():
    matcher = Matcher(
        (
            entry("t", "Trotsky"),
            entry("ism", "Trotskyism"),
            entry("ist", "Trotskyist", "Trotskyists"),
            entry("wg", "Workers’ Group"),
            entry("wt", "Workers’ Truth"),
        )
    )
    text = "Trotskyists, a Trotskyist, Trotskyism, Trotsky, Trotskyite; Workers’ Truth and Workers’ Group."
    found = [alias for _, alias in matcher.find(text)]
    assert found == ["Trotskyists", "Trotskyist", "Trotskyism", "Trotsky", "Workers’ Truth", "Workers’ Group"]


def test_lower_case_forms_also_match_at_a_sentence_start_but_names_are_case_sensitive():
    matcher = Matcher((entry("kulaks", "kulaks", type="term"), entry("hatch", "Hatch")))
    found = [m.entry for m, _ in matcher.find("Kulaks and kulaks; NEP had hatched them. Hatch")]
    assert found == ["kulaks", "kulaks", "hatch"]


def test_first_mention_in_a_paragraph_links_and_later_ones_are_marked():
    text = "Trotsky wrote; Trotsky’s letter"
    html = inline(text, Marks(mentions=(Mention(0, 7, "trotsky"), Mention(15, 22, "trotsky"))))
    assert html.count('<a class="gloss" href="glossary.html#trotsky"') == 1
    assert html.count('<span class="gloss-mention" data-gloss="trotsky">Trotsky</span>') == 1


def test_gloss_data_cannot_close_its_script(edition):
    script = gloss_data(edition, {e.id for e in edition.glossary})
    body = script[script.index(">") + 1 : script.rindex("</script>")]
    assert "<" not in body and "&" not in body.replace("\\u0026", "")
    assert set(json.loads(body)) == {e.id for e in edition.glossary}


def write_glossary(project, text):
    """A glossary of a few entries, without the chronology, which names many more."""
    (project / "sources" / "glossary.yaml").write_text(textwrap.dedent(text), "utf-8")
    (project / "sources" / "chronology.yaml").unlink()


GOOD = """\
- id: troika
  type: body
  headword: Troika
  aliases: [Troika]
  gloss: The three.
  description: Stalin, Zinoviev and Kamenev.
  related: [rabkrin]
- id: rabkrin
  type: body
  headword: Rabkrin
  aliases: [Rabkrin]
  gloss: The inspectorate.
  description: An inspectorate.
"""


def test_a_small_glossary_links_every_mention(project):
    write_glossary(project, GOOD)
    edition = load(project)
    mentioned = mentions_by_entry(edition)
    assert mentioned["rabkrin"][0] == "p2"
    assert all(p.startswith(("p", "note-")) for p in mentioned["troika"])
    assert len(mentioned["troika"]) > 5


@pytest.mark.parametrize(
    "change, message",
    [
        (
            ("aliases: [Rabkrin]", "aliases: [Rabkrin, Rabkrinism]"),
            r"glossary.yaml:\d+: entry 'rabkrin': form 'Rabkrinism' matches nothing in the text",
        ),
        (
            ("aliases: [Rabkrin]", "aliases: [Rabkrin, Troika]"),
            r"glossary.yaml:\d+: form 'Troika' is claimed by both 'troika' and 'rabkrin'",
        ),
        (
            ("related: [rabkrin]", "related: [rabkrin, zinoviev]"),
            r"glossary.yaml:\d+: entry 'troika': related id 'zinoviev' does not exist",
        ),
        (
            ("aliases: [Rabkrin]", "aliases: []"),
            r"glossary.yaml:\d+: entry 'rabkrin' is mentioned nowhere and not marked context_only",
        ),
        (
            ("gloss: The three.", "gloss: " + "word " * 36),
            r"glossary.yaml:\d+: entry 'troika': gloss is over 35 words",
        ),
        (
            ("type: body\n  headword: Troika", "type: thing\n  headword: Troika"),
            r"glossary.yaml:\d+: entry 'troika': type must be one of",
        ),
    ],
)
def test_glossary_errors_name_file_line_and_problem(project, change, message):
    old, new = change
    assert old in GOOD
    write_glossary(project, GOOD.replace(old, new, 1))
    with pytest.raises(EditionError, match=message):
        load(project)


def test_context_only_entry_must_not_be_mentioned(project):
    write_glossary(
        project,
        GOOD.replace(
            "  description: An inspectorate.\n", "  description: An inspectorate.\n  context_only: true\n"
        ),
    )
    with pytest.raises(EditionError, match="'rabkrin' is mentioned but marked context_only"):
        load(project)


def test_glossary_yaml_must_be_a_list(project):
    write_glossary(project, "troika: {}\n")
    with pytest.raises(EditionError, match=r"glossary.yaml:1: expected a list"):
        read_glossary(project / "sources" / "glossary.yaml")


# --------------------------------------------------------------------------- the real glossary


def test_the_register_covers_the_chapter(edition):
    ids = {e.id for e in edition.glossary}
    assert {"troika", "rabkrin", "nep", "forty-six"} <= ids
    assert 90 <= len(ids) <= 130
    assert {e.type for e in edition.glossary} == {"person", "body", "term", "event"}


def test_people_who_share_a_surname_are_told_apart(edition):
    mentioned = mentions_by_entry(edition)
    blocks = {b.id: b.text for b in edition.chapter.blocks}
    (ivan,) = mentioned["ivan-smirnov"]
    (vladimir,) = mentioned["vladimir-smirnov"]
    assert "Ivan Smirnov, the victor over Kolchak" in blocks[ivan]
    assert "V. Smirnov, T. Sapronov" in blocks[vladimir]
    assert ivan != vladimir


def test_mentions_in_quotations_and_notes_count(edition):
    mentioned = mentions_by_entry(edition)
    quotations = {b.id for b in edition.chapter.blocks if b.kind == "quotation"}
    assert set(mentioned["second-international"]) & quotations
    assert "note-12" in mentioned["hatch"] and "note-15" in mentioned["hatch"]


def test_every_dated_fact_has_a_reference(edition):
    for e in edition.glossary:
        if e.born or e.died or e.date:
            assert e.references, e.id
        editors = {b.key: b for b in edition.editors_bibliography}
        pages = [editors[k] for k in e.references if editors[k].entry_type == "online"]
        assert all(p.fields.get("organization") for p in pages), e.id


def test_the_glossary_page_links_each_initial_and_keeps_entries_out_of_the_toc(built, edition):
    html = (built / "site" / "glossary.html").read_text("utf-8")
    bar = re.search(r'<nav class="gloss-letters"[^>]*>(.*?)</nav>', html).group(1)
    links = re.findall(r'<a href="#([a-z0-9-]+)">(.)</a>', bar)
    sort = {e.id: e.sort for e in edition.glossary}
    assert len(links) >= 15
    assert all(sort[ident].upper().startswith(letter) for ident, letter in links)
    assert sorted({s[:1].upper() for s in sort.values()}) == [letter for _, letter in links]
    assert all(f'<h2 id="{e.id}">' in html for e in edition.glossary)
    assert 'href="#stalin"' not in html.split("<article", 1)[0]  # not in the navigation
