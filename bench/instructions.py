"""Where the pipeline's work goes, counted in CPU instructions (not seconds).

    python bench/instructions.py                 # 60 dev pages (or the fixtures)
    python bench/instructions.py --pages 20      # fewer pages, faster
    python bench/instructions.py --call clean    # clean() instead of clean_and_explain()
    python bench/instructions.py --top 15        # also the 15 functions doing the most work

Timings on a shared machine drift by a third between runs; instruction
counts from `valgrind --tool=callgrind` do not move with the machine's load,
so they decide A/B questions that a stopwatch cannot (a 2% change, say).
The script runs the same driver twice under callgrind, once only loading
cleantext and cleaning one page (the kernel's compiled patterns, tables,
caches) and once also cleaning the pages, and reports the difference: in
total and by where it ran.  Python's side is grouped by the C source file of
CPython (or of the `regex` module) the instructions ran in: the interpreter
loop, dicts, strings...; the Rust kernel (the `_native` extension, built
without line information) by the crate its function names start with: the
kernel's own code, the regex crates (regex, regex-automata, regex-syntax,
aho-corasick, memchr), Rust's standard library, PyO3.  Instructions in libc
are split into malloc/free and memset/memcpy.

The call is `clean_and_explain` by default, which builds no segments or
action log (they are built when first read); `--call actions` also reads
`result.actions`, `--call clean` builds the text only.
It needs valgrind (Debian's package) and is slow: a few minutes for 60 pages.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# C source files of CPython and the regex module, grouped by what they do.
GROUPS = (
    ("stdlib re engine", ("sre",)),
    ("regex module engine", ("_regex",)),
    ("interpreter loop", ("ceval.c",)),
    ("strings", ("unicode", "split.h", "bytes", "codecs.h")),
    ("dicts and sets", ("dict", "setobject")),
    ("lists and tuples", ("list", "tuple")),
    ("Python allocation and reference counting", ("obmalloc", "object.h", "object.c", "gc")),
)

# Crates of the Rust kernel, by the first path segment of a function's name.
CRATES = (
    ("Rust kernel: cleantext_kernel's own code", ("cleantext_kernel",)),
    ("Rust kernel: regex crates", ("regex", "regex_automata", "regex_syntax", "aho_corasick", "memchr")),
    ("Rust kernel: std, alloc, core, hashbrown", ("std", "alloc", "core", "hashbrown", "__rustc")),
    ("Rust kernel: PyO3 boundary", ("pyo3",)),
)

CALLS = {
    "clean": "cleantext.clean(doc)",
    "clean_and_explain": "cleantext.clean_and_explain(doc)",
    "actions": "cleantext.clean_and_explain(doc).actions",
}

# A function line of callgrind_annotate: "1,234 (5.6%)  file:function [object]".
LINE = re.compile(r"\s*([\d,]+) \([^)]*\)\s+(.*?)\s*(?:\[(\S+)\])?$")
CRATE = re.compile(r"<*&?(?:mut )?([A-Za-z_][A-Za-z0-9_]*)::")


def driver(pages: int, call: str) -> str:
    """Python source that cleans `pages` pages after a warm-up page, or only warms up when argv says so."""
    return f"""
import sys
sys.path += [{str(ROOT / 'src')!r}]  # this checkout, unless PYTHONPATH names another
sys.path.insert(0, {str(ROOT / 'bench')!r})
import run, cleantext
docs = run.base_documents()[:{pages}]
doc = docs[0]
{CALLS[call]}
if sys.argv[1] == "run":
    for doc in docs:
        {CALLS[call]}
"""


def costs(mode: str, pages: int, call: str, workdir: Path) -> Counter[str]:
    """Instructions per "file:function [object]" for one driver run under callgrind."""
    out = workdir / f"callgrind.{mode}"
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c",
         driver(pages, call), mode],
        check=True, capture_output=True,
        # The same string hashes in both runs (else dict probing differs between them), and no
        # OpenBLAS threads (nltk imports numpy) spinning under callgrind's serialised threads.
        env={**os.environ, "PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1"},
    )
    report = subprocess.run(["callgrind_annotate", "--threshold=100", str(out)],
                            check=True, capture_output=True, text=True).stdout
    by_function: Counter[str] = Counter()
    for line in report.splitlines():
        m = LINE.match(line)
        if m and "PROGRAM TOTALS" not in line and ":" in m.group(2):
            by_function[f"{m.group(2)} [{m.group(3) or '?'}]"] += int(m.group(1).replace(",", ""))
    return by_function


def group_of(key: str) -> str:
    """What a "file:function [object]" key's instructions were spent on."""
    where, _, obj = key.rpartition(" [")
    source_file, _, function = where.partition(":")
    if "_native" in obj:
        m = CRATE.match(function)
        crate = m.group(1) if m else ""
        return next((name for name, crates in CRATES if crate in crates), "Rust kernel: other crates")
    if "libc" in obj:
        if "malloc" in source_file:
            return "malloc and free (libc)"
        if "memmove" in source_file or "memset" in source_file or "memcpy" in source_file:
            return "memset and memcpy (libc)"
        return "other libc"
    base = source_file.rsplit("/", 1)[-1]
    return next((name for name, marks in GROUPS if any(mark in base for mark in marks)), "other")


def short(key: str, width: int = 110) -> str:
    where, _, obj = key.rpartition(" [")
    source_file, _, function = where.partition(":")
    text = f"{function}  ({source_file.rsplit('/', 1)[-1]}, {obj.rstrip(']').rsplit('/', 1)[-1]})"
    return text if len(text) <= width else text[: width - 3] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=60, help="dev pages to clean (default 60)")
    parser.add_argument("--call", choices=sorted(CALLS), default="clean_and_explain",
                        help="what to run on each page (default clean_and_explain; actions: also read result.actions)")
    parser.add_argument("--top", type=int, default=0, help="also list the N functions with the most instructions")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None or shutil.which("callgrind_annotate") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        base = costs("warm", args.pages, args.call, Path(tmp))
        full = costs("run", args.pages, args.call, Path(tmp))
    by_function: Counter[str] = Counter()
    for key, count in full.items():
        by_function[key] = count - base.get(key, 0)
    work: Counter[str] = Counter()
    for key, count in by_function.items():
        work[group_of(key)] += count
    total = sum(work.values())
    print(f"{args.call} on {args.pages} pages: {total / 1e6:,.0f} M instructions")
    for name, count in work.most_common():
        print(f"  {count / total:6.1%}  {name}")
    if args.top:
        print(f"\nthe {args.top} functions with the most instructions (self cost):")
        for key, count in by_function.most_common(args.top):
            print(f"  {count / total:6.1%}  {short(key, 90):<90}  {group_of(key)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
