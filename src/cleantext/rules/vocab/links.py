"""Links to other stories: list headers, inline links and medium teasers."""

from __future__ import annotations

from ..model import Vocabulary
from . import whole_line

# --- link lists ("Latest World News", "Read more from ...:", "Recommended")
LINK_LIST_HEADER = whole_line(
    "link_list_header",
    r"(?:latest|top|more|related|recommended|popular|trending|featured|editor'?s'? picks?|most (?:read|popular|viewed|shared|watched|commented))"
    r"(?: [\w'’&-]+){0,3} (?:news|stories|articles|posts|videos|reads|headlines|content|coverage|links|topics|reading)",
    r"latest|related|recommended|trending|popular|most (?:read|popular|viewed|shared|watched)|top stories|editor'?s'? picks?",
    r"recommended (?:for you|articles|reading|stories|videos)",
    r"see (?:more|all)(?: [\w'’&-]+){0,5}",
    r"(?:read|learn) (?:more|extra|next)(?: (?:from|on|about|in) [^.!?]{1,60})?",
    r"more (?:from|on|in|about|by|stories from|news from) [^.!?]{1,60}",
    r"(?:you|we think you) (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)(?: these)?",
    r"also read|further reading|what to read next|read next|up next|more stories|more news|more videos",
    r"(?:from )?around the web|sponsored (?:links|stories|content|headlines)|promoted (?:stories|content|links)",
    r"in case you missed it|don'?t miss|more to explore|keep reading|related (?:articles|stories|content|coverage|posts|links|topics|video|videos)",
    r"(?:other|similar) (?:stories|articles|news)|latest (?:on|from) [^.!?]{1,40}",
    examples=("Latest World News", "Read more from The Herald:", "Learn extra from Sky Information:",
              "Related Articles", "You may also like", "Most Read"),
    near_misses=("More than 200 people attended the meeting.", "Latest figures show a rise in prices."),
)

# --- inline related links ("Moscow shooting latest: ...", "Analysis: ...")
RELATED_LINK = Vocabulary(
    "related_link",
    r"(?i)[^.!?:]{2,60}\b(?:latest|newest|live|live updates|as it happened)\s*:\s+\S"
    r"|(?:read|learn) (?:more|extra)\s*:\s+\S"
    r"|(?:related|see also|also read|read also|more|watch|listen)\s*:\s+\S",
    "match",
    examples=("Budget latest: Council confirms cuts to library hours", "Read more: Why prices are rising",
              "Related: Mayor faces vote of no confidence"),
    near_misses=("Who is responsible?", "The latest figures: a rise of 3%."),
)

# --- teasers that name their medium: "Taylor Swift talks politics Video"
MEDIA_WORDS = ("Video", "Videos", "Gallery", "Podcast", "Audio", "Watch", "Photos")
TEASER_MEDIUM = Vocabulary(
    "teaser_medium",
    r".{8,200}\s(?:%s)" % "|".join(MEDIA_WORDS),
    "fullmatch",
    examples=("Taylor Swift says she is informed enough to talk politics Video",),
    near_misses=("The committee will review the video evidence next week.", "Watch the video"),
)
