"""Spun-text detection and repair (issue #3).

Each tier and guard has an input that triggers it and one that must not.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import random
import re
import sys
from pathlib import Path

import pytest

from cleantext.spin import RULES, Edit, SpinReport, detect, find_repairs
from cleantext.spin.table import SPIN_TABLE, TORTURED_TABLE, table
from cleantext.tables import load_tsv

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SEED004 = SEEDS / "004_755b34d08661c47a.txt"

SPUN = SpinReport(score=1.0, is_spun=True, evidence={"english": True})
NOT_SPUN = SpinReport(score=0.0, is_spun=False, evidence={"english": True})

NORMAL = [
    "The senator stated on Tuesday that the bill would pass, and his aides said the vote was close.",
    "Folks in the town said they were worried, and many people stayed at home after the storm.",
    "Police said the man was carrying an assault rifle and was later charged with assault.",
    "The boys and girls in the school choir sang while parents were taking pictures of the show.",
    "He was sentenced to six years in prison, the court said, and the Royal Navy said it would help.",
    "The council said it would comply with the law within the next two weeks, officials said.",
    "Officials said the report, which was stated to be final, would be published in the spring.",
]


def repair(text: str, report: SpinReport, **kw: object) -> str:
    out, pos = [], 0
    for e in find_repairs(text, report, **kw):  # type: ignore[arg-type]
        out.append(text[pos : e.start] + e.after)
        pos = e.end
    return "".join(out) + text[pos:]


def test_interface() -> None:
    assert RULES == ("spin_phrase", "spin_word", "tortured_phrase")
    rep = detect(["Police said the man was arrested in the city on Monday after the attack."])
    assert dataclasses.is_dataclass(rep) and not rep.is_spun
    d = rep.as_dict()
    assert set(d) == {"score", "is_spun", "evidence"} and "stated_vs_said" in d["evidence"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rep.score = 2.0  # type: ignore[misc]


# --- always tier: spinner phrases ---------------------------------------------------


def test_spin_phrase_repaired_even_when_not_spun() -> None:
    text = "Gunmen attacked a live performance corridor, Sky Information reported."
    edits = find_repairs(text, NOT_SPUN)
    assert [e.rule for e in edits] == ["spin_phrase", "spin_phrase"]
    assert repair(text, NOT_SPUN) == "Gunmen attacked a concert hall, Sky News reported."
    assert all(text[e.start : e.end] == e.before for e in edits)
    assert "concert hall" in edits[0].reason and edits[0].evidence


def test_spin_phrase_not_in_normal_text() -> None:
    text = "The live performance in the corridor was loud; the sky information board was broken."
    assert find_repairs(text, NOT_SPUN) == []


def test_proper_name_entries_are_case_sensitive() -> None:
    assert repair("IS-Okay claimed it.", NOT_SPUN) == "IS-K claimed it."
    assert find_repairs("It is-okay to go.", NOT_SPUN) == []


def test_taking_pictures_noun_use_vs_verb_use() -> None:
    assert repair("Police said the taking pictures happened at night.", NOT_SPUN) == (
        "Police said the shooting happened at night."
    )
    for ok in (
        "She spent the day taking pictures of birds.",
        "They were taking pictures of the taking pictures of birds.",
    ):
        assert find_repairs(ok, SPUN) == []


def test_case_is_preserved() -> None:
    assert repair("LIVE PERFORMANCE CORRIDOR", NOT_SPUN) == "CONCERT HALL"
    assert repair("Mass Taking Pictures In Moscow", NOT_SPUN) == "Mass Shooting In Moscow"
    assert repair("Mass taking pictures in Moscow.", NOT_SPUN) == "Mass shooting in Moscow."
    assert repair("Stated the minister.", SPUN) == "Said the minister."


# --- spun_only tier -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spun_text", "original"),
    [
        ("Police stated the man fled.", "Police said the man fled."),
        ("Many folks were hurt in the assault.", "Many people were hurt in the attack."),
        ("He lived within the city.", "He lived in the city."),
        ("Russia’s navy operations continued.", "Russia’s military operations continued."),
        ("They joined the prison aggression.", "They joined the criminal aggression."),
        ("Comply with Sky Information on WhatsApp", "Follow Sky News on WhatsApp"),
        ("Russian media stated the boys had fled the scene.", "Russian media said the men had fled the scene."),
    ],
)
def test_spun_only_repaired_in_spun_documents(spun_text: str, original: str) -> None:
    assert repair(spun_text, SPUN) == original
    assert "spin_word" in {e.rule for e in find_repairs(spun_text, SPUN)}


def test_spun_only_left_alone_in_normal_documents() -> None:
    text = "Police stated the man fled; folks said the assault was within the city."
    assert find_repairs(text, NOT_SPUN) == []


@pytest.mark.parametrize(
    "guarded",
    [
        "A Kalashnikov assault rifle lies on the ground.",
        "He was charged with sexual assault last year.",
        "He was given a long prison sentence.",
        "He spent ten years in prison.",
        "The Royal navy sent a ship in navy blue.",
        "Parents were taking pictures of the children.",
        "Firms must comply with the law.",
        "The work will be done within the next two weeks.",
        "Police said the boys, aged 12 and 13, were safe.",
        "As previously stated in the report, the stated aim was growth.",
        "My folks live in Ohio.",
    ],
)
def test_guards_block_real_collocations(guarded: str) -> None:
    assert find_repairs(guarded, SPUN) == [], guarded


def test_rules_switch() -> None:
    text = "Police stated the live performance corridor was closed."
    assert {e.rule for e in find_repairs(text, SPUN)} == {"spin_word", "spin_phrase"}
    assert [e.rule for e in find_repairs(text, SPUN, rules=("spin_word",))] == ["spin_word"]
    assert find_repairs(text, SPUN, rules=()) == []


# --- tortured phrases -----------------------------------------------------------------


def test_tortured_phrase_always_on() -> None:
    text = "The paper uses counterfeit consciousness for large information."
    edits = find_repairs(text, NOT_SPUN)
    assert [e.rule for e in edits] == ["tortured_phrase"]
    assert edits[0].after == "artificial intelligence"
    assert find_repairs(text, NOT_SPUN, rules=("spin_phrase",)) == []


def test_tortured_blocklist_keeps_normal_english() -> None:
    assert find_repairs("The team needs a fresh set of ideas.", NOT_SPUN) == []


# --- detection ------------------------------------------------------------------------


def test_normal_text_with_spinner_words_is_never_spun() -> None:
    rep = detect(NORMAL * 3)
    assert not rep.is_spun, rep.evidence
    assert all(find_repairs(t, rep) == [] for t in NORMAL)


def test_stated_alone_is_not_enough() -> None:
    doc = [f"The witness stated that she saw car number {i} near the bank at noon." for i in range(20)]
    rep = detect(doc)
    assert rep.evidence["stated_vs_said"] == [20, 0]
    assert not rep.is_spun


def test_non_english_text_is_never_spun_nor_repaired() -> None:
    doc = [
        "Die Polizei hat am Dienstag mitgeteilt, dass die live performance corridor geschlossen ist.",
        "Sky Information und IS-Okay wurden in dem Bericht stated, stated, stated genannt.",
        "Nach Angaben der Behörden gab es keine Verletzten bei dem Vorfall in der Stadt.",
    ]
    rep = detect(doc)
    assert rep.evidence["english"] is False and not rep.is_spun and rep.score == 0.0
    assert all(find_repairs(t, rep) == [] for t in doc)


def test_edits_sorted_and_non_overlapping() -> None:
    text = "Folks stated within the metropolis that the mass taking pictures was an assault, folks stated."
    edits = find_repairs(text, SPUN)
    assert len(edits) >= 5
    assert all(isinstance(e, Edit) for e in edits)
    assert all(a.end <= b.start for a, b in zip(edits, edits[1:], strict=False))
    assert all(text[e.start : e.end] == e.before and e.rule in RULES for e in edits)


def test_context_entries_leave_context_for_other_repairs() -> None:
    # "within the" and "the corridor" share "the": both must apply.
    assert repair("They gathered within the corridor.", SPUN) == "They gathered in the hall."


# --- seeds ----------------------------------------------------------------------------

needs_seeds = pytest.mark.skipif(not SEED004.exists(), reason="shared/seeds not available")


@needs_seeds
@pytest.mark.parametrize("name", ["000", "001", "002", "003"])
def test_clean_seeds_get_zero_changes(name: str) -> None:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    lines = [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]
    rep = detect(lines)
    assert not rep.is_spun, rep.evidence
    assert [e for ln in lines for e in find_repairs(ln, rep)] == []


@needs_seeds
def test_seed004_detected_and_repaired() -> None:
    lines = SEED004.read_text(encoding="utf-8").split("\n")
    rep = detect(lines)
    assert rep.is_spun and rep.score >= 0.8
    assert {"live performance corridor", "IS-Okay", "Sky Information"} <= set(rep.evidence["phrases"])
    fixed = [repair(ln, rep) for ln in lines]
    assert fixed[0] == (
        "Vladimir Putin has claimed the gunmen behind the Moscow concert hall terror attack attempted "
        "to flee to Ukraine in the aftermath of the mass shooting."
    )
    assert "Follow Sky News on WhatsApp" in fixed
    # the unspun caption inside the seed keeps its wording
    caption = next(i for i, ln in enumerate(lines) if ln.startswith("In this photo taken from video"))
    assert fixed[caption] == lines[caption]
    assert "A Kalashnikov assault rifle lies on the ground" in "\n".join(fixed)


# --- tables ---------------------------------------------------------------------------


def _script(name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_tables_pass_check(tmp_path: Path) -> None:
    check = _script("check_tables")
    assert check.main([]) == 0  # type: ignore[attr-defined]
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "# test\nspun\toriginal\ttier\tguard\tcount\tsource\n"
        "b\tb\talways\t(\t1\tx\nc\ta\tmaybe\t\tz\tx\na\tc\talways\t\t1\tx\n",
        encoding="utf-8",
    )
    words = tmp_path / "stopwords.txt"
    words.write_text("the\nand\nthe\n", encoding="utf-8")
    errors = check.check_file(bad) + check.check_file(words)  # type: ignore[attr-defined]
    text = "\n".join(errors)
    for problem in (
        "identity",
        "guard does not compile",
        "tier",
        "count",
        "not sorted",
        "chained",
        "duplicate",
        "comment",
    ):
        assert problem in text, problem


def test_tables_are_loaded_once() -> None:
    assert table() is table()
    assert len(table().native) == len(table().entries) > 1000


# --- mined pairs and core blocklist (scripts/build_spin_table.py) -------------------


def test_core_blocklist_blocks_natural_synonyms_in_any_context() -> None:
    build = _script("build_spin_table")
    cores = {build.core_of("tried", "attempted"), build.core_of("together with", "including")}  # type: ignore[attr-defined]
    blocked = build.core_blocked  # type: ignore[attr-defined]
    assert build.core_of("to name in", "to call in") == ("name", "call")  # type: ignore[attr-defined]
    assert blocked("McMorris tried", "McMorris attempted", cores)
    assert not blocked("assault tried", "attack attempted", cores)  # more than the synonym changed
    assert blocked("together with girls", "including women", cores, within=True)
    assert not blocked("Trump minimize her", "Trump cut her", cores, within=True)


def test_mined_pairs_are_learned_with_provenance_and_natural_synonyms_stay_out() -> None:
    rows = {r["spun"]: r for r in load_tsv(SPIN_TABLE)}
    mined = [r for r in rows.values() if "mined:http" in r["source"]]
    assert mined, "mined_aligned.jsonl pairs should contribute entries"
    # learned entries are spun_only; curated rows keep their tier and gain support
    assert all(r["tier"] == "spun_only" for r in mined if not r["source"].startswith("curated"))
    for natural in ("tried", "name", "night", "in response", "the federal", "together with his", "keep away from"):
        assert natural not in rows, natural


@pytest.mark.skipif(not (SHARED / "spin" / "aligned.jsonl").exists(), reason="shared/spin not available")
def test_mined_pairs_refuse_reserved_sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = _script("build_spin_table")
    src = tmp_path / "sources"
    src.mkdir()
    (src / "mined_aligned.jsonl").write_text(
        '{"article": "x", "spun_url": "https://madisony.com/a", "original_url": "https://example.org/a",'
        ' "spun": "Police stated.", "original": "Police said.", "topic": "t"}\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(build, "SOURCES", src)
    with pytest.raises(SystemExit):
        build.mined_pairs(SHARED)  # type: ignore[attr-defined]


# --- the kernel's scan: words, repeated lines, long lines, guards ---------------------

_ROWS = [r["spun"] for r in load_tsv(SPIN_TABLE)] + [r["spun"] for r in load_tsv(TORTURED_TABLE)]
_PIECES = (
    "the of and to a in is that said stated within folks people however extra 12 months Royal navy "
    "assault rifle taking pictures Sky Information live performance corridor".split()
)
_ODD = ["İ", "Σ", "ΑΣ", "é", "ß", "ǅ", "\ufb01", "Ⅻ", "٣", "x_", "_", "\U0001f600"]
_SEPS = [" ", " ", "  ", "\t", "\u00a0", ", ", ". ", "-", "’", "'", "“", "”", "(", "_", " — "]


def _random_text(rng: random.Random, pieces: int) -> str:
    out = []
    for _ in range(pieces):
        r = rng.random()
        if r < 0.35:
            k = rng.choice(_ROWS)
            out.append(k.upper() if rng.random() < 0.1 else k.title() if rng.random() < 0.1 else k)
        else:
            out.append(rng.choice(_PIECES) if r < 0.85 else rng.choice(_ODD))
        out.append(rng.choice(_SEPS))
    return "".join(out)


def _words(text: str) -> int:
    """Words as detection counts them: \\w+ tokens that do not end in "_"."""
    return sum(1 for w in re.findall(r"\w+", text) if not w.endswith("_"))


@pytest.mark.parametrize("seed", range(2))
def test_detect_counts_the_words_of_every_line_and_repeat(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        distinct = [_random_text(rng, rng.randint(1, 25)).strip() for _ in range(rng.randint(1, 8))]
        lines = [rng.choice(distinct) for _ in range(rng.randint(1, 15))]
        assert detect(lines).evidence["words"] == sum(_words(line) for line in lines), lines


def test_repeated_lines_count_as_often_as_they_occur() -> None:
    lines = [*NORMAL, "Folks stated within the metropolis that the mass taking pictures was an assault."]
    once, thrice = detect(lines), detect(lines * 3)
    assert thrice.evidence["words"] == 3 * once.evidence["words"]
    assert thrice.evidence["phrases"] == {k: 3 * v for k, v in once.evidence["phrases"].items()}


def test_scattered_words_of_an_entry_are_no_match() -> None:
    # every word of "live performance corridor" is there, but not in a row
    assert find_repairs("A live band, a performance, a corridor.", SPUN) == []


def test_entries_are_found_anywhere_in_a_long_line() -> None:
    text = "Mass" + " " * 200 + "taking pictures" + " " * 300 + "in İstanbul Σ and the live performance corridor"
    text = "The council met. " * 5000 + text
    assert [e.after for e in find_repairs(text, NOT_SPUN)] == ["shooting", "concert hall"]


# --- short texts and generalisation (issue 3) -----------------------------------------


def test_short_text_with_a_spinner_phrase_and_two_spun_forms_is_spun() -> None:
    text = ["The Supreme Court docket additionally ruled on the case earlier than the deadline in the spring."]
    rep = detect(text)
    assert rep.is_spun and rep.evidence["rule"] == "phrase_and_forms", rep.evidence
    assert repair(text[0], rep) == "The Supreme Court also ruled on the case before the deadline in the spring."


@pytest.mark.parametrize(
    "text",
    [
        # the phrase with one spun form only
        "The Supreme Court docket ruled on the case earlier than the deadline in the spring.",
        # two spun forms without a phrase: normal English can show that
        "The court additionally ruled on the case earlier than the deadline in the spring.",
    ],
)
def test_short_text_needs_both_phrase_and_forms(text: str) -> None:
    rep = detect([text])
    assert not rep.is_spun and rep.evidence["rule"] is None, rep.evidence


def test_capitalised_home_is_the_house_in_spun_documents() -> None:
    assert repair("The bill passed the Home on Tuesday and went to the Senate.", SPUN) == (
        "The bill passed the House on Tuesday and went to the Senate."
    )
    for ok in (
        "The Home Office said the bill would pass.",
        "He flew back Home after the vote.",
        "They stayed at home on Tuesday.",
    ):
        assert [e for e in find_repairs(ok, SPUN) if e.before == "Home"] == [], ok
    assert find_repairs("The bill passed the Home on Tuesday.", NOT_SPUN) == []


def test_natural_synonyms_stay_out_of_the_table() -> None:
    rows = {r["spun"].lower() for r in load_tsv(SPIN_TABLE)}
    for natural in ("these", "ground", "of america"):
        assert natural not in rows, natural


def test_a_long_page_needs_the_score_not_one_phrase_and_a_few_forms() -> None:
    # A real page shows one phrase-like string ("Fb" in a share bar) and a
    # handful of spun_only forms spread over many words: not spun.
    filler = "The committee met on Monday to discuss the budget for the coming year. " * 60
    text = ["Share on Fb", filler, "They additionally agreed to meet earlier than planned."]
    rep = detect(text)
    assert rep.evidence["phrases"] and not rep.is_spun, rep.evidence


@pytest.mark.parametrize("line, repaired", [("Share it on Fb today.", "Share it on Facebook today."),
                                            ("Share it on FB today.", "Share it on FB today.")])
def test_short_capitalised_entries_match_only_their_own_spelling(line: str, repaired: str) -> None:
    assert repair(line, NOT_SPUN) == repaired


def test_long_capitalised_entries_match_all_caps() -> None:
    assert repair("METROPOLIS CORRIDOR CLOSED", NOT_SPUN).startswith("CITY HALL")


def test_text_that_is_not_english_is_never_repaired() -> None:
    german = "Der Schütze eröffnete das Feuer im live performance corridor."
    report = detect([german])
    assert not report.english and find_repairs(german, report) == []


# --- speech attributed by "mentioned": a detection tell (said -> mentioned) --------------


@pytest.mark.parametrize(
    "text",
    [
        "“Is it off limits?” mentioned Michael, one of the lawyers, who additionally spoke earlier than the vote.",
        "“We will win,” the senator mentioned. She additionally spoke earlier than the vote on Tuesday.",
        '"We will win," he mentioned, and she additionally spoke earlier than the vote on Tuesday.',
    ],
)
def test_short_text_with_speech_attributed_by_mentioned_and_two_spun_forms_is_spun(text: str) -> None:
    rep = detect([text])
    assert rep.evidence["mentioned_attributions"] == 1, rep.evidence
    assert rep.is_spun and rep.evidence["rule"] == "phrase_and_forms", rep.evidence
    fixed = repair(text, rep)
    assert "mentioned" not in fixed and " said" in fixed and "also spoke before" in fixed, fixed


@pytest.mark.parametrize(
    "text",
    [
        # "said", as normal writing attributes speech
        "“Is the word off limits?” said Michael, one of the lawyers, who additionally spoke earlier than the vote.",
        # a quoted title as the subject of "mentioned": no speech ends at the quote
        "The report “Climate Risks” mentioned the floods, and officials additionally spoke earlier than the vote.",
        # quoted words mentioned somewhere, not a speaker
        "The words “fight,” “war,” mentioned in the report additionally came earlier than the vote on Tuesday.",
        # "mentioned" with an object after the speaker: not an attribution
        "“We will win,” he said, and he mentioned the plan that additionally came earlier than the vote.",
        # the tell alone, with one spun form only
        "“We will win,” the senator mentioned on the steps of the court earlier than the vote on Tuesday.",
    ],
)
def test_mentioned_is_a_tell_only_as_a_speech_attribution_with_spun_forms(text: str) -> None:
    rep = detect([text])
    assert not rep.is_spun and rep.evidence["rule"] is None, rep.evidence
    assert find_repairs(text, rep) == []


def test_mentioned_attribution_never_occurs_in_the_clean_seeds() -> None:
    from cleantext.rules.vocab.speech import MENTIONED_ATTRIBUTION

    for p in sorted(SEEDS.glob("00[0-3]_*.txt")):
        assert MENTIONED_ATTRIBUTION.find(p.read_text(encoding="utf-8")) is None, p.name
