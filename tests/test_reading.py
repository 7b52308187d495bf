"""Reading on every screen: the geometry and behaviour of the pages, measured in Chromium
at 320, 390, 768, 1024, 1280 and 1440 px and at 200% zoom (a 1280 × 900 window at 200%
is a 640 × 450 one), in light and dark where colour matters.

The site, the browser and the request guard are test_browser.py's fixtures.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import test_browser as kit
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

new_page = kit.new_page
site_url = kit.site_url
page = kit.page

UNREST = kit.UNREST
WIDTHS = (320, 390, 768, 1024, 1280, 1440)
PHONES = (320, 390)
ZOOM = {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}
SCHEMES = ["light", "dark"]


def screens(new_page: Callable[..., Page], url: str, **options) -> Iterator[tuple[str, Page]]:
    """The page at each width, then at 200% zoom: (a name for messages, the page)."""
    page = new_page(viewport={"width": WIDTHS[0], "height": 800}, **options)
    page.goto(url)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        yield f"{width}px", page
    zoomed = new_page(**ZOOM, **options)
    zoomed.goto(url)
    yield "200% zoom", zoomed


def box(page: Page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} has no box"
    return found


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two computed colours."""
    a, b = sorted((kit._luminance(first), kit._luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


# Characters per full line of an element's text (the editors' additions and note calls
# left out), the last line not counted.
MEASURE = """el => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {acceptNode: n =>
    n.parentElement.closest('[data-ed], .app-received, sup')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  const lines = new Map(), range = document.createRange();
  for (let n; (n = walker.nextNode());) {
    for (let i = 0; i < n.length; i++) {
      range.setStart(n, i); range.setEnd(n, i + 1);
      const r = range.getClientRects()[0];
      if (!r || !r.width) continue;
      const top = Math.round(r.top / 4);
      lines.set(top, (lines.get(top) || 0) + 1);
    }
  }
  const counts = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(e => e[1]);
  counts.pop();
  return counts.reduce((a, b) => a + b, 0) / counts.length;
}"""

# The boxes of the first character of an element's own text, and of each line of it.
LINE_TOPS = """el => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {acceptNode: n =>
    n.parentElement.closest('[data-ed], .app-received')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  const tops = [], range = document.createRange();
  for (let n; (n = walker.nextNode());) {
    for (let i = 0; i < n.length; i++) {
      range.setStart(n, i); range.setEnd(n, i + 1);
      const r = range.getClientRects()[0];
      if (r && r.width && n.parentElement.closest('sup') === null) tops.push(r.bottom);
    }
  }
  return [...new Set(tops.map(t => Math.round(t)))].sort((a, b) => a - b);
}"""

FIRST_CHAR = """el => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {acceptNode: n =>
    n.parentElement.closest('[data-ed]') || !n.textContent.trim()
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  const n = walker.nextNode(), range = document.createRange();
  const i = n.textContent.search(/\\S/);
  range.setStart(n, i); range.setEnd(n, i + 1);
  const r = range.getBoundingClientRect();
  return {x: r.x, y: r.y, width: r.width, height: r.height};
}"""


def overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"] - 0.5
        and b["x"] < a["x"] + a["width"] - 0.5
        and a["y"] < b["y"] + b["height"] - 0.5
        and b["y"] < a["y"] + a["height"] - 0.5
    )


# --------------------------------------------------------------------------- 1. editors' notes


def test_editors_note_letters_stand_beside_their_notes(new_page: Callable[..., Page], site_url: str) -> None:
    for name, page in screens(new_page, site_url + UNREST):
        notes = page.locator("li.ed-note")
        assert notes.count() >= 1
        content = box(page, ".md-content__inner")
        for i in range(notes.count()):
            letter = notes.nth(i).locator(".note-num").bounding_box()
            text = notes.nth(i).locator(".note-text").bounding_box()
            assert letter["x"] >= content["x"] - 1, f"{name}: letter at x={letter['x']:.0f}"
            gap = text["x"] - (letter["x"] + letter["width"])
            assert 0 <= gap <= 16, f"{name}: the letter stands {gap:.0f} px from its note"


# --------------------------------------------------------------------------- 2. numbers and Cite


def test_numbers_and_cite_are_whole_and_clear_of_the_text(
    new_page: Callable[..., Page], site_url: str
) -> None:
    for name, page in screens(new_page, site_url + UNREST):
        width = page.evaluate("document.documentElement.clientWidth")
        for selector in ("p.para", "blockquote.para", ".table-block"):
            para = page.locator(selector).first
            text = para.evaluate(FIRST_CHAR)
            for part in ("a.pnum", "button.cite-btn"):
                control = para.locator(part)
                found = control.bounding_box()
                assert found["x"] >= 0 and found["x"] + found["width"] <= width, (name, selector, part, found)
                clipped = control.evaluate("el => el.scrollWidth > el.clientWidth + 1")
                assert not clipped, f"{name}: {selector} {part} is cut off"
                assert not overlap(found, text), f"{name}: {selector} {part} covers the text"


# --------------------------------------------------------------------------- 3. navigation


@pytest.mark.parametrize("width", [1220, 1280, 1330, 1440])
def test_numbers_and_cite_keep_clear_of_the_navigation(
    new_page: Callable[..., Page], site_url: str, width: int
) -> None:
    page = new_page(viewport={"width": width, "height": 900})
    page.goto(site_url + UNREST)
    nav = box(page, ".md-sidebar--primary .md-sidebar__scrollwrap")
    chevron = box(page, ".md-sidebar--primary label.md-nav__link .md-nav__icon")
    edge = max(nav["x"] + nav["width"], chevron["x"] + chevron["width"])
    for selector in (
        "p.para a.pnum",
        "p.para button.cite-btn",
        "blockquote.para a.pnum",
        "blockquote.para .cite-btn",
    ):
        found = box(page, selector)
        assert found["x"] - edge >= 16, (
            f"{width}px: {selector} starts {found['x'] - edge:.0f} px after the navigation"
        )


# --------------------------------------------------------------------------- 4. measure


def test_the_measure_on_phones_and_desktops(new_page: Callable[..., Page], site_url: str) -> None:
    figures = {}
    for name, page in screens(new_page, site_url + UNREST):
        prose = page.locator("p.para", has_text=re.compile(r".{700}")).first.evaluate(MEASURE)
        quote = page.locator("blockquote.para", has_text=re.compile(r".{300}")).first.evaluate(MEASURE)
        figures[name] = (round(prose, 1), round(quote, 1))
        if name == "200% zoom":  # 640 px: the phone layout at the full type size
            low, high = 38, 75
        else:
            low, high = (38, 50) if int(name[:-2]) in PHONES else (60, 75)
        assert low <= prose <= high, f"{name}: {prose:.1f} characters a line"
        assert low <= quote <= high, f"{name}: {quote:.1f} characters a line in a quotation"
    print("characters a line (text, quotation):", figures)


# --------------------------------------------------------------------------- 5. Cite dialog


def _breaks(page: Page, selector: str) -> list[str]:
    """The characters before each line break inside an element's text."""
    return page.locator(selector).evaluate(
        """el => { const n = el.firstChild, range = document.createRange(), out = [];
          let top = null;
          for (let i = 0; i < n.length; i++) {
            range.setStart(n, i); range.setEnd(n, i + 1);
            const r = range.getClientRects()[0];
            if (!r) continue;
            if (top !== null && r.top > top + 2) out.push(n.textContent[i - 1]);
            top = r.top;
          }
          return out; }"""
    )


def test_the_cite_dialog_fits_the_window(new_page: Callable[..., Page], site_url: str) -> None:
    for name, page in screens(new_page, site_url + UNREST):
        page.locator("#p12").scroll_into_view_if_needed()
        page.locator("#p12 button.cite-btn").click()
        dialog = page.locator("#cite-dialog")
        expect(dialog).to_be_visible()
        found = dialog.bounding_box()
        width, height = page.evaluate("[document.documentElement.clientWidth, window.innerHeight]")
        assert found["y"] >= 0 and found["y"] + found["height"] <= height + 0.5, (
            f"{name}: {found} in {height}"
        )
        assert found["x"] >= 0 and found["x"] + found["width"] <= width + 0.5, f"{name}: {found} in {width}"
        # the last row is reached by scrolling the dialog, not cut off
        last = dialog.locator(".cite-files a").last
        last.scroll_into_view_if_needed()
        row = last.bounding_box()
        found = dialog.bounding_box()
        assert found["y"] <= row["y"] and row["y"] + row["height"] <= found["y"] + found["height"] + 0.5, name
        assert set(_breaks(page, "#cite-dialog .cite-url a")) <= set("/-."), (
            f"{name}: the address breaks mid-word"
        )
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()


# --------------------------------------------------------------------------- 6. which text


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_received_view_says_so_and_pressed_states_stand_out(
    new_page: Callable[..., Page], site_url: str, scheme: str
) -> None:
    page = new_page(color_scheme=scheme, viewport={"width": 390, "height": 800})
    page.goto(site_url + UNREST)
    page_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    switch = page.locator("button.app-switch")
    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for target in ("#p16", "#notes"):
            page.locator(target).scroll_into_view_if_needed()
            bar = page.locator(".reading-switch")
            expect(bar).to_be_in_viewport()
            said = bar.evaluate("el => getComputedStyle(el, '::before').content")
            assert "as received" in said, f"{width}px: {said}"
    pressed = switch.evaluate("el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]")
    assert contrast(pressed[0], page_bg) >= 3, f"{scheme}: pressed switch {pressed[0]} on {page_bg}"
    assert contrast(pressed[1], pressed[0]) >= 4.5, f"{scheme}: its label {pressed}"
    switch.click()
    page.goto(site_url + "glossary.html")
    chosen = page.locator(".gloss-filter button[aria-pressed='true']")
    colours = chosen.evaluate("el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]")
    assert contrast(colours[0], page_bg) >= 3, f"{scheme}: pressed filter {colours[0]} on {page_bg}"
    assert contrast(colours[1], colours[0]) >= 4.5, f"{scheme}: its label {colours}"
    print(
        scheme,
        "pressed/page:",
        round(contrast(pressed[0], page_bg), 2),
        round(contrast(colours[0], page_bg), 2),
    )


# --------------------------------------------------------------------------- 7. a change in a name


KHOZRASCHET = "#p6 a.gloss:has(.app[data-app])"


def test_a_change_inside_a_name_is_reached_by_tap(new_page: Callable[..., Page], site_url: str) -> None:
    page = new_page(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page.goto(site_url + UNREST)
    name = page.locator(KHOZRASCHET)
    expect(name).to_have_count(1)
    name.scroll_into_view_if_needed()
    name.tap()
    popover = page.locator(kit.POPOVER)
    expect(popover).to_be_visible()
    expect(popover.locator(".pop-head").first).to_contain_text("hozraschet")
    expect(popover).to_contain_text("Received:")
    expect(popover).to_contain_text("Editors’ change")
    box_ = popover.bounding_box()
    assert box_["x"] >= 0 and box_["x"] + box_["width"] <= 390


def test_a_change_inside_a_name_is_reached_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + UNREST)
    page.locator("#p6 a.pnum").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.querySelector('.app[data-app]')"):
            break
    else:
        pytest.fail("Tab never reached the name holding the change")
    expect(page.locator(kit.POPOVER)).to_contain_text("Received:")


# --------------------------------------------------------------------------- 8. targets


TARGETS = (
    "sup.note-call a",
    "sup.ed-call a",
    "a.note-back",
    "a.pnum",
    "button.cite-btn",
    "button.app-switch",
    ".gloss-filter button",
    "button.gloss-more",
    "button.gloss-more-all",
    ".gloss-letters a",
    "table.persons thead button",
)


def test_targets_are_24_pixels_at_least(new_page: Callable[..., Page], site_url: str) -> None:
    smallest: dict[str, tuple[float, float]] = {}
    for path in (UNREST, "glossary.html", "persons.html"):
        for name, page in screens(new_page, site_url + path):
            for selector in TARGETS:
                sizes = page.locator("article " + selector).evaluate_all(
                    "els => els.filter(e => e.getClientRects().length)"
                    ".map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })"
                )
                for w, h in sizes:
                    assert w >= 24 and h >= 24, f"{path} at {name}: {selector} is {w:.1f} × {h:.1f}"
                if sizes:
                    low = (min(s[0] for s in sizes), min(s[1] for s in sizes))
                    old = smallest.get(selector, low)
                    smallest[selector] = (min(old[0], low[0]), min(old[1], low[1]))
    print("smallest targets:", {k: (round(w, 1), round(h, 1)) for k, (w, h) in smallest.items()})


def test_note_calls_do_not_open_the_lines(new_page: Callable[..., Page], site_url: str) -> None:
    """The call's 24 px target takes no room: the lines of a paragraph holding calls are
    evenly spaced."""
    for name, page in screens(new_page, site_url + UNREST):
        para = page.locator("p.para:has(sup.note-call)", has_text=re.compile(r".{400}")).first
        tops = para.evaluate(LINE_TOPS)
        steps = {round(b - a) for a, b in zip(tops, tops[1:], strict=False)}
        assert max(steps) - min(steps) <= 1, f"{name}: line steps {sorted(steps)}"


CALLS_OFF_THEIR_WORD = """() => {
  const off = [], range = document.createRange();
  for (const sup of document.querySelectorAll('article p sup.note-call, article p sup.ed-call')) {
    let n = sup.previousSibling;
    while (n && n.nodeType === Node.ELEMENT_NODE && !n.textContent) n = n.previousSibling;
    if (!n || !n.textContent || /\\s$/.test(n.textContent)) continue;
    let text = n.nodeType === Node.TEXT_NODE ? n : null;
    if (!text) {
      const w = document.createTreeWalker(n, NodeFilter.SHOW_TEXT);
      for (let x; (x = w.nextNode());) if (x.length) text = x;
    }
    if (!text || !text.length) continue;
    range.setStart(text, text.length - 1); range.setEnd(text, text.length);
    const word = range.getClientRects()[0], call = sup.getClientRects()[0];
    if (word && call && call.top >= word.bottom - 1) off.push(sup.textContent.trim());
  }
  return off;
}"""


def test_a_note_call_never_starts_a_line(new_page: Callable[..., Page], site_url: str) -> None:
    """A call stays on the line of the word it follows, at every width."""
    for path in (UNREST, "index.html"):
        for name, page in screens(new_page, site_url + path):
            assert page.evaluate(CALLS_OFF_THEIR_WORD) == [], f"{path} at {name}"


# --------------------------------------------------------------------------- 9. dates


def _text_box(page: Page, selector: str) -> dict:
    return page.locator(selector).evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el);"
        " const b = r.getBoundingClientRect();"
        " return {x: b.x, width: b.width}; }"
    )


