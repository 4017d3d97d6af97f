"""Decide which segments are boilerplate, and say why.

Two passes, as in jusText: *pattern rules* look at one line at a time
(credits, prompts, menus, bylines...); *context rules* then look at
neighbours and the whole document (repeats, link lists, caption triples, an
appended second article, the main-text region).  Keyword rules run first so
that a prompt that reads like prose ("Follow us on WhatsApp") never reaches
the context pass.  Each rule id is also the config switch, the action's
`rule` and the stats key.  All state lives inside one `classify` call.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Any, TypeVar

import regex

from . import vocab

# Lines longer than this are prose: whole-line patterns never apply to them,
# which also bounds the regex work on a pathological 50 MB line.
MAX_PATTERN_CHARS = 600
# A line ends a clause (terminal) or a sentence when its last character,
# closing quotes and brackets aside, is one of these.
_CLOSERS = "\"'”’»)]*」』）"
_TERMINAL = ".!?…;:。！？；："
_SENTENCE_END = ".!?…。！？"
# Scripts written without spaces: about two characters make a word.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
# The code-point blocks those scripts live in: a fast test that rules out
# most lines (tests/test_fast_paths.py checks it covers every such character).
_MAYBE_UNSPACED = re.compile(
    "[\u0e00-\u0e7f\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef"
    "\U00016fe0-\U00016fff\U0001aff0-\U0001b2ff\U0001f200-\U0001f2ff\U00020000-\U0003ffff]"
)
_LETTER = regex.compile(r"\p{L}")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Rule:
    """A boilerplate rule: its id, its pass and the reason shown to users."""

    id: str
    stage: str
    reason: str


@dataclass(frozen=True)
class Label:
    """Why a segment is dropped."""

    rule: str
    reason: str


@dataclass(slots=True)
class Feature:
    """Everything the rules need to know about one line on its own, computed
    once per distinct line text (`_features`): lines repeat, and the context
    rules read these fields on every pass."""

    words: int
    terminal: bool
    sentence_end: bool
    folded: str  # the line case-folded, for the vocabulary gates ("" if too long for pattern rules)
    headline_like: bool  # 1-25 words, no clause-ending punctuation
    prose: bool  # a sentence of 8 words or more
    key: str  # the line as compared for repeats (`_norm`)
    repeat_key: str | None  # `key` if the line is long enough for the repeat rule
    weight: float = 0.0  # the line's weight in the main-text search (`_line_weight`)
    caps_tag: bool = False  # an all-caps section tag ("ENT", "WORLD NEWS")


# Labels are immutable and mostly few (a rule and a reason): one object each, shared.
_LABELS: dict[tuple[str, str], Label] = {}
MAX_SHARED_LABELS = 1000


@dataclass
class Verdict:
    """The classifier's output: labels for dropped segments plus findings."""

    labels: dict[int, Label] = field(default_factory=dict)
    dates: list[tuple[int, str]] = field(default_factory=list)
    bylines: list[tuple[int, str]] = field(default_factory=list)
    appended_from: int | None = None


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule("html_remnant", "pattern", "HTML markup left by the scraper"),
        Rule("navigation", "pattern", "menu, share or page-furniture line"),
        Rule("comment_form", "pattern", "comment-form prompt"),
        Rule("share_prompt", "pattern", "social, newsletter or 'tap here' prompt"),
        Rule("video_notice", "pattern", "video-player notice or promo"),
        Rule("link_list", "pattern", "related-links header or its items"),
        Rule("photo_credit", "pattern", "photo credit or caption marker"),
        Rule("caption", "pattern", "photo caption (caption style or trailing credit)"),
        Rule("date_line", "pattern", "publication date line (kept as metadata)"),
        Rule("byline", "pattern", "byline or author box (kept as metadata)"),
        Rule("related_link", "pattern", "inline link to another story"),
        Rule("repeated_block", "context", "repeats an earlier block"),
        Rule("image_label", "context", "alt text or short image label beside a caption"),
        Rule("category_tag", "context", "section tag or kicker above the headline"),
        Rule("appended_article", "context", "a second, unrelated article appended after the main one"),
        Rule("trailing_headlines", "context", "run of headline-like lines at the end of the page"),
        Rule("outside_main_text", "context", "outside the page's main run of article prose"),
    )
}


