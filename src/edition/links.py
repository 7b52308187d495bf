"""Check stage: every internal link and anchor in the built site resolves, and no
page loads anything from another host."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LOADS = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
         ("link", "href")}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(attributes[name])
        if tag == "a" and attributes.get("href"):
            self.links.append((tag, attributes["href"]))
        for load_tag, name in LOADS:
            if tag == load_tag and attributes.get(name):
                rel = attributes.get("rel") or ""
                if tag == "link" and rel in ("canonical", "alternate"):
                    continue
                self.links.append((tag, attributes[name]))


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8", errors="replace"))
    return page


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
                target = (site / unquote(parts.path[len(base_path):])).resolve()
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
