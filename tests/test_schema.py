"""The sources' JSON Schemas: valid draft 2020-12, every field described, the real
sources valid against them as a third-party validator reads them, and published."""

import json

import pytest
import yaml
from conftest import ROOT
from jsonschema import Draft202012Validator

from edition.read.schema import NAMES, schema_path

SOURCES = {name: ROOT / "sources" / f"{name}.yaml" for name in NAMES}
SOURCES["lock"] = ROOT / "sources" / "paragraphs.lock"


def subschemas(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from subschemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from subschemas(value)


def properties(node, where=""):
    """Every declared property in a schema, with its path."""
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            yield f"{where}.{key}", value
        for key, value in node.items():
            yield from properties(value, f"{where}.{key}" if key != "properties" else where)
    elif isinstance(node, list):
        for value in node:
            yield from properties(value, where)


@pytest.mark.parametrize("name", NAMES)
def test_each_schema_is_valid_and_describes_every_field(name):
    schema = json.loads(schema_path(name).read_text("utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    undescribed = [where for where, prop in properties(schema) if not prop.get("description")]
    assert not undescribed
    objects = [s for s in subschemas(schema) if s.get("type") == "object"]
    assert objects and all("additionalProperties" in s for s in objects)  # no unknown keys


@pytest.mark.parametrize("name", NAMES)
def test_the_sources_are_valid_as_other_tools_read_them(name):
    data = yaml.safe_load(SOURCES[name].read_text("utf-8"))
    schema = json.loads(schema_path(name).read_text("utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    bad = [dict(data[0], unexpected=1)] if isinstance(data, list) else dict(data, unexpected=1)
    assert [e.validator for e in Draft202012Validator(schema).iter_errors(bad)] == ["additionalProperties"]


def test_the_schemas_are_published_and_described(built):
    page = (built / "site" / "data.html").read_text("utf-8")
    for name in NAMES:
        published = built / "site" / "data" / "schemas" / schema_path(name).name
        assert published.read_bytes() == schema_path(name).read_bytes()
        assert f'href="data/schemas/{published.name}"' in page
        assert f"<code>{json.loads(published.read_text('utf-8'))['title']}</code>" in page
