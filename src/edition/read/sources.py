"""Reader stage: sources/ and bibliography.bib into the data model."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import EditionError
from ..model import Chapter, Edition, Front, Metadata
from .bibliography import read_bibliography
from .chapter import raw_blocks, read_received, split_parts
from .glossary import read_glossary
from .lock import apply_lock
from .notes import attach_calls, parse_notes
from .received import with_actual_hash
from .schema import validate
from .structure import build_sections, section_specs, table_specs
from .yamlfile import load_yaml, require


@dataclass(frozen=True)
class Paths:
    """Where a project keeps its inputs and outputs."""

    root: Path

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def edition_yaml(self) -> Path:
        return self.sources / "edition.yaml"

    @property
    def lock(self) -> Path:
        return self.sources / "paragraphs.lock"

    @property
    def editors_bibliography(self) -> Path:
        return self.root / "editors.bib"

    @property
    def glossary(self) -> Path:
        return self.sources / "glossary.yaml"

    @property
    def apparatus(self) -> Path:
        return self.sources / "apparatus.yaml"

    @property
    def commentary(self) -> Path:
        return self.sources / "commentary.yaml"

    @property
    def chronology(self) -> Path:
        return self.sources / "chronology.yaml"

    @property
    def bibliography(self) -> Path:
        return self.root / "bibliography.bib"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def cache(self) -> Path:
        return self.root / ".cache"


def read_chapter(paths: Paths, locked: bool = True, verified: bool = True) -> tuple[Chapter, Metadata, Path]:
    """The chapter; with `locked`, its blocks carry their permanent numbers from the lock;
    with `verified`, the received file must have the SHA-256 recorded in edition.yaml."""
    yaml_path = paths.edition_yaml
    spec = load_yaml(yaml_path)
    validate(spec if verified else with_actual_hash(spec, paths.sources), "edition", yaml_path)
    received = require(spec, "received", yaml_path, dict)
    text_path = paths.sources / require(received, "file", yaml_path)
    text = read_received(text_path, received["sha256"] if verified else None)
    front_spec = spec.get("front") or {}
    front_lines = [front_spec[k] for k in ("author", "book", "chapter") if k in front_spec]
    parts = split_parts(raw_blocks(text), front_lines, spec.get("colophon"), text_path)
    sections = build_sections(
        parts.body,
        section_specs(require(spec, "sections", yaml_path, list), yaml_path),
        list(spec.get("quotations") or []),
        table_specs(list(spec.get("tables") or []), yaml_path),
        yaml_path,
        text_path,
    )
    if locked:
        sections = apply_lock(sections, paths.lock)
    notes = attach_calls(sections, parse_notes(parts.notes, text_path), text_path)
    colophon = parts.colophon.text if parts.colophon else ""
    chapter = Chapter(Front(**{k: v for k, v in front_spec.items()}), sections, notes, colophon)
    return chapter, Metadata(site_metadata(require(spec, "metadata", yaml_path, dict))), text_path


def site_metadata(values: dict) -> dict:
    """The metadata, with the site URL from EDITION_SITE_URL where that is set (the
    publishing workflow sets it from the Pages configuration); always ending in "/"."""
    values = dict(values)
    values["site_url"] = os.environ.get("EDITION_SITE_URL") or values["site_url"]
    if not values["site_url"].endswith("/"):
        values["site_url"] += "/"
    return values


def read(root: Path) -> Edition:
    paths = Paths(root)
    if not paths.edition_yaml.exists():
        raise EditionError(paths.edition_yaml, None, "not found: is this an edition project?")
    chapter, metadata, source = read_chapter(paths)
    glossary = read_glossary(paths.glossary) if paths.glossary.exists() else ()
    return Edition(metadata, chapter, read_bibliography(paths.bibliography), source, glossary)
