"""Command line: ``python -m build_tools COMMAND``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .build import Paths, build, summary
from .errors import EditionError


def _cmd_build(args: argparse.Namespace) -> int:
    paths = Paths.at(Path.cwd(), seeds=args.seeds, docs=args.docs)
    edition, report = build(paths)
    for line in summary(edition, report):
        print(line)
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="python -m build_tools",
        description="Build the annotated reading edition: raw seeds to clean, annotated "
                    "Markdown pages for MkDocs.")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    cmd = commands.add_parser(
        "build", help="generate the pages into docs/ (only changed files are rewritten)",
        description="Clean every seed, apply the editorial data and write the generated "
                    "pages, the home page and docs/edition.json.")
    cmd.add_argument("--seeds", type=Path, default=None, help="folder of raw articles (default: seeds/)")
    cmd.add_argument("--docs", type=Path, default=None, help="MkDocs docs folder (default: docs/)")
    cmd.set_defaults(func=_cmd_build)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        status: int = args.func(args)
    except EditionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
