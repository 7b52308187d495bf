"""Property test: arbitrary chapter-like text, with note calls, quotations and awkward
characters, goes through the whole pipeline to either a clean error or a site whose
reader-visible text loses no word (the build's own fidelity check) and holds no
unescaped markup from the text."""

import hashlib
import re
import shutil

import yaml
from conftest import ROOT
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from edition.cli import main as cli
from edition.errors import EditionError
from edition.pipeline.build import build

ODD = [
    "<script>alert(1)</script>",
    "*",
    "_",
    "[",
    "]",
    "{",
    "}",
    "|",
    "&amp;",
    "&lt;b&gt;",
    "<b>",
    "#",
    "‘",
    "’",
    "“",
    "”",
    "…",
    "\\",
    "`",
    "--",
    "<!--",
    "-->",
    "]]>",
    "&",
    "%",
    "$",
]
WORD = st.one_of(
    st.sampled_from(ODD),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzÀéßЖж0123456789", min_size=1, max_size=8),
)
SENTENCE = st.lists(WORD, min_size=1, max_size=12).map(" ".join)


def chapter(paragraphs: list[str], quoted: list[bool], calls: list[bool]) -> tuple[str, list[str]]:
    """A received file: title lines, two sections, paragraphs with calls, the notes."""
    lines, quotes, number = ["Author Name", "", "Book Title", "", "1. Chapter Title", ""], [], 0
    for i, (text, quote, call) in enumerate(zip(paragraphs, quoted, calls, strict=True)):
        if i == len(paragraphs) // 2:
            lines += ["Second section", ""]
        text = f"P{i} {text}"
        if call:
            number += 1
            text += f" [{number}]"
        if quote:
            quotes.append(text.split(" ")[0] + " ")
        lines += [text, ""]
    lines += [
        f"{n}. Dobb, Soviet Economic Development since 1917, London 1948, p.{n}."
        for n in range(1, number + 1)
        for _ in (0,)
    ]
    body = "\n\n".join(lines[:-1] if lines[-1] == "" else lines)
    return body + "\n\nLast updated on 1 January 2000", quotes


@settings(
    max_examples=10,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(SENTENCE, min_size=2, max_size=6).flatmap(
        lambda ps: st.tuples(
            st.just(ps),
            st.lists(st.booleans(), min_size=len(ps), max_size=len(ps)),
            st.lists(st.booleans(), min_size=len(ps), max_size=len(ps)),
        )
    )
)
def test_any_chapter_builds_faithfully_or_fails_cleanly(tmp_path_factory, case):
    paragraphs, quoted, calls = case
    calls = [True, *calls[1:]]  # at least one note, so the bibliography entry is cited
    root = tmp_path_factory.mktemp("robust")
    for name in ("docs", "mkdocs.yml"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, root / name)
    for page in ("index.md", "about.md", "data.md"):  # hand-written pages link to this chapter's sections
        (root / "docs" / page).write_text("# Page\n\nText.\n", "utf-8")
    text, quotes = chapter(paragraphs, quoted, calls)
    (root / "sources").mkdir()
    (root / "sources" / "chapter.txt").write_text(text, "utf-8")
    spec = yaml.safe_load((ROOT / "sources" / "edition.yaml").read_text("utf-8"))
    spec["received"] = {"file": "chapter.txt", "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
    spec["front"] = {"author": "Author Name", "book": "Book Title", "chapter": "1. Chapter Title"}
    spec["colophon"] = "Last updated on 1 January 2000"
    spec["sections"] = [
        {"slug": "opening", "title": "Opening"},
        {"slug": "second", "heading": "Second section"},
    ]
    spec["quotations"] = quotes
    spec["tables"] = []
    (root / "sources" / "edition.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), "utf-8")
    shutil.copy2(ROOT / "bibliography.bib", root / "bibliography.bib")
    bib = (root / "bibliography.bib").read_text("utf-8")
    dobb = re.search(r"@book\{dobb-soviet-economic,.*?\n\}\n", bib, re.S).group(0)
    (root / "bibliography.bib").write_text(dobb, "utf-8")
    assert cli(["--root", str(root), "lock"]) == 0
    try:
        build(root)
    except EditionError:
        return  # a clean, located error is an acceptable outcome
    articles = ""
    for page in ("opening.html", "second.html"):
        html = (root / "site" / page).read_text("utf-8")
        articles += html[html.index("<article") : html.index("</article>")]
    assert "<script>alert" not in articles and "<b>" not in articles
    if any("<script>alert(1)</script>" in p for p in paragraphs):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in articles
