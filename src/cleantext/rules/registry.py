"""Every rule of cleantext, declared once.

A rule's id is its config switch, the `rule` of its actions, its key in
`Result.counts` and its name in `cleantext rules` and the README's table;
this module is where each one is declared, with its stage, its reason, its
data (clauses and vocabularies, thresholds) and examples that must trigger it
and must not (tests/test_rules.py runs them all).  Asking for an id that is
not here raises `UnknownRule`.

To add a vocabulary rule: add a `Rule` with a clause over a `Vocabulary`
(rules/vocab/), with examples.  The kernel runs pattern rules in the order
below and a line goes to the first that matches it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import Clause, Example, Rule, examples
from .vocab import authors, credits, dates, furniture, links, shapes, speech

PROSE = "The council voted on Tuesday to approve the new budget after a long debate in the chamber."
PROSE2 = "Officials said the plan would take effect next year and cost about two million pounds."
PROSE3 = "Opposition members criticised the decision, saying residents had not been consulted."
PROSE4 = "The mayor defended the vote and promised a review of the spending within six months."


def article(*middle: str) -> str:
    """A plain article with `middle` between its first and second paragraphs."""
    return "\n\n".join([PROSE, *middle, PROSE2, PROSE3])


_MENU = "\n".join(["Home", "World News", "Business", "Sport", "Entertainment", "Travel", "Weather"])
_TEASERS = "\n\n".join(["Man Utd Sign New Striker", "Ten Best Beaches In Europe", "Stocks Slide As Oil Jumps"])

# Disclosures and paywall or donation prompts run to a short paragraph at most;
# a longer line is article prose that happens to talk about commissions,
# subscribers or donations.
MAX_NOTICE_WORDS = 60

# What the kernel needs to know about every line, whatever the rules.
LINE_SHAPE: Mapping[str, float] = {
    # Lines longer than this (characters) are prose: whole-line patterns never
    # apply to them, which also bounds the regex work on a 50 MB line.
    "max_pattern_chars": 600,
    # A headline-like line has 1 to this many words and no clause-ending punctuation.
    "headline_max_words": 25,
    # A prose line is a sentence of at least this many words.
    "prose_min_words": 8,
}

# The vocabularies the context rules and the line features read, by the name
# the kernel asks for.
SHAPES = (
    credits.CAPTION_MARKER, authors.NAME, authors.AUTHOR_ROLE, shapes.ALL_CAPS_TAG, dates.DATELINE,
    shapes.POST_CREDIT, shapes.DECORATED_END, shapes.EMOJI_ONLY, shapes.LIST_ITEM, speech.SPEECH,
    speech.MENTIONED_ATTRIBUTION,
)

RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------ line repairs
    Rule("control_chars", "repair", "control characters or lone surrogates removed",
         "NUL and other C0 control characters, lone surrogates",
         triggers=(Example("The vote\x00 was close.", "The vote\x00 was close."),),
         keeps=(Example("The vote was close.", "The vote was close."),)),
    Rule("fix_unicode", "repair", "ftfy: mojibake and broken Unicode repaired",
         "mojibake and broken Unicode (ftfy); typography is kept unless `uncurl_quotes`",
         triggers=(Example("He doesnâ€™t agree.", "He doesnâ€™t agree."),),
         keeps=(Example("He doesn’t agree.", "He doesn’t agree."),)),
    Rule("html_tag", "repair", "HTML tags removed", "HTML tags left inside a line",
         triggers=examples("The <b>final</b> vote was 30 to 12."),
         keeps=examples("Turnout was < 30% in 2019 and > 40% in 2023.")),
    Rule("html_remnant", "pattern", "HTML markup left by the scraper",
         "lines holding only HTML markup (tags inside text are removed by `html_tag`)",
         triggers=examples('<div class="ad"></div>'),
         keeps=examples("Turnout was < 30% in 2019 and > 40% in 2023.")),
    # ------------------------------------------------------------ pattern rules
    Rule(
        "navigation", "pattern", "menu, share or page-furniture line",
        "menus, \"Skip to content\", share bars, tag lines, \"Advertisement\", copyright notices, "
        "advertising and affiliate disclosures",
        clauses=(
            Clause(furniture.NAVIGATION, "menu, tag or page-furniture line", max_words=40),
            Clause(furniture.LEGAL_NOTICE, "copyright or legal notice", max_words=60),
            Clause(furniture.DISCLOSURE, "advertising or affiliate disclosure", max_words=MAX_NOTICE_WORDS,
                   unquoted=True),
        ),
        weight=-6.0,
        triggers=(
            Example("Skip to main content", "Skip to main content\n\n" + PROSE),
            *examples("Share this article", "Advertisement", "In this article: budget, council, Leeds",
                      "This document is subject to copyright. No part may be reproduced without permission.",
                      *furniture.DISCLOSURE.examples),
        ),
        keeps=examples(
            "Search parties found the missing hikers on Sunday morning.",
            "The council said the report was subject to further review by auditors next year.",
            *furniture.DISCLOSURE.near_misses,
            "\"If a customer buys through the link, we earn a commission,\" the shop's owner explained.",
            # Past MAX_NOTICE_WORDS a line is prose even with a disclosure's wording in it.
            "We may earn a commission when you buy through links on our site, "
            + " ".join(["and the story goes on"] * 12) + ".",
        ),
    ),
    Rule(
        "comment_form", "pattern", "comment-form prompt",
        "\"LEAVE A REPLY\", \"Please enter your comment!\", form fields",
        clauses=(Clause(furniture.COMMENT_FORM, "comment-form prompt", max_words=25),),
        weight=-20.0,
        triggers=examples("LEAVE A REPLY", "Please enter your comment!", "Comment *", "Leave this field blank"),
        keeps=examples("Comments from residents were overwhelmingly negative, the report said."),
    ),
    Rule(
        "share_prompt", "pattern", "social, newsletter or 'tap here' prompt",
        "\"Follow … on WhatsApp\", \"Tap here\", \"Click here to read …\", newsletter prompts, paywall, "
        "membership, donation and ad-blocker prompts",
        clauses=(
            Clause(furniture.SHARE_PROMPT, "social, newsletter or 'tap here' prompt", max_words=40),
            Clause(furniture.SUPPORT_PROMPT, "paywall, membership, donation or ad-blocker prompt",
                   max_words=MAX_NOTICE_WORDS, unquoted=True),
        ),
        weight=-10.0,
        triggers=examples(
            "Follow The Herald on WhatsApp", "Click here to read the full report", "Tap here",
            "Sign up for our free morning newsletter here", "GET THE NEWS ON THE GO BY CLICKING HERE",
            "Join our forums to keep talking about the news", "Subscribe to our mailing list!",
            *furniture.SUPPORT_PROMPT.examples,
        ),
        keeps=examples("Follow-up inspections found that the school had improved.",
                       *furniture.SUPPORT_PROMPT.near_misses),
    ),
    Rule(
        "video_notice", "pattern", "video-player notice or promo",
        "video-player notices, promos, and the title line of an embedded video",
        clauses=(Clause(furniture.VIDEO_NOTICE, "video-player notice or promo", max_words=30),),
        params={"title_max_words": 12},
        triggers=examples("Please use Chrome browser for a more accessible video player",
                          "Promo for the evening programme on the election."),
        keeps=examples("The video was shared widely on social media, police said."),
    ),
    Rule(
        "link_list", "pattern", "related-links header or its items",
        "\"Latest World News\", \"Read more from …:\", \"Recommended\" headers and the headline lines under them",
        clauses=(Clause(links.LINK_LIST_HEADER, "related-links header", max_words=10),),
        # The list ends where a sentence of this many words, or any line of
        # `item_max_words` words, resumes the article.
        params={"sentence_min_words": 5, "item_max_words": 25},
        weight=-10.0,
        triggers=(
            *examples("Read more from The Herald:"),
            Example("Budget row deepens as councillors walk out",
                    PROSE + "\n\nRelated Articles\n\nBudget row deepens as councillors walk out\n\n"
                    "Mayor faces vote of no confidence"),
        ),
        keeps=examples("More than 200 people attended the meeting."),
    ),
    Rule(
        "photo_credit", "pattern", "photo credit or caption marker",
        "\"Picture: PA\", \"© RT\", \"NAME via Getty Images\", a bare \"Picture:\" marker",
        clauses=(Clause(credits.CREDIT_LINE, "photo credit or caption marker", max_words=12),),
        triggers=examples("Picture: PA", "© Reuters", "JOHN SMITH via Getty Images"),
        keeps=examples("He posted the photo via Twitter."),
    ),
    Rule(
        "caption", "pattern", "photo caption (caption style or trailing credit)",
        "\"FILE - …\", \"In this photo …\", \"Image caption …\", lines ending in a credit \"(Name/AP)\", \"Pic: AP\"",
        clauses=(
            Clause(credits.CAPTION_START, "caption style ('FILE -', 'In this photo ...')", long_lines=True),
            Clause(credits.CAPTION_CREDIT_END, "ends with a photo credit", max_words=150, tail=250),
        ),
        triggers=examples(
            "FILE - The town hall in Leeds, England, on March 3, 2023.",
            "Councillors leave the chamber after the vote (Jane Doe/PA Wire)",
            "The mayor speaks to reporters. Pic: Reuters",
            "Image caption Protesters gathered outside the town hall on Monday",
            "The plant reopened in May. Photograph by Jane Doe/AFP/Getty Images",
            "Councillor Amy Jones Submitted photo",
        ),
        keeps=examples(
            "In this case, the court found no evidence of wrongdoing.",
            "The image caption contest drew hundreds of entries from local schools this year.",
        ),
    ),
    Rule(
        "date_line", "pattern", "publication date line (kept as metadata)",
        "publication date lines (the date goes to metadata)",
        clauses=(
            Clause(dates.TIME_ONLY, "time stamp line", max_words=3),
            Clause(dates.DATE, "publication date line", max_words=14, filler=dates.DATE_WORDS, rest_words=1),
        ),
        triggers=(
            Example("Published: 4 May 2023, 10:15", "Budget approved\n\nPublished: 4 May 2023, 10:15\n\n" + PROSE),
            *examples("10:14 PM"),
        ),
        keeps=examples("On 4 May 2023 the council met again to discuss the plan in detail."),
    ),
    Rule(
        "byline", "pattern", "byline or author box (kept as metadata)",
        "\"By …\", \"Name - correspondent\", \"@handle\", author boxes (authors go to metadata)",
        clauses=(
            Clause(authors.BYLINE, "byline", max_words=12),
            Clause(authors.HANDLE, "byline", max_words=12),
            Clause(authors.BYLINE_DATED, "byline with date", max_words=12, shape="not_sentence_end",
                   also=dates.DATE),
            Clause(authors.NAME_DASH_ROLE, "author name and role", max_words=12,
                   group=("role", authors.AUTHOR_ROLE)),
            Clause(authors.AUTHOR_ROLE, "author role line", max_words=5, shape="not_terminal"),
        ),
        # A bare name line this close to a byline, of at most this many words,
        # belongs to the author box.
        params={"box_lines": 2, "box_max_words": 4},
        triggers=(
            Example("By Jane Smith", "Budget approved\n\nBy Jane Smith\n\n" + PROSE),
            Example("@janesmith", article("Jane Smith - Political correspondent\n\n@janesmith")),
            *examples("By HNN Staff | November 18, 2019 at 2:26 PM HST"),
        ),
        keeps=examples("By the end of the year, the fund was empty.",
                       "By Tuesday, November 18, 2019, the council had approved the plan."),
    ),
    Rule(
        "related_link", "pattern", "inline link to another story",
        "inline \"… latest: …\" links and \"… Video\" teasers",
        clauses=(
            Clause(links.RELATED_LINK, "inline link to another story", shape="headline"),
            Clause(links.TEASER_MEDIUM, "teaser for a video or gallery", max_words=20, shape="headline"),
        ),
        weight=-3.0,
        triggers=examples("Budget latest: Council confirms cuts to library hours",
                          "Taylor Swift says she is informed enough to talk politics Video"),
        keeps=examples("Who is responsible?", "The committee will review the video evidence next week."),
    ),
    # ------------------------------------------------------------ context rules
    Rule(
        "repeated_block", "context", "repeats an earlier block",
        "later copies of a line already seen in this document (titles, leads, captions)",
        # A line this short (fewer words and characters) is never a repeat.
        params={"min_words": 2, "min_chars": 12},
        triggers=(Example(PROSE2, "\n\n".join([PROSE, PROSE2, PROSE3, PROSE2])),),
        keeps=(Example("“Yes,” he said.", article("“Yes,” he said.", "“No,” she said.")),),
    ),
    Rule(
        "image_label", "context", "alt text or short image label beside a caption",
        "alt text repeating a caption, \"Picture:\" triples, short labels beside captions",
        params={"marker_max_words": 80, "label_max_words": 4, "label_max_chars": 40},
        triggers=(Example("Leeds Council", article("Leeds Council\nThe chamber on Tuesday (Jane Doe/PA Wire)")),),
        keeps=examples("What happens next"),
    ),
    Rule(
        "category_tag", "context", "section tag or kicker above the headline",
        "\"ENT\", kickers above the headline",
        # Tags have at most `tag_max_words`; a kicker at most `kicker_max_words`,
        # each `shorter_by` words shorter than the headline below; the search
        # ends at the first prose line of `prose_min_words`.
        params={"tag_max_words": 3, "kicker_max_words": 3, "shorter_by": 3, "prose_min_words": 12},
        triggers=(
            Example("NEWS", "NEWS\n\nCouncil approves budget after long debate\n\n" + PROSE),
            Example("Local politics", "Local politics\n\nCouncil approves budget after long debate\n\n" + PROSE),
        ),
        keeps=(Example("NATO", PROSE + "\n\nNATO\n\n" + PROSE2),),
    ),
    Rule(
        "appended_article", "context", "a second, unrelated article appended after the main one",
        "a second wire story (new dateline) glued on after the main one (kept in `metadata[\"appended_article\"]`)",
        # A new dateline starts another story once this many prose lines were seen.
        params={"prose_lines_before": 3},
        weight=-1000.0,
        triggers=(Example(
            "LONDON (Reuters) — Shares rose on Friday as investors weighed new data on the economy.",
            "LEEDS (AP) — " + "\n\n".join([PROSE, PROSE2, PROSE3, PROSE4])
            + "\n\nLONDON (Reuters) — Shares rose on Friday as investors weighed new data on the economy."),),
        keeps=(Example("LEEDS (AP) — The council voted on Tuesday to approve the budget.",
                       "LEEDS (AP) — The council voted on Tuesday to approve the budget.\n\n" + PROSE2),),
    ),
    Rule(
        "trailing_headlines", "context", "run of headline-like lines at the end of the page",
        "three or more headline-like lines closing the page",
        params={"min_lines": 3, "min_words": 2},
        weight=-10.0,
        triggers=(Example("Mayor faces vote of no confidence",
                          article() + "\n\nMayor faces vote of no confidence\n\nLibrary hours cut across the city"
                          "\n\nBin collections move to fortnightly"),),
        keeps=(Example("What happens next", article() + "\n\nWhat happens next\n\n" + PROSE4),),
    ),
    Rule(
        "outside_main_text", "context", "outside the page's main run of article prose",
        "whatever lies outside the runs of article prose (maximum-sum runs, linear)",
        params={
            # A sentence of this many words weighs its word count.
            "prose_min_words": 10,
            # A short line with more lower-case than capitalised words (this
            # ratio) is a list item or a fragment: it costs `fragment_cost`;
            # another short line 1 + `menu_cost_per_word` a word (up to
            # `menu_max_words`).
            "lower_ratio": 1.0, "fragment_cost": 0.5, "menu_cost_per_word": 0.5, "menu_max_words": 30,
            # A run beside the main one is kept when it weighs this share of
            # the main run and at least `secondary_min` words of prose.
            "secondary_share": 0.3, "secondary_min": 30.0, "max_run_searches": 16,
            # The title: a headline-like line of 3..25 words this close above the main run.
            "title_lines_above": 12, "title_min_words": 3, "title_max_words": 25,
        },
        triggers=(Example("World News", _MENU + "\n\n" + article(PROSE4) + "\n\n" + _TEASERS),),
        keeps=(
            Example("NATO", PROSE + "\n\nNATO\n\n" + PROSE2),
            # A list of lower-case items above the article is part of it (a recipe).
            Example("2 tablespoons vegetable oil",
                    "Ingredients\n1 large chicken\n2 tablespoons vegetable oil\n1 onion, chopped\n" + article(PROSE4)),
        ),
    ),
    # ------------------------------------------------------------ spin repair
    Rule("spin_phrase", "spin", "spinner phrase that never occurs in normal English, repaired anywhere",
         "spinner phrases that never occur in normal English (\"live performance corridor\"), in any text",
         triggers=examples("Gunmen attacked a live performance corridor in the city on Friday evening."),
         keeps=examples("The live performance in the corridor was loud on Friday evening.")),
    Rule("spin_word", "spin", "ambiguous spinner substitution, repaired only in a document judged spun",
         "ambiguous substitutions (\"stated\" for \"said\"), only in a document judged spun, with guards",
         triggers=(Example("The Supreme Court docket additionally ruled on the case earlier than the deadline "
                           "in the spring.",
                           "The Supreme Court docket additionally ruled on the case earlier than the deadline "
                           "in the spring."),),
         keeps=examples("Police stated the man fled; folks said the assault was within the city.")),
    Rule("tortured_phrase", "spin", "tortured phrase from the Problematic Paper Screener list",
         "tortured phrases (\"counterfeit consciousness\" for \"artificial intelligence\")",
         triggers=examples("The paper uses counterfeit consciousness for large information."),
         keeps=examples("The team needs a fresh set of ideas for the new season.")),
)

# Switches that are options of a rule rather than rules: name -> (default, what it does).
OPTIONS: Mapping[str, tuple[bool, str]] = {
    "uncurl_quotes": (False, "also turn curly quotes into straight ones (off: keep typography)"),
}

BY_ID: Mapping[str, Rule] = {r.id: r for r in RULES}


class UnknownRule(KeyError):
    """A rule id that no rule declares."""

    def __str__(self) -> str:
        return f"unknown rule {self.args[0]!r}; known rules: {', '.join(BY_ID)}"


def rule(rule_id: str) -> Rule:
    """The rule with this id; raises UnknownRule for an id nobody declared."""
    try:
        return BY_ID[rule_id]
    except KeyError:
        raise UnknownRule(rule_id) from None


def ids(stage: str | None = None) -> tuple[str, ...]:
    """Rule ids in registry order, optionally of one stage."""
    return tuple(r.id for r in RULES if stage is None or r.stage == stage)


def boilerplate() -> tuple[Rule, ...]:
    """The rules that drop lines: html_remnant, the pattern and the context rules."""
    return tuple(r for r in RULES if r.stage in ("pattern", "context"))


def markdown_table(rules: Iterable[Rule] = RULES) -> str:
    """The README's rule table."""
    rows = ["| rule | stage | what it acts on |", "|---|---|---|"]
    rows += [f"| `{r.id}` | {r.stage} | {r.removes} |" for r in rules]
    return "\n".join(rows) + "\n"
