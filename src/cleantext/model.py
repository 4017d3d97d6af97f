"""Plain data passed between the pipeline stages: no logic lives here.

A document is split into `Segment`s (one per non-blank line).  Every stage
that removes or changes text records an `Action`; the final text is rebuilt
from the segments plus the actions (see `segment.join`), so the explanation
is the decision itself and can be replayed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Operation = Literal["drop", "replace"]


class Segment(NamedTuple):
    """One non-blank line of the normalised input.

    `line` is the 1-based line number in the normalised input, `start`/`end`
    the character offsets of the line's text there, and `blank_before` says
    whether a blank line separated it from the previous segment (kept so that
    joining restores the paragraph structure).  A named tuple: documents
    have one per line, and a tuple is made several times faster than a
    frozen dataclass.
    """

    index: int  # type: ignore[assignment]  # shadows tuple.index(), which segments never need
    line: int
    start: int
    end: int
    text: str
    blank_before: bool = False


class Action(NamedTuple):
    """One decision: a segment dropped or a span of it replaced.

    `rule` is the rule id (the same string as the config switch and the
    stats key).  For "drop", `segment` names the dropped segment and `before`
    holds its text.  For "replace", `start`/`end` are offsets inside the
    segment's current text at the time the action is applied (actions on one
    segment are applied in order), `before` the replaced text and `after` the
    replacement.  A named tuple, like `Segment`: a page can drop thousands of
    lines, and a tuple is made several times faster than a frozen dataclass.
    """

    rule: str
    op: Operation
    segment: int
    line: int
    before: str
    after: str = ""
    start: int = 0
    end: int = 0
    reason: str = ""
    stage: str = ""
    evidence: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "op": self.op,
            "stage": self.stage,
            "segment": self.segment,
            "line": self.line,
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class Result:
    """What `clean_and_explain` returns.

    `text` is exactly what `clean` returns; `replay()` rebuilds it from
    `segments` and `actions`.  `metadata` holds what was found in the text
    (title, date, authors, dateline, agency, spin report, appended article).
    `counts` maps each rule id to the number of actions it took.
    """

    text: str
    metadata: dict[str, Any]
    segments: tuple[Segment, ...]
    actions: tuple[Action, ...]
    counts: dict[str, int] = field(default_factory=dict)

    def replay(self) -> str:
        from .segment import join

        return join(self.segments, self.actions)

    @property
    def dropped(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.op == "drop")

    @property
    def replaced(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.op == "replace")
