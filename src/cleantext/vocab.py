"""Boilerplate vocabularies, grouped by concept, compiled once.

Each group is a list of regular-expression fragments for *whole lines*
(matched case-insensitively against the trimmed line).  `whole_line` joins a
group and refuses an empty one (a lesson from trafilatura: an empty group
would silently match every line).  Spinner variants of the same furniture
("Learn extra from" for "Read more from", "Faucet right here" for "Tap here")
are listed beside the originals: spun pages are a kind of input, not a site.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeAlias

import regex

Pattern: TypeAlias = "regex.Pattern[str]"
Match: TypeAlias = "regex.Match[str]"


class Vocab:
    """One vocabulary pattern, with the fast paths that keep per-line matching cheap.

    * `exact` is the pattern as written, compiled by the `regex` module.
    * A case-insensitive pattern whose literals are all lower case is also
      compiled by the stdlib `re` *without* IGNORECASE and run on the
      case-folded line: 2-3x faster.  It is used when folding keeps the
      line's length (so "ß" or "İ" take the exact path); tests/test_fast_paths.py
      checks that both paths agree.
    * An optional `gate`: a cheap pattern (stdlib `re`, on the case-folded
      line) that finds something in every line the pattern matches, e.g. the
      literals one of which each match contains (`any_of`).  A line where the
      gate finds nothing is rejected by one fast scan, without running the
      pattern: a failing search over a sentence runs at a few MB/s.
    * `gate_tail`: for a gate whose every match ends the line (`\\Z`) and is at
      most that many characters long, with no look-behind: the gate is
      searched in the line's last `gate_tail` characters only, which finds
      the same lines without a search from every position of the line.

    Each vocabulary is matched one way (`how`: search, match or fullmatch);
    `matches` takes the line and its case-folded form and returns a bool.
    Callers that need groups or offsets use `exact`.
    """

    def __init__(
        self, source: str, flags: int = 0, *, how: str = "fullmatch", gate: str | None = None, gate_tail: int = 0
    ) -> None:
        if how not in ("search", "match", "fullmatch"):
            raise ValueError(f"how must be search, match or fullmatch, not {how!r}")
        self.how = how
        self.exact: Pattern = regex.compile(source, flags | regex.V0)
        self.fast: re.Pattern[str] | None = None
        if flags & regex.IGNORECASE and not _UPPER_LITERAL.search(source):
            try:
                self.fast = re.compile(source)
            except re.error:  # syntax only the regex module knows (\p{..}, possessive)
                self.fast = None
        self.gate: re.Pattern[str] | None = re.compile(gate) if gate else None
        self._gate: Callable[[str], object] | None = self.gate.search if self.gate else None
        if gate_tail:
            if self.gate is None or not self.gate.pattern.endswith(r"\Z"):
                raise ValueError("gate_tail needs a gate that ends the line (\\Z)")
            search = self.gate.search
            self._gate = lambda folded: search(folded[-gate_tail:])
        self._exact_how = getattr(self.exact, how)
        self._fast_how = getattr(self.fast, how) if self.fast is not None else None

    def possible(self, folded: str) -> bool:
        """False when the gate rules the case-folded line out."""
        return self._gate is None or self._gate(folded) is not None

    def matches(self, text: str, folded: str) -> bool:
        """True when the pattern matches the line the way it is meant to."""
        if self._gate is not None and self._gate(folded) is None:  # possible(), inlined: it runs per line
            return False
        if self._fast_how is not None and len(folded) == len(text):
            return self._fast_how(folded) is not None
        return self._exact_how(text) is not None

    def find(self, text: str, folded: str) -> Match | None:
        """The exact pattern's match (for its groups), behind the gate."""
        return self._exact_how(text) if self.possible(folded) else None


def any_of(*literals: str) -> str:
    """A gate source matching any of `literals` (compared case-folded)."""
    return "|".join(re.escape(x.casefold()) for x in literals)


# An upper-case letter that is not an escape (\S, \W, \p{Lu}...): such a
# pattern depends on case and has no folded fast path.
_UPPER_LITERAL = re.compile(r"(?<!\\)[A-Z]|\\[pP]\{")


