//! The spin tables' entries found in text: a token trie walked from every token.
//!
//! An entry is a spun phrase ("live performance corridor") with its rule,
//! tier, case and guard.  `SpinTable::candidates` finds where entries start;
//! `SpinTable::accepted` makes the one linear pass that picks, at each
//! candidate, the longest entry allowed (rule on, tier, case, guard) and
//! resumes after its core.  Which entries are allowed is the caller's policy
//! (Python's `spin` package); this module only finds and checks.

use regex::Regex;
use rustc_hash::FxHashMap;

use crate::text::{is_space, is_word};

/// Characters of context searched by a guard on each side of a match: wide
/// enough for a collocation ("assault rifle"), narrow enough to stay local.
pub const GUARD_WINDOW: usize = 40;

/// ALL CAPS spellings of a capitalised entry ("METROPOLIS CORRIDOR" in a
/// headline) match only when it has at least this many letters: short ones
/// read as acronyms ("Fb" is the spinner's, "FB" everyone's).
pub const MIN_CAPS_LETTERS: usize = 4;

/// One table row as the kernel needs it.
#[derive(Clone, Debug)]
pub struct EntrySpec {
    pub spun: String,
    /// 0..=255: the caller's rule number (spin_phrase, spin_word, tortured_phrase).
    pub rule: u8,
    /// The always tier: repaired in any English text, not only in spun documents.
    pub always: bool,
    /// Searched around a match; a hit blocks the repair.
    pub guard: Option<String>,
    /// Leading and trailing tokens equal in the spun form and the original
    /// (context, not replaced).
    pub pre: usize,
    pub suf: usize,
}

struct Entry {
    spun: String,
    rule: u8,
    always: bool,
    guard: Option<Regex>,
    case_sensitive: bool,
    pre: usize,
    suf: usize,
}

/// Per depth (shallowest first), the entries of that length a walk found.
type Found = Vec<(usize, Vec<u32>)>;

#[derive(Default)]
struct Node {
    /// The next token of a key, after white space...
    children: FxHashMap<Box<str>, u32>,
    /// ...or right after this one ("IS-K": "is", then "-", "k" glued).
    glued: FxHashMap<Box<str>, u32>,
    /// (depth, entries) of every node with entries on the path from the root
    /// to this one, shallowest first: what a walk ending here found.
    found: Found,
}

pub struct SpinTable {
    entries: Vec<Entry>,
    nodes: Vec<Node>,
    /// The longest token of any key (in bytes): longer tokens start nothing.
    longest_token: usize,
    /// The most tokens in a key: how far a walk can run.
    depth: usize,
}

/// Lines longer than this (bytes) are tokenized piece by piece, so that the
/// tokens of a 50 MB line are never all held at once.
pub const PIECE: usize = 1 << 16;

/// The first place at or after byte `at` where no token is cut: not between
/// two word characters (and a character boundary).
fn token_boundary(text: &str, at: usize) -> usize {
    let mut p = at.min(text.len());
    while !text.is_char_boundary(p) {
        p += 1;
    }
    let mut before = text[..p].chars().next_back();
    for (k, c) in text[p..].char_indices() {
        if !(before.is_some_and(is_word) && is_word(c)) {
            return p + k;
        }
        before = Some(c);
    }
    text.len()
}

/// A token of a line: its byte range, whether it is a word (`\w+`) and
/// follows the previous token without white space, and where its normalised
/// form is.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    pub glued: bool,
    /// The normalised form is text[norm] (already lower case) or buf[norm].
    in_buf: bool,
    norm: (usize, usize),
}

/// A line's tokens (`\w+|[^\w\s]`) and their normalised forms (lower case,
/// curly quotes made straight: the table's spelling).  Reused from line to
/// line, so that scanning a page allocates nothing per line.
#[derive(Default)]
pub struct Tokens {
    buf: String,
    pub list: Vec<Token>,
}

impl Tokens {
    pub fn new(text: &str) -> Tokens {
        let mut t = Tokens::default();
        t.fill(text);
        t
    }

    /// The tokens of `text` (the previous line's are dropped).
    pub fn fill(&mut self, text: &str) {
        self.fill_range(text, 0, text.len(), 0, usize::MAX);
    }