def test_persons_dates_and_counts_stand_apart(new_page: Callable[..., Page], site_url: str) -> None:
    for name, page in screens(new_page, site_url + "persons.html"):
        rows = page.locator("table.persons tbody tr")
        for i in range(0, rows.count(), 7):
            dates = _text_box(page, f"table.persons tbody tr:nth-child({i + 1}) td:nth-child(2)")
            count = _text_box(page, f"table.persons tbody tr:nth-child({i + 1}) td:nth-child(3)")
            if not dates["width"]:
                continue
            gap = count["x"] - (dates["x"] + dates["width"])
            assert gap >= 12, f"{name}: row {i + 1}, dates and count {gap:.0f} px apart"
        width = page.evaluate("document.documentElement.clientWidth")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name}: the table spills"


def test_popovers_give_dates_as_readers_write_them_and_once(page: Page, site_url: str) -> None:
    seen = 0
    for path in kit.CHAPTER_PAGES:
        page.goto(site_url + path)
        glosses = page.evaluate("JSON.parse(document.getElementById('gloss-data').textContent)")
        for ident, entry in glosses.items():
            assert not re.search(r"\d{4}-\d{2}", entry["dates"]), f"{ident}: {entry['dates']}"
            assert not entry["dates"] or entry["dates"] not in entry["gloss"], f"{ident}: dates twice"
            seen += 1
    assert seen > 50
    page.goto(site_url + "the-new-course-controversy.html")
    glosses = page.evaluate("JSON.parse(document.getElementById('gloss-data').textContent)")
    dated = next(
        i for i, e in glosses.items() if e["dates"] and page.locator(f'a.gloss[data-gloss="{i}"]').count()
    )
    page.locator(f'a.gloss[data-gloss="{dated}"]').first.hover()
    expect(page.locator(kit.POPOVER + " .pop-dates")).to_have_text(
        re.compile(r"^ ?(\d{1,2}(–\d{1,2})? [A-Z][a-z]+ )?\d{4}(–\d{4})?$")
    )


