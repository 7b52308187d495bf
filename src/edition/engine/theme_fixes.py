"""What the theme's templates write that no documented block or partial can change,
put right on the built pages (after the generator, before the checks).

Each fix is keyed on the theme's markup, not on its version or asset names, so it
holds for every Material 9.x release and for Zensical; a fix with nothing to do
leaves the page as it is.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_INPUT = re.compile(r"<input\b[^>]*>")
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')
_LABEL_FOR = re.compile(r'<label\b[^>]*\bfor="[^"]*"[^>]*>')
_ARIA_HIDDEN = re.compile(r'\s+aria-hidden="[^"]*"')
# the theme's own script (bundle.<hash>.min.js), wherever the page sits
_THEME_SCRIPT = re.compile(
    r'<script src="(?:[^"]*/)?assets/javascripts/bundle\.[0-9a-f]+\.min\.js"(?P<attrs>[^>]*)>'
)
_SEARCH_DIALOG = re.compile(
    r'<div class="md-search" data-md-component="search" role="dialog"(?P<attrs>[^>]*)>'
)
_SEARCH_INPUT_LABEL = re.compile(r'<input [^>]*class="md-search__input"[^>]*\baria-label="(?P<label>[^"]*)"')


def checkboxes_without_autocomplete(html: str) -> str:
    """The theme's drawer and search toggles carry autocomplete="off", which HTML
    allows on no checkbox (the Nu checker's error)."""

    def fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        return _AUTOCOMPLETE.sub("", tag) if 'type="checkbox"' in tag else tag

    return _INPUT.sub(fix, html)


def labels_not_hidden(html: str) -> str:
    """Zensical hides the drawer's overlay label (`for="__drawer"`) with aria-hidden,
    which HTML forbids on a label tied to a control (the Nu checker's error); Material
    writes it without, and axe is content either way."""
    return _LABEL_FOR.sub(lambda match: _ARIA_HIDDEN.sub("", match.group(0)), html)


def theme_script_deferred(html: str) -> str:
    """The theme's script, at the end of the body, deferred: the page is painted
    before it is fetched and run (the edition's own scripts already are)."""

    def fix(match: re.Match[str]) -> str:
        if re.search(r"\bdefer\b", match.group("attrs")):
            return match.group(0)
        return match.group(0)[:-1] + " defer>"

    return _THEME_SCRIPT.sub(fix, html)


def search_dialog_named(html: str) -> str:
    """Material's search dialog has no accessible name (axe's aria-dialog-name); it
    is given the name of its own search field. Zensical's names itself."""
    label = _SEARCH_INPUT_LABEL.search(html)
    if not label:
        return html

    def fix(match: re.Match[str]) -> str:
        if "aria-label=" in match.group("attrs"):
            return match.group(0)
        return match.group(0)[:-1] + f' aria-label="{label.group("label")}">'

    return _SEARCH_DIALOG.sub(fix, html, count=1)


FIXES = (checkboxes_without_autocomplete, labels_not_hidden, theme_script_deferred, search_dialog_named)


def fix_page(html: str) -> str:
    for fix in FIXES:
        html = fix(html)
    return html


def fix_site(site: Path) -> int:
    """Every HTML page of the built site put right; how many were changed."""
    changed = 0
    pages = (Path(folder, name) for folder, _dirs, names in os.walk(site) for name in names)
    for path in (page for page in pages if page.suffix == ".html"):
        html = path.read_text("utf-8")
        fixed = fix_page(html)
        if fixed != html:
            path.write_text(fixed, "utf-8")
            changed += 1
    return changed
