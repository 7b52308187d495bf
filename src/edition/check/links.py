"""Check stage: every internal link and anchor in the built site resolves, and no
page loads anything from another host."""

from __future__ import annotations

import os
import posixpath
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


NAV_TAG = re.compile(r"<(/?)nav\b")
PRIMARY_NAV = '<nav class="md-nav md-nav--primary"'


def _without_primary_nav(text: str) -> str:
    """The page without the theme's site navigation, which is the same on every page."""
    start = text.find(PRIMARY_NAV)
    if start < 0:
        return text
    depth = 0
    for match in NAV_TAG.finditer(text, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return text[:start] + text[match.end() :]
    return text


def _parse(path: Path, skip_nav: bool = False) -> _Page:
    text = path.read_text("utf-8", errors="replace")
    if skip_nav:
        text = _without_primary_nav(text)
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


def site_files(site: Path) -> set[str]:
    """Every file's path under the site, as links name them ("p/12.html")."""
    files: set[str] = set()
    for folder, _dirs, names in os.walk(site):
        relative = os.path.relpath(folder, site)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        files.update(prefix + name for name in names)
    return files


def check_links(site: Path, base_path: str = "/", redirects: dict[str, str] | None = None) -> list[str]:
    """Problems found: a missing file or anchor, or a resource from another host.

    A root-relative link ("/repo/page.html", as in MkDocs' 404 page) is read
    against the site's base path, where the site will be served. Paths are
    worked out as strings against one listing of the site, not on the disk.
    `redirects` are forwarding pages the build wrote from data (name -> target):
    their targets are checked without reading thousands of tiny files back.
    """
    redirects = redirects or {}
    files = site_files(site)
    pages = {
        name: _parse(site / name)
        for name in sorted(files)
        if name.endswith(".html") and name not in redirects
    }
    problems = [f"{name}: missing forwarding page" for name in redirects if name not in files]
    for name, target in redirects.items():
        page, _, anchor = target.partition("#")
        if page not in pages or anchor not in pages[page].ids:
            problems.append(f"{name}: forwards to missing {target}")
    # the theme's navigation gives every page the same few hundred links: each link
    # is worked out once per folder it is written in (once per page if it names no
    # path), and reported on every page that has it
    verdicts: dict[tuple[str, str, str], str | None] = {}
    for name, page in pages.items():
        folder = posixpath.dirname(name)
        for tag, url in page.links:
            key = (name if url[:1] in ("#", "?") else folder, tag, url)
            if key not in verdicts:
                verdicts[key] = _verdict(key[0], tag, url, files, pages, base_path)
            if verdicts[key]:
                problems.append(f"{name}: {verdicts[key]}")
    return problems


def _verdict(
    here: str, tag: str, url: str, files: set[str], pages: dict[str, _Page], base_path: str
) -> str | None:
    """What is wrong with a link; None if nothing. `here` is the folder of the page
    that has it, or, for a link with no path ("#note-3"), the page itself."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return f"<{tag}> loads {url} from another host" if tag != "a" else None
    if url.startswith(("mailto:", "data:", "javascript:")):
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base_path):
            return f"link {url} is outside the site's base {base_path}"
        target = posixpath.normpath(path[len(base_path) :] or ".")
    elif path:
        target = posixpath.normpath(posixpath.join(here, path))
    else:
        target = here
    if target not in files:
        target = posixpath.normpath(posixpath.join(target, "index.html"))
    if target not in files:
        return f"link to missing {url}"
    if parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
        return f"link to missing anchor {url}"
    return None
