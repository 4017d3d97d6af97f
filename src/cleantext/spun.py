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
loaded once into a token trie behind a word-level gate (`_Matcher`), so a text
is matched in one linear pass; no giant regex alternation (`scripts/eval_spin.py`
measures the alternatives).  detect() scans each line once and keeps what it
found in the SpinReport, so find_repairs() does not scan it again.

Tiers, following ftfy's "prefer a thousand missed fixes to one wrong one":

* ``always`` entries are phrases that do not occur in normal English
  ("live performance corridor"); they are repaired in any English text.
* ``spun_only`` entries are ambiguous ("stated" -> "said") and are repaired
  only when the document as a whole was judged spun.

Every entry may carry a guard: a regex searched in a window around the match;
if it matches, the repair is blocked ("assault rifle", "Royal Navy").
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain, islice, repeat
from operator import methodcaller
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

#: A short text (an excerpt, a few sentences) rarely reaches the score.  An
#: always-tier spinner phrase, which normal English does not show, together
#: with at least this many distinct spun_only forms is enough on its own...
PHRASE_WITH_FORMS = 2
#: ...if the forms are dense: at least this many per 100 words.  A whole page
#: in normal writing shows many distinct forms ("believe", "model",
#: "however": 0.8 per 100 words on the clean dev pages that have a phrase-like
#: string), spun excerpts 1.8-3.5.
FORMS_PER_100_WORDS = 1.5

#: ALL CAPS spellings of a capitalised entry ("METROPOLIS CORRIDOR" in a
#: headline) match only when it has at least this many letters: short ones
#: read as acronyms ("Fb" is the spinner's, "FB" everyone's).
MIN_CAPS_LETTERS = 4

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_WORD_RE = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_PUNCT_CHAR = re.compile(r"[^\w\s]")
_TOKEN_START = re.compile(r"[^\w\s]|(?<!\w)\w")
_QUOTE_PAIRS = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'))
_QUOTE_MAP = dict(_QUOTE_PAIRS)
_QUOTES = str.maketrans(_QUOTE_MAP)
_NONASCII_NONWORD = re.compile(r"[^\x00-\x7f\w]+")
_WORD_BYTES = bytes(c if c >= 0x80 or _WORD_CHAR.match(chr(c)) else 0x20 for c in range(256))
#: detect() works on batches of lines of about this many characters.
_BATCH = 1 << 20
#: Lines longer than this (characters) are gated in chunks of about this size.
_CHUNK = 1 << 16
_GLUE = "\x01"  # marks a token not preceded by whitespace inside a phrase

# Frequent English function words: a document whose words are mostly not
# these is not English, and spin detection stays silent on it.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it was on with as he she by at be this are "
    "from have has had were his her they but not an or which who will said their "
    "been its would after about also than more one there what when we you".split()
)
_MIN_ENGLISH_SHARE = 0.25
# Words whose counts detect uses.
_COUNTED = _ENGLISH_FUNCTION_WORDS | {
    "stated",
    "mentioned",
    "said",
    "says",
    "within",
    "in",
    "folks",
    "individuals",
    "people",
}
_COUNTED_B = frozenset(w.encode() for w in _COUNTED)
_FUNCTION_WORDS_B = tuple(sorted(w.encode() for w in _ENGLISH_FUNCTION_WORDS))

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
    # The other lines' candidates (see _Matcher.scan), so that find_repairs()
    # does not scan a line twice.
    cands: Mapping[str, Sequence[_Cand]] = field(default_factory=dict, repr=False, compare=False)

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
    guard_behind: bool = False  # the guard has a look-behind


class _Node:
    __slots__ = ("children", "entries", "found")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.entries: list[_Entry] = []
        # (depth, entries) of every node with entries on the path from the
        # root to this one: what a walk that ends here found (shared)
        self.found: tuple[tuple[int, tuple[_Entry, ...]], ...] = ()


class _Token(NamedTuple):
    start: int
    end: int
    norm: str  # lower-cased, quotes unified, _GLUE-prefixed if glued


