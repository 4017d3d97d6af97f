//! Literal gates: one Aho-Corasick pass over a line's repeat key tells which
//! vocabularies could match the line at all.
//!
//! For each vocabulary the strings it cannot match without are read off its
//! syntax tree (`required_literals`): a line whose key (case-folded, white
//! space collapsed: `text::repeat_key_into`, computed for every line anyway)
//! holds none of them, folded the same way, is not matched, and its regex is
//! not run.  The gate is derived from the pattern itself, so it cannot
//! disagree with it; most lines match no vocabulary, and most vocabularies'
//! strings are absent from most lines.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};

use crate::text::fold_like_keys;

/// Spelled-out products (a run of exact parts) stay below this size...
const MAX_SET: usize = 64;
/// ...and alternatives' requirements together below this one.
const MAX_UNION: usize = 512;
/// A gate of strings this short (but longer than a byte) would open on most
/// lines and cost more than it saves.
const MIN_GATE_LEN: usize = 3;
/// A class with more members than this is not spelled out as strings.
const MAX_CLASS: usize = 8;

type Set = Vec<Vec<u8>>;

/// What is known of the strings a pattern matches: exactly these (a small
/// finite language), and strings one of which every match contains.
#[derive(Clone, Debug)]
struct Facts {
    exact: Option<Set>,
    required: Option<Set>,
}

fn lower(mut s: Vec<u8>) -> Vec<u8> {
    s.make_ascii_lowercase();
    s
}

/// The two characters outside ASCII that case-fold to an ASCII letter: the
/// long s and the Kelvin sign.  Keys hold them folded ("s", "k"), so `(?i)s`
/// needs only "s".
fn gate_fold(c: char) -> char {
    match c {
        '\u{17f}' => 's',
        '\u{212a}' => 'k',
        _ => c,
    }
}

fn dedup(mut s: Set) -> Set {
    s.sort();
    s.dedup();
    s
}

fn product(a: &Set, b: &Set) -> Option<Set> {
    if a.len() * b.len() > MAX_SET {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            let mut s = x.clone();
            s.extend_from_slice(y);
            out.push(s);
        }
    }
    Some(dedup(out))
}

/// The better of two requirements: strings of 4 bytes or more are rare
/// enough; below that, longer is better; then fewer strings.
fn better(a: Option<Set>, b: Option<Set>) -> Option<Set> {
    let score = |s: &Set| {
        let shortest = s.iter().map(Vec::len).min().unwrap_or(0);
        (shortest.min(4), usize::MAX - s.len(), shortest)
    };
    match (a, b) {
        (Some(a), Some(b)) => Some(if score(&b) > score(&a) { b } else { a }),
        (a, None) => a,
        (None, b) => b,
    }
}

/// A requirement is useless if it can be met by the empty string.
fn useful(s: Option<Set>) -> Option<Set> {
    s.filter(|s| !s.is_empty() && s.iter().all(|x| !x.is_empty()))
}

