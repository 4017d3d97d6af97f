"""Line repairs: control characters, mojibake (ftfy) and HTML tags.

The kernel names the lines a repair could change (a character scan); only
those are repaired here.  A line made only of markup is dropped
(`html_remnant`).
"""

from __future__ import annotations

import re

from . import charfix, markup
from .config import Config
from .log import ActionLog

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

# Line repairs can expose more to repair (ftfy unescapes "&lt;b&gt;" only once
# the line holds no literal tag; "<<b>b>" leaves "<b>"), so each line is
# repaired until it stops changing; three passes cover every case seen.
MAX_REPAIR_PASSES = 3


def repair_lines(log: ActionLog, config: Config) -> None:
    enabled = config.enabled()
    fixes: dict[str, charfix.Fix | None] = {}  # ftfy once per distinct line of the document
    # The kernel sees a lone surrogate as U+FFFD, which needs no repair:
    # the lines that hold one in Python are repaired too.
    for i in sorted(set(log.doc.may_need_repair(config.uncurl_quotes)) | log.raw_lines()):
        for _ in range(MAX_REPAIR_PASSES):
            before = log.text(i)
            if _repair_once(log, i, enabled, config, fixes) or log.text(i) == before:
                break
    log.keep_surrogates_out("lone surrogates cannot be kept (they are not valid Unicode)")


def _repair_once(log: ActionLog, i: int, enabled: frozenset[str], config: Config,
                 fixes: dict[str, charfix.Fix | None]) -> bool:
    """One pass of the line repairs; True when the line was dropped."""
    if "control_chars" in enabled and _CONTROL.search(log.text(i)):
        for m in reversed(list(_CONTROL.finditer(log.text(i)))):
            after = "\ufffd" if _SURROGATE.match(m.group()) else ""
            log.replace(i, m.start(), m.end(), after, "control_chars", "repair",
                        "control characters or lone surrogates removed")
        _trim_edges(log, i, "control_chars")
    if "fix_unicode" in enabled:
        text = log.text(i)
        if text not in fixes:
            fixes[text] = charfix.fix_segment(text, uncurl_quotes=config.uncurl_quotes)
        fix = fixes[text]
        if fix:
            log.replace(i, fix.start, fix.end, fix.after, "fix_unicode", "repair", f"ftfy: {fix.steps or 'fixed text'}")
            _trim_edges(log, i, "fix_unicode")
    text = log.text(i)
    spans = markup.tag_spans(text)
    if not spans:
        return False
    if "html_remnant" in enabled and markup.only_markup(text, spans):
        log.drop(i, "html_remnant", "boilerplate", "line held only HTML markup")
        return True
    if "html_tag" in enabled:
        for start, end, after in reversed(spans):
            log.replace(i, start, end, after, "html_tag", "repair", "HTML tags removed")
        _trim_edges(log, i, "html_tag")
    return False


def _trim_edges(log: ActionLog, i: int, rule: str) -> None:
    """A removal at a line's edge leaves white space there; segments never have any."""
    text = log.text(i)
    stripped = text.rstrip()
    if len(stripped) < len(text):
        log.replace(i, len(stripped), len(text), "", rule, "repair", "white space left at the line's end")
    text = log.text(i)
    lead = len(text) - len(text.lstrip())
    if lead:
        log.replace(i, 0, lead, "", rule, "repair", "white space left at the line's start")
