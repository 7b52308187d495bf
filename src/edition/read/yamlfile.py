"""YAML reading that keeps line numbers, so errors can point into the file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from ..errors import EditionError
from .schema import validate


class LineStr(str):
    """A string from a YAML file that remembers the line it stood on."""

    line: int


class LineDict(dict):
    """A mapping from a YAML file that remembers its line and the line of each key."""

    line: int
    key_lines: dict[str, int]


class _Refused(Exception):
    """A mapping the loader will not build (a duplicate or non-text key), located."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # LibYAML's parser when present


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode):
    """A mapping whose keys are text and appear once: PyYAML itself lets the last of
    two equal keys win without a word."""
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise _Refused(line, f"key {key!r} is not text; quote it")
        if key in data.key_lines:
            raise _Refused(line, f"duplicate key '{key}' (first on line {data.key_lines[key]})")
        data.key_lines[key] = line
        data[str(key)] = loader.construct_object(value_node, deep=False)


class _PlainLoader(_Base):
    pass


class _LineLoader(_Base):
    def construct_scalar(self, node):  # type: ignore[override]
        value = super().construct_scalar(node)
        if isinstance(value, str) and node.tag == "tag:yaml.org,2002:str":
            value = LineStr(value)
            value.line = node.start_mark.line + 1
        return value


class _TaggedLoader(_Base):
    """For a file another tool reads (mkdocs.yml): its own tags are accepted unread."""


for _loader in (_PlainLoader, _LineLoader, _TaggedLoader):
    _loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_TaggedLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TaggedLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def line_of(value: object) -> int | None:
    return getattr(value, "line", None)


# Errors in a construct that stays open (a quote, a flow list, a key without its
# colon) are found only further on; the line where the construct starts is the one
# to fix.
_OPENED_AT = ("while scanning a simple key", "while scanning a quoted scalar", "while parsing a flow")


def read_text(path: Path) -> str:
    """A text file as UTF-8 (a byte-order mark is allowed); a file that is not UTF-8
    is an error naming the line and the byte."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EditionError(path, None, f"cannot read file ({exc.strerror})") from exc
    return decode(data, path)


def decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise EditionError(
            path, line, f"not UTF-8 (byte 0x{data[exc.start]:02X} at offset {exc.start}); save it as UTF-8"
        ) from exc


# (schema, SHA-256 of the text) of every file found to conform: the same text read
# twice (a release's snapshot holds the current sources' unchanged files) gives the
# same data, so it is validated once; a different text always is.
_CONFORMING: set[tuple[str, str]] = set()


def load_yaml(path: Path, top: type = dict, lines: bool = True, schema: str | None = None):
    """Load a YAML mapping (or `top`); a syntax error names the file and line. With
    `lines`, every string remembers its line (slower: a large generated file skips it).
    With `schema`, the data must conform to that source's JSON Schema."""
    text = read_text(path)
    data = parse_yaml(path, _LineLoader if lines else _PlainLoader, text)
    if schema is not None:
        conforming = (schema, hashlib.sha256(text.encode("utf-8")).hexdigest())
        if conforming not in _CONFORMING:
            validate(data, schema, path)
            _CONFORMING.add(conforming)
    if not isinstance(data, top):
        kind = "mapping" if top is dict else "list"
        raise EditionError(path, 1, f"expected a {kind} at the top level")
    return data


def check_config(path: Path) -> None:
    """A YAML file another tool reads (mkdocs.yml): UTF-8, well formed, no key twice, a mapping."""
    if not isinstance(parse_yaml(path, _TaggedLoader), dict):
        raise EditionError(path, 1, "expected a mapping at the top level")


def config_value(path: Path, key: str) -> object:
    """A top-level value of a file another tool reads (mkdocs.yml); None where it is not set."""
    return parse_yaml(path, _TaggedLoader).get(key)


def config_line(path: Path, key: str) -> int | None:
    """The line of a top-level key of a file another tool reads (mkdocs.yml)."""
    return getattr(parse_yaml(path, _TaggedLoader), "key_lines", {}).get(key)


def parse_yaml(path: Path, loader: type, text: str | None = None):
    text = read_text(path) if text is None else text
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - safe loaders
    except _Refused as exc:
        raise EditionError(path, exc.line, exc.message) from exc
    except yaml.MarkedYAMLError as exc:
        opened = exc.context_mark is not None and (exc.context or "").startswith(_OPENED_AT)
        mark = exc.context_mark if opened else exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        context = f" ({exc.context})" if opened else ""
        raise EditionError(path, line, f"YAML syntax error: {exc.problem}{context}") from exc
    except yaml.YAMLError as exc:
        raise EditionError(path, None, f"YAML error: {exc}") from exc


def require(data: dict, key: str, path: Path, kind: type = str):
    """Fetch a required key of a given type or fail naming it."""
    if key not in data:
        raise EditionError(path, line_of(data), f"missing required key '{key}'")
    value = data[key]
    if not isinstance(value, kind):
        raise EditionError(
            path, line_of(value), f"'{key}' must be a {kind.__name__}, not {type(value).__name__}"
        )
    return value


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(LineStr, lambda dumper, value: dumper.represent_str(str(value)))
_Dumper.add_representer(LineDict, lambda dumper, value: dumper.represent_dict(dict(value)))


def dump_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


class _FrontDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # LibYAML's emitter when present
    pass


_FrontDumper.add_representer(LineStr, lambda dumper, value: dumper.represent_str(str(value)))
_FrontDumper.add_representer(LineDict, lambda dumper, value: dumper.represent_dict(dict(value)))


def dump_front_matter(data: object) -> str:
    """A generated page's front matter, by LibYAML's emitter where present: MkDocs reads
    it back as data, so only its values reach the site, and it is written for every
    page of every build."""
    return yaml.dump(data, Dumper=_FrontDumper, allow_unicode=True, sort_keys=False)


def load_front_matter(text: str) -> object:
    """Front matter as data (by LibYAML's parser where present)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe loaders
