"""Command line: ``python -m build_tools COMMAND``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import evaluate
from .build import build, build_edition
from .editor.freshness import freshness_warnings
from .editor.report import article_lines, doubt_lines, summary
from .editor.review import check_reviews
from .errors import EditionError, InputError
from .project import Paths


def _paths(args: argparse.Namespace) -> Paths:
    return Paths.at(Path.cwd(), seeds=args.seeds, docs=getattr(args, "docs", None))


def _cmd_build(args: argparse.Namespace) -> int:
    edition, report = build(_paths(args))
    for line in summary(edition, report):
        print(line)
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    paths = _paths(args)
    try:
        edition = build_edition(paths)
        problems, review_warnings = check_reviews(edition.articles, edition.registers, paths.data)
        if problems:
            raise InputError(problems)
    except InputError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems)
        print(f"{count} problem{'s' if count > 1 else ''} to fix", file=sys.stderr)
        return 1
    for line in (*article_lines(edition), *doubt_lines(edition)):
        print(line)
    today = args.today or dt.date.today()
    for warning in (*edition.warnings, *review_warnings,
                    *freshness_warnings(edition.articles, edition.registers, paths.data, today)):
        print(f"warning: {warning}")
    print(f"ok: {len(edition.articles)} articles, {len(edition.registers.entities)} entities, "
          f"{len(edition.registers.glossary)} glossary terms, {len(edition.registers.outlets)} sources, "
          f"{sum(len(a.notes) for a in edition.articles)} notes")
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    from .editor.stats import edition_stats, stats_lines  # noqa: PLC0415 - keeps `build` start-up light

    edition = build_edition(_paths(args))
    stats = edition_stats(edition.articles, edition.registers)
    if args.json:
        print(json.dumps(stats.record(), ensure_ascii=False, indent=1))
    else:
        print("\n".join(stats_lines(stats)))
    return 0


def _cmd_suggest(args: argparse.Namespace) -> int:
    from .editor.suggest import load_model, register_stub, suggest, suggestion_lines  # noqa: PLC0415 - spaCy is optional

    edition = build_edition(_paths(args))
    found = suggest(edition.articles, edition.registers, load_model())
    print(register_stub(found) if args.yaml else "\n".join(suggestion_lines(found)))
    return 0


def _cmd_bench(args: argparse.Namespace) -> int:
    from . import bench  # noqa: PLC0415 - needs the 'bench' extra (flashtext, pyahocorasick)

    report = bench.run(bench.TINY if args.tiny else bench.FULL, build=not args.no_build, serve=not args.no_serve,
                       search_too=args.search, engines_too=args.engines, large_too=args.large)
    print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else "\n".join(bench.summary(report)))
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    if args.check:
        for file in evaluate.check(args.check):
            print(f"{file.path}: {len(file.lines)} lines, well formed")
        return 0
    reports = evaluate.evaluate(args.corpus, evaluate.SPLITS if args.split == "all" else (args.split,))
    print(json.dumps(evaluate.report_json(reports), ensure_ascii=False, indent=1) if args.json
          else "\n".join(evaluate.summary(reports, errors=not args.quiet)))
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    from .publish.search import index_site  # noqa: PLC0415 - Pagefind only where a site is indexed
    from .registers import load_registers  # noqa: PLC0415

    site = args.site
    if not (site / "index.html").is_file():
        print(f"error: {site}/index.html is missing: build the site first (make build, or zensical build)",
              file=sys.stderr)
        return 1
    indexed = index_site(site, load_registers(_paths(args).data).glossary)
    print(f"{site}: {indexed}")
    return 0


def _cmd_publish(args: argparse.Namespace) -> int:
    from .publish.engines import Engine, publish  # noqa: PLC0415 - the engines, Pagefind and the books load only here

    published, log = publish(_paths(args), Engine(args.engine), args.site)
    print(log, end="")
    print(f"{published.site}: built by {args.engine}; {published.indexed}")
    for path in published.books:
        print(f"{path}: {path.stat().st_size:,} bytes")
    for line in published.not_written:
        print(line)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from .publish.engines import Engine  # noqa: PLC0415
    from .publish.watch import serve  # noqa: PLC0415

    return serve(_paths(args), Engine(args.engine), args.dev_addr)


def _engine_option(cmd: argparse.ArgumentParser) -> None:
    from .publish.engines import DEFAULT_ENGINE, Engine  # noqa: PLC0415

    cmd.add_argument("--engine", choices=[e.value for e in Engine], default=DEFAULT_ENGINE.value,
                     help=f"the site engine, which reads mkdocs.yml (default: {DEFAULT_ENGINE.value})")


def _cmd_books(args: argparse.Namespace) -> int:
    from .publish.books import write_books  # noqa: PLC0415 - WeasyPrint loads only for the books

    paths = _paths(args)
    written, skipped = write_books(build_edition(paths), paths, args.site)
    for path in written:
        print(f"{path}: {path.stat().st_size:,} bytes")
    for line in skipped:
        print(line)
    return 0


def _seeds_option(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--seeds", type=Path, default=None, help="folder of raw articles (default: seeds/)")


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
    _seeds_option(cmd)
    cmd.add_argument("--docs", type=Path, default=None, help="MkDocs docs folder (default: docs/)")
    cmd.set_defaults(func=_cmd_build)

    cmd = commands.add_parser(
        "check", help="validate seeds, registers, notes, reviews and per-article data without writing anything",
        description="Read every seed and every data file, place every note and pin, render every page in "
                    "memory, and check each article's review (data/review/). Each problem is printed with its "
                    "file, line and a hint; the exit status is 1 if there is any. Warnings say what to look at: "
                    "figures no review quotes, statements in the future about a date that has passed, as_of "
                    "dates more than a year old.")
    _seeds_option(cmd)
    cmd.add_argument("--today", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                     help="the date to judge what has passed against (default: today)")
    cmd.set_defaults(func=_cmd_check)

    cmd = commands.add_parser(
        "suggest", help="names found by French NER (spaCy) that the registers do not cover yet",
        description="Run spaCy's French model (fr_core_news_sm) over the cleaned text of the seeds and "
                    "list the names no register covers, most frequent first, each with one context. "
                    "Needs the 'suggest' extra: pip install -e '.[suggest]'.")
    _seeds_option(cmd)
    cmd.add_argument("--yaml", action="store_true",
                     help="print entries for data/entities.yml, to check and describe before pasting")
    cmd.set_defaults(func=_cmd_suggest)

    cmd = commands.add_parser(
        "stats", help="per article: mentions, terms, notes, removed lines; register entries never used",
        description="Figures an editor checks after adding an article or curating a register.")
    _seeds_option(cmd)
    cmd.add_argument("--json", action="store_true", help="print the figures as JSON")
    cmd.set_defaults(func=_cmd_stats)

    cmd = commands.add_parser(
        "publish", help="the whole site: generate the pages, build them with an engine, index the search, "
                        "write the books (make build)",
        description="Generate the pages into docs/, build the site into SITE with the engine (MkDocs, "
                    "ProperDocs or Zensical, each reading mkdocs.yml, strict), index it with Pagefind and "
                    "write the EPUB and the PDF into it.")
    _seeds_option(cmd)
    _engine_option(cmd)
    cmd.add_argument("site", type=Path, nargs="?", default=Path("site"), help="where to build (default: site/)")
    cmd.set_defaults(func=_cmd_publish)

    cmd = commands.add_parser(
        "serve", help="preview the site with live reload (make serve)",
        description="The engine's own live preview of docs/, the pages generated again whenever a seed, a "
                    "data file or a template changes.")
    _seeds_option(cmd)
    _engine_option(cmd)
    cmd.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                     help="where to serve (default: 127.0.0.1:8000)")
    cmd.set_defaults(func=_cmd_serve)

    cmd = commands.add_parser(
        "search", help="index a built site for its search (Pagefind, in French); publish does it",
        description="Run Pagefind on a site an engine has built (what the theme marks in each page, and the "
                    "glossary's terms), writing SITE/pagefind/. `publish` (make build) runs it after the "
                    "engine's build, and MkDocs's live preview after each rebuild.")
    cmd.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the built site (default: site/)")
    cmd.set_defaults(func=_cmd_search, seeds=None)

    cmd = commands.add_parser(
        "books", help="write the edition as an EPUB 3 and a print-ready PDF into the built site",
        description="Build the edition in memory and write SITE/edition.epub (articles, notes as endnotes, "
                    "glossary, index of the entities, sources) and SITE/edition.pdf (the same in A4 pages, "
                    "made by WeasyPrint, which needs Pango). `publish` (make build) runs it after the engine's build.")
    _seeds_option(cmd)
    cmd.add_argument("site", type=Path, nargs="?", default=Path("site"),
                     help="the folder to write them into (default: site/)")
    cmd.set_defaults(func=_cmd_books)
    _measuring_commands(commands)
    return main


def _measuring_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The commands that measure the tool itself: ``bench`` and ``eval``."""

    cmd = commands.add_parser(
        "bench", help="measure the matcher against flashtext and pyahocorasick, and builds of large editions",
        description="Synthetic corpus, registers and editions made from the seeds (fixed random seed); "
                    "results and goals in BENCHMARKS.md. Needs the 'bench' extra: pip install -e '.[bench]'.")
    cmd.add_argument("--json", action="store_true", help="print the results as JSON")
    cmd.add_argument("--tiny", action="store_true", help="tiny sizes: checks that the benchmark runs")
    cmd.add_argument("--no-build", action="store_true", help="leave out the generator and MkDocs builds")
    cmd.add_argument("--no-serve", action="store_true", help="leave out the live preview's reload")
    cmd.add_argument("--engines", action="store_true",
                     help="also build and serve the real edition and editions of 600 and 2,000 articles with each "
                          "engine (MkDocs, ProperDocs, Zensical): cold build and reload after an edit")
    cmd.add_argument("--large", action="store_true",
                     help="also build editions of 600, 2,000 and 5,000 articles as make build does, and weigh "
                          "their sites (about fifteen minutes)")
    cmd.add_argument("--search", action="store_true",
                     help="also build editions of 2,000 and 5,000 articles and measure their search in Chromium "
                          "(about ten minutes)")
    cmd.set_defaults(func=_cmd_bench)

    cmd = commands.add_parser(
        "eval", help="score the cleaner on the corpus of real pages (tests/corpus/)",
        description="Clean every page of the evaluation corpus and compare with its labels: article lines "
                    "kept, other lines left out, title, author and date read; every error with its file and "
                    "line. tests/corpus/README.md says how to add a page.")
    cmd.add_argument("--split", choices=("dev", "test", "all"), default="all", help="which files (default: all)")
    cmd.add_argument("--corpus", type=Path, default=evaluate.CORPUS, help="the corpus folder")
    cmd.add_argument("--json", action="store_true", help="print the scores as JSON")
    cmd.add_argument("--quiet", action="store_true", help="scores only, no list of errors")
    cmd.add_argument("--check", type=Path, nargs="+", metavar="FILE",
                     help="only read these corpus files and report any malformed line")
    cmd.set_defaults(func=_cmd_eval)


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