fn facts(h: &Hir) -> Facts {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => Facts {
            exact: Some(vec![Vec::new()]),
            required: None,
        },
        HirKind::Literal(lit) => {
            let s = match std::str::from_utf8(&lit.0) {
                Ok(text) => lower(text.chars().map(gate_fold).collect::<String>().into_bytes()),
                Err(_) => lit.0.to_vec(),
            };
            Facts {
                exact: Some(vec![s.clone()]),
                required: Some(vec![s]),
            }
        }
        HirKind::Class(Class::Unicode(c)) => {
            let size: usize = c
                .ranges()
                .iter()
                .map(|r| r.end() as usize - r.start() as usize + 1)
                .sum();
            if size > MAX_CLASS {
                return Facts {
                    exact: None,
                    required: None,
                };
            }
            let mut set = Vec::new();
            for r in c.ranges() {
                for ch in r.start()..=r.end() {
                    let mut buf = [0u8; 4];
                    set.push(lower(
                        gate_fold(ch).encode_utf8(&mut buf).as_bytes().to_vec(),
                    ));
                }
            }
            let set = dedup(set);
            Facts {
                exact: Some(set.clone()),
                required: Some(set),
            }
        }
        HirKind::Class(Class::Bytes(_)) => Facts {
            exact: None,
            required: None,
        },
        HirKind::Capture(c) => facts(&c.sub),
        HirKind::Repetition(r) => {
            let sub = facts(&r.sub);
            if r.min == 0 {
                let exact = if r.max == Some(1) {
                    sub.exact.map(|mut s| {
                        s.push(Vec::new());
                        dedup(s)
                    })
                } else {
                    None
                };
                return Facts {
                    exact,
                    required: None,
                };
            }
            let exact = if r.min == 1 && r.max == Some(1) {
                sub.exact.clone()
            } else {
                None
            };
            Facts {
                exact,
                required: better(sub.required, useful(sub.exact)),
            }
        }
        HirKind::Concat(hs) => {
            let parts: Vec<Facts> = hs.iter().map(facts).collect();
            let mut required = None;
            // Each child's requirement holds for the whole...
            for p in &parts {
                required = better(
                    required,
                    better(p.required.clone(), useful(p.exact.clone())),
                );
            }
            // ...and so does each run of children known exactly, spelled out.
            let mut run: Option<Set> = None;
            let mut exact: Option<Set> = Some(vec![Vec::new()]);
            for p in &parts {
                match &p.exact {
                    Some(e) => {
                        run = Some(match run {
                            Some(r) => match product(&r, e) {
                                Some(x) => x,
                                None => e.clone(),
                            },
                            None => e.clone(),
                        });
                        required = better(required, useful(run.clone()));
                        exact = exact.and_then(|x| product(&x, e));
                    }
                    None => {
                        run = None;
                        exact = None;
                    }
                }
            }
            Facts { exact, required }
        }
        HirKind::Alternation(hs) => {
            let parts: Vec<Facts> = hs.iter().map(facts).collect();
            let mut exact: Option<Set> = Some(Vec::new());
            let mut required: Option<Set> = Some(Vec::new());
            for p in parts {
                exact = match (exact, p.exact.clone()) {
                    (Some(mut a), Some(b)) if a.len() + b.len() <= MAX_UNION => {
                        a.extend(b);
                        Some(a)
                    }
                    _ => None,
                };
                let branch = better(p.required, useful(p.exact));
                required = match (required, branch) {
                    (Some(mut a), Some(b)) if a.len() + b.len() <= MAX_UNION => {
                        a.extend(b);
                        Some(a)
                    }
                    _ => None,
                };
            }
            Facts {
                exact: exact.map(dedup),
                required: required.map(dedup),
            }
        }
    }
}

/// Strings one of which every match of `pattern` contains, ASCII case
/// ignored (None when no small set is known).
pub fn required_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let f = facts(&hir);
    useful(better(f.required, useful(f.exact)))
}

/// The gates of a kernel's vocabularies.
pub struct Gates {
    ac: AhoCorasick,
    /// For each string of the automaton, the vocabularies it opens.
    opens: Vec<Vec<usize>>,
    /// One-byte strings are looked up by byte instead (they occur often, and
    /// an automaton would report every occurrence): (byte, vocabularies).
    bytes: Vec<(u8, Vec<usize>)>,
    /// Vocabularies without a gate: always possible.
    ungated: Vec<usize>,
    count: usize,
}

/// Which vocabularies may match one line.
#[derive(Clone, Debug)]
pub struct Open(Vec<u64>);

impl Open {
    #[inline]
    pub fn contains(&self, vocab: usize) -> bool {
        self.0[vocab / 64] & (1 << (vocab % 64)) != 0
    }

    fn set(&mut self, vocab: usize) {
        self.0[vocab / 64] |= 1 << (vocab % 64);
    }
}

