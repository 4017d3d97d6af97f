"""Repair mojibake and broken Unicode with ftfy, one segment at a time.

This is the only module that imports ftfy.  Following datatrove's choice,
typography is left alone by default ("fixing unreadable text is good,
enforcing a formatting isn't"): curly quotes, ligatures, full-width
characters and Unicode normalisation form are kept unless asked for.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import ftfy
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from ftfy.chardata import CONTROL_CHARS, HTML_ENTITY_RE

# ftfy (with our config) changes a line only for HTML entities ('&'), control
# characters, line separators, surrogates and mojibake; its mojibake step
# starts with `ftfy.badness.is_bad`, every pattern of which needs a character
# outside ftfy's own "common" and punctuation categories (curly quotes,
# dashes, ellipsis, bullets, (c)).  Lines made of printable ASCII and those
# characters are skipped: most English lines, at memory speed.
# tests/test_fast_paths.py checks this against ftfy itself.
HARMLESS = "".join(MOJIBAKE_CATEGORIES[k] for k in ("common", "start_punctuation", "end_punctuation"))


# Characters that ftfy (with our config) may act on wherever they appear: the
# controls it removes (terminal escapes among them), C1 controls, line breaks.
# Besides those, ftfy changes a line only where it unescapes an HTML entity
# (ENTITY, ftfy's own pattern) or where its own `is_bad` finds mojibake.
ALWAYS = "".join(map(chr, CONTROL_CHARS)) + "".join(map(chr, range(0x80, 0xA0))) + "\r\u2028\u2029"
ENTITY = HTML_ENTITY_RE.pattern


def _unverbose(pattern: str) -> str:
    """A re.VERBOSE pattern without its layout: white space and `#` comments
    outside character classes are dropped (the shared dialect has no verbose mode)."""
    out, in_class, escaped, comment = [], False, False, False
    for c in pattern:
        if comment:
            comment = c != "\n"
        elif escaped:
            out.append(c)
            escaped = False
        elif c == "\\":
            out.append(c)
            escaped = True
        elif in_class:
            out.append(c)
            in_class = c != "]"
        elif c == "[":
            out.append(c)
            in_class = True
        elif c == "#":
            comment = True
        elif not c.isspace():
            out.append(c)
    return "".join(out)


#: ftfy's test for mojibake (`ftfy.badness.is_bad`) as a plain pattern, which
#: the kernel runs on the lines that hold a character outside ASCII and HARMLESS.
BADNESS = _unverbose(BADNESS_RE.pattern)
assert BADNESS_RE.flags & re.VERBOSE and not BADNESS_RE.flags & re.IGNORECASE


def suspect_chars(*, uncurl_quotes: bool = False, also: str = "") -> re.Pattern[str]:
    """A pattern finding any character ftfy could act on, or one of `also`.

    Everything but tab, printable ASCII other than '&' and, unless quotes are
    to be uncurled, ftfy's harmless typography.  (The stdlib re scans a
    character class several times faster than regex.)
    """
    ascii_ok = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) not in "&" + also)
    return re.compile("[^\t%s]" % re.escape(ascii_ok + ("" if uncurl_quotes else HARMLESS)))


_MAY_NEED_FIX = suspect_chars()
_MAY_NEED_FIX_UNCURL = suspect_chars(uncurl_quotes=True)


@dataclass(frozen=True)
class Fix:
    """One changed span of a segment: offsets into the original text."""

    start: int
    end: int
    before: str
    after: str
    steps: str


def _config(uncurl_quotes: bool) -> ftfy.TextFixerConfig:
    return ftfy.TextFixerConfig(
        uncurl_quotes=uncurl_quotes,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization=None,
        explain=True,
    )


def may_need_fix(text: str, *, uncurl_quotes: bool = False) -> bool:
    """False when ftfy cannot change `text` (a cheap character scan)."""
    return (_MAY_NEED_FIX_UNCURL if uncurl_quotes else _MAY_NEED_FIX).search(text) is not None


def fix_segment(text: str, *, uncurl_quotes: bool = False) -> Fix | None:
    """Return the smallest changed span ftfy finds in `text`, or None."""
    if not may_need_fix(text, uncurl_quotes=uncurl_quotes):
        return None
    fixed, explanation = ftfy.fix_and_explain(text, config=_config(uncurl_quotes))
    if fixed == text:
        return None
    # Trim the common prefix and suffix so the action shows only what changed.
    p = 0
    limit = min(len(text), len(fixed))
    while p < limit and text[p] == fixed[p]:
        p += 1
    s = 0
    while s < limit - p and text[-1 - s] == fixed[-1 - s]:
        s += 1
    # Widen to whole words so the explain report reads "doesnâ€™t -> doesn’t".
    while p > 0 and not text[p - 1].isspace():
        p -= 1
    while s > 0 and not text[len(text) - s].isspace():
        s -= 1
    steps = ", ".join(step[1] for step in (explanation or []))
    return Fix(p, len(text) - s, text[p : len(text) - s], fixed[p : len(fixed) - s], steps)


# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode a file's bytes as UTF-8; undecodable lines fall back to Windows-1252.

    Returns the text and a warning (None when the bytes were valid UTF-8).
    Mixed files (UTF-8 with a few Windows-1252 lines) are common in scraped
    corpora, so the fallback is per line rather than for the whole file.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

    lines = data.split(b"\n")
    bad = 0
    out = []
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            bad += 1
            out.append(line.decode("sloppy-windows-1252"))
    text = "\n".join(out)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, f"{bad} line(s) were not valid UTF-8 and were decoded as Windows-1252"


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text (NULs or many control bytes at the start).

    UTF-16 and UTF-32 text is full of NULs, so a byte-order mark makes it text.
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    head = data[:8192]
    if not head:
        return False
    if head.count(0) > max(1, len(head) // 100):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) // 10
