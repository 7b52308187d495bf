"""`edition export`: what can be taken away, in dist/. The single-file edition and an
EPUB 3 made from it by pandoc; the site built for file:// and zipped; the TEI P5
document (which every build also publishes among the data, where it is checked);
then the online site rebuilt with the first three on its Downloads page. Built in a
temporary folder and swapped into dist/ whole."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from .build import Built, _replace, build, format_edition, load
from .citeproc import pandoc_path
from .single import STYLE, single_html
from .sources import Paths
from .tei import TEI_FILE

NAME = "the-new-course-controversy"


def epub(html_file: Path, target: Path, edition) -> None:
    meta = edition.metadata
    result = subprocess.run(
        [
            pandoc_path(),
            str(html_file),
            "-f",
            "html",
            "-t",
            "epub3",
            "-o",
            str(target),
            "--css",
            str(STYLE),
            "--split-level=2",
            "--metadata",
            f"title={meta['chapter_title']}",
            "--metadata",
            f"subtitle={meta['edition_title']}",
            "--metadata",
            f"creator={meta['author']}",
            "--metadata",
            "lang=en",
            "--metadata",
            f"publisher={meta['publisher']}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"pandoc could not make the EPUB: {result.stderr.strip()}")


def zip_folder(folder: Path, target: Path) -> None:
    """A zip whose top folder is the site, files in a stable order."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{NAME}/{path.relative_to(folder).as_posix()}")


def export(root: Path, engine: str | None = None) -> dict[str, int]:
    """Write dist/ and rebuild site/ with its downloads (by the engine, see
    engine.chosen); the sizes of what was made."""
    paths = Paths(root)
    edition = load(root)
    formatted = format_edition(edition, paths)
    paths.build.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=paths.build, prefix=".export-") as tmp:
        out = Path(tmp) / "dist"
        out.mkdir()
        html_file = out / f"{NAME}.html"
        html_file.write_text(single_html(edition, formatted), "utf-8")
        epub(html_file, out / f"{NAME}.epub", edition)
        books = {p.name: p.read_bytes() for p in (html_file, out / f"{NAME}.epub")}
        offline: Built = build(root, books, "offline", Path(tmp) / "offline", engine)
        zip_folder(offline.site, out / f"{NAME}-site.zip")
        shutil.copyfile(offline.site / "data" / TEI_FILE, out / TEI_FILE)
        downloads = {**books, f"{NAME}-site.zip": (out / f"{NAME}-site.zip").read_bytes()}
        build(root, downloads, engine=engine)
        _replace(out, root / "dist")
    return {name: len(content) for name, content in downloads.items()} | {
        TEI_FILE: (root / "dist" / TEI_FILE).stat().st_size
    }
