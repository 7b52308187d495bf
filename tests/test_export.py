"""`edition export`: the zip for file://, the single file, the EPUB; no outside request."""

import os
import re
import zipfile
from html.parser import HTMLParser

NAME = "the-new-course-controversy"
# the search index as a script, for file://, where each engine writes it
OFFLINE_INDEX = {"mkdocs": "search/search_index.js", "zensical": "search.js"}[
    os.environ.get("EDITION_ENGINE") or "mkdocs"
]


class Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.scripts, self.loads = set(), [], 0, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "script":
            self.scripts += 1
        if tag in ("img", "link", "script", "iframe") and (a.get("src") or a.get("href")):
            self.loads.append(a.get("src") or a.get("href"))


def test_dist_holds_the_five_exports(exported):
    names = sorted(p.name for p in (exported / "dist").iterdir())
    assert names == [f"{NAME}-site.zip", f"{NAME}.epub", f"{NAME}.html", f"{NAME}.pdf", f"{NAME}.tei.xml"]


def test_the_zip_is_the_site_for_file_urls(exported):
    with zipfile.ZipFile(exported / "dist" / f"{NAME}-site.zip") as archive:
        names = set(archive.namelist())
        index = archive.read(f"{NAME}/index.html").decode("utf-8")
    assert f"{NAME}/{OFFLINE_INDEX}" in names  # search without a server
    assert f"{NAME}/assets/javascripts/iframe-worker/shim.js" in names
    assert f"{NAME}/p/12.html" in names and f"{NAME}/unrest-among-industrial-workers.html" in names
    assert re.search(r'src="(\./)?assets/javascripts/iframe-worker/shim\.js"', index)  # Zensical writes ./
    assert not re.search(r'(src|href)="(https?:)?//[^"]*\.(js|css)"', index)


def test_the_single_file_is_whole_and_self_contained(exported, edition):
    html = (exported / "dist" / f"{NAME}.html").read_text("utf-8")
    page = Anchors()
    page.feed(html)
    assert page.scripts == 0 and page.loads == []  # styles inline, nothing to fetch, no script
    for block in edition.chapter.blocks:
        assert block.id in page.ids
    for note in edition.chapter.notes:
        assert f"note-{note.number}" in page.ids and f"call-{note.number}" in page.ids
    for entry in edition.glossary:
        assert entry.id in page.ids
    for item in edition.apparatus:
        assert f"app-{item.id}" in page.ids
    for comment in edition.commentary:
        assert f"ed-{comment.letter}" in page.ids
    internal = [h[1:] for h in page.hrefs if h.startswith("#")]
    assert internal and all(target in page.ids for target in internal)
    assert not [h for h in page.hrefs if not h.startswith(("#", "http://", "https://"))]
    assert "‘might again" in html and "‘night again" in html  # reading text, and the apparatus


def test_the_site_lists_the_downloads_with_their_sizes(exported):
    """The TEI document is among the data (tests/test_tei.py), the rest are downloads."""
    page = (exported / "site" / "downloads.html").read_text("utf-8")
    for path in (exported / "dist").iterdir():
        if path.name.endswith(".tei.xml"):
            continue
        assert f'href="downloads/{path.name}"' in page
        assert f"{path.stat().st_size:,} bytes" in page
        assert (exported / "site" / "downloads" / path.name).read_bytes() == path.read_bytes()
