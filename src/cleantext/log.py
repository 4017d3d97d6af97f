"""The action log of one run, over the native document.

The Python stages (line repairs, spin repair) record their actions here as
they make them; the kernel keeps its drops itself, and the log remembers
where each classification round's drops go among the Python actions, so the
whole log comes out in the order the decisions were made.  The kernel's drops
become `Action`s only when someone reads them (`actions()`).
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from . import _native
from .model import Action, Segment

# Python strings may hold lone surrogates; UTF-8 (and so the kernel) cannot.
# A line that has one keeps its raw text here until a repair removes them.
_SURROGATE = re.compile("[\ud800-\udfff]")
_NEWLINES = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")


class ActionLog:
    """Actions of one run, plus each segment's current text."""

    def __init__(self, doc: _native.Document, raw: str | None = None):
        self.doc = doc
        self._parts: list[Action | tuple[int, int]] = []  # an action, or a range of the kernel's drops
        self._drops_logged = 0
        self._raw: dict[int, str] = {}
        self._normalised_raw: str | None = None
        if raw is not None:  # the input held lone surrogates: keep each line's raw text
            self._normalised_raw = _NEWLINES.sub("\n", raw)
            for i, _line, start, end, _text, _ in doc.segments():
                line = self._normalised_raw[start:end]
                if _SURROGATE.search(line):
                    self._raw[i] = line

    def text(self, i: int) -> str:
        """Segment i's current text."""
        raw = self._raw.get(i)
        return raw if raw is not None else self.doc.text(i)

    def raw_lines(self) -> set[int]:
        """The segments whose text holds a lone surrogate (kept in Python only)."""
        return set(self._raw)

    def _set(self, i: int, text: str) -> None:
        if _SURROGATE.search(text):
            self._raw[i] = text
            text = _SURROGATE.sub("\ufffd", text)
        else:
            self._raw.pop(i, None)
        self.doc.set_text(i, text)

    def replace(self, i: int, start: int, end: int, after: str, rule: str, stage: str,
                reason: str, evidence: str = "") -> None:
        text = self.text(i)
        self._parts.append(Action(rule, "replace", i, self.doc.line(i), text[start:end], after, start, end,
                                  reason, stage, evidence))
        self._set(i, text[:start] + after + text[end:])

    def drop(self, i: int, rule: str, stage: str, reason: str) -> None:
        """Drop a line outside classification (a line repair found only markup)."""
        self._parts.append(Action(rule, "drop", i, self.doc.line(i), self.text(i), "", 0, 0, reason, stage))
        self.doc.drop_line(i, rule)
        self._drops_logged = self.doc.dropped()

    def kernel_drops(self) -> int:
        """Log the drops the kernel made since the last call; returns how many."""
        end = self.doc.dropped()
        if end > self._drops_logged:
            self._parts.append((self._drops_logged, end))
        n, self._drops_logged = end - self._drops_logged, end
        return n

    def keep_surrogates_out(self, reason: str) -> None:
        """Replace the lone surrogates a switched-off repair left (UTF-8 cannot hold them)."""
        for i in sorted(self._raw):
            text = self._raw[i]
            for m in reversed(list(_SURROGATE.finditer(text))):
                self.replace(i, m.start(), m.end(), "\ufffd", "control_chars", "repair", reason)

    def counts(self) -> dict[str, int]:
        """Actions per rule id, without building the kernel's drop actions."""
        counts = Counter(a.rule for a in self._parts if isinstance(a, Action) and a.op == "replace")
        counts.update(dict(self.doc.drop_counts()))
        return dict(sorted(counts.items()))

    def segments(self) -> tuple[Segment, ...]:
        with _collector_paused():
            segs = self.doc.segments()
            if self._normalised_raw is not None:
                raw = self._normalised_raw
                return tuple(Segment(i, line, s, e, raw[s:e], blank) for i, line, s, e, _, blank in segs)
            return tuple(map(Segment._make, segs))

    def actions(self) -> tuple[Action, ...]:
        out: list[Action] = []
        with _collector_paused():
            for part in self._parts:
                if isinstance(part, Action):
                    out.append(part)
                else:  # the kernel's drops, as the fields of an Action each
                    out += map(Action._make, self.doc.drop_actions(*part))
        return tuple(out)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the log is built: a page of a
    million lines makes millions of tuples and no reference cycles, and the
    collector would walk them over and over (two thirds of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
