"""YAML reading that keeps line numbers, so errors can point into the file."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import EditionError


class LineStr(str):
    """A string from a YAML file that remembers the line it stood on."""

    line: int


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # LibYAML's parser when present
    def construct_scalar(self, node):  # type: ignore[override]
        value = super().construct_scalar(node)
        if isinstance(value, str) and node.tag == "tag:yaml.org,2002:str":
            value = LineStr(value)
            value.line = node.start_mark.line + 1
        return value


def line_of(value: object) -> int | None:
    return getattr(value, "line", None)


def load_yaml(path: Path, top: type = dict, lines: bool = True):
    """Load a YAML mapping (or `top`); a syntax error names the file and line. With
    `lines`, every string remembers its line (slower: a large generated file skips it)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EditionError(path, None, f"cannot read file ({exc.strerror})") from exc
    try:
        loader = _LineLoader if lines else getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(text, Loader=loader)  # noqa: S506 - safe loaders only
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise EditionError(path, line, f"YAML syntax error: {exc.problem}") from exc
    if not isinstance(data, top):
        kind = "mapping" if top is dict else "list"
        raise EditionError(path, 1, f"expected a {kind} at the top level")
    return data


def require(data: dict, key: str, path: Path, kind: type = str):
    """Fetch a required key of a given type or fail naming it."""
    if key not in data:
        raise EditionError(path, None, f"missing required key '{key}'")
    value = data[key]
    if not isinstance(value, kind):
        raise EditionError(
            path, line_of(value), f"'{key}' must be a {kind.__name__}, not {type(value).__name__}"
        )
    return value


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(LineStr, lambda dumper, value: dumper.represent_str(str(value)))


def dump_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