impl Gates {
    /// Gates for these patterns (each as compiled: anchors included); only
    /// those marked in `wanted` get one (the others are always open).
    pub fn new(patterns: &[String], wanted: &[bool]) -> Result<Gates, String> {
        let mut strings: Vec<Vec<u8>> = Vec::new();
        let mut opens: Vec<Vec<usize>> = Vec::new();
        let mut bytes: Vec<Vec<usize>> = vec![Vec::new(); 256];
        let mut ungated = Vec::new();
        let worth = |set: &Set| set.iter().all(|s| s.len() == 1 || s.len() >= MIN_GATE_LEN);
        let as_in_keys = |s: Vec<u8>| fold_like_keys(&String::from_utf8_lossy(&s)).into_bytes();
        for (v, p) in patterns.iter().enumerate() {
            let set =
                required_literals(p).map(|set| dedup(set.into_iter().map(as_in_keys).collect()));
            match set.filter(|set| wanted[v] && worth(set)) {
                Some(set) => {
                    for s in set {
                        if s.len() == 1 {
                            bytes[s[0] as usize].push(v);
                            continue;
                        }
                        match strings.iter().position(|x| *x == s) {
                            Some(i) => opens[i].push(v),
                            None => {
                                strings.push(s);
                                opens.push(vec![v]);
                            }
                        }
                    }
                }
                None => ungated.push(v),
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&strings)
            .map_err(|e| format!("the literal gates do not build: {e}"))?;
        let bytes = bytes
            .into_iter()
            .enumerate()
            .filter(|(_, v)| !v.is_empty())
            .map(|(b, mut v)| {
                v.sort_unstable();
                v.dedup();
                (b as u8, v)
            })
            .collect();
        Ok(Gates {
            ac,
            opens,
            bytes,
            ungated,
            count: patterns.len(),
        })
    }

    /// The vocabularies that may match the line whose repeat key is `key`.
    pub fn open(&self, key: &[u8]) -> Open {
        let mut open = Open(vec![0; self.count.div_ceil(64)]);
        for &v in &self.ungated {
            open.set(v);
        }
        let mut present = [0u64; 4];
        for &b in key {
            present[(b >> 6) as usize] |= 1 << (b & 63);
        }
        for (b, vocabs) in &self.bytes {
            if present[(b >> 6) as usize] & (1 << (b & 63)) != 0 {
                for &v in vocabs {
                    open.set(v);
                }
            }
        }
        for m in self.ac.find_overlapping_iter(key) {
            for &v in &self.opens[m.pattern().as_usize()] {
                open.set(v);
            }
        }
        open
    }

    /// How many vocabularies have a gate.
    pub fn gated(&self) -> usize {
        self.count - self.ungated.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(p: &str) -> Option<Vec<String>> {
        required_literals(p).map(|s| {
            s.into_iter()
                .map(|x| String::from_utf8(x).unwrap())
                .collect()
        })
    }

    #[test]
    fn literals_of_patterns() {
        // "s" has a non-ASCII case variant (ſ), which the gate reads as "s".
        assert_eq!(lits(r"(?i)\bshare (?:this|that)\b").unwrap(), ["share th"]);
        assert_eq!(lits(r"(?i)photo|image").unwrap(), ["image", "photo"]);
        assert_eq!(lits(r"[^.]{1,60}via (?:AP|Reuters)").unwrap(), ["via "]);
        assert_eq!(lits(r"\A(?:.*)\z"), None);
        assert_eq!(lits(r"a?b?"), None);
        assert_eq!(lits(r"x|\w+"), None);
        assert_eq!(lits(r"©\s*\d+").unwrap(), ["©"]);
    }

    #[test]
    fn a_gate_never_closes_on_a_line_its_pattern_matches() {
        let patterns = [
            r"(?i)\bshare (?:this|that)\b",
            r"(?i)photo|image",
            r"\d+",
            r"(?i)kelvin|ſs",
        ];
        let owned: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
        let g = Gates::new(&owned, &[true; 4]).unwrap();
        let mut key = Vec::new();
        for text in [
            "SHARE THIS",
            "ſhare this",
            "A PHOTO",
            "no",
            "12",
            "\u{212a}elvin",
            "ſs",
            "SS",
            "share\tthis",
        ] {
            crate::text::repeat_key_into(text, &mut key);
            let open = g.open(&key);
            for (v, p) in patterns.iter().enumerate() {
                if regex::Regex::new(p).unwrap().is_match(text) {
                    assert!(open.contains(v), "{p} on {text}");
                }
            }
        }
        crate::text::repeat_key_into("nothing here", &mut key);
        assert!(!g.open(&key).contains(0));
    }
}
