"""The native kernel, compiled once per process from the rule registry.

The registry (`rules/`) declares every boilerplate rule with its clauses,
vocabularies and thresholds; this module hands that to the Rust extension
(`_native`), which refuses anything it does not know (an unknown vocabulary,
rule or parameter) when it compiles it.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from . import _native, charfix, markup
from .rules import registry
from .rules.model import Clause, Rule, Vocabulary

KernelError = _native.KernelError


def vocabularies() -> list[Vocabulary]:
    """Every vocabulary the kernel needs, once each (an id names one pattern)."""
    out: dict[str, Vocabulary] = {}
    for v in [v for r in registry.boilerplate() for v in r.vocabularies()] + list(registry.SHAPES):
        if out.setdefault(v.id, v) != v:
            raise ValueError(f"two vocabularies are called {v.id}")
    return list(out.values())


def _clause(c: Clause) -> dict[str, Any]:
    return {
        "vocab": c.vocab.id, "reason": c.reason, "max_words": c.max_words, "shape": c.shape,
        "unquoted": c.unquoted, "tail": c.tail, "also": c.also.id if c.also else None,
        "group": (c.group[0], c.group[1].id) if c.group else None,
        "filler": c.filler.id if c.filler else None, "rest_words": c.rest_words, "long_lines": c.long_lines,
    }


def _rule(r: Rule) -> dict[str, Any]:
    return {"id": r.id, "stage": r.stage, "reason": r.reason, "weight": r.weight,
            "params": [(k, float(v)) for k, v in r.params.items()], "clauses": [_clause(c) for c in r.clauses]}


def spec() -> dict[str, Any]:
    """The kernel's spec as plain data: the arguments of `_native.Kernel`
    (also what the native fuzz target is built from)."""
    return {
        "vocabularies": [(v.id, v.pattern, v.how) for v in vocabularies()],
        "rules": [_rule(r) for r in registry.boilerplate()],
        "line_shape": [(k, float(v)) for k, v in registry.LINE_SHAPE.items()],
        "repair_scan": (charfix.HARMLESS, charfix.ALWAYS, charfix.BADNESS, [charfix.ENTITY, markup.TAG_START]),
    }


@cache
def kernel() -> _native.Kernel:
    """The compiled boilerplate rules (built on first use, then shared)."""
    return _native.Kernel(**spec())


@lru_cache(maxsize=64)
def _switched_on(enabled: frozenset[str]) -> list[str]:
    """The kernel's rules among `enabled` (asked once per config, not per document)."""
    return [r for r in kernel().rules if r in enabled]


def document(text: str, enabled: frozenset[str]) -> _native.Document:
    """A native document for `text`, with the boilerplate rules of `enabled` on."""
    return _native.Document(kernel(), text, _switched_on(enabled))
