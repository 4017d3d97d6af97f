"""Turn the table entries the kernel found in a line into edits.

The kernel's pass (`SpinTable.find`, `Document.spin_hits`) picks, at each
place an entry starts, the longest entry allowed by the policy (rule on,
tier, case, guard) and resumes after its core; here each hit becomes an
`Edit` whose replacement takes the case of the text it replaces.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from .detection import SpinReport
from .table import RULES, Table, table

_KIND = {"tortured_phrase": "tortured phrase", "spin_word": "spinner substitution", "spin_phrase": "spinner phrase"}


@dataclass(frozen=True)
class Edit:
    """One proposed repair: replace text[start:end] (== before) by after."""

    start: int
    end: int
    before: str
    after: str
    rule: str
    reason: str
    evidence: str


def transfer_case(matched: str, replacement: str, keep: bool) -> str:
    """Give the replacement the case of the matched text.

    `keep` (the table's original has its own capitals, e.g. "IS-K") keeps the
    replacement as written unless the match is ALL CAPS.
    """
    letters = [c for c in matched if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if keep:
        return replacement
    # Words shared with the match keep their spelling there ("DNA hurt" ->
    # "DNA damage", not "Dna damage").
    seen = {w.lower(): w for w in re.findall(r"\w+", matched)}
    out = re.sub(r"\w+", lambda m: seen.get(m.group().lower(), m.group()), replacement)
    words = [w for w in re.findall(r"[^\W\d_]+", matched)]
    if len(words) > 1 and all(w[0].isupper() for w in words):
        return re.sub(r"[^\W\d_]+", lambda m: m.group()[0].upper() + m.group()[1:], out)
    if words and matched.lstrip()[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


def edits(text: str, hits: Iterable[tuple[int, int, int]], t: Table | None = None) -> list[Edit]:
    """The edits for the kernel's hits (start, end, entry) in `text`."""
    t = t or table()
    out = []
    for start, end, index in hits:
        e = t.entries[index]
        before = text[start:end]
        after = transfer_case(before, e.core, keep=e.original != e.original.lower())
        if after == before:
            continue
        shown = f"'{before}' -> '{after}'"
        if e.pre or e.suf:
            shown += f" (in '{e.spun}' -> '{e.original}')"
        out.append(Edit(start, end, before, after, e.rule, f"{_KIND[e.rule]} {shown}",
                        f"{e.table}: seen {e.count}x; {e.source}" if e.count else f"{e.table}: {e.source}"))
    return out


def find_repairs(text: str, report: SpinReport, *, rules: Collection[str] = RULES) -> list[Edit]:
    """Edits restoring the original wording in `text` (one line).

    Always-tier entries apply to any English document, spun_only entries only
    if `report.is_spun`.  Edits are non-overlapping and sorted by start; the
    replacement takes the case of the replaced text.
    """
    if not report.english:
        return []
    t = table()
    return edits(text, t.native.find(text, report.is_spun, t.mask(tuple(rules))), t)
