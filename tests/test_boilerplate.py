"""Boilerplate rules on hand-built documents, beyond the examples each rule declares
(those run in tests/test_rules.py)."""

from __future__ import annotations

import pytest

import cleantext

PROSE = "The council voted on Tuesday to approve the new budget after a long debate in the chamber."
PROSE2 = "Officials said the plan would take effect next year and cost about two million pounds."
PROSE3 = "Opposition members criticised the decision, saying residents had not been consulted."
PROSE4 = "The mayor defended the vote and promised a review of the spending within six months."
NO_SPIN = {"spin_phrase": False, "spin_word": False, "tortured_phrase": False}


def drops(doc: str) -> dict[str, str]:
    """Dropped line text -> rule id."""
    return {a.before: a.rule for a in cleantext.clean_and_explain(doc, **NO_SPIN).dropped}


def article(*middle: str) -> str:
    return "\n\n".join([PROSE, *middle, PROSE2, PROSE3])


MENU = "\n".join(["Home", "World News", "Business", "Sport", "Entertainment", "Travel", "Weather"])


def test_html_remnant_and_tags() -> None:
    doc = article('<div class="ad"></div>', 'The <b>final</b> vote was 30 to 12.')
    result = cleantext.clean_and_explain(doc, **NO_SPIN)
    assert ("html_remnant", '<div class="ad"></div>') in [(a.rule, a.before) for a in result.dropped]
    assert "The final vote was 30 to 12." in result.text
    assert [a.before for a in result.actions if a.rule == "html_tag"] == ["</b>", "<b>"]


def test_html_remnant_does_not_fire_on_comparison() -> None:
    doc = article("Turnout was < 30% in 2019 and > 40% in 2023.")
    assert "Turnout was < 30% in 2019 and > 40% in 2023." in cleantext.clean(doc, **NO_SPIN)


def test_repeats_are_per_document() -> None:
    # A process-wide dedup cache would drop this on the second call (trafilatura's bug).
    doc = article()
    assert cleantext.clean(doc) == cleantext.clean(doc)
    assert PROSE2 in cleantext.clean(doc)


SURVIVORS = [
    "He declined to comment.",
    "“We will not back down,” she said.",
    "Who is responsible?",
    "What happens next",
    "It was over.",
]


@pytest.mark.parametrize("line", SURVIVORS)
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_article_lines_survive_anywhere(line: str, where: str) -> None:
    """One-line paragraphs, quotes, subheadings: kept at the start, middle and end."""
    body = [PROSE, PROSE2, PROSE3, PROSE4]
    pos = {"start": 0, "middle": 2, "end": 4}[where]
    if where == "end" and line[-1] not in ".”?":
        pytest.skip("a headline-like last line is a doubtful teaser; covered by trailing rules")
    doc = "Council approves budget after long debate\n\n" + "\n\n".join(body[:pos] + [line] + body[pos:])
    assert line in cleantext.clean(doc)


def test_standfirst_and_title_kept() -> None:
    doc = "\n\n".join([
        "Council approves budget after long debate",
        "The vote ends months of wrangling over library closures",
        PROSE, PROSE2, PROSE3,
    ])
    out = cleantext.clean(doc)
    assert out.startswith("Council approves budget after long debate\n\nThe vote ends months")


def test_kickers_are_short_lines_right_above_a_longer_headline() -> None:
    # A run of short lines above the headline goes, each 3+ words shorter than it.
    doc = "Local politics\n\nBudget vote\n\nCouncil approves budget after long debate\n\n" + PROSE
    assert drops(doc) == {"Local politics": "category_tag", "Budget vote": "category_tag"}
    # Not 3 words shorter than the line below: no kicker (the run stops there).
    doc = "Local politics\n\nBudget vote\n\nCouncil backs budget\n\n" + PROSE
    assert "category_tag" not in drops(doc).values()
    # A line of 4+ words is no kicker and ends the run; the short line above it
    # is judged against it: "Watch live" is not 3 words shorter than
    # "Voters go to polls", "Elections" is shorter than "Voters head to the polls".
    doc = "Watch live\n\nVoters go to polls\n\nCouncil approves budget after long debate\n\n" + PROSE
    assert drops(doc).get("Watch live") != "category_tag"
    doc = "Elections\n\nVoters head to the polls\n\nCouncil approves budget after long debate\n\n" + PROSE
    assert drops(doc).get("Elections") == "category_tag"


# An embedded post: its text ends in a link or hashtag, its credit line names a handle.
POST = "The budget passed tonight. Thanks to everyone who spoke at the meeting. pic.twitter.com/Ab12Cd34"
POST_CREDIT = "— Leeds Council (@LeedsCC) May 4, 2023"
FURNITURE = "\n\n".join(["Share this article", "Facebook", "Twitter", "Most Read", "Mayor faces vote of no confidence"])


def test_embedded_post_at_the_end_is_kept() -> None:
    # Neither the post's text nor its credit line is a teaser or a menu entry.
    doc = article("The council shared the result on social media:", POST, POST_CREDIT) + "\n\n" + FURNITURE
    out = cleantext.clean(doc, **NO_SPIN)
    assert POST in out and POST_CREDIT in out
    doc = "\n\n".join([PROSE, PROSE2, "Officials said:", "Voting is open until 10pm tonight.#LeedsVotes",
                       POST_CREDIT, FURNITURE])
    out = cleantext.clean(doc, **NO_SPIN)
    assert "Voting is open until 10pm tonight.#LeedsVotes" in out and POST_CREDIT in out


def test_sentences_ending_in_emoji_are_prose() -> None:
    closing = ["Book your tickets today and come and see the show for yourself! 🙂",
               "We hope to see you all again at the summer fair next year 🎉",
               "Thanks again to every volunteer who helped on the day 🙏"]
    out = cleantext.clean(article(*[]) + "\n\n" + "\n\n".join(closing), **NO_SPIN)
    assert all(line in out for line in closing)


def test_decorated_headlines_are_still_teasers() -> None:
    # A short line with an emoji or a hashtag but no sentence end stays headline-like.
    teasers = ["Best holiday gifts 🎁", "Ten Best Beaches In Europe #travel", "Stocks Slide As Oil Jumps"]
    got = drops(article() + "\n\n" + "\n\n".join(teasers))
    assert all(got.get(t) == "trailing_headlines" for t in teasers)
    # A credit-like line without a handle is no post credit: a menu entry still goes.
    assert drops(MENU + "\n\n" + article(PROSE4) + "\n\n— Leeds Council May 4, 2023").get(
        "— Leeds Council May 4, 2023") == "outside_main_text"


COMMENT = ("I also went to the meeting and the debate was really long, but the result was worth it for everyone "
           "in the area. My neighbours and I have waited years for the library to open on Sundays again, and we "
           "will all be there on the first day!")


def test_main_text_stops_at_the_comment_section() -> None:
    # Below the form: a commenter and a date, then a comment long enough to outweigh the form.
    doc = article(PROSE4) + "\n\n" + "\n\n".join(["Leave a Reply", "Jane Smith",
                                                   "May 5, 2023 at 9:12 am", COMMENT])
    assert drops(doc).get(COMMENT) == "outside_main_text"


def test_comments_button_between_paragraphs_keeps_the_article() -> None:
    # A "Comments" button with prose right below it is inside the article.
    last = PROSE4[:-1] + ", and said that residents would be asked for their views before any money was spent."
    doc = "\n\n".join([PROSE, PROSE2, PROSE3, "Comments", last, "Comments", FURNITURE])
    assert last in cleantext.clean(doc, **NO_SPIN)
