"""The `edition` command as a user runs it."""

import hashlib
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from conftest import edit, unlock_received

from edition.cli import parser


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
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(url + "no-such-page.html", timeout=10)
        assert missing.value.code == 404
        assert missing.value.read() == (project / "site" / "404.html").read_bytes()
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


def test_version_help_and_root_anywhere(project):
    version = run(project, "--version")
    assert version.returncode == 0 and version.stdout.startswith("edition ")
    main = parser()
    commands = main._subparsers._group_actions[0].choices
    assert set(commands) == {"build", "check", "export", "lock", "new", "received", "release", "serve"}
    for name, command in commands.items():
        assert command.description, name
        assert all(action.help for action in command._actions), name
    after = subprocess.run(
        [sys.executable, "-m", "edition.cli", "lock", "--root", str(project)], capture_output=True, text=True
    )
    assert after.returncode == 0 and "no change" in after.stdout


def test_a_mistyped_command_gets_the_nearest(project):
    result = run(project, "biuld")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "edition: error: unknown command 'biuld' — did you mean 'build'?"


def snapshot(site):
    return {p.relative_to(site): hashlib.sha256(p.read_bytes()).digest() for p in site.rglob("*.*")}


def test_ctrl_c_during_a_build_says_so_in_one_line(project):
    assert run(project, "build").returncode == 0
    before = snapshot(project / "site")
    edit(project / "docs" / "about.md", "edition", "edition (changed)")
    build = subprocess.Popen(
        [sys.executable, "-m", "edition.cli", "--root", str(project), "build"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list((project / "build").glob(".work-*")) and build.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    build.send_signal(signal.SIGINT)
    out, err = build.communicate(timeout=60)
    assert build.returncode == 130, out + err
    assert err == "interrupted; site/ unchanged\n"
    assert not list((project / "build").glob(".work-*"))
    assert snapshot(project / "site") == before


def test_serve_on_a_busy_port_says_so(project):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run(project, "serve", "--port", str(port))
    assert result.returncode == 1
    assert result.stderr == (
        f"error: 127.0.0.1:{port}: the port is in use; `edition serve --port 0` picks a free one\n"
    )
    assert not (project / "site").exists()  # refused before building


def test_a_deliberate_change_of_the_received_file(project):
    text = project / "sources" / "000_8d2340140f951e67.txt"
    yaml_path = project / "sources" / "edition.yaml"
    before = yaml_path.read_text("utf-8")
    edit(text, "Society was sinking into a cesspool.", "Society was sinking into a swamp.")
    assert "SHA-256 differs" in run(project, "build").stderr
    shown = run(project, "received")
    assert shown.returncode == 1
    assert "wording changed, id kept: ¶18" in shown.stdout and "received --accept" in shown.stdout
    assert yaml_path.read_text("utf-8") == before
    accepted = run(project, "received", "--accept")
    assert accepted.returncode == 0
    new = hashlib.sha256(text.read_bytes()).hexdigest()
    after = yaml_path.read_text("utf-8")
    assert after == before.replace("fcdccaee02f7dc57fc9cbdfe3207edf880e751c1435f0a5e00a04db3d0df3960", new)
    assert run(project, "build").returncode == 0
