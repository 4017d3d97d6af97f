"""Photo credits, caption styles and caption markers."""

from __future__ import annotations

from ..model import Vocabulary

# Agencies and picture services that appear in photo credits.
PICTURE_SOURCES = (
    r"AP|A\.P\.|AP Photo|Associated Press|Reuters|AFP|EPA|EPA-EFE|PA|PA Wire|PA Images|PA Media"
    r"|Getty(?: Images)?|Shutterstock|Alamy|Bloomberg|Sputnik|Xinhua|ANI|IANS|PTI|TASS|NurPhoto"
    r"|SOPA Images|LightRocket|Anadolu(?: Agency)?|Handout|Pool|File|Supplied"
    r"|Reuters TV|Imago|dpa|picture alliance|Corbis|Wikimedia Commons"
    r"|The New York Times|The Washington Post|BBC|Sky News|CNN|NBC News|Fox News|Courtesy"
)

# --- photo credits and caption markers: a line that is only a credit
CREDIT_LINE = Vocabulary(
    "credit_line",
    r"(?i)(?:(?:picture|pic|photo|photograph|image|credit|foto|source|illustration)s?(?: credit)?\s*[:|]\s*.{0,80}"
    r"|(?:©|\(c\)|copyright)\s*.{1,80}"
    r"|(?-i:(?:\p{Lu}[\p{L}'’.-]*[ ,]*){1,6})(?:\bvia\s+|/\s*)(?:%s)\)?\.?"
    r"|credit\.{2,}.{0,80})" % PICTURE_SOURCES,
    "fullmatch",
    examples=("Picture: PA", "© Reuters", "JOHN SMITH via Getty Images", "Photo: Jane Doe/AP"),
    near_misses=("He posted the photo via Twitter.", "The source of the leak is unknown, officials said."),
)

# --- caption styles that open a line ("FILE -", "In this photo ...")
CAPTION_START = Vocabulary(
    "caption_start",
    r"(?:FILE(?: PHOTO)?\s*[-–—:]|(?:Image|Media|Video|Photo) caption\b|(?:Image|Photo|Picture|Pic)\s*:\s|In (?:this|these|an?) (?:undated |handout |file |aerial |video |)"
    r"(?:photo|photos|image|images|picture|pictures|photograph|frame|screengrab|screenshot|still|file photo|handout photo)\b"
    r"|This (?:undated |handout |file )?(?:photo|image|picture|photograph|screengrab)\b)",
    "match",
    examples=("FILE - The town hall in Leeds, England, on March 3, 2023.",
              "Image caption Protesters gathered outside the town hall on Monday",
              "In this photo released by the police, officers stand guard."),
    near_misses=("In this case, the court found no evidence of wrongdoing.",
                 "The image caption contest drew hundreds of entries from local schools this year."),
)

# --- a caption ends with a credit: "(Name/Pool Photo via AP)", "Pic: AP", "via Getty Images";
# a credit may be glued to the caption's last (lower-case) word: "the crowdPhoto: AP".
CAPTION_CREDIT_END = Vocabulary(
    "caption_credit_end",
    r"(?i)(?:\((?:[^()]{0,120}(?:/|\bvia\b|\bphoto\b|\bpool\b|\bfile\b)[^()]{0,80}|%s)(?:,? File)?\)"
    r"|(?:\b|(?-i:\p{Ll}))(?:pic|picture|photo|photograph|image|credit)s?\s*:\s*[^.:]{1,60}"
    r"|\b(?:photograph|photo|picture|image|illustration)s? (?:by|courtesy of) [^.]{1,60}"
    r"|\b(?:submitted|file|handout|contributed|supplied|courtesy) (?:photo|image|picture)"
    r"|© [^.]{1,60}"
    r"|\bvia (?:%s)"
    r"|credit\.{2,}[^.]{1,80})\.?[\s\"'”’]*$" % (PICTURE_SOURCES, PICTURE_SOURCES),
    "search",
    examples=("Councillors leave the chamber after the vote (Jane Doe/PA Wire)",
              "The mayor speaks to reporters. Pic: Reuters",
              "The plant reopened in May. Photograph by Jane Doe/AFP/Getty Images",
              "Councillor Amy Jones Submitted photo", "Fans gathered at the stadiumPhoto: Jane Doe"),
    near_misses=("The mayor (who was re-elected in May) spoke first.", "The list of the NASAPHOTO: archive items",
                 "He said the photo was taken in 2019 by a passer-by, and he shared it."),
)

# "Picture:" on its own line: the marker of a caption triple.
CAPTION_MARKER = Vocabulary(
    "caption_marker",
    r"(?i)(?:picture|pic|photo|image|caption|photograph)s?\s*:",
    "fullmatch",
    examples=("Picture:", "Photo :"),
    near_misses=("Picture: PA",),
)
