"""Dates, times and wire-service datelines."""

from __future__ import annotations

from ..model import Vocabulary

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A date in one of three orders; metadata reads the groups (ISO 8601 out).
DATE = Vocabulary(
    "date",
    r"(?i)(?P<iso>(?P<y1>\d{4})-(?P<m1>\d{2})-(?P<d1>\d{2})(?:[T ](?P<t1>\d{1,2}:\d{2}))?)"
    r"|(?P<dmy>(?P<d2>\d{1,2})(?:st|nd|rd|th)? (?P<mon2>%s),? (?P<y2>\d{4})(?:,? (?:at )?(?P<t2>\d{1,2}[:.]\d{2}))?)"
    r"|(?P<mdy>(?P<mon3>%s) (?P<d3>\d{1,2})(?:st|nd|rd|th)?,? (?P<y3>\d{4})(?:,? (?:at )?(?P<t3>\d{1,2}[:.]\d{2}))?)"
    % (MONTHS, MONTHS),
    "search",
    examples=("Published: 4 May 2023, 10:15", "2024-04-02T15:34", "March 3, 2023"),
    near_misses=("In 2023 the council met again.", "4 May"),
)
# Words a date line may hold beside its date ("Published", "Updated", "BST").
DATE_WORDS = Vocabulary(
    "date_words",
    r"(?i)(?:published|posted|updated|last updated|first published|modified|created|date|on|at|am|pm|gmt|utc|bst|edt|est|cet|pdt|pst|et|ist|"
    r"associated press|reuters|afp|staff|by|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|ago|hours?|minutes?|mins?|and)",
    "search",
    examples=("Published", "Updated", "BST"),
    near_misses=("council",),
)
TIME_ONLY = Vocabulary(
    "time_only",
    r"(?i)\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?",
    "fullmatch",
    examples=("10:14 PM", "9.30am", "15:34 BST"),
    near_misses=("10:14 PM on Tuesday", "1234"),
)

# --- wire-service datelines: "MOSCOW (AP) —", "KYIV, Ukraine (Reuters) -"
AGENCIES = r"AP|Reuters|AFP|UPI|CNN|Bloomberg|dpa|DPA|PA|IANS|PTI|ANI|Xinhua|EFE|ANSA|Kyodo|Yonhap|TASS|CNBC|NPR|BBC"
DATELINE = Vocabulary(
    "dateline",
    r"(?P<place>\p{Lu}[\p{Lu}.'’ -]{1,40}(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30}){0,2})\s*"
    r"\((?P<agency>%s)\)\s*[—–-]{1,2}\s*" % AGENCIES,
    "match",
    examples=("MOSCOW (AP) — Russian officials said on Friday", "KYIV, Ukraine (Reuters) - Ukraine said"),
    near_misses=("Moscow (AP) — officials said", "The AP (Associated Press) reported"),
)
