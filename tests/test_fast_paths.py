"""The speed shortcuts never change a result.

* `vocab.Vocab`: the literal gate and the case-folded `re` fast path must give
  the same answer as the exact `regex` pattern on the original line.
* `charfix.may_need_fix`: a line it clears must be one ftfy leaves unchanged.
* `spin_match.Matcher`: the word gate and the searches behind it must find
  the same candidates as the trie walked from every token.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from pathlib import Path

import ftfy
import pytest
import regex
from ftfy.badness import is_bad
from hypothesis import example, given
from hypothesis import strategies as st

from cleantext import Config, charfix, classify, metadata, pipeline, segment, spin_match, vocab
from cleantext.model import Action
from cleantext.vocab import Vocab

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

VOCABS = {name: v for name, v in vars(vocab).items() if isinstance(v, Vocab)}

# Lines that exercise the vocabularies, beside the corpus.
EXAMPLES = [
    "Share this article", "SHARE ON FACEBOOK", "Follow us on Twitter", "Faucet right here to join",
    "Sign up for our newsletter to get the latest updates", "You can read more by clicking here today",
    "Please use Chrome browser for a more accessible video player", "Watch: the moment the roof fell",
    "ADVERTISEMENT", "Leave a Reply", "Comments (12)", "Copyright 2024 The Times. All rights reserved.",
    "Picture: Getty Images", "(AP Photo/Evan Vucci)", "Photograph: Kirsty Wigglesworth/PA", "© Reuters",
    "Fans at the stadium on Sunday. (Photo by Jane Doe/Getty Images)", "The crowd, via Getty Images",
    "By Jane Doe and John Smith", "By HNN Staff | November 18, 2019 at 2:26 PM", "@janedoe",
    "Jane Doe - Senior Political Correspondent", "Chief Political Editor", "Moscow shooting latest: what we know",
    "Related: How the vote was won", "Taylor Swift talks politics Video", "Most Read Stories", "Latest News",
    "Read more from Sky News:", "The council approved the budget on Tuesday, officials said.",
    "Straße gesperrt", "İstanbul Latest: ferries stop", "ſhare this article", "KELVIN editor",
    "We may earn a commission when you buy through links on our site.", "ADVERTISING DISCLOSURE",
    "As an Amazon Associate I earn from qualifying purchases.", "Subscribe to continue reading",
    "Already a subscriber? Log in", "SUPPORT INDEPENDENT JOURNALISM", "Become a Member.", "Donate",
    "We noticed you’re using an ad blocker.", "You have reached your limit of free articles.",
]


def _lines() -> list[str]:
    files = sorted((REPO / "tests" / "fixtures").glob("*.input.txt"))
    files += sorted((SHARED / "eval" / "boilerplate-dev" / "pages").glob("*.txt"))[:80]
    lines = list(EXAMPLES)
    for f in files:
        lines += [s.text for s in segment.split(f.read_text(encoding="utf-8", errors="replace"))]
    return [line for line in dict.fromkeys(lines) if len(line) <= 600]


LINES = _lines()


def _disagreements(v: Vocab, lines: Iterable[str]) -> list[tuple[str, str]]:
    exact = getattr(v.exact, v.how)
    return [(v.how, line) for line in lines if v.matches(line, line.casefold()) != (exact(line) is not None)]


@pytest.mark.parametrize("name", sorted(VOCABS))
def test_vocab_fast_paths_agree_with_the_exact_pattern(name: str) -> None:
    assert _disagreements(VOCABS[name], LINES) == []


@pytest.mark.parametrize("name", sorted(VOCABS))
def test_vocab_fast_paths_agree_under_case_changes(name: str) -> None:
    # Each line the pattern accepts, in other cases and with odd letters around it.
    v = VOCABS[name]
    hits = [line for line in LINES if v.exact.search(line)]
    variants = [f(line) for line in hits for f in (str.upper, str.lower, str.swapcase, lambda s: "ß " + s + " İ")]
    assert _disagreements(v, variants) == []


def test_a_wrong_gate_is_caught() -> None:
    v = Vocab(r"share|follow", regex.IGNORECASE, how="search", gate=vocab.any_of("share"))
    assert _disagreements(v, ["Follow us", "Share it"]) == [("search", "Follow us")]


def test_the_fast_path_is_used_only_for_case_free_patterns() -> None:
    assert vocab.NAVIGATION.fast is not None
    assert vocab.CAPTION_CREDIT_END.fast is None  # agency names are case-sensitive
    assert vocab.BYLINE.fast is None  # \p{Lu}


def test_a_gate_tail_needs_a_gate_that_ends_the_line() -> None:
    with pytest.raises(ValueError, match="ends the line"):
        Vocab(r"editor", regex.IGNORECASE, gate="editor", gate_tail=6)


def test_a_too_short_gate_tail_is_caught() -> None:
    v = Vocab(r".* (?:editor|correspondent)", regex.IGNORECASE, gate=r"(?:editor|correspondent)\Z", gate_tail=6)
    found = _disagreements(v, ["Jane Doe, editor", "Jane Doe, correspondent"])
    assert found == [("fullmatch", "Jane Doe, correspondent")]


_TAIL_PIECES = ["Jane ", "Doe ", "senior ", "editor", "Editors", "correspondent", " Video", " photos", "x", " ", "ß"]


@given(st.lists(st.sampled_from(_TAIL_PIECES), max_size=8).map("".join))
def test_tail_gates_agree_on_generated_lines(line: str) -> None:
    for v in (vocab.AUTHOR_ROLE, vocab.TEASER_MEDIUM):
        assert _disagreements(v, [line]) == []


@given(st.lists(st.sampled_from(list("aZ9 \t.ßİ-") + [" x", " Y", " 1", "  b"]), max_size=30).map("".join))
def test_word_starts_count_as_two_searches_would(line: str) -> None:
    # _line_weight counts lower-case and capital word starts in one search
    starts = classify._WORD_START.findall(line)
    lower = len(starts) - starts.count("")
    assert lower == len(regex.findall(r"\s\p{Ll}", line))
    assert len(starts) - lower == len(regex.findall(r"\s[\p{Lu}\d]", line))


_END_PIECES = ["word", " ", ".", "!", "”", ")", "#tag", "#", "/", "pic.twitter.com/Ab1", "https://t.co/x",
               "🙂", "🇺🇸", "\ufe0f", "é", "—", "Ab", "x" * 70]


def _last_char_always_searching(text: str, words: int) -> str:
    """classify._last_char without its shortcuts: the decoration search runs on every line."""
    last = text[-12:].rstrip(classify._CLOSERS)[-1:]
    if last == "" or last in classify._TERMINAL:
        return last
    m = regex.search(vocab.DECORATED_END.pattern, text[-300:])  # forwards, not REVERSE
    if m is None or m.start() == 0:
        return last
    before = text[-300:][: m.start()].rstrip(classify._CLOSERS)[-1:]
    if before != "" and before in classify._TERMINAL:
        return before
    if before.isalnum() and words >= 8 and vocab.EMOJI_ONLY.fullmatch(m.group()):
        return "."
    return last


@given(st.lists(st.sampled_from(_END_PIECES), max_size=10).map("".join), st.integers(0, 20))
@example("It passed. https://t.co/" + "x" * 70, 10)
def test_decorated_line_ends_match_the_plain_search(line: str, words: int) -> None:
    # The prefilter (no emoji, "/" or "#" near the end) and the REVERSE search change nothing.
    assert classify._last_char(line, words) == _last_char_always_searching(line, words)


_PIECES = list("abcSHAREfolwusnTw :|ßİſKσΣς-.") + ["share ", "on ", "facebook", "Follow us ", "Latest ", "news",
                                                   "subscribe ", "we may earn ", "commission ", "links", "donate"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_vocab_agrees_on_generated_lines(line: str) -> None:
    for v in (vocab.NAVIGATION, vocab.SHARE_PROMPT, vocab.LINK_LIST_HEADER, vocab.COMMENT_FORM,
              vocab.DISCLOSURE, vocab.SUPPORT_PROMPT):
        assert _disagreements(v, [line]) == []


# ------------------------------------------------------------------ ftfy gate

HARMLESS_ALPHABET = list(charfix.HARMLESS) + list("aZ .1,!?\"'")


def test_no_short_mix_of_harmless_characters_looks_like_mojibake() -> None:
    # Every ftfy mojibake pattern spans at most 3 characters unless it needs a
    # letter outside the harmless set, so this covers them all.
    for n in (1, 2, 3):
        for chars in itertools.product(HARMLESS_ALPHABET, repeat=n):
            assert not is_bad("".join(chars))


_SUSPECTS = ["é", "Ã", "â€", "&amp;", "\x85", "\ufeff", "\u2028"]


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


def test_the_unspaced_script_gate_covers_every_such_character() -> None:
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    exact = set(classify._UNSPACED.findall(chars))
    assert exact and all(classify._MAYBE_UNSPACED.match(c) for c in exact)


@given(st.lists(st.sampled_from(["a", "", "b c", "  ", "d"]), max_size=30), st.data())
def test_paragraph_breaks_match_their_definition(lines: list[str], data: st.DataObject) -> None:
    """paragraph_breaks counts blank lines with map(); the definition walks them."""
    segs = segment.split("\n".join(lines))
    kept = sorted(data.draw(st.sets(st.sampled_from(range(len(segs))))) if segs else [])
    expected: list[bool] = []
    prev = -1
    for i in kept:
        expected.append(bool(expected) and any(segs[k].blank_before for k in range(prev + 1, i + 1)))
        prev = i
    assert segment.paragraph_breaks(segs, kept) == expected
    assert segment.paragraph_breaks(segs, kept, segment.blank_counts(segs)) == expected


def _split_by_definition(text: str) -> list[tuple[int, int, int, int, str, bool]]:
    """One loop over the lines: what segment.split computes with list passes."""
    out: list[tuple[int, int, int, int, str, bool]] = []
    pos, blank = 0, False
    for lineno, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            out.append((len(out), lineno, start, start + len(stripped), stripped, blank and bool(out)))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return out


@given(st.lists(st.sampled_from(["a", "", " b c ", "  ", "\td", "x\u00a0", "\u3000y"]), max_size=30))
def test_split_matches_its_definition(lines: list[str]) -> None:
    text = "\n".join(lines)
    segs = segment.split(text)
    assert [tuple(s) for s in segs] == _split_by_definition(text)
    assert all(type(s) is segment.Segment for s in segs)
    assert all(text[s.start : s.end] == s.text for s in segs)


def _join_by_definition(segs: list[segment.Segment], actions: list[Action]) -> str:
    """One loop over the segments: what segment.join computes with list passes."""
    dropped = {a.segment for a in actions if a.op == "drop"}
    texts = segment.current_texts(segs, actions)
    kept = [i for i, text in enumerate(texts) if i not in dropped and text.strip()]
    breaks = segment.paragraph_breaks(segs, kept)
    return "\n".join("\n" + texts[i] if para else texts[i] for i, para in zip(kept, breaks, strict=True))


@given(st.lists(st.sampled_from(["a", "", " b c ", "  ", "d e"]), max_size=30), st.data())
def test_join_matches_its_definition(lines: list[str], data: st.DataObject) -> None:
    segs = segment.split("\n".join(lines))
    actions: list[Action] = []
    for i in data.draw(st.lists(st.integers(-2, len(segs) + 1), max_size=10)):
        if 0 <= i < len(segs) and data.draw(st.booleans()):  # blank a line, or change its first character
            after = data.draw(st.sampled_from(["", " ", "x"]))
            text = segment.current_texts(segs, actions)[i]
            actions.append(Action("r", "replace", i, 0, text[:1], after, 0, min(1, len(text))))
        else:  # an index out of range drops nothing
            actions.append(Action("d", "drop", i, 0, ""))
    assert segment.join(segs, actions) == _join_by_definition(segs, actions)
    assert segment.join(segs, actions, segment.blank_counts(segs)) == _join_by_definition(segs, actions)


@given(st.lists(st.sampled_from(["a", "", "b"]), max_size=30), st.sets(st.integers(0, 30)))
def test_kept_lines_match_their_definition(texts: list[str], gone: set[int]) -> None:
    gone = {i for i in gone if i < len(texts)}
    expected = [i for i, text in enumerate(texts) if text and i not in gone]
    assert pipeline._kept(texts, gone) == expected


@given(st.lists(st.sampled_from(["a", "b c", "d"]), min_size=1, max_size=20), st.data())
def test_drop_all_matches_drop_line_by_line(lines: list[str], data: st.DataObject) -> None:
    segs = segment.split("\n\n".join(lines))
    indices = sorted(data.draw(st.sets(st.sampled_from(range(len(segs))))))
    rules = [data.draw(st.sampled_from(["navigation", "byline"])) for _ in indices]
    stages = [f"stage {r}" for r in rules]
    reasons = [f"reason {i}" for i in indices]
    one, many = pipeline._Log(segs), pipeline._Log(segs)
    for i, rule, stage, reason in zip(indices, rules, stages, reasons, strict=True):
        one.drop(i, rule, stage, reason)
    many.drop_all(indices, rules, stages, reasons)
    expected = [Action(rule, "drop", i, segs[i].line, segs[i].text, "", 0, 0, reason, stage)
                for i, rule, stage, reason in zip(indices, rules, stages, reasons, strict=True)]
    assert many.actions == one.actions == expected
    assert all(type(a) is Action for a in many.actions)


def _repair_lines_by_definition(log: pipeline._Log, config: Config) -> None:
    """The line repairs as one loop over every line (no distinct-line scan)."""
    needs_repair = (pipeline._NEEDS_REPAIR_UNCURL if config.uncurl_quotes else pipeline._NEEDS_REPAIR).search
    enabled = config.enabled()
    fixes: dict[str, charfix.Fix | None] = {}
    nothing_to_do: set[str] = set()
    for i, text in enumerate(log.texts):
        if text in nothing_to_do or not needs_repair(text):
            continue
        done = len(log.actions)
        for _ in range(pipeline.MAX_REPAIR_PASSES):
            before = log.texts[i]
            if pipeline._repair_once(log, i, enabled, config, fixes) or log.texts[i] == before:
                break
        if len(log.actions) == done:
            nothing_to_do.add(text)


_REPAIR_PIECES = ["a", "b c", "é", "cafÃ©", "<b>", "</b>", "\x01", " ", "&lt;i&gt;", "<br>", "“q”"]


@given(st.lists(st.lists(st.sampled_from(_REPAIR_PIECES), min_size=1, max_size=5).map("".join), max_size=20),
       st.booleans())
def test_repair_lines_matches_the_line_by_line_loop(lines: list[str], uncurl: bool) -> None:
    segs = segment.split("\n".join(lines))
    config = Config(uncurl_quotes=uncurl)
    fast, slow = pipeline._Log(segs), pipeline._Log(segs)
    pipeline._repair_lines(fast, config)
    _repair_lines_by_definition(slow, config)
    assert fast.actions == slow.actions
    assert fast.texts == slow.texts


@given(st.lists(st.sampled_from(["a", "MOSCOW (AP) - Talks", "(b)", "PARIS (Reuters) - x", "c d"]), max_size=12),
       st.one_of(st.none(), st.integers(-1, 13)))
def test_first_dateline_matches_the_plain_loop(texts: list[str], appended_from: int | None) -> None:
    expected = None
    for i, text in enumerate(texts):
        if appended_from is not None and i >= appended_from:
            break
        m = vocab.dateline(text) if "(" in text else None
        if m:
            expected = m.group(0)
            break
    m = metadata._first_dateline(texts, appended_from)
    assert (m.group(0) if m else None) == expected


def _title_by_definition(texts: list[str], verdict: classify.Verdict) -> str | None:
    """One loop over every line: what metadata._title computes."""
    for i, text in enumerate(texts):
        f = classify._features(text)
        if f.prose and i not in verdict.labels:
            return None
        if i in verdict.labels and verdict.labels[i].rule != "repeated_block":
            continue
        if f.headline_like and 3 <= f.words <= 18:
            return text
    return None


_TITLE_LINES = ["a", "ok", "Big Vote Today", "The council approved the budget on Tuesday after a debate.",
                "Mayor Says No", "x y"]


@given(st.lists(st.sampled_from(_TITLE_LINES), max_size=12), st.data())
def test_title_matches_the_plain_loop(texts: list[str], data: st.DataObject) -> None:
    rules = st.sampled_from(["repeated_block", "navigation"])
    labelled = data.draw(st.dictionaries(st.integers(0, max(len(texts) - 1, 0)), rules))
    verdict = classify.Verdict({i: classify.Label(r, "") for i, r in labelled.items()})
    # the classifier's features for some of the lines; the rest are computed on demand
    seen = {t: classify._features(t) for t in data.draw(st.sets(st.sampled_from(_TITLE_LINES)))}
    one_by_one = data.draw(st.integers(0, 3))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(metadata, "TITLE_LINES_ONE_BY_ONE", one_by_one)
        assert metadata._title(texts, verdict, seen) == _title_by_definition(texts, verdict)


# ------------------------------------------------------------------ early exits of the context rules

_PAGE_LINES = ["a", "ok", "WORLD NEWS", "ENT", "Big Vote Today In Town", "Mayor Says No To The Plan",
               "The council approved the budget on Tuesday after a long debate in the chamber.",
               "MOSCOW (AP) - Officials said the vote would be held again next week in the city.",
               "Share this article", "Latest News", "(AP Photo/Jane Doe)", "x y z w"]


def _verdict(texts: list[str], breaks: list[bool], memo: classify.Memo) -> tuple[object, ...]:
    v = classify.classify(texts, breaks, frozenset(classify.RULES), memo)
    return (v.labels, v.dates, v.bylines, v.appended_from)


@given(st.lists(st.sampled_from(_PAGE_LINES), max_size=40), st.data())
def test_early_exits_change_no_verdict(texts: list[str], data: st.DataObject) -> None:
    # The context rules skip their pass when no distinct line could qualify
    # (a page of a million tiny lines); with the shortcut turned off they
    # must reach the same verdict, also with lines from an earlier round
    # already in the memo.
    breaks = data.draw(st.lists(st.booleans(), min_size=len(texts), max_size=len(texts)))
    earlier = data.draw(st.lists(st.sampled_from(_PAGE_LINES), max_size=5))
    memos = [classify.Memo(), classify.Memo()]
    for memo in memos:
        classify.classify(earlier, [False] * len(earlier), frozenset(classify.RULES), memo)
    fast = _verdict(texts, breaks, memos[0])
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(classify, "_none_can", lambda *args: False)
        assert _verdict(texts, breaks, memos[1]) == fast


def test_the_early_exit_fires_on_a_page_of_tiny_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    none_can = classify._none_can
    monkeypatch.setattr(classify, "_none_can", lambda *args: calls.append(none_can(*args)) or calls[-1])
    classify.classify(["a", "b", "a"] * 20, [False] * 60, frozenset(classify.RULES))
    assert calls and all(calls)
    calls.clear()
    prose = "The council approved the budget on Tuesday after a long debate in the chamber."
    classify.classify([prose, "a", "b"] * 20, [False] * 60, frozenset(classify.RULES))
    assert calls and not any(calls)


# ------------------------------------------------------------------ spin matcher


def _spin_disagreements(m: spin_match.Matcher, lines: Iterable[str]) -> list[str]:
    return [line for line in lines if m.scan(line) != m.walk_tokens(line)]


@pytest.mark.parametrize("few_words", [spin_match._FEW_WORDS, 0])
def test_spin_matcher_agrees_with_the_plain_walk(few_words: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # few_words=0: every line takes the way of lines with many words
    monkeypatch.setattr(spin_match, "_FEW_WORDS", few_words)
    assert _spin_disagreements(spin_match.matcher(), LINES) == []


def _toy_matcher(*keys: str) -> spin_match.Matcher:
    return spin_match.Matcher(
        [spin_match.Entry(k, "x", "spin_word", False, None, False, 0, "", "toy") for k in keys]
    )


TOY_KEYS = ("foo", "foo bar", "bar baz qux", "x - ray", "it 's", "a b a")
TOY_LINES = ["Foo bar, bar baz  qux.", "foo\tbar", "X-ray it’s a b a b a", "foo_bar foo", "the bar baz qux"]


@pytest.mark.parametrize("few_words", [spin_match._FEW_WORDS, 0])
def test_spin_matcher_agrees_on_toy_entries(few_words: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_match, "_FEW_WORDS", few_words)
    m = _toy_matcher(*TOY_KEYS)
    assert _spin_disagreements(m, TOY_LINES) == []
    assert all(m.scan(line) for line in TOY_LINES)


def test_a_wrong_spin_shortcut_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    # "foo" taken for a one-word entry that no longer entry starts with
    m = _toy_matcher(*TOY_KEYS)
    m.whole["foo"] = m.root.children["foo"].found
    assert _spin_disagreements(m, TOY_LINES) == ["Foo bar, bar baz  qux.", "foo\tbar"]
    # words in a row taken to be one space apart
    monkeypatch.setattr(spin_match, "_words_in_a_row", lambda words: regex.compile(" ".join(words)))
    assert _spin_disagreements(_toy_matcher(*TOY_KEYS), TOY_LINES) == ["Foo bar, bar baz  qux.", "X-ray it’s a b a b a"]
