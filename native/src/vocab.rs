//! A vocabulary: one pattern of the dialect shared with Python, matched one way.

use regex::{Captures, Regex, RegexBuilder};

/// How a vocabulary is matched against a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// Anywhere in the line.
    Search,
    /// At the line's start.
    Match,
    /// The whole line.
    FullMatch,
}

impl How {
    pub fn parse(name: &str) -> Result<How, String> {
        match name {
            "search" => Ok(How::Search),
            "match" => Ok(How::Match),
            "fullmatch" => Ok(How::FullMatch),
            _ => Err(format!(
                "how must be search, match or fullmatch, not {name:?}"
            )),
        }
    }
}

/// A compiled vocabulary.
#[derive(Debug)]
pub struct Vocab {
    pub id: String,
    pub how: How,
    /// The pattern as compiled (anchors and ASCII word boundaries in).
    pub source: String,
    re: Regex,
    /// A looser pattern matching every line `re` matches (see `loosened`),
    /// tried first: most lines match no vocabulary, and this one's DFA is
    /// small where `re`'s is not.
    quick: Option<Regex>,
}

/// Compiled patterns may use this much memory each: the biggest vocabulary
/// (a few hundred alternatives under `(?i)`) needs a fraction of it.
const SIZE_LIMIT: usize = 64 << 20;
/// The lazy DFA's cache per pattern: the vocabularies with long bounded
/// repetitions (`[^.]{1,60}`) need many states, and a cache that keeps
/// filling up sends the regex crate to its slow engines.
const DFA_CACHE: usize = 64 << 20;

/// The pattern with its word boundaries made ASCII (`(?-u:\b)`).
///
/// With a Unicode `\b` the regex crate's fast DFA gives up on any line
/// holding a non-ASCII character (a curly quote is enough) and a slow engine
/// runs instead.  The vocabularies put `\b` beside ASCII words, where the
/// two agree unless a non-ASCII letter touches the word ("unsaid" is one
/// word either way; "ésaid" is one word only to Unicode).  Python's engine
/// keeps the Unicode meaning; the tests run both on the same lines.
pub fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(b @ ('b' | 'B')) if !in_class => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            '[' => {
                in_class = true;
                out.push(c);
            }
            ']' => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// `pattern` with every bounded repetition made unbounded (`x{1,60}` becomes
/// `x{1,}`): a superset of its matches, with a far smaller DFA.  Long bounded
/// repetitions of a Unicode class (`[^.!?]{1,60}`) make the lazy DFA build
/// a new state for most lines it reads; the loosened pattern rules those
/// lines out in one cheap pass.  None when nothing would change.
pub fn loosened(pattern: &str) -> Option<String> {
    use regex_syntax::hir::{Hir, HirKind, Repetition};

    fn loosen(h: &Hir, changed: &mut bool) -> Hir {
        match h.kind() {
            HirKind::Repetition(r) => {
                let sub = loosen(&r.sub, changed);
                let max = match r.max {
                    Some(n) if n >= 2 => {
                        *changed = true;
                        None
                    }
                    other => other,
                };
                Hir::repetition(Repetition {
                    min: r.min,
                    max,
                    greedy: r.greedy,
                    sub: Box::new(sub),
                })
            }
            HirKind::Capture(c) => {
                let mut c = c.clone();
                c.sub = Box::new(loosen(&c.sub, changed));
                Hir::capture(c)
            }
            HirKind::Concat(hs) => Hir::concat(hs.iter().map(|x| loosen(x, changed)).collect()),
            HirKind::Alternation(hs) => {
                Hir::alternation(hs.iter().map(|x| loosen(x, changed)).collect())
            }
            _ => h.clone(),
        }
    }

    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let mut changed = false;
    let loose = loosen(&hir, &mut changed);
    changed.then(|| loose.to_string())
}

fn build(id: &str, source: &str) -> Result<Regex, String> {
    RegexBuilder::new(source)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(DFA_CACHE)
        .build()
        .map_err(|e| format!("vocabulary {id}: {e}"))
}

