"""Detect and repair spun (synonym-substituted) article text.

Article spinners copy a news article and swap words for synonyms of the wrong
sense ("mass shooting" -> "mass taking pictures", "said" -> "stated").  This
module does two things:

* `detect` scores one document (its kept lines) and says whether it is spun,
  with the evidence: tell-tale phrases and ratios such as "stated" vs "said".
* `find_repairs` proposes edits that restore the original wording.

The inverse substitutions are package data (`data/spin_table.tsv`, learned by
`scripts/build_spin_table.py` from aligned spun/original sentences, and
`data/tortured_phrases.tsv`, the Problematic Paper Screener list).  They are
loaded once into a token trie, so a text is matched in one linear pass over
its tokens; no giant regex alternation (`scripts/eval_spin.py` measures both).

Tiers, following ftfy's "prefer a thousand missed fixes to one wrong one":

* ``always`` entries are phrases that do not occur in normal English
  ("live performance corridor"); they are repaired in any English text.
* ``spun_only`` entries are ambiguous ("stated" -> "said") and are repaired
  only when the document as a whole was judged spun.

Every entry may carry a guard: a regex searched in a window around the match;
if it matches, the repair is blocked ("assault rifle", "Royal Navy").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from .tables import load_tsv

__all__ = [
    "RULES",
    "Edit",
    "SpinReport",
    "detect",
    "find_repairs",
    "tokenize",
]

RULES: tuple[str, ...] = ("spin_phrase", "spin_word", "tortured_phrase")
"""Rule ids: ``spin_phrase`` = always-tier spinner phrase, ``spin_word`` =
ambiguous substitution applied only in spun documents, ``tortured_phrase`` =
Problematic Paper Screener entry (always tier)."""

SPIN_TABLE = "spin_table.tsv"
TORTURED_TABLE = "tortured_phrases.tsv"

#: Characters of context searched by a guard on each side of a match.  Wide
#: enough for a collocation ("assault rifle"), narrow enough to stay local.
GUARD_WINDOW = 40

#: Score at or above which a document is spun (with >= 2 evidence families).
SPUN_THRESHOLD = 0.4

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_GLUE = "\x01"  # marks a token not preceded by whitespace inside a phrase

# Frequent English function words: a document whose words are mostly not
# these is not English, and spin detection stays silent on it.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it was on with as he she by at be this are "
    "from have has had were his her they but not an or which who will said their "
    "been its would after about also than more one there what when we you".split()
)
_MIN_ENGLISH_SHARE = 0.25

# Words counted by the ratio features; kept out of the vocabulary feature so
# one habit is not counted twice.
_RATIO_WORDS = frozenset({"stated", "mentioned", "within", "within the", "folks", "individuals"})
_WEIGHTS = {
    "phrases": 0.35,
    "spinner_vocabulary": 0.25,
    "stated_vs_said": 0.2,
    "within_vs_in": 0.2,
    "folks_vs_people": 0.1,
}
_MIN_ENGLISH_WORDS = 8


@dataclass(frozen=True)
class SpinReport:
    """The spin verdict for one document, with the evidence behind it."""

    score: float
    is_spun: bool
    evidence: dict[str, Any] = field(default_factory=dict)
    # Lines detect() scanned (with every rule and tier allowed) and found no
    # entry in: find_repairs() can skip them, as it allows a subset.
    no_hits: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-able form for Result.metadata and the explain log."""
        return {"score": self.score, "is_spun": self.is_spun, "evidence": dict(self.evidence)}


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


@dataclass(frozen=True)
class _Entry:
    """One table row, compiled."""

    spun: str
    original: str
    rule: str
    always: bool
    guard: re.Pattern[str] | None
    case_sensitive: bool
    count: int
    source: str
    table: str
    pre: int = 0  # leading tokens equal in spun and original (context)
    suf: int = 0  # trailing tokens equal in spun and original (context)
    core: str = ""  # the original with that context cut off


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entries: list[_Entry] = field(default_factory=list)


