"""`edition new`: a new edition project made from a received text file. The file goes
into sources/ under its hashed name, byte for byte; edition.yaml gets every field the
build needs, those the command cannot know marked "to fill"; the registers start empty;
the paragraph lock is written; mkdocs.yml and the hand-written pages are the plainest
that build. Nothing is guessed from the text: title lines, a closing line, sections and
block quotations are the editors' to declare."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

from ..errors import EditionError
from ..read.lock import initial, write_lock
from ..read.sources import Paths, read_chapter
from ..read.yamlfile import dump_yaml
from ..render.naming import slugify

TO_FILL = "to fill"


def received_name(data: bytes) -> str:
    """The received file's name in sources/: from its SHA-256, so a new version of the
    text is a new file."""
    return f"000_{hashlib.sha256(data).hexdigest()[:16]}.txt"


def edition_yaml(name: str, data: bytes, title: str, author: str, year: int) -> str:
    given, _, family = author.rpartition(" ")
    slug = slugify(title)
    metadata = {
        "edition_title": f"{title}: An Annotated Digital Edition",
        "editors": f"{TO_FILL}: the editorial group, as citations name it",
        "version": "0.1",
        "date": datetime.date.today().isoformat(),
        "licence": {
            "name": "Creative Commons Attribution 4.0 International",
            "short": "CC BY 4.0",
            "spdx": "CC-BY-4.0",
            "url": "https://creativecommons.org/licenses/by/4.0/",
        },
        "doi": None,
        "kind": "text",
        "slug": slug,
        "author": author,
        "author_family": family or author,
        "author_given": given or f"{TO_FILL}: the author’s given name",
        "chapter_title": title,
        "book": f"{TO_FILL}: where the text was first published",
        "catalogue_title": f"{TO_FILL}: that publication as a library catalogues it",
        "publisher": f"{TO_FILL}: its publisher",
        "place": f"{TO_FILL}: its place of publication",
        "year": year,
        "transcription": f"{TO_FILL}: where the received file comes from, and what of it was taken",
        "received_rights": f"{TO_FILL}: what is known of the rights in the received text",
        "site_url": f"https://example.org/{slug}/",
        "references": {},
    }
    spec = {
        "received": {"file": name, "sha256": hashlib.sha256(data).hexdigest()},
        "metadata": metadata,
        "sections": [{"slug": slug, "title": title}],
    }
    return (
        "# The edition's metadata and the structure of the received text, made by `edition new`.\n"
        f"# Replace every value that begins “{TO_FILL}”, and record under metadata.references the\n"
        "# pages each fact was checked against. Add `front:` (the title lines the file opens with),\n"
        "# `colophon:` (a line that closes it), further sections by their headings, and the\n"
        "# quotations, as the text has them; see README, “Starting a new edition”.\n\n" + dump_yaml(spec)
    )


MKDOCS = """\
# The site's settings: `edition build` writes build/mkdocs.yml, which inherits this file
# and adds the navigation, site_url and the generated pages.
site_name: {title}
use_directory_urls: false
theme:
  name: material
  font: false          # no web font from another host
markdown_extensions:
  - attr_list
  - md_in_html
plugins:
  - search
"""

PAGES = {
    "index.md": "---\ntitle: Home\n---\n\n# {title}\n\n<!-- edition: identity -->\n\n"
    "Read [the text]({slug}.md).\n",
    "about.md": "---\ntitle: About\n---\n\n# About this edition\n\nWho made it, and how.\n",
    "data.md": "---\ntitle: Data\n---\n\n# Data\n\nThe data files and the TEI document are under `data/`.\n",
}

REGISTERS = {
    "glossary.yaml": "# The register of persons, bodies, terms and events the text names.\n[]\n",
    "apparatus.yaml": "# Every intervention the edition makes in the received text.\n[]\n",
    "commentary.yaml": "# The editors’ notes, each after an exact string of the text.\n[]\n",
}

BIBLIOGRAPHY = "% One entry per work the text's notes cite, each with the pages it was checked against.\n"


def scaffold(target: Path, received: Path, title: str, author: str, year: int) -> list[str]:
    """Make the project in `target` (new or empty); what the editors must fill in."""
    if target.exists() and any(target.iterdir()):
        raise EditionError(target, None, "exists and is not empty: `edition new` makes a new project")
    try:
        data = received.read_bytes()
        data.decode("utf-8")
    except OSError as exc:
        raise EditionError(received, None, f"cannot read the received file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise EditionError(received, None, f"not UTF-8 at byte {exc.start}") from exc
    paths = Paths(target)
    paths.sources.mkdir(parents=True)
    name = received_name(data)
    (paths.sources / name).write_bytes(data)
    paths.edition_yaml.write_text(edition_yaml(name, data, title, author, year), "utf-8")
    for file, text in REGISTERS.items():
        (paths.sources / file).write_text(text, "utf-8")
    paths.bibliography.write_text(BIBLIOGRAPHY, "utf-8")
    paths.mkdocs_yml.write_text(MKDOCS.format(title=title), "utf-8")
    paths.docs.mkdir()
    for file, text in PAGES.items():
        (paths.docs / file).write_text(text.format(title=title, slug=slugify(title)), "utf-8")
    chapter, _, _ = read_chapter(paths, locked=False)
    write_lock(paths.lock, initial(list(chapter.blocks)))
    fill = [f"sources/edition.yaml: every value marked “{TO_FILL}”, and metadata.references"]
    if chapter.notes:
        fill.append(f"bibliography.bib: the works the {len(chapter.notes)} notes cite")
    fill += [
        "sources/edition.yaml: front, colophon, sections and quotations, as the text has them",
        "sources/glossary.yaml, apparatus.yaml, commentary.yaml: the registers",
        "docs/index.md, about.md, data.md: the hand-written pages",
    ]
    return fill
