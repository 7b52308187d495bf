"""The JSON Schemas (draft 2020-12) of the sources, one file per source in
schemas/, and validation against them with errors located by the YAML reader's
lines. The schemas are published with the site, for other editors and tools."""

from __future__ import annotations

import datetime
import difflib
import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from ..errors import EditionError

SCHEMAS = Path(__file__).parent / "schemas"
NAMES = ("edition", "glossary", "apparatus", "commentary", "chronology", "lock", "releases")
# what one record of a list-shaped source is called in messages
RECORDS = {"glossary": "entry", "apparatus": "intervention", "commentary": "comment", "chronology": "event"}


def schema_path(name: str) -> Path:
    return SCHEMAS / f"{name}.schema.json"


@functools.cache
def validator(name: str) -> Draft202012Validator:
    schema = json.loads(schema_path(name).read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def published() -> dict[str, bytes]:
    """The schema files as the site publishes them, under data/schemas/."""
    return {f"data/schemas/{schema_path(n).name}": schema_path(n).read_bytes() for n in NAMES}


def validate(data: object, name: str, path: Path) -> None:
    """Raise the first error (in the file's order) of the data against the named schema."""
    errors = list(validator(name).iter_errors(data))
    if not errors:
        return
    located = [(_line(data, error), error) for error in errors]
    line, error = min(located, key=lambda pair: (pair[0] or 0, -len(pair[1].absolute_path)))
    raise EditionError(path, line, _record(data, error, name) + _message(error, name))


def _line(data: object, error: ValidationError) -> int | None:
    """The line of the deepest part of the data the error's path reaches; for an
    unknown key, the key's own line."""
    line, node = getattr(data, "line", None), data
    for step in error.absolute_path:
        lines = getattr(node, "key_lines", {})
        node = node[step]
        line = lines.get(step) or getattr(node, "line", None) or line
    if error.validator == "additionalProperties":
        extra = _unknown(error)
        if extra:
            line = getattr(node, "key_lines", {}).get(extra[0], line)
    if error.validator == "uniqueItems":
        line = getattr(node[_repeat(node)], "line", None) or line
    return line


def _repeat(values: list) -> int:
    """Index of the first item that equals an earlier one."""
    return next(i for i, v in enumerate(values) if v in values[:i])


def _record(data: object, error: ValidationError, name: str) -> str:
    """ "entry 'stalin': " for an error inside a record that has an id."""
    path = list(error.absolute_path)
    if name not in RECORDS or not path or not isinstance(data, list):
        return ""
    record = data[path[0]]
    ident = record.get("id") if isinstance(record, dict) else None
    label = repr(str(ident)) if isinstance(ident, str) else path[0] + 1
    return f"{RECORDS[name]} {label}: "


def _nearest(word: str, allowed: list[str]) -> str | None:
    """The allowed key most like a misspelt one; a shared first letter counts for more
    ('birth' is nearer 'born' than 'sort')."""

    def score(key: str) -> float:
        return difflib.SequenceMatcher(None, word, key).ratio() + 0.1 * (key[:1] == word[:1])

    best = max(allowed, key=score, default=None)
    return best if best is not None and score(best) >= 0.45 else None


def _unknown(error: ValidationError) -> list[str]:
    allowed = error.schema.get("properties", {})
    return [key for key in error.instance if key not in allowed]


def _shown(path: Path) -> str:
    """The path from the working directory where it lies below it; else in full."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, datetime.date):
        return "a date"
    names = {str: "text", int: "a number", float: "a number", list: "a list", dict: "a mapping"}
    kind = next((name for t, name in names.items() if isinstance(value, t)), None)
    return kind or ("empty" if value is None else type(value).__name__)


TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a mapping",
    "boolean": "true or false",
    "null": "null",
}


def _message(error: ValidationError, name: str) -> str:
    """The error in an editor's words."""
    where = error.absolute_path
    field = f"'{where[-1]}'" if where and isinstance(where[-1], str) else "the value"
    if where and isinstance(where[-1], int):
        parent = [p for p in where if isinstance(p, str)]
        field = f"item {where[-1] + 1} of '{parent[-1]}'" if parent else f"item {where[-1] + 1}"
    value = error.instance
    kind = error.validator
    if kind == "additionalProperties":
        extra = _unknown(error)[0]
        allowed = list(error.schema.get("properties", {}))
        guess = _nearest(str(extra), allowed)
        hint = f" — did you mean '{guess}'?" if guess else ""
        return f"unknown key '{extra}'{hint} (the keys allowed are in {_shown(schema_path(name))})"
    if kind == "required":
        missing = next(k for k in error.validator_value if k not in value)
        about = error.schema.get("properties", {}).get(missing, {}).get("description", "")
        return f"missing required key '{missing}'" + (f" ({about.rstrip('.')})" if about else "")
    if kind in ("type", "anyOf") and isinstance(value, datetime.date):
        return f'write the date in quotes ("{value.isoformat()}")'
    if kind == "type" and not where:
        return f"expected {TYPES[error.validator_value]} at the top level, not {_kind(value)}"
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return f"{field} must be {' or '.join(TYPES[t] for t in wanted)}, not {_kind(value)}"
    if kind == "enum":
        return f"{field.strip(chr(39))} must be one of {tuple(error.validator_value)}, not {value!r}"
    if kind in ("pattern", "minLength") and isinstance(value, str) and not value.strip():
        return f"{field} is empty"
    if kind in ("pattern", "anyOf"):
        return f"{field} {value!r} is not {error.schema.get('description', 'in the form the schema gives')}"
    if kind == "uniqueItems":
        return f"{field} lists {value[_repeat(value)]!r} twice"
    if kind == "minItems":
        return f"{field} is empty; give at least {error.validator_value}"
    if kind in ("minimum", "maximum"):
        return f"{field} is {value}, out of range"
    return f"{field}: {error.message}"
