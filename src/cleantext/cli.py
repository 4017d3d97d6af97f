"""Command-line interface: `cleantext clean|explain|repair|rules|batch`.

Unix habits: FILE or `-` for stdin, output to stdout (or `-o OUT`, written
atomically), `cleantext: error: ...` on stderr, exit 1 for a failed input,
2 for a usage error, 130 for Ctrl-C; a closed pipe ends quietly.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from . import __version__, batch, report, switches
from .api import clean_and_explain, repair
from .files import InputError, UsageError, read_input, write_output
from .model import Result
from .rules import registry


def _run(args: argparse.Namespace) -> tuple[str, Result]:
    text = read_input(args.file)
    return text, clean_and_explain(text, switches.config_from(args))


def cmd_clean(args: argparse.Namespace) -> int:
    _, result = _run(args)
    if args.format == "json":
        out = report.to_json(result, actions=args.actions) + "\n"
    else:
        out = result.text + ("\n" if result.text else "")
    write_output(out, args.output)
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    text, result = _run(args)
    if args.format == "jsonl":
        out = report.to_jsonl_actions(result)
    elif args.format == "diff":
        out = report.to_diff(text, result, args.file)
    else:
        out = report.to_table(result)
    write_output(out, args.output)
    return 0


def cmd_repair(args: argparse.Namespace) -> int:
    text = read_input(args.file)
    out = repair(text, switches.config_from(args))
    write_output(out + ("\n" if out else ""), args.output)
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    if args.format == "markdown":
        write_output(registry.markdown_table(), None)
        return 0
    lines = [f"{r.id:<20} {r.stage:<8} {r.reason}" for r in registry.RULES]
    lines += [f"{name:<20} {'option':<8} {doc}" for name, (_, doc) in registry.OPTIONS.items()]
    write_output("\n".join(lines) + "\n", None)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext",
        description="Turn scraped article text into clean text, and explain every change.",
    )
    parser.add_argument("--version", action="version", version=f"cleantext {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", nargs="?", default="-", help="input text file, or - for stdin (default)")
        p.add_argument("-o", "--output", help="write here instead of stdout (atomically)")
        switches.add_arguments(p)

    p = sub.add_parser("clean", help="print the cleaned article text")
    common(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--actions", action="store_true", help="with --format json: include the action log")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("explain", help="report every removal and change with its rule and reason")
    common(p)
    p.add_argument("--format", choices=("table", "jsonl", "diff"), default="table")
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("repair", help="repair spun text and broken Unicode without removing anything")
    common(p)
    p.set_defaults(func=cmd_repair)

    p = sub.add_parser("rules", help="list the rules (each is a config switch) and the options")
    p.add_argument("--format", choices=("table", "markdown"), default="table")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("batch", help="clean JSONL records or a folder of text files, in parallel")
    batch.add_arguments(p)
    p.set_defaults(func=batch.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except InputError as exc:
        print(f"cleantext: error: {exc}", file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"cleantext: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`cleantext clean big.txt | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("cleantext: interrupted", file=sys.stderr)
        return 130
