"""Throughput, scaling and memory benchmark for cleantext (a benchmark, not a timed test).

    python bench/run.py                 # ~3 MB corpus, 3 runs, scaling 1/10 MB, adversarial inputs, memory
    python bench/run.py --quick         # a smaller, faster run while developing
    python bench/run.py --big           # add the 100 MB scaling point
    python bench/run.py --json out.json # also write the numbers as JSON

Corpus: tests/fixtures/*.input.txt plus ../shared/eval/boilerplate-dev/pages/*.txt
(when present), each file one document, repeated to --mb megabytes (UTF-8
bytes).  Every measurement cleans document by document, as a batch job does.
Sizes are UTF-8 bytes, 1 MB = 10**6 bytes.  Times are this process's CPU time
(steadier than wall-clock time on a shared machine; the same for this
single-threaded work on an idle one); ``--wall`` switches to wall-clock time.

Throughput, each the median of --repeat runs, the runs of all of them
interleaved in this same process (so that a slow moment of a shared machine
hits each alike):

* a plain ``re.findall(r"\\w+", doc)`` pass over the same documents: the
  yardstick, since machine speed varies; each line's ratio is the ``\\w+``
  pass's time divided by its own (1.0 = as fast as tokenising; the README's
  target refers to this ratio);
* ``cleantext.clean``: the text only, no metadata or action log is built;
* ``cleantext.clean_and_explain``: text, metadata and counts (the Result's
  segments and actions are built lazily, when first read, so not here);
* ``clean_and_explain`` with ``result.actions`` read: the full explain cost;
* each stage, timed by the pipeline itself: ``pipeline.clean_document(text,
  config, watch)`` and ``pipeline.explain(cleaned)`` run with a stopwatch as
  ``watch`` (split, repair, classify, spin, metadata, join; a stage that
  another stage runs inside is charged only its own time), plus the time
  outside every stage and the lazy build of the action log, timed here
  around ``result.actions``;
* jusText (English stoplist, each line a <p>) and datatrove's C4 line filter
  (``C4QualityFilter(min_num_sentences=-1)``: the line rules; the page-level
  sentence count needs spaCy) on the same documents, when installed.

Scaling: seconds per MB of ``clean`` and of ``clean_and_explain`` with the
actions read, at 1 and 10 (with --big also 100) MB, for many documents and for
one document of that size made of all the pages glued together with blank
lines (catches work that grows faster than the text within one document).

Adversarial inputs, one document each, each run in a child process that is
stopped when it takes far longer than the target allows (a quadratic case is
reported instead of hanging the benchmark): one 50 MB line, 100,000 identical
lines, 1,000,000 tiny lines.  The target is >= 5 MB/s on each; ``clean``,
``clean_and_explain`` and ``clean_and_explain`` with the actions read are
timed one after another in the child, and each one below it is flagged.

Memory (the target: peak memory on ONE 40 MB document at most 6x its size).
The kernel's allocations are Rust's, which tracemalloc does not see, so this
measures resident memory: a fresh child process (spawned, not forked) loads
the kernel and tables by cleaning every distinct document once, builds one
--memory-mb document by gluing the pages (as scaling's "one document" does),
resets the kernel's peak-RSS mark (/proc/self/clear_refs) and reads its RSS
(the baseline), cleans the document once, and reads the process's peak RSS
(VmHWM in /proc/self/status; ``ru_maxrss`` where that is missing).  One child
each for ``clean``, ``clean_and_explain`` and ``clean_and_explain`` with the
actions read.  Reported: (peak - baseline) / document size, the memory the
cleaning needed, and peak / size, the whole process.  The document's own str
(1, 2 or 4 bytes per character, whatever its widest character needs) is in
the baseline.  ``--no-memory`` skips this.
"""

from __future__ import annotations

import argparse
import gc
import html
import json
import multiprocessing
import platform
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "src"))  # this checkout, unless PYTHONPATH names another

import cleantext  # noqa: E402
from cleantext import pipeline  # noqa: E402

PAGES = ROOT.parent / "shared" / "eval" / "boilerplate-dev" / "pages"
MB = 1_000_000
WORD = re.compile(r"\w+")

#: The stages the pipeline times, in order; a stage name the pipeline reports
#: that is not here is shown after them.
STAGES = ("split", "repair", "classify", "spin", "metadata", "join")
#: Time inside ``pipeline.explain(pipeline.clean_document(...))`` not charged to any stage.
OUTSIDE = "outside the stages"
#: The lazy build of the action log, timed here around ``result.actions``.
ACTIONS = "actions (lazy, on read)"

