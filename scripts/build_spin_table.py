#!/usr/bin/env python3
"""Build the spun-text repair tables from data, not from guesses.

Writes `src/cleantext/data/spin_table.tsv` and
`src/cleantext/data/tortured_phrases.tsv`.  Output is deterministic: run it
twice, get the same bytes.

How the spin table is learned:

1. Aligned pairs (`shared/spin/aligned.jsonl`, TRAINING stories only, see
   `held_out`; plus `seed004-aligned.jsonl` and the pairs mined from stored
   web pages, `scripts/spin_sources/mined_aligned.jsonl`, provenance
   "mined:<spun_url> <original_url>") are aligned word by word with
   difflib.SequenceMatcher on normalised tokens.
2. A replaced chunk is split into smaller substitutions where its ends are
   substitutions seen at least twice elsewhere ("army stated" -> "military
   said" = "army"->"military" + "stated"->"said").  Chunks that are
   punctuation, numbers, long rewrites or pure insertions/deletions are noise
   (wire updates, transcription differences) and are not learned.
3. Each substitution spun->original gets a count and a precision: how often
   the spun form, wherever it occurs in the spun training text, was that
   substitution.  A bare substitution is kept if seen >= 2 times with
   precision >= 0.75.  Otherwise it is kept only with its neighbouring words
   as context ("had ready a" -> "had prepared a"), which makes it safe but
   narrow.  Learned entries are all tier `spun_only`.
4. Curated entries (`scripts/spin_sources/curated.tsv`: tier, guard) and
   entries mined from stored web pages (`scripts/spin_sources/mined.tsv`,
   with URLs) are merged; `blocklist.tsv` removes pairs that are natural
   synonyms or harmful.  Chains (an original that is itself a spun key) are
   resolved by keeping the better-supported entry.
5. Inflectional expansion: a whole-word substitution (learned bare,
   curated or mined; no guard) implies its other forms when the form is
   as unambiguous as its source: past <-> -ing of verbs ("informed" ->
   "told" gives "informing" -> "telling"), singular <-> plural of single
   words ("invoice" -> "bill" gives "invoices" -> "bills").  Provenance
   "derived:<rule> from <spun>-><original>", tier spun_only; refused when
   the derived spun form occurs in the training spun text mostly unchanged.

Precision counts an occurrence inside a longer rewrite whose original still
has the candidate original as support, not as a counter-example.

Usage: python scripts/build_spin_table.py [--shared DIR]
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from cleantext.spin.table import tokenize  # noqa: E402
from cleantext.tables import parse_tsv  # noqa: E402

SOURCES = REPO / "scripts" / "spin_sources"
DATA = REPO / "src" / "cleantext" / "data"
DEFAULT_SHARED = REPO.parent / "shared"

MAX_CHUNK = 4  # tokens; longer replaced chunks are rewrites, not spins
MIN_COUNT = 2
MIN_PRECISION = 0.75
MIN_SHARE = 0.8
OPENERS = {'"', "'", "“", "‘", "(", ".", "!", "?", ":", "—", "–", "-"}
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
COLUMNS = ("spun", "original", "tier", "guard", "count", "source")
# Spinner sites reserved for evaluation (shared/spin/README.md): never mined.
RESERVED_SITES = (
    "actdailynews.com",
    "arcticnow.com",
    "brokers.markets",
    "capitalnewshub.com",
    "caspernews.online",
    "em2sports.com",
    "financialsup.com",
    "madisony.com",
    "thewall.fyi",
    "todayscroll.com",
    "tycoonherald.com",
    "listtechnology.com",
    "thenewstrace.com",
    "festival-history.com",
    "dustbury.com",
    "rachelneumeier.com",
    "touristnewsmaine.com",
    "newsbuzzr",
)


def story_of(article: str) -> str:
    """Story id: the article id without its spinner-version suffix."""
    return re.sub(r"-v\d+$", "", article)


def held_out(story: str) -> bool:
    """Fixed, deterministic split: about a quarter of the stories are held out
    for evaluation and never used to build the table."""
    return int(hashlib.sha256(story.encode("utf-8")).hexdigest()[:8], 16) % 4 == 0


def norm(tok: str) -> str:
    return tok.lower().translate(QUOTES)


@dataclass
class Unit:
    """One aligned piece of a sentence pair: spun tokens vs original tokens."""

    s: list[tuple[int, int, str]]
    o: list[tuple[int, int, str]]
    changed: bool
    noise: bool = False


@dataclass
class Pair:
    spun: str
    original: str
    units: list[Unit] = field(default_factory=list)
    src: str = ""


def is_word(tok: str) -> bool:
    return bool(re.search(r"\w", tok))


def chunk_is_noise(s: list[str], o: list[str]) -> bool:
    sw = [t for t in s if is_word(t)]
    ow = [t for t in o if is_word(t)]
    if not sw or not ow:
        return True  # punctuation change or pure insertion/deletion
    if len(s) > MAX_CHUNK or len(o) > MAX_CHUNK:
        return True
    if [norm(t) for t in sw] == [norm(t) for t in ow]:
        return True
    return False


def raw_chunks(sp: list[tuple[int, int, str]], op: list[tuple[int, int, str]]) -> list[tuple[str, int, int, int, int]]:
    """Word-level opcodes, tidied for learning: a pure insertion/deletion
    takes the word before it as anchor ("more likely" -> "likely"), and a
    change, one equal token and an insertion/deletion form one chunk ("in
    the direction of the steel" -> "towards the metal")."""
    sm = difflib.SequenceMatcher(None, [norm(t[2]) for t in sp], [norm(t[2]) for t in op], autojunk=False)
    ops = [list(x) for x in sm.get_opcodes()]
    out: list[list[object]] = []
    for o in ops:
        tag, i1, i2, j1, j2 = o
        if (
            tag in ("insert", "delete")
            and len(out) >= 2
            and out[-1][0] == "equal"
            and out[-1][2] - out[-1][1] == 1  # type: ignore[operator]
            and out[-2][0] != "equal"
        ):
            eq = out.pop()
            prev = out.pop()
            out.append(["replace", prev[1], i2, prev[3], j2])
            continue
        if tag in ("insert", "delete") and out and out[-1][0] == "equal" and out[-1][2] > out[-1][1]:  # type: ignore[operator]
            eq = out[-1]
            eq[2] = eq[2] - 1  # type: ignore[operator]
            eq[4] = eq[4] - 1  # type: ignore[operator]
            if eq[2] == eq[1]:
                out.pop()
            out.append(["replace", i1 - 1, i2, j1 - 1, j2])
            continue
        if tag != "equal" and out and out[-1][0] != "equal":
            prev = out.pop()
            out.append(["replace", prev[1], i2, prev[3], j2])
            continue
        out.append(o)
    return [tuple(x) for x in out]  # type: ignore[misc]


def split_chunk(
    s: list[str], o: list[str], known: dict[tuple[str, ...], tuple[str, ...]]
) -> list[tuple[int, int, int, int]]:
    """Split a replaced chunk into sub-substitutions at known pairs on its ends."""
    sl = [norm(t) for t in s]
    ol = [norm(t) for t in o]
    left: list[tuple[int, int, int, int]] = []
    right: list[tuple[int, int, int, int]] = []
    i0, i1, j0, j1 = 0, len(sl), 0, len(ol)
    changed = True
    while changed and i0 < i1 and j0 < j1:
        changed = False
        for n in range(i1 - i0, 0, -1):
            k = tuple(sl[i0 : i0 + n])
            v = known.get(k)
            if v and tuple(ol[j0 : j0 + len(v)]) == v and (i0 + n, j0 + len(v)) != (i1, j1):
                left.append((i0, i0 + n, j0, j0 + len(v)))
                i0 += n
                j0 += len(v)
                changed = True
                break
        if changed:
            continue
        for n in range(i1 - i0, 0, -1):
            k = tuple(sl[i1 - n : i1])
            v = known.get(k)
            if v and tuple(ol[j1 - len(v) : j1]) == v and (i1 - n, j1 - len(v)) != (i0, j0):
                right.insert(0, (i1 - n, i1, j1 - len(v), j1))
                i1 -= n
                j1 -= len(v)
                changed = True
                break
    middle = [(i0, i1, j0, j1)] if (i0 < i1 or j0 < j1) else []
    return left + middle + right


def load_jsonl(path: Path) -> list[dict[str, str]]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def mined_pairs(shared: Path) -> list[Pair]:
    """Sentence pairs mined from stored web pages (`mined_aligned.jsonl`).

    All mined stories are new, so all are training data; the held-out split
    of `aligned.jsonl` is unchanged.  Refuses reserved evaluation sites, URLs
    already in shared/spin, and copies of held-out stories."""
    path = SOURCES / "mined_aligned.jsonl"
    if not path.exists():
        return []
    shared_recs = load_jsonl(shared / "spin" / "aligned.jsonl")
    known_urls = {r[k] for r in shared_recs for k in ("spun_url", "original_url")}
    for name in ("seed004-aligned.jsonl", "spun-only.jsonl"):
        f = shared / "spin" / name
        if f.exists():
            known_urls |= {r[k] for r in load_jsonl(f) for k in ("spun_url", "original_url") if r.get(k)}
    held = {story_of(r["article"]) for r in shared_recs if held_out(story_of(r["article"]))}
    pairs: list[Pair] = []
    for n, r in enumerate(load_jsonl(path), 1):
        urls = (r["spun_url"], r["original_url"])
        bad = [d for d in RESERVED_SITES for u in urls if d in u.lower()]
        if bad or any(u in known_urls for u in urls) or story_of(r["article"]) in held:
            raise SystemExit(f"{path.name}:{n}: not usable ({bad or 'URL already in shared/spin or held-out story'})")
        pairs.append(Pair(r["spun"], r["original"], src=f"mined:{urls[0]} {urls[1]}"))
    return pairs


def training_pairs(shared: Path) -> list[Pair]:
    pairs: list[Pair] = []
    for r in load_jsonl(shared / "spin" / "aligned.jsonl"):
        if held_out(story_of(r["article"])):
            continue
        pairs.append(Pair(r["spun"], r["original"], src="aligned:" + r["article"]))
    for r in load_jsonl(shared / "spin" / "seed004-aligned.jsonl"):
        pairs.append(Pair(r["spun"], r["original"], src="seed004"))
    pairs.extend(mined_pairs(shared))
    return pairs


def build_units(pairs: list[Pair], known: dict[tuple[str, ...], tuple[str, ...]]) -> None:
    for p in pairs:
        sp, op = tokenize(p.spun), tokenize(p.original)
        p.units = []
        for tag, i1, i2, j1, j2 in raw_chunks(sp, op):
            if tag == "equal":
                for a, b in zip(range(i1, i2), range(j1, j2), strict=False):
                    p.units.append(Unit([sp[a]], [op[b]], changed=False))
                continue
            s, o = [t[2] for t in sp[i1:i2]], [t[2] for t in op[j1:j2]]
            if chunk_is_noise(s, o):
                p.units.append(Unit(sp[i1:i2], op[j1:j2], changed=True, noise=True))
                continue
            for a, b, c, d in split_chunk(s, o, known):
                ss, oo = sp[i1 + a : i1 + b], op[j1 + c : j1 + d]
                noise = chunk_is_noise([t[2] for t in ss], [t[2] for t in oo])
                p.units.append(Unit(ss, oo, changed=True, noise=noise))


def surface(text: str, toks: list[tuple[int, int, str]]) -> str:
    return text[toks[0][0] : toks[-1][1]] if toks else ""


def key_of(s: str) -> tuple[str, ...]:
    return tuple(norm(t[2]) for t in tokenize(s))


def decap(p: Pair, units: list[Unit], s: str, o: str) -> tuple[str, str]:
    """Undo sentence-initial capitals so the entry is stored in lower case
    when it is not a proper name."""
    first = units[0].s[0]
    toks = tokenize(p.spun)
    idx = next(i for i, t in enumerate(toks) if t[0] == first[0])
    initial = idx == 0 or toks[idx - 1][2] in OPENERS
    if initial and s[:1].isupper() and s.split()[0][1:] == s.split()[0][1:].lower():
        s = s[:1].lower() + s[1:]
        if o[:1].isupper() and o.split()[0][1:] == o.split()[0][1:].lower():
            o = o[:1].lower() + o[1:]
    if s == s.lower():
        o = " ".join(w if (len(w) > 1 and w.isupper()) else w.lower() for w in o.split(" "))
    return s, o


def window(p: Pair, k: int, lo: int, hi: int) -> tuple[str, str] | None:
    """Spun/original text of units k-lo .. k+hi, or None if not usable."""
    a, b = k - lo, k + hi
    if a < 0 or b >= len(p.units):
        return None
    us = p.units[a : b + 1]
    if any(u.noise or not u.s or not u.o for u in us):
        return None
    ctx = [u for i, u in enumerate(us) if i != lo]
    if ctx and not any(is_word(t[2]) for u in ctx for t in u.s):
        return None  # some context must be a word, not only punctuation
    if len(ctx) == 1 and not is_word(ctx[0].s[0][2]):
        return None
    s = p.spun[us[0].s[0][0] : us[-1].s[-1][1]]
    o = p.original[us[0].o[0][0] : us[-1].o[-1][1]]
    return decap(p, us, s, o)


def case_key(s: str) -> tuple[str, ...]:
    """Tokens with quotes normalised but case kept."""
    return tuple(t[2].translate(QUOTES) for t in tokenize(s))


def rewrite_support(pairs: list[Pair], nmax: int = 10) -> dict[tuple[str, ...], list[str]]:
    """Spun n-gram, case kept -> the original side (" a b c ") of every
    changed unit, noise included, that contains it.  An occurrence inside a
    longer rewrite whose original still has the candidate original
    ("couldn't instantly present" -> "could not immediately provide")
    supports the substitution instead of counting against its precision.
    Case is kept so that names ("Home Speaker") do not back a lower-case
    entry ("home")."""
    out: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for p in pairs:
        for u in p.units:
            if not u.changed or not u.s or not u.o:
                continue
            s = [t[2].translate(QUOTES) for t in u.s]
            o = " " + " ".join(norm(t[2]) for t in u.o) + " "
            for i in range(len(s)):
                for n in range(1, min(nmax, len(s) - i) + 1):
                    out[tuple(s[i : i + n])].append(o)
    return out


def ngram_counts(pairs: list[Pair], nmax: int = 10) -> Counter[tuple[str, ...]]:
    c: Counter[tuple[str, ...]] = Counter()
    for p in pairs:
        t = [norm(x[2]) for x in tokenize(p.spun)]
        for i in range(len(t)):
            for n in range(1, min(nmax, len(t) - i) + 1):
                c[tuple(t[i : i + n])] += 1
    return c


@dataclass
class Cand:
    spun: str
    original: str
    count: int
    sources: set[str]
    level: int


def learn(
    pairs: list[Pair],
    curated_keys: dict[tuple[str, ...], tuple[str, ...]],
    blocked: set[str],
    cores: set[tuple[str, str]] | None = None,
) -> dict[str, Cand]:
    cores = cores or set()
    # pass 1: raw chunks -> known pairs used to split longer chunks
    raw: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    for p in pairs:
        sp, op = tokenize(p.spun), tokenize(p.original)
        for tag, i1, i2, j1, j2 in raw_chunks(sp, op):
            s, o = [t[2] for t in sp[i1:i2]], [t[2] for t in op[j1:j2]]
            if tag != "equal" and not chunk_is_noise(s, o):
                raw[tuple(map(norm, s))][tuple(map(norm, o))] += 1
    known = dict(curated_keys)
    for k, vc in raw.items():
        v, c = vc.most_common(1)[0]
        if c >= MIN_COUNT and c / sum(vc.values()) >= MIN_SHARE:
            known.setdefault(k, v)
    build_units(pairs, known)
    occ = ngram_counts(pairs)
    support = rewrite_support(pairs)

    # pass 2: count substitutions at three context levels
    stats: list[dict[str, Counter[str]]] = [defaultdict(Counter) for _ in range(3)]
    srcs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for p in pairs:
        for k, u in enumerate(p.units):
            if not u.changed or u.noise:
                continue
            variants = [window(p, k, 0, 0), window(p, k, 1, 0), window(p, k, 0, 1), window(p, k, 1, 1)]
            for v, lvl in zip(variants, (0, 1, 1, 2), strict=False):
                if v is None:
                    continue
                stats[lvl][v[0]][v[1]] += 1
                srcs[v].add(p.src)

    def judge(spun: str, vc: Counter[str], lvl: int) -> Cand | None:
        if spun in blocked or not vc:
            return None
        if lvl == 0 and re.search(r"\d", spun + "".join(vc)):
            return None  # "eight" -> "8": learned only with context
        (orig, c), total = vc.most_common(1)[0], sum(vc.values())
        # a natural synonym in any context (blocklist "core:"); substitutions
        # that rest on mined pairs are also refused if they merely contain one
        mined = any(s.startswith("mined:") for s in srcs[(spun, orig)])
        if cores and core_blocked(spun, orig, cores, within=mined):
            return None
        if len(vc) > 1 and vc.most_common(2)[1][1] == c:
            return None  # tie between two originals: ambiguous
        o = occ[key_of(spun)] or c
        share, prec = c / total, c / max(o, c)
        if lvl == 0:
            target = " " + " ".join(key_of(orig)) + " "
            backed = sum(1 for x in support.get(case_key(spun), ()) if target in x)
            prec = max(c, backed) / max(o, c)
        if lvl == 0 and not (c >= MIN_COUNT and share >= MIN_SHARE and prec >= MIN_PRECISION):
            return None
        if lvl >= 1 and not (share == 1.0 and prec == 1.0):
            return None
        return Cand(spun, orig, c, srcs[(spun, orig)], lvl)

    out: dict[str, Cand] = {}
    for p in pairs:
        for k, u in enumerate(p.units):
            if not u.changed or u.noise:
                continue
            v0 = window(p, k, 0, 0)
            if v0 is None:
                continue
            cand = judge(v0[0], stats[0][v0[0]], 0)
            if cand is None:
                # narrow with context: one side (seen twice, or at a sentence
                # edge), else both sides
                opts: list[Cand] = []
                for lo, hi in ((1, 0), (0, 1)):
                    v = window(p, k, lo, hi)
                    if v is None:
                        continue
                    c1 = judge(v[0], stats[1][v[0]], 1)
                    edge = window(p, k, 1 - lo, 1 - hi) is None
                    if c1 and (c1.count >= MIN_COUNT or edge):
                        opts.append(c1)
                if not opts:
                    v = window(p, k, 1, 1)
                    c2 = judge(v[0], stats[2][v[0]], 2) if v else None
                    opts = [c2] if c2 else []
                cand = max(opts, key=lambda c: (c.count, -len(c.spun), c.spun), default=None)
            if cand is None:
                continue
            out.setdefault(cand.spun, cand)
    return out


def read_tsv(path: Path) -> list[dict[str, str]]:
    return list(parse_tsv(path.read_text(encoding="utf-8")))


def blocklist() -> set[tuple[str, str]]:
    return {(r["spun"], r["original"]) for r in read_tsv(SOURCES / "blocklist.tsv")}


def core_of(spun: str, original: str) -> tuple[str, str]:
    """The changed middle of a substitution, context cut off and normalised:
    ("to name in", "to call in") -> ("name", "call")."""
    a, b = list(key_of(spun)), list(key_of(original))
    while a and b and a[0] == b[0]:
        a, b = a[1:], b[1:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    return " ".join(a), " ".join(b)


def blocked_cores() -> set[tuple[str, str]]:
    """Blocklist rows written "core:<spun>" block a substitution in every
    context it was learned in ("core:tried" -> "attempted"); "*" = any."""
    out = set()
    for s, o in blocklist():
        if s.startswith("core:"):
            out.add(core_of(s[5:], s[5:] + " \x00") if o == "*" else core_of(s[5:], o))
    return {(a, "*" if b.endswith("\x00") else b) for a, b in out}


def _contains(hay: str, needle: str) -> bool:
    return f" {needle} " in f" {hay} "


def core_blocked(spun: str, original: str, cores: set[tuple[str, str]], *, within: bool = False) -> bool:
    """True if the changed middle of spun -> original is a blocked core
    substitution, or (`within`) contains one ("together with girls" ->
    "including women" contains "together with" -> "including")."""
    a, b = core_of(spun, original)
    if within:
        return any(_contains(a, x) and (y == "*" or _contains(b, y)) for x, y in cores)
    return any(a == x and (y == "*" or b == y) for x, y in cores)


@dataclass
class Row:
    spun: str
    original: str
    tier: str
    guard: str
    count: int
    sources: list[str]
    priority: int  # 0 curated, 1 learned/mined


def merge(learned: dict[str, Cand]) -> list[Row]:
    rows: dict[str, Row] = {}
    for r in read_tsv(SOURCES / "curated.tsv"):
        rows[r["spun"]] = Row(r["spun"], r["original"], r["tier"], r["guard"], 0, ["curated"], 0)
    mined: dict[tuple[str, str], list[str]] = defaultdict(list)
    mined_path = SOURCES / "mined.tsv"
    if mined_path.exists():
        for r in read_tsv(mined_path):
            mined[(r["spun"], r["original"])].append(r["url"])
    blocked = blocklist()
    for c in sorted(learned.values(), key=lambda c: c.spun):
        tag = ",".join(sorted(s.removeprefix("aligned:") for s in c.sources))
        src = f"learned(L{c.level}):{tag}"
        if c.spun in rows:
            r = rows[c.spun]
            if r.original.lower() == c.original.lower():
                r.count += c.count
                r.sources.append(src)
            continue
        rows[c.spun] = Row(c.spun, c.original, "spun_only", "", c.count, [src], 1)
    for (s, o), urls in sorted(mined.items()):
        src = "mined:" + "|".join(sorted(set(urls)))
        if s in rows:
            if rows[s].original.lower() == o.lower():
                rows[s].count += len(urls)
                rows[s].sources.append(src)
            continue
        rows[s] = Row(s, o, "spun_only", "", len(urls), [src], 1)
    kept = [r for k, r in rows.items() if (r.spun, r.original) not in blocked and (r.spun, "*") not in blocked]
    # resolve chains greedily: curated first, then better supported
    kept.sort(key=lambda r: (r.priority, -r.count, r.spun))
    keys: set[str] = set()
    origs: set[str] = set()
    final: list[Row] = []
    for r in kept:
        sk, ok = r.spun.lower(), r.original.lower()
        if r.spun.lower() == r.original.lower():
            continue
        if ok in keys or sk in origs:
            continue
        keys.add(sk)
        origs.add(ok)
        final.append(r)
    final.sort(key=lambda r: r.spun)
    return final


# --- inflectional expansion ---------------------------------------------------------
# A spinner swaps word forms from one synonym list, so a substitution seen in
# one form ("informed" -> "told") predicts its other forms ("informing" ->
# "telling").  A small rule-based inflector; irregular verbs are listed.

IRREGULAR = {  # base: (3sg, past, past participle, -ing)
    "be": ("is", "was", "been", "being"),
    "begin": ("begins", "began", "begun", "beginning"),
    "break": ("breaks", "broke", "broken", "breaking"),
    "bring": ("brings", "brought", "brought", "bringing"),
    "build": ("builds", "built", "built", "building"),
    "buy": ("buys", "bought", "bought", "buying"),
    "catch": ("catches", "caught", "caught", "catching"),
    "choose": ("chooses", "chose", "chosen", "choosing"),
    "come": ("comes", "came", "come", "coming"),
    "cut": ("cuts", "cut", "cut", "cutting"),
    "do": ("does", "did", "done", "doing"),
    "fall": ("falls", "fell", "fallen", "falling"),
    "feel": ("feels", "felt", "felt", "feeling"),
    "fight": ("fights", "fought", "fought", "fighting"),
    "find": ("finds", "found", "found", "finding"),
    "get": ("gets", "got", "gotten", "getting"),
    "give": ("gives", "gave", "given", "giving"),
    "go": ("goes", "went", "gone", "going"),
    "grow": ("grows", "grew", "grown", "growing"),
    "have": ("has", "had", "had", "having"),
    "hear": ("hears", "heard", "heard", "hearing"),
    "hold": ("holds", "held", "held", "holding"),
    "keep": ("keeps", "kept", "kept", "keeping"),
    "know": ("knows", "knew", "known", "knowing"),
    "lead": ("leads", "led", "led", "leading"),
    "leave": ("leaves", "left", "left", "leaving"),
    "lose": ("loses", "lost", "lost", "losing"),
    "make": ("makes", "made", "made", "making"),
    "mean": ("means", "meant", "meant", "meaning"),
    "meet": ("meets", "met", "met", "meeting"),
    "pay": ("pays", "paid", "paid", "paying"),
    "put": ("puts", "put", "put", "putting"),
    "rise": ("rises", "rose", "risen", "rising"),
    "run": ("runs", "ran", "run", "running"),
    "say": ("says", "said", "said", "saying"),
    "see": ("sees", "saw", "seen", "seeing"),
    "seek": ("seeks", "sought", "sought", "seeking"),
    "sell": ("sells", "sold", "sold", "selling"),
    "send": ("sends", "sent", "sent", "sending"),
    "set": ("sets", "set", "set", "setting"),
    "shoot": ("shoots", "shot", "shot", "shooting"),
    "show": ("shows", "showed", "shown", "showing"),
    "sit": ("sits", "sat", "sat", "sitting"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "spend": ("spends", "spent", "spent", "spending"),
    "stand": ("stands", "stood", "stood", "standing"),
    "take": ("takes", "took", "taken", "taking"),
    "teach": ("teaches", "taught", "taught", "teaching"),
    "tell": ("tells", "told", "told", "telling"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "understand": ("understands", "understood", "understood", "understanding"),
    "win": ("wins", "won", "won", "winning"),
    "write": ("writes", "wrote", "written", "writing"),
}
# Irregular pasts that differ from the participle: a derived "talked" ->
# "spoke" would break "has talked".
AMBIGUOUS_PAST = frozenset(past for _s3, past, pp, _ing in IRREGULAR.values() if past != pp)
IRREGULAR_PLURALS = {"man": "men", "woman": "women", "child": "children", "person": "people"}
# Word endings of adjectives and adverbs, whose "-s" form is another word
# ("primary" -> "primaries", "final" -> "finals"): no plural is derived.
NOT_NOUN_OR_VERB = re.compile(r"(al|ary|ous|ive|ful|less|able|ible|ic|ly|est|ent|ant|ing|ed|er|ss|us|is|[^s]s)$")
VOWELS = "aeiou"
# Stem endings after which a dropped "e" is restored ("stat" -> "state").
SILENT_E_STEMS = ("at", "iz", "is", "ut", "ud", "ag", "ot", "ov", "iv", "id", "ar", "ur", "uc", "v", "c", "g", "u")
FORM_TAGS = ("base", "3sg", "past", "ing")


def plural(w: str) -> str:
    """Regular -s form (noun plural or verb 3rd person)."""
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if w in IRREGULAR:
        return IRREGULAR[w][0]
    if re.search(r"(s|x|z|ch|sh)$", w):
        return w + "es"
    if len(w) > 1 and w[-1] == "y" and w[-2] not in VOWELS:
        return w[:-1] + "ies"
    return w + "s"


def _doubles(stem: str) -> bool:
    """One-syllable consonant-vowel-consonant stems double before -ed/-ing ("stop")."""
    groups = re.findall(r"[aeiouy]+", stem[:-1]) if stem else []
    return bool(re.search(r"(^|[^aeiou])[aeiou][^aeiouwxy]$", stem)) and len(groups) == 1


def _base_of_stem(stem: str) -> str:
    """The base verb of what is left of a past or -ing form without its
    ending: a doubled consonant undone ("stopp"), a silent "e" restored
    ("stat" -> "state", "vot" -> "vote")."""
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz" + VOWELS:
        return stem[:-1]
    if stem.endswith(SILENT_E_STEMS) or _doubles(stem):
        return stem + "e"
    return stem


def verb_forms(word: str) -> dict[str, str] | None:
    """The verb's forms (base, 3sg, past, ing) from its past or -ing form,
    or None if `word` is neither.  Regular lemmas are guessed: a wrong guess
    gives a non-word, which never matches, so it costs nothing."""
    for base, (s3, past, pp, ing) in IRREGULAR.items():
        if word in (past, pp, ing):
            return {"base": base, "3sg": s3, "past": past, "ing": ing}
    if word.endswith("ied") and len(word) > 4:
        base = word[:-3] + "y"
    elif word.endswith("ed") and len(word) > 4:
        base = _base_of_stem(word[:-2])
    elif word.endswith("ing") and len(word) > 5:
        base = _base_of_stem(word[:-3])
    else:
        return None
    if base in IRREGULAR:
        s3, past, _pp, ing = IRREGULAR[base]
        return {"base": base, "3sg": s3, "past": past, "ing": ing}
    stem = base[:-1] if base.endswith("e") and not base.endswith("ee") else base
    if _doubles(base):
        stem = base + base[-1]
    if base.endswith("y") and base[-2:-1] not in tuple(VOWELS):
        past, ing = base[:-1] + "ied", base + "ing"
    elif base.endswith("ee"):
        past, ing = base + "d", base + "ing"
    else:
        past, ing = (base + "d" if base.endswith("e") else stem + "ed"), stem + "ing"
    forms = {"base": base, "3sg": plural(base), "past": past, "ing": ing}
    return forms if word in (forms["past"], forms["ing"]) else None


def singular(w: str) -> str | None:
    """The singular of a regular or listed plural, or None."""
    for one, many in IRREGULAR_PLURALS.items():
        if w == many:
            return one
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if re.search(r"(ch|sh|x|ss)es$", w):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return None


def _recase(form: str, like: str) -> str:
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


FUNCTION_WORDS = frozenset(
    "a an the and or but of to in on at by for with from as than then again also only just "
    "more most much many few some each every both all any other another same such own "
    "may might must shall should will would can could here there where when while before after "
    "ahead forward around round instead meanwhile overnight out up down off over under "
    "high low".split()  # adjectives with a noun plural of another sense ("record highs")
)
DETERMINERS = frozenset("a an the this that his her its their our my your".split())


def inflections(spun: str, original: str, nouns: frozenset[str]) -> list[tuple[str, str, str]]:
    """Other forms of a substitution: (spun, original, rule).

    Verbs: the first word of each side, both a past or both an -ing form;
    past <-> -ing ("taking pictures" -> "shooting" gives "took pictures" ->
    "shot"), and base and 3rd person unless the spun base is also seen as
    a noun (`nouns`: "a notice").  Nouns: single words, singular <-> plural
    ("invoices" -> "bills")."""
    a, b = spun.split(" "), original.split(" ")
    out: list[tuple[str, str, str]] = []
    va, vb = verb_forms(a[0].lower()), verb_forms(b[0].lower())
    if va and vb:
        tag = next((t for t in ("past", "ing") if va[t] == a[0].lower()), "")
        if tag and vb[tag] == b[0].lower():
            # base and 3rd person forms are often nouns too ("notice",
            # "hands"), which a past or -ing form is not: only if the
            # spun base is never seen as a noun and is verb-shaped
            wanted = ["past", "ing"]
            if va["base"] not in nouns and len(va["base"]) > 5 and re.search(r"(ize|ise|ify|ate)$", va["base"]):
                wanted += ["base", "3sg"]
            for t in wanted:
                if t == tag or (t == "past" and vb["past"] in AMBIGUOUS_PAST):
                    continue
                out.append((
                    " ".join([_recase(va[t], a[0]), *a[1:]]),
                    " ".join([_recase(vb[t], b[0]), *b[1:]]),
                    f"verb-{tag}-to-{t}",
                ))
    if len(a) == 1 and len(b) == 1 and not va and not vb and a[0].isalpha() and b[0].isalpha():
        la, lb = a[0].lower(), b[0].lower()
        if la in FUNCTION_WORDS or lb in FUNCTION_WORDS:
            return out
        sa, sb = singular(la), singular(lb)
        if sa and sb and plural(sa) == la and plural(sb) == lb:
            if not (NOT_NOUN_OR_VERB.search(sa) or NOT_NOUN_OR_VERB.search(sb)):
                out.append((_recase(sa, a[0]), _recase(sb, b[0]), "singular"))
        elif not (NOT_NOUN_OR_VERB.search(la) or NOT_NOUN_OR_VERB.search(lb)) and len(la) > 2 and len(lb) > 2:
            out.append((_recase(plural(la), a[0]), _recase(plural(lb), b[0]), "plural"))
    return [(s, o, r) for s, o, r in out if s.lower() != o.lower()]


def seen_as_nouns(pairs: list[Pair]) -> frozenset[str]:
    """Words seen right after a determiner in the training text, spun or
    original ("a notice"): their base form is not safe as a verb entry."""
    out: set[str] = set()
    for p in pairs:
        for text in (p.spun, p.original):
            words = [norm(t[2]) for t in tokenize(text)]
            out.update(w for d, w in zip(words, words[1:], strict=False) if d in DETERMINERS)
    return frozenset(out)


def derive_inflections(rows: list[Row], pairs: list[Pair]) -> list[Row]:
    """Add the other forms of whole-word substitutions (no context, no guard).

    A derived form is refused if it is already a key or an original (no
    chains), blocked, or contradicted by the training data: seen in the spun
    text but not, mostly, as the same substitution."""
    occ = ngram_counts(pairs)
    support = rewrite_support(pairs)
    cores = blocked_cores()
    blocked = blocklist()
    keys = {r.spun.lower() for r in rows}
    origs = {r.original.lower() for r in rows}
    nouns = seen_as_nouns(pairs)
    new: dict[str, Row] = {}
    for r in rows:
        bare = r.sources[0] == "curated" or r.sources[0].startswith(("learned(L0)", "mined:"))
        if r.guard or not bare or not re.fullmatch(r"[a-z]+( [A-Za-z]+)*", r.spun + " " + r.original):
            continue
        for s, o, rule in inflections(r.spun, r.original, nouns):
            sk, ok = s.lower(), o.lower()
            if sk in keys or sk in origs or ok in keys or sk in new:
                continue
            if (s, o) in blocked or (s, "*") in blocked or core_blocked(s, o, cores):
                continue
            seen = occ[key_of(s)]
            target = " " + " ".join(key_of(o)) + " "
            backed = sum(1 for x in support.get(case_key(s), ()) if target in x)
            if seen and backed / seen < MIN_PRECISION:
                continue
            new[sk] = Row(s, o, "spun_only", "", r.count, [f"derived:{rule} from {r.spun}->{r.original}"], 2)
    origs_new = {r.original.lower() for r in new.values()}
    out = rows + [r for k, r in sorted(new.items()) if k not in origs_new]
    out.sort(key=lambda r: r.spun)
    return out


def tortured_rows(shared: Path, spin_keys: set[str]) -> list[tuple[str, str]]:
    """The PPS list, minus entries unsafe for news text: single words,
    numbers, annotated corrections, chains, and the reviewed blocklist."""
    data = json.loads((shared / "spin" / "tortured-phrases.json").read_text(encoding="utf-8"))
    block = {
        ln.strip().lower()
        for ln in (SOURCES / "tortured_blocklist.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    }
    cand: dict[str, str] = {}
    for p in data["phrases"]:
        t = " ".join(p["tortured"].split()).lower()
        c = " ".join(re.sub(r"\s*\([^)]*\)", "", p["correct"]).split()).lower()
        if not t or not c or t == c or t in block or t in spin_keys:
            continue
        if len(t.split()) < 2 or re.search(r"[\d()?/\[\]\t]", t) or re.search(r"[()?/\[\]\t]", c):
            continue
        if t in cand and cand[t] != c:
            cand[t] = ""  # ambiguous within the list itself
            continue
        cand[t] = c
    cand = {t: c for t, c in cand.items() if c}
    keys, values = set(cand), set(cand.values())
    return sorted((t, c) for t, c in cand.items() if c not in keys and t not in values)


def write_tsv(
    path: Path, header_lines: Iterable[str], columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]
) -> None:
    out = [f"# {h}" if h else "#" for h in header_lines]
    out.append("\t".join(columns))
    out.extend("\t".join(r) for r in rows)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = ap.parse_args(argv)
    shared: Path = args.shared
    curated = {key_of(r["spun"]): key_of(r["original"]) for r in read_tsv(SOURCES / "curated.tsv")}
    pairs = training_pairs(shared)
    learned = learn(pairs, curated, {s for s, _ in blocklist()}, blocked_cores())
    rows = derive_inflections(merge(learned), pairs)
    write_tsv(
        DATA / "spin_table.tsv",
        [
            "Inverse spinner substitutions: spun form -> original wording.",
            "GENERATED by scripts/build_spin_table.py -- edit scripts/spin_sources/*, then rebuild.",
            "Learned from shared/spin/aligned.jsonl (training stories only; held-out split by a",
            "hash of the story id), seed004-aligned.jsonl and spin_sources/mined_aligned.jsonl",
            "(sentence pairs mined from stored web pages); merged with curated.tsv and mined.tsv.",
            "tier: always = never normal English, repaired in any English text;",
            "      spun_only = ambiguous, repaired only in documents judged spun.",
            "guard: regex searched within 40 chars around a match; a hit BLOCKS the repair.",
            "count: times the substitution was seen in aligned data / mined pages.",
            "source: curated | learned(L0 bare, L1 one-side context, L2 both sides):article ids",
            "        and mined:<spun_url> <original_url> pairs | mined:URLs (mined.tsv)",
            "        | derived:<rule> from <spun>-><original> (another form of a whole-word entry)",
        ],
        COLUMNS,
        ((r.spun, r.original, r.tier, r.guard, str(r.count), "; ".join(r.sources)) for r in rows),
    )
    tort = tortured_rows(shared, {r.spun.lower() for r in rows} | {r.original.lower() for r in rows})
    write_tsv(
        DATA / "tortured_phrases.tsv",
        [
            "Tortured phrases: spinner output found in scientific papers -> the established term.",
            "Source: the Problematic Paper Screener (PPS) tortured-phrase list by Guillaume Cabanac,",
            "Cyril Labbe and Alexander Magazinov (https://dbrech.irit.fr/pls/apex/f?p=9999:5:::NO:::),",
            "licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), as bundled by",
            "github.com/giladfeldman/torturedcheck (src/data/tortured-phrases.json, MIT).",
            "See: Cabanac, Labbe & Magazinov (2021), 'Tortured phrases: A dubious writing style",
            "emerging in science', arXiv:2107.06751.",
            "Changes: lower-cased; parenthesised notes removed from corrections; single words,",
            "entries with digits, chains and phrases that are normal English",
            "(scripts/spin_sources/tortured_blocklist.txt) removed.  Tier: always.",
            "GENERATED by scripts/build_spin_table.py.",
        ],
        COLUMNS,
        ((t, c, "always", "", "1", "pps") for t, c in tort),
    )
    print(f"spin_table.tsv: {len(rows)} rows; tortured_phrases.tsv: {len(tort)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
