"""The romanization policy: the table against a real client's, and the build check on
every romanized field, failing with the file and line."""

import iuliia
import pytest

from edition.errors import EditionError
from edition.pipeline.load import load
from edition.read.romanization import outside, romanize
from edition.read.yamlfile import load_yaml
from tests.conftest import ROOT, edit, line_holding

TIE = "\u0361"


def lc(text: str) -> str:
    """iuliia's ALA-LC schema with the tie marks the edition does without. iuliia leaves
    ё as it is; the Library of Congress table gives ë."""
    return iuliia.ALA_LC.translate(text).replace(TIE, "").replace("ё", "ë").replace("Ё", "Ë")


WORDS = [
    "Заявление 46-ти",
    "Тринадцатый съезд РКП(б)",
    "Рабоче-крестьянская инспекция",
    "ВЦСПС",
    "НЭП",
    "нэпманы",
    "тройка",
    "Щука",
    "Трёхгорная мануфактура",
    "Центральная контрольная комиссия (ЦКК)",
    "Юрий, Яков, Жуков, Хлебников, Чичерин, Шаумян, Эйхе",
]


@pytest.mark.parametrize("word", WORDS)
def test_the_table_is_the_library_of_congress_table_without_tie_marks(word):
    assert romanize(word) == lc(word)


def test_every_russian_form_in_the_glossary_romanizes_as_the_client_does():
    forms = [
        item["russian"]
        for item in load_yaml(ROOT / "sources" / "glossary.yaml", top=list)
        if item.get("russian")
    ]
    assert len(forms) > 30
    for russian in forms:
        assert russian["transliteration"] == lc(russian["form"]), russian["form"]


def test_pre_reform_letters_and_the_final_hard_sign():
    assert romanize("Наши политическія задачи") == "Nashi politicheskīia zadachi"
    assert romanize("съѣздъ") == "sʺiezd"


@pytest.mark.parametrize(
    ("text", "char"),
    [
        ("Tsentral'nyi", "'"),
        ("s″ezd", "″"),
        ("t\u0361sentr", TIE),
        ("bolʹshevikov", None),
        ("Desiatyĭ sʺezd", None),
    ],
)
def test_characters_outside_the_policy(text, char):
    found = outside(text)
    assert (found[0] if found else None) == char


def test_a_transliteration_that_is_not_the_romanization_of_its_form_fails_naming_the_line(project):
    path = project / "sources" / "glossary.yaml"
    edit(path, "transliteration: troĭka", "transliteration: troika")
    line = line_holding(path, "transliteration: troika")
    with pytest.raises(EditionError) as error:
        load(project)
    assert f"glossary.yaml:{line}:" in str(error.value)
    assert "'troĭka'" in str(error.value)


def test_a_soft_sign_written_as_an_apostrophe_fails(project):
    path = project / "sources" / "glossary.yaml"
    edit(path, "transliteration: menʹsheviki", "transliteration: men'sheviki")
    with pytest.raises(
        EditionError, match=r"U\+0027 APOSTROPHE\) is outside the romanization policy; write ь as ʹ"
    ):
        load(project)


def test_a_double_prime_in_a_romanized_bibliography_title_fails_naming_the_field_line(project):
    path = project / "bibliography.bib"
    edit(path, "Trinadtsatyĭ sʺezd", "Trinadtsatyĭ s″ezd")
    line = line_holding(path, "s″ezd")
    with pytest.raises(EditionError) as error:
        load(project)
    assert f"bibliography.bib:{line}: entry rkp-13-sezd: title" in str(error.value)
    assert "U+2033" in str(error.value)


def test_a_tie_mark_in_an_editors_transliteration_fails(project):
    path = project / "sources" / "apparatus.yaml"
    edit(path, 'edited: "Desiatyĭ sʺezd"', 'edited: "Desiat\u0361yĭ sʺezd"')
    with pytest.raises(
        EditionError, match=r"apparatus.yaml:\d+: intervention 'note-40-romanization': edited"
    ):
        load(project)


def test_a_ukrainian_title_follows_the_table_for_ukrainian(project):
    path = project / "editors.bib"
    edit(path, "Kosior Volodymyr Vikentiĭovych", "Kosīor Volodimir Vīkentīĭovich")
    line = line_holding(path, "Kosīor")
    with pytest.raises(EditionError) as error:
        load(project)
    assert f"editors.bib:{line}: entry ukwp-kosior-volodimir-vikentiiovich: title" in str(error.value)
    assert "U+012B" in str(error.value) and "Ukrainian" in str(error.value)
