from edition.markup import block_html, inline, source_links
from edition.model import Block, TableRow
from edition.pages import md_text


def test_received_text_is_escaped():
    html = inline("a <script>alert(1)</script> & *b* [c]")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert "*b* [c]" in html  # raw HTML blocks are not read as Markdown


def test_note_calls_become_links_and_lose_the_space_before_them():
    html = inline("confident.’ [1] Next [12]")
    assert html.startswith('confident.’<sup class="note-call"><a id="call-1" href="#note-1"')
    assert 'href="#note-12"' in html and "[12]" not in html


def test_heading_text_is_safe_markdown():
    assert md_text("1. <b>*x*</b> #") == r"1\. &lt;b&gt;\*x\*&lt;/b&gt; \#"


def test_paragraph_has_id_and_self_link():
    html = block_html(Block(12, "paragraph", "Text.", 1, "s"))
    assert html.startswith('<p class="para" id="p12" data-n="12"><a class="pnum" href="#p12"')


def test_table_shows_its_gaps_as_editorial():
    block = Block(
        9,
        "table",
        "",
        1,
        "s",
        (TableRow(("Jan", None)), TableRow(("Feb", "5 [5]"))),
        ("Month", "Unemployed"),
        "Caption",
    )
    html = block_html(block)
    assert '<th scope="row">Jan</th><td class="lacuna"><span data-ed=""' in html
    assert '<caption data-ed="">Caption</caption>' in html
    assert 'href="#note-5"' in html


def test_reference_links_are_named_by_their_hosts_as_readers_write_them():
    html = source_links(["https://xn--h1ajim.xn--p1ai/wiki/a?b=1&c", "http://example.org:8080/x"])
    assert ">руни.рф</a>" in html and 'href="https://xn--h1ajim.xn--p1ai/wiki/a?b=1&amp;c"' in html
    assert ">example.org:8080</a>" in html
