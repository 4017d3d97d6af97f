"""Page furniture: menus, notices, prompts, players and comment forms."""

from __future__ import annotations

from ..model import Vocabulary
from . import whole_line

# --- navigation, menus and other page furniture
NAVIGATION = whole_line(
    "navigation",
    r"skip to (?:main )?(?:content|navigation|search|footer|main)(?: .{0,60})?",
    r"(?:open |close |main |toggle )?(?:menu|navigation)|search|sections|home(?: ?page)?|log ?in|log ?out|sign ?in|sign ?up|register",
    r"today'?s paper|more images|(?:view|see) (?:gallery|all images|more photos)|gallery|photos?|images?",
    r"share(?: this)?(?: (?:article|story|page|post|video))?(?: on \w+)?|share via \w+|copy link|link copied|print(?: this)?(?: article| page)?|e-?mail(?: this)?(?: article| page)?",
    r"facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|instagram|telegram|youtube|tiktok|messenger|flipboard|threads",
    r"back to top|next (?:article|story|post)|previous (?:article|story|post)|close|expand|collapse|show more|load more|view comments?|listen to (?:this )?article",
    r"(?:in this article|tags?|topics?|filed under|categories|related topics|more on|more about)\s*:.{0,200}",
    r"copy link(?: url)?(?: ?copied!?)?|link copied!?|url ?copied!?",
    r"advertisement|advertising|ad|sponsored(?: content)?|continue reading(?: the main story| below)?|supported by|story continues below(?: advertisement)?|article continues (?:below|after advertisement)",
    r"(?:\d+ )?min(?:ute)?s? read|listen(?: now)?|watch(?: now)?|play|play video|subscribe(?: now)?|newsletter|accept(?: all)? cookies",
    examples=("Skip to main content", "Share this article", "Advertisement", "Home", "WhatsApp",
              "In this article: budget, council, Leeds", "4 min read", "Copy link URL copied!"),
    near_misses=("Search parties found the missing hikers on Sunday morning.", "Homes for sale",
                 "Share prices fell sharply on Monday."),
)

# --- copyright and legal notices
LEGAL_NOTICE = Vocabulary(
    "legal_notice",
    r"(?i)(?:this (?:document|article|material|content|story) is (?:subject to|protected by) copyright"
    r"|all rights reserved|no part of this [^.]{0,40} may be reproduced|this material may not be published"
    r"|copyright (?:©\s*)?\d{4})",
    "search",
    examples=("This document is subject to copyright. No part may be reproduced without permission.",
              "Copyright 2024 The Herald. All rights reserved.", "Copyright © 2023 Example Media"),
    near_misses=("The council said the report was subject to further review by auditors next year.",
                 "The singer sued over the copyright of the song."),
)

# --- advertising and affiliate disclosures ("We may earn a commission when you
# buy through links on our site", "This post contains affiliate links").  A
# commission or compensation counts only beside the reader's click or purchase
# and the site's first person: a broker's commission in a story is prose.
_REWARD = (r"(?:an? )?(?:small |tiny |affiliate |modest )?(?:commission|compensation"
           r"|(?:portion|share|percentage) of (?:the )?(?:sales|revenue))")
_READER_ACT = r"(?:links?|click(?:s|ed)?|purchases?|purchased|buy|bought|shop|partners?|retailers?)"
DISCLOSURE = Vocabulary(
    "disclosure",
    r"(?i)\b(?:advertis(?:ing|er|ement)|affiliate(?: link)?|amazon(?: associates?)?|ftc|sponsor(?:ed|ship)?(?: content)?|partner|editorial) disclos(?:ure|ures)\b"
    r"|\bas an amazon associate\b|\bamazon services llc associates? program\b"
    r"|\b(?:this|our) (?:post|article|page|site|website|blog|story|guide|review|content|newsletter|video|list)\b[^.!?]{0,60}\baffiliate (?:links?|partnerships?|programs?)\b"
    r"|\baffiliate links?\b[^.!?]{0,60}\b(?:this|our) (?:post|article|page|site|website|blog|story|guide|review|content)\b"
    r"|\b(?:supported|funded) by\b[^.!?]{0,60}\baffiliate links\b"
    r"|\b(?:we|i)(?:[’']ll| may| might| could| will| would| can| do)? (?:also )?(?:earn|receive|get|make|collect)s? " + _REWARD + r"[^.!?]{0,80}\b" + _READER_ACT + r"\b"
    r"|\b" + _READER_ACT + r"\b[^.!?]{0,80}\b(?:we|i|us|me)\b[^.!?]{0,30}\b" + _REWARD
    + r"|\b(?:may|might|could|will) earn (?:us |me )?" + _REWARD,
    "search",
    examples=(
        "We may earn a commission when you buy through links on our site.",
        "Things you buy through our links may earn us a commission.",
        "This post may contain affiliate links. If you purchase something through the link, I may receive a small commission at no extra cost to you.",
        "As an Amazon Associate I earn from qualifying purchases.",
        "We are a participant in the Amazon Services LLC Associates Program, an affiliate advertising program.",
        "Advertising Disclosure",
        "Advertiser disclosure: We may receive compensation from partners we recommend.",
        "The Daily Gazette is reader-supported. When you purchase through links on our site, we may earn an affiliate commission.",
    ),
    near_misses=(
        "Brokers earn a commission on each purchase, which critics say creates a conflict of interest for advisers.",
        "The European Commission will investigate the retailer's pricing of products bought online.",
        "The Federal Trade Commission requires bloggers to disclose affiliate links to their readers.",
        "Many bloggers use affiliate links to earn a little money from the products they recommend.",
    ),
)

