"""The rule switches on the command line (`--off RULE`, `--no-spin`, ...), shared by every command."""

from __future__ import annotations

import argparse

from .config import Config
from .files import UsageError
from .spin.table import RULES as SPIN_RULES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--off", action="append", default=[], metavar="RULE",
                        help="turn a rule or switch off (repeatable); see 'cleantext rules'")
    parser.add_argument("--uncurl-quotes", action="store_true", help="also straighten curly quotes")
    parser.add_argument("--no-spin", action="store_true", help="do not repair spun text")


def config_from(args: argparse.Namespace) -> Config:
    """The Config the switches on the command line ask for."""
    overrides: dict[str, bool] = {name: False for name in args.off}
    if getattr(args, "uncurl_quotes", False):
        overrides["uncurl_quotes"] = True
    if getattr(args, "no_spin", False):
        overrides.update(dict.fromkeys(SPIN_RULES, False))
    try:
        return Config().replace(**overrides)
    except TypeError as exc:
        raise UsageError(str(exc)) from None
