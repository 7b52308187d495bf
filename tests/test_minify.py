"""The edition's stylesheets as served: comments and indentation gone, every
declaration kept, strings untouched (the browser tests read the pages styled by them)."""

from __future__ import annotations

import re
from pathlib import Path

from edition.render import minify
from edition.render.docs import ASSETS

ROOT = Path(__file__).resolve().parents[1]


def test_comments_and_indentation_go_strings_stay() -> None:
    text = (
        '/* a note */\n.a::after {\n  content: " /* not a comment */ ";  /* gone */\n}\n\n'
        "  .b { color: red; }\n"
    )
    assert minify.css(text) == '.a::after {\ncontent: " /* not a comment */ ";\n}\n.b { color: red; }\n'
    assert minify.css("a { content: '*/'; } /* x\n y */ b {}") == "a { content: '*/'; }  b {}\n"


def test_the_edition_stylesheets_keep_every_declaration() -> None:
    def declarations(css: str) -> list[str]:
        bare = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
        return [" ".join(d.split()) for d in re.split(r"[{};]", bare) if d.strip()]

    for name in ("edition.css", "print.css"):
        text = (ASSETS / name).read_text("utf-8")
        served = minify.css(text)
        assert "/*" not in served and not re.search(r"^\s", served, re.M)
        assert declarations(served) == declarations(text)