# --------------------------------------------------------------------------- 10. apparatus


def test_apparatus_readings_stand_apart(new_page: Callable[..., Page], site_url: str) -> None:
    for name, page in screens(new_page, site_url + "apparatus.html"):
        boxes = page.locator("p.app-readings").evaluate_all(
            """els => els.map(p => {
              const d = p.querySelector('del'), i = p.querySelector('ins');
              const r = e => e && e.getClientRects()[0];
              const a = r(d), b = r(i);
              return {text: p.textContent, del: a && {right: a.right, top: a.top},
                      ins: b && {left: b.left, top: b.top, width: b.width}};
            })"""
        )
        assert len(boxes) > 5
        for entry in boxes:
            if entry["del"] and entry["ins"]:
                assert "→" in entry["text"], entry["text"]
                if abs(entry["del"]["top"] - entry["ins"]["top"]) < 2:
                    assert entry["ins"]["left"] - entry["del"]["right"] >= 6, f"{name}: {entry['text']}"
            if entry["ins"]:
                assert entry["ins"]["width"] >= 8, f"{name}: a sliver of an insertion in {entry['text']}"


# --------------------------------------------------------------------------- 11. without scripts


def test_without_scripts_no_dead_control_and_a_word_about_search(
    new_page: Callable[..., Page], site_url: str
) -> None:
    page = new_page(java_script_enabled=False)
    for path in ("glossary.html", UNREST):
        page.goto(site_url + path)
        expect(page.locator(".ed-noscript")).to_be_visible()
        expect(page.locator(".ed-noscript")).to_contain_text("Search")
        for selector in ("button.cite-btn", "button.app-switch", ".ed-find"):
            for i in range(page.locator(selector).count()):
                expect(page.locator(selector).nth(i)).to_be_hidden()
    expect(page.locator("a.pnum").first).to_be_visible()
    page.goto(site_url + "persons.html")
    expect(page.locator("table.persons button").first).to_be_hidden()
    assert page.locator("table.persons thead").inner_text().split() == ["Person", "Dates", "Mentions"]
    assert "Choose a column" not in page.locator(".lede").inner_text()
    scripted = new_page()
    scripted.goto(site_url + UNREST)
    expect(scripted.locator(".ed-noscript")).to_be_hidden()
    expect(scripted.locator("button.app-switch")).to_be_visible()
    scripted.goto(site_url + "persons.html")
    assert scripted.locator("table.persons thead").inner_text().split() == ["Person", "Dates", "Mentions"]
    expect(scripted.get_by_role("button", name="Mentions")).to_be_visible()


