import textwrap

import pytest

from edition.errors import EditionError
from edition.pipeline.load import load
from edition.resolve.commentary import letter


def test_letters_never_collide_with_numbers():
    assert [letter(i) for i in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "ab"]


def test_comments_are_lettered_in_reading_order(edition):
    places = edition.chapter.places()
    positions = [(places.index(c.place), c.position) for c in edition.commentary]
    assert positions == sorted(positions)
    assert [c.letter for c in edition.commentary][:3] == ["a", "b", "c"]
    plenum = next(c for c in edition.commentary if c.id == "trotsky-at-the-plenum")
    assert plenum.place == "p49" and plenum.evidence


def test_a_comment_anchor_not_in_the_text(project):
    (project / "sources" / "commentary.yaml").write_text(
        textwrap.dedent("""\
        - id: nowhere
          at: p49
          after: "Trotsky was kept at home"
          text: Nothing.
        """),
        "utf-8",
    )
    with pytest.raises(
        EditionError, match=r"commentary.yaml:1: comment 'nowhere': 'Trotsky was kept at home' is not found"
    ):
        load(project)
