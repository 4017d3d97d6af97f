"""Where the pipeline's work goes, counted in CPU instructions (not seconds).

    python bench/instructions.py             # 60 dev pages (or the fixtures)
    python bench/instructions.py --pages 20  # fewer pages, faster

Timings on a shared machine drift by a third between runs; instruction
counts from `valgrind --tool=callgrind` do not move with the machine's load,
so they decide A/B questions that a stopwatch cannot (a 2% change, say).
The script runs the same driver twice under callgrind, once only loading
cleantext and cleaning one page (tables, caches) and once also cleaning the
pages, and reports the difference: in total and by the C code it ran in
(the regular-expression engines, the interpreter loop, dicts, strings...).
It needs valgrind (Debian's package) and is slow: about a minute for 60 pages.
"""

from __future__ import annotations

import argparse
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
    ("strings", ("unicode", "split.h", "bytes")),
    ("dicts and sets", ("dict", "setobject")),
    ("lists and tuples", ("list", "tuple")),
    ("allocation and reference counting", ("obmalloc", "malloc", "object.h", "object.c", "gc")),
)


def driver(pages: int) -> str:
    """Python source that cleans `pages` pages after a warm-up page, or only warms up when argv says so."""
    return f"""
import sys
sys.path[:0] = [{str(ROOT / 'src')!r}, {str(ROOT / 'bench')!r}]
import run, cleantext
docs = run.base_documents()[:{pages}]
cleantext.clean_and_explain(docs[0])
if sys.argv[1] == "run":
    for doc in docs:
        cleantext.clean_and_explain(doc)
"""


def costs(mode: str, pages: int, workdir: Path) -> Counter[str]:
    """Instructions per C source file for one driver run under callgrind."""
    out = workdir / f"callgrind.{mode}"
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", driver(pages), mode],
        check=True, capture_output=True,
    )
    report = subprocess.run(["callgrind_annotate", "--threshold=100", str(out)],
                            check=True, capture_output=True, text=True).stdout
    by_file: Counter[str] = Counter()
    for line in report.splitlines():
        m = re.match(r"\s*([\d,]+) \([^)]*\)\s+(\S+):", line)
        if m and "PROGRAM TOTALS" not in line:
            by_file[m.group(2).rsplit("/", 1)[-1]] += int(m.group(1).replace(",", ""))
    return by_file


def group_of(source_file: str) -> str:
    return next((name for name, marks in GROUPS if any(mark in source_file for mark in marks)), "other")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=60, help="dev pages to clean (default 60)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None or shutil.which("callgrind_annotate") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        base = costs("warm", args.pages, Path(tmp))
        full = costs("run", args.pages, Path(tmp))
    work: Counter[str] = Counter()
    for source_file, count in full.items():
        work[group_of(source_file)] += count - base.get(source_file, 0)
    total = sum(work.values())
    print(f"cleaning {args.pages} pages: {total / 1e6:,.0f} M instructions")
    for name, count in work.most_common():
        print(f"  {count / total:6.1%}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
