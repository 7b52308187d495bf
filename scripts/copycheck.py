"""Copy check: the longest run of words an editorial text shares with reference excerpts.

    python3 scripts/copycheck.py EXCERPTS... [--glossary ID ...] [--apparatus ID ...]
        [--commentary ID ...] [--chronology ID ...] [--limit 10]

Each EXCERPTS argument is a text file of what a reference says (keep third-party text
out of the repository, e.g. in /tmp). With no ids, every entry of the four sources
files is checked. For each entry the longest shared run is reported; a run of `limit`
words or more is a failure (exit status 1).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edition.check.copycheck import entry_texts, longest_run, tokens

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("excerpts", nargs="+", type=Path)
    for kind in ("glossary", "apparatus", "commentary", "chronology"):
        parser.add_argument(f"--{kind}", nargs="*", default=None, metavar="ID")
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    reference = [tokens(p.read_text("utf-8")) for p in args.excerpts]
    chosen = {k: getattr(args, k) for k in ("glossary", "apparatus", "commentary", "chronology")}
    if all(v is None for v in chosen.values()):
        chosen = dict.fromkeys(chosen, [])
    failed = False
    for kind, ident, text in entry_texts(args.root / "sources"):
        wanted = chosen.get(kind)
        if wanted is None or (wanted and ident not in wanted):
            continue
        run = max((longest_run(tokens(text), ref) for ref in reference), key=len, default=[])
        flag = "FAIL" if len(run) >= args.limit else "ok"
        failed |= flag == "FAIL"
        print(f"{flag}\t{kind}:{ident}\t{len(run)}\t{' '.join(run)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
