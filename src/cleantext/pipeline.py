"""The one place where the stage order lives.

    text -> kernel: split into line segments
         -> repairs: control chars, ftfy, HTML tags (the lines the kernel names)
         -> kernel: classify (pattern rules, then context rules) and drop
         -> spin: detect, then repair the kept lines (after the first round)
         -> kernel: classify again until nothing more drops
         -> metadata -> kernel: join

Every stage records its decisions in the `ActionLog`; the output is the
kernel's join of what is left, and `Result.replay()` rebuilds it from the
log alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

from . import markup
from .config import Config
from .kernel import document
from .log import ActionLog
from .metadata import extract
from .model import Result
from .repairs import repair_lines
from .spin.detection import SpinReport, judge
from .spin.edits import Edit, edits
from .spin.table import RULES as SPIN_RULES
from .spin.table import table as spin_table

_SURROGATE = re.compile("[\ud800-\udfff]")

# Classification repeats on the lines still kept until nothing more is
# dropped, so that clean(clean(x)) == clean(x); rounds after the first reuse
# the kernel's per-line memo and are cheap.  Rules only ever drop, so this
# converges; the cap bounds the work on pathological input.
MAX_ROUNDS = 6


def check_text(text: object) -> str:
    """Return `text` if it is a str, else raise a TypeError that says what to do."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "cleantext works on str, not bytes: decode first, "
            "e.g. data.decode('utf-8', errors='replace')"
        )
    if text is None:
        raise TypeError("cleantext got None instead of text: pass '' for an empty document")
    raise TypeError(f"cleantext works on str, not {type(text).__name__}: pass the article text as a str")


#: Times the stages when given (bench/run.py): called with a stage's name,
#: it returns the context the stage runs in.
Stopwatch = Callable[[str], AbstractContextManager[object]]
_UNTIMED = nullcontext()


def _untimed(stage: str) -> AbstractContextManager[object]:
    return _UNTIMED


@dataclass
class Cleaned:
    """One document after the pipeline: the native document, its log and spin report."""

    log: ActionLog
    spin: SpinReport | None
    watch: Stopwatch = _untimed

    def text(self) -> str:
        with self.watch("join"):
            return self.log.doc.join()


def clean_document(text: str, config: Config, watch: Stopwatch = _untimed) -> Cleaned:
    """Run every stage on one document."""
    text = check_text(text)
    with watch("split"):
        try:
            log = ActionLog(document(text, config.enabled()))
        except UnicodeEncodeError:  # lone surrogates, which UTF-8 (and so the kernel) cannot hold
            log = ActionLog(document(_SURROGATE.sub("\ufffd", text), config.enabled()), raw=text)
    with watch("repair"):
        repair_lines(log, config)
    report = None
    for round_no in range(MAX_ROUNDS):
        with watch("classify"):
            log.doc.classify_round()
            dropped = log.kernel_drops()
        if round_no == 0:
            with watch("spin"):
                report = _repair_spin(log, config)
        elif not dropped:
            break
    return Cleaned(log, report, watch)


def _repair_spin(log: ActionLog, config: Config) -> SpinReport | None:
    rules = tuple(r for r in SPIN_RULES if getattr(config, r))
    if not rules:
        return None
    report = judge(log.doc)
    if not report.english:
        return report
    t = spin_table()
    found: dict[str, list[Edit]] = {}  # lines repeat: their edits are the same
    for i, hits in log.doc.spin_hits(t.native, report.is_spun, t.mask(rules)):
        text = log.text(i)
        if text not in found:
            found[text] = edits(text, hits, t)
        shift = 0
        for e in found[text]:
            log.replace(i, e.start + shift, e.end + shift, e.after, e.rule, "spin", e.reason, e.evidence)
            shift += len(e.after) - (e.end - e.start)
    return report


def explain(cleaned: Cleaned) -> Result:
    """The Result of a cleaned document: text, metadata and counts now, the
    segments and the action log when first read."""
    log, doc = cleaned.log, cleaned.log.doc
    with cleaned.watch("metadata"):
        metadata: dict[str, Any] = extract(doc, log)
        metadata["spin"] = cleaned.spin.as_dict() if cleaned.spin else None
        metadata["input_looks_like_html"] = markup.looks_like_html(doc.head(1000))
        appended = doc.rule_lines("appended_article")
        metadata["appended_article"] = {
            "first_line": doc.line(appended[0]),
            "last_line": doc.line(appended[-1]),
            "text": "\n\n".join(log.text(i) for i in appended),
        } if appended else None
        counts = log.counts()
    return Result(cleaned.text(), metadata, counts=counts, build=lambda: (log.segments(), log.actions()))
