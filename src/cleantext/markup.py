"""HTML left in scraped text: which spans of a line to remove, and with what.

Scrapers leave tags inside lines (`<span class="copyright">...</span>`), and
users sometimes pass a whole HTML page.  A line's tags are removed; the
content of `<script>`, `<style>` and comments goes with them; a run of tags
that holds a block-level tag between two words becomes one space, so that
`</p><p>` does not glue two paragraphs together.  Real extraction from HTML
is another tool's job (an HTML extractor such as trafilatura does it better):
`looks_like_html` lets callers say so.
"""

from __future__ import annotations

import regex

# Bounded repetitions keep every search linear on a pathological line.
_TAG = regex.compile(
    r"<(?P<hidden>script|style|noscript|template)\b[^>]{0,300}>.{0,100000}?</(?P=hidden)\s*>"
    r"|<!--.{0,100000}?-->|<![A-Za-z][^<>]{0,300}>|<\?[A-Za-z][^<>]{0,300}\?>"
    r"|</?(?P<name>[A-Za-z][\w:-]{0,30})(?:\s[^<>]{0,300})?/?>",
    regex.IGNORECASE | regex.DOTALL,
)
# Every run `_TAG` finds starts like this: the kernel sends a line to the tag
# repair only if it holds one (a "<" in "x < y" does not).
TAG_START = r"<[A-Za-z/!?]"
_BLOCK = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th title tr ul head body html".split()
)
_HTML_START = regex.compile(r"\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", regex.IGNORECASE)


def tag_spans(text: str) -> list[tuple[int, int, str]]:
    """Runs of tags in a line as (start, end, replacement), left to right.

    >>> tag_spans("The <b>final</b> vote")
    [(4, 7, ''), (12, 16, '')]
    >>> tag_spans("<p>One.</p><p>Two.</p>")
    [(0, 3, ''), (7, 14, ' '), (18, 22, '')]
    """
    if "<" not in text:
        return []
    runs: list[tuple[int, int, str]] = []
    for m in _TAG.finditer(text):
        name = (m.group("name") or "").lower()
        block = bool(m.group("hidden")) or name in _BLOCK
        if runs and runs[-1][1] == m.start():
            start, _, kind = runs[-1]
            runs[-1] = (start, m.end(), "block" if block or kind == "block" else "")
        else:
            runs.append((m.start(), m.end(), "block" if block else ""))
    out = []
    for start, end, kind in runs:
        between_words = 0 < start and end < len(text) and not text[start - 1].isspace() and not text[end].isspace()
        out.append((start, end, " " if kind == "block" and between_words else ""))
    return out


def only_markup(text: str, spans: list[tuple[int, int, str]]) -> bool:
    """True when nothing but tags (and white space) is left on the line."""
    pos = 0
    for start, end, _ in spans:
        if text[pos:start].strip():
            return False
        pos = end
    return not text[pos:].strip()


def looks_like_html(text: str) -> bool:
    """True for a whole HTML document rather than scraped text.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("The <b>final</b> vote")
    False
    """
    return bool(_HTML_START.match(text[:1000]))