def whole_line(*fragments: str) -> Vocab:
    """Compile fragments into one case-insensitive whole-line pattern."""
    if not fragments or any(not f.strip() for f in fragments):
        raise ValueError("a vocabulary group must have at least one non-empty fragment")
    return Vocab(r"(?:%s)[\s:.!|>»›→-]*" % "|".join(fragments), regex.IGNORECASE)


# Agencies and picture services that appear in photo credits.
PICTURE_SOURCES = (
    r"AP|A\.P\.|AP Photo|Associated Press|Reuters|AFP|EPA|EPA-EFE|PA|PA Wire|PA Images|PA Media"
    r"|Getty(?: Images)?|Shutterstock|Alamy|Bloomberg|Sputnik|Xinhua|ANI|IANS|PTI|TASS|NurPhoto"
    r"|SOPA Images|LightRocket|Anadolu(?: Agency)?|Handout|Pool|File|Supplied"
    r"|Reuters TV|Imago|dpa|picture alliance|Corbis|Wikimedia Commons"
    r"|The New York Times|The Washington Post|BBC|Sky News|CNN|NBC News|Fox News|Courtesy"
)

# --- link lists ("Latest World News", "Read more from ...:", "Recommended")
LINK_LIST_HEADER = whole_line(
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
)

# --- navigation, menus and other page furniture
NAVIGATION = whole_line(
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
)

# --- social, newsletter and "tap here" prompts
SHARE_PROMPT = Vocab(
    r"(?:follow|comply with|like|join|find|subscribe to|add) (?:us|[^.!?]{1,60}?) on "
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
    regex.IGNORECASE,
    # Each branch opens with one of these words, or holds "by clicking here".
    how="match",
    # (Anchored as a whole, so that a failing search stops at the line's start.)
    gate=r"(?s)^(?:(?:follow|comply|like|join|find|subscribe|add|tap|click|faucet|press|sign|signal|register|get"
    r"|receive|keep|stay|sustain|download|share|if)\b|.*?by clicking here)",
)

# --- advertising and affiliate disclosures ("We may earn a commission when you
# buy through links on our site", "This post contains affiliate links").  A
# commission or compensation counts only beside the reader's click or purchase
# and the site's first person: a broker's commission in a story is prose.
_REWARD = r"(?:an? )?(?:small |tiny |affiliate |modest )?(?:commission|compensation|(?:portion|share|percentage) of (?:the )?(?:sales|revenue))"
_READER_ACT = r"(?:links?|click(?:s|ed)?|purchases?|purchased|buy|bought|shop|partners?|retailers?)"
DISCLOSURE = Vocab(
    r"\b(?:advertis(?:ing|er|ement)|affiliate(?: link)?|amazon(?: associates?)?|ftc|sponsor(?:ed|ship)?(?: content)?|partner|editorial) disclos(?:ure|ures)\b"
    r"|\bas an amazon associate\b|\bamazon services llc associates? program\b"
    r"|\b(?:this|our) (?:post|article|page|site|website|blog|story|guide|review|content|newsletter|video|list)\b[^.!?]{0,60}\baffiliate (?:links?|partnerships?|programs?)\b"
    r"|\baffiliate links?\b[^.!?]{0,60}\b(?:this|our) (?:post|article|page|site|website|blog|story|guide|review|content)\b"
    r"|\b(?:supported|funded) by\b[^.!?]{0,60}\baffiliate links\b"
    r"|\b(?:we|i)(?:[’']ll| may| might| could| will| would| can| do)? (?:also )?(?:earn|receive|get|make|collect)s? " + _REWARD + r"[^.!?]{0,80}\b" + _READER_ACT + r"\b"
    r"|\b" + _READER_ACT + r"\b[^.!?]{0,80}\b(?:we|i|us|me)\b[^.!?]{0,30}\b" + _REWARD
    + r"|\b(?:may|might|could|will) earn (?:us |me )?" + _REWARD,
    regex.IGNORECASE,
    how="search",
    gate=r"disclos|mazon (?:associate|services)|ffiliate|mmission|mpensation|portion of|hare of|percentage of",
)

