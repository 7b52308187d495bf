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
