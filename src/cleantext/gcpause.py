"""Pause Python's cyclic garbage collector around allocation-heavy work.

Cleaning a document makes a few objects per line (segments, features,
actions) and no reference cycles; loading the spin tables makes some 50,000
objects that live as long as the process.  Meanwhile the collector keeps walking
every live object: on a 200,000-line document that is a third of the time.
Pausing it is safe (reference counting still frees everything at once; a
cycle made elsewhere is collected once the pause ends) and the previous
state is always restored, also on error.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with automatic garbage collection off, then restore it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
