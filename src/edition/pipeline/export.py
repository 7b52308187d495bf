"""`edition export`: what can be taken away, in dist/. The single-file edition, an
EPUB 3 written from the model (`epub.py`) and a PDF set from the single file
(`pdf.py`); the site built for file:// and zipped; the TEI P5 document (which every
build also publishes among the data, where it is checked); then the online site
rebuilt with the first four on its Downloads page. Built in a temporary folder and
swapped into dist/ whole."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

from ..check.exports import epub_lost_words
from ..check.fidelity import lost_words
from ..errors import CheckFailed
from ..model import Edition
from ..read.sources import Paths
from ..render.epub import write_epub
from ..render.naming import slug, tei_file
from ..render.pdf import write_pdf
from ..render.single import single_html
from .build import Built, _replace, build, format_edition
from .load import load
from .releases import prepare, release_project

ZIP_EPOCH = 315532800  # 1980-01-01, the first date a zip can hold


def zip_folder(folder: Path, target: Path, name: str) -> None:
    """A zip whose top folder, `name`, is the site, files in a stable order (and dated
    SOURCE_DATE_EPOCH when it is set, so that two exports are the same bytes)."""
    stamp = int(os.environ["SOURCE_DATE_EPOCH"]) if os.environ.get("SOURCE_DATE_EPOCH") else None
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                entry = f"{name}/{path.relative_to(folder).as_posix()}"
                if stamp is None:
                    archive.write(path, entry)
                else:  # a reproducible build: every file dated SOURCE_DATE_EPOCH
                    info = zipfile.ZipInfo(entry, time.gmtime(max(stamp, ZIP_EPOCH))[:6])
                    archive.writestr(info, path.read_bytes(), zipfile.ZIP_DEFLATED)


def books(edition: Edition, paths: Paths, out: Path) -> dict[str, bytes]:
    """The single file, the EPUB and the PDF of one version, written into `out`; a word
    lost from the single file or the EPUB stops the export."""
    formatted = format_edition(edition, paths)
    name = slug(edition.metadata)
    out.mkdir(parents=True, exist_ok=True)
    html_file = out / f"{name}.html"
    html_file.write_text(single_html(edition, formatted), "utf-8")
    write_epub(edition, formatted, out / f"{name}.epub")
    lost = [f"EPUB: {problem}" for problem in epub_lost_words(edition, out / f"{name}.epub")]
    single = [(html_file.name, html_file.read_text("utf-8"))]
    lost += [f"single file: {problem}" for problem in lost_words(edition, single)]
    if lost:
        raise CheckFailed(lost)
    write_pdf(edition, formatted, out / f"{name}.pdf")
    return {p.name: p.read_bytes() for p in (html_file, out / f"{name}.epub", out / f"{name}.pdf")}


def export(root: Path, engine: str | None = None) -> dict[str, int]:
    """Write dist/ and rebuild site/ with its downloads (by the engine, see
    engine.chosen), and each release's own single file, EPUB and PDF at v/X.Y/; the
    sizes of what was made for the latest."""
    paths = Paths(root)
    edition = load(root)
    paths.build.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=paths.build, prefix=".export-") as tmp:
        out = Path(tmp) / "dist"
        latest = books(edition, paths, out)
        _, released = prepare(root)
        release_books = {
            version: books(release, Paths(release_project(root, version)), Path(tmp) / "releases" / version)
            for version, release in released.items()
        }
        offline: Built = build(root, latest, "offline", Path(tmp) / "offline", engine)
        name, tei = slug(edition.metadata), tei_file(edition.metadata)
        zip_folder(offline.site, out / f"{name}-site.zip", name)
        shutil.copyfile(offline.site / "data" / tei, out / tei)
        downloads = {**latest, f"{name}-site.zip": (out / f"{name}-site.zip").read_bytes()}
        build(root, downloads, engine=engine, release_downloads=release_books)
        _replace(out, root / "dist")
    return {name: len(content) for name, content in downloads.items()} | {
        tei: (root / "dist" / tei).stat().st_size
    }
