import pytest
from conftest import edit

from edition.errors import EditionError
from edition.read.sources import read

HEADINGS = [
    "Unrest among industrial workers",
    "Trotsky’s reaction to workers’ unrest",
    "The Troika reacts",
    "Trotsky’s elaboration on the New Course",
    "Weaknesses in Trotsky’s New Course",
]


def test_an_untitled_opening_then_five_headed_sections(edition):
    sections = edition.chapter.sections
    assert sections[0].heading is None
    assert [s.heading for s in sections[1:]] == HEADINGS
    assert sections[1].slug == "unrest-among-industrial-workers"
    assert all(s.blocks for s in sections)


def test_blocks_are_numbered_continuously(edition):
    numbers = [b.n for b in edition.chapter.blocks]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len({b.id for b in edition.chapter.blocks}) == len(numbers)
    # no heading became a block
    assert not any(b.text in HEADINGS for b in edition.chapter.blocks)


def test_quotations_are_separate_blocks(edition):
    blocks = edition.chapter.blocks
    quotes = [b for b in blocks if b.kind == "quotation"]
    assert len(quotes) == 27
    carr = next(b for b in quotes if b.text.startswith("While the standard of living"))
    assert carr.text.endswith("[10]")
    # the two Forty Six passages stand next to each other and stay two blocks
    i = next(i for i, b in enumerate(blocks) if b.text.startswith("Members of the party"))
    assert blocks[i].kind == blocks[i + 1].kind == "quotation"
    assert blocks[i + 1].text.startswith("The fractional regime")
    shliapnikov = next(b for b in blocks if b.text.startswith("Significantly Shliapnikov"))
    assert shliapnikov.kind == "paragraph"


def test_unemployment_table_keeps_its_gaps(edition):
    table = next(b for b in edition.chapter.blocks if b.kind == "table")
    assert [row.cells for row in table.rows] == [
        ("January 1922", None),
        ("January 1923", None),
        ("January 1924", "1,240,000 [5]"),
    ]
    assert table.section == "unrest-among-industrial-workers"


def test_heading_not_in_the_text(project):
    edit(
        project / "sources" / "edition.yaml",
        "heading: The Troika reacts",
        "heading: The Troika responds",
    )
    with pytest.raises(EditionError, match=r"edition.yaml:\d+: heading 'The Troika responds' not found"):
        read(project)


def test_heading_found_twice(project):
    from conftest import unlock_received

    text = unlock_received(project)
    edit(text, "Society was sinking into a cesspool.", "The Troika reacts")
    with pytest.raises(EditionError, match="found more than once"):
        read(project)


def test_quotation_marker_that_points_to_no_block(project):
    edit(
        project / "sources" / "edition.yaml",
        '"It is unworthy of a Marxist"',
        '"It is unworthy of a Leninist"',
    )
    with pytest.raises(EditionError, match=r"edition.yaml:\d+: quotation marker .* points to no block"):
        read(project)


def test_quotation_marker_matching_two_blocks(project):
    edit(project / "sources" / "edition.yaml", '"It is unworthy of a Marxist"', '"It is"')
    with pytest.raises(EditionError, match="matches several blocks"):
        read(project)


def test_table_cells_must_match_the_received_blocks(project):
    edit(project / "sources" / "edition.yaml", "- [January 1923, null]", "- [January 1925, null]")
    with pytest.raises(EditionError, match="do not match the received blocks"):
        read(project)
