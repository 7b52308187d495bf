from pathlib import Path

import pytest

from edition.errors import EditionError
from edition.read.chapter import raw_blocks, split_parts


def test_raw_blocks_keep_first_line_numbers():
    blocks = raw_blocks("a\n\n\nb\nc\n\nd")
    assert [(b.text, b.line) for b in blocks] == [("a", 1), ("b\nc", 4), ("d", 7)]


def test_parts_of_the_received_file(edition):
    from conftest import ROOT

    text = (ROOT / "sources" / "000_8d2340140f951e67.txt").read_text("utf-8")
    parts = split_parts(
        raw_blocks(text),
        [
            "Tony Cliff",
            "Trotsky: Fighting the rising Stalinist bureaucracy",
            "1. The New Course Controversy",
        ],
        "Last updated on 31 July 2009",
        Path("x.txt"),
    )
    assert len(parts.front) == 3
    assert len(parts.notes) == 43
    assert parts.notes[0].text.startswith("1. Trotsky, My Life")
    assert parts.body[0].text.startswith("THE TROIKA")
    assert parts.colophon.line == 327


def test_missing_colophon_is_an_error():
    blocks = raw_blocks("A\n\nbody\n\n1. note")
    with pytest.raises(EditionError, match="closing line"):
        split_parts(blocks, ["A"], "Last updated", Path("x.txt"))
