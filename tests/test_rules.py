"""The registry: every rule's examples, every vocabulary's examples in both engines,
and the places that must agree with the registry (Config, the kernel, the README).

A rule is declared once (src/cleantext/rules/registry.py); these tests read
its examples from there, so a rule added with examples is tested at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import cleantext
from cleantext import _native
from cleantext.config import Config
from cleantext.kernel import kernel, vocabularies
from cleantext.model import Result
from cleantext.rules import registry
from cleantext.rules.model import Example, Rule, Vocabulary

REPO = Path(__file__).resolve().parent.parent
NO_SPIN = {"spin_phrase": False, "spin_word": False, "tortured_phrase": False}


def document(rule: Rule, ex: Example) -> str:
    return ex.doc if ex.doc is not None else registry.article(ex.line)


def run(rule: Rule, ex: Example, **switches: bool) -> Result:
    options = {} if rule.stage == "spin" else NO_SPIN
    return cleantext.clean_and_explain(document(rule, ex), **{**options, **switches})


def acted_on(result: Result, rule: str, line: str) -> bool:
    """Whether `rule` dropped the line or changed the segment that held it."""
    originals = {s.index: s.text for s in result.segments}
    return any(a.rule == rule and (a.before == line or originals[a.segment] == line) for a in result.actions)


def cases(kind: str) -> list[object]:
    return [pytest.param(r, ex, id=f"{r.id}:{ex.line[:30]}") for r in registry.RULES for ex in getattr(r, kind)]


@pytest.mark.parametrize("rule,ex", cases("triggers"))
def test_rule_triggers(rule: Rule, ex: Example) -> None:
    assert acted_on(run(rule, ex), rule.id, ex.line)


@pytest.mark.parametrize("rule,ex", cases("triggers"))
def test_rule_switch_turns_it_off(rule: Rule, ex: Example) -> None:
    result = run(rule, ex, **{rule.id: False})
    assert all(a.rule != rule.id for a in result.actions)


@pytest.mark.parametrize("rule,ex", cases("keeps"))
def test_rule_does_not_fire_on_near_misses(rule: Rule, ex: Example) -> None:
    result = run(rule, ex)
    assert not acted_on(result, rule.id, ex.line)
    if rule.stage in ("pattern", "context"):
        assert ex.line in result.text  # and no other rule takes it either


def test_every_rule_has_examples_both_ways() -> None:
    for r in registry.RULES:
        assert r.triggers and r.keeps, r.id


def test_every_rule_is_a_switch_and_every_switch_a_rule_or_an_option() -> None:
    assert Config.names() == [r.id for r in registry.RULES] + list(registry.OPTIONS)


def test_unknown_ids_fail_loudly() -> None:
    with pytest.raises(registry.UnknownRule, match="unknown rule 'captions'"):
        registry.rule("captions")
    with pytest.raises(TypeError, match="unknown cleantext option"):
        cleantext.clean("x", captions=False)
    with pytest.raises(ValueError, match="runs no rule"):
        _native.Document(kernel(), "x", ["captions"])


def test_the_kernel_runs_the_boilerplate_rules_in_registry_order() -> None:
    assert kernel().rules == [r.id for r in registry.boilerplate()]


def _spec(**change: object) -> dict[str, Any]:
    from cleantext.kernel import spec

    s = spec()
    rules = s["rules"]
    if "vocab" in change:
        rules[1]["clauses"][0]["vocab"] = change["vocab"]
    if "param" in change:
        rules[-1]["params"].append((change["param"], 1.0))
    if "drop_rule" in change:
        s["rules"] = [r for r in rules if r["id"] != change["drop_rule"]]
    return s


@pytest.mark.parametrize("change,message", [
    ({"vocab": "no_such_vocabulary"}, "unknown vocabulary no_such_vocabulary"),
    ({"param": "no_such_param"}, "reads no parameter outside_main_text.no_such_param"),
    ({"drop_rule": "caption"}, "has no rule caption"),
])
def test_the_kernel_refuses_a_spec_it_does_not_understand(change: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _native.Kernel(**_spec(**change))


def test_readme_rule_table_is_the_registry() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert registry.markdown_table() in readme, "regenerate it: cleantext rules --format markdown"


# ---------------------------------------------------------------- vocabularies

VOCABS = vocabularies()


@pytest.mark.parametrize("v", VOCABS, ids=[v.id for v in VOCABS])
def test_vocabulary_examples_in_both_engines(v: Vocabulary) -> None:
    k = kernel()
    assert v.examples, f"{v.id} has no examples"
    for line in v.examples:
        assert v.find(line), f"Python: {v.id} misses {line!r}"
        assert k.vocabulary_matches(v.id, line), f"Rust: {v.id} misses {line!r}"
    for line in v.near_misses:
        assert not v.find(line), f"Python: {v.id} matches near miss {line!r}"
        assert not k.vocabulary_matches(v.id, line), f"Rust: {v.id} matches near miss {line!r}"


def _corpus_lines() -> list[str]:
    lines: set[str] = set()
    for f in sorted((REPO / "tests" / "fixtures").glob("*.txt")):
        lines.update(ln.strip() for ln in f.read_text(encoding="utf-8").split("\n") if ln.strip())
    return sorted(lines)


@pytest.mark.parametrize("v", VOCABS, ids=[v.id for v in VOCABS])
def test_both_engines_agree_on_every_fixture_line(v: Vocabulary) -> None:
    k = kernel()
    for line in _corpus_lines():
        assert bool(v.find(line)) == k.vocabulary_matches(v.id, line), (v.id, line)


def test_an_unportable_pattern_is_refused_when_declared() -> None:
    for bad in (r"(?<=a)b", r"a(?!b)", r"(a)\1", r"a++", r"a\Z"):
        with pytest.raises(ValueError, match="shared regex dialect"):
            Vocabulary("bad", bad)