# --------------------------------------------------------------------------- 12. 404


class _NotFound(http.server.SimpleHTTPRequestHandler):
    """A host that answers every missing address with the site's 404.html, as GitHub
    Pages does."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / self.prefix / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _styled(page: Page) -> bool:
    """The theme's styles (a sticky header) and the edition's (its measure) both apply."""
    return page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).position === 'sticky'"
        " && getComputedStyle(document.documentElement).getPropertyValue('--ed-measure').trim() === '36rem'"
    )


def test_the_404_page_is_styled_at_any_address(
    new_page: Callable[..., Page], built: Path, tmp_path: Path
) -> None:
    page = new_page()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "site").symlink_to(built / "site", target_is_directory=True)
    (tmp_path / "new-course").symlink_to(built / "site", target_is_directory=True)
    hosts = (
        (tmp_path, "new-course/"),  # the project path site_url names
        (built / "site", ""),  # a domain root
        (tmp_path, "other/site/"),  # another project path
    )
    for directory, prefix in hosts:
        handler = functools.partial(type("Host", (_NotFound,), {"prefix": prefix}), directory=str(directory))
        server = http.server.ThreadingHTTPServer((kit.LOCAL_HOST, 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            base = f"http://{kit.LOCAL_HOST}:{server.server_address[1]}/{prefix}"
            page.goto(base + "missing/deeper/page")
            assert _styled(page), f"unstyled at {base}missing/deeper/page"
            page.locator("article a", has_text="home page").click()
            page.wait_for_url(base + "index.html")
        finally:
            server.shutdown()
            server.server_close()
    page.goto((built / "site" / "404.html").as_uri())
    assert _styled(page), "unstyled from file://"


# --------------------------------------------------------------------------- 13. finding a paragraph


def _find(page: Page, query: str) -> list[str]:
    """Type a query in the page's Find box; the labels of the results, in order."""
    box_ = page.locator("form.ed-find input")
    box_.fill(query)
    expect(page.locator("form.ed-find")).to_have_attribute("data-shown", query)
    return page.locator(".ed-find-results .ed-find-head strong").all_inner_texts()