def _features(text: str) -> Feature:
    head = text[:MAX_PATTERN_CHARS]
    words = head.count(" ") + 1 if len(text) <= MAX_PATTERN_CHARS else 1000
    if words < 1000 and not head.isascii() and _MAYBE_UNSPACED.search(head):
        words = max(words, len(_UNSPACED.findall(head)) // 2)
    last = _last_char(text, words)
    terminal = last != "" and last in _TERMINAL
    sentence_end = last != "" and last in _SENTENCE_END
    folded = text.casefold() if len(text) <= MAX_PATTERN_CHARS else ""
    key = " ".join(folded.split()) if folded else _norm(text)  # _norm(), reusing the folded line
    f = Feature(words, terminal, sentence_end, folded, 1 <= words <= 25 and not terminal,
                sentence_end and words >= 8, key, key if words >= 2 or len(text) >= 12 else None)
    f.weight = _line_weight(text, f)
    f.caps_tag = _is_caps_tag(text, f)
    return f


def _last_char(text: str, words: int) -> str:
    """The character that ends the line's text, closing quotes and brackets aside.

    Posts and blogs end sentences with decorations: a link or hashtag after
    the full stop ("... nose. pic.twitter.com/x1", "... day.#Senate"), an
    emoji after it ("today! 🙂") or, in a sentence-long line, instead of it.
    The sentence ends before the decoration: such a line is prose, not a
    headline or a menu entry.
    """
    last = text[-12:].rstrip(_CLOSERS)[-1:]
    if last == "" or last in _TERMINAL:
        return last
    tail = text[-300:]
    if last.isascii():  # no emoji: a link or hashtag would show in the last word
        end = tail.rsplit(None, 1)[-1] if not tail[-1].isspace() else tail
        if "/" not in end and "#" not in end and "www." not in end:
            return last
    m = vocab.DECORATED_END.search(tail)
    if m is None or m.start() == 0:
        return last
    before = tail[: m.start()].rstrip(_CLOSERS)[-1:]
    if before in _TERMINAL and before != "":
        return before
    if before.isalnum() and words >= 8 and vocab.EMOJI_ONLY.fullmatch(m.group()):
        return "."  # an emoji in place of the full stop
    return last


# ---------------------------------------------------------------- pattern rules
# Each takes (text, feature) and returns a reason string (a match) or None.

PatternRule = Callable[[str, Feature], "str | None"]


def _navigation(text: str, f: Feature) -> str | None:
    if f.words <= 40 and vocab.NAVIGATION.matches(text, f.folded):
        return "menu, tag or page-furniture line"
    if f.words <= 60 and vocab.LEGAL_NOTICE.matches(text, f.folded):
        return "copyright or legal notice"
    if f.words <= MAX_NOTICE_WORDS and vocab.DISCLOSURE.matches(text, f.folded) and not _quoted(f.folded):
        return "advertising or affiliate disclosure"
    return None


def _comment_form(text: str, f: Feature) -> str | None:
    if f.words <= 25 and vocab.COMMENT_FORM.matches(text, f.folded):
        return "comment-form prompt"
    return None


def _share_prompt(text: str, f: Feature) -> str | None:
    if f.words <= 40 and vocab.SHARE_PROMPT.matches(text, f.folded):
        return "social, newsletter or 'tap here' prompt"
    if f.words <= MAX_NOTICE_WORDS and vocab.SUPPORT_PROMPT.matches(text, f.folded) and not _quoted(f.folded):
        return "paywall, membership, donation or ad-blocker prompt"
    return None


# Disclosures and paywall or donation prompts run to a short paragraph at most;
# a longer line is article prose that happens to talk about commissions,
# subscribers or donations.
MAX_NOTICE_WORDS = 60
_SPEECH = re.compile(r"[\"“”„«»]|\b(?:said|says|told|according to)\b")


def _quoted(folded: str) -> bool:
    """True for a line with a quotation or reported speech: a source quoted in a
    story ("we rely on donations," she said) is not the site's own notice."""
    return _SPEECH.search(folded) is not None


def _video_notice(text: str, f: Feature) -> str | None:
    if f.words <= 30 and vocab.VIDEO_NOTICE.matches(text, f.folded):
        return "video-player notice or promo"
    return None


def _link_list_header(text: str, f: Feature) -> str | None:
    if f.words <= 10 and vocab.LINK_LIST_HEADER.matches(text, f.folded):
        return "related-links header"
    return None


def _photo_credit(text: str, f: Feature) -> str | None:
    if f.words <= 12 and vocab.CREDIT_LINE.matches(text, f.folded):
        return "photo credit or caption marker"
    return None


def _caption(text: str, f: Feature) -> str | None:
    if vocab.CAPTION_START.match(text):
        return "caption style ('FILE -', 'In this photo ...')"
    if f.words <= 150:
        tail = text[-250:]
        folded = f.folded[-250:] if len(f.folded) == len(text) else tail.casefold()
        if vocab.CAPTION_CREDIT_END.matches(tail, folded):
            return "ends with a photo credit"
    return None


def _date_line(text: str, f: Feature) -> str | None:
    if f.words > 14 or not _DIGIT.search(text):  # times and dates hold digits
        return None
    if f.words <= 3 and vocab.TIME_ONLY.fullmatch(text):
        return "time stamp line"
    m = vocab.DATE.search(text)
    if not m:
        return None
    rest = vocab.DATE_WORDS.sub(" ", text[: m.start()] + " " + text[m.end() :])
    rest_words = [w for w in regex.split(r"[\W\d_]+", rest) if w]
    return "publication date line" if len(rest_words) <= 1 else None


def _byline(text: str, f: Feature) -> str | None:
    if f.words > 12:
        return None
    if vocab.BYLINE.matches(text, f.folded) or vocab.HANDLE.matches(text, f.folded):
        return "byline"
    if not f.sentence_end and vocab.BYLINE_DATED.matches(text, f.folded) and vocab.DATE.search(text):
        return "byline with date"
    m = vocab.NAME_DASH_ROLE.find(text, f.folded)
    if m:
        role = m.group("role").strip()
        if vocab.AUTHOR_ROLE.matches(role, role.casefold()):
            return "author name and role"
    if f.words <= 5 and not f.terminal and vocab.AUTHOR_ROLE.matches(text, f.folded):
        return "author role line"
    return None


def _related_link(text: str, f: Feature) -> str | None:
    if f.headline_like and vocab.RELATED_LINK.matches(text, f.folded):
        return "inline link to another story"
    if f.headline_like and f.words <= 20 and vocab.TEASER_MEDIUM.matches(text, f.folded):
        return "teaser for a video or gallery"
    return None


PATTERN_RULES: tuple[tuple[str, PatternRule], ...] = (
    ("navigation", _navigation),
    ("comment_form", _comment_form),
    ("share_prompt", _share_prompt),
    ("video_notice", _video_notice),
    ("link_list", _link_list_header),
    ("photo_credit", _photo_credit),
    ("caption", _caption),
    ("date_line", _date_line),
    ("byline", _byline),
    ("related_link", _related_link),
)


# ---------------------------------------------------------------- the classifier


@dataclass
class Memo:
    """Per-line results that depend only on a line's text, shared by the
    classification rounds of one document (lines repeat: menus, captions)."""

    feats: dict[str, Feature] = field(default_factory=dict)
    patterns: dict[str, tuple[str, str] | None] = field(default_factory=dict)


T = TypeVar("T")


def once(cache: dict[str, T], text: str, compute: Callable[..., T], *args: Any) -> T:
    """compute(text, *args), computed once per distinct line text in `cache`.

    Loops over every line test `text in cache` first and call this only on a
    miss: on a hit the call itself would cost more than the lookup.
    """
    if text in cache:
        return cache[text]
    value = cache[text] = compute(text, *args)
    return value


class _Doc:
    """One document's segments, features and labels while rules run."""

    def __init__(self, texts: Sequence[str], breaks: Sequence[bool], enabled: Collection[str], memo: Memo):
        self.texts = texts
        self.breaks = breaks
        self.enabled = enabled
        self.memo = memo
        feats = memo.feats
        self.feats = [feats[t] if t in feats else once(feats, t, _features) for t in texts]
        self.verdict = Verdict()
        self.labels = self.verdict.labels
        self.pattern_rule: dict[int, str] = {}  # in line order

    def label(self, i: int, rule: str, reason: str = "") -> bool:
        if rule not in self.enabled or i in self.labels:
            return False
        self.labels[i] = _shared_label(rule, reason)
        return True

    def label_all(self, indices: Iterable[int], rule: str, reason: str = "") -> None:
        """label() each of `indices` in turn, with one call: a rule can label
        most lines of a page of a million tiny lines."""
        if rule not in self.enabled:
            return
        label, labels = _shared_label(rule, reason), self.labels
        for i in indices:
            if i not in labels:
                labels[i] = label

    def same_block(self, i: int, j: int) -> bool:
        """True when segments i < j are consecutive lines with no blank line between."""
        return j == i + 1 and not self.breaks[j]


def _shared_label(rule: str, reason: str) -> Label:
    label = _LABELS.get((rule, reason))
    if label is None:
        label = Label(rule, reason or RULES[rule].reason)
        if len(_LABELS) < MAX_SHARED_LABELS:  # some reasons name a place: bound the table
            _LABELS[rule, reason] = label
    return label


def classify(
    texts: Sequence[str], breaks: Sequence[bool], enabled: Collection[str], memo: Memo | None = None
) -> Verdict:
    """Label the boilerplate lines of one document.

    `texts` are its non-blank lines, `breaks[i]` says whether a blank line
    precedes line i (lines of one block belong together: captions, author boxes).

    `memo` carries per-line results (features, pattern matches) between the
    rounds of one document's classification; it never outlives the document.
    """
    doc = _Doc(texts, breaks, enabled, memo if memo is not None else Memo())
    _pattern_pass(doc)
    _repeated_blocks(doc)
    _caption_context(doc)
    _author_box(doc)
    _video_titles(doc)
    _link_lists(doc)
    _category_tags(doc)
    _appended_article(doc)
    _trailing_headlines(doc)
    _main_text(doc)
    return doc.verdict


def _first_pattern(text: str, f: Feature, enabled: Collection[str]) -> tuple[str, str] | None:
    """The first enabled pattern rule matching a line, with its reason."""
    for rule, fn in PATTERN_RULES:
        if rule in enabled:
            reason = fn(text, f)
            if reason:
                return rule, reason
    return None


def _line_pattern(text: str, f: Feature, enabled: Collection[str]) -> tuple[str, str] | None:
    """The pattern rule matching one line; a line too long for them is
    prose, where only a caption-style opening ("FILE -") counts."""
    if len(text) <= MAX_PATTERN_CHARS:
        return _first_pattern(text, f, enabled)
    reason = _caption(text, f)  # too many words for a trailing credit: the opening decides
    return ("caption", reason) if reason else None


def _pattern_pass(doc: _Doc) -> None:
    # Pattern rules see one line only, so a repeated line (menus, 100,000
    # copies of one line) is matched once per document; the per-line work
    # left is list passes over the lines.
    seen, texts, feats = doc.memo.patterns, doc.texts, doc.memo.feats
    for text in [text for text in dict.fromkeys(texts) if text not in seen]:  # distinct lines first (C speed)
        seen[text] = _line_pattern(text, feats[text], doc.enabled)
    hits = list(map(seen.__getitem__, texts))
    for i in compress(range(len(hits)), hits):  # the lines with a hit
        rule, reason = hits[i]  # type: ignore[misc]  # compress() kept only hits
        text = texts[i]
        doc.label(i, rule, reason)
        if len(text) > MAX_PATTERN_CHARS:  # a caption in prose: no context rules around it
            continue
        doc.pattern_rule[i] = rule
        if rule == "date_line":
            doc.verdict.dates.append((i, text))
        elif rule == "byline":
            doc.verdict.bylines.append((i, text))


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _repeated_blocks(doc: _Doc) -> None:
    """Drop later copies of a block (titles, leads, captions); keep the first."""
    keys = [f.repeat_key for f in doc.feats]
    if keys.count(None) == len(keys):
        return  # no line long enough to count as a repeat (a page of tiny lines)
    # The first line of each key: dict() keeps the last value written, so
    # feed it the lines bottom-up.
    first = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1), strict=True))
    for i in [i for i, key in enumerate(keys) if key is not None and first[key] != i]:
        doc.label(i, "repeated_block", "repeats an earlier block")


