"""Each boilerplate rule: an input that triggers it and one that must not."""

from __future__ import annotations

import pytest

import cleantext
from cleantext.classify import RULES
from cleantext.config import Config

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


# (rule, line that must be dropped by that rule, document around it)
TRIGGERS = [
    ("navigation", "Skip to main content", "Skip to main content\n\n" + PROSE),
    ("navigation", "Share this article", article("Share this article")),
    ("navigation", "Advertisement", article("Advertisement")),
    ("comment_form", "LEAVE A REPLY", article("LEAVE A REPLY")),
    ("comment_form", "Please enter your comment!", article("Please enter your comment!")),
    ("share_prompt", "Follow The Herald on WhatsApp", article("Follow The Herald on WhatsApp")),
    ("share_prompt", "Click here to read the full report", article("Click here to read the full report")),
    ("share_prompt", "Tap here", article("Tap here")),
    ("share_prompt", "Sign up for our free morning newsletter here", article("Sign up for our free morning newsletter here")),
    ("video_notice", "Please use Chrome browser for a more accessible video player",
     article("Please use Chrome browser for a more accessible video player")),
    ("video_notice", "Promo for the evening programme on the election.", article("Promo for the evening programme on the election.")),
    ("link_list", "Read more from The Herald:", article("Read more from The Herald:")),
    ("link_list", "Budget row deepens as councillors walk out",
     PROSE + "\n\nRelated Articles\n\nBudget row deepens as councillors walk out\n\nMayor faces vote of no confidence"),
    ("photo_credit", "Picture: PA", article("Picture: PA")),
    ("photo_credit", "© Reuters", article("© Reuters")),
    ("photo_credit", "JOHN SMITH via Getty Images", article("JOHN SMITH via Getty Images")),
    ("caption", "FILE - The town hall in Leeds, England, on March 3, 2023.", article("FILE - The town hall in Leeds, England, on March 3, 2023.")),
    ("caption", "Councillors leave the chamber after the vote (Jane Doe/PA Wire)",
     article("Councillors leave the chamber after the vote (Jane Doe/PA Wire)")),
    ("caption", "The mayor speaks to reporters. Pic: Reuters", article("The mayor speaks to reporters. Pic: Reuters")),
    ("date_line", "Published: 4 May 2023, 10:15", "Budget approved\n\nPublished: 4 May 2023, 10:15\n\n" + PROSE),
    ("byline", "By Jane Smith", "Budget approved\n\nBy Jane Smith\n\n" + PROSE),
    ("byline", "@janesmith", article("Jane Smith - Political correspondent\n\n@janesmith")),
    ("related_link", "Budget latest: Council confirms cuts to library hours", article("Budget latest: Council confirms cuts to library hours")),
    ("repeated_block", PROSE2, "\n\n".join([PROSE, PROSE2, PROSE3, PROSE2])),
    ("image_label", "Leeds Council", article("Leeds Council\nThe chamber on Tuesday (Jane Doe/PA Wire)")),
    ("category_tag", "NEWS", "NEWS\n\nCouncil approves budget after long debate\n\n" + PROSE),
    ("category_tag", "Local politics", "Local politics\n\nCouncil approves budget after long debate\n\n" + PROSE),
    ("appended_article", "LONDON (Reuters) — Shares rose on Friday as investors weighed new data on the economy.",
     "LEEDS (AP) — " + "\n\n".join([PROSE, PROSE2, PROSE3, PROSE4])
     + "\n\nLONDON (Reuters) — Shares rose on Friday as investors weighed new data on the economy."),
    ("trailing_headlines", "Mayor faces vote of no confidence",
     article() + "\n\nMayor faces vote of no confidence\n\nLibrary hours cut across the city\n\nBin collections move to fortnightly"),
]

MENU = "\n".join(["Home", "World News", "Business", "Sport", "Entertainment", "Travel", "Weather"])
TEASERS = "\n\n".join(["Man Utd Sign New Striker", "Ten Best Beaches In Europe", "Stocks Slide As Oil Jumps"])
TRIGGERS.append(("outside_main_text", "World News", MENU + "\n\n" + article(PROSE4) + "\n\n" + TEASERS))