def test_go_to_a_paragraph_by_its_number(new_page: Callable[..., Page], site_url: str) -> None:
    for name, page in screens(new_page, site_url + "glossary.html"):
        if name not in ("320px", "1280px", "200% zoom"):
            continue
        assert _find(page, "999") == []
        expect(page.locator(".ed-find-status")).to_contain_text("no paragraph 999")
        assert _find(page, "¶12") == ["¶12"]
        assert _find(page, "48") == ["¶48"]
        page.locator("form.ed-find input").press("Enter")
        page.wait_for_url(re.compile(r"trotskys-reaction-to-workers-unrest\.html#p48$"))
        expect(page.locator("#p48")).to_be_in_viewport()
        page.go_back()


def test_a_word_leads_to_its_paragraph_marked(page: Page, site_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + UNREST)
    page.wait_for_load_state("networkidle")
    before = len(requests)
    assert not [u for u in requests if u.endswith("/find.js")], "Find's script fetched before use"
    labels = _find(page, "Rabkrin")
    # the first query fetches Find's script and the edition's index, not the theme's
    assert [u.rsplit("/", 1)[-1] for u in requests[before:]] == ["find.js", "find-index.js"]
    assert "¶48" in labels and "¶2" in labels
    result = page.locator(".ed-find-results a", has=page.locator("strong", has_text=re.compile(r"^¶48$")))
    expect(result.locator("mark")).to_have_text(["Rabkrin"])
    result.click()
    page.wait_for_url(re.compile(r"\?find=Rabkrin#p48$"))
    target = page.locator("#p48")
    expect(target).to_be_in_viewport()
    expect(target.locator("mark.ed-hit").first).to_have_text("Rabkrin")
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") != page.locator("#p47").evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )


