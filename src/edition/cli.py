"""The `edition` command: build, serve and check the edition."""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
from pathlib import Path

from .build import CheckFailed, build, check
from .engine import ENGINES, EngineFailed
from .errors import EditionError
from .export import export
from .lock import ACCEPT, assign, describe, initial, read_lock, write_lock
from .sources import Paths, read_chapter


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


def _serve(args: argparse.Namespace) -> int:
    _build(args)
    site = Paths(args.root).site
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as server:
        port = server.server_address[1]
        print(f"serving {site} at http://{args.host}:{port}/ (Ctrl-C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="edition", description=__doc__)
    main.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="the edition project (default: the current directory)",
    )
    main.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help="the site generator for build, serve and export (default: $EDITION_ENGINE, else mkdocs)",
    )
    commands = main.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="build site/ from sources/ and bibliography.bib").set_defaults(
        run=_build
    )
    commands.add_parser("check", help="validate the inputs and check the built site").set_defaults(run=_check)
    commands.add_parser(
        "export", help="write dist/: the site zipped for file://, one HTML file, an EPUB"
    ).set_defaults(run=_export)
    lock = commands.add_parser("lock", help="create the paragraph lock, or show or accept id changes")
    lock.add_argument("--accept", action="store_true", help="accept new and retired paragraph ids")
    lock.set_defaults(run=_lock)
    serve = commands.add_parser("serve", help="build, then serve site/ on localhost")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    serve.set_defaults(run=_serve)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    try:
        return args.run(args)
    except EditionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (CheckFailed, EngineFailed) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
