//! Split a document into line segments: one per non-blank line, trimmed.

use crate::text::strip_range;

/// One non-blank line of the (newline-normalised) document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Byte offsets of the trimmed line in the document.
    pub start: usize,
    pub end: usize,
    /// 1-based line number in the document.
    pub line: usize,
    /// A blank line separates it from the segment before (never the first).
    pub blank_before: bool,
}

/// The segments of `text`, whose newlines are `\n` only.
pub fn split(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut previous_blank = false;
    for (k, raw) in text.split('\n').enumerate() {
        let r = strip_range(raw);
        if r.is_empty() {
            previous_blank = true;
        } else {
            out.push(Segment {
                start: offset + r.start,
                end: offset + r.end,
                line: k + 1,
                blank_before: previous_blank && !out.is_empty(),
            });
            previous_blank = false;
        }
        offset += raw.len() + 1;
    }
    out
}

/// For each kept segment (indices in order), whether a blank line precedes it
/// in the joined text: where the input had a blank line anywhere since the
/// previous kept segment.  Classification and joining share it, so a second
/// clean sees exactly the paragraphs the first one wrote.
pub fn paragraph_breaks(segments: &[Segment], kept: &[usize]) -> Vec<bool> {
    let mut out = Vec::with_capacity(kept.len());
    let mut prev: Option<usize> = None;
    for &i in kept {
        let brk = match prev {
            None => false,
            Some(p) => segments[p + 1..=i].iter().any(|s| s.blank_before),
        };
        out.push(brk);
        prev = Some(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_and_blank_lines() {
        let text = "  Title \n\n\nFirst\nSecond\n \nThird";
        let segs = split(text);
        let texts: Vec<&str> = segs.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(texts, ["Title", "First", "Second", "Third"]);
        assert_eq!(
            segs.iter().map(|s| s.line).collect::<Vec<_>>(),
            [1, 4, 5, 7]
        );
        assert_eq!(
            segs.iter().map(|s| s.blank_before).collect::<Vec<_>>(),
            [false, true, false, true]
        );
        assert_eq!(paragraph_breaks(&segs, &[0, 2, 3]), [false, true, true]);
        assert_eq!(paragraph_breaks(&segs, &[1, 2]), [false, false]);
    }

    #[test]
    fn empty_text_has_no_segments() {
        assert!(split("").is_empty());
        assert!(split("\n \n\t").is_empty());
    }
}
