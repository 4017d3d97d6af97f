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
from itertools import accumulate, repeat

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

    Written as whole-list passes (comprehensions, map, accumulate) rather
    than one Python loop body per line: a page of a million tiny lines
    spends its time here otherwise.
    """
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    keep = [k for k, s in enumerate(stripped) if s]
    if not keep:
        return []
    # Offset of line k: the lengths of the lines before it plus their newlines,
    # plus the white space a stripped line lost at its start (a stripped line
    # that is the line itself lost none).
    ends_before = [0, *accumulate(map(len, lines))]
    starts = [
        ends_before[k] + k + (0 if stripped[k] is lines[k] else len(lines[k]) - len(lines[k].lstrip()))
        for k in keep
    ]
    texts = [stripped[k] for k in keep]
    ends = list(map(operator.add, starts, map(len, texts)))
    linenos = [k + 1 for k in keep]
    # A blank line before a segment: its line is not the one right after the
    # previous segment's (never before the first segment).
    blank = [False, *map(operator.lt, linenos, keep[1:])]
    fields = zip(range(len(keep)), linenos, starts, ends, texts, blank, strict=True)
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
    texts = [s.text for s in segments]
    for act in actions:
        if act.op == "replace":
            texts[act.segment] = apply_replacements(texts[act.segment], (act,))
    return texts


def join(segments: Sequence[Segment], actions: Iterable[Action]) -> str:
    """Rebuild the output text: apply replacements, skip dropped segments.

    Kept segments are separated by a blank line where the input had one
    between them (or before a dropped segment between them), else by a
    single newline.
    """
    actions = list(actions)
    dropped = {a.segment for a in actions if a.op == "drop"}
    texts = current_texts(segments, actions)
    kept = [i for i, text in enumerate(texts) if i not in dropped and text.strip()]
    # Lines are joined by "\n"; one that opens a paragraph gets another "\n".
    return "\n".join(
        ["\n" + texts[i] if para else texts[i] for i, para in zip(kept, paragraph_breaks(segments, kept), strict=True)]
    )


_BLANK_BEFORE = operator.attrgetter("blank_before")


def paragraph_breaks(segments: Sequence[Segment], kept: Sequence[int]) -> list[bool]:
    """For each kept segment (indices in order), whether a blank line precedes it in
    the joined text: one does where the input had a blank line anywhere since the
    previous kept segment.  `join` and the pipeline's re-classification share this,
    so a second clean sees exactly the paragraphs the first one wrote."""
    if not kept:
        return []
    # blanks_upto[i]: blank lines before segments 0..i.  A kept segment follows
    # a blank line when that count grew since the previous kept one.  Written
    # with map() so that no Python code runs per line.
    blanks_upto = list(accumulate(map(_BLANK_BEFORE, segments)))
    at_kept = list(map(blanks_upto.__getitem__, kept))
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
