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
            _ => Err(format!("how must be search, match or fullmatch, not {name:?}")),
        }
    }
}

/// A compiled vocabulary.
#[derive(Debug)]
pub struct Vocab {
    pub id: String,
    pub how: How,
    re: Regex,
}

/// Compiled patterns may use this much memory each: the biggest vocabulary
/// (a few hundred alternatives under `(?i)`) needs a fraction of it.
const SIZE_LIMIT: usize = 64 << 20;

impl Vocab {
    pub fn new(id: &str, pattern: &str, how: How) -> Result<Vocab, String> {
        // Anchors turn "match" and "fullmatch" into one search; `\A`/`\z` keep
        // their meaning whatever flags the pattern sets.
        let source = match how {
            How::Search => pattern.to_string(),
            How::Match => format!(r"\A(?:{pattern})"),
            How::FullMatch => format!(r"\A(?:{pattern})\z"),
        };
        let re = RegexBuilder::new(&source)
            .size_limit(SIZE_LIMIT)
            .build()
            .map_err(|e| format!("vocabulary {id}: {e}"))?;
        Ok(Vocab { id: id.to_string(), how, re })
    }

    #[inline]
    pub fn is_match(&self, text: &str) -> bool {
        self.re.is_match(text)
    }

    /// The match's byte range.
    pub fn find(&self, text: &str) -> Option<(usize, usize)> {
        self.re.find(text).map(|m| (m.start(), m.end()))
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
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
    fn refuses_bad_patterns_with_the_id() {
        let err = Vocab::new("broken", "(?<=a)b", How::Search).unwrap_err();
        assert!(err.starts_with("vocabulary broken:"), "{err}");
    }
}
