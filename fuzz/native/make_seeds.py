"""Seed corpus and dictionary for the native target.

Seeds: the test fixtures whole, and from each boilerplate-dev page two runs of
consecutive lines (its top and its middle, at most 30 lines / 4 KB each),
where the page boilerplate and the context rules live.

Dictionary (libFuzzer `-dict=`), when spec.json exists: every spun phrase of
the spin table (the scan's trie only fires on whole phrases, which byte
mutations rarely spell) and the short boilerplate lines of fuzz_clean.py.

    python fuzz/native/make_seeds.py [OUT_DIR] [PAGES_DIR]     # default: fuzz/native/seeds
                                                              # and fuzz/native/document.dict
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PAGES = Path("/work/shared/eval/boilerplate-dev/pages")


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "seeds"
    pages = Path(sys.argv[2]) if len(sys.argv) > 2 else PAGES
    out.mkdir(parents=True, exist_ok=True)
    seeds: list[bytes] = [p.read_bytes() for p in sorted((REPO / "tests" / "fixtures").glob("*.input.txt"))]
    seeds += [(REPO / "examples" / "sample.txt").read_bytes()] if (REPO / "examples" / "sample.txt").exists() else []
    for page in sorted(pages.glob("*.txt")):
        lines = page.read_bytes().split(b"\n")
        for at in (0, len(lines) // 2):
            chunk = b"\n".join(lines[at : at + 30])[:4096]
            if chunk.strip():
                seeds.append(chunk)
    for s in seeds:
        (out / hashlib.sha1(s).hexdigest()).write_bytes(s)
    print(f"{out}: {len(seeds)} seeds")
    spec = HERE / "spec.json"
    if spec.exists():
        words: list[str] = [row[0] for row in json.loads(spec.read_text(encoding="utf-8"))["spin_entries"]]
        sys.path.insert(0, str(REPO / "fuzz"))
        import fuzz_clean  # type: ignore[import-not-found]

        words += fuzz_clean.SHORT + fuzz_clean.NOISE
        entries = sorted({_dict_entry(w) for w in words if w and len(w.encode("utf-8", "surrogatepass")) <= 64})
        (HERE / "document.dict").write_text("\n".join(entries) + "\n", encoding="ascii")
        print(f"{HERE / 'document.dict'}: {len(entries)} entries")


def _dict_entry(word: str) -> str:
    """A libFuzzer dictionary line: printable ASCII as is, other bytes as \\xNN."""
    out = []
    for b in word.encode("utf-8", "surrogatepass"):
        c = chr(b)
        out.append("\\" + c if c in '"\\' else c if 0x20 <= b < 0x7F else f"\\x{b:02X}")
    return '"' + "".join(out) + '"'


if __name__ == "__main__":
    main()
