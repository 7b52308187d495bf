import pytest
from conftest import ROOT, edit

from edition.errors import EditionError
from edition.read.bibliography import read_bibliography
from edition.read.sources import read
from edition.resolve.references import resolve


def entry(edition, key):
    return next(e for e in edition.bibliography if e.key == key)


def test_no_failed_blocks_and_one_entry_per_work(edition):
    keys = [e.key for e in edition.bibliography]
    assert len(keys) == len(set(keys)) == 19


def test_every_entry_records_where_it_was_checked(edition):
    """By the keys of the editors' entries for the pages, each with its title or site."""
    editors = {e.key: e for e in edition.editors_bibliography}
    for e in edition.bibliography:
        checked = [v.strip() for v in e.fields.get("verified", "").split(";")]
        assert checked and all(v in editors for v in checked), e.key
        assert all(editors[v].fields.get("organization") for v in checked), e.key


def test_every_entry_is_cited_by_a_note(edition):
    cited = {c.key for n in edition.chapter.notes for c in n.citations}
    assert cited == {e.key for e in edition.bibliography}


def test_csl_for_a_volume_of_a_multivolume_work(edition):
    csl = entry(edition, "cliff-trotsky-2").csl
    assert csl["title"] == "Trotsky"
    assert csl["volume-title"] == "The Sword of the Revolution, 1917–1923"
    assert csl["volume"] == "2"
    assert csl["author"] == [{"family": "Cliff", "given": "Tony"}]


def test_csl_for_a_russian_title_carries_its_translation(edition):
    csl = entry(edition, "rkp-10-sezd").csl
    assert csl["language"] == "ru"
    assert csl["title"].endswith("[Tenth Congress of the Russian Communist Party: Stenographic Report]")


def test_csl_types(edition):
    assert entry(edition, "hatch-labor").csl["type"] == "thesis"
    assert entry(edition, "hatch-labor").csl["publisher"] == "University of California, Irvine"
    assert entry(edition, "pravda-1924-01-19").csl["type"] == "article-newspaper"
    assert entry(edition, "pravda-1924-01-19").csl["issued"] == {"date-parts": [[1924, 1, 19]]}
    assert entry(edition, "trotsky-newcourse").csl["type"] == "chapter"


def test_malformed_bibtex_names_the_line(project):
    path = project / "bibliography.bib"
    edit(path, "  year      = {1948},\n", "  year      = {1948,\n")
    with pytest.raises(EditionError, match=r"bibliography.bib:\d+: cannot parse entry"):
        read_bibliography(path)


def test_duplicate_key_is_an_error(project):
    path = project / "bibliography.bib"
    path.write_text(path.read_text("utf-8") + "\n@book{dobb-soviet-economic, title={X}}\n", "utf-8")
    with pytest.raises(EditionError, match="Duplicate entry key"):
        read_bibliography(path)


def test_an_entry_no_note_cites(project):
    path = project / "bibliography.bib"
    unused = "\n@book{unused-work, author={Doe, Jane}, title={Unused}, year={2000}}\n"
    path.write_text(path.read_text("utf-8") + unused, "utf-8")
    with pytest.raises(EditionError, match=r"bibliography.bib:\d+: entry unused-work is cited by no note"):
        resolve(read(project), path)


def test_bib_file_in_the_repo_parses():
    assert len(read_bibliography(ROOT / "bibliography.bib")) == 19
