"""Every docstring example in the package runs as a doctest."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import cleantext

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(cleantext.__path__, "cleantext.") if m.name != "cleantext.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    if name == "cleantext.integrations.datatrove":
        pytest.importorskip("datatrove")  # an optional extra
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert failures == 0


def test_readme_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Python session runs as shown (from the repository root)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    failures, tried = doctest.testfile(str(root / "README.md"), module_relative=False,
                                       optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert tried > 0 and failures == 0
