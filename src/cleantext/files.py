"""Reading inputs and writing outputs for the command line, with clear errors.

Unix habits: FILE or `-` for stdin, output to stdout or written atomically
(a temporary file renamed into place), UTF-8 whatever the console's encoding.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .charfix import decode_bytes, looks_binary
from .markup import looks_like_html


class InputError(Exception):
    """An input that cannot be cleaned (missing, unreadable, binary): exit 1."""


class UsageError(Exception):
    """The command line itself is wrong (an unknown rule name): exit 2."""


def read_input(name: str) -> str:
    """Read FILE (or stdin for '-') as text, decoding with a warning when needed."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read()
        else:
            data = Path(name).read_bytes()
    except FileNotFoundError:
        raise InputError(f"cannot read {name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"cannot read {name}: it is a directory (use 'cleantext batch' for folders)") from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    if looks_binary(data):
        raise InputError(f"{name} looks like a binary file, not text")
    text, warning = decode_bytes(data)
    if warning:
        print(f"cleantext: warning: {name}: {warning}", file=sys.stderr)
    if looks_like_html(text):
        print(f"cleantext: warning: {name} looks like an HTML page: tags are stripped, but an HTML "
              "extractor (e.g. trafilatura) will find the article better", file=sys.stderr)
    return text


def write_output(text: str, out: str | None) -> None:
    """Write UTF-8 to stdout, or atomically to OUT (a temp file renamed into place).

    Output is data, so it is UTF-8 whatever the console's encoding (an ASCII
    or cp1252 stdout would otherwise turn CJK text into a traceback).
    """
    if out is None or out == "-":
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(text)
        else:
            sys.stdout.flush()
            buffer.write(text.encode("utf-8", "replace"))
        sys.stdout.flush()
        return
    target = Path(out)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
