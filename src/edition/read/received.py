"""The received chapter's SHA-256, recorded in edition.yaml: every build refuses a
file whose bytes differ. A deliberate change is shown by `edition received` and
recorded only by `edition received --accept`, as the paragraph lock is."""

from __future__ import annotations

import copy
import hashlib
import re
from pathlib import Path

from ..errors import EditionError
from .yamlfile import line_of

ACCEPT = "edition received --accept"


def digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise EditionError(path, None, f"cannot read the received chapter ({exc.strerror})") from exc


def received_file(spec: object, sources: Path) -> Path | None:
    """The received file edition.yaml names, if it names one."""
    received = spec.get("received") if isinstance(spec, dict) else None
    name = received.get("file") if isinstance(received, dict) else None
    return sources / name if isinstance(name, str) and name else None


def with_actual_hash(spec: dict, sources: Path) -> dict:
    """The spec with the file's own hash in place of the recorded one (to read a
    chapter whose change is not accepted yet)."""
    path = received_file(spec, sources)
    if path is None:
        return spec
    spec = copy.copy(spec)
    spec["received"] = {**spec["received"], "sha256": digest(path)}
    return spec


def record_hash(yaml_path: Path, spec: dict, sha256: str) -> None:
    """Write the hash into edition.yaml in place, keeping its comments and layout."""
    received = spec["received"]
    lines = yaml_path.read_text("utf-8-sig").splitlines(keepends=True)
    at = getattr(received, "key_lines", {}).get("sha256")
    if at is not None:
        lines[at - 1] = re.sub(r"^(\s*sha256:).*?(\r?\n)?$", rf"\g<1> {sha256}\g<2>", lines[at - 1])
    else:
        file_line = line_of(received["file"])
        indent = re.match(r"^(\s*)file:", lines[file_line - 1]) if file_line else None
        if indent is None:
            raise EditionError(yaml_path, file_line, "write 'received' as a block mapping to record its hash")
        lines.insert(file_line, f"{indent.group(1)}sha256: {sha256}\n")
    yaml_path.write_text("".join(lines), "utf-8")