def _caption_context(doc: _Doc) -> None:
    """Alt text / 'Picture:' / caption triples and short image labels."""
    n = len(doc.texts)
    for i, rule in doc.pattern_rule.items():  # labelling never changes pattern_rule
        if rule not in ("caption", "photo_credit"):
            continue
        marker_only = bool(vocab.CAPTION_MARKER.fullmatch(doc.texts[i]))
        for j in (i - 1, i + 1):
            if not 0 <= j < n or j in doc.labels:
                continue
            if not doc.same_block(min(i, j), max(i, j)):
                continue
            text, f = doc.texts[j], doc.feats[j]
            if marker_only and f.words <= 80:
                doc.label(j, "image_label", "alt text or caption beside a 'Picture:' marker")
            elif j == i - 1 and doc.feats[i].key.startswith(f.key.rstrip(".")):
                doc.label(j, "image_label", "alt text repeating the caption below it")
            elif f.words <= 4 and not f.terminal and len(text) <= 40:
                doc.label(j, "image_label", "short image label beside a caption")


def _author_box(doc: _Doc) -> None:
    """A bare name line next to a byline, role or @handle line is part of the author box."""
    n = len(doc.texts)
    for i, rule in doc.pattern_rule.items():  # labelling never changes pattern_rule
        if rule != "byline":
            continue
        for j in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= j < n and j not in doc.labels and doc.feats[j].words <= 4:
                text = doc.texts[j]
                if vocab.NAME.fullmatch(text) or vocab.AUTHOR_ROLE.matches(text, doc.feats[j].folded):
                    doc.label(j, "byline", "author name in an author box")
                    doc.verdict.bylines.append((j, doc.texts[j]))


