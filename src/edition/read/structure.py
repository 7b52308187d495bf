"""Structure of the body: sections by their headings, quotations, tables, block numbers.

Which blocks are quotations or tables is editorial knowledge recorded in
sources/edition.yaml; nothing here guesses it from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import EditionError
from ..model import Block, RawBlock, Section, TableRow
from .yamlfile import line_of

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class SectionSpec:
    slug: str
    title: str
    heading: str | None


@dataclass(frozen=True)
class TableSpec:
    first: str
    last: str
    caption: str
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    line: int | None


def section_specs(items: list, path: Path) -> list[SectionSpec]:
    specs = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or "slug" not in item:
            raise EditionError(path, line_of(item), f"section {i + 1} needs a 'slug'")
        slug = item["slug"]
        if not SLUG.match(slug):
            raise EditionError(path, line_of(slug), f"slug {slug!r} is not lower-case-with-hyphens")
        heading = item.get("heading")
        if i == 0 and heading is not None:
            raise EditionError(path, line_of(heading), "the first section is the untitled opening")
        if i > 0 and heading is None:
            raise EditionError(path, line_of(slug), f"section {slug!r} needs a 'heading'")
        specs.append(SectionSpec(slug, item.get("title") or heading or "", heading))
    if len({s.slug for s in specs}) != len(specs):
        raise EditionError(path, None, "two sections share a slug")
    return specs


def table_specs(items: list, path: Path) -> list[TableSpec]:
    specs = []
    for item in items:
        try:
            rows = tuple(TableRow(tuple(row)) for row in item["rows"])
            specs.append(
                TableSpec(
                    first=item["first"],
                    last=item["last"],
                    caption=item.get("caption", ""),
                    columns=tuple(item["columns"]),
                    rows=rows,
                    line=line_of(item["first"]),
                )
            )
        except (KeyError, TypeError) as exc:
            raise EditionError(path, None, f"table entry lacks {exc}") from exc
    return specs


def _find_headings(
    body: tuple[RawBlock, ...], specs: list[SectionSpec], yaml_path: Path, text_path: Path
) -> list[int]:
    """Index in body of each heading; a heading missing or found twice is an error."""
    positions = []
    at: dict[str, list[int]] = {}
    for i, block in enumerate(body):
        at.setdefault(block.text, []).append(i)
    for spec in specs[1:]:
        hits = at.get(spec.heading, [])
        if not hits:
            raise EditionError(
                yaml_path, line_of(spec.heading), f"heading {spec.heading!r} not found in the text"
            )
        if len(hits) > 1:
            lines = ", ".join(str(body[i].line) for i in hits)
            raise EditionError(
                text_path,
                body[hits[1]].line,
                f"heading {spec.heading!r} found more than once (lines {lines})",
            )
        positions.append(hits[0])
    if positions != sorted(positions):
        raise EditionError(yaml_path, None, "sections are not listed in the order of the text")
    return positions


def _match_one(
    body: tuple[RawBlock, ...], prefix: str, what: str, path: Path, index: dict | None = None
) -> int:
    """The one block that opens with the prefix; none or several is an error.

    `index` (blocks by their first word) saves scanning the whole body per marker."""
    words = prefix.split(maxsplit=1)
    whole_first_word = len(words) > 1 or prefix[-1:].isspace()  # else it may end mid-word
    use_index = index is not None and whole_first_word
    candidates = index.get(words[0], []) if use_index else range(len(body))
    hits = [i for i in candidates if body[i].text.startswith(prefix)]
    if not hits:
        raise EditionError(path, line_of(prefix), f"{what} {prefix!r} points to no block")
    if len(hits) > 1:
        lines = ", ".join(str(body[i].line) for i in hits)
        raise EditionError(path, line_of(prefix), f"{what} {prefix!r} matches several blocks (lines {lines})")
    return hits[0]


def build_sections(
    body: tuple[RawBlock, ...],
    specs: list[SectionSpec],
    quotations: list[str],
    tables: list[TableSpec],
    yaml_path: Path,
    text_path: Path,
) -> tuple[Section, ...]:
    """Number every block of the body and group the blocks into sections."""
    heading_at = dict(zip(_find_headings(body, specs, yaml_path, text_path), specs[1:], strict=True))
    by_first_word: dict[str, list[int]] = {}
    for i, block in enumerate(body):
        words = block.text.split(maxsplit=1)
        by_first_word.setdefault(words[0] if words else "", []).append(i)
    quote_at = {_match_one(body, q, "quotation marker", yaml_path, by_first_word) for q in quotations}
    table_at: dict[int, tuple[TableSpec, int]] = {}
    for spec in tables:
        first = _match_one(body, spec.first, "table start", yaml_path)
        last = _match_one(body, spec.last, "table end", yaml_path)
        received = [b.text for b in body[first : last + 1]]
        if received != _cells(spec.rows):
            raise EditionError(
                yaml_path,
                spec.line,
                f"table cells {_cells(spec.rows)} do not match the received blocks {received}",
            )
        table_at[first] = (spec, last)

    sections: list[Section] = []
    current = specs[0]
    blocks: list[Block] = []
    n = 0
    i = 0
    while i < len(body):
        raw = body[i]
        if i in heading_at:
            sections.append(Section(current.slug, current.title, current.heading, tuple(blocks)))
            current, blocks = heading_at[i], []
            i += 1
            continue
        n += 1
        if i in table_at:
            spec, last = table_at[i]
            blocks.append(
                Block(
                    n,
                    "table",
                    "\n".join(b.text for b in body[i : last + 1]),
                    raw.line,
                    current.slug,
                    spec.rows,
                    spec.columns,
                    spec.caption,
                )
            )
            i = last + 1
            continue
        kind = "quotation" if i in quote_at else "paragraph"
        blocks.append(Block(n, kind, raw.text, raw.line, current.slug))
        i += 1
    sections.append(Section(current.slug, current.title, current.heading, tuple(blocks)))
    return tuple(sections)


def _cells(rows: tuple[TableRow, ...]) -> list[str]:
    """The received blocks a table stands for: its cells in reading order, gaps left out."""
    return [cell for row in rows for cell in row.cells if cell is not None]
