"""The public calls: `clean`, `clean_and_explain` and `repair`."""

from __future__ import annotations

from typing import Any

from .config import Config, resolve
from .model import Result
from .pipeline import clean_document, explain
from .rules import registry


def clean_and_explain(text: str, config: Config | None = None, **options: Any) -> Result:
    """Clean scraped article text and return the text with every decision.

    >>> r = clean_and_explain("Storm hits coast\\n\\nThe storm hit the coast on Monday, officials said."
    ...                       "\\n\\nShare this article")
    >>> r.text
    'Storm hits coast\\n\\nThe storm hit the coast on Monday, officials said.'
    >>> [(a.rule, a.before) for a in r.actions]
    [('navigation', 'Share this article')]
    """
    return explain(clean_document(text, resolve(config, options)))


def clean(text: str, config: Config | None = None, **options: Any) -> str:
    """Clean scraped article text: boilerplate removed, Unicode and spun text repaired.

    Options are the `Config` switches, e.g. ``clean(text, caption=False)``.
    No action log or metadata is built: `clean_and_explain` has them.

    >>> clean("Pic: AP\\nThe minister resigned on Friday after a week of pressure.")
    'The minister resigned on Friday after a week of pressure.'
    """
    return clean_document(text, resolve(config, options)).text()


def repair(text: str, config: Config | None = None, **options: Any) -> str:
    """Repair spun text and broken Unicode without removing anything.

    For text that is already clean: every boilerplate rule is switched off.

    >>> repair("Police said the gunmen opened fire in the live performance corridor "
    ...        "on Friday evening, and that the men were arrested on Saturday.")
    'Police said the gunmen opened fire in the concert hall on Friday evening, and that the men were arrested...'
    """
    off = {r.id: False for r in registry.boilerplate()}
    return clean(text, resolve(config, options).replace(**off))