# A candidate: a position where the trie walk found table entries, kept so
# that detect() and find_repairs() share one scan of each line:
# (start, (start, end, start, end, ...) of the walked tokens,
#  ((number of tokens, entries), ...)).
_Cand = tuple[int, tuple[int, ...], tuple[tuple[int, tuple[_Entry, ...]], ...]]


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Split into word and punctuation tokens with offsets (the table's unit)."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def _norm(tok: str) -> str:
    low = tok.lower()
    return low if low.isascii() else low.translate(_QUOTES)


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


def _fast_norm(text: str) -> str | None:
    """The line lower-cased, when that keeps every offset and token boundary
    (no "İ", whose lower case is two characters, and no capital sigma, whose
    lower case depends on context); else None.  tests/test_spun.py checks
    that lower() keeps \\w and \\s of every other character, which is what
    makes the token boundaries the same.  Curly quotes are unified token by
    token where the trie is walked (_walk), not here: no copy of the line."""
    low = text.lower()
    if low.isascii() or not _lower_shifts(text):
        return low
    return None


def _lower_shifts(text: str) -> bool:
    """True if lower-casing `text` can move offsets: "İ" (two characters in
    lower case) or a capital sigma (final or not, by context)."""
    return "\u0130" in text or "\u03a3" in text


def _token_words(toks: Sequence[_Token], counts: Counter[bytes] | None) -> int:
    """The number of words among `toks` (as detect counts them); adds the
    words detect looks at to `counts`."""
    words = [t.norm.lstrip(_GLUE) for t in toks if t.norm[-1:].isalnum()]
    if counts is not None:
        counts.update(w.encode() for w in words if w in _COUNTED)
    return len(words)


class _Matcher:
    """All table entries in a token trie, with a word-level gate in front.

    The gate makes the common case cheap.  A line is split into words at C
    speed (`_split_words`), and set look-ups tell which entries can occur at
    all: an entry's words must appear in a row, so a one-word entry needs its
    word and a longer one its anchor, the least common pair of adjacent words
    in it.  Only where an entry's words are all there is the trie walked in
    Python, and the exact rules (token boundaries, glue, case, guards) are
    applied.  A line is still matched in one linear pass, with no giant regex
    alternation, and a line without candidates costs little more than the
    word split.  `walk_tokens` is the plain walk from every token, used where
    the gate cannot be (see `_fast_norm`) and as the reference in the tests.
    """

    def __init__(self, entries: Sequence[_Entry]) -> None:
        self.root = _Node()
        self.size = 0
        single: set[bytes] = set()
        anchors: dict[tuple[bytes, bytes], set[tuple[tuple[bytes, ...], int, tuple[str, ...]]]] = {}
        leads: dict[tuple[str, ...], set[int]] = {}
        wordless: set[str] = set()
        depth = 0
        keyed: set[tuple[str, ...]] = set()
        for e in entries:
            path = _key(e.spun)
            if not path:
                continue
            node = self.root
            for step in path:
                child = node.children.get(step)
                if child is None:
                    child = node.children[step] = _Node()
                node = child
            node.entries.append(e)
            self.size += 1
            depth = max(depth, len(path))
            steps = [s.lstrip(_GLUE) for s in path]
            words = tuple(s for s in steps if _WORD_CHAR.match(s))
            if not words:
                wordless.add(steps[0][0])
                continue
            leads.setdefault(words, set()).add(steps.index(words[0]))
            keyed.add(words)
        stack = [(self.root, 0)]
        while stack:
            node, d = stack.pop()
            for child in node.children.values():
                child.found = node.found + ((d + 1, tuple(child.entries)),) if child.entries else node.found
                stack.append((child, d + 1))
        # The anchor is the pair of adjacent words least likely to occur in
        # text: with fewer common words (function words, words of one or two
        # letters, words in five table keys or more), then longer.  Only
        # speed depends on this choice.
        in_keys = Counter(w for words in keyed for w in set(words))
        common = {w for w, k in in_keys.items() if k >= 5 or len(w) <= 2} | _ENGLISH_FUNCTION_WORDS
        # The gate works on words in the UTF-8 form of _split_words.
        for words in sorted(keyed):
            wb = tuple(w.encode() for w in words)
            if len(words) == 1:
                single.add(wb[0])
                continue
            off = min(range(len(words) - 1), key=lambda k: _pair_rank(common, words[k], words[k + 1]))
            anchors.setdefault((wb[off], wb[off + 1]), set()).add((wb, off, words))
        self.single = frozenset(single)
        self.anchors = {k: tuple(sorted(v)) for k, v in anchors.items()}
        self.anchor_pairs = frozenset(anchors)
        self.leads = {k: tuple(sorted(v)) for k, v in leads.items()}
        self.wordless = re.compile("[%s]" % re.escape("".join(sorted(wordless)))) if wordless else None
        self.depth = depth
        self._word_re: dict[str, re.Pattern[str]] = {}
        # `depth` tokens (with the spaces before them)
        self._ahead = re.compile(r"(?:\s*(?:\w+|[^\w\s])){0,%d}" % depth)

    def _gate(self, words: list[bytes]) -> bool:
        """False if no entry can occur in a line with these words."""
        return self.wordless is not None or not (
            self.single.isdisjoint(words) and self.anchor_pairs.isdisjoint(zip(words, words[1:], strict=False))
        )

    def scan(self, text: str, counts: Counter[bytes] | None = None) -> tuple[int, list[_Cand]]:
        """The number of words in `text` (as detect counts them) and its
        candidates, sorted by start; adds the words detect looks at to
        `counts` (UTF-8)."""
        if len(text) > _CHUNK:
            return self._scan_long(text, counts)
        low = _fast_norm(text)
        if low is None:
            toks = _tokens(text)
            return _token_words(toks, counts), self.walk_tokens(toks)
        wb = _split_words(low)
        if counts is not None:
            counts.update(filter(_COUNTED_B.__contains__, wb))
        cands = self._candidates(low, wb, wb, 0) if self._gate(wb) else []
        return _word_count(low, wb), cands

    def _scan_long(self, text: str, counts: Counter[bytes] | None) -> tuple[int, list[_Cand]]:
        """scan() for a very long line, chunk by chunk (cut where a token
        starts): no copy of the whole line is made (str.lower() of a line
        allocates four times its size) and no word list of it held.  An
        entry may run over a cut, so each chunk is looked at with the words
        around it; the trie is walked on `text`, lower-casing token by token,
        which is what the exact path does."""
        exact = _lower_shifts(text)
        nwords = 0
        found: dict[int, _Cand] = {}
        cuts = _cuts(text)
        chunks: dict[int, tuple[str, list[bytes]]] = {}  # the chunks read so far

        def chunk(k: int) -> tuple[str, list[bytes]]:
            if k not in chunks:
                low = text[cuts[k] : cuts[k + 1]].lower()
                chunks[k] = (low, _split_words(low))
            return chunks[k]

        before: list[bytes] = []  # the last `depth` words before the chunk
        for k in range(len(cuts) - 1):
            if exact:
                n, cands = self._scan_tokens_range(text, cuts[k], cuts[k + 1], counts)
                nwords += n
                found.update((c[0], c) for c in cands)
                continue
            low, wb = chunk(k)
            after: list[bytes] = []
            j = k + 1
            while len(after) < self.depth and j + 1 < len(cuts):
                after += chunk(j)[1]
                j += 1
            if counts is not None:
                counts.update(filter(_COUNTED_B.__contains__, wb))
            nwords += _word_count(low, wb)
            ctx = before + wb + after[: self.depth]
            if self._gate(ctx):
                for c in self._candidates(low, wb, ctx, len(before), cuts[k], text):
                    found[c[0]] = c
            before = (before + wb)[-self.depth :]
            del chunks[k]
        # a punctuation lead can reach back over a cut: order by start again
        return nwords, [found[k] for k in sorted(found)]

    def _scan_tokens_range(self, text: str, lo: int, hi: int, counts: Counter[bytes] | None) -> tuple[int, list[_Cand]]:
        """The exact path for the tokens that start in text[lo:hi], with
        enough tokens after hi for any entry."""
        m = self._ahead.match(text, hi)
        ext = m.end() if m else len(text)
        toks = _tokens(text[lo:ext])
        nwords = _token_words([t for t in toks if t.start < hi - lo], counts)
        cands = [(s + lo, tuple(x + lo for x in spans), f) for s, spans, f in self.walk_tokens(toks) if s < hi - lo]
        return nwords, cands

    def scan_lines(self, lines: Sequence[str], counts: Counter[bytes]) -> tuple[int, dict[str, list[_Cand]]]:
        """scan() for many lines at once, with the same results; large
        inputs go in batches of about _BATCH characters, to bound memory."""
        nwords = 0
        out: dict[str, list[_Cand]] = {}
        ends = list(accumulate(map(len, lines)))
        start = 0
        while start < len(lines):
            limit = (ends[start - 1] if start else 0) + _BATCH
            end = max(start + 1, bisect_right(ends, limit, start))
            nwords += self._scan_batch(lines[start:end], counts, out)
            start = end
        return nwords, out

    def _scan_batch(self, lines: Sequence[str], counts: Counter[bytes], out: dict[str, list[_Cand]]) -> int:
        # Each step is a C-level map over the lines; Python looks only at
        # the few lines that are odd (see scan) or that pass the gate.
        nwords = 0

        def scan_alone(line: str) -> None:
            nonlocal nwords
            n, cands = self.scan(line, counts)
            nwords += n
            if cands:
                out[line] = cands

        if sum(map(len, lines)) > _CHUNK:
            long = [i for i, t in enumerate(lines) if len(t) > _CHUNK]
            if long:
                lines = list(lines)
                for i in long:  # scanned on their own, chunk by chunk
                    scan_alone(lines[i])
                    lines[i] = ""
        lows = list(map(str.lower, lines))
        src = lows  # what the words are split from
        for i in [i for i, low in enumerate(lows) if not low.isascii()]:
            low = _fast_norm(lines[i])
            if low is None:
                scan_alone(lines[i])
                low = ""
            if src is lows:
                src = list(lows)
            lows[i] = low
            src[i] = _NONASCII_NONWORD.sub(" ", low) if not low.isascii() else low
        words = list(map(bytes.split, map(methodcaller("translate", _WORD_BYTES), map(str.encode, src))))
        counts.update(filter(_COUNTED_B.__contains__, chain.from_iterable(words)))
        nwords += sum(map(len, words))
        for i in [i for i, low in enumerate(lows) if "_" in low]:
            nwords -= len(words[i]) - _word_count(lows[i], words[i])
        for i in [i for i, wb in enumerate(words) if self._gate(wb)]:
            low = lows[i]
            cands = self._candidates(low, words[i], words[i], 0)
            if cands:
                out[lines[i]] = cands
        return nwords

    def _candidates(
        self, low: str, words: list[bytes], ctx: list[bytes], base: int, offset: int = 0, text: str | None = None
    ) -> list[_Cand]:
        """Candidates starting at `words`, the words of `low`; `ctx` is them
        with up to `depth` words of the line before (`base` of them) and
        after.  `low` is the lower-cased line, or, with `text`, the
        lower-cased chunk text[offset:offset + len(low)] of a long line."""
        # Set intersections (C-level) say which single words and anchor
        # pairs occur; list.index finds where.
        hits: list[tuple[int, tuple[str, ...]]] = []
        present = self.single.intersection(words)
        if present:
            ones: dict[bytes, tuple[str, ...]] = {w: (w.decode(),) for w in present}
            if len(words) > 256:  # a long chunk: one pass rather than list.index per word
                hits = [(i, ones[w]) for i, w in enumerate(words) if w in present]
            else:
                hits = [(i, kw) for w, kw in ones.items() for i in _indexes(words, w)]
        end = base + len(words)
        anchors = self.anchors
        found = self.anchor_pairs.intersection(zip(ctx, islice(ctx, 1, None), strict=False))
        if len(ctx) > 256:  # a long chunk: one pass rather than list.index per word
            at = [(j, p) for j, p in enumerate(zip(ctx, islice(ctx, 1, None), strict=False)) if p in found]
        else:
            at = [(j, (a, b)) for a, b in found for j in _indexes(ctx, a) if j + 1 < len(ctx) and ctx[j + 1] == b]
        for j, pair in at:
            for kb, off, kw in anchors[pair]:
                s = j - off
                if base <= s < end and (len(kb) == 2 or tuple(ctx[s : s + len(kb)]) == kb):
                    hits.append((s - base, kw))
        if not hits and self.wordless is None:
            return []
        line = low if text is None else text
        starts: set[int] = set()
        done: dict[int, _Cand] = {}  # one-word entries that no longer entry starts with
        if self.wordless is not None:
            starts.update(offset + m.start() for m in self.wordless.finditer(low))
        if hits:
            pos = self._positions(low, words, sorted({i for i, _ in hits}))
            root = self.root.children
            for i, kw in hits:
                leads = self.leads[kw]
                if len(kw) == 1 and leads == (0,):
                    node = root[kw[0]]
                    if not node.children:  # the walk would stop at once
                        s = offset + pos[i]
                        done[s] = (s, (s, s + len(kw[0])), node.found)
                        continue
                for lead in leads:
                    s = _back(line, offset + pos[i], lead)
                    if s >= 0:
                        starts.add(s)
        for s in starts.difference(done):
            c = self._walk(line, s, lower=text is not None)
            if c is not None:
                done[s] = c
        return [done[s] for s in sorted(done)]

    def _word_pattern(self, word: str) -> re.Pattern[str]:
        """`word` as a whole token; the literal comes first so that re can
        search for it fast, the look-behind then checks the token start."""
        pat = self._word_re.get(word)
        if pat is None:
            pat = re.compile(r"%s(?<!\w.{%d})(?!\w)" % (re.escape(word), len(word)), re.DOTALL)
            self._word_re[word] = pat
        return pat

    def _positions(self, low: str, words: list[bytes], idx: list[int]) -> dict[int, int]:
        """Character offsets of the words at indexes `idx` of `words` (the
        words of `low`): the k-th occurrence of a word in `words` is the k-th
        match of its whole-token pattern in `low`."""
        out = {}
        if len(idx) <= 4:
            for i in idx:
                w = words[i]
                nth = words[:i].count(w)
                m = next(islice(self._word_pattern(w.decode()).finditer(low), nth, None))
                out[i] = m.start()
            return out
        distinct = {words[i] for i in idx}
        if len(distinct) > 4:  # one pass over all the words
            starts = [m.start() for m in _WORD_RE.finditer(low)]
            return {i: starts[i] for i in idx}
        wanted = set(idx)
        for w in distinct:
            matches = self._word_pattern(w.decode()).finditer(low)
            at = [i for i, x in enumerate(words) if x == w] if len(words) > 256 else _indexes(words, w)
            for i, m in zip(at, matches, strict=False):
                if i in wanted:
                    out[i] = m.start()
        return out

    def _walk(self, line: str, start: int, lower: bool = False) -> _Cand | None:
        """Walk the trie over the tokens of `line` from `start`; the line is
        lower-cased, or else (`lower`) each token is."""
        it = _TOKEN_RE.finditer(line, start)
        t = next(it, None)
        if t is None or t.start() != start:
            return None
        quotes = _QUOTE_MAP
        g = t.group().lower() if lower else t.group()
        node = self.root.children.get(quotes.get(g, g))
        if node is None:
            return None
        spans = [start, t.end()]
        prev = t.end()
        while node.children:
            t = next(it, None)
            if t is None:
                break
            s, e = t.span()
            g = t.group().lower() if lower else t.group()
            g = quotes.get(g, g)
            child = node.children.get(g if s != prev else _GLUE + g)
            if child is None:
                break
            node = child
            spans += (s, e)
            prev = e
        found = node.found
        if not found:
            return None
        return (start, tuple(spans[: 2 * found[-1][0]]), found)

    def walk_tokens(self, toks: list[_Token]) -> list[_Cand]:
        """The trie walked from every token: the exact path for lines whose
        lower case changes offsets (and the reference the gate is tested
        against)."""
        n = len(toks)
        root = self.root.children
        out: list[_Cand] = []
        for i in range(n):
            node = root.get(toks[i].norm.lstrip(_GLUE))
            if node is None:
                continue
            j = i + 1
            while j < n:
                child = node.children.get(toks[j].norm)
                if child is None:
                    break
                node = child
                j += 1
            found = node.found
            if found:
                spans = tuple(x for t in toks[i : i + found[-1][0]] for x in (t.start, t.end))
                out.append((toks[i].start, spans, found))
        return out


def _pair_rank(common: Collection[str], a: str, b: str) -> tuple[int, int]:
    """How common a pair of words is likely to be (lower = rarer)."""
    return (a in common) + (b in common), -len(a) - len(b)


def _indexes(items: list[bytes], item: bytes) -> Iterator[int]:
    """Every index of `item` in `items`, in order."""
    k = -1
    try:
        while True:
            k = items.index(item, k + 1)
            yield k
    except ValueError:
        return


def _back(low: str, pos: int, lead: int) -> int:
    """Start of the `lead`-th punctuation token before `pos`, or -1."""
    for _ in range(lead):
        pos -= 1
        while pos >= 0 and low[pos].isspace():
            pos -= 1
        if pos < 0 or not _PUNCT_CHAR.match(low, pos):
            return -1
    return pos


def _cuts(low: str) -> list[int]:
    """Chunk limits for a long line: about every _CHUNK characters, each at
    the start of a token (never inside a word or a run of spaces)."""
    cuts = [0]
    while True:
        target = cuts[-1] + _CHUNK
        if target >= len(low):
            break
        m = _TOKEN_START.search(low, target)
        if m is None:
            break
        cuts.append(m.start())
    cuts.append(len(low))
    return cuts


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
                guard_behind="(?<" in row.get("guard", ""),
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
    # Some 50,000 objects that live as long as the process: the cyclic
    # garbage collector would only walk them over and over meanwhile
    # (a third of the load time).
    enabled = gc.isenabled()
    gc.disable()
    try:
        entries = _rows(SPIN_TABLE, "spin_phrase", "spin_word")
        entries += _rows(TORTURED_TABLE, "tortured_phrase", "tortured_phrase")
        return _Matcher(entries)
    finally:
        if enabled:
            gc.enable()


def _case_ok(entry: _Entry, matched: str) -> bool:
    """Entries written with capitals (proper names: "Sky Information") match
    only that spelling or, if long enough, ALL CAPS; lower-case entries match
    any case."""
    if not entry.case_sensitive:
        return True
    if matched == entry.spun:
        return True
    letters = sum(c.isalpha() for c in matched)
    return letters >= MIN_CAPS_LETTERS and matched == matched.upper() and matched != matched.lower()


def _blocked(entry: _Entry, text: str, start: int, end: int) -> bool:
    if entry.guard is None:
        return False
    lo = max(0, start - GUARD_WINDOW)
    hi = min(len(text), end + GUARD_WINDOW)
    if entry.guard_behind:
        return entry.guard.search(text, lo, hi) is not None
    # Without look-behinds a search sees at most one character before the
    # window (\b), so the window text decides it: memoised, as the same
    # window recurs (repeated lines, detect() then find_repairs()).
    return _guard_hit(entry.guard, text[lo - 1 : hi] if lo else text[:hi], 1 if lo else 0)


@lru_cache(maxsize=4096)
def _guard_hit(guard: re.Pattern[str], window: str, pos: int) -> bool:
    return guard.search(window, pos) is not None


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


def _english(nwords: int, function_words: int) -> bool:
    if nwords < _MIN_ENGLISH_WORDS:
        return False
    return function_words / nwords >= _MIN_ENGLISH_SHARE


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
    with at least two families present, or (for short texts) if it shows a
    spinner phrase and PHRASE_WITH_FORMS distinct spun_only forms at a
    density of FORMS_PER_100_WORDS;
    evidence["rule"] says which.
    """
    m = _matcher()
    phrases: dict[str, int] = {}
    tortured: dict[str, int] = {}
    forms: set[str] = set()  # distinct spun_only forms found
    # A repeated line is scanned once and counted as often as it occurs.
    times = Counter(texts)
    lines = list(times)
    counted: Counter[bytes] = Counter()
    nwords, cands = m.scan_lines(lines, counted)
    for text in [t for t in lines if times[t] > 1] if len(lines) < len(texts) else ():
        extra: Counter[bytes] = Counter()
        n, _ = m.scan(text, extra)
        nwords += n * (times[text] - 1)
        for w, k in extra.items():
            counted[w] += k * (times[text] - 1)
    for text, found in list(cands.items()):
        hit = False
        for _i, _j, e in _accepted(text, found, spun_ok=True, rules=RULES):
            hit = True
            if e.rule == "spin_word":
                forms.add(e.spun.lower())
                continue
            bucket = tortured if e.rule == "tortured_phrase" else phrases
            bucket[e.spun] = bucket.get(e.spun, 0) + times[text]
        if not hit:
            del cands[text]
    vocab = forms - _RATIO_WORDS  # the ratio words are counted by their own features
    english = _english(nwords, sum(map(counted.get, _FUNCTION_WORDS_B, repeat(0))))
    c = counted.get
    stated = c(b"stated", 0) + c(b"mentioned", 0)
    said = c(b"said", 0) + c(b"says", 0)
    within, in_ = c(b"within", 0), c(b"in", 0)
    folks = c(b"folks", 0) + c(b"individuals", 0)
    people = c(b"people", 0)
    per100 = 100 * len(vocab) / max(nwords, 1)
    features = {
        "phrases": _clamp(len(phrases) / 2 + len(tortured) / 6),
        "spinner_vocabulary": _clamp((per100 - 1.5) / 2.0) if len(vocab) >= 3 else 0.0,
        "stated_vs_said": _share_feature(stated, said, min_spun=3, baseline=0.5, span=0.4),
        "within_vs_in": _share_feature(within, in_, min_spun=3, baseline=0.05, span=0.25),
        "folks_vs_people": _share_feature(folks, people, min_spun=2, baseline=0.4, span=0.4),
    }
    score = round(min(1.0, sum(_WEIGHTS[k] * v for k, v in features.items())), 3) if english else 0.0
    families = sum(1 for v in features.values() if v > 0)
    rule = None
    if english and score >= SPUN_THRESHOLD and families >= 2:
        rule = "score"
    elif (english and phrases and len(forms) >= PHRASE_WITH_FORMS
          and 100 * len(forms) >= FORMS_PER_100_WORDS * max(nwords, 1)):
        rule = "phrase_and_forms"
    is_spun = rule is not None
    if not is_spun:
        # find_repairs() can then only accept always-tier entries, and a
        # candidate without one is never accepted (nor moves the pass on).
        for text, found in list(cands.items()):
            kept = [c for c in found if any(e.always for _, entries in c[2] for e in entries)]
            if kept:
                cands[text] = kept
            else:
                del cands[text]
    no_hits = frozenset(lines).difference(cands)
    evidence: dict[str, Any] = {
        "english": english,
        "words": nwords,
        "phrases": dict(sorted(phrases.items())),
        "tortured": dict(sorted(tortured.items())),
        "stated_vs_said": [stated, said],
        "within_vs_in": [within, in_],
        "folks_vs_people": [folks, people],
        "spinner_vocabulary": sorted(vocab),
        "features": {k: round(v, 3) for k, v in features.items()},
        "rule": rule,
    }
    return SpinReport(score=score, is_spun=is_spun, evidence=evidence, no_hits=no_hits, cands=cands)


def _word_count(low: str, words: list[bytes]) -> int:
    """Words as detect counts them: a token ending in "_" is not one."""
    if "_" not in low:
        return len(words)
    return sum(1 for w in words if not w.endswith(b"_"))


def _split_words(low: str) -> list[bytes]:
    """The \\w+ tokens of `low`, UTF-8 encoded: the same as
    [w.encode() for w in re.findall(r"\\w+", low)], about twice as fast.
    Non-ASCII characters that are not word characters become spaces; then
    in UTF-8 every byte >= 0x80 belongs to a word character and a byte
    table maps the ASCII non-word characters to spaces."""
    if not low.isascii():
        low = _NONASCII_NONWORD.sub(" ", low)
    return low.encode().translate(_WORD_BYTES).split()


def _accepted(
    text: str, cands: Iterable[_Cand], *, spun_ok: bool, rules: Collection[str]
) -> Iterator[tuple[int, int, _Entry]]:
    """The one linear pass: at each candidate take the longest entry that is
    allowed (rule on, tier, case, guard), yield the character range of its
    core (context cut off), then continue after the core."""
    resume = 0
    for start, spans, found in cands:
        if start < resume:
            continue
        hit: tuple[int, _Entry] | None = None
        for depth, entries in reversed(found):
            end = spans[2 * depth - 1]
            matched = text[start:end]
            for e in entries:
                if e.rule not in rules or (not e.always and not spun_ok):
                    continue
                if not _case_ok(e, matched) or _blocked(e, text, start, end):
                    continue
                hit = (depth, e)
                break
            if hit:
                break
        if hit is None:
            continue
        depth, e = hit
        yield spans[2 * e.pre], spans[2 * (depth - e.suf) - 1], e
        resume = spans[2 * (depth - e.suf)] if e.suf else spans[2 * depth - 1]


def find_repairs(text: str, report: SpinReport, *, rules: Collection[str] = RULES) -> list[Edit]:
    """Edits restoring the original wording in `text` (one kept block).

    Always-tier entries apply to any English document, spun_only entries only
    if `report.is_spun`.  Edits are non-overlapping and sorted by start;
    the replacement takes the case of the replaced text.
    """
    if not report.evidence.get("english", False) or text in report.no_hits:
        return []
    found = report.cands.get(text)
    if found is None:
        found = _matcher().scan(text)[1]
    edits: list[Edit] = []
    for start, end, e in _accepted(text, found, spun_ok=report.is_spun, rules=rules):
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
