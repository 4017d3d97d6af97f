"""Golden tests: the five seed articles, line by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleantext

FIXTURES = Path(__file__).parent / "fixtures"
IDS = ["000", "001", "002", "003", "004"]
NO_SPIN = {"spin_phrase": False, "spin_word": False, "tortured_phrase": False}


def _input(n: str) -> str:
    return (FIXTURES / f"{n}.input.txt").read_text(encoding="utf-8")


def _expected_removals(n: str) -> dict[int, str]:
    rows = (FIXTURES / f"{n}.removed.tsv").read_text(encoding="utf-8").splitlines()
    return {int(r.split("\t")[0]): r.split("\t")[1] for r in rows if r and not r.startswith("#")}


@pytest.mark.parametrize("n", IDS)
def test_removed_lines_and_rules(n: str) -> None:
    result = cleantext.clean_and_explain(_input(n), **NO_SPIN)
    assert {a.line: a.rule for a in result.dropped} == _expected_removals(n)


@pytest.mark.parametrize("n", IDS)
def test_every_other_line_is_kept(n: str) -> None:
    text = _input(n)
    removed = _expected_removals(n)
    out = cleantext.clean(text, **NO_SPIN)
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip() and lineno not in removed:
            assert line.strip() in out, f"line {lineno} lost"


@pytest.mark.parametrize("n", ["000", "001", "002", "003"])
def test_clean_text_golden(n: str) -> None:
    assert cleantext.clean(_input(n)) + "\n" == (FIXTURES / f"{n}.expected.txt").read_text(encoding="utf-8")


def test_spun_fixture_golden_without_repair() -> None:
    expected = (FIXTURES / "004.expected-nospin.txt").read_text(encoding="utf-8")
    assert cleantext.clean(_input("004"), **NO_SPIN) + "\n" == expected


@pytest.mark.parametrize("n", IDS)
def test_metadata(n: str) -> None:
    meta = cleantext.clean_and_explain(_input(n), **NO_SPIN).metadata
    expected = json.loads((FIXTURES / f"{n}.expected.json").read_text(encoding="utf-8"))
    appended = expected.pop("appended_article", None)
    for key, value in expected.items():
        assert meta[key] == value, key
    if appended:
        assert {k: meta["appended_article"][k] for k in appended} == appended
        assert meta["appended_article"]["text"].startswith("KYIV, Ukraine (AP) —")
    else:
        assert meta["appended_article"] is None


@pytest.mark.parametrize("n", IDS)
def test_log_replays_to_output(n: str) -> None:
    result = cleantext.clean_and_explain(_input(n))
    assert result.replay() == result.text == cleantext.clean(_input(n))


def _word_edits(a: str, b: str) -> int:
    """Words inserted, deleted or replaced between two texts."""
    import difflib

    aw, bw = a.split(), b.split()
    ops = difflib.SequenceMatcher(a=aw, b=bw, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")


def test_spun_fixture_repaired_to_original_wording() -> None:
    spun = (FIXTURES / "004.expected-nospin.txt").read_text(encoding="utf-8")
    original = (FIXTURES / "004.expected.txt").read_text(encoding="utf-8")
    repaired = cleantext.clean(_input("004")) + "\n"
    before, after = _word_edits(spun, original), _word_edits(repaired, original)
    assert before > 150  # the fixture really is spun
    assert 1 - after / before >= 0.95, f"{after} of {before} word edits left"


@pytest.mark.parametrize("n", ["000", "001", "002", "003"])
def test_clean_fixtures_have_no_spin_repairs(n: str) -> None:
    result = cleantext.clean_and_explain(_input(n))
    assert not [a for a in result.actions if a.stage == "spin"]
    assert result.metadata["spin"]["is_spun"] is False
