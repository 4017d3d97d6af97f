#!/usr/bin/env python3
"""Check every data table in src/cleantext/data/ (*.tsv, *.txt); exit 1 on problems.

All tables: a leading `#` comment block (provenance), entries sorted
(code-point order) and unique.  TSV tables: a header row naming the columns,
rows no wider than the header, the first column is the sort key.  Tables
with `spun` and `original` columns: no identity substitution and no chained
one (an original that is itself a spun key, which a one-pass repair could
never reach consistently); `guard` compiles as a regex; `tier` is `always` or
`spun_only`; `count` is an integer.

Usage: python scripts/check_tables.py [DATA_DIR]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "cleantext" / "data"
TIERS = {"always", "spun_only"}


def check_file(path: Path) -> list[str]:
    errors: list[str] = []
    raw = path.read_text(encoding="utf-8").splitlines()

    def err(msg: str) -> None:
        errors.append(f"{path.name}: {msg}")

    if not raw or not raw[0].startswith("#"):
        err("no leading '#' comment block saying where the entries come from")
    lines = [(n, ln) for n, ln in enumerate(raw, 1) if ln.strip() and not ln.startswith("#")]
    if path.suffix == ".tsv":
        if not lines:
            err("no header row")
            return errors
        header = lines[0][1].split("\t")
        if len(set(header)) != len(header) or not all(h and h == h.strip() for h in header):
            err(f"bad header row {header!r}")
        rows = []
        for n, ln in lines[1:]:
            cells = ln.split("\t")
            if len(cells) > len(header):
                err(f"line {n}: {len(cells)} cells, header has {len(header)}")
            rows.append((n, dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))))
        keys = [r[header[0]] for _, r in rows]
    else:
        rows = []
        keys = [ln.strip() for _, ln in lines]
        for n, ln in lines:
            if "\t" in ln or ln != ln.strip():
                err(f"line {n}: tab or surrounding space in {ln!r}")
    for (n, _), a, b in zip(lines[1 if path.suffix == ".tsv" else 0 :], keys, keys[1:], strict=False):
        if b < a:
            err(f"not sorted near line {n}: {a!r} > {b!r}")
            break
    seen: set[str] = set()
    for k in keys:
        if k in seen:
            err(f"duplicate entry {k!r}")
        seen.add(k)
    if rows and "spun" in rows[0][1] and "original" in rows[0][1]:
        spun_keys = {r["spun"].lower() for _, r in rows}
        for n, r in rows:
            s, o = r["spun"], r["original"]
            if not s or not o:
                err(f"line {n}: empty spun or original")
            if s.lower() == o.lower():
                err(f"line {n}: identity substitution {s!r}")
            if o.lower() in spun_keys:
                err(f"line {n}: chained substitution {s!r} -> {o!r}, which is itself a spun key")
            if r.get("guard"):
                try:
                    re.compile(r["guard"])
                except re.error as e:
                    err(f"line {n}: guard does not compile: {e}")
            if "tier" in r and r["tier"] not in TIERS:
                err(f"line {n}: tier {r['tier']!r} not in {sorted(TIERS)}")
            if "count" in r and not r["count"].isdigit():
                err(f"line {n}: count {r['count']!r} is not an integer")
    return errors


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    data = Path(args[0]) if args else DATA
    files = sorted(p for p in data.iterdir() if p.suffix in (".tsv", ".txt"))
    errors = [e for p in files for e in check_file(p)]
    for e in errors:
        print(f"check_tables: {e}", file=sys.stderr)
    print(f"check_tables: {len(files)} tables, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