# --- paywall, membership, donation and ad-blocker prompts ("Subscribe to
# continue reading", "Support independent journalism", "Become a member").
_GOOD_CAUSE = r"(?:independent|quality|local|nonprofit|non-profit|public[- ]interest|investigative|fearless|trusted|fact-based|free|reader-funded)"
SUPPORT_PROMPT = Vocab(
    r"\b(?:subscribe|sign up|register|log ?in|sign in|become a (?:member|subscriber))(?: now| today| here)? (?:to|and|for) (?:continue|keep) reading\b"
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
    regex.IGNORECASE,
    how="search",
    # Each branch of the gate opens with a literal, taken from a rare letter of
    # its word on ("bscri" for "subscribe"): the search then stops only at
    # those few letters.  What follows narrows the lines the pattern sees.
    gate=r"bscri|member(?:s?[ -]only|s\b|\?)|ready an? member|p reading|ue reading|ull (?:stor|art|piece)|free (?:art|stor|read|view)|unlimited (?:digital )?access"
    r"|pport(?:ing)? (?:our |this |%s)|pported by|der[- ](?:supp|fund)|becom(?:e|ing) an? "
    r"|donat(?:e[.!]?$|e (?:now|today|here)|(?:e|ing) to |ion (?:now|today|to us))"
    r"|contribut(?:e[.!]?$|e (?:now|today|here)|(?:e|ing) to |ion (?:now|today|to us))"
    r"|l(?:y|ies) (?:on|upon) |pends? (?:on|upon) |funded by|possible by|f you (?:enjoy|like|value|appreciate)|d[ -]?block" % _GOOD_CAUSE,
)

# --- video players and promos
VIDEO_NOTICE = Vocab(
    r"(?:please )?use (?:chrome|a different|another|a modern|an up-to-date|a supported) browser"
    r"|(?:your|this) browser (?:does not|doesn'?t) support"
    r"|this (?:video|content|media) (?:is not available|is unavailable|can ?not be played|could not be loaded)"
    r"|media playback is (?:unsupported|not supported)"
    r"|(?:video|audio) (?:player|unavailable|is loading)"
    r"|(?:please )?enable javascript"
    r"|^(?:watch|video|listen|media caption|video caption|podcast)\s*[:|]"
    r"|^promo(?:tion)? (?:for|of)\b"
    r"|^(?:sponsored|advertisement|paid (?:post|content))\s*[:|]",
    regex.IGNORECASE,
    how="search",
    gate=any_of(
        "browser", "video", "content", "media", "audio", "javascript",
        "watch", "listen", "podcast", "promo", "sponsored", "advertisement", "paid",
    ),
)

# --- comment forms
COMMENT_FORM = whole_line(
    r"leave a (?:reply|comment)|post a comment|add (?:a|your) comment|write a comment|comments?|\d+ comments?|comments? \(\d+\)|view \d+ comments?",
    r"please enter your (?:comment|name|e-?mail|email address)(?: here)?|you have entered an incorrect e-?mail address",
    r"your e-?mail address will not be published.*|required fields are marked.*|save my name,? e-?mail.*|notify me of .{0,80}",
    r"(?:comment|name|e-?mail|website)\s*\*|leave this field (?:blank|empty)|no comments yet|comments? from the forums|add new comment",
    r"cancel reply|log in to (?:comment|reply)|join the (?:conversation|discussion)|show comments|hide comments|be the first to comment",
)

