"""The edition's fixes to the theme's markup, on the markup each engine writes, and on
the pages of a real build; and the overrides hold no copy of a theme template."""

import re
from pathlib import Path

from conftest import ROOT

from edition.engine.theme_fixes import (
    checkboxes_without_autocomplete,
    fix_page,
    fix_site,
    labels_not_hidden,
    search_dialog_named,
    theme_script_deferred,
)

# the lines as Material 9.8 and Zensical 0.0.73 write them
MATERIAL_TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
)
MATERIAL_SEARCH = (
    '<div class="md-search" data-md-component="search" role="dialog">\n'
    '  <label class="md-search__overlay" for="__search"></label>\n'
    '  <form class="md-search__form" name="search">\n'
    '    <input type="text" class="md-search__input" name="query" aria-label="Rechercher" '
    'placeholder="Rechercher" autocapitalize="off" autocorrect="off" autocomplete="off" '
    'spellcheck="false" data-md-component="search-query" required>\n'
)
ZENSICAL_SEARCH = (
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">\n'
    '  <button type="button" class="md-search__button">Search</button>\n</div>\n'
)
ZENSICAL_OVERLAY = '<label class="md-overlay" for="__drawer" aria-hidden="true"></label>'


def test_checkbox_toggles_lose_autocomplete_and_text_fields_keep_it():
    fixed = checkboxes_without_autocomplete(MATERIAL_TOGGLES + MATERIAL_SEARCH)
    toggles = re.findall(r'<input [^>]*type="checkbox"[^>]*>', fixed)
    assert len(toggles) == 2 and not any("autocomplete" in t for t in toggles)
    assert 'class="md-search__input"' in fixed and 'autocomplete="off" spellcheck' in fixed


def test_the_theme_script_is_deferred_once_wherever_the_page_is():
    for src in ("./assets", "../assets", "assets"):
        tag = f'<script src="{src}/javascripts/bundle.77dd0ce9.min.js"></script>'
        once = theme_script_deferred(tag)
        assert once == f'<script src="{src}/javascripts/bundle.77dd0ce9.min.js" defer></script>'
        assert theme_script_deferred(once) == once
    other = '<script src="./assets/edition.js"></script>'
    assert theme_script_deferred(other) == other


def test_materials_search_dialog_is_named_after_its_field_and_zensicals_is_left():
    named = search_dialog_named(MATERIAL_SEARCH)
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Rechercher">' in named
    assert search_dialog_named(named) == named
    assert search_dialog_named(ZENSICAL_SEARCH) == ZENSICAL_SEARCH


def test_a_label_for_a_control_is_not_hidden():
    assert labels_not_hidden(ZENSICAL_OVERLAY) == '<label class="md-overlay" for="__drawer"></label>'
    icon = '<span aria-hidden="true"></span>'
    assert labels_not_hidden(icon) == icon


def test_fix_page_is_idempotent():
    page = MATERIAL_TOGGLES + ZENSICAL_OVERLAY + MATERIAL_SEARCH
    assert fix_page(fix_page(page)) == fix_page(page) != page


def test_the_built_pages_are_fixed_and_a_second_pass_changes_nothing(built):
    site = built / "site"
    pages = sorted(site.rglob("*.html"))
    chapter = (site / "unrest-among-industrial-workers.html").read_text("utf-8")
    assert re.search(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js" defer>', chapter)
    assert re.search(r'role="dialog" aria-label="Search"', chapter)
    for page in pages:
        html = page.read_text("utf-8")
        assert not re.search(r'<input [^>]*type="checkbox"[^>]*autocomplete', html), page.name
    assert fix_site(site) == 0


def test_no_hashed_asset_name_and_no_copied_theme_template_in_the_overrides():
    import material

    theme = Path(material.__file__).parent / "templates"
    overrides = ROOT / "src" / "edition" / "engine" / "theme"
    names = sorted(p.relative_to(overrides).as_posix() for p in overrides.rglob("*.html"))
    assert names == ["404.html", "main.html", "partials/javascripts/palette.html"]
    for name in names:
        text = (overrides / name).read_text("utf-8")
        assert not re.search(r"\.[0-9a-f]{8}\.min\.(css|js)", text), name
        # not a copy: no line of any length shared with the theme's template of that name
        theirs = {line.strip() for line in (theme / name).read_text("utf-8").splitlines()}
        shared = [line for line in text.splitlines() if len(line.strip()) > 30 and line.strip() in theirs]
        assert shared == [], name
