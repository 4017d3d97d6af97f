"""Render a `Result` for people (table), for programs (json/jsonl) or as a diff."""

from __future__ import annotations

import difflib
import json
from typing import Any

from .model import Result

_WIDTH = 100


def _short(text: str, width: int = _WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def as_dict(result: Result, *, actions: bool = True) -> dict[str, Any]:
    """A JSON-ready dict: text, metadata, counts and (optionally) the action log."""
    out: dict[str, Any] = {"text": result.text, "metadata": result.metadata, "counts": result.counts}
    if actions:
        out["actions"] = [a.as_dict() for a in result.actions]
    return out


def to_json(result: Result, *, actions: bool = False) -> str:
    return json.dumps(as_dict(result, actions=actions), ensure_ascii=False, indent=2)


def to_jsonl_actions(result: Result) -> str:
    """One JSON object per action, one per line."""
    return "".join(json.dumps(a.as_dict(), ensure_ascii=False) + "\n" for a in result.actions)


def to_table(result: Result) -> str:
    """The readable explain report: removals with rule and reason, changes as before -> after."""
    segs = len(result.segments)
    dropped = result.dropped
    replaced = result.replaced
    lines = [
        f"{segs} lines in, {segs - len(dropped)} kept, {len(dropped)} removed, {len(replaced)} changes",
    ]
    meta = {k: v for k, v in result.metadata.items() if v and k not in ("spin", "appended_article")}
    for key, value in meta.items():
        lines.append(f"  {key}: {value}")
    spin = result.metadata.get("spin")
    if spin:
        lines.append(f"  spin: score {spin.get('score', 0):.2f}, spun={spin.get('is_spun')}")
    appended = result.metadata.get("appended_article")
    if appended:
        lines.append(f"  appended article: lines {appended['first_line']}-{appended['last_line']}")
    if dropped:
        lines += ["", "REMOVED"]
        for a in dropped:
            lines.append(f"  line {a.line:<5} {a.rule:<18} {a.reason}")
            lines.append(f"             | {_short(a.before)}")
    if replaced:
        lines += ["", "CHANGED"]
        for a in replaced:
            lines.append(f"  line {a.line:<5} {a.rule:<18} {a.before!r} -> {a.after!r}  ({a.reason})")
    if result.counts:
        lines += ["", "BY RULE"]
        lines += [f"  {rule:<20} {n}" for rule, n in sorted(result.counts.items(), key=lambda x: (-x[1], x[0]))]
    return "\n".join(lines) + "\n"


def to_diff(original: str, result: Result, name: str = "input") -> str:
    """A unified diff from the input to the cleaned text."""
    return "".join(
        difflib.unified_diff(
            original.splitlines(keepends=True),
            (result.text + "\n").splitlines(keepends=True),
            fromfile=name,
            tofile=f"{name} (cleaned)",
        )
    )
