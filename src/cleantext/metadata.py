"""Metadata found in the text: title, date, authors, dateline and agency.

Bylines and date lines are removed from the body by the classifier; this
module turns what it found into fields, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import regex

from . import vocab
from .classify import Feature, Verdict, _features, once

_MONTH_NUM = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
AGENCY_NAMES = {
    "press association": "PA", "associated press": "AP", "the associated press": "AP",
    "reuters": "Reuters", "agence france-presse": "AFP", "afp": "AFP", "pa media": "PA",
    "bloomberg": "Bloomberg", "upi": "UPI", "dpa": "dpa",
}


def iso_date(text: str) -> str | None:
    """The first date in `text` as ISO 8601 (date, plus time when shown)."""
    m = vocab.DATE.search(text)
    if not m:
        return None
    g = m.groupdict()
    if g["iso"]:
        y, mo, d, t = int(g["y1"]), int(g["m1"]), int(g["d1"]), g["t1"]
    elif g["dmy"]:
        y, mo, d, t = int(g["y2"]), _MONTH_NUM[g["mon2"][:3].lower()], int(g["d2"]), g["t2"]
    else:
        y, mo, d, t = int(g["y3"]), _MONTH_NUM[g["mon3"][:3].lower()], int(g["d3"]), g["t3"]
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    out = f"{y:04d}-{mo:02d}-{d:02d}"
    if t:
        hh, mm = regex.split(r"[:.]", t)
        if int(hh) < 24 and int(mm) < 60:
            out += f"T{int(hh):02d}:{mm}"
    return out


def _authors(bylines: Sequence[tuple[int, str]]) -> list[str]:
    names: list[str] = []
    for _, text in sorted(bylines):
        m = vocab.BYLINE.exact.fullmatch(text)
        if m:
            cand = regex.split(r"\s*(?:,|\band\b|&)\s*", m.group("names"))
        else:
            m2 = vocab.NAME_DASH_ROLE.exact.fullmatch(text)
            if m2:
                cand = [m2.group("name")]
            elif vocab.NAME.fullmatch(text):
                cand = [text]
            else:
                continue
        for c in cand:
            c = c.strip(" ,.")
            if c and c not in names:
                names.append(c)
    return names


# _title looks at this many first lines one by one (the title, or the prose
# that ends the search, is nearly always among them) before it skips lines.
TITLE_LINES_ONE_BY_ONE = 50


def _title_candidates(texts: Sequence[str], seen: dict[str, Feature]) -> Iterator[int]:
    """The lines `_title` looks at, in order: all of the first ones, then those
    not known to have fewer than 3 words (a headline or prose line has more).
    The rest are picked by one comprehension, a fraction of the loop body's
    cost per line, so a page of a million one-word lines stays fast."""
    head = min(len(texts), TITLE_LINES_ONE_BY_ONE)
    yield from range(head)
    short = {text for text, f in seen.items() if f.words < 3}
    yield from [i for i in range(head, len(texts)) if texts[i] not in short]


def _title(texts: Sequence[str], verdict: Verdict, seen: dict[str, Feature]) -> str | None:
    """The first headline-like line before the article's first prose paragraph."""
    labels = verdict.labels
    for i in _title_candidates(texts, seen):
        text = texts[i]
        f = seen[text] if text in seen else once(seen, text, _features)
        if f.prose and i not in labels:
            return None
        if i in labels and labels[i].rule != "repeated_block":
            continue
        if f.headline_like and 3 <= f.words <= 18:
            return text
    return None


def _first_dateline(texts: Sequence[str], appended_from: int | None) -> vocab.Match | None:
    """The first wire dateline ("MOSCOW (AP) -") above any appended article."""
    if not vocab.datelines_possible(texts):
        return None
    for i, text in enumerate(texts):
        if appended_from is not None and i >= appended_from:
            break
        m = vocab.dateline(text) if "(" in text else None
        if m:
            return m
    return None


def extract(texts: Sequence[str], verdict: Verdict, features: dict[str, Feature] | None = None) -> dict[str, Any]:
    """Metadata fields from the (repaired) segment texts and the classifier's findings.

    `features` may hold the classifier's per-line features (keyed by line
    text) so that they are not computed twice.
    """
    meta: dict[str, Any] = {"title": _title(texts, verdict, features if features is not None else {})}
    meta["date"] = next((d for _, t in verdict.dates if (d := iso_date(t))), None)
    authors = _authors(verdict.bylines)
    meta["authors"] = authors
    dateline = place = agency = None
    m = _first_dateline(texts, verdict.appended_from)
    if m:
        dateline = m.group(0).strip()
        place, agency = m.group("place").strip(), m.group("agency")
    if agency is None:
        agency = next((AGENCY_NAMES[a.lower()] for a in authors if a.lower() in AGENCY_NAMES), None)
    meta["dateline"] = {"text": dateline, "place": place, "agency": agency} if dateline else None
    meta["agency"] = agency
    return meta
