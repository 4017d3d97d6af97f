"""Dump the kernel spec and the spin table, as the Python package builds them,
to JSON for the native fuzz target (fuzz/native/src/lib.rs).

    .venv/bin/python fuzz/native/export_spec.py [OUT]     # default: fuzz/native/spec.json

The JSON is generated at fuzz time, not committed (see .gitignore), so the
target always runs the rule registry of the checkout it is built from.

Rather than re-assembling the spec from `vocabularies()`, `_rule`,
`registry.LINE_SHAPE` and `charfix` (and drifting from `kernel.kernel()` the
day it passes one more argument), this records the exact arguments
`cleantext.kernel.kernel()` hands to `_native.Kernel` and
`cleantext.spin.table.table()` hands to `_native.SpinTable`: the extension's
classes are swapped for recorders while the two (cached) builders run once.

Fields:
  kernel: [vocabularies [(id, pattern, how)], rules [{id, stage, reason, weight,
           params, clauses}], line_shape [(name, value)], repair_scan [harmless,
           always, badness, (triggers, when the package passes them)]]
  spin_entries: [(spun, rule number, always, guard or None, pre, suf)]
  spin_cores: per entry, what the pipeline puts in place of a hit (its original's core)
  spin_rules: the spin rule ids, in the kernel's numbering
  counted: the words spin detection counts (`spin.detection._COUNTED`)
  title_words: the title bounds metadata passes to `title_line`
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import cleantext
from cleantext import _native
from cleantext import kernel as kernel_mod
from cleantext.metadata import TITLE_MAX_WORDS, TITLE_MIN_WORDS
from cleantext.spin import table as table_mod
from cleantext.spin.detection import _COUNTED


class _Recorder:
    calls: list[tuple[Any, ...]]
    #: The constructor's parameters, in order (`kernel()` may pass them by name).
    params: tuple[str, ...]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        rest = self.params[len(args) :]
        assert set(kwargs) == set(rest), f"{type(self).__name__}: unexpected arguments {sorted(kwargs)}"
        type(self).calls.append((*args, *(kwargs[name] for name in rest)))


class _Kernel(_Recorder):
    calls: list[tuple[Any, ...]] = []
    params = ("vocabularies", "rules", "line_shape", "repair_scan")


class _SpinTable(_Recorder):
    calls: list[tuple[Any, ...]] = []
    params = ("entries",)


def _record() -> tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]:
    real = _native.Kernel, _native.SpinTable
    _native.Kernel, _native.SpinTable = _Kernel, _SpinTable  # type: ignore[misc,assignment]
    try:
        kernel_mod.kernel.__wrapped__()  # the functions under @cache
        table = table_mod.table.__wrapped__()
    finally:
        _native.Kernel, _native.SpinTable = real  # type: ignore[misc]
    (kargs,) = _Kernel.calls
    (targs,) = _SpinTable.calls
    return kargs, targs, table.entries


def spec() -> dict[str, Any]:
    kargs, targs, entries = _record()
    (rows,) = targs
    assert len(rows) == len(entries)
    return {
        "package": cleantext.__file__,
        "kernel": list(kargs),
        "spin_entries": [list(r) for r in rows],
        "spin_cores": [e.core for e in entries],
        "spin_rules": list(table_mod.RULES),
        "counted": list(_COUNTED),
        "title_words": [TITLE_MIN_WORDS, TITLE_MAX_WORDS],
    }


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "spec.json"
    s = spec()
    out.write_text(json.dumps(s, ensure_ascii=False, indent=1), encoding="utf-8")
    v, r, _, scan = s["kernel"]
    print(
        f"{out}: {len(v)} vocabularies, {len(r)} rules, repair scan of {len(scan)} parts, "
        f"{len(s['spin_entries'])} spin entries (from {s['package']})"
    )


if __name__ == "__main__":
    main()