def _video_titles(doc: _Doc) -> None:
    """The headline-like line right after a video notice is the video's title."""
    for i, rule in doc.pattern_rule.items():  # labelling never changes pattern_rule
        if rule == "video_notice" and i + 1 < len(doc.texts):
            f = doc.feats[i + 1]
            if f.headline_like and f.words <= 12 and not doc.texts[i + 1].endswith("?"):
                doc.label(i + 1, "video_notice", "title of an embedded video")


def _link_lists(doc: _Doc) -> None:
    """After a related-links header, drop the headline lines until prose resumes."""
    n = len(doc.texts)
    done = 0  # lines below this were already walked as list items
    for i, rule in doc.pattern_rule.items():  # labelling never changes pattern_rule
        if rule != "link_list" or i < done:
            continue
        j = i + 1
        while j < n:
            if j in doc.labels:
                j += 1
                continue
            f = doc.feats[j]
            if (f.sentence_end and f.words >= 5) or f.words >= 25:
                break  # a sentence: the article resumes
            doc.label(j, "link_list", "item of a related-links list")
            j += 1
        done = j


def _none_can(doc: _Doc, n: int, test: Callable[[Feature], bool]) -> bool:
    """True when no line can pass `test`, found without walking the first `n`
    lines: the distinct lines seen (memo.feats, a superset) are asked instead
    when they are fewer, as on a page of a million tiny lines."""
    feats = doc.memo.feats
    return len(feats) < n and not any(map(test, feats.values()))


