"""Archive-ready metadata for the repository: CITATION.cff (GitHub's "Cite this
repository", read by cffconvert) and .zenodo.json (what Zenodo's GitHub integration
records when it archives a release with a DOI), written from `sources/edition.yaml`
by `edition release`, so the repository and the edition never disagree."""

from __future__ import annotations

import json

from ..model import Edition
from ..read.yamlfile import dump_yaml
from .naming import part_of

CITATION_FILE = "CITATION.cff"
ZENODO_FILE = ".zenodo.json"


def description(edition: Edition) -> str:
    meta = edition.metadata
    return (
        f"An annotated digital critical edition of {meta['author']}, “{meta['chapter_title']}”, "
        f"{part_of(meta).lower()}{meta['catalogue_title']} ({meta['place']}: "
        f"{meta['publisher']}, {meta['year']}), from its web transcription, with the editors’ "
        "apparatus, notes, glossary, chronology, TEI and data."
    )


def citation_cff(edition: Edition) -> str:
    meta = edition.metadata
    data = {
        "cff-version": "1.2.0",
        "message": "To cite a paragraph, use the citation its Cite control gives; to cite the edition:",
        "type": "dataset",
        "title": meta["edition_title"],
        "version": str(meta["version"]),
        "date-released": str(meta["date"]),
        "authors": [{"name": meta["editors"]}],
        "abstract": description(edition),
        "license": meta["licence"]["spdx"],
        "url": meta.get("latest_url") or meta["site_url"],
        **({"doi": meta["doi"]} if meta.get("doi") else {}),
        "references": [
            {
                "type": "book",
                "title": meta["catalogue_title"],
                "authors": [{"family-names": meta["author_family"], "given-names": meta["author_given"]}],
                "publisher": {"name": meta["publisher"], "city": meta["place"]},
                "year": int(meta["year"]),
                **({"volume": int(meta["volume"])} if meta.get("volume") is not None else {}),
            }
        ],
    }
    return "# Written by `edition release` from sources/edition.yaml: edit those, not this.\n" + dump_yaml(
        data
    )


def zenodo_json(edition: Edition) -> str:
    meta = edition.metadata
    data = {
        "title": meta["edition_title"],
        "upload_type": "publication",
        "publication_type": "book",
        "description": description(edition),
        "creators": [{"name": meta["editors"]}],
        "version": str(meta["version"]),
        "publication_date": str(meta["date"]),
        "license": meta["licence"]["spdx"].lower(),
        "language": "eng",
        "notes": f"The received text: {meta['received_rights']}",
        "related_identifiers": [
            {"identifier": meta.get("latest_url") or meta["site_url"], "relation": "isAlternateIdentifier"}
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
