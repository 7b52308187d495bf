from pathlib import Path

import pytest

from edition.errors import EditionError
from edition.model import Citation, Note
from edition.resolve.citations import Resolver, words


def cites(edition, number):
    note = next(n for n in edition.chapter.notes if n.number == number)
    return [(c.key, c.locator, c.role) for c in note.citations]


def test_every_note_resolves(edition):
    assert all(n.citations for n in edition.chapter.notes)


@pytest.mark.parametrize(
    "number, expected",
    [
        (1, [("trotsky-mylife", "482", "cited")]),  # short title
        (4, [("dobb-soviet-economic", "42", "cited")]),  # initials, full title, place and year
        (5, [("dobb-soviet-economic", "46-7", "cited")]),  # Ibid. with a new locator
        (6, [("dobb-soviet-economic", "93", "cited")]),  # a chain of Ibid.
        (7, [("carr-interregnum", "75", "cited")]),  # "hereafter referred to as"
        (18, [("carr-interregnum", "368-70", "cited")]),  # the short form it declared
        (15, [("hatch-labor", "220-1", "cited")]),  # author alone, "pp 220-1"
        (13, [("hatch-labor", "109-110", "cited")]),  # Ibid. after a thesis
        (14, [("sorin-rabochaia", "97-112", "cited")]),  # a misspelt author, via citedasauthor
        (2, [("cliff-trotsky-2", "263-9", "see")]),  # "See", a volume
        (43, [("trotsky-nashi", "105", "cited"), ("cliff-trotsky-1", "63", "quoted-in")]),
        (42, [("pravda-1924-01-19", None, "cited"), ("carr-interregnum", "125", "quoted-in")]),
        (38, [("izvestiia-tsk-1923-06", None, "cited")]),  # a periodical issue with no page
        (22, [("kpss-rez-1", "767-8", "cited")]),  # volume after place and year
        (24, [("trotsky-newcourse", "67", "cited")]),  # a work inside a collection
        (26, [("trotsky-challenge", "123-4", "cited")]),
        (30, [("trotsky-challenge", "92", "cited")]),  # "Ibid.." keeps the locator
        (37, [("trotsky-challenge", "80-1, 86", "cited")]),  # a locator with two ranges
        (20, [("trotsky-stalin", "381", "cited")]),  # "London 1947 p.381", no comma
    ],
)
def test_resolution_rules(edition, number, expected):
    assert cites(edition, number) == expected


def test_words_ignore_diacritics_and_transliterated_signs():
    assert words("Dvenadtsatyĭ s″ezd RKP(b)") == ("dvenadtsatyi", "sezd", "rkp", "b")


def test_unresolvable_citation_names_the_note(edition):
    note = Note(99, "Smith, A History of Nothing, Oxford 1950, p.3.", 12)
    with pytest.raises(EditionError, match=r"x.txt:12: note 99: cannot resolve"):
        Resolver(edition.bibliography).resolve((note,), Path("x.txt"))


def test_author_alone_is_ambiguous_when_the_author_has_several_works(edition):
    note = Note(1, "Trotsky, p.5.", 3)
    with pytest.raises(EditionError, match="note 1: cannot resolve|ambiguous"):
        Resolver(edition.bibliography).resolve((note,), Path("x.txt"))


def test_ibid_with_nothing_before_it(edition):
    with pytest.raises(EditionError, match="'Ibid.' with nothing before it"):
        Resolver(edition.bibliography).resolve((Note(1, "Ibid., p.4.", 2),), Path("x.txt"))


def test_short_form_from_hereafter_resolves_later_notes(edition):
    resolver = Resolver(edition.bibliography)
    declared = Note(
        1,
        "KPSS v rezoliutsiiakh i resheniiakh sezdov, konferentsii i plenumov "
        "TsK, hereafter referred to as KPSS v rez., Moscow 1953, Vol.1, pp.767-8.",
        1,
    )
    later = Note(2, "KPSS v rez., Vol.1, p.5.", 2)
    notes = resolver.resolve((declared, later), Path("x.txt"))
    assert notes[1].citations == (Citation("kpss-rez-1", "5", "cited", title=(0, 10)),)
    assert later.text[0:10] == "KPSS v rez"


def test_every_citation_knows_where_its_title_stands_and_no_title_links_a_person(edition):
    """Over all 43 notes: a citation that names its work has the span of that title in the
    note, whose words are a title or short form of the entry; Ibid. and an author alone
    have none; and no person's mention lies inside a title."""
    from edition.read.bibliography import list_field, plain
    from edition.resolve.citations import words

    persons = {e.id for e in edition.glossary if e.type == "person"}
    entries = {e.key: e for e in edition.bibliography}
    assert len(edition.chapter.notes) == 43
    spans = 0
    for note in edition.chapter.notes:
        for citation in note.citations:
            if citation.title is None:
                continue
            spans += 1
            start, end = citation.title
            entry = entries[citation.key]
            fields = ("title", "shorttitle", "shorthand", "journaltitle")
            forms = [plain(entry.fields.get(f, "")) for f in fields]
            forms = {words(f) for f in forms if f} | {words(f) for f in list_field(entry, "citedas")}
            assert words(note.text[start:end]) in forms or any(
                words(note.text[start:end]) == f[: len(words(note.text[start:end]))] for f in forms
            ), (note.number, note.text[start:end])
            for mention in note.mentions:
                inside = start <= mention.start and mention.end <= end
                assert not (inside and mention.entry in persons), (note.number, mention)
    assert spans == 26


def test_a_person_named_in_a_title_is_the_work_and_the_author_is_the_person(edition):
    notes = {n.number: n for n in edition.chapter.notes}
    linked = {n: [(notes[n].text[m.start : m.end], m.entry) for m in notes[n].mentions] for n in notes}
    assert linked[20] == [("Trotsky", "trotsky")]  # "Trotsky, Stalin": the book, not Stalin
    assert ("Trotsky", "trotsky") not in linked[2]  # "Cliff, Trotsky, Vol.2": Cliff's book
    assert ("Cliff", "cliff") in linked[2]
    assert ("L. Trotsky", "trotsky") in linked[43] and ("Trotsky", "trotsky") not in linked[43]
    note = notes[20]
    title = note.citations[0].title
    assert note.text[title[0] : title[1]] == "Stalin"
    assert notes[3].text[slice(*notes[3].citations[0].title)] == "Dvenadtsatii sezd RKP(b)"