# (rule, line that must survive, document around it)
MUST_KEEP = [
    ("navigation", "Search parties found the missing hikers on Sunday morning.", article("Search parties found the missing hikers on Sunday morning.")),
    ("comment_form", "Comments from residents were overwhelmingly negative, the report said.",
     article("Comments from residents were overwhelmingly negative, the report said.")),
    ("share_prompt", "Follow-up inspections found that the school had improved.", article("Follow-up inspections found that the school had improved.")),
    ("video_notice", "The video was shared widely on social media, police said.", article("The video was shared widely on social media, police said.")),
    ("link_list", "More than 200 people attended the meeting.", article("More than 200 people attended the meeting.")),
    ("photo_credit", "He posted the photo via Twitter.", article("He posted the photo via Twitter.")),
    ("caption", "In this case, the court found no evidence of wrongdoing.", article("In this case, the court found no evidence of wrongdoing.")),
    ("date_line", "On 4 May 2023 the council met again to discuss the plan in detail.",
     article("On 4 May 2023 the council met again to discuss the plan in detail.")),
    ("byline", "By the end of the year, the fund was empty.", article("By the end of the year, the fund was empty.")),
    ("related_link", "Who is responsible?", article("Who is responsible?")),
    ("repeated_block", "“Yes,” he said.", article("“Yes,” he said.", "“No,” she said.")),
    ("image_label", "What happens next", article("What happens next")),
    ("category_tag", "NATO", PROSE + "\n\nNATO\n\n" + PROSE2),
    ("appended_article", "LEEDS (AP) — The council voted on Tuesday to approve the budget.",
     "LEEDS (AP) — The council voted on Tuesday to approve the budget.\n\n" + PROSE2),
    ("trailing_headlines", "What happens next", article() + "\n\nWhat happens next\n\n" + PROSE4),
    ("outside_main_text", "2 tablespoons vegetable oil",
     "Ingredients\n1 large chicken\n2 tablespoons vegetable oil\n1 onion, chopped\n" + article(PROSE4)),
]


@pytest.mark.parametrize("rule,line,doc", TRIGGERS, ids=[f"{r}:{ln[:30]}" for r, ln, _ in TRIGGERS])
def test_rule_triggers(rule: str, line: str, doc: str) -> None:
    assert drops(doc).get(line) == rule


@pytest.mark.parametrize("rule,line,doc", TRIGGERS, ids=[f"{r}:{ln[:30]}" for r, ln, _ in TRIGGERS])
def test_rule_switch_turns_it_off(rule: str, line: str, doc: str) -> None:
    result = cleantext.clean_and_explain(doc, **NO_SPIN, **{rule: False})
    assert all(a.rule != rule for a in result.actions)


@pytest.mark.parametrize("rule,line,doc", MUST_KEEP, ids=[f"{r}:{ln[:30]}" for r, ln, _ in MUST_KEEP])
def test_rule_does_not_fire(rule: str, line: str, doc: str) -> None:
    assert line not in drops(doc)
    assert line in cleantext.clean(doc, **NO_SPIN)


def test_every_rule_has_a_switch_a_trigger_and_a_must_keep() -> None:
    assert set(RULES) <= set(Config.names())
    assert set(RULES) - {"html_remnant"} == {r for r, _, _ in TRIGGERS}
    assert set(RULES) - {"html_remnant"} <= {r for r, _, _ in MUST_KEEP}


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


# New kinds inside existing rules: each with a trigger and a look-alike that must stay.
KIND_CASES = [
    ("caption", "Image caption Protesters gathered outside the town hall on Monday", True),
    ("caption", "The plant reopened in May. Photograph by Jane Doe/AFP/Getty Images", True),
    ("caption", "Councillor Amy Jones Submitted photo", True),
    ("caption", "The image caption contest drew hundreds of entries from local schools this year.", False),
    ("comment_form", "Comment *", True),
    ("comment_form", "Leave this field blank", True),
    ("navigation", "In this article: budget, council, Leeds", True),
    ("navigation", "This document is subject to copyright. No part may be reproduced without permission.", True),
    ("navigation", "The council said the report was subject to further review by auditors next year.", False),
    ("date_line", "10:14 PM", True),
    ("byline", "By HNN Staff | November 18, 2019 at 2:26 PM HST", True),
    ("byline", "By Tuesday, November 18, 2019, the council had approved the plan.", False),
    ("share_prompt", "GET THE NEWS ON THE GO BY CLICKING HERE", True),
    ("share_prompt", "Join our forums to keep talking about the news", True),
    ("related_link", "Taylor Swift says she is informed enough to talk politics Video", True),
    ("related_link", "The committee will review the video evidence next week.", False),
]


