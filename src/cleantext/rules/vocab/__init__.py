"""Boilerplate vocabularies, one module per concept.

Each is a `Vocabulary`: a pattern in the regex dialect shared by the Rust
kernel and Python, with lines it must match and near misses it must not
(tests/test_vocabularies.py runs both engines on them).  Spinner variants of
the same furniture ("Learn extra from" for "Read more from", "Faucet right
here" for "Tap here") are listed beside the originals: spun pages are a kind
of input, not a site.
"""

from __future__ import annotations

from ..model import Vocabulary


def whole_line(id: str, *fragments: str, examples: tuple[str, ...] = (),
               near_misses: tuple[str, ...] = ()) -> Vocabulary:
    """A case-insensitive vocabulary of whole lines: any fragment, then trailing
    punctuation ("Share:", "Read more >").  An empty fragment would match every
    line, so it is refused."""
    if not fragments or any(not f.strip() for f in fragments):
        raise ValueError(f"vocabulary {id}: needs at least one non-empty fragment")
    return Vocabulary(id, r"(?i)(?:%s)[\s:.!|>»›→-]*" % "|".join(fragments), "fullmatch",
                      examples, near_misses)
