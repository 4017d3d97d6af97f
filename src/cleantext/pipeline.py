"""The one place where the stage order lives.

    text -> segment.split -> repair (control chars, ftfy, tags; per line)
         -> classify (pattern rules, then context rules) -> drop
         -> spun.repair (kept lines only) -> metadata -> segment.join

Every stage appends `Action`s; the output text is `segment.join(segments,
actions)`, so the action log *is* the decision and replays to the output.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Sequence
from itertools import compress, filterfalse, repeat
from typing import Any

import regex

from . import charfix, gcpause, markup, spun
from .classify import RULES as BOILERPLATE_RULES
from .classify import Memo, Verdict, classify
from .config import Config
from .metadata import extract
from .model import Action, Result, Segment
from .segment import blank_counts, join, normalise_newlines, paragraph_breaks, split

_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]+")
# A line can need a line repair only if it holds a control character (ftfy
# acts on those too), a tag's '<' or something ftfy could change: one scan tells.
_NEEDS_REPAIR = charfix.suspect_chars(also="<")
_NEEDS_REPAIR_UNCURL = charfix.suspect_chars(uncurl_quotes=True, also="<")


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


class _Log:
    """Actions of one run, plus each segment's current text."""

    def __init__(self, segments: list[Segment]):
        self.segments = segments
        self.texts = list(map(_TEXT, segments))
        self.actions: list[Action] = []

    def replace(self, i: int, start: int, end: int, after: str, rule: str, stage: str,
                reason: str, evidence: str = "") -> None:
        text = self.texts[i]
        seg = self.segments[i]
        self.actions.append(Action(rule, "replace", i, seg.line, text[start:end], after, start, end,
                                   reason, stage, evidence))
        self.texts[i] = text[:start] + after + text[end:]

    def drop(self, i: int, rule: str, stage: str, reason: str) -> None:
        self.drop_all([i], [rule], [stage], [reason])

    def drop_all(self, indices: Sequence[int], rules: Sequence[str], stages: Sequence[str],
                 reasons: Sequence[str]) -> None:
        """Record the drop of each line of `indices`, with its rule, stage and
        reason, without a Python call per line: a page of a million tiny
        lines can drop hundreds of thousands."""
        lines = map(_LINE, map(self.segments.__getitem__, indices))
        before = map(self.texts.__getitem__, indices)
        # The fields in Action's order (not strict: the repeat()s are endless);
        # tuple.__new__ skips the Python-level NamedTuple constructor, as
        # segment.split does for segments.
        fields = zip(rules, repeat("drop"), indices, lines, before, repeat(""), repeat(0), repeat(0),
                     reasons, stages, repeat(""), strict=False)
        self.actions += map(tuple.__new__, repeat(Action), fields)


_TEXT = operator.attrgetter("text")
_LINE = operator.attrgetter("line")
_RULE = operator.attrgetter("rule")
_REASON = operator.attrgetter("reason")


# Line repairs can expose more to repair (ftfy unescapes "&lt;b&gt;" only once
# the line holds no literal tag; "<<b>b>" leaves "<b>"), so each line is
# repaired until it stops changing; three passes cover every case seen.
MAX_REPAIR_PASSES = 3


def _repair_lines(log: _Log, config: Config) -> None:
    needs_repair = (_NEEDS_REPAIR_UNCURL if config.uncurl_quotes else _NEEDS_REPAIR).search
    if not needs_repair(" ".join(log.texts)):  # one scan clears most documents
        return
    enabled = config.enabled()
    fixes: dict[str, charfix.Fix | None] = {}  # ftfy once per distinct line of the document
    # The lines that may need a repair: one scan per distinct line, then the
    # lines are picked without Python code per line (lines repeat, and a page
    # can have a million).  The picking is lazy, so a line the repairs leave
    # as it is leaves `suspect`, and its later copies are skipped too; a
    # repair changes only the line it works on, never one ahead.
    suspect = set(filter(needs_repair, dict.fromkeys(log.texts)))
    for i in compress(range(len(log.texts)), map(suspect.__contains__, log.texts)):
        text = log.texts[i]
        done = len(log.actions)
        for _ in range(MAX_REPAIR_PASSES):
            before = log.texts[i]
            if _repair_once(log, i, enabled, config, fixes) or log.texts[i] == before:
                break
        if len(log.actions) == done:
            suspect.discard(text)
            if not suspect:
                break  # no line left that could need a repair


def _repair_once(log: _Log, i: int, enabled: frozenset[str], config: Config,
                 fixes: dict[str, charfix.Fix | None]) -> bool:
    """One pass of the line repairs; True when the line was dropped."""
    if "control_chars" in enabled and _CONTROL.search(log.texts[i]):
        for m in reversed(list(_CONTROL.finditer(log.texts[i]))):
            after = "\ufffd" if regex.match(r"[\ud800-\udfff]", m.group()) else ""
            log.replace(i, m.start(), m.end(), after, "control_chars", "repair",
                        "control characters or lone surrogates removed")
        _trim_edges(log, i, "control_chars")
    if "fix_unicode" in enabled:
        text = log.texts[i]
        if text in fixes:
            fix = fixes[text]
        else:
            fix = fixes[text] = charfix.fix_segment(text, uncurl_quotes=config.uncurl_quotes)
        if fix:
            log.replace(i, fix.start, fix.end, fix.after, "fix_unicode", "repair", f"ftfy: {fix.steps or 'fixed text'}")
            _trim_edges(log, i, "fix_unicode")
    spans = markup.tag_spans(log.texts[i])
    if not spans:
        return False
    if "html_remnant" in enabled and markup.only_markup(log.texts[i], spans):
        log.drop(i, "html_remnant", "boilerplate", "line held only HTML markup")
        return True
    if "html_tag" in enabled:
        for start, end, after in reversed(spans):
            log.replace(i, start, end, after, "html_tag", "repair", "HTML tags removed")
        _trim_edges(log, i, "html_tag")
    return False