    /// The tokens of `text` that start in from..stop, then up to `extra`
    /// more (for walks that run on past `stop`); returns how many start
    /// before `stop`.  `prev_end` is where the token before `from` ended
    /// (a token starting there is glued to it).
    pub fn fill_range(
        &mut self,
        text: &str,
        from: usize,
        stop: usize,
        extra: usize,
        prev_end: usize,
    ) -> usize {
        self.list.clear();
        self.buf.clear();
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut prev_end = prev_end;
        let mut own = 0;
        let mut i = from;
        while i < n {
            if i >= stop && self.list.len() >= own + extra {
                break;
            }
            let start = i;
            // ASCII bytes by table; other characters decoded and classified.
            let (class, width) = match bytes[i] {
                b if b < 0x80 => (ASCII_CLASS[b as usize], 1),
                _ => {
                    let c = text[i..].chars().next().expect("a char boundary");
                    (char_class(c), c.len_utf8())
                }
            };
            i += width;
            if class == SPACE {
                continue;
            }
            // A word runs on over word characters; `plain` while it is
            // lower-case ASCII (its own normalised form).
            let mut plain = width == 1 && !bytes[start].is_ascii_uppercase();
            if class == WORD {
                while i < n {
                    let b = bytes[i];
                    if b < 0x80 {
                        if ASCII_CLASS[b as usize] != WORD {
                            break;
                        }
                        plain &= !b.is_ascii_uppercase();
                        i += 1;
                    } else {
                        let c = text[i..].chars().next().expect("a char boundary");
                        if char_class(c) != WORD {
                            break;
                        }
                        plain = false;
                        i += c.len_utf8();
                    }
                }
            }
            let (in_buf, norm) = if plain {
                (false, (start, i))
            } else {
                let at = self.buf.len();
                push_norm(&text[start..i], &mut self.buf);
                (true, (at, self.buf.len()))
            };
            if start < stop {
                own += 1;
            }
            self.list.push(Token {
                start,
                end: i,
                word: class == WORD,
                glued: start == prev_end,
                in_buf,
                norm,
            });
            prev_end = i;
        }
        own
    }

    /// The normalised form of token i of `text` (the line last filled in).
    #[inline]
    pub fn norm<'a>(&'a self, text: &'a str, i: usize) -> &'a str {
        let t = &self.list[i];
        let (a, b) = t.norm;
        if t.in_buf {
            &self.buf[a..b]
        } else {
            &text[a..b]
        }
    }
}

const SPACE: u8 = 0;
const WORD: u8 = 1;
const OTHER: u8 = 2;

/// The token class of each ASCII byte (`text::is_space`, `text::is_word`).
const ASCII_CLASS: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if matches!(c, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f) {
            SPACE
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            WORD
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

fn char_class(c: char) -> u8 {
    if is_space(c) {
        SPACE
    } else if is_word(c) {
        WORD
    } else {
        OTHER
    }
}

/// Lower case, with curly quotes made straight (the table's spelling).
fn push_norm(token: &str, out: &mut String) {
    if token.is_ascii() {
        let mut low = [0u8; 32];
        if token.len() <= low.len() {
            // Lower-cased on the stack: no allocation per token.
            let low = &mut low[..token.len()];
            low.copy_from_slice(token.as_bytes());
            low.make_ascii_lowercase();
            out.push_str(std::str::from_utf8(low).expect("ASCII stays UTF-8"));
        } else {
            out.push_str(&token.to_ascii_lowercase());
        }
        return;
    }
    for c in token.to_lowercase().chars() {
        out.push(match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            _ => c,
        });
    }
}

/// A position where the walk found entries: the walked tokens' byte ranges
/// and the trie node whose `found` lists the entries per depth.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub spans: Vec<(usize, usize)>,
    node: u32,
}

/// An accepted match: the core's byte range (context cut off) and the entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: u32,
}

