"""Chicago notes-bibliography through pandoc's citeproc, on the real entries."""

import pytest

from edition.format import citeproc
from edition.model import Citation
from edition.pipeline.build import format_edition
from edition.read.sources import Paths


@pytest.fixture(scope="module")
def formatted(edition, tmp_path_factory):
    return format_edition(edition, Paths(tmp_path_factory.mktemp("fmt")))


def note(formatted, number, index=0):
    return formatted.notes[citeproc.request_id(number, index)]


def test_full_names_and_the_locator(formatted):
    assert note(formatted, 4) == (
        "Maurice Dobb, <em>Soviet Economic Development Since 1917</em> "
        "(London: Routledge and Kegan Paul, 1948), 42."
    )


def test_repeated_citations_keep_their_full_form(formatted):
    # Chicago would print "Ibid." for note 5; every note here shows the full reference
    assert note(formatted, 5).startswith("Maurice Dobb, <em>Soviet Economic")
    assert note(formatted, 5).endswith("46–47.")


def test_volume_and_see(formatted):
    assert note(formatted, 2) == (
        "See Tony Cliff, <em>Trotsky</em>, vol. 2, <em>The Sword of the Revolution, 1917–1923</em> "
        "(London: Bookmarks, 1990), 263–69."
    )


def test_punctuation_inside_quotation_marks(formatted):
    assert "“The New Course,” in <em>The Challenge" in note(formatted, 24)


def test_quoted_in(formatted):
    assert note(formatted, 42, 0) == "<em>Pravda</em>, January 19, 1924."
    assert note(formatted, 42, 1).startswith("Quoted in Edward Hallett Carr,")
    assert note(formatted, 42, 1).endswith("(Macmillan, 1954), 125.")


def test_thesis_keeps_its_school(formatted):
    assert "(PhD diss., University of California, Irvine" in note(formatted, 12)


def test_bibliography_is_sorted_and_has_no_locators(formatted, edition):
    keys = [key for key, _ in formatted.bibliography]
    assert sorted(keys) == sorted(e.key for e in edition.bibliography)
    assert keys.index("carr-interregnum") < keys.index("cliff-trotsky-1") < keys.index("dobb-soviet-economic")
    dobb = dict(formatted.bibliography)["dobb-soviet-economic"]
    assert dobb == (
        "Dobb, Maurice. <em>Soviet Economic Development Since 1917</em>. "
        "London: Routledge and Kegan Paul, 1948."
    )


def test_output_is_cached_on_its_inputs(edition, tmp_path, monkeypatch):
    requests = {"1.0": Citation("dobb-soviet-economic", "42", "cited")}
    first = citeproc.format_citations(edition.bibliography, requests, tmp_path)
    assert len(list(tmp_path.glob("*.json"))) == 1

    def no_pandoc(*args, **kwargs):
        raise AssertionError("pandoc ran although the cache holds the answer")

    monkeypatch.setattr(citeproc.subprocess, "run", no_pandoc)
    assert citeproc.format_citations(edition.bibliography, requests, tmp_path) == first
    changed = {"1.0": Citation("dobb-soviet-economic", "43", "cited")}
    with pytest.raises(AssertionError, match="pandoc ran"):
        citeproc.format_citations(edition.bibliography, changed, tmp_path)
