"""The editors' own bibliography: read apart from Cliff's, formatted by the same pandoc
run into a second list, and shown wherever a text relies on it by title and site."""

import re
from html import unescape

import pytest

from edition.errors import EditionError
from edition.pipeline.load import load
from tests.conftest import edit


def text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_the_editors_works_are_a_second_list_formatted_by_citeproc(built, edition):
    page = (built / "site" / "bibliography.html").read_text("utf-8")
    heading = page.index('id="works-cited-by-the-editors">')
    cliff, editors = page[:heading], page[heading:]
    keys = {e.key for e in edition.editors_bibliography}
    assert len(keys) >= 8
    for key in keys:
        assert f'id="ref-{key}"' in editors and f'id="ref-{key}"' not in cliff
    for entry in edition.bibliography:
        assert f'id="ref-{entry.key}"' in cliff
    entries = re.findall(r'<p class="csl">(.*?)</p>', editors)
    assert len(entries) == len(keys)
    assert any(
        text(e).startswith(
            "Deutscher, Isaac. The Prophet Unarmed: Trotsky, 1921–1929. Oxford University Press, 1959"
        )
        for e in entries
    )
    assert any("The Spectator, November 22, 1935, 34." in text(e) for e in entries)  # Chicago, by citeproc


def test_evidence_names_a_web_page_by_its_title_and_site_not_its_host(built):
    page = (built / "site" / "apparatus.html").read_text("utf-8")
    entry = page[page.index('id="comment-a"') :]
    entry = text(entry[: entry.index("</li>")])
    duranty = page[page.index("The journalist is Walter Duranty") :]
    duranty = duranty[: duranty.index("</li>")]
    assert "Duranty, Walter, Enciclopedia Italiana" in text(duranty)
    assert "U.S.S.R., The Spectator" in text(duranty)
    assert "156.54.191.165" not in text(duranty) and "piglix" not in duranty
    assert 'href="bibliography.html#ref-treccani-duranty"' in duranty
    assert entry


def test_an_editors_entry_must_be_marked_editorial(project):
    edit(project / "editors.bib", "  keywords  = {editorial},\n", "", 1)
    with pytest.raises(
        EditionError, match=r"editors.bib:\d+: entry deutscher-unarmed: keywords must include"
    ):
        load(project)


def test_an_editors_key_may_not_repeat_one_of_cliffs(project):
    edit(project / "editors.bib", "@book{deutscher-unarmed,", "@book{dobb-soviet-economic,")
    with pytest.raises(
        EditionError, match=r"editors.bib:\d+: entry dobb-soviet-economic is also in bibliography"
    ):
        load(project)


def test_an_unknown_key_in_evidence_fails(project):
    edit(project / "sources" / "commentary.yaml", "    - treccani-duranty\n", "    - treccani-durant\n")
    with pytest.raises(EditionError, match=r"commentary.yaml:\d+: comment 'american-journalist': evidence"):
        load(project)


def test_no_page_shows_evidence_by_a_bare_host(built, edition):
    """Every evidence link on the registers, the apparatus and the bibliography goes to an
    entry of the bibliography, named by its title and site (or its site, until its title
    has been read), and a weak source says so."""
    hosts = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?$|^\d+(?:\.\d+){3}(?::\d+)?$")
    for name in ("glossary.html", "chronology.html", "apparatus.html", "bibliography.html"):
        page = (built / "site" / name).read_text("utf-8")
        assert 'rel="nofollow"' not in page, name
        for href, label in re.findall(r'<a href="(https?://[^"]+)"[^>]*>(.*?)</a>', page):
            assert not hosts.match(text(label)), (name, href, label)
    glossary = (built / "site" / "glossary.html").read_text("utf-8")
    weak = {e.key for e in edition.editors_bibliography if "weak" in e.fields.get("keywords", "")}
    marked = re.findall(r'href="bibliography.html#ref-([a-z0-9-]+)">[^<]*\(a weak source\)</a>', glossary)
    cited = set(re.findall(r'href="bibliography.html#ref-([a-z0-9-]+)"', glossary))
    assert marked and set(marked) == weak & cited


@pytest.mark.parametrize(
    ("path", "old", "new", "message"),
    [
        (
            "sources/glossary.yaml",
            "    - wp-grigory-zinoviev\n",
            "    - https://en.wikipedia.org/wiki/Grigory_Zinoviev\n",
            r"glossary.yaml:\d+: entry 'zinoviev': 'https://en.wikipedia.org/wiki/Grigory_Zinoviev' is a "
            r"bare address; cite the key of an editors.bib @online entry that gives the page's title and "
            r"site",
        ),
        (
            "sources/commentary.yaml",
            "    - treccani-duranty\n",
            "    - http://156.54.191.165/enciclopedia/walter-duranty\n",
            r"commentary.yaml:\d+: comment 'american-journalist': 'http://156.54.191.165/enciclopedia/"
            r"walter-duranty' is a bare address",
        ),
        (
            "bibliography.bib",
            "  verified  = {mia-dobb}",
            "  verified  = {https://www.marxists.org/archive/deutscher/1948/dobb.htm}",
            r"bibliography.bib:\d+: entry dobb-soviet-economic: verified "
            r"'https://www.marxists.org/archive/deutscher/1948/dobb.htm' is a bare address; cite the key of "
            r"an editors.bib @online entry that gives the page's title and site",
        ),
        (
            "editors.bib",
            "  title     = {Duranty, Walter},\n",
            "",
            r"editors.bib:\d+: entry treccani-duranty: a web page needs its 'title' as the page gives it",
        ),
        (
            "editors.bib",
            "  organization = {Enciclopedia Italiana},\n",
            "",
            r"editors.bib:\d+: entry treccani-duranty: a web page needs its 'organization'",
        ),
    ],
)
def test_evidence_without_title_and_site_fails_in_one_line(project, path, old, new, message):
    edit(project / path, old, new)
    with pytest.raises(EditionError, match=message) as caught:
        load(project)
    assert "\n" not in str(caught.value)


def test_a_released_snapshot_keeps_the_addresses_it_was_released_with(project):
    """Release 1.0 cited pages by address; it is rebuilt as released, so only a working
    version must cite by key."""
    address = "    - https://en.wikipedia.org/wiki/Grigory_Zinoviev\n"
    edit(project / "sources/glossary.yaml", "    - wp-grigory-zinoviev\n", address)
    entry = next(e for e in load(project, released=True).glossary if e.id == "zinoviev")
    assert "https://en.wikipedia.org/wiki/Grigory_Zinoviev" in entry.references
    with pytest.raises(EditionError, match="is a bare address"):
        load(project)


def test_a_title_in_another_language_keeps_its_own_case(built, edition):
    """citeproc title-cases English titles only: an entry's `langid` tells it the title's
    language, so a German or Ukrainian title is printed with the capitals it has."""
    page = (built / "site" / "bibliography.html").read_text("utf-8")
    foreign = [
        e
        for e in edition.editors_bibliography
        if e.fields.get("langid", "english") not in ("english", "british", "american") and "title" in e.fields
    ]
    assert {e.fields["langid"] for e in foreign} >= {"german", "ukrainian", "russian"}
    for entry in foreign:
        block = page[page.index(f'id="ref-{entry.key}"') :]
        shown = text(block[: block.index("</p>")])
        for word in re.findall(r"[^\W\d_]{2,}", re.sub(r"[{}]", "", entry.fields["title"])):
            assert word in shown, (entry.key, word, shown)