def _trim_edges(log: _Log, i: int, rule: str) -> None:
    """A removal at a line's edge leaves white space there; segments never have any."""
    text = log.texts[i]
    stripped = text.rstrip()
    if len(stripped) < len(text):
        log.replace(i, len(stripped), len(text), "", rule, "repair", "white space left at the line's end")
    text = log.texts[i]
    lead = len(text) - len(text.lstrip())
    if lead:
        log.replace(i, 0, lead, "", rule, "repair", "white space left at the line's start")


def _repair_spin(log: _Log, kept: list[int], config: Config) -> spun.SpinReport | None:
    enabled = config.enabled()
    rules = [r for r in spun.RULES if r in enabled]
    if not rules:
        return None
    texts = list(map(log.texts.__getitem__, kept))
    report = spun.detect(texts)
    if not report.cands:  # detect() found nothing in any line: no line to walk for repairs
        return report
    for i in map(kept.__getitem__, report.may_need_repair(texts)):
        shift = 0
        for e in spun.find_repairs(log.texts[i], report, rules=rules):
            log.replace(i, e.start + shift, e.end + shift, e.after, e.rule, "spin", e.reason, e.evidence)
            shift += len(e.after) - (e.end - e.start)
    return report


def _kept(texts: list[str], gone: set[int]) -> list[int]:
    """Indices of the lines neither dropped nor emptied by repairs (which
    leave no edge space), in order: [i for i, t in enumerate(texts) if t and
    i not in gone], as list passes over a copy with the dropped lines blanked."""
    live = texts.copy()
    for i in gone:
        live[i] = ""
    return list(compress(range(len(live)), live))


# The stage of each boilerplate rule, for its drop actions.
_STAGE = {rule_id: rule.stage for rule_id, rule in BOILERPLATE_RULES.items()}

# Classification repeats on the lines still kept until nothing more is
# dropped, so that clean(clean(x)) == clean(x); rounds after the first reuse
# the per-line memo and are cheap.  Rules only ever drop, so this converges;
# the cap bounds the work on pathological input.
MAX_ROUNDS = 6


def _classify_until_stable(log: _Log, gone: set[int], config: Config, memo: Memo,
                           blanks: list[int]) -> tuple[Verdict, spun.SpinReport | None]:
    """Drop boilerplate round by round; spin repair runs after the first round.

    Returns the findings of all rounds (keyed by segment index) and the spin
    report; `memo` keeps the per-line results for the rounds and the metadata.
    `blanks` is `blank_counts(log.segments)`.
    """
    enabled = config.enabled()
    merged = Verdict()
    report: spun.SpinReport | None = None
    for round_no in range(MAX_ROUNDS):
        kept = _kept(log.texts, gone)
        # The kept lines as `split(join(...))` would see them: a blank line
        # before one wherever join puts a paragraph break.
        breaks = paragraph_breaks(log.segments, kept, blanks)
        verdict = classify(list(map(log.texts.__getitem__, kept)), breaks, enabled, memo)
        # Drop the labelled lines in line order (list passes: they can be most lines).
        found = sorted(verdict.labels)
        dropped = list(map(kept.__getitem__, found))
        labels = list(map(verdict.labels.__getitem__, found))
        rules = list(map(_RULE, labels))
        log.drop_all(dropped, rules, list(map(_STAGE.__getitem__, rules)), list(map(_REASON, labels)))
        gone.update(dropped)
        merged.labels.update(zip(dropped, labels, strict=True))
        merged.dates += [(kept[v], t) for v, t in verdict.dates]
        merged.bylines += [(kept[v], t) for v, t in verdict.bylines]
        if verdict.appended_from is not None and merged.appended_from is None:
            merged.appended_from = kept[verdict.appended_from]
        if round_no == 0:
            report = _repair_spin(log, list(filterfalse(gone.__contains__, kept)), config)
        elif not verdict.labels:
            break
    return merged, report


def run(text: str, config: Config) -> Result:
    """Clean one document and explain every decision."""
    with gcpause.paused():
        return _run(check_text(text), config)


def _run(text: str, config: Config) -> Result:
    text = normalise_newlines(text)
    segments = split(text)
    log = _Log(segments)
    _repair_lines(log, config)
    gone = {a.segment for a in log.actions if a.op == "drop"}
    memo = Memo()
    blanks = blank_counts(segments)  # for paragraph_breaks, in every round and in join
    verdict, report = _classify_until_stable(log, gone, config, memo, blanks)
    metadata: dict[str, Any] = extract(log.texts, verdict, memo.feats)
    metadata["spin"] = report.as_dict() if report else None
    metadata["input_looks_like_html"] = markup.looks_like_html(text)
    appended = sorted(i for i, label in verdict.labels.items() if label.rule == "appended_article")
    if appended:
        metadata["appended_article"] = {
            "first_line": segments[appended[0]].line,
            "last_line": segments[appended[-1]].line,
            "text": "\n\n".join(log.texts[i] for i in appended),
        }
    else:
        metadata["appended_article"] = None

    actions = tuple(log.actions)
    counts = dict(sorted(Counter(map(_RULE, actions)).items()))
    return Result(join(segments, actions, blanks), metadata, tuple(segments), actions, counts)
