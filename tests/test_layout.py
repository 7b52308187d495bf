"""The package's layout shows its pipeline: each stage a folder, and a stage imports only
from the stages before it (and from the records and errors every stage shares)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "edition"
# in pipeline order; what every stage may use stands first, the command last
STAGES = ("", "read", "resolve", "format", "render", "engine", "check", "pipeline", "cli")
SHARED = {"model", "errors", "logs"}
LONGEST = 300


def modules() -> dict[str, Path]:
    """Every module by its dotted name under the package ("read.chapter", "model")."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        found[".".join(p for p in parts if p != "__init__")] = path
    return found


def stage(name: str) -> str:
    head = name.split(".")[0]
    if head in SHARED or name == "":
        return ""
    return head


def imported(name: str, path: Path) -> set[str]:
    """The package's modules that a module imports, by dotted name."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".") if package else []
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            elif node.module and node.module.split(".")[0] == "edition":
                target = node.module.removeprefix("edition").lstrip(".")
            else:
                continue
            found.add(target)
            found.update(f"{target}.{a.name}".lstrip(".") for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("edition.") for a in node.names if a.name.startswith("edition."))
    return found & set(modules())


def test_every_module_stands_in_a_stage_or_is_shared():
    stray = [n for n in modules() if stage(n) not in STAGES]
    assert not stray, f"modules outside the stages {STAGES[1:]}: {stray}"


@pytest.mark.parametrize("name", sorted(modules()))
def test_a_stage_imports_only_from_the_stages_before_it(name):
    path = modules()[name]
    own = STAGES.index(stage(name))
    later = sorted(t for t in imported(name, path) if STAGES.index(stage(t)) > own)
    assert not later, f"{name} ({stage(name) or 'shared'}) imports from a later stage: {later}"


def test_the_import_reader_sees_relative_and_package_imports():
    """The rule above is only as good as this reader of imports."""
    found = imported("render.epub", modules()["render.epub"])
    assert "model" in found and "format.citeproc" in found and "render.single" in found
    assert "pipeline.build" in imported("pipeline.export", modules()["pipeline.export"])


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_module_is_longer_than_it_should_be(name):
    lines = len(modules()[name].read_text("utf-8").splitlines())
    assert lines <= LONGEST, f"{name} has {lines} lines (at most {LONGEST})"


def test_chromium_is_started_in_one_place():
    """The browser tests and the benchmarks start Chromium through check/browser.py: no
    other file spells out its path or its flags."""
    root = PACKAGE.parents[1]
    files = [
        *root.joinpath("tests").rglob("*.py"),
        *root.joinpath("scripts").rglob("*.py"),
        *modules().values(),
    ]
    here = Path(__file__).resolve()
    spelled = [
        f.relative_to(root).as_posix()
        for f in files
        if f != modules()["check.browser"]
        and f.resolve() != here
        and ("--no-sandbox" in f.read_text("utf-8") or '"/usr/bin/chromium"' in f.read_text("utf-8"))
    ]
    assert not spelled, f"Chromium started outside check/browser.py: {spelled}"


def test_nothing_of_this_edition_is_written_into_the_toolkit():
    """Every word a reader sees that names the author, the text or the book comes from
    sources/: none of them stands in the package's code, styles, scripts or templates."""
    meta = yaml.safe_load((PACKAGE.parents[1] / "sources" / "edition.yaml").read_text("utf-8"))["metadata"]
    names = [meta["author_family"], meta["chapter_title"], meta["publisher"], meta["book"].split(":")[0]]
    names.append(meta["chapter_title"].lower().replace(" ", "-"))
    found = [
        f"{path.relative_to(PACKAGE).as_posix()}: {name}"
        for path in sorted(PACKAGE.rglob("*"))
        if path.is_file() and path.suffix in {".py", ".css", ".js", ".html", ".lua", ".json"}
        for name in names
        if name in path.read_text("utf-8")
    ]
    assert not found, f"the edition's own words in the toolkit: {found}"
