//! What the rules need to know about one line on its own, computed once per
//! distinct line of a document (lines repeat: menus, captions).

use crate::kernel::Kernel;
use crate::text::{
    char_count_capped, head_end, is_space, letter, lower_case, repeat_key_into, tail_start,
    unspaced_script, upper_case_or_digit,
};

/// A line ends a clause (terminal) or a sentence when its last character,
/// closing quotes and brackets aside, is one of these.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '*', '」', '』', '）'];
const TERMINAL: &[char] = &['.', '!', '?', '…', ';', ':', '。', '！', '？', '；', '：'];
const SENTENCE_END: &[char] = &['.', '!', '?', '…', '。', '！', '？'];

/// The word count given to lines too long for the pattern rules.
pub const LONG_LINE_WORDS: usize = 1000;

#[derive(Clone, Debug)]
pub struct Feature {
    pub words: usize,
    pub terminal: bool,
    pub sentence_end: bool,
    /// 1..=headline_max_words words and no clause-ending punctuation.
    pub headline_like: bool,
    /// A sentence of prose_min_words words or more.
    pub prose: bool,
    /// Longer than the pattern rules look at.
    pub long: bool,
    /// The hash of the repeat key (`text::repeat_key_into`), if the line is
    /// long enough to count as a repeat.
    pub repeat_key: Option<u128>,
    /// The line's weight in the main-text search.
    pub weight: f64,
    /// An all-caps section tag ("ENT", "WORLD NEWS").
    pub caps_tag: bool,
}

/// Hash of a string for equality tests inside one document (128 bits: a
/// collision between two different lines is not a practical concern).
pub fn hash128(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// Lines longer than this (bytes) have their repeat key hashed piece by
/// piece, never held whole; the pattern rules' gates do not read it (only
/// caption openings are looked for in such lines).
pub const LONG_KEY: usize = 1 << 16;

/// The line's features; `key_buf` is left holding its repeat key (empty for
/// a line longer than LONG_KEY).
pub fn compute(text: &str, k: &Kernel, key_buf: &mut Vec<u8>) -> Feature {
    let p = &k.p;
    let long = text.len() > p.max_pattern_chars
        && char_count_capped(text, p.max_pattern_chars) > p.max_pattern_chars;
    let mut words = if long {
        LONG_LINE_WORDS
    } else {
        text.bytes().filter(|&b| b == b' ').count() + 1
    };
    if !long && !text.is_ascii() {
        // Scripts written without spaces: about two characters make a word.
        let n = text
            .chars()
            .filter(|&c| unspaced_script().contains(c))
            .count();
        words = words.max(n / 2);
    }
    let last = last_char(text, words, k);
    let terminal = last.is_some_and(|c| TERMINAL.contains(&c));
    let sentence_end = last.is_some_and(|c| SENTENCE_END.contains(&c));
    let headline_like = (1..=p.headline_max_words).contains(&words) && !terminal;
    let prose = sentence_end && words >= p.prose_min_words;
    // The key is made for every line: the pattern rules' gates read it too.
    repeat_key_into(text, key_buf);
    let repeat_key = if words >= p.repeat_min_words
        || char_count_capped(text, p.repeat_min_chars) >= p.repeat_min_chars
    {
        Some(hash128(key_buf))
    } else {
        None
    };
    let mut f = Feature {
        words,
        terminal,
        sentence_end,
        headline_like,
        prose,
        long,
        repeat_key,
        weight: 0.0,
        caps_tag: false,
    };
    f.weight = line_weight(text, &f, k);
    f.caps_tag = f.words <= p.tag_max_words
        && !f.terminal
        && text.chars().any(|c| letter().contains(c))
        && k.vocab(k.shapes.caps_tag).is_match(text);
    f
}

/// The last character of `text` that is not a closing quote or bracket,
/// among its last 12 (None if there is none).
fn last_unclosed(text: &str) -> Option<char> {
    text[tail_start(text, 12)..]
        .trim_end_matches(CLOSERS)
        .chars()
        .next_back()
}

/// The character that ends the line's text, closing quotes and brackets aside.
///
/// Posts and blogs end sentences with decorations: a link or hashtag after
/// the full stop ("... nose. pic.twitter.com/x1", "... day.#Senate"), an
/// emoji after it ("today! 🙂") or, in a sentence-long line, instead of it.
/// The sentence ends before the decoration: such a line is prose, not a
/// headline or a menu entry.
pub fn last_char(text: &str, words: usize, k: &Kernel) -> Option<char> {
    let last = last_unclosed(text)?;
    if TERMINAL.contains(&last) {
        return Some(last);
    }
    let tail = &text[tail_start(text, 300)..];
    if last.is_ascii() {
        // No emoji: a link or hashtag would show in the last word.
        let end = match tail.chars().next_back() {
            Some(c) if !is_space(c) => tail.rsplit(is_space).next().unwrap_or(tail),
            _ => tail,
        };
        if !end.contains('/') && !end.contains('#') && !end.contains("www.") {
            return Some(last);
        }
    }
    let Some((start, end)) = k.vocab(k.shapes.decorated_end).find(tail) else {
        return Some(last);
    };
    if start == 0 {
        return Some(last);
    }
    match last_unclosed_all(&tail[..start]) {
        Some(before) if TERMINAL.contains(&before) => Some(before),
        Some(before)
            if before.is_alphanumeric()
                && words >= 8
                && k.vocab(k.shapes.emoji_only).is_match(&tail[start..end]) =>
        {
            Some('.') // an emoji in place of the full stop
        }
        _ => Some(last),
    }
}

/// The last character of `text` once its closing quotes and brackets are gone.
fn last_unclosed_all(text: &str) -> Option<char> {
    text.trim_end_matches(CLOSERS).chars().next_back()
}

/// Prose counts for the main text; menu-like lines count against it.
fn line_weight(text: &str, f: &Feature, k: &Kernel) -> f64 {
    let p = &k.p;
    if f.sentence_end && f.words >= p.main_prose_min_words {
        return f.words as f64;
    }
    if f.sentence_end || f.terminal || k.vocab(k.shapes.list_item).is_match(text) {
        return 0.0;
    }
    if text.contains("(@") && k.vocab(k.shapes.post_credit).is_match(text) {
        return 0.0; // the credit under an embedded post sits inside the article, like a caption
    }
    // Short lines with more lower-case than capitalised words are list items
    // or fragments (ingredients, bullet points), not menu entries: they cost little.
    // Word starts after white space: lower case, or a capital or a digit.
    let (mut lower, mut upper) = (0.0, 0.0);
    let mut after_space = false;
    for c in text[..head_end(text, 200)].chars() {
        if after_space {
            if lower_case().contains(c) {
                lower += 1.0;
            } else if upper_case_or_digit().contains(c) {
                upper += 1.0;
            }
        }
        after_space = c.is_whitespace();
    }
    if lower > upper * p.lower_ratio {
        return -p.fragment_cost;
    }
    -(1.0 + p.menu_cost_per_word * f.words.min(p.menu_max_words) as f64)
}
