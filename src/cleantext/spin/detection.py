"""Judge whether a document is spun, and say why.

The kernel scans the document's kept lines once (`Document.spin_scan`): word
counts, table entries found, speech attributed by "mentioned".  This module is
the policy that turns those counts into a verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import _native
from ..kernel import document
from .table import RULES, table

#: Score at or above which a document is spun (with >= 2 evidence families).
SPUN_THRESHOLD = 0.4

#: A short text (an excerpt, a few sentences) rarely reaches the score.  An
#: always-tier spinner phrase, which normal English does not show, together
#: with at least this many distinct spun_only forms is enough on its own...
PHRASE_WITH_FORMS = 2
#: ...if the forms are dense: at least this many per 100 words.  A whole page
#: in normal writing shows many distinct forms ("believe", "model",
#: "however": 0.8 per 100 words on the clean dev pages that have a phrase-like
#: string), spun excerpts 1.8-3.5.
FORMS_PER_100_WORDS = 1.5

#: Frequent English function words: a document whose words are mostly not
#: these is not English, and spin detection stays silent on it.
FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it was on with as he she by at be this are "
    "from have has had were his her they but not an or which who will said their "
    "been its would after about also than more one there what when we you".split()
)
_MIN_ENGLISH_SHARE = 0.25
_MIN_ENGLISH_WORDS = 8

# Words whose counts the verdict uses.
_COUNTED = sorted(FUNCTION_WORDS | {"stated", "mentioned", "said", "says", "within", "in", "folks", "individuals",
                                    "people"})

# Words counted by the ratio features; kept out of the vocabulary feature so
# one habit is not counted twice.
_RATIO_WORDS = frozenset({"stated", "mentioned", "within", "within the", "folks", "individuals"})
_WEIGHTS = {
    "phrases": 0.35,
    "spinner_vocabulary": 0.25,
    "stated_vs_said": 0.2,
    "within_vs_in": 0.2,
    "folks_vs_people": 0.1,
}


@dataclass(frozen=True)
class SpinReport:
    """The spin verdict for one document, with the evidence behind it."""

    score: float
    is_spun: bool
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def english(self) -> bool:
        """Repairs apply to English text only."""
        return bool(self.evidence.get("english", False))

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-able form for Result.metadata and the explain log."""
        return {"score": self.score, "is_spun": self.is_spun, "evidence": dict(self.evidence)}


def _clamp(x: float) -> float:
    return max(0.0, min(1.0, x))


def _share_feature(spun: int, plain: int, *, min_spun: int, baseline: float, span: float) -> float:
    """How far the spinner's share of a word pair exceeds what normal
    English shows, 0..1; 0 unless the spinner's form occurs min_spun times."""
    if spun < min_spun:
        return 0.0
    return _clamp((spun / (spun + plain) - baseline) / span)


def detect(texts: Sequence[str]) -> SpinReport:
    """Judge whether the lines of one document are spun (see `judge`)."""
    return judge(document("\n".join(t.replace("\n", " ") for t in texts), frozenset()))


def judge(doc: _native.Document) -> SpinReport:
    """Judge whether one document (its kept lines) is spun.

    Evidence families: always-tier tell-tale phrases found; "stated" /
    "mentioned" crowding out "said"; "within" crowding out "in"; "folks" /
    "individuals" crowding out "people"; and the density of distinct
    spun_only table forms (clean news shows about 1 per 100 words at most,
    spun pages 2-20).  Any one family can occur in normal writing, so a
    document is spun only if the score reaches SPUN_THRESHOLD with at least
    two families present, or (for short texts) if it shows a spinner phrase
    or a speech attribution by "mentioned" at a closing quote and
    PHRASE_WITH_FORMS distinct spun_only forms at a density of
    FORMS_PER_100_WORDS; evidence["rule"] says which.
    """
    t = table()
    nwords, counts, found, attributions = doc.spin_scan(t.native, _COUNTED, t.mask(RULES))
    counted = dict(zip(_COUNTED, counts, strict=True))
    phrases: dict[str, int] = {}
    tortured: dict[str, int] = {}
    forms: set[str] = set()  # distinct spun_only forms found
    for index, times in found:
        e = t.entries[index]
        if e.rule == "spin_word":
            forms.add(e.spun.lower())
            continue
        bucket = tortured if e.rule == "tortured_phrase" else phrases
        bucket[e.spun] = bucket.get(e.spun, 0) + times
    if not counted["mentioned"]:
        attributions = 0
    vocab = forms - _RATIO_WORDS  # the ratio words are counted by their own features
    english = nwords >= _MIN_ENGLISH_WORDS and sum(counted[w] for w in FUNCTION_WORDS) / nwords >= _MIN_ENGLISH_SHARE
    stated = counted["stated"] + counted["mentioned"]
    said = counted["said"] + counted["says"]
    within, in_ = counted["within"], counted["in"]
    folks = counted["folks"] + counted["individuals"]
    people = counted["people"]
    per100 = 100 * len(vocab) / max(nwords, 1)
    features = {
        "phrases": _clamp(len(phrases) / 2 + len(tortured) / 6),
        "spinner_vocabulary": _clamp((per100 - 1.5) / 2.0) if len(vocab) >= 3 else 0.0,
        "stated_vs_said": _share_feature(stated, said, min_spun=3, baseline=0.5, span=0.4),
        "within_vs_in": _share_feature(within, in_, min_spun=3, baseline=0.05, span=0.25),
        "folks_vs_people": _share_feature(folks, people, min_spun=2, baseline=0.4, span=0.4),
    }
    score = round(min(1.0, sum(_WEIGHTS[k] * v for k, v in features.items())), 3) if english else 0.0
    families = sum(1 for v in features.values() if v > 0)
    rule = None
    if english and score >= SPUN_THRESHOLD and families >= 2:
        rule = "score"
    elif (english and (phrases or attributions) and len(forms) >= PHRASE_WITH_FORMS
          and 100 * len(forms) >= FORMS_PER_100_WORDS * max(nwords, 1)):
        rule = "phrase_and_forms"
    evidence: dict[str, Any] = {
        "english": english,
        "words": nwords,
        "phrases": dict(sorted(phrases.items())),
        "tortured": dict(sorted(tortured.items())),
        "mentioned_attributions": attributions,
        "stated_vs_said": [stated, said],
        "within_vs_in": [within, in_],
        "folks_vs_people": [folks, people],
        "spinner_vocabulary": sorted(vocab),
        "features": {k: round(v, 3) for k, v in features.items()},
        "rule": rule,
    }
    return SpinReport(score=score, is_spun=rule is not None, evidence=evidence)
