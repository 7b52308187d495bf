"""Property test: the YAML sources mutated at random (a key dropped, a value of the
wrong type, an unknown key, a key written twice) give one clean, located error or a
clean build, never a traceback."""

import datetime
import re

import yaml
from conftest import copy_inputs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from edition.errors import CheckFailed, EditionError
from edition.pipeline.build import build
from edition.pipeline.load import load

FILES = (
    "sources/edition.yaml",
    "sources/glossary.yaml",
    "sources/apparatus.yaml",
    "sources/commentary.yaml",
    "sources/chronology.yaml",
    "sources/paragraphs.lock",
)
VALUES = (0, 1.5, True, None, [], {}, "", "x", [1], {"a": 1}, datetime.date(1923, 10, 8))
KEY_LINE = re.compile(r"^(\s*)(- )?([A-Za-z_][A-Za-z0-9_]*):")


def mappings(node, path=()):
    """Paths to every mapping in the data."""
    if isinstance(node, dict):
        yield path
        for key, value in node.items():
            yield from mappings(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from mappings(value, (*path, i))


def at(data, path):
    for step in path:
        data = data[step]
    return data


def mutate(text: str, kind: str, draw) -> str:
    if kind == "duplicate":
        lines = text.splitlines(keepends=True)
        keyed = [i for i, line in enumerate(lines) if KEY_LINE.match(line)]
        i = draw(st.sampled_from(keyed))
        indent, dash, _ = KEY_LINE.match(lines[i]).groups()
        copy = lines[i].replace("- ", "  ", 1) if dash else lines[i]
        return "".join([*lines[: i + 1], copy if copy.endswith("\n") else copy + "\n", *lines[i + 1 :]])
    data = yaml.safe_load(text)
    target = at(data, draw(st.sampled_from(list(mappings(data)))))
    keys = list(target)
    if kind == "drop" and keys:
        del target[draw(st.sampled_from(keys))]
    elif kind == "swap" and keys:
        target[draw(st.sampled_from(keys))] = draw(st.sampled_from(VALUES))
    else:
        target[draw(st.sampled_from(["birth", "reason", "Note", "extra_key", "idd"]))] = "x"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@settings(
    max_examples=30,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.data())
def test_mutated_sources_fail_cleanly_or_build(tmp_path_factory, data):
    root = copy_inputs(tmp_path_factory.mktemp("mutated"))
    name = data.draw(st.sampled_from(FILES))
    path = root / name
    kind = data.draw(st.sampled_from(["drop", "swap", "unknown", "duplicate"]))
    path.write_text(mutate(path.read_text("utf-8"), kind, data.draw), "utf-8")
    try:
        load(root)
    except EditionError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith(str(root)), message
        return
    try:
        build(root)  # accepted: then the whole build passes its checks, or fails them cleanly
    except CheckFailed as exc:  # e.g. a section renamed that a hand-written page links to
        assert exc.problems and all("\n" not in p for p in exc.problems), exc.problems
