#!/usr/bin/env python3
"""Measure spun-text detection and repair; prints numbers.

* held-out share of spinner word edits undone (stories split by
  build_spin_table.held_out, never used to build the table);
* seed 004 share undone (whole document repaired, scored per aligned
  sentence), plus any change made outside the aligned sentences;
* false changes per 10,000 words on clean text (gold bodies of
  shared/eval/boilerplate-dev and seeds 000-003) and documents judged spun;
* short clean excerpts (2-8 sentences of the same gold bodies) judged spun
* the raw dev pages through the whole pipeline: pages judged spun, spin changes
  or changed: the control for detection on short texts;
* detection on shared/spin/spun-only.jsonl samples;
* throughput of the repair step (detect + find_repairs) in MB/s, next to a
  plain re.findall(r"\\w+") pass over the same text, and of the kernel's
  table match alone (SpinTable.find, every entry allowed).

A "word edit" is one word token in the word-level diff (SequenceMatcher on
lower-cased word tokens, punctuation and quote style ignored) between the
text and the original; share undone = 1 - edits(repaired) / edits(spun).

Usage: python scripts/eval_spin.py [--shared DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from build_spin_table import held_out, load_jsonl, story_of  # noqa: E402

from cleantext import spin as spun  # noqa: E402
from cleantext.spin import table as spin_table  # noqa: E402
from cleantext.tables import load_tsv  # noqa: E402

WORD = re.compile(r"\w+")
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def words(s: str) -> list[str]:
    return [w.lower() for w in WORD.findall(s.translate(QUOTES))]


def word_edits(a: str, b: str) -> int:
    wa, wb = words(a), words(b)
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal")


def apply(text: str, edits: list[spun.Edit], lo: int = 0, hi: int | None = None) -> str:
    """text[lo:hi] with the edits that fall inside it applied."""
    hi = len(text) if hi is None else hi
    out, pos = [], lo
    for e in edits:
        if e.start < lo or e.end > hi:
            continue
        out.append(text[pos : e.start])
        out.append(e.after)
        pos = e.end
    out.append(text[pos:hi])
    return "".join(out)


def repair_lines(lines: list[str]) -> tuple[spun.SpinReport, list[list[spun.Edit]]]:
    report = spun.detect(lines)
    return report, [spun.find_repairs(ln, report) for ln in lines]


def held_out_eval(shared: Path, verbose: bool, forced: bool = False) -> None:
    """Score the held-out pages.  The pages are excerpts (a few sentences
    each), so detection sees far less evidence than on a whole page;
    `forced` scores the table alone, as if each page was judged spun."""
    by_article: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in load_jsonl(shared / "spin" / "aligned.jsonl"):
        if held_out(story_of(r["article"])):
            by_article[r["article"]].append(r)
    before = after = worse = 0
    spun_docs = 0
    for art, recs in sorted(by_article.items()):
        report, edits = repair_lines([r["spun"] for r in recs])
        spun_docs += report.is_spun
        if forced:
            report = spun.SpinReport(report.score, True, report.evidence)
            edits = [spun.find_repairs(r["spun"], report) for r in recs]
        for r, ed in zip(recs, edits, strict=False):
            fixed = apply(r["spun"], ed)
            b, a = word_edits(r["spun"], r["original"]), word_edits(fixed, r["original"])
            before += b
            after += a
            worse += a > b
            if verbose and ed:
                print(f"  [{art}] {b}->{a}: {fixed}\n    orig: {r['original']}")
    stories = sorted({story_of(a) for a in by_article})
    if not forced:
        print(f"held-out stories: {len(stories)} ({', '.join(stories)})")
        print(f"held-out spun pages (excerpts): {len(by_article)}, judged spun: {spun_docs}")
    label = "page known spun (table alone)" if forced else "end to end (detect on the excerpt)"
    print(
        f"held-out share of spinner word edits undone, {label}: {1 - after / before:.1%} "
        f"({before - after}/{before}); sentences made worse: {worse}"
    )


def seed004_eval(shared: Path, verbose: bool) -> None:
    text = (shared / "seeds" / "004_755b34d08661c47a.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    report, edits = repair_lines(lines)
    before = after = 0
    covered: dict[int, list[tuple[int, int]]] = defaultdict(list)
    missing = 0
    for r in load_jsonl(shared / "spin" / "seed004-aligned.jsonl"):
        for n, ln in enumerate(lines):
            k = ln.find(r["spun"])
            if k >= 0:
                covered[n].append((k, k + len(r["spun"])))
                fixed = apply(ln, edits[n], k, k + len(r["spun"]))
                break
        else:
            missing += 1
            continue
        b, a = word_edits(r["spun"], r["original"]), word_edits(fixed, r["original"])
        before += b
        after += a
        if verbose and a:
            print(f"  {b}->{a}: {fixed}\n    orig: {r['original']}")
    outside = [
        (n, e)
        for n, ed in enumerate(edits)
        for e in ed
        if not any(lo <= e.start and e.end <= hi for lo, hi in covered[n])
    ]
    print(f"seed 004: score {report.score} is_spun {report.is_spun}; sentences not found: {missing}")
    print(f"seed 004 share of word edits undone: {1 - after / before:.1%} ({before - after}/{before})")
    print(f"seed 004 changes outside aligned sentences: {len(outside)}")
    for n, e in outside:
        print(f"    line {n + 1}: {e.before!r} -> {e.after!r} ({e.rule})")


def clean_docs(shared: Path) -> list[tuple[str, str]]:
    docs = []
    for p in sorted((shared / "eval" / "boilerplate-dev" / "gold").glob("*.json")):
        body = json.loads(p.read_text(encoding="utf-8")).get("body") or ""
        docs.append((p.name, body))
    for p in sorted((shared / "seeds").glob("00[0-3]_*.txt")):
        docs.append((p.name, p.read_text(encoding="utf-8")))
    return docs


def clean_eval(shared: Path) -> list[str]:
    docs = clean_docs(shared)
    nwords = changed = judged = 0
    for name, body in docs:
        lines = [ln for ln in body.split("\n") if ln.strip()]
        report, edits = repair_lines(lines)
        nwords += sum(len(words(ln)) for ln in lines)
        judged += report.is_spun
        for e in (e for ed in edits for e in ed):
            changed += max(len(words(e.before)), 1)
            print(f"    FALSE CHANGE {name}: {e.before!r} -> {e.after!r} ({e.rule})")
        if report.is_spun:
            print(f"    JUDGED SPUN {name}: {report.score} {report.evidence['features']}")
    print(f"clean text: {len(docs)} docs, {nwords} words, judged spun: {judged}")
    print(f"false changes per 10,000 words on clean text: {changed / nwords * 10000:.2f} ({changed} words)")
    return [b for _, b in docs]


def control_eval(shared: Path) -> None:
    """Short clean excerpts, the length of the spun samples (windows of 2 to
    8 sentences from the gold bodies): none may be judged spun or changed."""
    from cleantext import sentences

    n = judged = changed = 0
    for name, body in clean_docs(shared):
        sents = [x for para in body.split("\n") if para.strip() for x in sentences(para)]
        i, k = 0, 2
        while i < len(sents):
            excerpt = sents[i : i + k]
            report, edits = repair_lines(excerpt)
            n += 1
            judged += report.is_spun
            changed += sum(map(len, edits))
            if report.is_spun:
                print(f"    JUDGED SPUN excerpt of {name}: {report.evidence['rule']} {excerpt}")
            i, k = i + k, 2 + (k - 1) % 7
    print(f"clean short excerpts (2-8 sentences): {n}, judged spun: {judged}, changes: {changed}")


def pages_eval(shared: Path) -> None:
    """The raw dev pages (boilerplate and all) through the whole pipeline:
    what detection sees there is the kept text of a real page, menus and
    share buttons included ("FB"), not a gold body."""
    import cleantext

    pages = sorted((shared / "eval" / "boilerplate-dev" / "pages").glob("*.txt"))
    judged = changes = 0
    for p in pages:
        result = cleantext.clean_and_explain(p.read_text(encoding="utf-8", errors="replace"))
        spin = result.metadata["spin"] or {}
        judged += bool(spin.get("is_spun"))
        for a in result.actions:
            if a.stage == "spin":
                changes += 1
                print(f"    FALSE CHANGE on page {p.name}: {a.before!r} -> {a.after!r} ({a.rule})")
    print(f"clean dev pages through clean(): {len(pages)}, judged spun: {judged}, spin changes: {changes}")


def spun_only_eval(shared: Path) -> None:
    recs = load_jsonl(shared / "spin" / "spun-only.jsonl")
    judged = sum(spun.detect(r.get("spun_sample") or []).is_spun for r in recs)  # type: ignore[arg-type]
    with_text = sum(1 for r in recs if r.get("spun_sample"))
    print(
        f"spun-only samples judged spun: {judged}/{len(recs)} ({with_text} have sample text; "
        "short samples: a few sentences each)"
    )


def _timed(f: object, rounds: int = 3) -> float:
    """Median seconds of `rounds` calls of f()."""
    ts = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        f()  # type: ignore[operator]
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def throughput(texts: list[str]) -> None:
    """Medians of 3 runs (the machine is noisy)."""
    seed = REPO.parent / "shared" / "seeds" / "004_755b34d08661c47a.txt"
    corpus = texts + ([seed.read_text(encoding="utf-8")] if seed.exists() else [])
    corpus = corpus * 3
    size = sum(len(t.encode("utf-8")) for t in corpus) / 1e6
    spin_table.table.cache_clear()
    load_tsv.cache_clear()
    t0 = time.perf_counter()
    table = spin_table.table()
    t_load = time.perf_counter() - t0

    def repair() -> None:
        for t in corpus:
            lines = [ln for ln in t.split("\n") if ln.strip()]
            rep = spun.detect(lines)
            for ln in lines:
                spun.find_repairs(ln, rep)

    t_repair = _timed(repair)
    t_words = _timed(lambda: [WORD.findall(t) for t in corpus])
    every = table.mask(spun.RULES)
    t_scan = _timed(lambda: [table.native.find(t, True, every) for t in corpus])
    print(f"throughput corpus: {size:.2f} MB, table entries: {len(table.entries)} (loaded in {t_load:.2f} s)")
    print(f"repair step (detect + find_repairs per line): {size / t_repair:.2f} MB/s")
    print(
        f"plain re.findall(r'\\w+') pass: {size / t_words:.2f} MB/s; repair step / \\w+ pass = {t_words / t_repair:.2f}"
    )
    print(f"table match in the kernel (every entry allowed): {size / t_scan:.2f} MB/s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args(argv)
    held_out_eval(args.shared, args.verbose)
    held_out_eval(args.shared, args.verbose, forced=True)
    seed004_eval(args.shared, args.verbose)
    texts = clean_eval(args.shared)
    control_eval(args.shared)
    pages_eval(args.shared)
    spun_only_eval(args.shared)
    if not args.no_speed:
        throughput(texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
