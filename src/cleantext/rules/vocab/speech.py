"""Quotation and reported speech."""

from __future__ import annotations

from ..model import Vocabulary

# A line quoting someone: a source quoted in a story ("we rely on donations,"
# she said) is not the site's own notice.
SPEECH = Vocabulary(
    "speech",
    r"(?i)[\"“”„«»]|\b(?:said|says|told|according to)\b",
    "search",
    examples=("\"We earn a commission,\" the owner said.", "According to the report, it rose."),
    near_misses=("We may earn a commission.",),
)

# Speech attributed with "mentioned" right at a closing quotation mark: the
# spinner's "said" -> "mentioned" ("...?" mentioned Michael; "...," the
# senator mentioned.).  Normal news writing attributes speech with "said",
# "says", "added", "wrote" and the like, never "mentioned" (none in the gold
# bodies and raw pages of the clean dev set, nor in the original side of the
# aligned training pairs; 11 in their spun side).  The quote must close speech
# (a comma, "?", "!" or an ellipsis before it): a quoted title may be the
# subject ("The report "Climate" mentioned the risks").  Inverted, the speaker
# after "mentioned" is a capitalised word or a pronoun ("mentioned in the
# report" is not speech); otherwise the speaker (at most five words) comes
# first and "mentioned" ends the clause.
MENTIONED_ATTRIBUTION = Vocabulary(
    "mentioned_attribution",
    r"[,?!…]\s*[\"”]\s*(?:mentioned\s+(?:[A-Z]|(?:he|she|they|we|I)\b)"
    r"|(?:[\w’'.-]+\s+){1,5}mentioned\s*(?:[.,;:]|$))",
    "search",
    examples=("“Is it over?” mentioned Michael.", "“We are ready,” the senator mentioned.",
              "“No,” she mentioned"),
    near_misses=("The report “Climate” mentioned the risks.", "“Yes,” she said, and mentioned in the report"),
)
