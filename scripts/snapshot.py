"""Snapshot every decision on every corpus we have, and compare two snapshots.

A port or a refactor must keep the decisions: text, action log, metadata and
counts, document by document.  `write` records them for one implementation
(any importable package with cleantext's API, e.g. an older copy renamed);
`diff` lists the documents whose records differ, field by field.

    python scripts/snapshot.py write before.jsonl
    python scripts/snapshot.py write after.jsonl --package cleantext
    python scripts/snapshot.py diff before.jsonl after.jsonl [--show 5]

Corpora: the fixtures, the seeds and both variants of the dev pages
(../shared/seeds, ../shared/eval/boilerplate-dev), each run with the default
config and through `repair()`.  Snapshots hold the publishers' text: keep them
outside the repository.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def documents() -> Iterator[tuple[str, str]]:
    """(name, text) of every document of every corpus found."""
    sources = [
        ("fixture", sorted((ROOT / "tests" / "fixtures").glob("*.input.txt"))),
        ("seed", sorted((SHARED / "seeds").glob("*.txt"))),
        ("page", sorted((SHARED / "eval" / "boilerplate-dev" / "pages").glob("*.txt"))),
        ("region", sorted((SHARED / "eval" / "boilerplate-dev" / "pages_region").glob("*.txt"))),
    ]
    for kind, files in sources:
        for f in files:
            yield f"{kind}/{f.name}", f.read_text(encoding="utf-8")


def record(api: Any, name: str, text: str) -> dict[str, Any]:
    result = api.clean_and_explain(text)
    return {
        "name": name,
        "text": result.text,
        "clean": api.clean(text),
        "repair": api.repair(text),
        "metadata": result.metadata,
        "counts": result.counts,
        "actions": [a.as_dict() for a in result.actions],
        "segments": [list(s) for s in result.segments],
    }


def write(out: Path, package: str) -> None:
    api = importlib.import_module(package)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for name, text in documents():
            fh.write(json.dumps(record(api, name, text), ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    print(f"{n} documents written to {out} by {package}")


def load(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return {(r := json.loads(line))["name"]: r for line in fh}


def diff(a_path: Path, b_path: Path, show: int) -> int:
    a, b = load(a_path), load(b_path)
    differ = 0
    for name in sorted(set(a) | set(b)):
        if name not in a or name not in b:
            print(f"{name}: only in {'the first' if name in a else 'the second'} snapshot")
            differ += 1
            continue
        fields = [k for k in sorted(set(a[name]) | set(b[name])) if a[name].get(k) != b[name].get(k)]
        if not fields:
            continue
        differ += 1
        print(f"{name}: {', '.join(fields)} differ")
        if differ <= show:
            for k in fields:
                _show(k, a[name].get(k), b[name].get(k))
    print(f"{differ} of {len(set(a) | set(b))} documents differ")
    return 1 if differ else 0


def _show(field: str, x: Any, y: Any) -> None:
    if isinstance(x, list) and isinstance(y, list):
        for i, (p, q) in enumerate(zip(x, y, strict=False)):
            if p != q:
                print(f"    {field}[{i}]: {p!r}\n    {' ' * len(field)}   -> {q!r}")
                return
        print(f"    {field}: {len(x)} -> {len(y)} items")
    elif isinstance(x, dict) and isinstance(y, dict):
        for k in sorted(set(x) | set(y)):
            if x.get(k) != y.get(k):
                print(f"    {field}.{k}: {str(x.get(k))[:300]!r}\n    -> {str(y.get(k))[:300]!r}")
    else:
        print(f"    {field}: {str(x)[:300]!r}\n    -> {str(y)[:300]!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write", help="snapshot one implementation")
    w.add_argument("out", type=Path)
    w.add_argument("--package", default="cleantext", help="the package to import (default: cleantext)")
    d = sub.add_parser("diff", help="compare two snapshots")
    d.add_argument("a", type=Path)
    d.add_argument("b", type=Path)
    d.add_argument("--show", type=int, default=5, help="details for this many differing documents")
    args = ap.parse_args()
    if args.cmd == "write":
        write(args.out, args.package)
        return 0
    return diff(args.a, args.b, args.show)


if __name__ == "__main__":
    sys.exit(main())