#: Each adversarial input must be cleaned at this speed (MB/s) or better.
ADV_TARGET = 5.0
#: An adversarial call is stopped after this many times the time the target allows.
ADV_PATIENCE = 10.0
#: Memory target: peak memory on one 40 MB document, as a multiple of its size.
MEMORY_TARGET = 6.0


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


def glued(docs: Sequence[str], size: int) -> str:
    """One document of at most `size` UTF-8 bytes (a character less at worst):
    the documents joined by blank lines, repeated and cut."""
    unit = "\n\n".join(docs) + "\n\n"
    unit_bytes = len(unit.encode("utf-8"))
    text = unit * (size // unit_bytes) + _cut(unit, size % unit_bytes)
    return text


def _cut(text: str, size: int) -> str:
    """The longest prefix of `text` of at most `size` UTF-8 bytes."""
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


# ------------------------------------------------------------------ clocks


#: CPU time of this process: on a shared machine it is far steadier than wall
#: time, and for this single-threaded work equal to it on an idle machine.
#: ``--wall`` switches to wall-clock time.
CLOCK: Callable[[], float] = time.process_time


def timed(fn: Callable[[], Any]) -> float:
    gc.collect()
    t = CLOCK()
    fn()
    return CLOCK() - t


class Stopwatch:
    """The pipeline's `watch`: ``watch(stage)`` is a context that adds the time
    spent in it to ``seconds[stage]``.  Stages that nest are charged
    exclusively (the outer one pauses while the inner one runs), so the stage
    times add up to the time spent in stages."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.seconds: dict[str, float] = {}
        self._stack: list[str] = []
        self._since = 0.0

    def __call__(self, stage: str) -> _Lap:
        return _Lap(self, stage)

    def _switch(self, to: str | None) -> None:
        now = self.clock()
        if self._stack:
            top = self._stack[-1]
            self.seconds[top] = self.seconds.get(top, 0.0) + now - self._since
        if to is None:
            self._stack.pop()
        else:
            self._stack.append(to)
        self._since = now


class _Lap:
    __slots__ = ("watch", "stage")

    def __init__(self, watch: Stopwatch, stage: str) -> None:
        self.watch, self.stage = watch, stage

    def __enter__(self) -> None:
        self.watch._switch(self.stage)

    def __exit__(self, *exc: object) -> None:
        self.watch._switch(None)


# ------------------------------------------------------------------ throughput


def words_pass(docs: Sequence[str]) -> None:
    for d in docs:
        WORD.findall(d)


def clean_pass(docs: Sequence[str]) -> None:
    for d in docs:
        cleantext.clean(d)


def explain_pass(docs: Sequence[str]) -> None:
    for d in docs:
        cleantext.clean_and_explain(d)


def explain_actions_pass(docs: Sequence[str]) -> None:
    for d in docs:
        len(cleantext.clean_and_explain(d).actions)


def staged(docs: Sequence[str]) -> dict[str, float]:
    """Seconds per stage over `docs`, as the pipeline's own stopwatch hooks see them."""
    config = cleantext.Config()
    watch = Stopwatch(CLOCK)
    clock = CLOCK
    inside = 0.0
    gc.collect()
    for d in docs:
        t = clock()
        result = pipeline.explain(pipeline.clean_document(d, config, watch))
        inside += clock() - t
        with watch(ACTIONS):
            len(result.actions)
    seconds = watch.seconds
    known = [s for s in STAGES if s in seconds]
    other = [s for s in seconds if s not in STAGES and s != ACTIONS]
    out = {s: seconds[s] for s in known + other}
    out[OUTSIDE] = max(inside - sum(out.values()), 0.0)
    out[ACTIONS] = seconds.get(ACTIONS, 0.0)
    return out


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


# ------------------------------------------------------------------ child processes

# Children are spawned (a fresh interpreter), not forked: a fork would start
# with the parent's memory and its peak-RSS mark.
_SPAWN = multiprocessing.get_context("spawn")

CALLS: dict[str, Callable[[str], object]] = {
    "clean": cleantext.clean,
    "clean_and_explain": cleantext.clean_and_explain,
    "clean_and_explain + actions": lambda d: len(cleantext.clean_and_explain(d).actions),
}


def _warm_up() -> None:
    """Load the kernel and every table a document can need, outside any measurement."""
    for d in base_documents():
        len(cleantext.clean_and_explain(d).actions)
        cleantext.clean(d)


def adversarial(scale: float) -> dict[str, str]:
    """The adversarial documents (scale < 1 shrinks them for quick runs)."""
    sentence = "The council approved the budget on Tuesday after a long debate about schools. "
    line = (sentence * (int(50 * MB * scale) // len(sentence) + 1))[: int(50 * MB * scale)]
    same = "Share this article on Facebook and Twitter\n" * int(100_000 * scale)
    tiny = "".join(f"{w}\n" for w in ("a", "I", "x1", "ok", "—", "é") * (int(1_000_000 * scale) // 6))
    return {"one 50 MB line": line, "100,000 identical lines": same, "1,000,000 tiny lines": tiny}


def _adversarial_child(name: str, scale: float, wall: bool, conn: Any) -> None:
    clock = time.perf_counter if wall else time.process_time
    doc = adversarial(scale)[name]
    _warm_up()  # loads the kernel and tables: startup is not the input's cost
    conn.send(("ready", 0.0))
    for call in ("clean", "clean_and_explain"):
        gc.collect()
        t = clock()
        result = CALLS[call](doc)
        conn.send((call, clock() - t))
    t = clock()
    len(result.actions)  # type: ignore[attr-defined]
    conn.send(("actions", clock() - t))


def adversarial_run(name: str, size: int, scale: float, wall: bool) -> dict[str, float | None]:
    """Seconds per call for one adversarial input of `size` bytes, in a child
    process; a call that takes longer than ADV_PATIENCE times the target's
    time is stopped, and it and the calls after it get None."""
    allowed = ADV_PATIENCE * max(size / MB, 1.0) / ADV_TARGET
    parent, child = _SPAWN.Pipe(duplex=False)
    proc = _SPAWN.Process(target=_adversarial_child, args=(name, scale, wall, child))
    proc.start()
    child.close()
    seconds: dict[str, float | None] = dict.fromkeys(("clean", "clean_and_explain", "actions"))
    try:
        if parent.poll(120):  # start an interpreter, build the input, load the kernel
            parent.recv()
            for _ in seconds:
                if not parent.poll(allowed):
                    break
                call, t = parent.recv()
                seconds[call] = t
    except EOFError:  # the child died
        pass
    finally:
        proc.kill()
        proc.join()
    return seconds


def _status() -> dict[str, int]:
    """VmRSS and VmHWM of this process in bytes (empty where /proc is missing)."""
    out: dict[str, int] = {}
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    out[key] = int(value.split()[0]) * 1024
    except OSError:
        pass
    return out


def _reset_peak() -> bool:
    """Set the kernel's peak-RSS mark to the current RSS (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
    except OSError:
        return False
    return True


def _max_rss() -> int:
    """Peak RSS in bytes: VmHWM, else ru_maxrss (KiB on Linux, bytes on macOS)."""
    hwm = _status().get("VmHWM")
    if hwm is not None:
        return hwm
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r if sys.platform == "darwin" else r * 1024


def _memory_child(call: str, size: int, wall: bool, conn: Any) -> None:
    clock = time.perf_counter if wall else time.process_time
    _warm_up()
    doc = glued(base_documents(), size)
    gc.collect()
    reset = _reset_peak()
    before = _status().get("VmRSS")
    peak_before = _max_rss()
    t = clock()
    result = CALLS[call](doc)
    seconds = clock() - t
    peak = _max_rss()
    conn.send({
        "document_bytes": len(doc.encode("utf-8")),
        "document_str_bytes": sys.getsizeof(doc),
        "baseline_rss": before,
        "peak_reset": reset,
        "peak_rss_before": peak_before,
        "peak_rss": peak,
        "seconds": seconds,
    })
    del result


def memory_run(call: str, size: int, wall: bool) -> dict[str, Any] | None:
    """Peak RSS of one call on one glued document of `size` bytes, in a fresh child."""
    parent, child = _SPAWN.Pipe(duplex=False)
    proc = _SPAWN.Process(target=_memory_child, args=(call, size, wall, child))
    proc.start()
    child.close()
    out: dict[str, Any] | None = None
    try:
        if parent.poll(600 + 60 * size / MB):
            out = parent.recv()
    except EOFError:  # the child died (out of memory, say)
        pass
    finally:
        proc.kill()
        proc.join()
    if out is None:
        return None
    size_b = out["document_bytes"]
    if out["baseline_rss"] is not None and out["peak_reset"]:
        out["extra_x_size"] = (out["peak_rss"] - out["baseline_rss"]) / size_b
    else:  # no reset: the mark may come from building the document, an upper bound
        out["extra_x_size"] = None
    out["peak_x_size"] = out["peak_rss"] / size_b
    return out


# ------------------------------------------------------------------ report


def mbps(size: int, seconds: float) -> float:
    return size / MB / seconds if seconds > 0 else float("inf")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=3.0, help="corpus size in MB (default 3)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is shown")
    ap.add_argument("--quick", action="store_true",
                    help="1 MB corpus, small scaling and adversarial inputs, 10 MB memory document")
    ap.add_argument("--big", action="store_true", help="add the 100 MB scaling point (minutes)")
    ap.add_argument("--memory-mb", type=float, default=40.0,
                    help="size of the one document the memory measurement cleans (default 40)")
    ap.add_argument("--no-scaling", action="store_true")
    ap.add_argument("--no-adversarial", action="store_true")
    ap.add_argument("--no-memory", action="store_true")
    ap.add_argument("--json", metavar="OUT", help="also write the results as JSON here")
    ap.add_argument("--wall", action="store_true", help="wall-clock time instead of CPU time")
    args = ap.parse_args(argv)
    global CLOCK
    if args.wall:
        CLOCK = time.perf_counter
    if args.quick:
        args.mb, args.repeat, args.memory_mb = min(args.mb, 1.0), min(args.repeat, 3), min(args.memory_mb, 10.0)
    res: dict[str, Any] = {"python": platform.python_version(), "machine": platform.machine(),
                           "clock": "wall" if args.wall else "cpu", "repeat": args.repeat}

    base = base_documents()
    docs = repeat_to(base, int(args.mb * MB))
    size = nbytes(docs)
    _warm_up()  # load the kernel and tables outside the timings
    res["corpus"] = {"documents": len(docs), "distinct": len(base), "mb": size / MB}
    print(f"corpus: {len(docs)} documents ({len(base)} distinct), {size / MB:.2f} MB; "
          f"median of {args.repeat} runs; {'wall-clock' if args.wall else 'CPU'} time")

    # One round times everything once; the rounds interleave so that a slow
    # moment of the machine falls on every measurement alike.  The \w+ pass
    # is cheap: three runs a round.
    passes: dict[str, Callable[[Sequence[str]], None]] = {
        "cleantext.clean": clean_pass,
        "cleantext.clean_and_explain": explain_pass,
        "clean_and_explain + actions": explain_actions_pass,
    }
    t_words_runs: list[float] = []
    runs: dict[str, list[float]] = {k: [] for k in passes}
    stage_runs: list[dict[str, float]] = []
    for _ in range(args.repeat):
        t_words_runs += [timed(lambda: words_pass(docs)) for _ in range(3)]
        for k, fn in passes.items():
            runs[k].append(timed(partial(fn, docs)))
        stage_runs.append(staged(docs))
    t_words = statistics.median(t_words_runs)
    t_pass = {k: statistics.median(v) for k, v in runs.items()}
    stages = {s: statistics.median(r.get(s, 0.0) for r in stage_runs) for s in stage_runs[0]}
    in_pipeline = sum(t for s, t in stages.items() if s != ACTIONS)

    words = mbps(size, t_words)
    res["throughput_mb_s"] = {"words_pass": words} | {k: mbps(size, t) for k, t in t_pass.items()}
    res["ratio_to_words_pass"] = {k: t_words / t for k, t in t_pass.items()}
    res["stages_mb_s"] = {s: mbps(size, t) for s, t in stages.items()}
    res["stages_ratio_to_words_pass"] = {s: (t_words / t if t > 0 else None) for s, t in stages.items()}
    res["stages_share_of_explain"] = {s: t / in_pipeline for s, t in stages.items() if s != ACTIONS}

    head, yard = "x \\w+ pass", "\\w+ tokenising pass"
    w = 34
    print(f"\n{'what':<{w}}{'MB/s':>9}{head:>12}")
    print(f"{yard:<{w}}{words:>9.2f}{1:>12.3f}")
    for k, t in t_pass.items():
        print(f"{k:<{w}}{mbps(size, t):>9.2f}{t_words / t:>12.3f}")
    print("  stages of clean_and_explain (+ actions), the pipeline's own timing hooks:")
    for s, t in stages.items():
        label = ("  stage " + s) if s not in (OUTSIDE, ACTIONS) else "  " + s
        ratio = f"{t_words / t:>12.3f}" if t > 0 else f"{'-':>12}"
        share = f"   {100 * t / in_pipeline:4.1f}% of clean_and_explain" if s != ACTIONS else ""
        print(f"{label:<{w}}{mbps(size, t):>9.2f}{ratio}{share}")
    for name, make in (("jusText (English stoplist)", justext_runner), ("datatrove C4 line filter", c4_runner)):
        prepare = make()
        if prepare is None:
            print(f"{name:<{w}}{'not installed':>9}")
            continue
        go = prepare(docs)
        t = statistics.median(timed(go) for _ in range(args.repeat))
        res["throughput_mb_s"][name] = mbps(size, t)
        res["ratio_to_words_pass"][name] = t_words / t
        print(f"{name:<{w}}{mbps(size, t):>9.2f}{t_words / t:>12.3f}")

    if not args.no_scaling:
        points = [0.1, 1.0] if args.quick else [1.0, 10.0] + ([100.0] if args.big else [])
        print("\nscaling: seconds per MB, clean | clean_and_explain + actions")
        print(f"  {'':>6}    {'many documents':^25}   {'one document':^25}")
        res["scaling_s_per_mb"] = {}
        for p in points:
            row: dict[str, float] = {}
            for kind in ("documents", "one_document"):
                batch = repeat_to(base, int(p * MB)) if kind == "documents" else [glued(base, int(p * MB))]
                mb = nbytes(batch) / MB
                row[f"{kind}_clean"] = timed(partial(clean_pass, batch)) / mb
                row[f"{kind}_explain_actions"] = timed(partial(explain_actions_pass, batch)) / mb
                del batch
            res["scaling_s_per_mb"][f"{p:g} MB"] = row
            print(f"  {p:>6g} MB {row['documents_clean']:9.3f} | {row['documents_explain_actions']:7.3f} s/MB"
                  f"    {row['one_document_clean']:9.3f} | {row['one_document_explain_actions']:7.3f} s/MB")

    if not args.no_adversarial:
        scale = 0.1 if args.quick else 1.0
        print(f"\nadversarial inputs (one document each{', scaled x0.1' if args.quick else ''}, in a child process); "
              f"target >= {ADV_TARGET:g} MB/s for each call,\ngiven up after {ADV_PATIENCE:g}x the time "
              f"the target allows a call (< {ADV_TARGET / ADV_PATIENCE:g} MB/s)")
        print(f"  {'':<26}{'':>9}  {'MB/s: clean':>12} {'explain':>9} {'+ actions':>10}")
        res["adversarial_mb_s"] = {}
        sizes = {name: len(doc.encode("utf-8")) for name, doc in adversarial(scale).items()}
        for name, b in sizes.items():
            secs = adversarial_run(name, b, scale, args.wall)
            rates: dict[str, float | None] = {
                "clean": mbps(b, secs["clean"]) if secs["clean"] is not None else None,
                "clean_and_explain": (mbps(b, secs["clean_and_explain"])
                                      if secs["clean_and_explain"] is not None else None),
                "clean_and_explain + actions": (mbps(b, secs["clean_and_explain"] + secs["actions"])
                                                if secs["clean_and_explain"] is not None
                                                and secs["actions"] is not None else None),
            }
            res["adversarial_mb_s"][name] = rates
            cells = [f"{r:>9.2f}" if r is not None else f"{'stopped':>9}" for r in rates.values()]
            slow = [k for k, r in rates.items() if r is None or r < ADV_TARGET]
            flag = "ok" if not slow else "TOO SLOW: " + ", ".join(slow)
            print(f"  {name:<26}{b / MB:6.1f} MB   {cells[0]} {cells[1]} {cells[2]}   {flag}")

    if not args.no_memory:
        msize = int(args.memory_mb * MB)
        print(f"\nmemory: one {msize / MB:g} MB document (the pages glued), fresh child process per call; "
              f"target: peak <= {MEMORY_TARGET:g}x the document's size")
        res["memory"] = {}
        for call in CALLS:
            m = memory_run(call, msize, args.wall)
            res["memory"][call] = m
            if m is None:
                print(f"  {call:<28} failed (the child died or took too long)")
                continue
            extra = (f"{m['extra_x_size']:5.2f}x" if m["extra_x_size"] is not None
                     else "  n/a (peak mark could not be reset)")
            print(f"  {call:<28} baseline {(m['baseline_rss'] or 0) / MB:6.0f} MB, peak {m['peak_rss'] / MB:6.0f} MB: "
                  f"(peak - baseline) / size {extra}, peak / size {m['peak_x_size']:5.2f}x"
                  f"   ({mbps(m['document_bytes'], m['seconds']):.2f} MB/s)")
        if res["memory"]:
            m = next((v for v in res["memory"].values() if v), None)
            if m is not None:
                print(f"  (the document: {m['document_bytes'] / MB:.1f} MB of UTF-8, "
                      f"{m['document_str_bytes'] / MB:.1f} MB as a Python str, part of the baseline)")

    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
