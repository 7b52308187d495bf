import pytest
from conftest import edit, unlock_received

from edition.errors import EditionError
from edition.read.sources import read


def test_forty_three_notes_each_called_once(edition):
    notes = edition.chapter.notes
    assert [n.number for n in notes] == list(range(1, 44))
    blocks = {b.id: b for b in edition.chapter.blocks}
    for note in notes:
        assert f"[{note.number}]" in blocks[note.paragraph].text


def test_note_text_is_verbatim(edition):
    notes = {n.number: n for n in edition.chapter.notes}
    assert notes[30].text == "Ibid.."
    assert notes[15].text == "Hatch, pp 220-1."
    assert notes[1].text == "Trotsky, My Life, p.482."


def test_notes_in_a_table_cell_and_a_quotation_are_found(edition):
    notes = {n.number: n for n in edition.chapter.notes}
    blocks = {b.id: b for b in edition.chapter.blocks}
    assert blocks[notes[5].paragraph].kind == "table"
    assert blocks[notes[10].paragraph].kind == "quotation"


def test_call_with_no_note(project):
    text = unlock_received(project)
    edit(text, "Society was sinking into a cesspool.", "Society was sinking into a cesspool. [44]")
    with pytest.raises(
        EditionError, match=r"000_8d2340140f951e67.txt:\d+: note call \[44\] in ¶\d+ has no note"
    ):
        read(project)


def test_note_never_called(project):
    text = unlock_received(project)
    edit(
        text,
        "taxpayer. But this adaptation has as its fundamental aim to raise, consolidate, and "
        "develop state industry as the keystone of the dictatorship of the proletariat and the "
        "basis of socialism. [32]",
        "taxpayer. But this adaptation has as its fundamental aim "
        "to raise, consolidate, and develop state industry as the keystone of the dictatorship "
        "of the proletariat and the basis of socialism.",
    )
    with pytest.raises(EditionError, match=r"txt:\d+: note 32 is never called"):
        read(project)


def test_note_called_twice(project):
    text = unlock_received(project)
    edit(text, "Society was sinking into a cesspool.", "Society was sinking into a cesspool. [3]")
    with pytest.raises(EditionError, match="note 3 is called twice"):
        read(project)


def test_gap_in_note_numbers(project):
    text = unlock_received(project)
    edit(text, "\n17. Ibid., p.58.", "\n18. Ibid., p.58.")
    with pytest.raises(EditionError, match="expected note 17"):
        read(project)
