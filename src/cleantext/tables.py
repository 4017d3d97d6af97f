"""Load the package's data tables once (word lists and phrase tables).

Tables are plain UTF-8 text files in `cleantext/data/`: `#` starts a comment
line (provenance notes live there), blank lines are ignored.  TSV tables have
a header row naming their columns.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def content_lines(text: str) -> list[str]:
    """The lines of a table file that are neither blank nor `#` comments."""
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def parse_tsv(text: str) -> tuple[dict[str, str], ...]:
    """Rows of TSV text with a header line, as dicts keyed by column name."""
    lines = content_lines(text)
    if not lines:
        return ()
    header = lines[0].split("\t")
    rows = []
    for ln in lines[1:]:
        cells = ln.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return tuple(rows)


def _read(name: str) -> str:
    return resources.files("cleantext.data").joinpath(name).read_text(encoding="utf-8")


@cache
def load_words(name: str) -> frozenset[str]:
    """A set of lower-cased entries, one per line (e.g. abbreviations)."""
    return frozenset(ln.strip().lower() for ln in content_lines(_read(name)))


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged TSV table, loaded once."""
    return parse_tsv(_read(name))
