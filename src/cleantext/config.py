"""Config: one switch per rule id, plus a few options; frozen and validated.

The field names are the rule ids used in actions, stats and tests, so
`clean(text, caption=False)` turns off exactly the rule whose actions say
`rule="caption"`.  Defaults err toward keeping text; lossy options are opt-in.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, kw_only=True)
class Config:
    """Switches for every rule and the options of the pipeline."""

    # --- stage: text repair (per line)
    fix_unicode: bool = True
    """Repair mojibake and broken Unicode with ftfy."""
    uncurl_quotes: bool = False
    """Also turn curly quotes into straight ones (off: keep typography)."""
    control_chars: bool = True
    """Remove NUL and other C0 control characters."""
    html_tag: bool = True
    """Remove HTML tags left inside a line."""

    # --- stage: boilerplate, pattern rules
    html_remnant: bool = True
    navigation: bool = True
    comment_form: bool = True
    share_prompt: bool = True
    video_notice: bool = True
    link_list: bool = True
    photo_credit: bool = True
    caption: bool = True
    date_line: bool = True
    byline: bool = True
    related_link: bool = True

    # --- stage: boilerplate, context rules
    repeated_block: bool = True
    image_label: bool = True
    category_tag: bool = True
    appended_article: bool = True
    trailing_headlines: bool = True
    outside_main_text: bool = True

    # --- stage: spun-text repair (kept segments only)
    spin_phrase: bool = True
    """Undo spinner phrases that never occur in normal English (always on)."""
    spin_word: bool = True
    """Undo ambiguous spinner substitutions, only in a document judged spun."""
    tortured_phrase: bool = True
    """Undo tortured phrases from the Problematic Paper Screener list."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type in ("bool", bool) and not isinstance(value, bool):
                raise TypeError(f"Config.{f.name} must be True or False, not {value!r}")

    def replace(self, **overrides: Any) -> Config:
        """A copy with some switches changed; unknown names raise TypeError."""
        unknown = sorted(set(overrides) - {f.name for f in fields(self)})
        if unknown:
            raise TypeError(
                f"unknown cleantext option(s) {', '.join(unknown)}; valid options: {', '.join(self.names())}"
            )
        return dataclasses.replace(self, **overrides)

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def enabled(self) -> frozenset[str]:
        """The names of the switches that are on."""
        return frozenset(f.name for f in fields(self) if getattr(self, f.name) is True)


def resolve(config: Config | None, overrides: dict[str, Any]) -> Config:
    """The config to run with: `config` (or the defaults) plus keyword overrides."""
    if config is not None and not isinstance(config, Config):
        raise TypeError(f"config must be a cleantext.Config, not {type(config).__name__}")
    base = config or Config()
    return base.replace(**overrides) if overrides else base
