"""cleantext: turn scraped article text into clean text, and explain every change.

    >>> import cleantext
    >>> cleantext.clean("Skip to content\\nThe council approved the budget on Tuesday.")
    'The council approved the budget on Tuesday.'
"""

from .api import clean, clean_and_explain, repair
from .config import Config
from .model import Action, Result, Segment

__all__ = ["Action", "Config", "Result", "Segment", "clean", "clean_and_explain", "repair"]
__version__ = "0.1.0"
