from edition.check.links import check_links


def write(path, html):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body>{html}</body></html>", "utf-8")


def test_good_links_pass(tmp_path):
    write(
        tmp_path / "a.html",
        '<p id="x"></p><a href="b.html#y">b</a><a href="#x">x</a><a href="https://example.org/">out</a>',
    )
    write(tmp_path / "b.html", '<p id="y"></p><a href="/repo/a.html#x">root-relative</a>')
    assert check_links(tmp_path, "/repo/") == []


def test_missing_file_and_anchor(tmp_path):
    write(tmp_path / "a.html", '<a href="c.html">c</a><a href="#nowhere">n</a>')
    problems = check_links(tmp_path)
    assert problems == ["a.html: link to missing c.html", "a.html: link to missing anchor #nowhere"]


def test_third_party_resource_is_reported(tmp_path):
    write(tmp_path / "a.html", '<script src="https://cdn.example.org/x.js"></script>')
    assert check_links(tmp_path) == ["a.html: <script> loads https://cdn.example.org/x.js from another host"]


def test_the_same_link_is_read_on_every_page_where_it_stands(tmp_path):
    """A link worked out once is still judged from each page's own folder, and a
    link with no path against each page itself."""
    same = '<a href="b.html#y">b</a><a href="#own">own</a>'
    write(tmp_path / "a.html", '<p id="own"></p>' + same)
    write(tmp_path / "c.html", same)
    write(tmp_path / "b.html", '<p id="y"></p>')
    write(tmp_path / "sub" / "d.html", '<p id="own"></p>' + same)
    write(tmp_path / "sub" / "e.html", '<p id="own"></p>' + same)
    assert check_links(tmp_path) == [
        "c.html: link to missing anchor #own",
        "sub/d.html: link to missing b.html#y",
        "sub/e.html: link to missing b.html#y",
    ]
