"""Benchmark: a synthetic edition 40 times the size of this chapter, built with
`edition build` and with a plain `mkdocs build` of the same generated docs.

The received chapter is copied 40 times into one synthetic chapter: every copy's
paragraphs are tagged ("C7 …") so that quotation markers stay unique, its headings
are numbered, and its notes renumbered, so ids, notes and glossary mentions are all
distinct; the glossary, chronology, bibliography and metadata are the real ones (the
apparatus and editors' notes, tied to this chapter's paragraphs, are left out). The toolkit
builds one chapter per project, so the 40 "chapters" are 240 sections of one.
Peak memory is the largest resident set of the build's process tree.

    python scripts/bench_scale.py [--copies 40] [--repeats 3]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from benchkit import compile_package, plain_mkdocs

ROOT = Path(__file__).resolve().parents[1]
NOTE = re.compile(r"^(\d+)\.\s")
CALL = re.compile(r"\[(\d+)\]")


def synthetic(root: Path, copies: int) -> None:
    spec = yaml.safe_load((ROOT / "sources/edition.yaml").read_text("utf-8"))
    text = (ROOT / "sources" / spec["received"]["file"]).read_text("utf-8")
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    front, colophon = blocks[:3], blocks[-1]
    notes_start = next(i for i, b in enumerate(blocks) if b.startswith("1. Trotsky, My Life"))
    body, notes = blocks[3:notes_start], blocks[notes_start:-1]
    headings = {s["heading"] for s in spec["sections"][1:]}
    out_body, out_notes, sections, quotes = [], [], [spec["sections"][0]], []
    for c in range(copies):
        offset = c * len(notes)
        for block in body:
            if block in headings:
                if not (c == 0 and block == body[0]):
                    heading = f"{block} ({c + 1})"
                    out_body.append(heading)
                    sections.append(
                        {"slug": re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-"), "heading": heading}
                    )
                continue
            if c and block == body[0]:
                heading = f"Chapter {c + 1}"
                out_body.append(heading)
                sections.append({"slug": f"chapter-{c + 1}", "heading": heading})
            tagged = f"C{c + 1} " + CALL.sub(lambda m, k=offset: f"[{int(m.group(1)) + k}]", block)
            if "\n" not in block and any(block.startswith(q) for q in spec["quotations"]):
                quotes.append(" ".join(tagged.split()[:6]))
            out_body.append(tagged)
        out_notes += [NOTE.sub(lambda m, k=offset: f"{int(m.group(1)) + k}. ", n) for n in notes]
    (root / "sources").mkdir()
    chapter = "\n\n".join(front + out_body + out_notes + [colophon])
    (root / "sources/chapter.txt").write_text(chapter, "utf-8")
    digest = hashlib.sha256(chapter.encode("utf-8")).hexdigest()
    received = {"file": "chapter.txt", "sha256": digest}
    spec.update(received=received, sections=sections, quotations=quotes, tables=[])
    (root / "sources/edition.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), "utf-8")
    for name in ("glossary.yaml", "chronology.yaml"):  # the chronology points into the first copy
        shutil.copy2(ROOT / "sources" / name, root / "sources" / name)
    for name in ("bibliography.bib", "editors.bib"):  # the registers cite the editors' pages by key
        shutil.copy2(ROOT / name, root / name)
    for name in ("docs", "mkdocs.yml"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, root / name)
    for page in ("index.md", "about.md"):  # their links name the real chapter's sections
        (root / "docs" / page).write_text("# Synthetic edition\n\nFor the scale benchmark.\n", "utf-8")


def measure(command: list[str], cwd: Path, cpu: list[float] | None = None) -> tuple[float, float]:
    """Wall time in seconds and peak resident memory in MiB (via GNU time if present);
    with `cpu`, the user and system time is added to it."""
    timer = shutil.which("time") or "/usr/bin/time"
    wrapped = [timer, "-f", "%M", *command] if Path(timer).exists() else command
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(wrapped, cwd=cwd, capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    peak = float(result.stderr.strip().splitlines()[-1]) / 1024 if wrapped is not command else float("nan")
    return elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "book"
        root.mkdir()
        synthetic(root, args.copies)
        cli = [sys.executable, "-m", "edition.cli"]
        subprocess.run([*cli, "lock"], cwd=root, check=True, capture_output=True)
        cold = measure([*cli, "build"], root)
        plain_cmd = plain_mkdocs(root)
        full, plain, full_cpu, plain_cpu = [], [], [], []
        for _ in range(args.repeats):
            full.append(measure([*cli, "build"], root, full_cpu))
            plain.append(measure(plain_cmd, root, plain_cpu))
        blocks = sum(
            1
            for line in (root / "sources/paragraphs.lock").read_text("utf-8").splitlines()
            if line.startswith("- id:")
        )
    med = statistics.median
    print(f"synthetic edition: {args.copies} copies, {blocks} paragraphs; repeats {args.repeats}, alternated")
    print(f"edition build  median {med(t for t, _ in full):.2f} s, peak {max(m for _, m in full):.0f} MiB")
    print(f"mkdocs build   median {med(t for t, _ in plain):.2f} s, peak {max(m for _, m in plain):.0f} MiB")
    print(f"ratio          {med(t for t, _ in full) / med(t for t, _ in plain):.2f}  (target <= 1.3)")
    cpu_full, cpu_plain = med(full_cpu), med(plain_cpu)
    print(f"CPU time       median {cpu_full:.2f} s vs {cpu_plain:.2f} s, ratio {cpu_full / cpu_plain:.2f}")
    print(f"first edition build (empty citeproc cache): {cold[0]:.2f} s, peak {cold[1]:.0f} MiB")
    warm = med(t for t, _ in full)
    print(f"cold / warm    {cold[0] / warm:.2f}  (target <= 2; peak target <= 400 MiB)")


if __name__ == "__main__":
    main()
