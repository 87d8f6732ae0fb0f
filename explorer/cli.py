"""The ``explorer`` command: open the app, or ``analyze`` / ``eval`` from the shell.

Every error is one line on stderr; exit status 0 when something was done, 1 when nothing
could be, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from explorer import __version__
from explorer.analysis_output import FORMATS as ANALYSIS_FORMATS
from explorer.atomic import atomic_writer
from explorer.corpus import DEFAULT_MAX_BYTES
from explorer.model import LoadError

SUBCOMMANDS = ("analyze", "eval")


def _size(value: str) -> int:
    """Parse sizes such as ``20MB``, ``512k`` or ``1000000`` into bytes."""
    units = {"k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}
    text = value.strip().lower()
    number = text.rstrip("kmgb")
    try:
        return int(float(number) * units.get(text[len(number):], 1))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 20MB)") from None


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r} (e.g. 4)")
    return jobs


def _add_speed_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                        help="analyse on N processes (default: one per core)")
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the analysis cache")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explorer", description="Read Arabic news articles: who is in them, who said what.")
    parser.add_argument("--version", action="version", version=f"explorer {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    analyze = sub.add_parser("analyze", help="analyse articles and write the analysis JSON")
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    analyze.add_argument("--format", choices=ANALYSIS_FORMATS, default="json")
    analyze.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    analyze.add_argument("--ner", default="auto", help="NER backend (default: auto)")
    analyze.add_argument("--max-size", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                         help="skip files larger than this (default: 20MB)")
    _add_speed_options(analyze)
    evaluate = sub.add_parser("eval", help="score the analysis against annotated data")
    targets = evaluate.add_subparsers(dest="target", required=True)
    from explorer.evaluation import actor_audit, ner_eval, person_spans, quote_eval

    ner_eval.add_arguments(targets.add_parser("ner", help=ner_eval.__doc__.splitlines()[0]))
    person_spans.add_arguments(
        targets.add_parser("persons", help=person_spans.__doc__.splitlines()[0]))
    quote_eval.add_arguments(
        targets.add_parser("quotes", help=quote_eval.__doc__.splitlines()[0]))
    actor_audit.add_arguments(
        targets.add_parser("actors", help=actor_audit.__doc__.splitlines()[0]))
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explorer",
        usage="explorer [PATH ...] [options]\n       explorer {analyze,eval} ...",
        description="Open the explorer on article files or folders (default: the bundled "
                    "sample articles). Subcommands: analyze, eval (see explorer analyze -h).")
    parser.add_argument("--version", action="version", version=f"explorer {__version__}")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument("--ner", default="auto", help="NER backend (default: auto)")
    parser.add_argument("--max-size", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                        help="skip files larger than this (default: 20MB)")
    _add_speed_options(parser)
    parser.add_argument("--rtl", choices=("auto", "app", "terminal", "off"), default="auto",
                        help="who puts Arabic in reading order: the app, the terminal (VTE, "
                             "Konsole, mintty), nobody (off); auto decides from the terminal")
    parser.add_argument("--translit", choices=("hsb", "buckwalter"), default="hsb",
                        help="romanisation used by the t key (default: hsb)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in SUBCOMMANDS:
        from explorer.tui.app import run_app

        return run_app(_app_parser().parse_args(args))
    parsed = _parser().parse_args(args)
    try:
        if parsed.command == "eval":
            from explorer.evaluation import actor_audit, ner_eval, person_spans, quote_eval

            scorers = {"ner": ner_eval, "persons": person_spans, "quotes": quote_eval,
                       "actors": actor_audit}
            return scorers[parsed.target].run(parsed)
        return _analyze(parsed)
    except KeyboardInterrupt:
        print("explorer: interrupted", file=sys.stderr)
        return 130


def _analyze(args: argparse.Namespace) -> int:
    from explorer.analysis.ner import BackendUnavailable

    progress = _ProgressBar() if sys.stderr.isatty() else None
    try:
        if args.output:
            try:
                with atomic_writer(Path(args.output)) as out:
                    articles, errors = _analyze_to(out, args, progress)
            except OSError as exc:
                print(f"explorer: {args.output}: cannot write: {exc.strerror or exc}",
                      file=sys.stderr)
                return 1
        else:
            articles, errors = _analyze_to_stdout(args, progress)
    except BackendUnavailable as exc:
        print(f"explorer: {exc}", file=sys.stderr)
        return 2
    for error in errors:
        print(f"explorer: {error}", file=sys.stderr)
    if not articles:
        print("explorer: nothing could be analysed", file=sys.stderr)
        return 1
    return 0


def _analyze_to(out: BinaryIO, args: argparse.Namespace, progress: _ProgressBar | None
                ) -> tuple[int, list[LoadError]]:
    """Analyse ``args.paths`` into ``out`` record by record (the corpus is never held
    whole: :func:`explorer.analysis.corpus_run.analyze_to`)."""
    from explorer.analysis.corpus_run import analyze_to

    try:
        return analyze_to(out, args.format, args.paths, ner=args.ner,
                          max_bytes=args.max_size, jobs=args.jobs, cache=not args.no_cache,
                          on_item=progress)
    finally:
        if progress is not None:
            progress.finish()


def _analyze_to_stdout(args: argparse.Namespace, progress: _ProgressBar | None
                       ) -> tuple[int, list[LoadError]]:
    """The analysis JSON on stdout, UTF-8 whatever the locale says, so an ASCII or Latin-1
    locale cannot make printing Arabic fail."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests, embedding): hand it text
        collected = io.BytesIO()
        result = _analyze_to(collected, args, progress)
        sys.stdout.write(collected.getvalue().decode("utf-8"))
        return result
    sys.stdout.flush()
    result = _analyze_to(buffer, args, progress)
    buffer.flush()
    return result


class _ProgressBar:
    """A one-line progress bar on stderr, shown only for more than a few files."""

    WIDTH = 30

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, done: int, total: int, item: object) -> None:
        if total <= 5:
            return
        filled = self.WIDTH * done // total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        sys.stderr.write(f"\ranalysing [{bar}] {done}/{total}")
        sys.stderr.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