# --- social, newsletter and "tap here" prompts
SHARE_PROMPT = Vocabulary(
    "share_prompt",
    r"(?i)(?:follow|comply with|like|join|find|subscribe to|add) (?:us|[^.!?]{1,60}?) on "
    r"(?:whatsapp|facebook|twitter|x|instagram|telegram|linkedin|youtube|tiktok|threads|google news|flipboard|apple news|bluesky)\b"
    r"|(?:tap|click|click on|faucet|press) (?:here|right here)\b"
    r"|click (?:here|on right here|right here) to\b"
    r"|(?:sign up|signal up|subscribe|register) (?:for|to|now|here|today)\b[^.!?]{0,80}(?:newsletter|updates|alerts|e-?mails?|briefing|digest|mailing list)"
    r"|(?:get|receive) (?:our|the|free)[^.!?]{0,50}(?:newsletter|alerts|briefing) "
    r"|(?:keep|stay|sustain)(?: up| up to date| informed| in the know)? with (?:all )?(?:the )?(?:latest|newest)"
    r"|follow [^.!?]{1,60}'s coverage\b"
    r"|(?:download|get) (?:the|our) [^.!?]{1,40} app\b"
    r"|share (?:this|your) (?:article|story|thoughts|views)\b"
    r"|join (?:our|us on|us at|the conversation)\b"
    r"|[^.!?]{0,80}\bby clicking here\b"
    r"|if you (?:enjoyed|liked|value) (?:this|our) (?:article|story|journalism|reporting)",
    "match",
    examples=("Follow The Herald on WhatsApp", "Click here to read the full report", "Tap here",
              "Faucet right here", "Sign up for our free morning newsletter here",
              "GET THE NEWS ON THE GO BY CLICKING HERE", "Join our forums to keep talking about the news",
              "Subscribe to our mailing list!"),
    near_misses=("Follow-up inspections found that the school had improved.",
                 "The minister will join talks on Monday."),
)

# --- paywall, membership, donation and ad-blocker prompts ("Subscribe to
# continue reading", "Support independent journalism", "Become a member").
_GOOD_CAUSE = (r"(?:independent|quality|local|nonprofit|non-profit|public[- ]interest|investigative|fearless"
               r"|trusted|fact-based|free|reader-funded)")
