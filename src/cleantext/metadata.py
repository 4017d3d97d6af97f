"""Metadata found in the text: title, date, authors, dateline and agency.

Bylines and date lines are removed from the body by the classifier; the
kernel says which lines they were (and where the title and the first
dateline are), and this module turns them into fields, so nothing is lost.
"""

from __future__ import annotations

from typing import Any

import regex

from . import _native
from .log import ActionLog
from .rules.vocab import authors, dates

_MONTH_NUM = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
AGENCY_NAMES = {
    "press association": "PA", "associated press": "AP", "the associated press": "AP",
    "reuters": "Reuters", "agence france-presse": "AFP", "afp": "AFP", "pa media": "PA",
    "bloomberg": "Bloomberg", "upi": "UPI", "dpa": "dpa",
}
_TIME_SEPARATOR = regex.compile(r"[:.]")
_NAME_SEPARATOR = regex.compile(r"\s*(?:,|\band\b|&)\s*")
# The title is a headline-like line of this many words.
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 18


def iso_date(text: str) -> str | None:
    """The first date in `text` as ISO 8601 (date, plus time when shown).

    >>> iso_date("Published: 4 May 2023, 10:15")
    '2023-05-04T10:15'
    """
    m = dates.DATE.find(text)
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
        hh, mm = _TIME_SEPARATOR.split(t)
        if int(hh) < 24 and int(mm) < 60:
            out += f"T{int(hh):02d}:{mm}"
    return out


def author_names(bylines: list[str]) -> list[str]:
    """The names in byline and author-box lines, in order, each once.

    >>> author_names(["By Jane Smith and Tom Jones", "Jane Smith - Political correspondent"])
    ['Jane Smith', 'Tom Jones']
    """
    names: list[str] = []
    for text in bylines:
        m = authors.BYLINE.find(text)
        if m:
            cand = _NAME_SEPARATOR.split(m.group("names"))
        else:
            m2 = authors.NAME_DASH_ROLE.find(text)
            if m2:
                cand = [m2.group("name")]
            elif authors.NAME.find(text):
                cand = [text]
            else:
                continue
        for c in cand:
            c = c.strip(" ,.")
            if c and c not in names:
                names.append(c)
    return names


def extract(doc: _native.Document, log: ActionLog) -> dict[str, Any]:
    """Metadata fields from the cleaned document and the classifier's findings."""
    title = doc.title_line(TITLE_MIN_WORDS, TITLE_MAX_WORDS)
    meta: dict[str, Any] = {"title": log.text(title) if title is not None else None}
    meta["date"] = next((d for i in doc.dates if (d := iso_date(log.text(i)))), None)
    names = author_names([log.text(i) for i in sorted(doc.bylines)])
    meta["authors"] = names
    found = doc.first_dateline()
    agency = found[3] if found else None
    if agency is None:
        agency = next((AGENCY_NAMES[a.lower()] for a in names if a.lower() in AGENCY_NAMES), None)
    meta["dateline"] = {"text": found[1], "place": found[2], "agency": agency} if found else None
    meta["agency"] = agency
    return meta
