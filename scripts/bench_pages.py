"""Benchmark for readers: Lighthouse (mobile) on each page type of the built site,
served with gzip on localhost, beside a plain mkdocs-material build of the raw
chapter, median of several runs. Needs Lighthouse 12.2.3 from npm in build/tools
(`npm install --prefix build/tools lighthouse@12.2.3`) and Debian's Chromium.

    python scripts/bench_pages.py [--runs 3] [--engine mkdocs|zensical]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from edition.check.browser import CHROMIUM, chrome_flags

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "build/tools/node_modules/lighthouse/cli/index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home": "index.html",
    "section": "unrest-among-industrial-workers.html",
    "glossary": "glossary.html",
    "bibliography": "bibliography.html",
    "apparatus": "apparatus.html",
    "chronology": "chronology.html",
}


class Gzip(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped for clients that accept it, as a static host would serve them."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        text = path.suffix in {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
        if not path.is_file() or not text or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def serve(folder: Path) -> tuple[http.server.HTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Gzip, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def plain_site(work: Path) -> Path:
    """mkdocs-material with its defaults, the raw chapter as one Markdown page."""
    spec = __import__("yaml").safe_load((ROOT / "sources/edition.yaml").read_text("utf-8"))
    text = (ROOT / "sources" / spec["received"]["file"]).read_text("utf-8")
    (work / "docs").mkdir()
    (work / "docs/index.md").write_text(text, "utf-8")
    (work / "mkdocs.yml").write_text(
        "site_name: The New Course Controversy\ntheme:\n  name: material\n", "utf-8"
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.yml")], check=True
    )
    return work / "site"


def lighthouse(url: str, out: Path) -> dict:
    subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={chrome_flags()}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True,
    )
    report = json.loads(out.read_text("utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    scores["bytes"] = report["audits"]["total-byte-weight"]["numericValue"]
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"Lighthouse not found at {LIGHTHOUSE}: npm install --prefix build/tools lighthouse@12.2.3")
    subprocess.run(
        [sys.executable, "-m", "edition.cli", "--root", str(ROOT), "--engine", args.engine, "build"],
        check=True,
        capture_output=True,
    )
    with tempfile.TemporaryDirectory() as tmp:
        ours, ours_url = serve(ROOT / "site")
        plain, plain_url = serve(plain_site(Path(tmp)))
        targets = {f"edition {k}": ours_url + v for k, v in PAGES.items()} | {
            "plain mkdocs-material": plain_url
        }
        print(f"Lighthouse 12.2.3, mobile, median of {args.runs} runs, gzip on localhost, {args.engine}")
        print(f"{'page':<24}{'perf':>6}{'a11y':>6}{'bp':>6}{'seo':>6}{'KB':>9}")
        for name, url in targets.items():
            runs = [lighthouse(url, Path(tmp) / f"r{i}.json") for i in range(args.runs)]
            med = {k: statistics.median(r[k] for r in runs) for k in (*CATEGORIES, "bytes")}
            print(
                f"{name:<24}"
                + "".join(f"{med[c]:>6.0f}" for c in CATEGORIES)
                + f"{med['bytes'] / 1024:>9.1f}"
            )
        ours.shutdown()
        plain.shutdown()


if __name__ == "__main__":
    main()