def _first_prose(doc: _Doc) -> int:
    if _none_can(doc, len(doc.feats), lambda f: f.prose and f.words >= 12):
        return len(doc.texts)
    labels = doc.labels
    return next((i for i, f in enumerate(doc.feats) if f.prose and f.words >= 12 and i not in labels), len(doc.texts))


def _is_caps_tag(text: str, f: Feature) -> bool:
    return f.words <= 3 and not f.terminal and bool(_LETTER.search(text)) and bool(vocab.ALL_CAPS_TAG.fullmatch(text))


def _category_tags(doc: _Doc) -> None:
    """Section tags ("ENT") and kickers above the headline, before the first prose.

    A kicker is a run of short lines (at most 3 words, no closing punctuation)
    right above a headline-like line, each shorter than it by 3 words or more;
    labelled lines in between do not break the run.
    """
    head = _first_prose(doc)
    labels, feats = doc.labels, doc.feats
    doc.label_all([i for i in range(head) if feats[i].caps_tag and i not in labels],
                  "category_tag", "all-caps section tag above the article")
    if _none_can(doc, head, lambda f: f.headline_like and f.words > 3):
        return
    heads = [i for i in range(head) if feats[i].headline_like and feats[i].words > 3 and i not in labels]
    if not heads:
        return  # no headline for a kicker: skip the walks' set-up
    open_lines = [i for i in range(head) if i not in labels]
    for pos in [bisect.bisect_left(open_lines, i) for i in heads]:  # the headlines among open_lines
        words = feats[open_lines[pos]].words
        for k in range(pos - 1, -1, -1):  # walks stop at the next headline: linear overall
            f = feats[open_lines[k]]
            if not (f.words <= 3 and not f.terminal and words > f.words + 2):
                break
            doc.label(open_lines[k], "category_tag", "short kicker above the headline")


