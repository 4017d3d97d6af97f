"""Config: one switch per registered rule, plus the options; frozen and validated.

The switch names are the rule ids of the registry (`rules/registry.py`), so
`clean(text, caption=False)` turns off exactly the rule whose actions say
`rule="caption"`, and a rule added to the registry has its switch at once.
Defaults err toward keeping text; lossy options are opt-in.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .rules import registry

_DEFAULTS: dict[str, bool] = {r.id: r.default for r in registry.RULES} | {
    name: default for name, (default, _) in registry.OPTIONS.items()
}


class Config:
    """Switches for every rule and the options of the pipeline.

    >>> Config(caption=False).caption
    False
    >>> Config().replace(uncurl_quotes=True).uncurl_quotes
    True
    """

    __slots__ = ("_values", "_enabled")
    _values: Mapping[str, bool]
    _enabled: frozenset[str]

    def __init__(self, **switches: Any) -> None:
        _check(switches)
        values = {**_DEFAULTS, **switches}
        object.__setattr__(self, "_values", values)
        object.__setattr__(self, "_enabled", frozenset(k for k, v in values.items() if v))

    def __getattr__(self, name: str) -> bool:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"Config has no switch {name!r}") from None

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Config is frozen: use config.replace(...)")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Config) and dict(self._values) == dict(other._values)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._values.items())))

    def __repr__(self) -> str:
        changed = ", ".join(f"{k}={v}" for k, v in self._values.items() if v != _DEFAULTS[k])
        return f"Config({changed})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (dict(self._values),))

    def __iter__(self) -> Iterator[tuple[str, bool]]:
        return iter(self._values.items())

    def replace(self, **overrides: Any) -> Config:
        """A copy with some switches changed; unknown names raise TypeError."""
        return Config(**{**self._values, **overrides})

    @classmethod
    def names(cls) -> list[str]:
        """Every switch: the rule ids in registry order, then the options."""
        return list(_DEFAULTS)

    def enabled(self) -> frozenset[str]:
        """The names of the switches that are on."""
        return self._enabled


def _restore(values: dict[str, bool]) -> Config:
    return Config(**values)


def _check(switches: Mapping[str, Any]) -> None:
    unknown = sorted(set(switches) - set(_DEFAULTS))
    if unknown:
        raise TypeError(f"unknown cleantext option(s) {', '.join(unknown)}; valid options: {', '.join(_DEFAULTS)}")
    for name, value in switches.items():
        if not isinstance(value, bool):
            raise TypeError(f"Config.{name} must be True or False, not {value!r}")


def resolve(config: Config | None, overrides: dict[str, Any]) -> Config:
    """The config to run with: `config` (or the defaults) plus keyword overrides."""
    if config is not None and not isinstance(config, Config):
        raise TypeError(f"config must be a cleantext.Config, not {type(config).__name__}")
    base = config or _DEFAULT
    return base.replace(**overrides) if overrides else base


_DEFAULT = Config()
