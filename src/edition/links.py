"""Check stage: every internal link and anchor in the built site resolves, and no
page loads anything from another host."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Built pages come from MkDocs and this package, which always quote attributes with
# double quotes; reading them with patterns is several times faster than a full parse.
TAG = re.compile(r"<(a|link|script|img|iframe|source)\b([^>]*)>", re.I)
ATTRIBUTE = re.compile(r'\s([a-z-]+)="([^"]*)"', re.I)
ID = re.compile(r'\s(?:id|name)="([^"]*)"')
LOADS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "link": "href"}


@dataclass(frozen=True)
class _Page:
    ids: set[str]
    links: list[tuple[str, str]]  # (tag, url)


def _parse(path: Path) -> _Page:
    text = path.read_text("utf-8", errors="replace")
    links = []
    for tag, attributes in TAG.findall(text):
        values = {k.lower(): unescape(v) for k, v in ATTRIBUTE.findall(attributes)}
        tag = tag.lower()
        name = "href" if tag == "a" else LOADS[tag]
        if tag == "link" and values.get("rel") in ("canonical", "alternate"):
            continue
        if values.get(name):
            links.append((tag, values[name]))
    return _Page({unescape(i) for i in ID.findall(text)}, links)


def check_links(site: Path, base_path: str = "/") -> list[str]:
    """Problems found: a missing file or anchor, or a resource from another host.

    A root-relative link ("/repo/page.html", as in MkDocs' 404 page) is read
    against the site's base path, where the site will be served.
    """
    site = site.resolve()
    pages = {p: _parse(p) for p in sorted(site.rglob("*.html"))}
    problems = []
    for path, page in pages.items():
        name = path.relative_to(site).as_posix()
        for tag, url in page.links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                if tag != "a":
                    problems.append(f"{name}: <{tag}> loads {url} from another host")
                continue
            if url.startswith(("mailto:", "data:", "javascript:")):
                continue
            if parts.path.startswith("/"):
                if not parts.path.startswith(base_path):
                    problems.append(f"{name}: link {url} is outside the site's base {base_path}")
                    continue
                target = (site / unquote(parts.path[len(base_path) :])).resolve()
            elif parts.path:
                target = (path.parent / unquote(parts.path)).resolve()
            else:
                target = path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{name}: link to missing {url}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{name}: link to missing anchor {url}")
    return problems
