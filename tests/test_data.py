"""The published data files, and the page that describes them."""

import json
import re
from html import unescape

FILES = (
    "edition.json",
    "paragraphs.json",
    "notes.json",
    "bibliography.json",
    "glossary.json",
    "chronology.json",
    "apparatus.json",
    "commentary.json",
)


def sections(html: str) -> dict[str, str]:
    """The data page's text, by the heading (a file name) it stands under."""
    parts = re.split(r'<h3 id="[^"]*">([a-z]+\.json)', html)
    return {name: unescape(body) for name, body in zip(parts[1::2], parts[2::2], strict=True)}


def test_every_field_of_every_file_is_described(built):
    page = (built / "site" / "data.html").read_text("utf-8")
    described = sections(page)
    assert set(described) == {*FILES, "changes.json"}  # changes.json: once there are two releases
    for name in FILES:
        records = json.loads((built / "site" / "data" / name).read_text("utf-8"))
        assert records, name
        fields = {key for record in records for key in record}
        missing = {f for f in fields if f"<code>{f}</code>" not in described[name]}
        assert not missing, f"{name}: {sorted(missing)} not described on the data page"


def test_the_home_and_data_pages_link_every_file(built):
    for page in ("index.html", "data.html"):
        html = (built / "site" / page).read_text("utf-8")
        for name in (*FILES, "the-new-course-controversy.tei.xml"):
            assert f'href="data/{name}"' in html, (page, name)
            assert (built / "site" / "data" / name).is_file()
