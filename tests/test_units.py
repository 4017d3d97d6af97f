"""Unit tests for segmentation, replay, charfix and metadata."""

from __future__ import annotations

import pytest

import cleantext
from cleantext import charfix, metadata, replay
from cleantext.model import Action, Segment


def split(text: str) -> tuple[Segment, ...]:
    """The kernel's segments of `text` (every rule off: nothing is dropped)."""
    off = {name: False for name in cleantext.Config.names()}
    return cleantext.clean_and_explain(text, **off).segments


def test_split_keeps_offsets_and_paragraph_breaks() -> None:
    text = "Title\n\n  First para.  \nSecond line.\n\n\nThird."
    segs = split(text)
    assert [s.text for s in segs] == ["Title", "First para.", "Second line.", "Third."]
    assert [s.blank_before for s in segs] == [False, True, False, True]
    assert [s.line for s in segs] == [1, 3, 4, 7]
    assert all(text[s.start : s.end] == s.text for s in segs)


def test_join_restores_breaks_and_skips_drops() -> None:
    segs = split("A\n\nB\nC\n\nD")
    drop_b = Action("x", "drop", 1, 3, "B")
    assert replay.join(segs, []) == "A\n\nB\nC\n\nD"
    # The blank line before a dropped segment separates its neighbours.
    assert replay.join(segs, [drop_b]) == "A\n\nC\n\nD"
    fix = Action("y", "replace", 3, 6, "D", "E", 0, 1)
    assert replay.join(segs, [fix]) == "A\n\nB\nC\n\nE"


def test_replay_refuses_a_stale_action() -> None:
    segs = split("abc")
    with pytest.raises(ValueError):
        replay.join(segs, [Action("y", "replace", 0, 1, "zz", "q", 0, 2)])


@pytest.mark.parametrize("raw", ["a\r\nb", "a\rb", "a\u2028b", "a\x0cb"])
def test_newlines_normalised(raw: str) -> None:
    assert [(s.line, s.text) for s in split(raw)] == [(1, "a"), (2, "b")]


def test_charfix_skips_clean_text_and_fixes_mojibake() -> None:
    assert charfix.fix_segment("plain ascii text") is None
    assert charfix.fix_segment("“curly” — kept") is None
    fix = charfix.fix_segment("cafÃ© au lait")
    assert fix is not None and (fix.before, fix.after) == ("cafÃ©", "café")


def test_decode_bytes_falls_back_per_line() -> None:
    text, warning = charfix.decode_bytes("naïve\n".encode() + "café".encode("cp1252"))
    assert text == "naïve\ncafé"
    assert warning is not None and "1 line" in warning
    assert charfix.decode_bytes(b"ok") == ("ok", None)


def test_binary_detection() -> None:
    assert charfix.looks_binary(b"\x00\x01\x02" * 100)
    assert not charfix.looks_binary("Plain text, with ünïcode.\n".encode())


@pytest.mark.parametrize(
    "line,iso",
    [
        ("2 April 2024, 15:34", "2024-04-02T15:34"),
        ("2024-04-02 21:41 Last Updated At:21:51", "2024-04-02T21:41"),
        ("Published: Nov. 19, 2019", "2019-11-19"),
        ("March 3rd, 2021 at 9.05", "2021-03-03T09:05"),
        ("no date here", None),
        ("2024-13-45", None),
    ],
)
def test_iso_date(line: str, iso: str | None) -> None:
    assert metadata.iso_date(line) == iso


def test_sentences_use_shipped_abbreviations() -> None:
    assert cleantext.sentences("Sen. Warren spoke in Washington on Monday. Dr. Lee did not.") == [
        "Sen. Warren spoke in Washington on Monday.",
        "Dr. Lee did not.",
    ]


def test_short_text_with_one_nul_is_not_binary() -> None:
    assert not charfix.looks_binary(b"The council met.\x00 It voted.")
    assert charfix.looks_binary(b"\x00\x00\x00 x")
