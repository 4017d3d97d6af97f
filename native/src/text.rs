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

/// A set of characters given as a regex class (`\p{Ll}`), with the regex
/// crate's Unicode tables: the hand-written scans below mean exactly what the
/// same class means in a pattern.
pub struct CharClass {
    ascii: [bool; 128],
    ranges: Vec<(char, char)>,
}

impl CharClass {
    pub fn new(class: &str) -> CharClass {
        use regex_syntax::hir::{Class, HirKind};
        let hir = regex_syntax::Parser::new()
            .parse(class)
            .expect("a valid class");
        let ranges: Vec<(char, char)> = match hir.kind() {
            HirKind::Class(Class::Unicode(c)) => {
                c.ranges().iter().map(|r| (r.start(), r.end())).collect()
            }
            _ => panic!("{class} is not a Unicode class"),
        };
        let mut ascii = [false; 128];
        for (b, slot) in ascii.iter_mut().enumerate() {
            let c = b as u8 as char;
            *slot = ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi);
        }
        CharClass { ascii, ranges }
    }

    #[inline]
    pub fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            return self.ascii[c as usize];
        }
        let at = self.ranges.partition_point(|&(_, hi)| hi < c);
        at < self.ranges.len() && self.ranges[at].0 <= c
    }
}

macro_rules! class {
    ($name:ident, $class:literal) => {
        pub fn $name() -> &'static CharClass {
            static CLASS: std::sync::OnceLock<CharClass> = std::sync::OnceLock::new();
            CLASS.get_or_init(|| CharClass::new($class))
        }
    };
}

// Python's `\w` of `re`: a letter or a number (general categories L and N).
// (Rust's `char::is_alphanumeric` also counts symbols with the Alphabetic
// property, such as "🅰", which Python does not.)
class!(word_class, r"[\p{L}\p{N}]");
class!(letter, r"\p{L}");
class!(lower_case, r"\p{Ll}");
class!(upper_case_or_digit, r"[\p{Lu}\p{Nd}]");
// Scripts written without spaces.
class!(
    unspaced_script,
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]"
);

/// A word character of the spin tokenizer: `\w` (letters, numbers, `_`).
#[inline]
pub fn is_word(c: char) -> bool {
    c == '_' || word_class().contains(c)
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
    let needs = |c: char| {
        matches!(
            c,
            '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
    };
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

/// Pieces of a repeat key go out in buffers of at most this many bytes.
const KEY_PIECE: usize = 1 << 16;

/// The line as compared for repeats, `" ".join(text.casefold().split())`,
/// given to `sink` as UTF-8 in pieces (of at most about KEY_PIECE bytes, so
/// that a 50 MB line needs no 50 MB key).  Case folding is per character, so
/// ASCII takes a fast path and only other characters go through the table.
pub fn repeat_key_pieces(text: &str, mut sink: impl FnMut(&[u8])) {
    let mut buf: Vec<u8> = Vec::with_capacity(text.len().min(KEY_PIECE) + 8);
    let mut gap = false;
    let mut started = false;
    let odd_space = |b: u8| matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f);
    if text.is_ascii() {
        let bytes = text.as_bytes();
        if !bytes.iter().any(|&b| odd_space(b)) && !bytes.windows(2).any(|w| w == b"  ") {
            // The common case, single spaces only (and no edge space: lines
            // are trimmed): the key is the line in lower case.
            for chunk in bytes.chunks(KEY_PIECE) {
                buf.clear();
                buf.extend_from_slice(chunk);
                buf.make_ascii_lowercase();
                sink(&buf);
            }
            return;
        }
        for &b in bytes {
            if b == b' ' || odd_space(b) {
                gap = started;
                continue;
            }
            if gap {
                buf.push(b' ');
                gap = false;
            }
            buf.push(b.to_ascii_lowercase());
            started = true;
            if buf.len() >= KEY_PIECE {
                sink(&buf);
                buf.clear();
            }
        }
    } else {
        let mut utf8 = [0u8; 4];
        for c in text.chars() {
            if is_space(c) {
                gap = started;
                continue;
            }
            if gap {
                buf.push(b' ');
                gap = false;
            }
            if c.is_ascii() {
                buf.push((c as u8).to_ascii_lowercase());
            } else {
                for f in caseless::Caseless::default_case_fold(std::iter::once(c)) {
                    buf.extend_from_slice(f.encode_utf8(&mut utf8).as_bytes());
                }
            }
            started = true;
            if buf.len() >= KEY_PIECE {
                sink(&buf);
                buf.clear();
            }
        }
    }
    if !buf.is_empty() {
        sink(&buf);
    }
}

/// The repeat key (`repeat_key_pieces`) in `out`.
pub fn repeat_key_into(text: &str, out: &mut Vec<u8>) {
    out.clear();
    repeat_key_pieces(text, |piece| out.extend_from_slice(piece));
}

/// A string as it appears in repeat keys: case-folded, each run of white
/// space one space (not trimmed: the string may sit inside a key).
pub fn fold_like_keys(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in caseless::Caseless::default_case_fold(text.chars()) {
        if is_space(c) {
            gap = true;
        } else {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(c);
        }
    }
    if gap {
        out.push(' ');
    }
    out
}

/// Character offsets of byte offsets, for one string, computed once.
pub struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
        }
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
        assert_eq!(
            normalise_newlines("a\r\nb\rc\u{2028}d\u{0c}e"),
            "a\nb\nc\nd\ne"
        );
        assert!(matches!(
            normalise_newlines("a\nb"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn tails_and_heads_count_characters() {
        assert_eq!(&"héllo"[tail_start("héllo", 3)..], "llo");
        assert_eq!(&"héllo"[tail_start("héllo", 4)..], "éllo");
        assert_eq!(&"héllo"[..head_end("héllo", 2)], "hé");
        assert_eq!(tail_start("ab", 5), 0);
    }

    #[test]
    fn words_are_letters_and_numbers() {
        for c in ['a', 'Z', '7', '_', 'é', 'Ж', '中', '٣', 'Ⅻ'] {
            assert!(is_word(c), "{c}");
        }
        for c in [' ', '-', '’', '🅰', '\u{301}', '😀'] {
            assert!(!is_word(c), "{c:?}");
        }
    }

    #[test]
    fn a_long_key_comes_in_pieces_that_make_the_same_key() {
        let line = "Ab  Cd\u{a0}É ".repeat(20_000);
        let mut whole = Vec::new();
        repeat_key_into(&line, &mut whole);
        let mut pieces = 0;
        let mut glued = Vec::new();
        repeat_key_pieces(&line, |p| {
            pieces += 1;
            glued.extend_from_slice(p);
        });
        assert!(pieces > 1);
        assert_eq!(glued, whole);
        assert!(whole.starts_with("ab cd é ab".as_bytes()));
    }

    #[test]
    fn keys_fold_case_and_space() {
        let mut k = Vec::new();
        repeat_key_into("  Straße   IS\tOpen ", &mut k);
        assert_eq!(k, b"strasse is open");
        repeat_key_into("Hello\u{a0}\u{a0}World ", &mut k);
        assert_eq!(k, b"hello world");
        repeat_key_into("A  b", &mut k);
        assert_eq!(k, b"a b");
    }
}
