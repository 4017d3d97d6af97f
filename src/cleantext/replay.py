"""Rebuild a cleaned text from its segments and actions (`Result.replay`).

The kernel writes the output directly; this is the independent, plain-Python
account of what the action log means, so that the explanation can be checked
to *be* the decision: apply each segment's replacements in order, skip the
dropped segments, and separate the kept ones as the input's paragraphs were.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Action, Segment


def apply_replacements(text: str, actions: Iterable[Action]) -> str:
    """Apply a segment's replace actions in order (offsets refer to the text so far)."""
    for act in actions:
        if text[act.start : act.end] != act.before:
            raise ValueError(f"action {act.rule} does not match segment {act.segment} at {act.start}")
        text = text[: act.start] + act.after + text[act.end :]
    return text


def current_texts(segments: Sequence[Segment], actions: Iterable[Action]) -> list[str]:
    """Each segment's text after its replace actions (drops ignored)."""
    texts = [s.text for s in segments]
    for act in actions:
        if act.op == "replace":
            texts[act.segment] = apply_replacements(texts[act.segment], (act,))
    return texts


def paragraph_breaks(segments: Sequence[Segment], kept: Sequence[int]) -> list[bool]:
    """For each kept segment (indices in order), whether a blank line precedes
    it in the joined text: one does where the input had a blank line anywhere
    since the previous kept segment."""
    out = []
    for n, i in enumerate(kept):
        out.append(n > 0 and any(s.blank_before for s in segments[kept[n - 1] + 1 : i + 1]))
    return out


def join(segments: Sequence[Segment], actions: Iterable[Action]) -> str:
    """The output text: replacements applied, dropped segments skipped.

    Kept segments are separated by a blank line where the input had one
    between them (or before a dropped segment between them), else by a
    single newline.
    """
    actions = list(actions)
    texts = current_texts(segments, actions)
    for act in actions:
        if act.op == "drop" and 0 <= act.segment < len(texts):  # another index drops nothing
            texts[act.segment] = ""
    kept = [i for i, t in enumerate(texts) if t.strip()]
    breaks = paragraph_breaks(segments, kept)
    return "\n".join(("\n" if brk else "") + texts[i] for i, brk in zip(kept, breaks, strict=True))
