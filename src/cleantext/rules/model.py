"""What a rule is made of: vocabularies, clauses, examples and the rule record.

Plain frozen records; `registry.py` declares every rule once with them, and
the native kernel receives them as data (`kernel.py`).  Nothing here runs per
line.

A *vocabulary* is one regular expression in the dialect that both Rust's
`regex` crate and Python's `regex` module run the same way: no look-around,
no back-references, no possessive quantifiers; flags inline (`(?i)`);
Unicode classes (`\\p{Lu}`; note that under `(?i)` a case class matches both
cases, so a pattern that needs a capital says `(?-i:\\p{Lu})`).  `how` says
whether it must match the whole line, its start, or anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import regex

How = Literal["search", "match", "fullmatch"]
Stage = Literal["repair", "pattern", "context", "spin"]
# A line shape a clause may require (see `Clause.shape`).
Shape = Literal["any", "headline", "not_terminal", "not_sentence_end"]

# Constructs the shared dialect leaves out: the Rust engine refuses them.
_UNPORTABLE = regex.compile(r"\(\?<?[=!]|\(\?P=|\\[1-9]|[*+?}]\+|\(\?>|\\Z|\\G")


@dataclass(frozen=True)
class Vocabulary:
    """One pattern of the shared dialect, with lines it must and must not match."""

    id: str
    pattern: str
    how: How = "fullmatch"
    examples: tuple[str, ...] = ()
    near_misses: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.pattern.strip():
            raise ValueError(f"vocabulary {self.id}: an empty pattern would match every line")
        bad = _UNPORTABLE.search(self.pattern)
        if bad:
            raise ValueError(f"vocabulary {self.id}: {bad.group()!r} is not in the shared regex dialect")

    @cached_property
    def python(self) -> regex.Pattern[str]:
        """The pattern compiled by Python's `regex` module (for metadata and tests)."""
        return regex.compile(self.pattern, regex.V0)

    def find(self, text: str) -> regex.Match[str] | None:
        """The match the way the vocabulary is meant to be matched, in Python."""
        return getattr(self.python, self.how)(text)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Clause:
    """One way a pattern rule recognises a line: a vocabulary plus conditions.

    A line matches the clause when it has at most `max_words` words, has the
    `shape`, holds no quotation or reported speech if `unquoted`, and the
    vocabulary matches (in its last `tail` characters only, if given).  Then,
    if given, `also` must be found in the line too, the named group `group[0]`
    of the match must match `group[1]` whole, and, with `rest_words`, at most
    that many words may remain once the match and the `filler` vocabulary's
    words are taken out (a date line: "Published 4 May 2023, 10:15").
    Lines longer than the pattern limit are prose; only clauses with
    `long_lines` look at them.
    """

    vocab: Vocabulary
    reason: str
    max_words: int | None = None
    shape: Shape = "any"
    unquoted: bool = False
    tail: int | None = None
    also: Vocabulary | None = None
    group: tuple[str, Vocabulary] | None = None
    filler: Vocabulary | None = None
    rest_words: int | None = None
    long_lines: bool = False


@dataclass(frozen=True)
class Example:
    """A line and, optionally, the whole document it sits in.

    Without `doc` the line is tested inside a plain article (prose above and
    below it), as a rule meets most boilerplate.
    """

    line: str
    doc: str | None = None


@dataclass(frozen=True)
class Rule:
    """One rule, declared once: its id is the config switch, the `rule` of
    its actions, the key of `Result.counts` and the name in `cleantext rules`.

    `stage` is where it runs; `reason` the default reason shown with its
    actions; `removes` what the README's rule table says it removes.
    Pattern rules are made of `clauses`, tried in order; context rules read
    their thresholds from `params`.  `weight` is what a line this rule
    dropped counts for in the main-text search (furniture separates the
    article from the rest of the page).  `triggers` must be acted on by the
    rule, `keeps` must survive it (near misses).
    """

    id: str
    stage: Stage
    reason: str
    removes: str
    clauses: tuple[Clause, ...] = ()
    params: Mapping[str, float] = field(default_factory=dict)
    weight: float = 0.0
    triggers: tuple[Example, ...] = ()
    keeps: tuple[Example, ...] = ()
    default: bool = True

    def vocabularies(self) -> list[Vocabulary]:
        """The vocabularies its clauses use, in order."""
        out: list[Vocabulary] = []
        for c in self.clauses:
            for v in (c.vocab, c.also, c.group[1] if c.group else None, c.filler):
                if v is not None and v not in out:
                    out.append(v)
        return out


def examples(*lines: str) -> tuple[Example, ...]:
    """Examples of lines tested inside a plain article."""
    return tuple(Example(line) for line in lines)