def _appended_article(doc: _Doc) -> None:
    """A new wire dateline after the main article has run starts another story."""
    labels = doc.labels
    # Only an unlabelled line with "(" can hold a dateline ("MOSCOW (AP) -").
    if not vocab.datelines_possible(doc.texts):
        return
    candidates = [i for i, text in enumerate(doc.texts) if "(" in text and i not in labels]
    if not candidates:
        return
    prose_lines = [i for i, f in enumerate(doc.feats) if f.prose and i not in labels]
    first_dateline: str | None = None
    for i in candidates:
        m = vocab.dateline(doc.texts[i])
        if not m:
            continue
        place = m.group("place").strip()
        prose_seen = bisect.bisect_left(prose_lines, i)  # prose lines above this one
        if first_dateline is None and prose_seen < 3:
            first_dateline = place
        elif prose_seen >= 3 and place != first_dateline:
            doc.verdict.appended_from = i
            for k in range(i, len(doc.texts)):
                doc.label(k, "appended_article", f"part of a second article ({place} dateline)")
            return


def _trailing_headlines(doc: _Doc) -> None:
    """Three or more headline-like lines closing the page are teasers, not article."""
    run: list[int] = []
    for i in range(len(doc.texts) - 1, -1, -1):
        if i in doc.labels:
            continue
        f = doc.feats[i]
        if f.headline_like and f.words >= 2 and not doc.texts[i].endswith("?"):
            run.append(i)
            continue
        break
    if len(run) >= 3:
        for i in run:
            doc.label(i, "trailing_headlines")


# Weights of already-labelled lines in the main-text search: furniture and
# link lists separate the article from the rest of the page; captions,
# bylines and dates sit inside articles and weigh nothing.
_BARRIER = {
    "navigation": -6.0, "share_prompt": -10.0, "comment_form": -20.0, "link_list": -10.0,
    "related_link": -3.0, "trailing_headlines": -10.0, "appended_article": -1000.0,
}


# Short lines with more lower-case than capitalised words are list items or
# fragments (ingredients, bullet points), not menu entries: they cost little.
LOWER_RATIO = 1.0
LOWER_PEN = 0.5
_LIST_ITEM = regex.compile(r"(?:\d{1,3}[.)]|[-•*▪·])\s")
_WORD_START = regex.compile(r"\s(?:(\p{Ll})|[\p{Lu}\d])")


_WEIGHT = operator.attrgetter("weight")


def _line_weight(text: str, f: Feature) -> float:
    """Prose counts for the main text; menu-like lines count against it."""
    if f.sentence_end and f.words >= 10:
        return float(f.words)
    if f.sentence_end or f.terminal or _LIST_ITEM.match(text):
        return 0.0
    if "(@" in text and vocab.POST_CREDIT.fullmatch(text):
        return 0.0  # the credit under an embedded post sits inside the article, like a caption
    # The word starts after a space, each a lower-case letter (kept by the
    # group) or a capital or digit (the group is empty).
    starts = _WORD_START.findall(text[:200])
    lower = len(starts) - starts.count("")
    if lower > (len(starts) - lower) * LOWER_RATIO:
        return -LOWER_PEN  # a list item or a sentence fragment, not a menu entry
    return -(1.0 + 0.5 * min(f.words, 30))


