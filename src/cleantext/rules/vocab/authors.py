"""Bylines, author boxes and handles."""

from __future__ import annotations

from ..model import Vocabulary

# "By Jane Smith", "Words by ...", "Reporting by Jane Smith, Political Editor"
BYLINE = Vocabulary(
    "byline",
    r"(?i:by|words by|written by|reporting by|story by|posted by|author)\s*:?\s+"
    r"(?P<names>\p{Lu}[\w'’.-]*(?:\s+(?:\p{Lu}[\w'’.-]*|de|van|von|der|al|bin|la|le|and|&|,)){0,8})"
    r"(?:\s*[,|–—-]\s*(?P<role>[^.!?]{1,60}))?",
    "fullmatch",
    examples=("By Jane Smith", "By Press Association", "Reporting by Tom Jones and Ann Lee"),
    near_misses=("By the end of the year, the fund was empty.", "by jane smith"),
)
ROLES = (
    "correspondent", "editor", "reporter", "writer", "columnist", "contributor", "journalist", "producer",
    "presenter", "analyst", "commentator", "critic", "blogger", "author",
)
# "Political correspondent", "Jane Smith Senior Reporter": up to three
# capitalised words (a name) before the role; the capital is case-sensitive,
# since under (?i) a capital class matches any letter.
AUTHOR_ROLE = Vocabulary(
    "author_role",
    r"(?i)(?:(?:(?-i:\p{Lu})[\w'’-]*\s+){0,3})?(?:senior |chief |deputy |special |staff |contributing |associate |managing |executive )?"
    r"(?:[\w'’-]+\s+){0,2}(?:%s)s?" % "|".join(ROLES),
    "fullmatch",
    examples=("Political correspondent", "Senior Reporter", "Jane Smith Staff Writer", "BBC News Political Editor"),
    near_misses=("He was a famous writer of plays and poems", "as told to our political editor"),
)
# A bare name line ("Jane Smith") in an author box.
NAME = Vocabulary(
    "author_name",
    r"\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’.-]*){1,3}",
    "fullmatch",
    examples=("Jane Smith", "Tom H. Jones"),
    near_misses=("jane smith", "Smith", "The Council Approves The Budget Today Again"),
)
HANDLE = Vocabulary(
    "handle", r"@\w{2,30}", "fullmatch",
    examples=("@janesmith",), near_misses=("@", "email us @ the desk"),
)
# "Jane Smith - Political correspondent"
NAME_DASH_ROLE = Vocabulary(
    "name_dash_role",
    r"(?P<name>\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’.-]*){1,3})\s*[-–—|,]\s*(?P<role>.{2,60})",
    "fullmatch",
    examples=("Jane Smith - Political correspondent", "Tom Jones | Reporter"),
    near_misses=("Political correspondent",),
)
# "By HNN Staff | November 18, 2019 at 2:26 PM"
BYLINE_DATED = Vocabulary(
    "byline_dated",
    r"(?i:by)\s+\p{Lu}[\w'’.-]*(?:\s+\p{Lu}[\w'’.-]*){0,3}(?:\s*,\s*\p{Lu}[\w'’.-]*(?:\s+\p{Lu}[\w'’.-]*){0,3})*"
    r"\s*(?:\||,|-|–|—|on\b|\bat\b|updated|published)",
    "match",
    examples=("By HNN Staff | November 18, 2019 at 2:26 PM HST", "By Jane Smith, Updated May 4, 2023"),
    near_misses=("By the end of the year", "by tuesday, the plan was set"),
)
