"""One classifier says what each reference and piece of evidence names; the checks, the
pages and the TEI all read it from there."""

from __future__ import annotations

import pytest
from conftest import ROOT

from edition.pipeline.load import load
from edition.render.evidence import evidence_links, reference_links
from edition.render.tei.xml import pointer
from edition.resolve.evidence import EDITORS, PAGE, PLACE, UNKNOWN, WORK, Classifier


@pytest.fixture(scope="module")
def edition():
    return load(ROOT)


def test_each_kind_of_item_is_told_apart(edition):
    classify = Classifier(edition)
    work, page = edition.bibliography[0], next(e for e in edition.editors_bibliography if e.fields.get("url"))
    block, note = edition.chapter.blocks[0], edition.chapter.notes[0]
    assert (classify(work.key).kind, classify(work.key).entry) == (WORK, work)
    assert (classify(page.key).kind, classify(page.key).entry) == (EDITORS, page)
    assert classify(block.id).kind == classify(note.id).kind == PLACE
    found = classify(page.fields["url"])  # a released snapshot's bare address
    assert (found.kind, found.entry) == (PAGE, page)
    assert classify("https://example.org/elsewhere").entry is None
    assert classify("no-such-thing").kind == UNKNOWN


def test_the_tei_points_where_the_kind_says(edition):
    classify = Classifier(edition)
    work, block = edition.bibliography[0], edition.chapter.blocks[0]
    assert pointer(classify(work.key)) == f"#bib-{work.key}"
    assert pointer(classify(block.id)) == f"#{block.id}"
    assert pointer(classify("https://example.org/x")) == "https://example.org/x"


def test_the_pages_name_each_kind_as_readers_read_it(edition):
    page = next(e for e in edition.editors_bibliography if e.fields.get("title") and e.fields.get("url"))
    block = edition.chapter.blocks[11]
    links = evidence_links(edition, (page.key, block.id, edition.bibliography[0].key))
    assert f"¶{block.number}</a>" in links and "<cite>" in links
    assert f'href="bibliography.html#ref-{page.key}"' in links
    # a released snapshot's address of a page the editors' bibliography holds is named by it
    assert reference_links(edition, [page.fields["url"]]) == reference_links(edition, [page.key])


def test_evidence_is_shown_in_the_order_the_editors_give_it(edition):
    page = next(e for e in edition.editors_bibliography if e.fields.get("title") and e.fields.get("url"))
    block, work = edition.chapter.blocks[11], edition.bibliography[0]
    links = evidence_links(edition, (page.key, block.id, work.key)).split(" · ")
    assert f"#ref-{page.key}" in links[0] and f"¶{block.number}" in links[1] and "<cite>" in links[2]