def test_a_query_sent_before_finds_script_has_come_waits_for_it(page: Page, site_url: str) -> None:
    """Typed and sent at once, while assets/find.js is still on its way: the query is
    taken up when it comes, and leads to the paragraph."""
    held: list = []
    page.route("**/assets/find.js", lambda route: held.append(route))
    page.goto(site_url + UNREST)
    page.wait_for_load_state("networkidle")
    assert not held, "Find's script fetched before the box was used"
    expect(page.locator("form.ed-find")).to_be_visible()
    box_ = page.locator("form.ed-find input")
    box_.fill("48")
    box_.press("Enter")
    expect(page.locator("form.ed-find")).to_have_attribute("data-queued", "")
    assert len(held) == 1 and page.url == site_url + UNREST
    held[0].continue_()
    page.wait_for_url(re.compile(r"trotskys-reaction-to-workers-unrest\.html#p48$"))
    expect(page.locator("#p48")).to_be_in_viewport()


def test_a_phrase_in_quotes_matches_its_words_in_a_row(page: Page, site_url: str) -> None:
    page.goto(site_url + "index.html")
    loose = _find(page, "night again")
    phrase = _find(page, '"night again"')
    assert phrase == ["¶16"], phrase
    assert len(loose) >= len(phrase)
    expect(page.locator(".ed-find-results")).to_contain_text("as received")
    assert _find(page, "“might again”") == ["¶16"]