class _Token(NamedTuple):
    start: int
    end: int
    norm: str  # lower-cased, quotes unified, _GLUE-prefixed if glued


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Split into word and punctuation tokens with offsets (the table's unit)."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def _norm(tok: str) -> str:
    return tok.lower().translate(_QUOTES)


def _tokens(text: str) -> list[_Token]:
    # Normalise the line once and slice it: the same as per token unless
    # lower() changes a length ("İ") or depends on context (final sigma).
    low = _norm(text)
    sliced = len(low) == len(text) and "\u03a3" not in text
    out: list[_Token] = []
    prev_end = -1
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        norm = low[start:end] if sliced else _norm(m.group())
        out.append(_Token(start, end, _GLUE + norm if start == prev_end else norm))
        prev_end = end
    return out


def _key(phrase: str) -> list[str]:
    """Trie path of a table phrase: first token bare, later ones glue-marked."""
    toks = _tokens(phrase)
    return [t.norm.lstrip(_GLUE) if i == 0 else t.norm for i, t in enumerate(toks)]


class _Matcher:
    """A token trie over all table entries; one left-to-right pass per text."""

    def __init__(self, entries: Sequence[_Entry]) -> None:
        self.root = _Node()
        self.size = 0
        for e in entries:
            path = _key(e.spun)
            if not path:
                continue
            node = self.root
            for step in path:
                node = node.children.setdefault(step, _Node())
            node.entries.append(e)
            self.size += 1

    def tokens(self, text: str) -> list[_Token]:
        return _tokens(text)


def _compile_guard(guard: str) -> re.Pattern[str] | None:
    return re.compile(guard) if guard else None


def _context(spun: str, original: str) -> tuple[int, int, str]:
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


def _rows(table: str, rule_always: str, rule_spun: str) -> list[_Entry]:
    out: list[_Entry] = []
    for row in load_tsv(table):
        spun = row.get("spun", "")
        original = row.get("original", "")
        if not spun or not original:
            continue
        always = row.get("tier", "always") == "always"
        pre, suf, core = _context(spun, original)
        out.append(
            _Entry(
                spun=spun,
                original=original,
                rule=rule_always if always else rule_spun,
                always=always,
                guard=_compile_guard(row.get("guard", "")),
                case_sensitive=spun != spun.lower(),
                count=int(row.get("count") or 0),
                source=row.get("source", ""),
                table=table,
                pre=pre,
                suf=suf,
                core=core,
            )
        )
    return out


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    """Load both tables once.  The spin table comes first: on the same key
    its (news-specific) entry is tried before a tortured-phrase entry."""
    entries = _rows(SPIN_TABLE, "spin_phrase", "spin_word")
    entries += _rows(TORTURED_TABLE, "tortured_phrase", "tortured_phrase")
    return _Matcher(entries)


def _case_ok(entry: _Entry, matched: str) -> bool:
    """Entries written with capitals (proper names: "Sky Information") match
    only that spelling or ALL CAPS; lower-case entries match any case."""
    if not entry.case_sensitive:
        return True
    return matched == entry.spun or (matched == matched.upper() and matched != matched.lower())


def _blocked(entry: _Entry, text: str, start: int, end: int) -> bool:
    if entry.guard is None:
        return False
    lo = max(0, start - GUARD_WINDOW)
    hi = min(len(text), end + GUARD_WINDOW)
    return entry.guard.search(text, lo, hi) is not None


def _transfer_case(matched: str, replacement: str, keep: bool) -> str:
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


def _english(word_tokens: Sequence[str]) -> bool:
    if len(word_tokens) < _MIN_ENGLISH_WORDS:
        return False
    hits = sum(1 for w in word_tokens if w in _ENGLISH_FUNCTION_WORDS)
    return hits / len(word_tokens) >= _MIN_ENGLISH_SHARE


def _clamp(x: float) -> float:
    return max(0.0, min(1.0, x))


def _share_feature(spun: int, plain: int, *, min_spun: int, baseline: float, span: float) -> float:
    """How far the spinner's share of a word pair exceeds what normal
    English shows, 0..1; 0 unless the spinner's form occurs min_spun times."""
    if spun < min_spun:
        return 0.0
    return _clamp((spun / (spun + plain) - baseline) / span)


def detect(texts: Sequence[str]) -> SpinReport:
    """Judge whether one document (its kept lines) is spun.

    Evidence families: always-tier tell-tale phrases found; "stated" /
    "mentioned" crowding out "said"; "within" crowding out "in"; "folks" /
    "individuals" crowding out "people"; and the density of distinct
    spun_only table forms (clean news shows about 1 per 100 words at most,
    spun pages 2-20).  Any one family can occur in normal
    writing, so a document is spun only if the score reaches SPUN_THRESHOLD
    with at least two families present.
    """
    m = _matcher()
    words: list[str] = []
    phrases: dict[str, int] = {}
    tortured: dict[str, int] = {}
    vocab: set[str] = set()
    no_hits: set[str] = set()
    for text in texts:
        toks = m.tokens(text)
        words.extend(t.norm for t in toks if t.norm[-1:].isalnum())
        no_hits.add(text)
        for _i, _j, e in _scan_accepted(m, text, toks, spun_ok=True, rules=RULES):
            no_hits.discard(text)
            if e.rule == "spin_word":
                if e.spun.lower() not in _RATIO_WORDS:
                    vocab.add(e.spun.lower())
                continue
            bucket = tortured if e.rule == "tortured_phrase" else phrases
            bucket[e.spun] = bucket.get(e.spun, 0) + 1
    english = _english([w.lstrip(_GLUE) for w in words])
    counts: dict[str, int] = {}
    for w in words:
        w = w.lstrip(_GLUE)
        if w in ("stated", "mentioned", "said", "says", "within", "in", "folks", "individuals", "people"):
            counts[w] = counts.get(w, 0) + 1
    c = counts.get
    stated = c("stated", 0) + c("mentioned", 0)
    said = c("said", 0) + c("says", 0)
    within, in_ = c("within", 0), c("in", 0)
    folks = c("folks", 0) + c("individuals", 0)
    people = c("people", 0)
    per100 = 100 * len(vocab) / max(len(words), 1)
    features = {
        "phrases": _clamp(len(phrases) / 2 + len(tortured) / 6),
        "spinner_vocabulary": _clamp((per100 - 1.5) / 2.0) if len(vocab) >= 3 else 0.0,
        "stated_vs_said": _share_feature(stated, said, min_spun=3, baseline=0.5, span=0.4),
        "within_vs_in": _share_feature(within, in_, min_spun=3, baseline=0.05, span=0.25),
        "folks_vs_people": _share_feature(folks, people, min_spun=2, baseline=0.4, span=0.4),
    }
    score = round(min(1.0, sum(_WEIGHTS[k] * v for k, v in features.items())), 3) if english else 0.0
    families = sum(1 for v in features.values() if v > 0)
    is_spun = english and score >= SPUN_THRESHOLD and families >= 2
    evidence: dict[str, Any] = {
        "english": english,
        "words": len(words),
        "phrases": dict(sorted(phrases.items())),
        "tortured": dict(sorted(tortured.items())),
        "stated_vs_said": [stated, said],
        "within_vs_in": [within, in_],
        "folks_vs_people": [folks, people],
        "spinner_vocabulary": sorted(vocab),
        "features": {k: round(v, 3) for k, v in features.items()},
    }
    return SpinReport(score=score, is_spun=is_spun, evidence=evidence, no_hits=frozenset(no_hits))


def _scan_accepted(
    m: _Matcher, text: str, toks: list[_Token], *, spun_ok: bool, rules: Collection[str]
) -> Iterator[tuple[int, int, _Entry]]:
    """The one linear pass: at each token take the longest entry that is
    allowed (rule on, tier, case, guard), yield the token range of its core
    (context cut off), then continue after the core."""
    n = len(toks)
    root = m.root.children
    i = 0
    while i < n:
        node = root.get(toks[i].norm.lstrip(_GLUE))
        if node is None:
            i += 1
            continue
        found: list[tuple[int, list[_Entry]]] = []
        j = i + 1
        while True:
            if node.entries:
                found.append((j, node.entries))
            if j >= n:
                break
            child = node.children.get(toks[j].norm)
            if child is None:
                break
            node = child
            j += 1
        hit: tuple[int, _Entry] | None = None
        for end, entries in reversed(found):
            start_c, end_c = toks[i].start, toks[end - 1].end
            matched = text[start_c:end_c]
            for e in entries:
                if e.rule not in rules or (not e.always and not spun_ok):
                    continue
                if not _case_ok(e, matched) or _blocked(e, text, start_c, end_c):
                    continue
                hit = (end, e)
                break
            if hit:
                break
        if hit is None:
            i += 1
            continue
        end, e = hit
        yield i + e.pre, end - e.suf, e
        i = end - e.suf


def find_repairs(text: str, report: SpinReport, *, rules: Collection[str] = RULES) -> list[Edit]:
    """Edits restoring the original wording in `text` (one kept block).

    Always-tier entries apply to any English document, spun_only entries only
    if `report.is_spun`.  Edits are non-overlapping and sorted by start;
    the replacement takes the case of the replaced text.
    """
    if not report.evidence.get("english", False) or text in report.no_hits:
        return []
    m = _matcher()
    toks = m.tokens(text)
    edits: list[Edit] = []
    for i, j, e in _scan_accepted(m, text, toks, spun_ok=report.is_spun, rules=rules):
        start, end = toks[i].start, toks[j - 1].end
        before = text[start:end]
        after = _transfer_case(before, e.core, keep=e.original != e.original.lower())
        if after == before:
            continue
        kind = {"tortured_phrase": "tortured phrase", "spin_word": "spinner substitution"}.get(e.rule, "spinner phrase")
        shown = f"'{before}' -> '{after}'"
        if e.pre or e.suf:
            shown += f" (in '{e.spun}' -> '{e.original}')"
        edits.append(
            Edit(
                start=start,
                end=end,
                before=before,
                after=after,
                rule=e.rule,
                reason=f"{kind} {shown}",
                evidence=f"{e.table}: seen {e.count}x; {e.source}" if e.count else f"{e.table}: {e.source}",
            )
        )
    return edits
