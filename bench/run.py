"""Throughput benchmark for cleantext (a benchmark, not a timed test).

    python bench/run.py                 # ~3 MB corpus, 3 runs, scaling 1/10 MB, adversarial inputs
    python bench/run.py --quick         # a smaller, faster run while developing
    python bench/run.py --big           # add the 100 MB scaling point
    python bench/run.py --json out.json # also write the numbers as JSON

Corpus: tests/fixtures/*.input.txt plus ../shared/eval/boilerplate-dev/pages/*.txt
(when present), each file one document, repeated to --mb megabytes (UTF-8
bytes).  Every measurement cleans document by document, as a batch job does.

Reported, each the median of --repeat runs measured in this same process:

* a plain ``re.findall(r"\\w+", doc)`` pass over the same documents: the
  yardstick, since machine speed varies; the pipeline's MB/s divided by it is
  the ratio the README's target refers to (>= 0.25x, aim 0.5x);
* the whole pipeline (``clean_and_explain``);
* each stage, timed by running the stages the way ``pipeline.run`` does;
* inside the classify stage: the line features and each pattern rule, in
  multiples of the ``\\w+`` pass's time (the whole pipeline must stay under 4
  of them for 0.25x), over each document's distinct lines as the pipeline
  matches them;
* jusText (English stoplist, each line a <p>) and datatrove's C4 line filter
  (``C4QualityFilter(min_num_sentences=-1)``: the line rules; the page-level
  sentence count needs spaCy) on the same documents, when installed;
* peak memory: tracemalloc's peak over one pass (Python allocations) and the
  process's max RSS;
* scaling: seconds per MB at 1, 10 (and with --big 100) MB of documents, and
  for a single document made of all pages glued together (catches work that
  grows faster than the text within one document);
* adversarial inputs, one document each: one 50 MB line, 100,000 identical
  lines, 1,000,000 tiny lines; each must run at >= 1 MB/s.
"""

from __future__ import annotations

import argparse
import gc
import html
import json
import platform
import re
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "src"))  # this checkout, unless PYTHONPATH names another

import cleantext  # noqa: E402
from cleantext import classify as rules  # noqa: E402
from cleantext import pipeline, segment  # noqa: E402
from cleantext.classify import classify  # noqa: E402
from cleantext.metadata import extract  # noqa: E402

PAGES = ROOT.parent / "shared" / "eval" / "boilerplate-dev" / "pages"
MB = 1_000_000
WORD = re.compile(r"\w+")


# ------------------------------------------------------------------ corpus


def base_documents() -> list[str]:
    files = sorted((ROOT / "tests" / "fixtures").glob("*.input.txt"))
    if PAGES.is_dir():
        files += sorted(PAGES.glob("*.txt"))
    return [f.read_text(encoding="utf-8", errors="replace") for f in files]


def nbytes(docs: Sequence[str]) -> int:
    return sum(len(d.encode("utf-8")) for d in docs)


def repeat_to(docs: Sequence[str], size: int) -> list[str]:
    """The documents repeated (whole) until they hold at least `size` bytes."""
    out: list[str] = []
    total = 0
    sizes = [len(d.encode("utf-8")) for d in docs]
    while total < size:
        for d, s in zip(docs, sizes, strict=True):
            out.append(d)
            total += s
            if total >= size:
                break
    return out


# ------------------------------------------------------------------ measurements


#: CPU time of this process: on a shared machine it is far steadier than wall
#: time, and for this single-threaded work equal to it on an idle machine.
#: ``--wall`` switches to wall-clock time.
CLOCK: Callable[[], float] = time.process_time


def timed(fn: Callable[[], Any]) -> float:
    gc.collect()
    t = CLOCK()
    fn()
    return CLOCK() - t


def median_time(fn: Callable[[], Any], repeat: int) -> float:
    return statistics.median(timed(fn) for _ in range(repeat))


def words_pass(docs: Sequence[str]) -> None:
    for d in docs:
        WORD.findall(d)