@pytest.mark.parametrize("rule,line,dropped", KIND_CASES, ids=[f"{r}:{ln[:25]}" for r, ln, _ in KIND_CASES])
def test_boilerplate_kinds(rule: str, line: str, dropped: bool) -> None:
    got = drops(article(line)).get(line)
    if dropped:
        assert got == rule
    else:
        assert got is None


# Advertising and affiliate disclosures (navigation) and paywall, membership,
# donation and ad-blocker prompts (share_prompt): common wordings across sites.
NOTICES = [
    ("navigation", "We may earn a commission when you buy through links on our site."),
    ("navigation", "Things you buy through our links may earn us a commission."),
    ("navigation", "This post may contain affiliate links. If you purchase something through the link, I may receive a small commission at no extra cost to you."),
    ("navigation", "As an Amazon Associate I earn from qualifying purchases."),
    ("navigation", "We are a participant in the Amazon Services LLC Associates Program, an affiliate advertising program."),
    ("navigation", "Advertising Disclosure"),
    ("navigation", "Advertiser disclosure: We may receive compensation from partners we recommend."),
    ("navigation", "The Daily Gazette is reader-supported. When you purchase through links on our site, we may earn an affiliate commission."),
    ("share_prompt", "Subscribe to continue reading"),
    ("share_prompt", "To continue reading, please log in or subscribe."),
    ("share_prompt", "You have reached your limit of free articles this month."),
    ("share_prompt", "Already a subscriber? Log in"),
    ("share_prompt", "This article is for subscribers only."),
    ("share_prompt", "To read the full story, subscribe to The Herald."),
    ("share_prompt", "Support independent journalism"),
    ("share_prompt", "Become a member"),
    ("share_prompt", "Please consider supporting our journalism with a donation."),
    ("share_prompt", "We rely on readers like you to fund our reporting."),
    ("share_prompt", "Donate today"),
    ("share_prompt", "We noticed you're using an ad blocker."),
    ("share_prompt", "No spam, we promise. You can unsubscribe at any time."),
    ("share_prompt", "Subscribe to our mailing list!"),
]
NOTICE_NEAR_MISSES = [
    "Brokers earn a commission on each purchase, which critics say creates a conflict of interest for advisers.",
    "The European Commission will investigate the retailer's pricing of products bought online.",
    "\"If a customer buys through the link, we earn a commission,\" the shop's owner explained.",
    "The Federal Trade Commission requires bloggers to disclose affiliate links to their readers.",
    "Many bloggers use affiliate links to earn a little money from the products they recommend.",
    "Disney continued to sign up additional subscribers throughout the day as demand stayed strong.",
    "The newspaper has lost a third of its subscribers since 2015 and now relies on advertising for revenue.",
    "The grant will support local journalism in rural areas that have lost their newspapers.",
    "She hopes to become a member of the board when the current chairman retires next year.",
    "He was already a member of the club when the scandal broke in the spring.",
    "The app gives users unlimited access to the gym and its classes for a monthly fee.",
    "Residents can donate today at the town hall or online through the council website.",
    "Members only were allowed into the chamber during the vote, officials confirmed.",
    "We rely on volunteers to keep the shelter open through the winter months.",
    "Readers who want to continue reading about the case can find the court filings online.",
]


@pytest.mark.parametrize("rule,line", NOTICES, ids=[f"{r}:{ln[:25]}" for r, ln in NOTICES])
def test_disclosures_and_paywall_prompts_are_dropped(rule: str, line: str) -> None:
    assert drops(article(line)).get(line) == rule


@pytest.mark.parametrize("line", NOTICE_NEAR_MISSES, ids=[ln[:30] for ln in NOTICE_NEAR_MISSES])
def test_prose_about_commissions_subscribers_and_donations_stays(line: str) -> None:
    assert line not in drops(article(line))
    assert line in cleantext.clean(article(line), **NO_SPIN)


def test_a_long_paragraph_is_never_a_notice() -> None:
    # Past MAX_NOTICE_WORDS a line is prose even with a disclosure's wording in it.
    line = "We may earn a commission when you buy through links on our site, " + " ".join(["and the story goes on"] * 12) + "."
    assert line not in drops(article(line))


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