impl SpinTable {
    pub fn new(specs: &[EntrySpec]) -> Result<SpinTable, String> {
        let mut nodes = vec![Node::default()];
        let mut entries = Vec::with_capacity(specs.len());
        let mut longest_token = 0;
        let mut depth_max = 0;
        for (n, s) in specs.iter().enumerate() {
            let guard = match &s.guard {
                Some(g) if !g.is_empty() => Some(
                    Regex::new(&crate::vocab::ascii_word_boundaries(g)).map_err(|e| {
                        format!("spin entry {:?}: guard does not compile: {e}", s.spun)
                    })?,
                ),
                _ => None,
            };
            let toks = Tokens::new(&s.spun);
            let path: Vec<(bool, String)> = (0..toks.list.len())
                .map(|k| {
                    (
                        k > 0 && toks.list[k].glued,
                        toks.norm(&s.spun, k).to_string(),
                    )
                })
                .collect();
            if path.is_empty() {
                return Err(format!("spin entry {n}: {:?} has no token", s.spun));
            }
            if s.pre + s.suf >= path.len() && !(s.pre == 0 && s.suf == 0) {
                return Err(format!(
                    "spin entry {:?}: its context covers every token",
                    s.spun
                ));
            }
            let mut node = 0usize;
            for (glued, step) in &path {
                longest_token = longest_token.max(step.len());
                let next = if *glued {
                    &nodes[node].glued
                } else {
                    &nodes[node].children
                };
                node = match next.get(step.as_str()) {
                    Some(&child) => child as usize,
                    None => {
                        nodes.push(Node::default());
                        let child = nodes.len() - 1;
                        let map = if *glued {
                            &mut nodes[node].glued
                        } else {
                            &mut nodes[node].children
                        };
                        map.insert(step.clone().into_boxed_str(), child as u32);
                        child
                    }
                };
            }
            let depth = path.len();
            depth_max = depth_max.max(depth);
            let at = &mut nodes[node].found;
            match at.last_mut() {
                Some((d, list)) if *d == depth => list.push(n as u32),
                _ => at.push((depth, vec![n as u32])),
            }
            entries.push(Entry {
                spun: s.spun.clone(),
                rule: s.rule,
                always: s.always,
                guard,
                case_sensitive: s.spun != s.spun.to_lowercase(),
                pre: s.pre,
                suf: s.suf,
            });
        }
        // Each node's `found` so far holds its own entries only: prepend its
        // ancestors' (a walk that ends deeper found those too).
        let mut stack: Vec<(usize, Found)> = vec![(0, Vec::new())];
        while let Some((node, inherited)) = stack.pop() {
            let mut found = inherited;
            found.append(&mut nodes[node].found);
            let children: Vec<u32> = nodes[node]
                .children
                .values()
                .chain(nodes[node].glued.values())
                .copied()
                .collect();
            for child in children {
                stack.push((child as usize, found.clone()));
            }
            nodes[node].found = found;
        }
        Ok(SpinTable {
            entries,
            nodes,
            longest_token,
            depth: depth_max,
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where entries start in `text`, in order; each word token (a `\w+`
    /// token not ending in `_`) is also given to `on_word`, normalised.
    pub fn scan(
        &self,
        text: &str,
        toks: &mut Tokens,
        mut on_word: impl FnMut(&str),
    ) -> Vec<Candidate> {
        let mut out = Vec::new();
        let (mut from, mut prev_end) = (0, usize::MAX);
        loop {
            let stop = if text.len() - from > PIECE {
                token_boundary(text, from + PIECE)
            } else {
                text.len()
            };
            let own = toks.fill_range(text, from, stop, self.depth, prev_end);
            for (i, t) in toks.list[..own].iter().enumerate() {
                if t.word && text.as_bytes()[t.end - 1] != b'_' {
                    on_word(toks.norm(text, i));
                }
            }
            self.candidates(text, toks, own, &mut out);
            if own > 0 {
                prev_end = toks.list[own - 1].end;
            }
            if stop >= text.len() {
                return out;
            }
            from = stop;
        }
    }

    /// The candidates at the first `own` tokens of `toks` (tokens of `text`).
    fn candidates(&self, text: &str, toks: &Tokens, own: usize, out: &mut Vec<Candidate>) {
        let root = &self.nodes[0];
        let n = toks.list.len();
        for i in 0..own {
            let first = toks.norm(text, i);
            if first.len() > self.longest_token {
                continue;
            }
            let Some(&child) = root.children.get(first) else {
                continue;
            };
            let mut node = child;
            let mut j = i + 1;
            while j < n {
                let here = &self.nodes[node as usize];
                let next = if toks.list[j].glued {
                    &here.glued
                } else {
                    &here.children
                };
                if next.is_empty() {
                    break;
                }
                match next.get(toks.norm(text, j)) {
                    Some(&c) => node = c,
                    None => break,
                }
                j += 1;
            }
            if let Some(&(deepest, _)) = self.nodes[node as usize].found.last() {
                let spans = toks.list[i..i + deepest]
                    .iter()
                    .map(|t| (t.start, t.end))
                    .collect();
                out.push(Candidate { spans, node });
            }
        }
    }

    /// The one linear pass over a line's candidates: at each, the longest
    /// entry allowed (its rule in `rules`, its tier, its case, its guard),
    /// as the byte range of its core; then the pass resumes after the core,
    /// so trailing context can be repaired by another entry.
    pub fn accepted(
        &self,
        text: &str,
        cands: &[Candidate],
        spun_ok: bool,
        rules: &[bool],
    ) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut resume = 0;
        for c in cands {
            let start = c.spans[0].0;
            if start < resume {
                continue;
            }
            let mut hit = None;
            'depths: for (depth, list) in self.nodes[c.node as usize].found.iter().rev() {
                let end = c.spans[depth - 1].1;
                for &e in list {
                    let entry = &self.entries[e as usize];
                    if !rules.get(entry.rule as usize).copied().unwrap_or(false)
                        || (!entry.always && !spun_ok)
                    {
                        continue;
                    }
                    if self.allows(entry, text, start, end) {
                        hit = Some((*depth, e));
                        break 'depths;
                    }
                }
            }
            let Some((depth, e)) = hit else { continue };
            let entry = &self.entries[e as usize];
            out.push(Hit {
                start: c.spans[entry.pre].0,
                end: c.spans[depth - entry.suf - 1].1,
                entry: e,
            });
            resume = if entry.suf > 0 {
                c.spans[depth - entry.suf].0
            } else {
                c.spans[depth - 1].1
            };
        }
        out
    }

    /// The entry applies to its match text[start..end]: the case fits and the
    /// guard does not block it.
    fn allows(&self, e: &Entry, text: &str, start: usize, end: usize) -> bool {
        self.case_ok(e, &text[start..end]) && !blocked(e, text, start, end)
    }

    /// Entries written with capitals (proper names: "Sky Information") match
    /// only that spelling or, if long enough, ALL CAPS; lower-case entries
    /// match any case.
    fn case_ok(&self, e: &Entry, matched: &str) -> bool {
        if !e.case_sensitive || matched == e.spun {
            return true;
        }
        let letters = matched.chars().filter(|c| c.is_alphabetic()).count();
        letters >= MIN_CAPS_LETTERS
            && matched == matched.to_uppercase()
            && matched != matched.to_lowercase()
    }

    pub fn rule_of(&self, entry: u32) -> u8 {
        self.entries[entry as usize].rule
    }

    pub fn spun_of(&self, entry: u32) -> &str {
        &self.entries[entry as usize].spun
    }

    pub fn is_always(&self, entry: u32) -> bool {
        self.entries[entry as usize].always
    }
}

fn blocked(e: &Entry, text: &str, start: usize, end: usize) -> bool {
    let Some(guard) = &e.guard else { return false };
    let lo = text[..start]
        .char_indices()
        .rev()
        .nth(GUARD_WINDOW - 1)
        .map_or(0, |(i, _)| i);
    let hi = text[end..]
        .char_indices()
        .nth(GUARD_WINDOW)
        .map_or(text.len(), |(i, _)| end + i);
    // The haystack ends at the window; before it, `\b` sees the character
    // before the window, as the Python implementation's did.
    guard.find_at(&text[..hi], lo).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(
        spun: &str,
        rule: u8,
        always: bool,
        guard: Option<&str>,
        pre: usize,
        suf: usize,
    ) -> EntrySpec {
        EntrySpec {
            spun: spun.into(),
            rule,
            always,
            guard: guard.map(str::to_string),
            pre,
            suf,
        }
    }

    fn table() -> SpinTable {
        SpinTable::new(&[
            spec("live performance corridor", 0, true, None, 0, 0),
            spec("stated", 1, false, Some(r"(?i)\b(the|an) stated\b"), 0, 0),
            spec("within the", 1, false, None, 0, 1),
            spec("Sky Information", 0, true, None, 0, 0),
            spec("IS-Okay", 0, true, None, 0, 0),
        ])
        .unwrap()
    }

    fn hits(t: &SpinTable, text: &str, spun_ok: bool) -> Vec<(String, u32)> {
        let c = t.scan(text, &mut Tokens::default(), |_| {});
        t.accepted(text, &c, spun_ok, &[true, true])
            .into_iter()
            .map(|h| (text[h.start..h.end].to_string(), h.entry))
            .collect()
    }

    #[test]
    fn the_ascii_table_is_the_character_classes() {
        for b in 0u8..128 {
            assert_eq!(ASCII_CLASS[b as usize], char_class(b as char), "{b}");
        }
    }

    #[test]
    fn tokens_mark_glue_and_fold_case() {
        let text = "IS-K’s  test";
        let t = Tokens::new(text);
        let norms: Vec<(bool, &str)> = (0..t.list.len())
            .map(|i| (t.list[i].glued, t.norm(text, i)))
            .collect();
        assert_eq!(
            norms,
            [
                (false, "is"),
                (true, "-"),
                (true, "k"),
                (true, "'"),
                (true, "s"),
                (false, "test")
            ]
        );
    }

    #[test]
    fn tiers_case_context_and_guards() {
        let t = table();
        assert_eq!(
            hits(&t, "A live performance corridor.", false),
            [("live performance corridor".to_string(), 0)]
        );
        assert!(hits(&t, "He stated it.", false).is_empty()); // spun_only
        assert_eq!(hits(&t, "He stated it.", true), [("stated".to_string(), 1)]);
        assert!(hits(&t, "As the stated aim was", true).is_empty()); // guard
        assert_eq!(
            hits(&t, "They met within the hall.", true),
            [("within".to_string(), 2)]
        );
        assert!(hits(&t, "sky information board", false).is_empty()); // case
        assert_eq!(hits(&t, "SKY INFORMATION", false).len(), 1);
        assert_eq!(hits(&t, "IS-Okay claimed", false).len(), 1);
        assert!(hits(&t, "It is-okay to go", false).is_empty());
    }

    #[test]
    fn a_long_line_is_scanned_in_pieces_with_the_same_result() {
        let t = table();
        let piece = "He stated it within the hall, a live performance corridor; IS-Okay. ";
        let line = piece.repeat(PIECE / piece.len() * 3 + 7);
        let (mut words, mut whole_words) = (0, 0);
        let cands = t.scan(&line, &mut Tokens::default(), |_| words += 1);
        let toks = Tokens::new(&line);
        let mut whole = Vec::new();
        t.candidates(&line, &toks, toks.list.len(), &mut whole);
        toks.list
            .iter()
            .filter(|x| x.word)
            .for_each(|_| whole_words += 1);
        assert_eq!(words, whole_words);
        let spans = |c: &[Candidate]| {
            c.iter()
                .map(|c| (c.spans.clone(), c.node))
                .collect::<Vec<_>>()
        };
        assert_eq!(spans(&cands), spans(&whole));
        assert!(cands.len() > 3 * 4);
    }

    #[test]
    fn token_boundaries_never_cut_a_word() {
        assert_eq!(token_boundary("abc def", 1), 3);
        assert_eq!(token_boundary("abc, def", 3), 3);
        assert_eq!(token_boundary("ab-cd", 1), 2);
        assert_eq!(token_boundary("abcdef", 2), 6);
        assert_eq!(token_boundary("aéb c", 2), 4);
    }

    #[test]
    fn guards_search_a_window_that_sees_the_character_before_it() {
        let t = SpinTable::new(&[spec("stated", 1, false, Some(r"\bfoo"), 0, 0)]).unwrap();
        // The window starts 40 characters before the match, at "foo".
        let gap = " ".repeat(GUARD_WINDOW - 3);
        assert!(hits(&t, &format!("a foo{gap}stated"), true).is_empty()); // a word boundary before "foo"
        assert_eq!(hits(&t, &format!("afoo{gap}stated"), true).len(), 1); // none: "afoo" is one word
        assert_eq!(hits(&t, &format!("a foo {gap}stated"), true).len(), 1); // "foo" outside the window
    }
}
