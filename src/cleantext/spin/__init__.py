"""Spun (synonym-substituted) text: the tables, detection and the repair policy.

Article spinners copy a news article and swap words for synonyms of the
wrong sense ("mass shooting" -> "mass taking pictures", "said" -> "stated").
`table` loads the inverse substitutions (the kernel finds them in text),
`detect` judges whether a document is spun, `repair` turns what was found
into edits, following ftfy's "prefer a thousand missed fixes to one wrong
one":

* ``always`` entries are phrases that do not occur in normal English
  ("live performance corridor"); they are repaired in any English text;
* ``spun_only`` entries are ambiguous ("stated" -> "said") and are repaired
  only when the document as a whole was judged spun;
* every entry may carry a guard: a regex searched in a window around the
  match; if it matches, the repair is blocked ("assault rifle", "Royal Navy").
"""

from __future__ import annotations

from .detection import SpinReport, detect
from .edits import Edit, find_repairs
from .table import RULES, tokenize

__all__ = ["RULES", "Edit", "SpinReport", "detect", "find_repairs", "tokenize"]