SUPPORT_PROMPT = Vocabulary(
    "support_prompt",
    r"(?i)\b(?:subscribe|sign up|register|log ?in|sign in|become a (?:member|subscriber))(?: now| today| here)? (?:to|and|for) (?:continue|keep) reading\b"
    r"|\bto (?:continue|keep) reading\b[^.!?]{0,40}\b(?:subscri\w*|sign in|log ?in|register|member\w*)\b"
    r"|\bto (?:read|view|see|access|unlock) (?:the|this|our) full (?:story|stories|article|articles|piece)\b"
    r"|\bsubscri\w*\b[^.!?]{0,60}\bfor the full (?:story|article)\b"
    r"|\b(?:you[’']re|you are) already an? (?:subscriber|member)\b"
    r"|\balready an? (?:subscriber|member)\b[?,.!]*\s*(?:please )?(?:log ?in|sign in|login)\b"
    r"|\b(?:you[’']ve|you have) (?:reached|hit|used(?: up)?|exceeded|read)\b[^.!?]{0,30}\bfree (?:articles?|stories|story|reads|views)\b"
    r"|\b(?:\d+|one|two|three|four|five) free (?:articles?|stories|story) (?:left|remaining)\b"
    r"|\b(?:this|the) (?:article|story|content|post|page|feature) is (?:only )?(?:available |reserved |exclusive(?:ly)? )?(?:to|for) (?:our )?(?:paid |paying |premium |digital )?(?:subscribers|members)\b"
    r"|^(?:for )?(?:paid )?(?:subscribers?|members?)[ -]only(?: content| article| story| access)?[.!:]?$"
    r"|\bunlimited (?:digital )?access to\b[^.!?]{0,60}\b(?:journalism|our (?:stories|articles|reporting|content|coverage))\b"
    r"|\bsupport(?:ing)? our (?:[\w-]+ ){0,2}(?:journalism|reporting|newsroom|work|mission|coverage)\b"
    r"|\bsupport(?:ing)? (?:this|our) (?:site|website|blog|podcast|newsletter|channel)\b"
    r"|(?:^|[.!?]\s+|\b(?:please|help us|consider|you can|to)\s+)(?:support(?:ing)?|donat(?:e|ing) to|contribut(?:e|ing) to) " + _GOOD_CAUSE + r" (?:[\w-]+ )?(?:journalism|news|reporting|media)\b"
    r"|(?:^|[.!?]\s+|\b(?:please|consider|by|today|now)\s+)becom(?:e|ing) an? (?:paying |paid |sustaining |digital )?(?:member|subscriber|supporter|patron)\b"
    r"|^(?:donate|contribute)(?: now| today| here)?[.!]?$|\bdonate (?:now|today)[.!]?$"
    r"|\bmake (?:a|your) (?:tax-deductible |one-time |monthly |recurring )?(?:donation|contribution) (?:now|today|to us)\b"
    r"|\b(?:we|this site|this website|our (?:site|website|newsroom|journalism|work)) (?:rel(?:y|ies)|depends?) (?:on|upon) (?:[\w-]+ ){0,2}(?:readers?|reader support|donations|ad revenue|advertising|advertisements|subscri(?:bers|ptions)|members|supporters|you)\b"
    r"|\b(?:is|are) (?:funded|supported|made possible) (?:primarily |mostly |entirely |largely |in part )?by (?:[\w-]+ ){0,3}(?:member|reader|listener|viewer)s?(?: donations| support| like you)\b"
    r"|\breader[- ](?:supported|funded)\b"
    r"|\bunsubscribe\b[^.!?]{0,40}\bat any time\b"
    r"|^if you (?:enjoyed|liked|value|appreciate|enjoy) (?:this|our) (?:article|story|journalism|reporting|work|content|post)\b"
    r"|\b(?:you[’']re|you are|you[’']ve been) (?:using|running) an? ad[ -]?blocker\b"
    r"|\b(?:disable|turn off|pause|switch off|deactivate) (?:your )?ad[ -]?block(?:er|ing)?\b|\bad[ -]?block(?:er)? detected\b",
    "search",
    examples=(
        "Subscribe to continue reading", "To continue reading, please log in or subscribe.",
        "You have reached your limit of free articles this month.", "Already a subscriber? Log in",
        "This article is for subscribers only.", "To read the full story, subscribe to The Herald.",
        "Support independent journalism", "Become a member",
        "Please consider supporting our journalism with a donation.",
        "We rely on readers like you to fund our reporting.", "Donate today",
        "We noticed you're using an ad blocker.", "No spam, we promise. You can unsubscribe at any time.",
    ),
    near_misses=(
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
    ),
)

# --- video players and promos
VIDEO_NOTICE = Vocabulary(
    "video_notice",
    r"(?i)(?:please )?use (?:chrome|a different|another|a modern|an up-to-date|a supported) browser"
    r"|(?:your|this) browser (?:does not|doesn'?t) support"
    r"|this (?:video|content|media) (?:is not available|is unavailable|can ?not be played|could not be loaded)"
    r"|media playback is (?:unsupported|not supported)"
    r"|(?:video|audio) (?:player|unavailable|is loading)"
    r"|(?:please )?enable javascript"
    r"|^(?:watch|video|listen|media caption|video caption|podcast)\s*[:|]"
    r"|^promo(?:tion)? (?:for|of)\b"
    r"|^(?:sponsored|advertisement|paid (?:post|content))\s*[:|]",
    "search",
    examples=("Please use Chrome browser for a more accessible video player",
              "Promo for the evening programme on the election.", "Media playback is unsupported on your device",
              "Watch: the moment the bridge collapsed"),
    near_misses=("The video was shared widely on social media, police said.",
                 "Viewers can watch the debate on Tuesday."),
)

# --- comment forms
COMMENT_FORM = whole_line(
    "comment_form",
    r"leave a (?:reply|comment)|post a comment|add (?:a|your) comment|write a comment|comments?|\d+ comments?|comments? \(\d+\)|view \d+ comments?",
    r"please enter your (?:comment|name|e-?mail|email address)(?: here)?|you have entered an incorrect e-?mail address",
    r"your e-?mail address will not be published.*|required fields are marked.*|save my name,? e-?mail.*|notify me of .{0,80}",
    r"(?:comment|name|e-?mail|website)\s*\*|leave this field (?:blank|empty)|no comments yet|comments? from the forums|add new comment",
    r"cancel reply|log in to (?:comment|reply)|join the (?:conversation|discussion)|show comments|hide comments|be the first to comment",
    examples=("LEAVE A REPLY", "Please enter your comment!", "Comment *", "Leave this field blank", "12 Comments"),
    near_misses=("Comments from residents were overwhelmingly negative, the report said.",),
)
