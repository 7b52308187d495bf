"""Releases: two releases with an emendation in ¶12 between them, in a throw-away git
repository, each readable unchanged at v/X.Y/, the changelog worked out from the data."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_inputs, edit

CFFCONVERT = ROOT / "build" / "tools" / "cffconvert" / "bin" / "cffconvert"
EMENDATION = """
- id: test-p12
  at: p12
  received: "One ploy which was resorted to"
  edited: "One ploy resorted to"
  type: typo
  note: A test emendation, made between two releases.
  evidence: [p12]
"""


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "edition.cli", "--root", str(root), *args], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def without_releases(root: Path) -> None:
    shutil.rmtree(root / "releases", ignore_errors=True)
    (root / "sources" / "releases.yaml").unlink(missing_ok=True)


@pytest.fixture(scope="module")
def two_releases(tmp_path_factory) -> Path:
    root = copy_inputs(tmp_path_factory.mktemp("releases"))
    without_releases(root)
    yaml_path = root / "sources" / "edition.yaml"  # the demonstration starts from a first release
    first = re.sub(r'version: "[0-9.]+"', 'version: "1.0"', yaml_path.read_text("utf-8"), count=1)
    yaml_path.write_text(first, "utf-8")
    if (ROOT / ".cache").exists():
        shutil.copytree(ROOT / ".cache", root / ".cache")
    (root / ".gitignore").write_text("/site/\n/build/\n/.cache/\n", "utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "sources")
    run(root, "release", "1.0", "--statement", "The first release.")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "release 1.0")
    with (root / "sources" / "apparatus.yaml").open("a", encoding="utf-8") as apparatus:
        apparatus.write(EMENDATION)
    edit(root / "sources" / "edition.yaml", 'version: "1.0"', 'version: "1.1"')
    git(root, "commit", "-qam", "an emendation in ¶12, version 1.1")
    run(root, "release", "1.1", "--statement", "The emendation in ¶12.")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "release 1.1")
    run(root, "build")
    return root


def text_of(path: Path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", path.read_text("utf-8")).split())


def test_each_release_keeps_its_reading_and_the_root_has_the_latest(two_releases):
    site = two_releases / "site"
    assert "One ploy which was resorted to" in text_of(site / "v" / "1.0" / "p" / "12.html")
    assert "One ploy resorted to" in text_of(site / "v" / "1.1" / "p" / "12.html")
    assert "One ploy resorted to" in text_of(site / "p" / "12.html")
    for version in ("1.0", "1.1"):
        for part in (
            "index.html",
            "unrest-among-industrial-workers.html",
            "cite/p12.bib",
            "data/paragraphs.json",
            "data/the-new-course-controversy.tei.xml",
            "apparatus.html",
        ):
            assert (site / "v" / version / part).is_file(), (version, part)


def test_the_changelog_lists_exactly_the_emendation(two_releases):
    (change,) = json.loads((two_releases / "site" / "data" / "changes.json").read_text("utf-8"))
    assert change["from"] == "1.0" and change["to"] == "1.1"
    (reading,) = change["readings"]
    assert reading["paragraph"] == "12"
    assert reading["before"].startswith("One ploy which was resorted to")
    assert reading["after"].startswith("One ploy resorted to")
    assert [i["id"] for i in reading["interventions"]] == ["test-p12"]
    assert [i["id"] for i in change["interventions"]["added"]] == ["test-p12"]
    assert not change["interventions"]["changed"] and not change["interventions"]["removed"]
    assert change["paragraphs_added"] == [] and change["paragraphs_retired"] == []
    for part in ("commentary", "notes", "glossary", "chronology", "bibliography"):
        assert change[part] == {"added": [], "removed": [], "changed": []}, part
    data_page = (two_releases / "site" / "data.html").read_text("utf-8")
    described = data_page[data_page.index('id="changes-json"') :]
    for field in change:
        assert f"<code>{field}</code>" in described, field
    page = text_of(two_releases / "site" / "changes-1.1.html")
    assert "What changed in 1.1" in page and "¶12" in page and "test-p12" in page


def test_a_release_cites_itself_at_its_versioned_address(two_releases):
    site = two_releases / "site"
    html = (site / "v" / "1.0" / "unrest-among-industrial-workers.html").read_text("utf-8")
    data = json.loads(re.search(r'id="cite-data" data-ed="">(.*?)</script>', html).group(1))
    base = "https://cliff-edition.github.io/new-course/"
    assert data["version"] == "1.0"
    assert data["url"].replace(data["placeholder"], "12") == base + "v/1.0/p/12.html"
    assert data["latest"].replace(data["placeholder"], "12") == base + "p/12.html"
    note = data["styles"]["chicago"]["note"].replace(data["placeholder"], "12")
    assert "version 1.0" in note and base + "v/1.0/p/12.html" in note
    assert "version 1.0" in (site / "v" / "1.0" / "cite" / "p12.bib").read_text("utf-8").lower()
    assert "You are reading version 1.0" in html and 'class="version-menu"' in html
    latest = (site / "unrest-among-industrial-workers.html").read_text("utf-8")
    assert "You are reading version" not in latest and "v/1.0/index.html" in latest


def test_a_text_fragment_link_leads_to_the_opening_words(two_releases):
    html = (two_releases / "site" / "unrest-among-industrial-workers.html").read_text("utf-8")
    data = json.loads(re.search(r'id="cite-data" data-ed="">(.*?)</script>', html).group(1))
    fragment = (
        "v/1.1/unrest-among-industrial-workers.html#:~:text=One%20ploy%20resorted%20to%20by%20management"
    )
    assert data["fragments"]["12"].endswith(fragment)


def test_a_release_snapshot_may_never_change(two_releases, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(two_releases, root, ignore=shutil.ignore_patterns("site", "build"))
    edit(root / "releases" / "1.0" / "sources" / "apparatus.yaml", "type:", "type: ", 1)
    result = subprocess.run(
        [sys.executable, "-m", "edition.cli", "--root", str(root), "build"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "releases.yaml" in result.stderr and "release 1.0" in result.stderr and "changed" in result.stderr


def test_changed_sources_may_not_keep_a_released_version(two_releases, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(two_releases, root, ignore=shutil.ignore_patterns("site", "build"))
    edit(root / "sources" / "apparatus.yaml", "A test emendation", "A changed emendation")
    result = subprocess.run(
        [sys.executable, "-m", "edition.cli", "--root", str(root), "build"], capture_output=True, text=True
    )
    assert result.returncode == 1 and "changed since release 1.1" in result.stderr


def test_the_archive_metadata_is_valid_citation_file_format(two_releases):
    assert CFFCONVERT.exists(), "cffconvert is not installed (.ci/run installs it in build/tools/cffconvert)"
    result = subprocess.run(
        [str(CFFCONVERT), "--validate", "-i", str(two_releases / "CITATION.cff")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    cff = (two_releases / "CITATION.cff").read_text("utf-8")
    assert 'version: "1.1"' in cff or "version: '1.1'" in cff or "version: 1.1" in cff
    zenodo = json.loads((two_releases / ".zenodo.json").read_text("utf-8"))
    assert zenodo["version"] == "1.1" and zenodo["license"] == "cc-by-4.0"
    assert zenodo["creators"] == [{"name": "New Course Edition Editorial Group"}]


def test_each_release_offers_its_own_downloads(two_releases):
    run(two_releases, "export")
    site = two_releases / "site"
    for version in ("1.0", "1.1"):
        names = {p.name for p in (site / "v" / version / "downloads").iterdir()}
        assert {
            "the-new-course-controversy.html",
            "the-new-course-controversy.epub",
            "the-new-course-controversy.pdf",
        } <= names, version
        page = (site / "v" / version / "downloads.html").read_text("utf-8")
        assert 'href="downloads/the-new-course-controversy.pdf"' in page
    old = text_of(site / "v" / "1.0" / "downloads" / "the-new-course-controversy.html")
    new = text_of(site / "downloads" / "the-new-course-controversy.html")
    assert "One ploy which was resorted to" in old and "One ploy resorted to" in new


def test_a_changed_work_is_told_with_its_names_as_text():
    """The changelog is JSON: a work's authors (read into their parts) are written as
    "Last, First", so a release that changes a work with an author can be told."""
    from edition.pipeline.load import load
    from edition.resolve.changes import fields

    edition = load(ROOT)
    entry = next(e for e in edition.bibliography if e.fields.get("author"))
    record = json.loads(json.dumps(fields(entry), ensure_ascii=False))
    assert all(isinstance(name, str) and ", " in name for name in record["author"])
    assert record["title"] == entry.fields["title"]


def test_a_release_is_refused_while_a_page_title_is_unread(two_releases, tmp_path):
    """A working version may cite a page whose title is still unread; a release may not,
    and nothing is snapshotted or recorded."""
    root = tmp_path / "copy"
    shutil.copytree(two_releases, root, ignore=shutil.ignore_patterns("site", "build"))
    bib = root / "editors.bib"
    key = re.search(r"@online\{([^,]+),", bib.read_text("utf-8")).group(1)
    text = bib.read_text("utf-8")
    start = text.index("{" + key + ",")
    end = text.index("\n}", start)
    entry = re.sub(r"\n  title\s*=\s*\{[^\n]*\},", "", text[start:end], count=1)
    entry = re.sub(r"keywords\s*=\s*\{([^}]*)\}", r"keywords  = {\1, title-unchecked}", entry)
    bib.write_text(text[:start] + entry + text[end:], "utf-8")
    edit(root / "sources" / "edition.yaml", 'version: "1.1"', 'version: "1.2"')
    git(root, "commit", "-qam", "version 1.2 with an unread title")
    releases = (root / "sources" / "releases.yaml").read_text("utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "edition.cli", "--root", str(root), "release", "1.2", "--statement", "No."],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "editors.bib" in line and key in line and "title" in line
    assert not (root / "releases" / "1.2").exists()
    assert (root / "sources" / "releases.yaml").read_text("utf-8") == releases
