from pathlib import Path

from edition.check.fidelity import Words, compare, reader_words


def page(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><body><nav>Menu</nav><article>{body}</article><footer>Next</footer></body></html>",
        "utf-8",
    )
    return path


def words(text: str) -> Words:
    out = Words()
    for i, w in enumerate(text.split(), 1):
        out.add([w], f"x.txt:{i}")
    return out


def test_reader_words_skip_editorial_additions_and_follow_streams(tmp_path):
    html = (
        '<h1 data-stream="front">Title<a class="headerlink">#</a></h1>'
        '<p><a data-ed="">12</a>Body text</p><ol data-stream="notes"><li>1. Note'
        '<ul data-ed=""><li>Formatted reference</li></ul></li></ol>'
        '<p data-stream="colophon">Closing</p><p>more body</p>'
    )
    got = reader_words([page(tmp_path, html)]).texts
    assert got == ["Title", "Body", "text", "more", "body", "1", "Note", "Closing"]


def test_a_missing_word_is_named_with_its_line():
    problems = compare(words("one two three four"), words("one two four"))
    assert problems == ["missing word(s) 'three' from x.txt:3 (reader text near x.txt:3)"]


def test_an_added_word_is_reported():
    problems = compare(words("one two"), words("one extra two"))
    assert len(problems) == 1 and "'extra'" in problems[0]


def test_faithful_text_has_no_problems():
    assert compare(words("a b c"), words("a b c")) == []


def test_each_view_reads_its_own_reading(tmp_path):
    html = (
        '<p>Russia <span class="app"><span data-reading="edited">might</span>'
        '<span data-reading="received">night</span></span> again</p>'
    )
    path = page(tmp_path, html)
    assert reader_words([path], "received").texts == ["Russia", "night", "again"]
    assert reader_words([path], "reading").texts == ["Russia", "might", "again"]
