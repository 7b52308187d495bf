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
