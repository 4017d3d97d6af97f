"""Line shapes the rules read: sentence decorations, post credits, tags, list items."""

from __future__ import annotations

from ..model import Vocabulary

# --- decorations that can follow a sentence's end in posts: links, hashtags, emoji
EMOJI = r"[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]"
DECORATED_END = Vocabulary(
    "decorated_end",
    r"(?:\s*(?:(?:https?://|www\.|pic\.twitter\.com/)\S+|#\w[\w-]*|%s+))+\s*$" % EMOJI,
    "search",
    examples=("The budget passed tonight. pic.twitter.com/Ab12Cd34", "Vote today.#LeedsVotes", "See you there! 🙂"),
    near_misses=("The budget passed tonight.", "Call 555-0100 # now"),
)
EMOJI_ONLY = Vocabulary(
    "emoji_only", r"(?:\s|%s)+" % EMOJI, "fullmatch",
    examples=(" 🙂", "🎉🎉"), near_misses=("#tag",),
)
# "— Jane Doe (@janedoe) October 9, 2018": the credit line under an embedded post.
POST_CREDIT = Vocabulary(
    "post_credit",
    r"[—–-]{1,2}\s*[^()\n]{1,80}\(@\w{1,30}\)[^()]{0,40}",
    "fullmatch",
    examples=("— Leeds Council (@LeedsCC) May 4, 2023",),
    near_misses=("— Leeds Council May 4, 2023",),
)
# --- kickers and category tags ("ENT", "WORLD NEWS")
ALL_CAPS_TAG = Vocabulary(
    "caps_tag", r"[\p{Lu}\d&/' -]{1,24}", "fullmatch",
    examples=("ENT", "WORLD NEWS"), near_misses=("World News",),
)
# "1. ", "- ", "• ": a list item, not a menu entry.
LIST_ITEM = Vocabulary(
    "list_item", r"(?:\d{1,3}[.)]|[-•*▪·])\s", "match",
    examples=("1. Preheat the oven", "• Two eggs"), near_misses=("1998 was a good year",),
)
