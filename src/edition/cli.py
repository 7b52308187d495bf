"""The `edition` command: build, serve and check the edition."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import errno
import functools
import http.server
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .engine.generators import ENGINES, EngineFailed
from .errors import CheckFailed, EditionError
from .pipeline.build import build, check
from .pipeline.export import export
from .read.lock import ACCEPT, assign, describe, initial, read_lock, write_lock
from .read.received import digest, received_file, record_hash
from .read.sources import Paths, read_chapter
from .read.yamlfile import line_of, load_yaml


def _build(args: argparse.Namespace) -> int:
    built = build(args.root, engine=args.engine)
    blocks = len(built.edition.chapter.blocks)
    notes = len(built.edition.chapter.notes)
    print(
        f"built {built.site}: {blocks} paragraphs, {notes} notes, "
        f"{len(built.edition.bibliography)} works; every check passed"
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    sizes = export(args.root, engine=args.engine)
    for name, count in sizes.items():
        print(f"dist/{name}: {count:,} bytes")
    print("site/ rebuilt with these on its Downloads page")
    return 0


def _check(args: argparse.Namespace) -> int:
    problems = check(args.root)
    if problems:
        raise CheckFailed(problems)
    print("check passed: every word of the received chapter is on the pages; all links resolve")
    return 0


def _new(args: argparse.Namespace) -> int:
    """Scaffold a new edition project from a received text file."""
    from .pipeline.scaffold import scaffold

    fill = scaffold(args.directory.resolve(), args.received, args.title, args.author, args.year)
    print(f"made {args.directory}: sources/ with the received file, edition.yaml, empty registers, ")
    print("a paragraph lock, mkdocs.yml and docs/. Fill in, then run `edition --root DIR build`:")
    for item in fill:
        print(f"  - {item}")
    return 0


def _lock(args: argparse.Namespace) -> int:
    """Create the paragraph lock, show what would change, or accept the change."""
    paths = Paths(args.root)
    chapter, _, _ = read_chapter(paths, locked=False)
    blocks = list(chapter.blocks)
    if not paths.lock.exists():
        write_lock(paths.lock, initial(blocks))
        print(f"wrote {paths.lock}: {len(blocks)} paragraphs, ¶1–¶{len(blocks)}")
        return 0
    assignment = assign(blocks, *read_lock(paths.lock))
    if args.accept:
        write_lock(paths.lock, assignment)
        print(f"accepted: {describe(assignment)}")
        return 0
    print(f"pending: {describe(assignment)}" + (f" (run `{ACCEPT}`)" if assignment.moves_ids else ""))
    return 1 if assignment.moves_ids else 0


def _release(args: argparse.Namespace) -> int:
    """Cut a release: snapshot the committed sources, record it, write the archive files."""
    from .pipeline.load import load
    from .read.releases import cut_release
    from .read.sources import Paths
    from .render.archive import CITATION_FILE, ZENODO_FILE, citation_cff, zenodo_json
    from .resolve.evidence import check_titled

    edition = load(args.root)
    check_titled(edition, Paths(args.root))
    release = cut_release(args.root, args.version, args.statement)
    (args.root / CITATION_FILE).write_text(citation_cff(edition), "utf-8")
    (args.root / ZENODO_FILE).write_text(zenodo_json(edition), "utf-8")
    print(
        f"release {release.version} cut from {release.commit[:12]}: releases/{release.version}/, "
        f"sources/releases.yaml, {CITATION_FILE} and {ZENODO_FILE} written; commit them, then tag "
        f"v{release.version} and publish a GitHub release to archive it"
    )
    return 0


def _received(args: argparse.Namespace) -> int:
    """Show how the received file differs from its recorded hash, or record the new hash."""
    paths = Paths(args.root)
    spec = load_yaml(paths.edition_yaml)
    text_path = received_file(spec, paths.sources)
    if text_path is None:
        raise EditionError(paths.edition_yaml, line_of(spec), "'received' names no 'file'")
    actual, recorded = digest(text_path), spec["received"].get("sha256")
    if recorded == actual:
        print(f"{text_path.name}: SHA-256 {actual}, as recorded in edition.yaml")
        return 0
    print(f"{text_path.name}: SHA-256 {actual}, recorded {recorded or 'none'}; {_change(paths)}")
    if not args.accept:
        print("run `edition received --accept` to record the new hash")
        return 1
    record_hash(paths.edition_yaml, spec, actual)
    print(f"accepted: recorded {actual} in {paths.edition_yaml.name}")
    return 0


def _change(paths: Paths) -> str:
    """What changed in the received file, by the paragraph lock."""
    try:
        chapter, _, _ = read_chapter(paths, locked=False, verified=False)
        if not paths.lock.exists():
            return "no paragraph lock to compare with"
        return f"against the paragraph lock: {describe(assign(list(chapter.blocks), *read_lock(paths.lock)))}"
    except EditionError as exc:
        return f"the chapter does not read yet ({exc})"


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Files from site/; a missing page is answered with the site's own 404 page."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _serve(args: argparse.Namespace) -> int:
    site = Paths(args.root).site
    handler = functools.partial(_SiteHandler, directory=str(site))
    try:
        server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        raise EditionError(
            f"{args.host}:{args.port}", None, "the port is in use; `edition serve --port 0` picks a free one"
        ) from exc
    with server:
        _build(args)
        port = server.server_address[1]
        print(f"serving {site} at http://{args.host}:{port}/ (Ctrl-C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """A mistyped subcommand gets the nearest one suggested."""
        if "invalid choice" in message and self._subparsers is not None:
            wrong = message.split("'")[1]
            choices = [c for a in self._subparsers._group_actions for c in (a.choices or {})]
            guess = difflib.get_close_matches(wrong, choices, n=1)
            if guess:
                message = f"unknown command '{wrong}' — did you mean '{guess[0]}'?"
        super().error(message)


def _version() -> str:
    try:
        return version("edition")
    except PackageNotFoundError:
        return "unknown"


def parser() -> argparse.ArgumentParser:
    main = _Parser(prog="edition", description=__doc__)
    main.add_argument("--version", action="version", version=f"edition {_version()}")
    root = argparse.ArgumentParser(add_help=False)
    root.add_argument(
        "--root",
        type=Path,
        default=argparse.SUPPRESS,
        help="the edition project (default: the current directory)",
    )
    main.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="the edition project (default: the current directory)",
    )
    engine_help = "the site generator for build, serve and export (default: $EDITION_ENGINE, else mkdocs)"
    root.add_argument("--engine", choices=ENGINES, default=argparse.SUPPRESS, help=engine_help)
    main.add_argument("--engine", choices=ENGINES, default=None, help=engine_help)
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=summary, description=description, parents=[root])

    command(
        "build",
        "build site/ from sources/ and bibliography.bib",
        "Read, resolve and render the edition, run MkDocs, check the result, and only then "
        "put it in site/; bad input stops the build with one line and leaves site/ as it was.",
    ).set_defaults(run=_build)
    command(
        "check",
        "validate the inputs and check the built site",
        "Validate every input, then check site/: every word of the received chapter on the "
        "pages and in the TEI, and every link.",
    ).set_defaults(run=_check)
    command(
        "export",
        "write dist/: the site zipped for file://, one HTML file, an EPUB",
        "Write dist/ (the site for file:// zipped, the single-file edition, the EPUB and the "
        "TEI), then rebuild site/ with them on its Downloads page.",
    ).set_defaults(run=_export)
    new = command(
        "new",
        "make a new edition project from a received text file",
        "Make DIR (new or empty): the received file in sources/ under its hashed name, "
        "sources/edition.yaml with the fields to fill, empty registers, the paragraph lock, "
        "mkdocs.yml and docs/; then say what the editors must fill in.",
    )
    new.add_argument("directory", type=Path, metavar="DIR", help="the new project's folder")
    new.add_argument("--received", type=Path, required=True, help="the received text file (UTF-8)")
    new.add_argument("--title", required=True, help="the text's title")
    new.add_argument("--author", required=True, help="the author's name, given names first")
    new.add_argument("--year", type=int, required=True, help="the year the text was first published")
    new.set_defaults(run=_new)
    lock = command(
        "lock",
        "create the paragraph lock, or show or accept id changes",
        "Create sources/paragraphs.lock on first use; afterwards show which paragraph ids a "
        "change of the received text would add or retire.",
    )
    lock.add_argument("--accept", action="store_true", help="accept new and retired paragraph ids")
    lock.set_defaults(run=_lock)
    release = command(
        "release",
        "cut a release of the committed sources: kept unchanged at v/X.Y/ for good",
        "Snapshot the committed sources into releases/X.Y/, record the release in "
        "sources/releases.yaml with its commit, and write CITATION.cff and .zenodo.json.",
    )
    release.add_argument("version", help="the version, MAJOR.MINOR, as in sources/edition.yaml")
    release.add_argument("--statement", required=True, help="what this release is, in a sentence or two")
    release.set_defaults(run=_release)
    received = command(
        "received",
        "show a change of the received chapter, or record its new SHA-256",
        "Compare the received chapter with the SHA-256 recorded in sources/edition.yaml and "
        "show which paragraphs changed; the build refuses the file until the hash is recorded.",
    )
    received.add_argument("--accept", action="store_true", help="record the file's new SHA-256")
    received.set_defaults(run=_received)
    serve = command(
        "serve",
        "build, then serve site/ on localhost",
        "Build the site, then serve site/ over HTTP until Ctrl-C.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="the port (default: 8000); 0 picks a free one")
    serve.set_defaults(run=_serve)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    try:
        return args.run(args)
    except (EditionError, CheckFailed, EngineFailed) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; site/ unchanged", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
