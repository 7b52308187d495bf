"""`edition new`: a project made from a received text file builds once its editors have
given what only they can (here: the work the notes cite), and says what that is."""

from __future__ import annotations

import hashlib
import shutil

from conftest import ROOT

from edition.cli import main as cli
from edition.read.yamlfile import load_yaml

FIXTURE = ROOT / "tests" / "editions" / "gulf-capes"
RECEIVED = FIXTURE / "sources" / "000_3003d666b998b20b.txt"
NEW = ["--received", str(RECEIVED), "--title", "The Capes of the Gulf", "--author", "Cornelia Horsford"]


def test_a_scaffold_of_the_fixtures_text_builds_once_its_bibliography_is_given(tmp_path, capsys):
    project = tmp_path / "capes"
    assert cli(["new", str(project), *NEW, "--year", "1899"]) == 0
    said = capsys.readouterr().out
    assert "bibliography.bib: the works the 4 notes cite" in said and "“to fill”" in said
    data = RECEIVED.read_bytes()
    copy = project / "sources" / f"000_{hashlib.sha256(data).hexdigest()[:16]}.txt"
    assert copy.read_bytes() == data
    spec = load_yaml(project / "sources" / "edition.yaml")
    assert spec["received"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert spec["metadata"]["publisher"].startswith("to fill")
    assert (project / "sources" / "paragraphs.lock").exists()
    assert (project / "mkdocs.yml").exists() and (project / "docs" / "index.md").exists()
    # as made, the build stops on the one thing it cannot do without: the cited work
    assert cli(["--root", str(project), "build"]) == 1
    assert "bibliography.bib: no entries" in capsys.readouterr().err
    for name in ("bibliography.bib", "editors.bib"):
        shutil.copy(FIXTURE / name, project / name)
    assert cli(["--root", str(project), "build"]) == 0
    assert "2 paragraphs, 4 notes, 1 works; every check passed" in capsys.readouterr().out
    assert (project / "site" / "data" / "the-capes-of-the-gulf.tei.xml").exists()


def test_new_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "kept.txt").write_text("mine", "utf-8")
    assert cli(["new", str(tmp_path), *NEW, "--year", "1899"]) == 1
    assert "exists and is not empty" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["kept.txt"]


def test_new_refuses_a_file_that_is_not_utf8(tmp_path, capsys):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9\n".encode("latin-1"))
    assert cli(["new", str(tmp_path / "p"), "--received", str(bad), *NEW[2:], "--year", "1899"]) == 1
    assert "not UTF-8 at byte 3" in capsys.readouterr().err
    assert not (tmp_path / "p").exists()
