"""Split text into line segments and join the kept ones back together.

A segment is one non-blank line with its surrounding whitespace trimmed.
Blank lines are not segments; each segment remembers whether a blank line
preceded it, so `join` can restore paragraph breaks.  Both directions are
linear in the size of the text.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate, chain, compress, repeat

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .model import Action, Segment
from .tables import load_words

# One regex pass: str.translate with a dict runs at ~10 MB/s, a search that
# finds nothing at hundreds of MB/s.
_NEWLINES = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def normalise_newlines(text: str) -> str:
    """Turn CRLF, CR, form feeds and Unicode line separators into `\\n`."""
    return _NEWLINES.sub("\n", text)


def split(text: str) -> list[Segment]:
    """Split newline-normalised `text` into non-blank line segments.

    Written as whole-list passes (map, filter, compress, accumulate) rather
    than one Python loop body per line: a page of a million tiny lines
    spends its time here otherwise.  Each pass makes at most one new int per
    line (ints above 256 are objects): they are what the passes cost.
    """
    lines = text.split("\n")
    stripped = list(map(str.strip, lines))
    texts = list(filter(None, stripped))
    if not texts:
        return []
    # Line k starts after the lines before it and their newlines...
    offsets = list(accumulate(map(operator.add, map(len, lines), repeat(1)), initial=0))
    # ...plus, for the few lines with white space to strip, what lstrip()
    # removes (strip() returns the line itself when there is none).
    for k in compress(range(len(lines)), map(operator.is_not, stripped, lines)):
        offsets[k] += len(lines[k]) - len(lines[k].lstrip())
    starts = list(compress(offsets, stripped))
    ends = list(map(operator.add, starts, map(len, texts)))
    linenos = list(compress(range(1, len(lines) + 1), stripped))
    # A blank line before a segment: the line above it is blank (never
    # before the first segment).
    blank = list(compress(map(operator.not_, chain(("",), stripped)), stripped))
    blank[0] = False
    fields = zip(range(len(texts)), linenos, starts, ends, texts, blank, strict=True)
    return list(map(tuple.__new__, repeat(Segment), fields))


def apply_replacements(text: str, actions: Iterable[Action]) -> str:
    """Apply a segment's replace actions in order (offsets refer to the text so far)."""
    for act in actions:
        if text[act.start : act.end] != act.before:
            raise ValueError(f"action {act.rule} does not match segment {act.segment} at {act.start}")
        text = text[: act.start] + act.after + text[act.end :]
    return text


def current_texts(segments: Sequence[Segment], actions: Iterable[Action]) -> list[str]:
    """Each segment's text after its replace actions (drops ignored)."""
    texts = list(map(_TEXT, segments))
    for act in actions:
        if act.op == "replace":
            texts[act.segment] = apply_replacements(texts[act.segment], (act,))
    return texts


def join(segments: Sequence[Segment], actions: Iterable[Action],
         blanks: Sequence[int] | None = None) -> str:
    """Rebuild the output text: apply replacements, skip dropped segments.

    Kept segments are separated by a blank line where the input had one
    between them (or before a dropped segment between them), else by a
    single newline.  `blanks` is `blank_counts(segments)`, when the caller
    has it already.
    """
    actions = list(actions)
    texts = current_texts(segments, actions)
    for act in actions:
        if act.op == "drop" and 0 <= act.segment < len(texts):  # another index drops nothing
            texts[act.segment] = ""
    # Kept: not dropped and not left blank by the replacements.
    kept = list(compress(range(len(texts)), map(str.strip, texts)))
    lines = list(map(texts.__getitem__, kept))
    # Lines are joined by "\n"; one that opens a paragraph gets another "\n".
    for k in compress(range(len(kept)), paragraph_breaks(segments, kept, blanks)):
        lines[k] = "\n" + lines[k]
    return "\n".join(lines)


_TEXT = operator.attrgetter("text")
_BLANK_BEFORE = operator.attrgetter("blank_before")


def blank_counts(segments: Sequence[Segment]) -> list[int]:
    """For each segment, the number of blank lines before it (and it) in the input:
    what `paragraph_breaks` needs, for callers that ask it more than once."""
    return list(accumulate(map(_BLANK_BEFORE, segments)))


def paragraph_breaks(segments: Sequence[Segment], kept: Sequence[int],
                     blanks: Sequence[int] | None = None) -> list[bool]:
    """For each kept segment (indices in order), whether a blank line precedes it in
    the joined text: one does where the input had a blank line anywhere since the
    previous kept segment.  `join` and the pipeline's re-classification share this,
    so a second clean sees exactly the paragraphs the first one wrote.

    `blanks` is `blank_counts(segments)`, when the caller has it already."""
    if not kept:
        return []
    # blanks[i]: blank lines before segments 0..i.  A kept segment follows a
    # blank line when that count grew since the previous kept one.  Written
    # with map() so that no Python code runs per line.
    if blanks is None:
        blanks = blank_counts(segments)
    if not blanks[-1]:  # no blank line at all (a page of one-line paragraphs)
        return [False] * len(kept)
    at_kept = list(map(blanks.__getitem__, kept))
    return [False, *map(operator.lt, at_kept, at_kept[1:])]


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    # Punkt with shipped parameters: nothing is downloaded (no nltk.download).
    params = PunktParameters()
    params.abbrev_types = set(load_words("abbreviations.txt"))
    return PunktSentenceTokenizer(params)


def sentences(text: str) -> list[str]:
    """Split one paragraph into sentences (nltk Punkt, abbreviations shipped).

    >>> sentences("Mr. Putin met Gov. Smith in the U.S. on Tuesday. He said no.")
    ['Mr. Putin met Gov. Smith in the U.S. on Tuesday.', 'He said no.']
    """
    return [text[a:b] for a, b in _punkt().span_tokenize(text)]
