"""Which lines get a line repair: ftfy's gate in Python and the kernel's scan.

`charfix.may_need_fix` skips ftfy on lines it cannot change; the kernel
(`Document.may_need_repair`) names the lines the repairs look at: those with
a tag's `<`, an entity's `&` or a control character, and those ftfy's own
mojibake test (`is_bad`, run in the kernel) finds mojibake in.  A line either
clears must be one the repairs leave alone.
"""

from __future__ import annotations

import itertools
import re

import ftfy
import pytest
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from hypothesis import given
from hypothesis import strategies as st

from cleantext import charfix, markup
from cleantext.kernel import kernel

HARMLESS_ALPHABET = list(charfix.HARMLESS) + list("aZ .1,!?\"'")
_SUSPECTS = ["é", "Ã", "â€", "&amp;", "\x85", "\ufeff", "\u2028", "<b>", "\x07", "\ufffd", "\t"]


def test_no_short_mix_of_harmless_characters_looks_like_mojibake() -> None:
    # Every ftfy mojibake pattern spans at most 3 characters unless it needs a
    # letter outside the harmless set, so this covers them all.
    for n in (1, 2, 3):
        for chars in itertools.product(HARMLESS_ALPHABET, repeat=n):
            assert not is_bad("".join(chars))


@given(st.lists(st.sampled_from(HARMLESS_ALPHABET + _SUSPECTS), max_size=30).map("".join))
def test_a_line_the_gate_clears_is_one_ftfy_leaves_alone(line: str) -> None:
    if not charfix.may_need_fix(line):
        assert ftfy.fix_text(line, uncurl_quotes=False, fix_latin_ligatures=False,
                             fix_character_width=False, normalization=None) == line


@pytest.mark.parametrize("line", ["doesnâ€™t", "cafÃ©", "a &amp; b", "x\u2028y", "\x1b[31mred", "l’Ã©tÃ©"])
def test_the_gate_lets_repairable_lines_through(line: str) -> None:
    assert charfix.may_need_fix(line)


@pytest.mark.parametrize("line", ["He said “yes” — and left…", "plain ASCII, no entities", "• item ‘one’"])
def test_the_gate_clears_typographic_english(line: str) -> None:
    assert not charfix.may_need_fix(line)
    assert charfix.may_need_fix(line, uncurl_quotes=True) == (not line.isascii())


MOJIBAKE_ALPHABET = sorted(set("".join(MOJIBAKE_CATEGORIES.values()))) + list("aZ .1,!?\"'")


def _one_line(line: str) -> str:
    return "".join(" " if c in "\n\r\x0b\x0c\x85\u2028\u2029" else c for c in line).strip()


@given(st.lists(st.sampled_from(HARMLESS_ALPHABET + _SUSPECTS + MOJIBAKE_ALPHABET[:200]), min_size=1, max_size=20)
       .map("".join), st.booleans())
def test_a_line_the_kernel_clears_is_one_no_repair_changes(line: str, uncurl: bool) -> None:
    line = _one_line(line)
    if not line or kernel().may_need_repair(line, uncurl):
        return
    assert charfix.fix_segment(line, uncurl_quotes=uncurl) is None
    assert not markup.tag_spans(line)
    assert not re.search(r"[\x00-\x08\x0e-\x1f\x7f]", line)


@given(st.lists(st.sampled_from(MOJIBAKE_ALPHABET), min_size=1, max_size=8).map("".join))
def test_the_kernel_runs_ftfys_own_mojibake_test(line: str) -> None:
    """On lines with no character that always needs a repair, the kernel names
    exactly the lines ftfy's `is_bad` finds mojibake in."""
    line = _one_line(line)
    if not line or any(c in charfix.ALWAYS for c in line) or all(c.isascii() or c in charfix.HARMLESS for c in line):
        return
    assert kernel().may_need_repair(line, False) == is_bad(line), line


@pytest.mark.parametrize("line", ["doesnâ€™t", "cafÃ©", "a &amp; b", "x\x07y", "<b>bold</b>", "l’Ã©tÃ©"])
def test_the_kernel_names_repairable_lines(line: str) -> None:
    assert kernel().may_need_repair(line, False)


@pytest.mark.parametrize("line", ["He said “yes” — and left…", "Café au lait, s’il vous plaît", "Zürich 2–1 ©"])
def test_the_kernel_clears_lines_ftfy_leaves_alone(line: str) -> None:
    assert not kernel().may_need_repair(line, False)
    assert charfix.fix_segment(line) is None
