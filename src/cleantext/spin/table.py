"""The spin tables: package data loaded once into the kernel's token trie.

`data/spin_table.tsv` is learned by `scripts/build_spin_table.py` from aligned
spun and original sentences; `data/tortured_phrases.tsv` is the Problematic
Paper Screener list.  Each row becomes an `Entry` (what the repair policy and
the explain log need) and a row of the native `SpinTable` (what the scan
needs); both share the row's position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import _native
from ..tables import load_tsv

SPIN_TABLE = "spin_table.tsv"
TORTURED_TABLE = "tortured_phrases.tsv"

#: The spin rule ids, in the kernel's numbering: ``spin_phrase`` =
#: always-tier spinner phrase, ``spin_word`` = ambiguous substitution applied
#: only in spun documents, ``tortured_phrase`` = Problematic Paper Screener entry.
RULES: tuple[str, ...] = ("spin_phrase", "spin_word", "tortured_phrase")

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Split into word and punctuation tokens with offsets (the table's unit)."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def _norm(token: str) -> str:
    return token.lower().translate(_QUOTES)


@dataclass(frozen=True)
class Entry:
    """One table row."""

    spun: str
    original: str
    rule: str
    always: bool
    guard: str
    count: int
    source: str
    table: str
    pre: int = 0  # leading tokens equal in spun and original (context)
    suf: int = 0  # trailing tokens equal in spun and original (context)
    core: str = ""  # the original with that context cut off


def context(spun: str, original: str) -> tuple[int, int, str]:
    """Leading/trailing tokens that an entry keeps unchanged ("had ready a"
    -> "had prepared a": 1, 1, "prepared").  Only the core is replaced, and
    the pass resumes at the trailing context, so context words can still be
    repaired by another entry."""
    a, b = tokenize(spun), tokenize(original)
    pre = 0
    while pre < min(len(a), len(b)) - 1 and _norm(a[pre][2]) == _norm(b[pre][2]):
        pre += 1
    suf = 0
    while suf < min(len(a), len(b)) - pre - 1 and _norm(a[len(a) - 1 - suf][2]) == _norm(b[len(b) - 1 - suf][2]):
        suf += 1
    core = original[b[pre][0] : b[len(b) - 1 - suf][1]] if b else original
    return pre, suf, core


def _rows(table: str, rule_always: str, rule_spun: str) -> list[Entry]:
    out = []
    for row in load_tsv(table):
        spun, original = row.get("spun", ""), row.get("original", "")
        if not spun or not original:
            continue
        always = row.get("tier", "always") == "always"
        pre, suf, core = context(spun, original)
        out.append(Entry(spun, original, rule_always if always else rule_spun, always, row.get("guard", ""),
                         int(row.get("count") or 0), row.get("source", ""), table, pre, suf, core))
    return out


@dataclass(frozen=True)
class Table:
    entries: tuple[Entry, ...]
    native: _native.SpinTable

    def mask(self, rules: frozenset[str] | tuple[str, ...]) -> list[bool]:
        """The kernel's rule mask for these spin rule ids."""
        return [r in rules for r in RULES]


@cache
def table() -> Table:
    """Both tables, loaded once.  The spin table comes first: on the same key
    its (news-specific) entry is tried before a tortured-phrase entry."""
    entries = _rows(SPIN_TABLE, "spin_phrase", "spin_word")
    entries += _rows(TORTURED_TABLE, "tortured_phrase", "tortured_phrase")
    native = _native.SpinTable(
        [(e.spun, RULES.index(e.rule), e.always, e.guard or None, e.pre, e.suf) for e in entries])
    return Table(tuple(entries), native)