impl Vocab {
    pub fn new(id: &str, pattern: &str, how: How) -> Result<Vocab, String> {
        let pattern = ascii_word_boundaries(pattern);
        // Anchors turn "match" and "fullmatch" into one search; `\A`/`\z` keep
        // their meaning whatever flags the pattern sets.
        let source = match how {
            How::Search => pattern.to_string(),
            How::Match => format!(r"\A(?:{pattern})"),
            How::FullMatch => format!(r"\A(?:{pattern})\z"),
        };
        let re = build(id, &source)?;
        let quick = loosened(&source)
            .map(|loose| build(id, &loose))
            .transpose()?;
        Ok(Vocab {
            id: id.to_string(),
            how,
            source,
            re,
            quick,
        })
    }

    #[inline]
    fn possible(&self, text: &str) -> bool {
        self.quick.as_ref().is_none_or(|q| q.is_match(text))
    }

    #[inline]
    pub fn is_match(&self, text: &str) -> bool {
        self.possible(text) && self.re.is_match(text)
    }

    /// The match's byte range.
    pub fn find(&self, text: &str) -> Option<(usize, usize)> {
        if !self.possible(text) {
            return None;
        }
        self.re.find(text).map(|m| (m.start(), m.end()))
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        if !self.possible(text) {
            return None;
        }
        self.re.captures(text)
    }

    /// Number of non-overlapping matches.
    pub fn count(&self, text: &str) -> usize {
        self.re.find_iter(text).count()
    }

    /// Every match replaced by `with`.
    pub fn replace_all<'t>(&self, text: &'t str, with: &str) -> std::borrow::Cow<'t, str> {
        self.re.replace_all(text, regex::NoExpand(with))
    }

    pub fn has_group(&self, name: &str) -> bool {
        self.re.capture_names().any(|n| n == Some(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn how_anchors_the_pattern() {
        let s = Vocab::new("v", "(?i)share", How::Search).unwrap();
        let m = Vocab::new("v", "(?i)share", How::Match).unwrap();
        let f = Vocab::new("v", "(?i)share|share this", How::FullMatch).unwrap();
        assert!(s.is_match("Please SHARE"));
        assert!(!m.is_match("Please share") && m.is_match("Share it"));
        assert!(f.is_match("share this") && !f.is_match("share it"));
    }

    #[test]
    fn word_boundaries_become_ascii_outside_classes_only() {
        assert_eq!(
            ascii_word_boundaries(r"\bsaid\b|\\b[\b]\B"),
            r"(?-u:\b)said(?-u:\b)|\\b[\b](?-u:\B)"
        );
        let v = Vocab::new("v", r"\bsaid\b", How::Search).unwrap();
        assert!(v.is_match("“Yes,” she said."));
        assert!(!v.is_match("unsaid"));
    }

    #[test]
    fn loosened_patterns_match_a_superset() {
        let loose = loosened(r"\A(?:ab{2,4}c|x{0,60}y)").unwrap();
        let (exact, quick) = (
            Regex::new(r"\A(?:ab{2,4}c|x{0,60}y)").unwrap(),
            Regex::new(&loose).unwrap(),
        );
        for t in [
            "abbc",
            "abbbbc",
            "abbbbbc",
            "xxy",
            "y",
            &"x".repeat(70),
            &format!("{}y", "x".repeat(70)),
        ] {
            assert!(!exact.is_match(t) || quick.is_match(t), "{t}");
        }
        assert!(quick.is_match("abbbbbc") && !exact.is_match("abbbbbc"));
        assert_eq!(loosened(r"a?b+c*"), None);
    }

    #[test]
    fn refuses_bad_patterns_with_the_id() {
        let err = Vocab::new("broken", "(?<=a)b", How::Search).unwrap_err();
        assert!(err.starts_with("vocabulary broken:"), "{err}");
    }
}
