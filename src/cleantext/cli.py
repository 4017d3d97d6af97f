"""Command-line interface: `cleantext clean|explain|repair|rules|batch`.

Unix habits: FILE or `-` for stdin, output to stdout (or `-o OUT`, written
atomically), `cleantext: error: ...` on stderr, exit 1 for a failed input,
2 for a usage error, 130 for Ctrl-C; a closed pipe ends quietly.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from . import __version__, batch, report
from .api import clean_and_explain
from .charfix import decode_bytes, looks_binary
from .classify import RULES
from .config import Config
from .markup import looks_like_html
from .model import Result


class InputError(Exception):
    """An input that cannot be cleaned (missing, unreadable, binary): exit 1."""


class UsageError(Exception):
    """The command line itself is wrong (an unknown rule name): exit 2."""


def read_input(name: str) -> str:
    """Read FILE (or stdin for '-') as text, decoding with a warning when needed."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read()
        else:
            data = Path(name).read_bytes()
    except FileNotFoundError:
        raise InputError(f"cannot read {name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"cannot read {name}: it is a directory (use 'cleantext batch' for folders)") from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    if looks_binary(data):
        raise InputError(f"{name} looks like a binary file, not text")
    text, warning = decode_bytes(data)
    if warning:
        print(f"cleantext: warning: {name}: {warning}", file=sys.stderr)
    if looks_like_html(text):
        print(f"cleantext: warning: {name} looks like an HTML page: tags are stripped, but an HTML "
              "extractor (e.g. trafilatura) will find the article better", file=sys.stderr)
    return text


def write_output(text: str, out: str | None) -> None:
    """Write UTF-8 to stdout, or atomically to OUT (a temp file renamed into place).

    Output is data, so it is UTF-8 whatever the console's encoding (an ASCII
    or cp1252 stdout would otherwise turn CJK text into a traceback).
    """
    if out is None or out == "-":
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(text)
        else:
            sys.stdout.flush()
            buffer.write(text.encode("utf-8", "replace"))
        sys.stdout.flush()
        return
    target = Path(out)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _config(args: argparse.Namespace) -> Config:
    overrides: dict[str, bool] = {name: False for name in args.off}
    if getattr(args, "uncurl_quotes", False):
        overrides["uncurl_quotes"] = True
    if getattr(args, "no_spin", False):
        overrides.update(spin_phrase=False, spin_word=False, tortured_phrase=False)
    try:
        return Config().replace(**overrides)
    except TypeError as exc:
        raise UsageError(str(exc)) from None


def _run(args: argparse.Namespace) -> tuple[str, Result]:
    text = read_input(args.file)
    return text, clean_and_explain(text, _config(args))


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
    from .api import repair

    text = read_input(args.file)
    out = repair(text, _config(args))
    write_output(out + ("\n" if out else ""), args.output)
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    lines = [f"{r.id:<20} {r.stage:<8} {r.reason}" for r in RULES.values()]
    lines.append("switches: " + ", ".join(Config.names()))
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
        p.add_argument("--off", action="append", default=[], metavar="RULE",
                       help="turn a rule or switch off (repeatable); see 'cleantext rules'")
        p.add_argument("--uncurl-quotes", action="store_true", help="also straighten curly quotes")
        p.add_argument("--no-spin", action="store_true", help="do not repair spun text")

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

    p = sub.add_parser("rules", help="list the rules and config switches")
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
