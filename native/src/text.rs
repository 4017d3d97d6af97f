//! Characters and lines as Python sees them.
//!
//! The kernel keeps the decisions of the Python implementation it replaced,
//! so where Python's `str` methods define a rule (what `strip()` removes,
//! what `casefold()` folds) the same definitions live here.

use std::ops::Range;

/// Python's `str.isspace()`: Unicode White_Space plus the ASCII information
/// separators U+001C..U+001F, which Python also strips.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `\w` of `re` (a letter, digit or numeric character, or `_`),
/// used by the spin tokenizer.
#[inline]
pub fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `text.strip()` as byte offsets into `text`.
pub fn strip_range(text: &str) -> Range<usize> {
    let start = text.len() - text.trim_start_matches(is_space).len();
    let end = text.trim_end_matches(is_space).len();
    if start >= end {
        return start..start;
    }
    start..end
}

/// `text.strip()`.
pub fn strip(text: &str) -> &str {
    &text[strip_range(text)]
}

/// CRLF, CR, vertical tab, form feed, NEL and the Unicode line and paragraph
/// separators become `\n`: one newline convention for everything after.
pub fn normalise_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    let needs = |c: char| matches!(c, '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}');
    if !text.contains(needs) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else if needs(c) {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Number of characters (code points), stopping once it passes `cap`.
pub fn char_count_capped(text: &str, cap: usize) -> usize {
    if text.len() <= cap {
        return text.chars().count();
    }
    text.chars().take(cap + 1).count()
}

/// Byte offset where the last `n` characters of `text` start (`text[-n:]`).
pub fn tail_start(text: &str, n: usize) -> usize {
    if text.len() <= n {
        // At most n bytes: at most n characters.
        return 0;
    }
    match text.char_indices().rev().nth(n - 1) {
        Some((i, _)) => i,
        None => 0,
    }
}

/// Byte offset after the first `n` characters of `text` (`text[:n]`).
pub fn head_end(text: &str, n: usize) -> usize {
    if text.len() <= n {
        return text.len();
    }
    match text.char_indices().nth(n) {
        Some((i, _)) => i,
        None => text.len(),
    }
}

/// Python's `str.casefold()` appended to `out`.
pub fn casefold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        out.extend(caseless::default_case_fold_str(text).chars());
    }
}

/// The line as compared for repeats: `" ".join(text.casefold().split())`.
pub fn repeat_key_into(text: &str, out: &mut String) {
    out.clear();
    let mut folded = String::new();
    casefold_into(text, &mut folded);
    for (k, word) in folded.split(is_space).filter(|w| !w.is_empty()).enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Character offsets of byte offsets, for one string, computed once.
pub struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        CharOffsets { text, ascii: text.is_ascii() }
    }

    /// The character offset of byte offset `byte` (a char boundary).
    pub fn of(&self, byte: usize) -> usize {
        if self.ascii {
            byte
        } else {
            self.text[..byte].chars().count()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_is_python_strip() {
        assert_eq!(strip("\u{1c} a b \u{a0}"), "a b");
        assert_eq!(strip(" \t "), "");
        assert_eq!(strip_range("  x "), 2..3);
    }

    #[test]
    fn newlines() {
        assert_eq!(normalise_newlines("a\r\nb\rc\u{2028}d\u{0c}e"), "a\nb\nc\nd\ne");
        assert!(matches!(normalise_newlines("a\nb"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn tails_and_heads_count_characters() {
        assert_eq!(&"héllo"[tail_start("héllo", 3)..], "llo");
        assert_eq!(&"héllo"[tail_start("héllo", 4)..], "éllo");
        assert_eq!(&"héllo"[..head_end("héllo", 2)], "hé");
        assert_eq!(tail_start("ab", 5), 0);
    }

    #[test]
    fn keys_fold_case_and_space() {
        let mut k = String::new();
        repeat_key_into("  Straße   IS\tOpen ", &mut k);
        assert_eq!(k, "strasse is open");
    }
}
