//! Pattern rules: each looks at one line on its own.

use std::sync::OnceLock;

use regex::Regex;

use crate::features::Feature;
use crate::kernel::{Clause, Kernel, ReasonIdx, RuleIdx};
use crate::spec::Shape;
use crate::text::{strip, tail_start};

/// The first enabled pattern rule whose clause matches the line, with the
/// clause's reason.  A line too long for the pattern rules is prose: only
/// clauses meant for long lines look at it (a "FILE -" caption opening).
/// `key` is the line's repeat key, which the vocabularies' gates read.
pub fn first_match(
    text: &str,
    f: &Feature,
    key: &[u8],
    k: &Kernel,
    enabled: &[bool],
) -> Option<(RuleIdx, ReasonIdx)> {
    let open = k.gates.open(key);
    for rule in &k.pattern_rules {
        if !enabled[rule.rule as usize] {
            continue;
        }
        for c in &rule.clauses {
            if (!f.long || c.long_lines) && open.contains(c.vocab) && clause_matches(c, text, f, k)
            {
                return Some((rule.rule, c.reason));
            }
        }
    }
    None
}

fn non_words() -> &'static Regex {
    // What separates the words of a date line's rest: anything but letters.
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[\W\d_]+").unwrap())
}

pub fn clause_matches(c: &Clause, text: &str, f: &Feature, k: &Kernel) -> bool {
    if c.max_words.is_some_and(|m| f.words > m) {
        return false;
    }
    let shaped = match c.shape {
        Shape::Any => true,
        Shape::Headline => f.headline_like,
        Shape::NotTerminal => !f.terminal,
        Shape::NotSentenceEnd => !f.sentence_end,
    };
    if !shaped {
        return false;
    }
    let v = k.vocab(c.vocab);
    let window = match c.tail {
        Some(n) => &text[tail_start(text, n)..],
        None => text,
    };
    let found = if let Some((name, whole)) = &c.group {
        // The named group of the match must itself be a match of `whole`.
        let Some(caps) = v.captures(window) else {
            return false;
        };
        match caps.name(name) {
            Some(g) => k.vocab(*whole).is_match(strip(g.as_str())),
            None => false,
        }
    } else if let (Some(filler), Some(limit)) = (c.filler, c.rest_words) {
        // Once the match and the filler words are gone, at most `limit` words remain.
        let Some((s, e)) = v.find(window) else {
            return false;
        };
        let rest = format!("{} {}", &window[..s], &window[e..]);
        let rest = k.vocab(filler).replace_all(&rest, " ");
        non_words().split(&rest).filter(|w| !w.is_empty()).count() <= limit
    } else {
        v.is_match(window)
    };
    if !found {
        return false;
    }
    if c.also.is_some_and(|a| !k.vocab(a).is_match(text)) {
        return false;
    }
    // A line quoting someone is a source quoted in a story, not the site's own notice.
    !(c.unquoted && k.vocab(k.shapes.speech).is_match(text))
}