def whole_pipeline(docs: Sequence[str]) -> None:
    for d in docs:
        cleantext.clean_and_explain(d)


STAGES = ("split", "repair_lines", "classify", "spin_repair", "metadata", "join")


def staged(docs: Sequence[str]) -> dict[str, float]:
    """Seconds per stage over `docs`, calling the stages as pipeline.run does."""
    config = cleantext.Config()
    enabled = config.enabled()
    t = dict.fromkeys(STAGES, 0.0)
    clock = CLOCK
    for d in docs:
        t0 = clock()
        segments = segment.split(segment.normalise_newlines(d))
        t1 = clock()
        log = pipeline._Log(segments)
        pipeline._repair_lines(log, config)
        t2 = clock()
        verdict = classify(log.texts, [s.blank_before for s in segments], enabled)
        gone = {a.segment for a in log.actions if a.op == "drop"} | set(verdict.labels)
        kept = [i for i in range(len(segments)) if i not in gone]
        t3 = clock()
        pipeline._repair_spin(log, kept, config)
        t4 = clock()
        extract(log.texts, verdict)
        t5 = clock()
        segment.join(segments, log.actions)
        t6 = clock()
        for name, a, b in zip(STAGES, (t0, t1, t2, t3, t4, t5), (t1, t2, t3, t4, t5, t6), strict=True):
            t[name] += b - a
    return t


def line_costs(docs: Sequence[str]) -> dict[str, float]:
    """Seconds spent on line features and on each pattern rule over `docs`.

    Each document's distinct lines, as the pipeline matches a repeated line
    once per document. Every rule runs on every line it applies to (a line
    too long for pattern rules gets the caption check only, as in
    ``classify._line_pattern``), where the pipeline stops at the first
    matching rule: since few lines match, the sum is a close upper bound.
    """
    t = {"line features": 0.0} | {name: 0.0 for name, _ in rules.PATTERN_RULES}
    clock = CLOCK
    for d in docs:
        lines = list(dict.fromkeys(s.text for s in segment.split(segment.normalise_newlines(d)) if s.text))
        t0 = clock()
        feats = [rules._features(line) for line in lines]
        t["line features"] += clock() - t0
        short = [(line, f) for line, f in zip(lines, feats, strict=True) if len(line) <= rules.MAX_PATTERN_CHARS]
        long = [(line, f) for line, f in zip(lines, feats, strict=True) if len(line) > rules.MAX_PATTERN_CHARS]
        for name, rule in rules.PATTERN_RULES:
            t0 = clock()
            for line, f in short:
                rule(line, f)
            if rule is rules._caption:
                for line, f in long:
                    rule(line, f)
            t[name] += clock() - t0
    return t


def justext_runner() -> Callable[[Sequence[str]], Callable[[], None]] | None:
    try:
        import justext
    except ImportError:
        return None
    stoplist = justext.get_stoplist("English")

    def prepare(docs: Sequence[str]) -> Callable[[], None]:
        pages = ["<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in d.split("\n"))
                 + "</body></html>" for d in docs]

        def go() -> None:
            for p in pages:
                justext.justext(p, stoplist)

        return go

    return prepare


def c4_runner() -> Callable[[Sequence[str]], Callable[[], None]] | None:
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters import C4QualityFilter
    except ImportError:
        return None
    step = C4QualityFilter(min_num_sentences=-1)

    def prepare(docs: Sequence[str]) -> Callable[[], None]:
        def go() -> None:
            for i, d in enumerate(docs):
                step.filter(Document(text=d, id=str(i)))

        return go

    return prepare


def peak_memory(docs: Sequence[str]) -> dict[str, float]:
    gc.collect()
    tracemalloc.start()
    biggest = 0
    for d in docs:
        cleantext.clean_and_explain(d)
        biggest = max(biggest, len(d))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "tracemalloc_peak_mb": peak / MB,
        "largest_document_mb": biggest / MB,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000,
    }


