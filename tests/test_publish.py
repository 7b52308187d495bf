"""Publishing: the Pages workflow, and the site crawled over HTTP under a project path
and at a domain root, every page, link and anchor."""

import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
import yaml
from conftest import ROOT, copy_inputs


def test_the_workflow_builds_checks_exports_and_deploys():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text("utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML reads the key "on" as True
    steps = workflow["jobs"]["build"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert {
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
    } <= set(uses)
    script = "\n".join(s.get("run", "") for s in steps)
    for command in ("edition build", "edition check", "edition export"):
        assert command in script
    build_step = next(s for s in steps if "edition build" in s.get("run", ""))
    assert "steps.pages.outputs.base_url" in build_step["env"]["EDITION_SITE_URL"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for name in ("href", "src"):
            if a.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(a[name])


def crawl(start):
    """Every page reachable from the start, each link fetched and each anchor found."""
    pages, queue, problems = {}, [start + "index.html"], []
    host = urlsplit(start).netloc
    while queue:
        url = queue.pop()
        if url in pages:
            continue
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read()
        page = Page()
        if url.endswith(".html"):
            page.feed(body.decode("utf-8"))
        pages[url] = page
        for link in page.links:
            target, _ = urldefrag(urljoin(url, link))
            if urlsplit(target).netloc != host:
                continue
            if not target.startswith(start):
                problems.append(f"{url}: {link} leaves the site's path")
            elif target not in pages and target not in queue:
                queue.append(target)
    for url, page in pages.items():
        for link in page.links:
            target, fragment = urldefrag(urljoin(url, link))
            if fragment and target in pages and fragment not in pages[target].ids:
                problems.append(f"{url}: missing anchor {link}")
    return pages, problems


@pytest.mark.parametrize("prefix", ["/new-course/", "/"])
def test_the_site_works_under_a_project_path_and_at_a_domain_root(tmp_path, prefix):
    root = copy_inputs(tmp_path / "project", releases=True)
    server_site = tmp_path / "project" / "site"
    # the site URL is the one the site will be served at, as the workflow sets it
    probe = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    port = probe.server_address[1]
    probe.server_close()
    env = {**os.environ, "EDITION_SITE_URL": f"http://127.0.0.1:{port}{prefix}"}
    subprocess.run(
        [sys.executable, "-m", "edition.cli", "--root", str(root), "build"],
        env=env,
        check=True,
        capture_output=True,
    )
    served = tmp_path / "served"
    (served / prefix.strip("/")).parent.mkdir(parents=True, exist_ok=True)
    if prefix.strip("/"):
        (served / prefix.strip("/")).symlink_to(server_site, target_is_directory=True)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    directory = served if prefix.strip("/") else server_site
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Quiet, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{port}{prefix}"
    try:
        pages, problems = crawl(base)
        # the permanent addresses are linked from no page: each is fetched from the data
        with urllib.request.urlopen(base + "data/paragraphs.json", timeout=10) as response:
            labels = [p["label"] for p in json.load(response)]
        releases = yaml.safe_load((root / "sources" / "releases.yaml").read_text("utf-8"))["releases"]
        prefixes = ["", *(f"v/{r['version']}/" for r in releases)]  # the latest and every release
        for label, sub in ((label, sub) for sub in prefixes for label in labels):
            url = f"{base}{sub}p/{label}.html"
            with urllib.request.urlopen(url, timeout=10) as response:
                page = response.read().decode("utf-8")
            forward = re.search(r'location\.replace\("([^"]+)"\)', page).group(1)
            assert f'href="{forward}">Read' in page  # the same place, for readers without scripts
            target, fragment = urldefrag(urljoin(url, forward))
            if target not in pages or fragment not in pages[target].ids:
                problems.append(f"{url} forwards to missing {forward}")
    finally:
        server.shutdown()
        server.server_close()
    assert problems == []
    html_pages = [u for u in pages if u.endswith(".html")]
    assert len(html_pages) >= 13 and len(labels) == 107  # every page of the nav, every ¶
    canonical = re.search(
        r'<link rel="canonical" href="([^"]+)"', (server_site / "the-troika-reacts.html").read_text("utf-8")
    )
    assert canonical.group(1) == f"http://127.0.0.1:{port}{prefix}the-troika-reacts.html"
