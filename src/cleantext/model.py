"""Plain records passed out of the pipeline: no logic lives here.

A document is split into `Segment`s (one per non-blank line).  Every stage
that removes or changes text records an `Action`; the final text can be
rebuilt from the segments plus the actions (`Result.replay`), so the
explanation is the decision itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, NamedTuple

Operation = Literal["drop", "replace"]


class Segment(NamedTuple):
    """One non-blank line of the normalised input.

    `line` is the 1-based line number in the normalised input, `start`/`end`
    the character offsets of the line's text there, and `blank_before` says
    whether a blank line separated it from the previous segment (kept so that
    joining restores the paragraph structure).
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
    replacement.
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


class Result:
    """What `clean_and_explain` returns.

    `text` is exactly what `clean` returns; `replay()` rebuilds it from
    `segments` and `actions`.  `metadata` holds what was found in the text
    (title, date, authors, dateline, agency, spin report, appended article).
    `counts` maps each rule id to the number of actions it took.  The
    segments and the action log are built when first read: a pipeline that
    wants the text, metadata and counts never pays for them.
    """

    __slots__ = ("text", "metadata", "counts", "_log", "_build")

    text: str
    metadata: dict[str, Any]
    counts: dict[str, int]
    _log: tuple[tuple[Segment, ...], tuple[Action, ...]] | None
    _build: Callable[[], tuple[tuple[Segment, ...], tuple[Action, ...]]] | None

    def __init__(
        self,
        text: str,
        metadata: dict[str, Any],
        segments: tuple[Segment, ...] | None = None,
        actions: tuple[Action, ...] | None = None,
        counts: dict[str, int] | None = None,
        *,
        build: Callable[[], tuple[tuple[Segment, ...], tuple[Action, ...]]] | None = None,
    ) -> None:
        if build is None and (segments is None or actions is None):
            raise TypeError("Result needs segments and actions, or a build function")
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "metadata", metadata)
        object.__setattr__(self, "counts", counts if counts is not None else {})
        object.__setattr__(self, "_log", None if build else (segments, actions))
        object.__setattr__(self, "_build", build)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Result is read-only")

    def _materialised(self) -> tuple[tuple[Segment, ...], tuple[Action, ...]]:
        log = self._log
        if log is None:
            assert self._build is not None
            log = self._build()
            object.__setattr__(self, "_log", log)
            object.__setattr__(self, "_build", None)
        return log

    @property
    def segments(self) -> tuple[Segment, ...]:
        return self._materialised()[0]

    @property
    def actions(self) -> tuple[Action, ...]:
        return self._materialised()[1]

    def replay(self) -> str:
        """The text rebuilt from the segments and the actions alone."""
        from .replay import join

        return join(self.segments, self.actions)

    @property
    def dropped(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.op == "drop")

    @property
    def replaced(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.op == "replace")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Result):
            return NotImplemented
        return (self.text, self.metadata, self.counts, self.segments, self.actions) == (
            other.text, other.metadata, other.counts, other.segments, other.actions)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Result(text={self.text[:40]!r}..., counts={self.counts})"
