"""The editors' own bibliography: read apart from Cliff's, formatted by the same pandoc
run into a second list, and shown wherever a text relies on it by title and site."""

import re
from html import unescape

import pytest

from edition.build import load
from edition.errors import EditionError
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
    weak = next(e for e in edition.editors_bibliography if "weak" in e.fields.get("keywords", ""))
    assert re.search(rf'href="bibliography.html#ref-{weak.key}">[^<]*\(a weak source\)</a>', glossary + (
        built / "site" / "chronology.html").read_text("utf-8") + (built / "site" / "apparatus.html").read_text("utf-8"))


@pytest.mark.parametrize(
    ("path", "old", "new", "message"),
    [
        (
            "sources/glossary.yaml",
            "    - wp-grigory-zinoviev\n",
            "    - https://en.wikipedia.org/wiki/Grigory_Zinoviev\n",
            r"glossary.yaml:\d+: .*'https://en.wikipedia.org/wiki/Grigory_Zinoviev' is not the key of a "
            r"bibliography.bib or editors.bib entry \(a web page is cited by the key of its editors.bib "
            r"@online entry, which gives its title and site, never by its bare address\)",
        ),
        (
            "sources/commentary.yaml",
            "    - treccani-duranty\n",
            "    - http://156.54.191.165/enciclopedia/walter-duranty\n",
            r"commentary.yaml:\d+: .*'http://156.54.191.165/enciclopedia/walter-duranty' is not a block or note id",
        ),
        (
            "bibliography.bib",
            "  verified  = {mia-dobb}",
            "  verified  = {https://www.marxists.org/archive/deutscher/1948/dobb.htm}",
            r"bibliography.bib:\d+: entry dobb-soviet-economic: verified "
            r"'https://www.marxists.org/archive/deutscher/1948/dobb.htm' is a bare address; cite the key of an "
            r"editors.bib @online entry that gives the page's title and site",
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
