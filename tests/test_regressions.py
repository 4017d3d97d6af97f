"""Inputs that once broke an invariant (tests/regressions/*.json; see its README).

Each is run through the fuzz harness's `check` (every invariant of issue 5);
`max_seconds` bounds the time of one `clean` (pathological regex inputs).
Files with `"status": "open"` are strict xfails until the lead lands the fix.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import cleantext

HERE = Path(__file__).resolve().parent
CASES = sorted((HERE / "regressions").glob("*.json"))


def _load_checker() -> ModuleType:
    name = "cleantext_fuzz_clean"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE.parent / "fuzz" / "fuzz_clean.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _load(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert {"name", "text", "bug", "status"} <= set(case), path
    return case


def _param(path: Path) -> Any:
    case = _load(path)
    marks = []
    if case["status"] == "open":
        marks.append(pytest.mark.xfail(strict=True, reason=f"bug: {case['bug'][:80]}; see report"))
    return pytest.param(path, id=case["name"], marks=marks)


def test_there_are_regression_inputs() -> None:
    assert CASES


@pytest.mark.parametrize("path", [_param(p) for p in CASES])
def test_regression_input(path: Path) -> None:
    case = _load(path)
    text = case["text"]
    if case.get("max_seconds"):
        cleantext.clean("warm up")
        start = time.perf_counter()
        cleantext.clean(text)
        elapsed = time.perf_counter() - start
        assert elapsed < case["max_seconds"], f"{elapsed:.2f} s"
    if case.get("check", True):
        _load_checker().check(text)
