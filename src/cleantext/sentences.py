"""Sentence splitting with nltk's Punkt and shipped abbreviations (nothing is downloaded)."""

from __future__ import annotations

from functools import cache
from typing import Any

from .tables import load_words


@cache
def _punkt() -> Any:
    # Imported on first use: nltk pulls in numpy (and its BLAS threads), which
    # cleaning never needs.
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(load_words("abbreviations.txt"))
    return PunktSentenceTokenizer(params)


def sentences(text: str) -> list[str]:
    """Split one paragraph into sentences (nltk Punkt, abbreviations shipped).

    >>> sentences("Mr. Putin met Gov. Smith in the U.S. on Tuesday. He said no.")
    ['Mr. Putin met Gov. Smith in the U.S. on Tuesday.', 'He said no.']
    """
    return [text[a:b] for a, b in _punkt().span_tokenize(text)]
