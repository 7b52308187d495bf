"""House style of the editors' prose: checked in the read stage, titles rendered as
italics in the HTML and as TEI titles, never as raw markup."""

import re

import pytest

from edition.errors import EditionError
from edition.pipeline.load import load
from edition.read.housestyle import problems
from edition.render.prose import prose_html, prose_parts, prose_plain
from tests.conftest import edit, line_holding


def test_titles_are_cited_and_everything_else_escaped():
    html = prose_html("In *The New Course* <b>Trotsky</b> wrote “a & b”")
    assert html == "In <cite>The New Course</cite> &lt;b&gt;Trotsky&lt;/b&gt; wrote “a &amp; b”"
    assert prose_plain("*Pravda*’s columns") == "Pravda’s columns"
    assert prose_parts("a *T* b") == [("a ", False), ("T", True), (" b", False)]


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("Lenin's letter", "'"),
        ('the "New Course"', '"'),
        ("on November 7, 1923 he wrote", "November 7, 1923"),
        ("dated 7/11/1923", "7/11/1923"),
        ("in *The New Course it", "*"),
        ("Lenin’s ‘bomb’ on 7 November 1923 in *Pravda*", None),
    ],
)
def test_the_rules(text, bad):
    found = problems(text)
    assert (found[0][0] if found else None) == bad


def test_a_straight_apostrophe_in_a_description_fails_naming_its_line(project):
    path = project / "sources" / "glossary.yaml"
    edit(path, "Lidia Aleksandrovna Fotieva joined", "Lidia Aleksandrovna Fotieva's joining")
    line = line_holding(path, "Fotieva's")
    with pytest.raises(EditionError, match=rf"glossary.yaml:{line}: 'fotieva', description: \"'\""):
        load(project)


def test_a_month_first_date_in_an_editors_note_fails(project):
    path = project / "sources" / "commentary.yaml"
    edit(path, "dated 23 October 1923", "dated October 23, 1923")
    with pytest.raises(
        EditionError, match=r"commentary.yaml:\d+: 'letter-of-23-october', text: 'October 23, 1923'"
    ):
        load(project)


def test_the_sources_follow_the_house_style_and_titles_render_as_italics(built):
    glossary = (built / "site" / "glossary.html").read_text("utf-8")
    article = glossary[glossary.index("<article") :]
    assert "<cite>The New Course</cite>" in article and "<cite>Pravda</cite>" in article
    assert not re.search(r"\*[A-Z][^*<]{2,40}\*", article)  # no raw markup reaches a reader
    tei = (built / "site" / "data" / "the-new-course-controversy.tei.xml").read_text("utf-8")
    assert "<title>The New Course</title>" in tei and "*The New Course*" not in tei
