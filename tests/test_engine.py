"""The choice of site generator, and Zensical run for real: a build whose checks pass,
and a broken link reported in one line with its place."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, edit

from edition.engine.generators import EngineFailed, chosen, messages
from edition.errors import CheckFailed
from edition.pipeline.build import build, check


@pytest.fixture
def zensical(monkeypatch) -> str:
    """The zensical executable (.ci/run installs it in build/zensical); the tests that
    build with it fail without it."""
    found = os.environ.get("EDITION_ZENSICAL") or shutil.which("zensical")
    local = ROOT / "build" / "zensical" / "bin" / "zensical"
    found = found or (str(local) if local.is_file() else None)
    if not found:
        pytest.fail(f"zensical is needed (EDITION_ZENSICAL, PATH or {local}); .ci/run installs it")
    monkeypatch.setenv("EDITION_ZENSICAL", found)
    return found


def test_the_engine_is_mkdocs_unless_asked(monkeypatch):
    monkeypatch.delenv("EDITION_ENGINE", raising=False)
    assert chosen() == "mkdocs"
    monkeypatch.setenv("EDITION_ENGINE", "zensical")
    assert chosen() == "zensical"
    assert chosen("mkdocs") == "mkdocs"
    monkeypatch.setenv("EDITION_ENGINE", "hugo")
    with pytest.raises(EngineFailed, match="unknown engine 'hugo'"):
        chosen()


def test_an_unknown_engine_is_one_line_and_exit_1(project):
    result = subprocess.run(
        [sys.executable, "-m", "edition.cli", "--root", str(project), "build"],
        env={**os.environ, "EDITION_ENGINE": "hugo"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "unknown engine 'hugo'" in result.stderr


def test_zensicals_coloured_boxed_warnings_become_one_line_each():
    output = (
        "Build started\n\x1b[33mWarning:\x1b[0m page does not exist\n"
        "   \x1b[38;5;246m╭\x1b[0m\x1b[38;5;246m─\x1b[0m\x1b[38;5;246m[\x1b[0m index.md:3:5 "
        "\x1b[38;5;246m]\x1b[0m\n   │\n2 issues found\nTraceback (most recent call last):\n"
        '  File "main.py", line 81, in execute_build\n'
        "RuntimeError: Aborted because --strict flag is set\n"
    )
    assert messages(output) == ["index.md:3:5: page does not exist"]
    assert messages("Traceback:\nRuntimeError: undefined value (in main.html:1)\n") == [
        "undefined value (in main.html:1)"
    ]


def test_zensical_missing_fails_the_build_in_one_line_and_keeps_the_site(project, monkeypatch):
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old", "utf-8")
    monkeypatch.setenv("EDITION_ZENSICAL", str(project / "no-such-zensical"))
    with pytest.raises(CheckFailed, match="no executable"):
        build(project, engine="zensical")
    assert (project / "site" / "index.html").read_text("utf-8") == "old"


def test_zensical_builds_the_edition_and_every_check_passes(project, zensical):
    built = build(project, engine="zensical")
    assert check(project) == []
    index = (built.site / "index.html").read_text("utf-8")
    assert '<meta name="generator" content="zensical-' in index
    assert (built.site / "search.json").is_file()
    # the build folder holds no leftover of Zensical's own site folder
    assert not (project / "build" / "site").exists()


def test_a_broken_link_fails_the_zensical_build_in_one_line(project, zensical):
    edit(project / "docs" / "index.md", "(about.md)", "(aboot.md)")
    with pytest.raises(CheckFailed) as failed:
        build(project, engine="zensical")
    assert len(failed.value.problems) == 1
    assert failed.value.problems[0].startswith("zensical build --strict: index.md:")
    assert "page does not exist" in failed.value.problems[0]
    assert not (project / "site").exists()


def test_the_command_takes_the_engine(project, zensical):
    result = subprocess.run(
        [sys.executable, "-m", "edition.cli", "--root", str(project), "--engine", "zensical", "build"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "zensical-" in Path(project / "site" / "about.html").read_text("utf-8")
