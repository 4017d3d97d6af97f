"""Find the entries of the spin tables in text.

The inverse substitutions are package data (`data/spin_table.tsv`, learned by
`scripts/build_spin_table.py` from aligned spun/original sentences, and
`data/tortured_phrases.tsv`, the Problematic Paper Screener list).  `matcher()`
loads them once into a token trie behind a word-level gate (`Matcher`), so a
text is matched in one linear pass, with no giant regex alternation
(`scripts/eval_spin.py` measures the alternatives).

What this module finds are candidates (`Cand`): positions where the trie walk
found entries.  An entry's own conditions, its case and its guard, are checked
here too (`Entry.allows`); which entries apply (rules, tiers, overlaps) is the
caller's policy (`spun`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, count, islice, pairwise, repeat
from operator import contains, methodcaller
from typing import NamedTuple

from . import gcpause
from .tables import load_tsv

__all__ = ["FUNCTION_WORDS", "Cand", "Entry", "Matcher", "WordSink", "matcher", "tokenize"]

SPIN_TABLE = "spin_table.tsv"
TORTURED_TABLE = "tortured_phrases.tsv"

#: Characters of context searched by a guard on each side of a match.  Wide
#: enough for a collocation ("assault rifle"), narrow enough to stay local.
GUARD_WINDOW = 40

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
#: Lines of at most this many words are searched entry by entry (see _places).
_FEW_WORDS = 256
#: scan_lines() works on batches of lines of about this many characters.
_BATCH = 1 << 20
#: Lines longer than this (characters) are gated in chunks of about this size.
_CHUNK = 1 << 16
_GLUE = "\x01"  # marks a token not preceded by whitespace inside a phrase

#: Frequent English function words.  Never picked as an anchor when a rarer
#: word is at hand (only speed depends on that); `spun` tells English text by
#: their share.
FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it was on with as he she by at be this are "
    "from have has had were his her they but not an or which who will said their "
    "been its would after about also than more one there what when we you".split()
)


@dataclass(frozen=True)
class Entry:
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

    def allows(self, text: str, start: int, end: int) -> bool:
        """Whether the entry applies to its match text[start:end]: the case
        fits and the guard does not block it."""
        return self._case_ok(text[start:end]) and not self._blocked(text, start, end)

    def _case_ok(self, matched: str) -> bool:
        """Entries written with capitals (proper names: "Sky Information")
        match only that spelling or, if long enough, ALL CAPS; lower-case
        entries match any case."""
        if not self.case_sensitive or matched == self.spun:
            return True
        letters = sum(c.isalpha() for c in matched)
        return letters >= MIN_CAPS_LETTERS and matched == matched.upper() and matched != matched.lower()

    def _blocked(self, text: str, start: int, end: int) -> bool:
        if self.guard is None:
            return False
        lo = max(0, start - GUARD_WINDOW)
        hi = min(len(text), end + GUARD_WINDOW)
        if self.guard_behind:
            return self.guard.search(text, lo, hi) is not None
        # Without look-behinds a search sees at most one character before the
        # window (\b), so the window text decides it: memoised, as the same
        # window recurs (repeated lines, detect() then find_repairs()).
        return _guard_hit(self.guard, text[lo - 1 : hi] if lo else text[:hi], 1 if lo else 0)


@lru_cache(maxsize=4096)
def _guard_hit(guard: re.Pattern[str], window: str, pos: int) -> bool:
    return guard.search(window, pos) is not None


class _Node:
    __slots__ = ("children", "entries", "found")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.entries: list[Entry] = []
        # (depth, entries) of every node with entries on the path from the
        # root to this one: what a walk that ends here found (shared)
        self.found: tuple[tuple[int, tuple[Entry, ...]], ...] = ()


class _Token(NamedTuple):
    start: int
    end: int
    norm: str  # lower-cased, quotes unified, _GLUE-prefixed if glued


#: A candidate: a position where the trie walk found table entries:
#: (start, (start, end, start, end, ...) of the walked tokens,
#: ((number of tokens, entries), ...)), shortest match first.
Cand = tuple[int, tuple[int, ...], tuple[tuple[int, tuple[Entry, ...]], ...]]

#: Told the words of the text a Matcher reads, and how many times the text
#: occurs: lower-cased \w+ tokens that end in a letter or digit, UTF-8.
WordSink = Callable[[list[bytes], int], object]

# An anchor pair of the gate.
_Pair = tuple[bytes, bytes]


# Where an entry's words occur in a row: (offset, the entry's words).
_Places = Iterator[tuple[int, tuple[str, ...]]]
# A search for an entry's words in a row, and the words.
_Finder = tuple[Callable[[str], Iterator[re.Match[str]]], tuple[str, ...]]


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


def _lower_shifts(text: str) -> bool:
    """True if lower-casing `text` can move offsets: "İ" (two characters in
    lower case) or a capital sigma (final or not, by context).
    tests/test_spun.py checks that lower() keeps \\w and \\s of every other
    character, which is what keeps the token boundaries of the rest."""
    return "\u0130" in text or "\u03a3" in text


def _split_words(low: str) -> list[bytes]:
    """The \\w+ tokens of `low`, UTF-8 encoded: the same as
    [w.encode() for w in re.findall(r"\\w+", low)], about twice as fast.
    Non-ASCII characters that are not word characters become spaces; then
    in UTF-8 every byte >= 0x80 belongs to a word character and a byte
    table maps the ASCII non-word characters to spaces."""
    if not low.isascii():
        low = _NONASCII_NONWORD.sub(" ", low)
    return low.encode().translate(_WORD_BYTES).split()


def _counted_words(low: str, words: list[bytes]) -> list[bytes]:
    """`words` (of `low`) without tokens that end in "_", which are no words."""
    if "_" not in low:
        return words
    return [w for w in words if not w.endswith(b"_")]


class Matcher:
    """All table entries in a token trie, with a word-level gate in front.

    The gate makes the common case cheap.  Lines are split into words at C
    speed (`_split_words`), and set intersections tell which entries can
    occur at all: an entry's words must appear in a row, so a one-word entry
    needs its word and a longer one its anchor, the least common pair of
    adjacent words in it.  Where they occur is found by a search for the
    words of those entries only (`_places`).  Only there is the trie walked
    in Python, and the exact rules (token boundaries, glue) applied.
    `walk_tokens` is the plain walk from every token, used where the gate
    cannot be (see `_lower_shifts`) and as the reference in the tests.
    """

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.root = _Node()
        self.size = 0
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
        # letters, words in five table keys or more), then longer.
        # Only speed depends on this choice.
        in_keys = Counter(w for words in keyed for w in set(words))
        common = {w for w, k in in_keys.items() if k >= 5 or len(w) <= 2} | FUNCTION_WORDS
        # The gate works on words in the UTF-8 form of _split_words.
        singles: dict[bytes, tuple[str, ...]] = {}
        for words in sorted(keyed):
            wb = tuple(w.encode() for w in words)
            if len(words) == 1:
                singles[wb[0]] = words
                continue
            off = min(range(len(words) - 1), key=lambda k: _pair_rank(common, words[k], words[k + 1]))
            anchors.setdefault((wb[off], wb[off + 1]), set()).add((wb, off, words))
        self.singles = singles
        self.single = frozenset(singles)
        self.anchors = {k: tuple(sorted(v)) for k, v in anchors.items()}
        self.anchor_pairs = frozenset(anchors)
        self.leads = {k: tuple(sorted(v)) for k, v in leads.items()}
        # One-word entries that start at their word and that no longer entry
        # starts with: a hit on one is a candidate without a walk.
        self.whole = {
            kw[0]: node.found
            for kw in singles.values()
            if self.leads[kw] == (0,) and not (node := self.root.children[kw[0]]).children
        }
        self.wordless = re.compile("[%s]" % re.escape("".join(sorted(wordless)))) if wordless else None
        self.depth = depth
        self._finder: dict[bytes | _Pair, tuple[_Finder, ...]] = {}
        # `depth` tokens (with the spaces before them)
        self._ahead = re.compile(r"(?:\s*(?:\w+|[^\w\s])){0,%d}" % depth)

    def scan(self, text: str) -> list[Cand]:
        """The candidates in `text`, in order of their start."""
        return self.scan_lines({text: 1}).get(text, [])

    def scan_lines(self, lines: Mapping[str, int], on_words: WordSink | None = None) -> dict[str, list[Cand]]:
        """The candidates of each of `lines` that has any; `lines` maps each
        line to the number of times it occurs, which is what `on_words` is
        told with the words it reads.  Large inputs go in batches of about
        _BATCH characters, to bound memory."""
        out: dict[str, list[Cand]] = {}
        distinct = list(lines)
        ends = list(accumulate(map(len, distinct)))
        start = 0
        while start < len(distinct):
            limit = (ends[start - 1] if start else 0) + _BATCH
            end = max(start + 1, bisect_right(ends, limit, start))
            self._scan_batch(distinct[start:end], lines, on_words, out)
            start = end
        return out

    def _scan_batch(
        self, lines: list[str], times: Mapping[str, int], on_words: WordSink | None, out: dict[str, list[Cand]]
    ) -> None:
        # Each step is a C-level map over the lines; Python looks only at
        # the few lines that are odd (see _lower_shifts, _CHUNK) and at the
        # places where the gate found an entry's words.
        reps = list(map(times.__getitem__, lines))
        if sum(map(len, lines)) > _CHUNK:
            long = [i for i, t in enumerate(lines) if len(t) > _CHUNK]
            if long:
                lines = list(lines)
                for i in long:  # scanned on their own, chunk by chunk
                    self._scan_long(lines[i], reps[i], on_words, out)
                    lines[i] = ""
        lows = list(map(str.lower, lines))
        src = lows  # what the words are split from
        for i in [i for i, low in enumerate(lows) if not low.isascii()]:
            if src is lows:
                src = list(lows)
            if _lower_shifts(lines[i]):
                self._scan_exact(lines[i], reps[i], on_words, out)
                lows[i] = src[i] = ""
            else:
                src[i] = _NONASCII_NONWORD.sub(" ", lows[i])
        words = list(map(bytes.split, map(methodcaller("translate", _WORD_BYTES), map(str.encode, src))))
        if on_words is not None:
            self._tell(lows, words, reps, on_words)
        present = list(map(self.single.intersection, words))
        pairs = list(map(self.anchor_pairs.intersection, map(pairwise, words)))
        gated: Iterable[int] = compress(count(), map(any, zip(present, pairs, strict=True)))
        if self.wordless is not None:
            gated = [i for i, low in enumerate(lows) if present[i] or pairs[i] or self.wordless.search(low)]
        for i in gated:
            cands = self._cands(lows[i], self._places(lows[i], words[i], present[i], pairs[i]))
            if cands:
                out[lines[i]] = cands

    @staticmethod
    def _tell(lows: list[str], words: list[list[bytes]], reps: list[int], on_words: WordSink) -> None:
        """Tell `on_words` the words of a batch: all at once, and those of
        a repeated line again for its other occurrences."""
        underscored = list(compress(count(), map(contains, lows, repeat("_"))))
        if underscored:
            words = list(words)
            for i in underscored:
                words[i] = _counted_words(lows[i], words[i])
        on_words(list(chain.from_iterable(words)), 1)
        for i in [i for i, k in enumerate(reps) if k > 1]:
            on_words(words[i], reps[i] - 1)

    def _scan_exact(self, line: str, times: int, on_words: WordSink | None, out: dict[str, list[Cand]]) -> None:
        """The plain token walk, for a line whose lower case moves offsets."""
        toks = _tokens(line)
        if on_words is not None:
            on_words([t.norm.lstrip(_GLUE).encode() for t in toks if t.norm[-1:].isalnum()], times)
        cands = self._walk_tokens(toks)
        if cands:
            out[line] = cands

    def _scan_long(self, text: str, times: int, on_words: WordSink | None, out: dict[str, list[Cand]]) -> None:
        """A very long line, chunk by chunk (cut where a token starts): no
        copy of the whole line is made (str.lower() of a line allocates four
        times its size) and no word list of it held.  An entry that starts
        in a chunk may run over the cut, so the gate sees the words of the
        next `depth` tokens too; the trie is walked on `text`, lower-casing
        token by token, which is what the exact path does."""
        exact = _lower_shifts(text)
        found: dict[int, Cand] = {}
        cuts = _cuts(text)
        for lo, hi in pairwise(cuts):
            if exact:
                found.update((c[0], c) for c in self._scan_tokens_range(text, lo, hi, times, on_words))
                continue
            low = text[lo:hi].lower()
            words = _split_words(low)
            if on_words is not None:
                on_words(_counted_words(low, words), times)
            ahead = self._ahead.match(text, hi)
            ctx = words + _split_words(text[hi : ahead.end() if ahead else hi].lower())
            present = self.single.intersection(words)
            pairs = self.anchor_pairs.intersection(pairwise(ctx))
            if present or pairs or self.wordless is not None:
                places = self._places_by_index(low, words, ctx, present, pairs)
                found.update((c[0], c) for c in self._cands(low, places, lo, text))
        if found:
            # a punctuation lead can reach back over a cut: order by start again
            out[text] = [found[k] for k in sorted(found)]

    def _scan_tokens_range(
        self, text: str, lo: int, hi: int, times: int, on_words: WordSink | None
    ) -> list[Cand]:
        """The exact path for the tokens that start in text[lo:hi], with
        enough tokens after hi for any entry."""
        m = self._ahead.match(text, hi)
        ext = m.end() if m else len(text)
        toks = _tokens(text[lo:ext])
        if on_words is not None:
            own = [t for t in toks if t.start < hi - lo]
            on_words([t.norm.lstrip(_GLUE).encode() for t in own if t.norm[-1:].isalnum()], times)
        return [(s + lo, tuple(x + lo for x in spans), f) for s, spans, f in self._walk_tokens(toks) if s < hi - lo]

    def _places(self, low: str, words: list[bytes], present: Collection[bytes], pairs: Collection[_Pair]) -> _Places:
        """(offset in `low`, entry words) of every place where the words of
        an entry the gate let through (single words `present`, anchor
        `pairs`) occur in a row in `low`, whose words are `words`."""
        if len(words) > _FEW_WORDS:
            yield from self._places_by_index(low, words, words, present, pairs)
            return
        # A short line: a search for each entry's words (C-level) is the
        # cheapest, and costs no more than list.index per word would.
        keys: Iterable[bytes | _Pair] = chain(present, pairs)
        for key in keys:
            for finditer, kw in self._finders(key):
                for m in finditer(low):
                    yield m.start(), kw

    def _finders(self, key: bytes | _Pair) -> tuple[_Finder, ...]:
        """For a single word or an anchor pair of the gate: the entries it
        stands for, each as a search for its words in a row (compiled on
        first use: most are never needed) and the words."""
        found = self._finder.get(key)
        if found is None:
            kws = [self.singles[key]] if isinstance(key, bytes) else [kw for _, _, kw in self.anchors[key]]
            found = self._finder[key] = tuple((_words_in_a_row(kw).finditer, kw) for kw in kws)
        return found

    def _places_by_index(
        self,
        low: str,
        words: list[bytes],
        ctx: list[bytes],
        present: Collection[bytes],
        pairs: Collection[_Pair],
    ) -> _Places:
        """_places() for many words, in time linear in their number: found
        by index in the words, then located in `low`.  `ctx` is `words` with
        the words of up to `depth` tokens after them."""
        hits: list[tuple[int, tuple[str, ...]]] = []
        if present:
            singles = self.singles
            hits += [(i, singles[w]) for i, w in enumerate(words) if w in present]
        if pairs:
            for j, pair in enumerate(pairwise(ctx)):
                if pair not in pairs:
                    continue
                for kb, off, kw in self.anchors[pair]:
                    s = j - off
                    if 0 <= s < len(words) and tuple(ctx[s : s + len(kb)]) == kb:
                        hits.append((s, kw))
        if hits:
            pos = self._positions(low, words, sorted({i for i, _ in hits}))
            for i, kw in hits:
                yield pos[i], kw

    def _cands(self, low: str, places: _Places, offset: int = 0, text: str | None = None) -> list[Cand]:
        """The candidates at `places` in `low`: the lower-cased line, or,
        with `text`, the lower-cased chunk text[offset:offset + len(low)] of
        a long line."""
        line = low if text is None else text
        starts: set[int] = set()
        done: dict[int, Cand] = {}  # one-word entries that no longer entry starts with
        if self.wordless is not None:
            starts.update(offset + m.start() for m in self.wordless.finditer(low))
        whole, leads = self.whole, self.leads
        for at, kw in places:
            found = whole.get(kw[0]) if len(kw) == 1 else None
            if found is not None:
                s = offset + at
                done[s] = (s, (s, s + len(kw[0])), found)
                continue
            for lead in leads[kw]:
                s = _back(line, offset + at, lead)
                if s >= 0:
                    starts.add(s)
        for s in starts.difference(done):
            c = self._walk(line, s, lower=text is not None)
            if c is not None:
                done[s] = c
        return [done[s] for s in sorted(done)]

    def _positions(self, low: str, words: list[bytes], idx: list[int]) -> dict[int, int]:
        """Character offsets of the words at indexes `idx` of `words` (the
        words of `low`): the k-th occurrence of a word in `words` is the k-th
        match of its whole-token pattern in `low`."""
        out = {}
        if len(idx) <= 4:
            for i in idx:
                w = words[i]
                nth = words[:i].count(w)
                m = next(islice(_words_in_a_row((w.decode(),)).finditer(low), nth, None))
                out[i] = m.start()
            return out
        distinct = {words[i] for i in idx}
        if len(distinct) > 4:  # one pass over all the words
            starts = [m.start() for m in _WORD_RE.finditer(low)]
            return {i: starts[i] for i in idx}
        wanted = set(idx)
        for w in distinct:
            matches = _words_in_a_row((w.decode(),)).finditer(low)
            at = _indexes(words, w, 0, len(words))
            for i, m in zip(at, matches, strict=False):
                if i in wanted:
                    out[i] = m.start()
        return out

    def _walk(self, line: str, start: int, lower: bool = False) -> Cand | None:
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

    def walk_tokens(self, text: str) -> list[Cand]:
        """The trie walked from every token of `text`: the reference the
        gate is tested against."""
        return self._walk_tokens(_tokens(text))

    def _walk_tokens(self, toks: list[_Token]) -> list[Cand]:
        n = len(toks)
        root = self.root.children
        out: list[Cand] = []
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


@lru_cache(maxsize=4096)
def _words_in_a_row(words: tuple[str, ...]) -> re.Pattern[str]:
    """A search for `words` as whole tokens in a row (only non-word
    characters between them), matching the first.  The literal comes first
    so that re can search for it fast; the look-behind then checks the token
    start, and the rest is a look-ahead, so that occurrences may overlap."""
    first, rest = words[0], "".join(r"\W+" + re.escape(w) for w in words[1:])
    return re.compile(r"%s(?<!\w.{%d})(?=%s(?!\w))" % (re.escape(first), len(first), rest), re.DOTALL)


def _pair_rank(common: Collection[str], a: str, b: str) -> tuple[int, int]:
    """How common a pair of words is likely to be (lower = rarer)."""
    return (a in common) + (b in common), -len(a) - len(b)


def _indexes(items: list[bytes], item: bytes, lo: int, hi: int) -> list[int]:
    """Every index of `item` in items[lo:hi], in order."""
    out = []
    k = lo - 1
    try:
        while True:
            k = items.index(item, k + 1, hi)
            out.append(k)
    except ValueError:
        return out


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


def _rows(table: str, rule_always: str, rule_spun: str) -> list[Entry]:
    out: list[Entry] = []
    for row in load_tsv(table):
        spun = row.get("spun", "")
        original = row.get("original", "")
        if not spun or not original:
            continue
        always = row.get("tier", "always") == "always"
        pre, suf, core = _context(spun, original)
        guard = row.get("guard", "")
        out.append(
            Entry(
                spun=spun,
                original=original,
                rule=rule_always if always else rule_spun,
                always=always,
                guard=re.compile(guard) if guard else None,
                guard_behind="(?<" in guard,
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
def matcher() -> Matcher:
    """Load both tables once.  The spin table comes first: on the same key
    its (news-specific) entry is tried before a tortured-phrase entry."""
    # Some 50,000 objects that live as long as the process: the cyclic
    # garbage collector would only walk them over and over meanwhile
    # (a third of the load time).
    with gcpause.paused():
        entries = _rows(SPIN_TABLE, "spin_phrase", "spin_word")
        entries += _rows(TORTURED_TABLE, "tortured_phrase", "tortured_phrase")
        return Matcher(entries)
