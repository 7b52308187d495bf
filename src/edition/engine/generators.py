"""The site generator that turns the generated docs into HTML: MkDocs with Material
(the default) or Zensical, Material's successor, which reads the same mkdocs.yml.

Zensical is a program of its own, installed apart from MkDocs (its Markdown
extensions pin other versions), so it is run as the `zensical` executable: the one
named by EDITION_ZENSICAL, else the first on PATH.
"""

from __future__ import annotations

import gc
import os
import re
import shutil
import subprocess
from pathlib import Path

from ..errors import CheckFailed, EditionError
from ..logs import captured
from ..read.yamlfile import config_line

ENGINES = ("mkdocs", "zensical")


class EngineFailed(Exception):
    """The generator stopped, or warned in strict mode; its messages, one a line."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("\n".join(messages))


def chosen(engine: str | None = None) -> str:
    """The engine asked for, else EDITION_ENGINE, else mkdocs."""
    name = engine or os.environ.get("EDITION_ENGINE") or "mkdocs"
    if name not in ENGINES:
        raise EngineFailed([f"unknown engine {name!r} (EDITION_ENGINE): choose one of {', '.join(ENGINES)}"])
    return name


def zensical_command() -> str:
    named = os.environ.get("EDITION_ZENSICAL")
    found = named if named and Path(named).is_file() else shutil.which(named or "zensical")
    if not found:
        raise EngineFailed(
            [f"zensical: no executable {named or 'zensical'!r} found (set EDITION_ZENSICAL or PATH)"]
        )
    return found


def run_zensical(config_file: Path, site_dir: Path) -> None:
    """`zensical build --strict --clean` on the config, its output moved to site_dir.

    Zensical writes only into the config's own folder (its `site_dir` there, and its
    cache beside it, cleared each time so a changed config is never half-applied), so
    the site is built where the config says and moved after."""
    from yaml import safe_load

    built = config_file.parent / safe_load(config_file.read_text("utf-8"))["site_dir"]
    shutil.rmtree(built, ignore_errors=True)
    result = subprocess.run(
        [zensical_command(), "build", "--strict", "--clean", "--config-file", config_file.name],
        cwd=config_file.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not built.is_dir():
        raise EngineFailed([f"zensical build --strict: {m}" for m in messages(result.stdout + result.stderr)])
    site_dir.parent.mkdir(parents=True, exist_ok=True)  # a release's v/X.Y/ inside the site
    built.rename(site_dir)


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_PROBLEM = re.compile(r"^(?:Warning|Error): (?P<text>.+)$")
_PLACE = re.compile(r"\[ (?P<place>[^\]]+:\d+(?::\d+)?) \]")
_RAISED = re.compile(r"^\w+(?:Error|Exception): (?P<text>.+)$")


def messages(output: str) -> list[str]:
    """Zensical's warnings, one line each with their place ("page.md:3:5: page does not
    exist"), else the error it stopped with; its output is coloured and boxed."""
    lines = [_ANSI.sub("", line).strip() for line in output.splitlines()]
    found = []
    for i, line in enumerate(lines):
        problem = _PROBLEM.match(line)
        if problem:
            place = next((m for m in map(_PLACE.search, lines[i + 1 : i + 3]) if m), None)
            found.append(f"{place.group('place')}: {problem['text']}" if place else problem["text"])
    raised = [m["text"] for m in map(_RAISED.match, lines) if m]
    stopped = [r for r in raised if "--strict flag" not in r]
    return found + stopped or [line for line in lines if line][-1:] or ["no output"]


def run_mkdocs(config_file: Path, site_dir: Path, source: Path | None = None) -> None:
    """MkDocs in strict mode; its warnings become the problems reported. An error in
    the configuration names `source`, the project's mkdocs.yml that it inherits."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    with captured("mkdocs") as warnings:
        try:
            config = load_config(str(config_file), strict=True, site_dir=str(site_dir))
        except (Abort, ConfigurationError) as exc:
            problems = [" ".join(str(w).split()) for w in warnings] or [" ".join(str(exc).split())]
            source = source or config_file
            key = re.match(r"Config value '(\w+)'", problems[0])
            line = config_line(source, key.group(1)) if key else None
            raise EditionError(source, line, "; ".join(problems)) from exc
        gc.freeze()  # the edition's data stays alive: the collector need not walk it again and again
        try:
            mkdocs_build(config)
        except (Abort, ConfigurationError) as exc:
            raise CheckFailed([f"mkdocs build --strict: {w}" for w in warnings] or [str(exc)]) from exc
        finally:
            gc.unfreeze()