# --- photo credits and caption markers
CREDIT_LINE = Vocab(
    r"(?:(?:picture|pic|photo|photograph|image|credit|foto|source|illustration)s?(?: credit)?\s*[:|]\s*.{0,80}"
    r"|(?:©|\(c\)|copyright)\s*.{1,80}"
    r"|(?-i:(?:[\p{Lu}][\p{L}'’.-]*+[ ,]*+){1,6})(?:\bvia\s+|/\s*)(?:%s)\)?\.?"
    r"|credit\.{2,}.{0,80})" % PICTURE_SOURCES,
    regex.IGNORECASE,
    gate=any_of(":", "|", "©", "(c)", "copyright", "via", "/", "credit"),
)
CAPTION_START = regex.compile(
    r"(?:FILE(?: PHOTO)?\s*[-–—:]|(?:Image|Media|Video|Photo) caption\b|(?:Image|Photo|Picture|Pic)\s*:\s|In (?:this|these|an?) (?:undated |handout |file |aerial |video |)"
    r"(?:photo|photos|image|images|picture|pictures|photograph|frame|screengrab|screenshot|still|file photo|handout photo)\b"
    r"|This (?:undated |handout |file )?(?:photo|image|picture|photograph|screengrab)\b)",
)
# A caption ends with a credit: "(Name/Pool Photo via AP)", "Pic: AP", "via Getty Images".
CAPTION_CREDIT_END = Vocab(
    r"(?:\((?:[^()]{0,120}(?:/|\bvia\b|\bphoto\b|\bpool\b|\bfile\b)[^()]{0,80}|%s)(?:,? File)?\)"
    r"|(?:\b|(?<=\p{Ll}))(?:pic|picture|photo|photograph|image|credit)s?\s*:\s*[^.:]{1,60}"
    r"|\b(?:photograph|photo|picture|image|illustration)s? (?:by|courtesy of) [^.]{1,60}"
    r"|\b(?:submitted|file|handout|contributed|supplied|courtesy) (?:photo|image|picture)"
    r"|© [^.]{1,60}"
    r"|\bvia (?:%s)"
    r"|credit\.{2,}[^.]{1,80})\.?[\s\"'”’]*$" % (PICTURE_SOURCES, PICTURE_SOURCES),
    # Searched right to left: the match must end the line, so the first try,
    # at the end, is the only one that can succeed (3x faster).
    regex.IGNORECASE | regex.REVERSE,
    how="search",
    gate=any_of(")", "pic", "photo", "image", "credit", "illustration", "©", "via"),
)
CAPTION_MARKER = regex.compile(r"(?:picture|pic|photo|image|caption|photograph)s?\s*:", regex.IGNORECASE)

# --- bylines, author boxes and dates
BYLINE = Vocab(
    r"(?i:by|words by|written by|reporting by|story by|posted by|author)\s*:?\s+"
    r"(?P<names>[\p{Lu}][\w'’.-]*(?:\s+(?:[\p{Lu}][\w'’.-]*|de|van|von|der|al|bin|la|le|and|&|,)){0,8})"
    r"(?:\s*[,|–—-]\s*(?P<role>[^.!?]{1,60}))?",
    gate=r"^(?:by|words|written|reporting|story|posted|author)\b",
)
ROLES = (
    "correspondent", "editor", "reporter", "writer", "columnist", "contributor", "journalist", "producer",
    "presenter", "analyst", "commentator", "critic", "blogger", "author",
)
AUTHOR_ROLE = Vocab(
    r"(?:(?:[\p{Lu}][\w'’-]*\s+){0,3})?(?:senior |chief |deputy |special |staff |contributing |associate |managing |executive )?"
    r"(?:[\w'’-]+\s+){0,2}(?:%s)s?" % "|".join(ROLES),
    regex.IGNORECASE,
    gate=r"(?:%s)s?\Z" % "|".join(ROLES),
    gate_tail=max(map(len, ROLES)) + 1,
)
NAME = regex.compile(r"[\p{Lu}][\p{Ll}'’-]+(?:\s+[\p{Lu}][\p{Ll}'’.-]*){1,3}")
HANDLE = Vocab(r"@\w{2,30}", gate="^@")
NAME_DASH_ROLE = Vocab(
    r"(?P<name>[\p{Lu}][\p{Ll}'’-]+(?:\s+[\p{Lu}][\p{Ll}'’.-]*){1,3})\s*[-–—|,]\s*(?P<role>.{2,60})",
    gate="[-–—|,]",
)

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|urday)?\.?,?"
DATE = regex.compile(
    r"(?P<iso>(?P<y1>\d{4})-(?P<m1>\d{2})-(?P<d1>\d{2})(?:[T ](?P<t1>\d{1,2}:\d{2}))?)"
    r"|(?P<dmy>(?P<d2>\d{1,2})(?:st|nd|rd|th)? (?P<mon2>%s),? (?P<y2>\d{4})(?:,? (?:at )?(?P<t2>\d{1,2}[:.]\d{2}))?)"
    r"|(?P<mdy>(?P<mon3>%s) (?P<d3>\d{1,2})(?:st|nd|rd|th)?,? (?P<y3>\d{4})(?:,? (?:at )?(?P<t3>\d{1,2}[:.]\d{2}))?)"
    % (MONTHS, MONTHS),
    regex.IGNORECASE,
)
DATE_WORDS = regex.compile(
    r"(?:published|posted|updated|last updated|first published|modified|created|date|on|at|am|pm|gmt|utc|bst|edt|est|cet|pdt|pst|et|ist|"
    r"associated press|reuters|afp|staff|by|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|ago|hours?|minutes?|mins?|and)",
    regex.IGNORECASE,
)