def test_romanisation_variants_and_received_spellings_find_each_other(page: Page, site_url: str) -> None:
    page.goto(site_url + "index.html")
    printed = set(_find(page, "Preobrazhensky"))
    assert "¶44" in printed
    assert set(_find(page, "Preobrazhenskii")) == printed == set(_find(page, "Preobrazhenskiy"))
    assert "¶6" in _find(page, "Khozrashchet")  # the received spelling
    assert "¶6" in _find(page, "khozraschët")
    counts = set()
    for spelling in ("Trotskii", "Trotsky", "Trotsky’s", "Trotskiy"):
        _find(page, spelling + " ")  # whole words: "Trotsky" unfinished also finds "Trotskyist"
        counts.add(page.locator(".ed-find-status").inner_text())
    assert len(counts) == 1 and int(counts.pop().split()[0]) > 30


def test_chronology_results_keep_the_date_apart(page: Page, site_url: str) -> None:
    page.goto(site_url + "index.html")
    _find(page, "Twelfth Party Congress")
    heads = page.locator(".ed-find-results .ed-find-head").all_inner_texts()
    assert any(re.match(r"^\d.* 1923 · Chronology$", h) for h in heads), heads
    # and in the theme's search, the date is a word of its own
    from urllib.request import urlopen

    docs = __import__("json").loads(urlopen(site_url + "search/search_index.json").read())["docs"]
    text = " ".join(d["text"] for d in docs if d["location"].startswith("chronology.html"))
    assert not re.search(r"\d{4}[A-Z]", text), re.search(r".{30}\d{4}[A-Z].{30}", text).group(0)


def test_find_works_from_file(new_page: Callable[..., Page], built: Path) -> None:
    page = new_page()
    page.goto((built / "site" / UNREST).as_uri())
    assert "¶48" in _find(page, "Rabkrin")
    page.locator("form.ed-find input").press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.ed-find-results') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"^file://.*\.html\?find=Rabkrin#p\d+$"))
    expect(page.locator("mark.ed-hit").first).to_be_visible()


# --------------------------------------------------------------------------- every page type


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_type_fits_phone_and_desktop(
    new_page: Callable[..., Page], site_url: str, scheme: str, tmp_path: Path
) -> None:
    """Screenshots of every page type (kept in the test's folder), and nothing spills sideways."""
    for width, height in ((320, 640), (390, 844), (1280, 900)):
        page = new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
        for path in kit.PAGE_TYPES:
            page.goto(site_url + path)
            shot = tmp_path / f"{path.removesuffix('.html')}-{width}-{scheme}.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
            spill = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert spill <= 0, f"{path} at {width}px scrolls sideways by {spill}px"


def test_a_result_of_the_themes_search_opens_at_the_word(page: Page, site_url: str) -> None:
    page.goto(site_url + "index.html")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("stumpy", delay=30)
    result = page.locator(f'a.md-search-result__link[href*="{UNREST}?h=stumpy"]').first
    expect(result).to_be_visible(timeout=10_000)
    result.click()
    mark = page.locator("#p16 mark", has_text="stumpy")
    expect(mark).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 1000
