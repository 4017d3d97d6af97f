"""Every docstring example in the package runs as a doctest."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import cleantext

MODULES = sorted(m.name for m in pkgutil.walk_packages(cleantext.__path__, "cleantext.") if m.name != "cleantext.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert failures == 0
