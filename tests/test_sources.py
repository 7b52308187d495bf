import hashlib
import re

import pytest
from conftest import ROOT, edit, unlock_received

from edition.errors import EditionError
from edition.read.sources import read

RECEIVED_SHA256 = "fcdccaee02f7dc57fc9cbdfe3207edf880e751c1435f0a5e00a04db3d0df3960"


def test_received_chapter_is_byte_for_byte_the_seed():
    data = (ROOT / "sources" / "000_8d2340140f951e67.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == RECEIVED_SHA256


def test_metadata_names_the_source_and_the_site(edition):
    meta = edition.metadata
    assert meta["author"] == "Tony Cliff"
    assert meta["publisher"] == "Bookmarks" and meta["place"] == "London"
    assert meta["year"] == 1991
    assert meta["site_url"].startswith("https://") and meta["site_url"].endswith("/")


def test_front_and_colophon(edition):
    front = edition.chapter.front
    assert (front.author, front.chapter) == ("Tony Cliff", "1. The New Course Controversy")
    assert edition.chapter.colophon == "Last updated on 31 July 2009"


def test_altered_chapter_fails_its_checksum(project):
    edit(project / "sources" / "000_8d2340140f951e67.txt", "THE TROIKA", "THE TROYKA")
    with pytest.raises(EditionError, match=r"000_8d2340140f951e67.txt: SHA-256 differs"):
        read(project)


def test_yaml_syntax_error_names_file_and_line(project):
    path = project / "sources" / "edition.yaml"
    edit(path, "colophon: Last updated", "colophon: [Last updated")
    with pytest.raises(EditionError, match=re.escape(str(path)) + r":\d+: YAML syntax error"):
        read(project)


def test_front_line_that_is_not_in_the_file(project):
    unlock_received(project)
    edit(project / "sources" / "edition.yaml", "the rising Stalinist", "the Rising Stalinist")
    with pytest.raises(EditionError, match=r"000_8d2340140f951e67.txt:3: .*the Rising Stalinist"):
        read(project)
