"""Read and resolve: one edition as data, from a project folder, every input validated."""

from __future__ import annotations

from pathlib import Path

from ..model import Edition
from ..read.editors import link_editors
from ..read.housestyle import check_house_style
from ..read.romanization import check_romanization, check_romanization_of
from ..read.sources import Paths, read
from ..resolve.apparatus import link_apparatus
from ..resolve.chronology import link_chronology
from ..resolve.commentary import link_commentary
from ..resolve.evidence import check_sources
from ..resolve.mentions import link_mentions
from ..resolve.references import resolve


def load(root: Path, released: bool = False) -> Edition:
    """Read and resolve: the edition as data, every input validated (a `released`
    snapshot as it was released: its evidence may be addresses, and the romanization,
    house-style and evidence rules added since do not apply to it)."""
    paths = Paths(root)
    edition = link_mentions(resolve(read(root), paths.bibliography), paths.glossary)
    edition = link_editors(edition, paths.editors_bibliography)
    edition = link_commentary(link_apparatus(edition, paths.apparatus), paths.commentary)
    edition = link_chronology(edition, paths.chronology)
    if not released:  # a release stays as the rules of its day passed it
        check_romanization(edition, paths.glossary, paths.apparatus, paths.bibliography)
        check_romanization_of(edition.editors_bibliography, paths.editors_bibliography)
        check_house_style(paths.sources)
        check_sources(edition, paths)
    return edition
