"""cleantext: turn scraped article text into clean text, and explain every change.

    >>> import cleantext
    >>> cleantext.clean("Skip to content\\nThe council approved the budget on Tuesday.")
    'The council approved the budget on Tuesday.'
"""

from .api import clean, clean_and_explain, repair
from .config import Config
from .model import Action, Result, Segment
from .sentences import sentences

__all__ = ["Action", "Config", "Result", "Segment", "clean", "clean_and_explain", "repair", "sentences"]
__version__ = "0.1.0"