# --- wire-service datelines: "MOSCOW (AP) —", "KYIV, Ukraine (Reuters) -"
AGENCIES = r"AP|Reuters|AFP|UPI|CNN|Bloomberg|dpa|DPA|PA|IANS|PTI|ANI|Xinhua|EFE|ANSA|Kyodo|Yonhap|TASS|CNBC|NPR|BBC"
DATELINE = regex.compile(
    r"(?P<place>[\p{Lu}][\p{Lu}.'’ -]{1,40}(?:,\s*[\p{Lu}][\p{L}.'’ -]{1,30}){0,2})\s*"
    r"\((?P<agency>%s)\)\s*[—–-]{1,2}\s*" % AGENCIES
)


def dateline(text: str) -> Match | None:
    """The wire dateline opening a line, if any (only lines with "(" can have one)."""
    head = text[:120]
    return DATELINE.match(head) if "(" in head else None


def datelines_possible(texts: Sequence[str]) -> bool:
    """False when no line of `texts` can hold a dateline (none has a "("):
    one scan of the joined lines at C speed, which spares the loop over
    the lines on a page without any, such as a million tiny lines."""
    return "(" in "".join(texts)

# --- decorations that can follow a sentence's end in posts: links, hashtags, emoji
EMOJI = r"[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]"
DECORATED_END = regex.compile(
    r"(?:\s*(?:(?:https?://|www\.|pic\.twitter\.com/)\S+|#\w[\w-]*|%s+))+\s*\Z" % EMOJI,
    regex.REVERSE,  # the match ends the line: tried from the end, a miss fails at once
)
EMOJI_ONLY = regex.compile(r"(?:\s|%s)+" % EMOJI)
# "— Jane Doe (@janedoe) October 9, 2018": the credit line under an embedded post.
POST_CREDIT = regex.compile(r"[—–-]{1,2}\s*[^()\n]{1,80}\(@\w{1,30}\)[^()]{0,40}")

# --- kickers and category tags ("ENT", "WORLD NEWS")
ALL_CAPS_TAG = regex.compile(r"[\p{Lu}\d&/' -]{1,24}")

# --- inline related links ("Moscow shooting latest: ...", "Analysis: ...")
RELATED_LINK = Vocab(
    r"[^.!?:]{2,60}\b(?:latest|newest|live|live updates|as it happened)\s*:\s+\S"
    r"|(?:read|learn) (?:more|extra)\s*:\s+\S"
    r"|(?:related|see also|also read|read also|more|watch|listen)\s*:\s+\S",
    regex.IGNORECASE,
    how="match",
    gate=":",
)

# --- copyright and legal notices
LEGAL_NOTICE = Vocab(
    r"(?:this (?:document|article|material|content|story) is (?:subject to|protected by) copyright"
    r"|all rights reserved|no part of this [^.]{0,40} may be reproduced|this material may not be published"
    r"|copyright (?:©\s*)?\d{4})",
    regex.IGNORECASE,
    how="search",
    gate=any_of("copyright", "rights reserved", "reproduced", "may not be published"),
)

# --- byline with a date or a separator: "By HNN Staff | November 18, 2019 at 2:26 PM"
BYLINE_DATED = Vocab(
    r"(?i:by)\s+[\p{Lu}][\w'’.-]*(?:\s+[\p{Lu}][\w'’.-]*){0,3}(?:\s*,\s*[\p{Lu}][\w'’.-]*(?:\s+[\p{Lu}][\w'’.-]*){0,3})*"
    r"\s*(?:\||,|-|–|—|on\b|\bat\b|updated|published)",
    how="match",
    gate=r"^by\b",
)
TIME_ONLY = regex.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?", regex.IGNORECASE)

# --- teasers that name their medium: "Taylor Swift talks politics Video"
MEDIA_WORDS = ("Video", "Videos", "Gallery", "Podcast", "Audio", "Watch", "Photos")
TEASER_MEDIUM = Vocab(r".{8,200}\s(?:%s)" % "|".join(MEDIA_WORDS), gate=r"\s(?:%s)\Z" % any_of(*MEDIA_WORDS),
                      gate_tail=max(map(len, MEDIA_WORDS)) + 1)
