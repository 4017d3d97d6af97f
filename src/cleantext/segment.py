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
from itertools import accumulate

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
    """Split newline-normalised `text` into non-blank line segments."""
    segments: list[Segment] = []
    append = segments.append
    make = tuple.__new__  # Segment(...) without its Python-level __new__: one call per line
    pos = 0
    blank = False
    for lineno, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            # strip() hands back the line itself when there is nothing to trim
            start = pos if stripped is raw else pos + len(raw) - len(raw.lstrip())
            fields = (len(segments), lineno, start, start + len(stripped), stripped, blank and bool(segments))
            append(make(Segment, fields))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return segments


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
