"""Check stage: one built site held against its sources: the fidelity of both views of the
latest text and of every release, on the pages and in the TEI, and every link and anchor."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from ..errors import CheckFailed
from ..model import Edition
from ..read.chapter import read_received
from ..render.markup import page_url
from ..render.naming import tei_file
from ..render.paragraph_pages import forward_targets
from .fidelity import Words, compare, reader_views, reading_words, received_words, tei_views
from .links import check_links


def check_text(edition: Edition, site: Path) -> list[str]:
    """Fidelity of both views, on the pages and in the TEI, of one built version;
    an empty list means it passes.

    The received view must hold the received file word for word; the reading view,
    the received text with exactly the recorded interventions made.
    """
    received = received_words(read_received(edition.source), edition.source)
    section_pages = [site / page_url(s.slug) for s in edition.chapter.sections]
    missing = [p for p in section_pages if not p.exists()]
    if missing:
        return [f"missing page {p.name}" for p in missing]
    reading = reading_words(edition)
    problems = []
    tei = tei_file_views(site / "data" / tei_file(edition.metadata))
    for where, views in (("", reader_views(section_pages)), (" of the TEI", tei)):
        problems += [f"received view{where}: {p}" for p in compare(received, views["received"])]
        problems += [f"reading view{where}: {p}" for p in compare(reading, views["reading"])]
    return problems


def check_site(edition: Edition, site: Path, releases: dict[str, Edition] | None = None) -> list[str]:
    """Fidelity of the latest text and of every release at v/X.Y/, and the links of the
    whole site; an empty list means it passes."""
    problems = check_text(edition, site)
    redirects = forward_targets(edition)
    for version, released in (releases or {}).items():
        sub = f"v/{version}/"
        problems += [f"{sub}: {p}" for p in check_text(released, site / sub)]
        redirects.update({sub + name: sub + target for name, target in forward_targets(released).items()})
    base_path = urlsplit(edition.metadata.get("latest_url") or edition.metadata["site_url"]).path or "/"
    return problems + check_links(site, base_path, redirects=redirects)


def tei_file_views(path: Path) -> dict[str, Words]:
    """The two views of the TEI document the site publishes; one that does not parse
    fails the check."""
    try:
        return tei_views(ET.parse(path).getroot())
    except (OSError, ET.ParseError) as exc:
        raise CheckFailed([f"{path.name}: {exc}"]) from exc
