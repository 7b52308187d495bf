"""Benchmark: `edition build` against a plain `mkdocs build` of the same generated docs.

Both run as fresh processes, alternated, several times; the script prints the
medians and their ratio (target: at most 1.3).

    python scripts/bench_build.py [--repeats 7]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchkit import compile_package, plain_mkdocs

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], cwd: Path, cpu: list[float] | None = None) -> float:
    """Wall time; with `cpu`, the process's user and system time is added to it (on a
    shared machine the wall time also counts the waits for a core)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "edition"
        shutil.copytree(
            ROOT,
            root,
            ignore=shutil.ignore_patterns("site", "build", ".git", ".cache", "__pycache__", "*.egg-info"),
        )
        compile_package()
        edition = [sys.executable, "-m", "edition.cli", "build"]
        subprocess.run(edition, cwd=root, check=True, capture_output=True)  # warms the cache
        plain = plain_mkdocs(root)
        full, bare, full_cpu, bare_cpu = [], [], [], []
        for _ in range(args.repeats):
            full.append(timed(edition, root, full_cpu))
            bare.append(timed(plain, root, bare_cpu))
        cold_root = Path(tmp) / "cold"
        shutil.copytree(root, cold_root, ignore=shutil.ignore_patterns("site", "build", ".cache"))
        cold = timed(edition, cold_root)
    full_median, bare_median = statistics.median(full), statistics.median(bare)
    print(f"repeats: {args.repeats} (alternated, fresh processes)")
    print(f"edition build  median {full_median:.3f} s  (min {min(full):.3f}, max {max(full):.3f})")
    print(f"mkdocs build   median {bare_median:.3f} s  (min {min(bare):.3f}, max {max(bare):.3f})")
    print(f"ratio          {full_median / bare_median:.2f}  (target <= 1.3)")
    cpu_full, cpu_bare = statistics.median(full_cpu), statistics.median(bare_cpu)
    print(f"CPU time       median {cpu_full:.3f} s against {cpu_bare:.3f} s, ratio {cpu_full / cpu_bare:.2f}")
    print(f"edition build with an empty citeproc cache: {cold:.3f} s")


if __name__ == "__main__":
    main()