def _best_run(weights: Sequence[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Maximum-sum run of weights[lo:hi] (Kadane): (sum, first, last)."""
    best, span = 0.0, (lo, lo - 1)
    cur, start = 0.0, lo
    for i in range(lo, hi):
        if cur <= 0:
            cur, start = weights[i], i
        else:
            cur += weights[i]
        if cur > best:
            best, span = cur, (start, i)
    return best, span[0], span[1]


# A run beside the main one is kept when it weighs this share of the main run
# and at least SECONDARY_MIN words of prose.
SECONDARY_SHARE = 0.3
SECONDARY_MIN = 30.0
MAX_RUN_SEARCHES = 16


def _main_text(doc: _Doc) -> None:
    """Keep the runs of lines with the most article prose; drop the page around them.

    A maximum-sum run (Kadane, linear): prose lines weigh their word count,
    short headline-like lines (menus, teasers) a small penalty, and labelled
    furniture acts as a barrier.  Beside the main run, further runs on either
    side are kept when they weigh a good share of it (articles split by a
    list or a table), except after a comment form.  Lines outside the kept
    runs are dropped unless they are the title just above the main run.
    """
    if "outside_main_text" not in doc.enabled:
        return
    n = len(doc.texts)
    if _none_can(doc, n, lambda f: f.weight > 0.0):
        return  # no line weighs for the main text (labels only lower weights): there is none
    labels = doc.labels
    weights = list(map(_WEIGHT, doc.feats))
    for i, label in labels.items():
        weights[i] = _BARRIER.get(label.rule, 0.0)
    best, first, last = _best_run(weights, 0, n)
    if last < first:
        return
    best, last = _cut_at_comments(doc, weights, best, first, last)
    keep = [(first, last)]
    comments = _first_labelled(doc, "comment_form", last + 1, n)
    todo = [(0, first), (last + 1, n if comments is None else comments)]
    # Each search is linear in its range; capping the searches keeps the
    # whole rule linear even on pages with many separate prose runs.
    searches = 0
    while todo and searches < MAX_RUN_SEARCHES:
        searches += 1
        lo, hi = todo.pop()
        if hi <= lo:
            continue
        w, a, b = _best_run(weights, lo, hi)
        if b >= a and w >= max(SECONDARY_MIN, SECONDARY_SHARE * best):
            keep.append((a, b))
            todo += [(lo, a), (b + 1, hi)]
    # Widen each kept run over neighbouring list items and fragments.
    for k, (a, b) in enumerate(keep):
        while a > 0 and weights[a - 1] >= -LOWER_PEN and (a - 1) not in doc.labels:
            a -= 1
        while b + 1 < n and weights[b + 1] >= -LOWER_PEN and (b + 1) not in doc.labels:
            b += 1
        keep[k] = (a, b)
    inside = bytearray(n)
    for a, b in keep:
        inside[a : b + 1] = b"\x01" * (b + 1 - a)
    title = _title_above(doc, first)
    for i in range(n):
        if not inside[i] and i != title:
            doc.label(i, "outside_main_text")


def _cut_at_comments(doc: _Doc, weights: Sequence[float], best: float, first: int, last: int) -> tuple[float, int]:
    """End the main run at a comment form inside it, when the run crossed into the comments.

    That is when the form opens a block (form fields, a commenter's name or
    date: no prose right below it) and the prose above it outweighs the prose
    below.  A "Comments" button between two paragraphs is followed by prose,
    and a long thread under a short post is the greater part: both stay.
    """
    form = _first_labelled(doc, "comment_form", first + 1, last)
    if form is None or weights[form + 1] > 0.0:
        return best, last
    above = sum(weights[first:form])
    if above < best - above - weights[form]:
        return best, last
    while form > first and weights[form - 1] <= 0.0:  # the run ends on its last line of prose
        form -= 1
    return sum(weights[first:form]), form - 1


def _first_labelled(doc: _Doc, rule: str, lo: int, hi: int) -> int | None:
    """The first of lines lo..hi-1 that `rule` labelled, if any."""
    labels = doc.labels
    return next((i for i in range(lo, hi) if i in labels and labels[i].rule == rule), None)


def _title_above(doc: _Doc, first: int) -> int | None:
    """The headline-like line closest above the main text (within a few lines)."""
    for i in range(first - 1, max(first - 12, -1), -1):
        if i in doc.labels:
            continue
        f = doc.feats[i]
        if 3 <= f.words <= 25 and (f.headline_like or doc.texts[i][-1] in "!?"):
            return i
    return None
