"""Browser tests: drive the built site in Debian's Chromium through Playwright.

The site is built once per session into a temporary copy of the project (so the
developer's site/ is never touched), served on 127.0.0.1 on an ephemeral port, and
every page is watched for requests to any other host: the edition makes none.

Run with `python -m pytest tests/test_browser.py` (or `-m browser`). Playwright's own
browser downloads are never used: Chromium must be at /usr/bin/chromium.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
LOCAL_HOST = "127.0.0.1"

CHAPTER_PAGES = [
    "the-new-course-controversy.html",
    "unrest-among-industrial-workers.html",
    "trotskys-reaction-to-workers-unrest.html",
    "the-troika-reacts.html",
    "trotskys-elaboration-on-the-new-course.html",
    "weaknesses-in-trotskys-new-course.html",
]
UNREST = "unrest-among-industrial-workers.html"
LAST = "weaknesses-in-trotskys-new-course.html"

POPOVER = "#ed-popover"
# the theme's search, as either engine draws it (Zensical's inside a shadow root,
# which Playwright's selectors enter)
ENGINE = os.environ.get("EDITION_ENGINE") or "mkdocs"
SEARCH_FIELD = 'input[aria-label="Search"]'
INDEX = {"mkdocs": "search/search_index.json", "zensical": "search.json"}
PAGE_TYPES = [
    "index.html",
    UNREST,
    "glossary.html",
    "persons.html",
    "bibliography.html",
    "apparatus.html",
    "chronology.html",
    "downloads.html",
    "data.html",
    "about.html",
]


# --------------------------------------------------------------------------- fixtures


def _ignore(directory: str, names: list[str]) -> set[str]:
    """What not to copy: build outputs at the top, caches and VCS data anywhere."""
    skipped = {".git", ".cache", "__pycache__"}
    if Path(directory).resolve() == ROOT:
        skipped |= {"site", "build"}
    return {name for name in names if name in skipped}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    """A browser closing a connection early (a cancelled prefetch) is not an error."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build the site once into a copy of the project and serve it on 127.0.0.1."""
    copy = tmp_path_factory.mktemp("edition") / "project"
    shutil.copytree(ROOT, copy, ignore=_ignore)
    env = dict(os.environ)
    # Build the copy with the copy's own code, whether or not the package is installed
    # in editable mode.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(copy / "src"), env.get("PYTHONPATH", "")) if p)
    subprocess.run([sys.executable, "-m", "edition.cli", "build"], cwd=copy, env=env, check=True)
    site = copy / "site"
    assert (site / "index.html").is_file(), f"the build wrote no {site / 'index.html'}"

    # Serve it under the project path of its configured site URL, as GitHub Pages will.
    site_path = urlsplit(
        yaml.safe_load((copy / "sources/edition.yaml").read_text("utf-8"))["metadata"]["site_url"]
    ).path
    served = copy / "served"
    (served / site_path.strip("/")).parent.mkdir(parents=True, exist_ok=True)
    (served / site_path.strip("/")).symlink_to(site, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(served))
    server = _QuietServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}{site_path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Open a page in a fresh context (keyword arguments go to new_context).

    Every request is recorded; one to a host other than 127.0.0.1 is aborted and
    fails the test.
    """
    contexts: list[BrowserContext] = []
    requested: list[str] = []

    def guard(route, request) -> None:
        requested.append(request.url)
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != LOCAL_HOST:
            route.abort()
        else:
            route.continue_()

    def open_page(**options) -> Page:
        context = browser.new_context(**options)
        context.set_default_timeout(5_000)
        context.route("**/*", guard)
        contexts.append(context)
        return context.new_page()

    yield open_page

    for context in contexts:
        context.close()
    foreign = sorted(
        {
            url
            for url in requested
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).hostname != LOCAL_HOST
        }
    )
    assert requested, "no request was recorded at all"
    assert not foreign, "the site made third-party requests:\n" + "\n".join(foreign)


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    return new_page()


# --------------------------------------------------------------------------- helpers


def _notes_on(page: Page) -> tuple[list[int], list[int]]:
    """The note numbers of the calls in the text and of the notes list, in page order."""
    calls = page.eval_on_selector_all(
        "sup.note-call a[data-note]", "els => els.map(e => Number(e.dataset.note))"
    )
    notes = page.eval_on_selector_all(
        "ol.notes > li.note", "els => els.map(e => Number(e.id.replace('note-', '')))"
    )
    return calls, notes


def _luminance(css_colour: str) -> float:
    """Relative luminance (0 black … 1 white) of an rgb()/rgba() computed colour."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", css_colour)]
    assert len(numbers) >= 3, f"unexpected colour {css_colour!r}"
    if len(numbers) == 4:
        assert numbers[3] > 0.9, f"background is (nearly) transparent: {css_colour!r}"

    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in numbers[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


# --------------------------------------------------------------------------- tests


def test_hover_shows_note_popover(page: Page, site_url: str) -> None:
    page.goto(site_url + UNREST)
    call = page.locator("#call-4")
    popover = page.locator(POPOVER)

    call.hover()
    expect(popover).to_be_visible()
    expect(popover).to_have_attribute("role", "tooltip")
    expect(popover).to_contain_text("Soviet Economic Development since 1917")
    expect(popover).to_contain_text("Routledge")
    expect(call).to_have_attribute("aria-describedby", "ed-popover")
    # A clone of the note, not the note itself: no duplicated ids on the page.
    assert page.locator("#note-4").count() == 1

    page.mouse.move(5, 400)
    expect(popover).to_be_hidden()
    expect(call).not_to_have_attribute("aria-describedby", "ed-popover")


def test_keyboard_focus_shows_popover_and_escape_returns_focus(page: Page, site_url: str) -> None:
    page.goto(site_url + UNREST)
    call = page.locator("#call-4")
    popover = page.locator(POPOVER)

    # Start from the paragraph number of the paragraph holding the call, then Tab.
    start = page.locator(".para", has=call).locator("a.pnum")
    start.focus()
    for _ in range(20):
        if call.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the call of note 4")

    expect(popover).to_be_visible()
    expect(popover).to_contain_text("Soviet Economic Development since 1917")
    expect(call).to_have_attribute("aria-describedby", "ed-popover")

    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    expect(call).to_be_focused()
    expect(call).not_to_have_attribute("aria-describedby", "ed-popover")


def test_tap_on_phone_shows_popover_in_place(new_page: Callable[..., Page], site_url: str) -> None:
    page = new_page(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    url = site_url + UNREST
    page.goto(url)
    call = page.locator("#call-4")
    popover = page.locator(POPOVER)

    call.scroll_into_view_if_needed()
    call.tap()
    url_after_first_tap = page.url
    expect(popover).to_be_visible()
    expect(popover).to_contain_text("Soviet Economic Development since 1917")
    expect(call).to_have_attribute("aria-describedby", "ed-popover")

    box = popover.bounding_box()
    assert box is not None
    width = page.evaluate("document.documentElement.clientWidth")
    assert box["x"] >= 0, box
    assert box["x"] + box["width"] <= width, (box, width)

    # Tapping elsewhere (the heading's text, not a link) dismisses it.
    page.locator("article h1").first.tap(position={"x": 5, "y": 5})
    expect(popover).to_be_hidden()

    # The first tap showed the note instead of following the link to it ...
    assert url_after_first_tap == url, f"the first tap followed the link: {url_after_first_tap}"
    assert page.url == url

    # ... and a second tap on the same call follows it.
    call.tap()
    expect(popover).to_be_visible()
    assert page.url == url
    call.tap()
    expect(page).to_have_url(url + "#note-4")


def test_note_numbers_continue_across_pages(page: Page, site_url: str) -> None:
    all_calls: list[int] = []
    for name in CHAPTER_PAGES:
        page.goto(site_url + name)
        calls, notes = _notes_on(page)
        assert calls, f"{name}: no note calls"
        assert calls == notes, f"{name}: calls {calls} but notes list {notes}"
        if name == UNREST:
            assert calls[0] == 4
        if name == LAST:
            assert calls[-1] == 43
        all_calls += calls
    assert all_calls == list(range(1, 44))


def test_paragraph_permalinks(page: Page, site_url: str) -> None:
    page.goto(site_url + UNREST + "#p12")
    para = page.locator("#p12")
    expect(para).to_have_count(1)
    expect(para).to_have_class(re.compile(r"\bpara\b"))
    expect(para).to_be_in_viewport()
    pnum = para.locator("a.pnum")
    expect(pnum).to_have_text("12")
    expect(pnum).to_have_attribute("href", "#p12")

    # The paragraph numbers run through the chapter: this page's first is not 1.
    numbers = page.eval_on_selector_all(".para[data-n]", "els => els.map(e => +e.dataset.n)")
    assert 12 in numbers and numbers == sorted(numbers) and numbers[0] > 1

    other = page.locator("#p14 > a.pnum")
    other.scroll_into_view_if_needed()
    other.click()
    expect(page).to_have_url(re.compile(r"#p14$"))
    assert page.evaluate("location.hash") == "#p14"
    expect(page.locator("#p14")).to_be_in_viewport()


def test_reference_to_bibliography_and_back(page: Page, site_url: str) -> None:
    page.goto(site_url + UNREST)
    page.locator("#note-7 .note-refs a").first.click()
    expect(page).to_have_url(site_url + "bibliography.html#ref-carr-interregnum")
    entry = page.locator("#ref-carr-interregnum")
    expect(entry).to_be_visible()
    expect(entry).to_be_in_viewport()
    expect(entry).to_contain_text("Interregnum")

    cited = entry.locator(".cited-in a")
    expect(cited).to_have_text(["7", "8", "9", "10", "18", "42"])

    cited.filter(has_text=re.compile(r"^42$")).click()
    expect(page).to_have_url(site_url + LAST + "#note-42")
    note = page.locator("#note-42")
    expect(note).to_be_in_viewport()
    expect(note.locator(".note-text")).to_contain_text("Pravda")


def test_previous_and_next_footer_links(page: Page, site_url: str) -> None:
    page.goto(site_url + "the-troika-reacts.html")
    prev = page.locator("a.md-footer__link--prev")
    nxt = page.locator("a.md-footer__link--next")
    expect(prev).to_have_count(1)
    expect(nxt).to_have_count(1)
    expect(prev).to_have_attribute("href", re.compile(r"(^|/)trotskys-reaction-to-workers-unrest\.html$"))
    expect(nxt).to_have_attribute("href", re.compile(r"(^|/)trotskys-elaboration-on-the-new-course\.html$"))
    nxt.click()
    expect(page).to_have_url(site_url + "trotskys-elaboration-on-the-new-course.html")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colour_scheme_follows_the_system(new_page: Callable[..., Page], site_url: str, scheme: str) -> None:
    page = new_page(color_scheme=scheme)
    page.goto(site_url + UNREST)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    luminance = _luminance(background)
    if scheme == "dark":
        assert luminance < 0.1, f"dark scheme but body background is {background}"
    else:
        assert luminance > 0.6, f"light scheme but body background is {background}"


def test_the_scheme_toggle_switches_and_is_remembered(new_page: Callable[..., Page], site_url: str) -> None:
    """The header's toggle (the theme's markup, switched by the edition's own script)."""
    page = new_page(color_scheme="light")
    page.goto(site_url + UNREST)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    toggle = page.locator("label[title='Switch to dark mode']")
    expect(toggle).to_be_visible()
    expect(page.locator("label[title='Switch to light mode']")).to_be_hidden()
    toggle.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert _luminance(page.evaluate("getComputedStyle(document.body).backgroundColor")) < 0.1
    page.goto(site_url + "glossary.html")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    expect(page.locator("label[title='Switch to light mode']")).to_be_visible()
    page.locator("#__palette_1").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"


def test_screenshots_phone_and_desktop(new_page: Callable[..., Page], site_url: str, tmp_path: Path) -> None:
    for width, height in ((390, 844), (1366, 900)):
        page = new_page(viewport={"width": width, "height": height})
        page.goto(site_url + UNREST)
        shot = tmp_path / f"unrest-{width}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.is_file()
        assert shot.stat().st_size > 20_000, f"{shot} is only {shot.stat().st_size} bytes"
        # Nothing spills sideways out of the page at either width.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{width}px: the page scrolls sideways by {overflow}px"


# --------------------------------------------------------------------------- glossary


def test_hover_a_name_reads_its_gloss_and_follows_to_the_entry(page: Page, site_url: str) -> None:
    page.goto(site_url + "the-new-course-controversy.html")
    name = page.locator('#p2 a.gloss[data-gloss="rabkrin"]')
    expect(name).to_have_count(1)
    name.hover()
    popover = page.locator(POPOVER)
    expect(popover).to_be_visible()
    expect(popover.locator(".pop-head")).to_contain_text("Rabkrin")
    gloss = popover.locator(".pop-gloss").inner_text()
    assert len(gloss.split()) >= 3
    name.click()
    page.wait_for_url(re.compile(r"glossary\.html#rabkrin$"))
    entry = page.locator("#rabkrin")
    expect(entry).to_be_in_viewport()
    assert gloss in page.locator(".gloss-entry", has=page.locator("#rabkrin")).inner_text()


def test_only_the_first_mention_in_a_paragraph_is_a_link(page: Page, site_url: str) -> None:
    page.goto(site_url + "the-new-course-controversy.html")
    assert page.locator('#p2 a.gloss[data-gloss="trotsky"]').count() == 1
    assert page.locator('#p2 .gloss-mention[data-gloss="trotsky"]').count() >= 1


def test_keyboard_reaches_a_gloss_and_escape_closes_it(page: Page, site_url: str) -> None:
    page.goto(site_url + "the-new-course-controversy.html")
    name = page.locator('#p2 a.gloss[data-gloss="rabkrin"]')
    name.focus()
    expect(page.locator(POPOVER)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(POPOVER)).to_be_hidden()
    assert page.evaluate("document.activeElement.getAttribute('data-gloss')") == "rabkrin"


def test_mentioned_in_leads_back_to_the_paragraph(page: Page, site_url: str) -> None:
    page.goto(site_url + "glossary.html#rabkrin")
    entry = page.locator(".gloss-entry", has=page.locator("#rabkrin"))
    links = entry.locator(".gloss-mentions a")
    count = links.count()
    assert count >= 2
    assert f"({count})" in entry.locator(".gloss-mentions").inner_text()
    first = links.first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    target = page.locator("#" + href.split("#")[1])
    expect(target).to_be_in_viewport()
    expect(target.locator('[data-gloss="rabkrin"]').first).to_be_attached()


def test_an_entrys_related_entries_and_sources_open_on_request(page: Page, site_url: str) -> None:
    page.goto(site_url + "glossary.html#rabkrin")
    button = page.locator("button[aria-controls='more-rabkrin']")
    extra = page.locator("#more-rabkrin")
    expect(extra).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(extra.locator(".gloss-sources a").first).to_be_visible()
    expect(extra.locator(".gloss-related a", has_text="Joseph Stalin")).to_be_visible()
    button.click()
    expect(extra).to_be_hidden()
    page.get_by_role("button", name="Open them all").click()
    expect(page.locator("#more-stalin .gloss-sources")).to_be_visible()
    expect(page.locator(".gloss-extra[hidden]")).to_have_count(0)


def test_without_scripts_the_glossary_shows_everything(new_page: Callable[..., Page], site_url: str) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "glossary.html#rabkrin")
    expect(page.locator("#more-rabkrin .gloss-sources a").first).to_be_visible()
    expect(page.locator("button.gloss-more").first).to_be_hidden()


def test_type_filter_and_persons_sort(page: Page, site_url: str) -> None:
    page.goto(site_url + "glossary.html")
    page.get_by_role("button", name="Persons").click()
    expect(page.locator('.gloss-entry[data-type="body"]').first).to_be_hidden()
    expect(page.locator('.gloss-entry[data-type="person"]').first).to_be_visible()
    page.goto(site_url + "persons.html")
    counts = [int(c) for c in page.locator("table.persons tbody td:nth-child(3)").all_inner_texts()]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1
    page.get_by_role("button", name="Person").click()
    names = page.locator("table.persons tbody th").evaluate_all(
        "cells => cells.map(c => c.getAttribute('data-sort'))"
    )
    assert names == sorted(names)


def test_tap_on_a_name_shows_its_gloss_in_place(new_page: Callable[..., Page], site_url: str) -> None:
    page = new_page(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page.goto(site_url + "the-new-course-controversy.html")
    name = page.locator('#p2 a.gloss[data-gloss="rabkrin"]')
    name.tap()
    expect(page.locator(POPOVER)).to_be_visible()
    expect(page.locator(POPOVER + " .pop-head")).to_contain_text("Rabkrin")
    assert "glossary.html" not in page.url
    box = page.locator(POPOVER).bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390


# --------------------------------------------------------------------------- apparatus


def test_an_intervention_explains_itself_on_hover(page: Page, site_url: str) -> None:
    page.goto(site_url + UNREST)
    change = page.locator('#p16 .app[data-app="duranty-might"]')
    assert change.inner_text() == "‘might again"  # the received reading is hidden
    change.hover()
    popover = page.locator(POPOVER)
    expect(popover).to_be_visible()
    expect(popover).to_contain_text("Received: ‘night again")
    expect(popover).to_contain_text("Edited: ‘might again")
    expect(popover.locator("a.pop-more")).to_have_attribute("href", "apparatus.html#app-duranty-might")


def test_switch_shows_the_received_text_and_is_remembered(page: Page, site_url: str) -> None:
    page.goto(site_url + UNREST)
    paragraph = page.locator("#p16")
    assert "might again" in paragraph.inner_text()
    switch = page.locator("button.app-switch")
    expect(switch).to_have_attribute("aria-pressed", "false")
    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    assert "‘night again" in paragraph.inner_text() and "might again" not in paragraph.inner_text()
    expect(page.locator("sup.ed-call").first).to_be_hidden()
    # another page opens in the received view too
    page.goto(site_url + "the-new-course-controversy.html")
    expect(page.locator("button.app-switch")).to_have_attribute("aria-pressed", "true")
    assert "hers. Vladimir Ilyich asks" in page.locator("#p2").inner_text()
    page.locator("button.app-switch").click()
    assert "hers. ‘Vladimir Ilyich asks" in page.locator("#p2").inner_text()
    page.goto(site_url + UNREST)
    assert "might again" in page.locator("#p16").inner_text()


def test_editors_note_popover_and_its_place_in_the_apparatus(page: Page, site_url: str) -> None:
    page.goto(site_url + "the-troika-reacts.html")
    call = page.locator("sup.ed-call a").first
    letter = call.inner_text()
    call.focus()
    expect(page.locator(POPOVER)).to_be_visible()
    expect(page.locator(POPOVER)).to_contain_text(page.locator(f"#ed-{letter} .note-text").inner_text())
    page.keyboard.press("Escape")
    expect(page.locator(POPOVER)).to_be_hidden()
    page.goto(site_url + "apparatus.html")
    entry = page.locator(f"#comment-{letter}")
    expect(entry).to_be_visible()
    entry.locator("a").first.click()
    page.wait_for_url(re.compile(r"the-troika-reacts\.html#p\d+$"))


# --------------------------------------------------------------------------- citing


def test_cite_by_keyboard_copy_and_escape(new_page: Callable[..., Page], site_url: str, edition) -> None:
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(site_url + UNREST)
    cite = page.locator("#p12 button.cite-btn")
    cite.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Cite paragraph 12")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("para. 12")
    expect(dialog).to_contain_text("(Cliff, 1991/2026, para. 12)")
    expect(dialog).to_contain_text(f"An Annotated Digital Edition, version {edition.metadata['version']}")
    expect(dialog.locator(".cite-url a")).to_have_attribute("href", re.compile(r"/p/12\.html$"))
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Copy"
    page.keyboard.press("Enter")
    expect(dialog.locator(".cite-status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Tony Cliff, “The New Course Controversy,”") and "para. 12" in copied
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.getAttribute('data-cite')") == "12"


def test_a_permanent_address_lands_on_the_paragraph_and_highlights_it(page: Page, site_url: str) -> None:
    page.goto(site_url + "p/12.html")
    page.wait_for_url(re.compile(re.escape(site_url) + r"unrest-among-industrial-workers\.html#p12$"))
    target = page.locator("#p12")
    expect(target).to_be_in_viewport()
    other = page.locator("#p13")
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background != other.evaluate("el => getComputedStyle(el).backgroundColor")


def test_downloads_are_the_published_citation_files(page: Page, site_url: str) -> None:
    page.goto(site_url + UNREST)
    page.locator("#p12 button.cite-btn").click()
    bibtex = "@incollection{cliff-the-new-course-controversy-p12,"
    for name, start in (("BibTeX", bibtex), ("RIS", "TY  - CHAP")):
        link = page.get_by_role("link", name=name, exact=True)
        with page.expect_download() as download:
            link.click()
        text = download.value.path().read_text("utf-8")
        assert text.startswith(start) and "p/12.html" in text and "¶12" in text


def test_search_index_is_fetched_only_when_search_opens(page: Page, site_url: str) -> None:
    indexes: list[str] = []
    index = INDEX[ENGINE]
    page.on("request", lambda request: indexes.extend([request.url] if request.url.endswith(index) else []))
    page.goto(site_url + UNREST)
    page.wait_for_load_state("networkidle")
    assert indexes == []
    page.keyboard.press("/")
    page.locator(SEARCH_FIELD).press_sequentially("Rabkrin", delay=30)
    result = page.locator('a[href*="the-new-course-controversy.html?h=rabkrin" i]').first
    expect(result).to_be_visible(timeout=10_000)
    assert indexes == [site_url + INDEX[ENGINE]]
    # the result's page highlights the words searched for, which needs the index at once
    result.click()
    expect(page.locator("article mark", has_text="Rabkrin").first).to_be_visible()


@pytest.mark.parametrize(
    "how",
    [
        "pointer",
        pytest.param("ctrl+k", marks=pytest.mark.skipif(ENGINE != "zensical", reason="Material: no Ctrl+K")),
    ],
)
def test_search_by_pointer_or_shortcut_gets_the_held_index(page: Page, site_url: str, how: str) -> None:
    """Zensical draws its search only once the index has come; Material's field is
    there from the start. Either way the held index is released and results come."""
    indexes: list[str] = []
    index = INDEX[ENGINE]
    page.on("request", lambda request: indexes.extend([request.url] if request.url.endswith(index) else []))
    page.goto(site_url + UNREST)
    page.wait_for_load_state("networkidle")
    assert indexes == []
    if how == "pointer":
        page.locator("[data-md-component=search]").click()
    else:
        page.keyboard.press("Control+k")
    page.locator(SEARCH_FIELD).press_sequentially("Duranty", delay=30)
    expect(page.locator('a[href*="?h=duranty" i]').first).to_be_visible(timeout=10_000)
    assert indexes == [site_url + index]


# --------------------------------------------------------------------------- offline export


@pytest.fixture(scope="session")
def offline_url(exported: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The exported zip, unzipped as a reader would, as a file:// address."""
    import zipfile

    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(next((exported / "dist").glob("*-site.zip"))) as archive:
        archive.extractall(folder)
    (site,) = folder.iterdir()
    return site.as_uri() + "/"


def test_offline_copy_navigates_and_searches(new_page: Callable[..., Page], offline_url: str) -> None:
    page = new_page()
    page.goto(offline_url + "index.html")
    page.get_by_role("link", name="Unrest among industrial workers").first.click()
    page.wait_for_url(re.compile(r"unrest-among-industrial-workers\.html$"))
    page.keyboard.press("/")
    page.locator(SEARCH_FIELD).press_sequentially("Rabkrin", delay=30)
    result = page.locator('a[href*="the-new-course-controversy.html?h=" i]').first
    expect(result).to_be_visible(timeout=10_000)
    result.click()
    page.wait_for_url(re.compile(r"^file://.*the-new-course-controversy\.html"))
    paragraph = page.locator(".para", has_text="Rabkrin").first
    expect(paragraph).to_have_attribute("id", "p2")
    paragraph.scroll_into_view_if_needed()
    expect(paragraph).to_be_in_viewport()


def test_offline_copy_popovers_and_citation(new_page: Callable[..., Page], offline_url: str) -> None:
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(offline_url + "the-new-course-controversy.html")
    page.locator("#call-1").hover()
    expect(page.locator(POPOVER)).to_contain_text("My Life")
    page.locator('#p2 a.gloss[data-gloss="rabkrin"]').hover()
    expect(page.locator(POPOVER + " .pop-head")).to_contain_text("Rabkrin")
    page.locator("#p2 button.cite-btn").click()
    dialog = page.get_by_role("dialog", name="Cite paragraph 2")
    expect(dialog).to_contain_text("para. 2")
    dialog.locator("button.cite-copy").first.click()
    expect(dialog.locator(".cite-status")).to_have_text(re.compile("Copied|Could not copy"))
    page.locator("button.app-switch").click()
    assert "hers. Vladimir Ilyich asks" in page.locator("#p2").inner_text()


def test_no_page_type_asks_another_host(new_page: Callable[..., Page], site_url: str) -> None:
    requests: list[str] = []
    page = new_page()
    page.on("request", lambda request: requests.append(request.url))
    for name in (*PAGE_TYPES, "p/12.html"):
        page.goto(site_url + name)
        page.wait_for_load_state("networkidle")
    assert requests
    outside = [url for url in requests if urlsplit(url).hostname not in (LOCAL_HOST, None)]
    assert outside == []


# --------------------------------------------------------------------------- accessibility


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page_type(
    new_page: Callable[..., Page], site_url: str, scheme: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = new_page(color_scheme=scheme)
    found = []
    for name in PAGE_TYPES:
        page.goto(site_url + name)
        for violation in axe.run(page).response["violations"]:
            nodes = violation["nodes"]
            found.append(f"{name}: {violation['id']} ({len(nodes)} nodes) {nodes[0]['target']}")
    assert found == []


def test_keyboard_alone_reaches_and_operates_a_section_page(page: Page, site_url: str) -> None:
    page.goto(site_url + UNREST)
    reached = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        role = page.evaluate(
            "(() => { const e = document.activeElement; return e.className + '|' + (e.dataset.note || "
            "e.dataset.gloss || e.dataset.cite || e.dataset.app || ''); })()"
        )
        reached.add(role.split("|")[0])
        if "app-switch" in role:
            page.keyboard.press("Enter")
            assert page.evaluate("document.documentElement.classList.contains('show-received')")
            page.keyboard.press("Enter")
        if "cite-btn" in role:
            page.keyboard.press("Enter")
            expect(page.locator("#cite-dialog")).to_be_visible()
            page.keyboard.press("Escape")
            expect(page.locator("#cite-dialog")).to_be_hidden()
            assert "cite-btn" in page.evaluate("document.activeElement.className")
        if "gloss" in role:
            expect(page.locator(POPOVER)).to_be_visible()
            page.keyboard.press("Escape")
            expect(page.locator(POPOVER)).to_be_hidden()
    assert {"app-switch", "pnum", "cite-btn", "gloss"} <= {c for r in reached for c in r.split()}


def test_popovers_stay_inside_a_360_pixel_screen(new_page: Callable[..., Page], site_url: str) -> None:
    page = new_page(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page.goto(site_url + UNREST)
    for selector in (
        "#call-5",
        '#p16 a.gloss[data-gloss="duranty"]',
        "#p16 .app[data-app='duranty-might']",
        "#call-11",
    ):
        target = page.locator(selector).first
        if target.count() == 0:
            continue
        target.scroll_into_view_if_needed()
        target.tap()
        box = page.locator(POPOVER).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360, selector
        page.mouse.click(5, 700)
    page.locator("#p12 button.cite-btn").tap()
    box = page.locator("#cite-dialog").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
