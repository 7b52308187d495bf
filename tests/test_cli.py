"""The `edition` command as a user runs it."""

import subprocess
import sys
import urllib.request

from conftest import edit, unlock_received


def run(root, *args):
    return subprocess.run(
        [sys.executable, "-m", "edition.cli", "--root", str(root), *args], capture_output=True, text=True
    )


def test_build_then_check(project):
    built = run(project, "build")
    assert built.returncode == 0, built.stderr
    assert "107 paragraphs, 43 notes, 19 works" in built.stdout
    checked = run(project, "check")
    assert checked.returncode == 0 and "check passed" in checked.stdout


def test_serve_builds_and_serves_the_site(project):
    server = subprocess.Popen(
        [sys.executable, "-m", "edition.cli", "--root", str(project), "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = ""
        while "serving" not in line:
            line = server.stdout.readline()
            assert line, server.stderr.read()
        url = line.split(" at ")[1].split()[0]
        with urllib.request.urlopen(url + "the-troika-reacts.html", timeout=10) as response:
            page = response.read().decode("utf-8")
        assert 'class="para"' in page
        assert "The Troika reacts" in page
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_note_never_called_fails_and_keeps_the_site(project):
    assert run(project, "build").returncode == 0
    before = (project / "site" / "the-troika-reacts.html").read_bytes()
    text = unlock_received(project)
    edit(text, "on the role of accidents in history. [19]", "on the role of accidents in history.")
    result = run(project, "build")
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "note 19 is never called" in result.stderr
    assert "000_8d2340140f951e67.txt:" in result.stderr
    assert (project / "site" / "the-troika-reacts.html").read_bytes() == before


def test_a_heading_found_twice(project):
    text = unlock_received(project)
    edit(text, "Society was sinking into a cesspool.", "The Troika reacts")
    result = run(project, "build")
    assert result.returncode == 1
    assert "heading 'The Troika reacts' found more than once" in result.stderr


def test_a_broken_link_in_a_hand_written_page_fails_strict_mkdocs(project):
    edit(project / "docs" / "index.md", "(about.md)", "(aboot.md)")
    result = run(project, "build")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "mkdocs build --strict: Doc file 'index.md' contains a link 'aboot.md'" in result.stderr
    assert not (project / "site").exists()
