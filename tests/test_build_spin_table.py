"""Rules of scripts/build_spin_table.py that widen the spin table."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent


def _build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_spin_table", REPO / "scripts" / "build_spin_table.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_spin_table"] = mod
    spec.loader.exec_module(mod)
    return mod


B = _build()
NONE: frozenset[str] = frozenset()


def test_verb_past_gives_ing_form_and_irregulars_are_listed() -> None:
    got = {(s, o) for s, o, _ in B.inflections("informed", "told", NONE)}
    assert ("informing", "telling") in got
    got = {(s, o) for s, o, _ in B.inflections("taking pictures", "shooting", NONE)}
    assert ("took pictures", "shot") in got


def test_verb_base_only_when_verb_shaped_and_not_seen_as_noun() -> None:
    # "states" / "state" are nouns too: never derived from "stated" -> "said"
    got = {s for s, _, _ in B.inflections("stated", "said", NONE)}
    assert "states" not in got and "state" not in got and "stating" in got
    got = {s for s, _, _ in B.inflections("modernized", "updated", NONE)}
    assert {"modernize", "modernizes"} <= got
    got = {s for s, _, _ in B.inflections("modernized", "updated", frozenset({"modernize"}))}
    assert "modernize" not in got


def test_past_not_derived_where_irregular_past_and_participle_differ() -> None:
    # "talking" -> "speaking" must not give "talked" -> "spoke" ("has talked")
    assert "talked" not in {s for s, _, _ in B.inflections("talking", "speaking", NONE)}


def test_nouns_get_plural_and_singular_but_not_adjectives_or_function_words() -> None:
    assert ("invoices", "bills", "plural") in B.inflections("invoice", "bill", NONE)
    assert ("expense", "charge", "singular") in B.inflections("expenses", "charges", NONE)
    assert B.inflections("final", "last", NONE) == []  # "finals" is another word
    assert B.inflections("extra", "more", NONE) == []


def test_rewrite_support_keeps_case_and_backs_substitutions_inside_rewrites() -> None:
    pairs = [
        B.Pair(
            "Officials couldn't instantly present details, he stated.",
            "Officials could not immediately provide information, he said.",
        ),
        B.Pair("The Home Speaker spoke.", "The House Speaker spoke."),
    ]
    B.build_units(pairs, {})
    support = B.rewrite_support(pairs)
    assert any(" immediately " in o for o in support[B.case_key("instantly")])
    assert B.case_key("Home") in support and B.case_key("home") not in support
    assert not any(" ready " in o for o in support[B.case_key("instantly")])


def test_generated_table_has_derived_rows_with_provenance() -> None:
    from cleantext import tables
    from cleantext.spin.table import SPIN_TABLE

    rows = [r for r in tables.load_tsv(SPIN_TABLE) if r["source"].startswith("derived:")]
    assert rows
    assert all(r["tier"] == "spun_only" and " from " in r["source"] and "->" in r["source"] for r in rows)