def adversarial(scale: float) -> dict[str, str]:
    """The adversarial documents (scale < 1 shrinks them for quick runs)."""
    sentence = "The council approved the budget on Tuesday after a long debate about schools. "
    line = (sentence * (int(50 * MB * scale) // len(sentence) + 1))[: int(50 * MB * scale)]
    same = "Share this article on Facebook and Twitter\n" * int(100_000 * scale)
    tiny = "".join(f"{w}\n" for w in ("a", "I", "x1", "ok", "—", "é") * (int(1_000_000 * scale) // 6))
    return {"one 50 MB line": line, "100,000 identical lines": same, "1,000,000 tiny lines": tiny}


#: An adversarial input is stopped after this many times its 1 MB/s budget.
ADV_PATIENCE = 5.0


def _adversarial_child(name: str, scale: float, wall: bool, conn: Any) -> None:
    clock = time.perf_counter if wall else time.process_time
    doc = adversarial(scale)[name]
    cleantext.clean_and_explain(base_documents()[0])  # loads the tables: startup is not the input's cost
    t = clock()
    cleantext.clean_and_explain(doc)
    conn.send(clock() - t)


def adversarial_run(name: str, scale: float, wall: bool) -> tuple[int, float | None]:
    """(bytes, seconds) for one adversarial input, run in a child process so that
    a quadratic case is stopped (seconds None) instead of hanging the benchmark."""
    import multiprocessing

    size = len(adversarial(scale)[name].encode("utf-8"))
    parent, child = multiprocessing.Pipe(duplex=False)
    proc = multiprocessing.Process(target=_adversarial_child, args=(name, scale, wall, child))
    proc.start()
    seconds: float | None = None
    if parent.poll(ADV_PATIENCE * max(size / MB, 1.0) + 10):  # + time to build the input
        seconds = parent.recv()
    proc.kill()
    proc.join()
    return size, seconds


# ------------------------------------------------------------------ report


def mbps(size: int, seconds: float) -> float:
    return size / MB / seconds if seconds > 0 else float("inf")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=3.0, help="corpus size in MB (default 3)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is shown")
    ap.add_argument("--quick", action="store_true", help="1 MB corpus, small scaling and adversarial inputs")
    ap.add_argument("--big", action="store_true", help="add the 100 MB scaling point (minutes)")
    ap.add_argument("--no-scaling", action="store_true")
    ap.add_argument("--no-adversarial", action="store_true")
    ap.add_argument("--json", metavar="OUT", help="also write the results as JSON here")
    ap.add_argument("--wall", action="store_true", help="wall-clock time instead of CPU time")
    args = ap.parse_args(argv)
    global CLOCK
    if args.wall:
        CLOCK = time.perf_counter
    if args.quick:
        args.mb, args.repeat = min(args.mb, 1.0), min(args.repeat, 3)
    res: dict[str, Any] = {"python": platform.python_version(), "machine": platform.machine()}

    base = base_documents()
    docs = repeat_to(base, int(args.mb * MB))
    size = nbytes(docs)
    cleantext.clean_and_explain(base[0])  # load the tables outside the timings
    res["corpus"] = {"documents": len(docs), "distinct": len(base), "mb": size / MB}
    print(f"corpus: {len(docs)} documents ({len(base)} distinct), {size / MB:.2f} MB; "
          f"median of {args.repeat} runs; {'wall-clock' if args.wall else 'CPU'} time")
    res["clock"] = "wall" if args.wall else "cpu"

    t_words = median_time(lambda: words_pass(docs), max(args.repeat, 9))  # cheap: more runs
    t_whole = median_time(lambda: whole_pipeline(docs), args.repeat)
    runs = [staged(docs) for _ in range(args.repeat)]
    stages = {s: statistics.median(r[s] for r in runs) for s in STAGES}
    words = mbps(size, t_words)
    res["throughput_mb_s"] = {"words_pass": words, "pipeline": mbps(size, t_whole)}
    res["ratio_to_words_pass"] = t_words / t_whole
    res["stages_mb_s"] = {s: mbps(size, t) for s, t in stages.items()}
    res["stages_share"] = {s: t / sum(stages.values()) for s, t in stages.items()}

    head, yard = "x \\w+ pass", "\\w+ tokenising pass"
    print(f"\n{'what':<28}{'MB/s':>9}{head:>12}")
    print(f"{yard:<28}{words:>9.2f}{1:>12.3f}")
    print(f"{'cleantext, whole pipeline':<28}{mbps(size, t_whole):>9.2f}{t_words / t_whole:>12.3f}")
    for s, t in stages.items():
        print(f"{'  stage ' + s:<28}{mbps(size, t):>9.2f}{t_words / t:>12.3f}"
              f"   {100 * res['stages_share'][s]:4.1f}% of stage time")
    costs = [line_costs(docs) for _ in range(args.repeat)]
    parts = {k: statistics.median(c[k] for c in costs) for k in costs[0]}
    res["classify_parts_x_words_pass"] = {k: t / t_words for k, t in parts.items()}
    print("  inside classify, each document's distinct lines (MB/s, and time as a multiple of the \\w+ pass's):")
    for k, t in parts.items():
        print(f"{'    ' + ('rule ' if k in rules.RULES else '') + k:<28}{mbps(size, t):>9.2f}{t / t_words:>11.2f}x")
    pattern = sum(t for k, t in parts.items() if k in rules.RULES)
    print(f"{'    all pattern rules':<28}{mbps(size, pattern):>9.2f}{pattern / t_words:>11.2f}x")
    for name, make in (("jusText (English stoplist)", justext_runner), ("datatrove C4 line filter", c4_runner)):
        prepare = make()
        if prepare is None:
            print(f"{name:<28}{'not installed':>9}")
            continue
        t = median_time(prepare(docs), args.repeat)
        res["throughput_mb_s"][name] = mbps(size, t)
        print(f"{name:<28}{mbps(size, t):>9.2f}{t_words / t:>12.3f}")

    res["memory"] = peak_memory(docs)
    m = res["memory"]
    print(f"\npeak memory: {m['tracemalloc_peak_mb']:.1f} MB traced (largest document "
          f"{m['largest_document_mb']:.2f} MB), max RSS {m['max_rss_mb']:.0f} MB")

    if not args.no_scaling:
        points = [0.1, 1.0] if args.quick else [1.0, 10.0] + ([100.0] if args.big else [])
        glued = "\n\n".join(base)
        print("\nscaling: seconds per MB (many documents | one document of that size)")
        res["scaling_s_per_mb"] = {}
        for p in points:
            many = repeat_to(base, int(p * MB))
            t_many = timed(lambda many=many: whole_pipeline(many)) / (nbytes(many) / MB)
            one = (glued * (int(p * MB) // len(glued.encode("utf-8")) + 1))
            one = one[: int(p * MB)]
            t_one = timed(lambda one=one: cleantext.clean_and_explain(one)) / (nbytes([one]) / MB)
            res["scaling_s_per_mb"][f"{p:g} MB"] = {"documents": t_many, "one_document": t_one}
            print(f"  {p:>6g} MB   {t_many:7.3f} s/MB | {t_one:7.3f} s/MB")
            del many, one

    if not args.no_adversarial:
        scale = 0.1 if args.quick else 1.0
        print(f"\nadversarial inputs (one document each{', scaled x0.1' if args.quick else ''}); "
              f"target >= 1 MB/s, given up after {ADV_PATIENCE:g}x the time that would take")
        res["adversarial_mb_s"] = {}
        for name in adversarial(scale):
            b, t = adversarial_run(name, scale, args.wall)
            res["adversarial_mb_s"][name] = mbps(b, t) if t is not None else None
            if t is None:
                limit = ADV_PATIENCE * b / MB
                print(f"  {name:<26}{b / MB:7.1f} MB  > {limit:.0f} s  < {b / MB / limit:.2f} MB/s  TOO SLOW")
                continue
            flag = "ok" if mbps(b, t) >= 1 else "TOO SLOW"
            print(f"  {name:<26}{b / MB:7.1f} MB {t:8.2f} s {mbps(b, t):8.2f} MB/s  {flag}")

    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
