//! One classification round: the pattern pass, then the context rules, over
//! the lines a document still keeps.
//!
//! As in jusText, each line is first judged on its own (pattern rules, done
//! once per distinct line), then with its neighbours and the whole document:
//! repeats, caption triples, author boxes, video titles, link lists, kickers,
//! an appended second article, trailing teasers and the main-text runs.  All
//! state lives inside one round of one document.

use std::collections::HashMap;

use crate::features::Feature;
use crate::kernel::{Kernel, ReasonIdx, RuleIdx};
use crate::text::{char_count_capped, repeat_key_into};

/// Why a line is dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub rule: RuleIdx,
    pub reason: ReasonIdx,
}

/// Reasons the context rules give, besides each rule's default.
pub struct ContextReasons {
    pub marker_neighbour: ReasonIdx,
    pub alt_text: ReasonIdx,
    pub short_label: ReasonIdx,
    pub author_box: ReasonIdx,
    pub video_title: ReasonIdx,
    pub list_item: ReasonIdx,
    pub caps_tag: ReasonIdx,
    pub kicker: ReasonIdx,
}

/// Reasons made up while a document is classified ("... (MOSCOW dateline)").
pub trait ReasonSink {
    fn reason(&mut self, text: String) -> ReasonIdx;
}

/// The lines of one round and what the rules found.
pub struct Round<'a> {
    k: &'a Kernel,
    r: &'a ContextReasons,
    enabled: &'a [bool],
    texts: &'a [&'a str],
    breaks: &'a [bool],
    feats: &'a [&'a Feature],
    pub labels: Vec<Option<Label>>,
    /// Lines a pattern rule labelled (short lines only), in line order.
    pattern_rule: Vec<(usize, RuleIdx)>,
    pub dates: Vec<usize>,
    pub bylines: Vec<usize>,
    pub appended_from: Option<usize>,
}

impl<'a> Round<'a> {
    pub fn new(
        k: &'a Kernel,
        r: &'a ContextReasons,
        enabled: &'a [bool],
        texts: &'a [&'a str],
        breaks: &'a [bool],
        feats: &'a [&'a Feature],
    ) -> Self {
        Round {
            k,
            r,
            enabled,
            texts,
            breaks,
            feats,
            labels: vec![None; texts.len()],
            pattern_rule: Vec::new(),
            dates: Vec::new(),
            bylines: Vec::new(),
            appended_from: None,
        }
    }

    fn n(&self) -> usize {
        self.texts.len()
    }

    fn labelled(&self, i: usize) -> bool {
        self.labels[i].is_some()
    }

    /// Label line i unless the rule is off or the line has a label already.
    fn label(&mut self, i: usize, rule: RuleIdx, reason: Option<ReasonIdx>) -> bool {
        if !self.enabled[rule as usize] || self.labels[i].is_some() {
            return false;
        }
        let reason = reason.unwrap_or(self.k.default_reason[rule as usize]);
        self.labels[i] = Some(Label { rule, reason });
        true
    }

    /// Lines i < j are consecutive, with no blank line between them.
    fn same_block(&self, i: usize, j: usize) -> bool {
        j == i + 1 && !self.breaks[j]
    }

    /// Run every rule.  `patterns[i]` is line i's pattern-rule match.
    pub fn run(&mut self, patterns: &[Option<(RuleIdx, ReasonIdx)>], sink: &mut dyn ReasonSink) {
        self.pattern_pass(patterns);
        self.repeated_blocks();
        self.caption_context();
        self.author_box();
        self.video_titles();
        self.link_lists();
        self.category_tags();
        self.appended_article(sink);
        self.trailing_headlines();
        self.main_text();
    }

    fn pattern_pass(&mut self, patterns: &[Option<(RuleIdx, ReasonIdx)>]) {
        let ids = &self.k.ids;
        for (i, hit) in patterns.iter().enumerate() {
            let Some((rule, reason)) = *hit else { continue };
            self.label(i, rule, Some(reason));
            if self.feats[i].long {
                continue; // a caption in prose: no context rules around it
            }
            self.pattern_rule.push((i, rule));
            if rule == ids.date_line {
                self.dates.push(i);
            } else if rule == ids.byline {
                self.bylines.push(i);
            }
        }
    }

    /// Later copies of a block (titles, leads, captions) go; the first stays.
    fn repeated_blocks(&mut self) {
        let mut first: HashMap<u128, usize> = HashMap::new();
        let rule = self.k.ids.repeated_block;
        for i in 0..self.n() {
            let Some(key) = self.feats[i].repeat_key else {
                continue;
            };
            if *first.entry(key).or_insert(i) != i {
                self.label(i, rule, None);
            }
        }
    }

    /// Alt text, "Picture:" triples and short image labels beside a caption.
    fn caption_context(&mut self) {
        let (ids, sh, p) = (&self.k.ids, &self.k.shapes, &self.k.p);
        let (mut key_i, mut key_j) = (Vec::new(), Vec::new());
        for t in 0..self.pattern_rule.len() {
            let (i, rule) = self.pattern_rule[t];
            if rule != ids.caption && rule != ids.photo_credit {
                continue;
            }
            let marker_only = self.k.vocab(sh.caption_marker).is_match(self.texts[i]);
            for j in [i.wrapping_sub(1), i + 1] {
                if j >= self.n() || self.labelled(j) || !self.same_block(i.min(j), i.max(j)) {
                    continue;
                }
                let (text, f) = (self.texts[j], self.feats[j]);
                if marker_only && f.words <= p.marker_max_words {
                    self.label(j, ids.image_label, Some(self.r.marker_neighbour));
                    continue;
                }
                if j + 1 == i {
                    repeat_key_into(self.texts[i], &mut key_i);
                    repeat_key_into(text, &mut key_j);
                    let stem = key_j
                        .iter()
                        .rposition(|&b| b != b'.')
                        .map_or(0, |at| at + 1);
                    if key_i.starts_with(&key_j[..stem]) {
                        self.label(j, ids.image_label, Some(self.r.alt_text));
                        continue;
                    }
                }
                if f.words <= p.label_max_words
                    && !f.terminal
                    && char_count_capped(text, p.label_max_chars) <= p.label_max_chars
                {
                    self.label(j, ids.image_label, Some(self.r.short_label));
                }
            }
        }
    }

    /// A bare name line next to a byline, role or @handle line is part of the author box.
    fn author_box(&mut self) {
        let (ids, sh, p) = (&self.k.ids, &self.k.shapes, &self.k.p);
        for t in 0..self.pattern_rule.len() {
            let (i, rule) = self.pattern_rule[t];
            if rule != ids.byline {
                continue;
            }
            let near = (i.saturating_sub(p.box_lines)..=i + p.box_lines).filter(|&j| j != i);
            for j in near {
                if j >= self.n() || self.labelled(j) || self.feats[j].words > p.box_max_words {
                    continue;
                }
                let text = self.texts[j];
                if self.k.vocab(sh.author_name).is_match(text)
                    || self.k.vocab(sh.author_role).is_match(text)
                {
                    self.label(j, ids.byline, Some(self.r.author_box));
                    self.bylines.push(j);
                }
            }
        }
    }

    /// The headline-like line right after a video notice is the video's title.
    fn video_titles(&mut self) {
        let (ids, p) = (&self.k.ids, &self.k.p);
        for t in 0..self.pattern_rule.len() {
            let (i, rule) = self.pattern_rule[t];
            if rule == ids.video_notice && i + 1 < self.n() {
                let f = self.feats[i + 1];
                if f.headline_like
                    && f.words <= p.video_title_max_words
                    && !self.texts[i + 1].ends_with('?')
                {
                    self.label(i + 1, ids.video_notice, Some(self.r.video_title));
                }
            }
        }
    }

    /// After a related-links header, the headline lines go until prose resumes.
    fn link_lists(&mut self) {
        let (ids, p) = (&self.k.ids, &self.k.p);
        let mut done = 0; // lines below this were already walked as list items
        for t in 0..self.pattern_rule.len() {
            let (i, rule) = self.pattern_rule[t];
            if rule != ids.link_list || i < done {
                continue;
            }
            let mut j = i + 1;
            while j < self.n() {
                if !self.labelled(j) {
                    let f = self.feats[j];
                    if (f.sentence_end && f.words >= p.list_sentence_min_words)
                        || f.words >= p.list_item_max_words
                    {
                        break; // a sentence: the article resumes
                    }
                    self.label(j, ids.link_list, Some(self.r.list_item));
                }
                j += 1;
            }
            done = j;
        }
    }

    fn first_prose(&self) -> usize {
        let min = self.k.p.tag_prose_min_words;
        (0..self.n())
            .find(|&i| self.feats[i].prose && self.feats[i].words >= min && !self.labelled(i))
            .unwrap_or(self.n())
    }

    /// Section tags ("ENT") and kickers above the headline, before the first prose.
    ///
    /// A kicker is a run of short lines (no closing punctuation) right above
    /// a headline-like line, each shorter than it by `shorter_by` words or
    /// more; labelled lines in between do not break the run.
    fn category_tags(&mut self) {
        let (ids, p) = (&self.k.ids, &self.k.p);
        let head = self.first_prose();
        for i in 0..head {
            if self.feats[i].caps_tag && !self.labelled(i) {
                self.label(i, ids.category_tag, Some(self.r.caps_tag));
            }
        }
        let is_head = |f: &Feature| f.headline_like && f.words > p.kicker_max_words;
        let heads: Vec<usize> = (0..head)
            .filter(|&i| is_head(self.feats[i]) && !self.labelled(i))
            .collect();
        if heads.is_empty() {
            return;
        }
        let open: Vec<usize> = (0..head).filter(|&i| !self.labelled(i)).collect();
        for h in heads {
            let pos = open.partition_point(|&i| i < h);
            let words = self.feats[h].words;
            // Each walk stops at the next headline: linear overall.
            for kpos in (0..pos).rev() {
                let f = self.feats[open[kpos]];
                if !(f.words <= p.kicker_max_words
                    && !f.terminal
                    && words >= f.words + p.kicker_shorter_by)
                {
                    break;
                }
                self.label(open[kpos], ids.category_tag, Some(self.r.kicker));
            }
        }
    }

    /// A new wire dateline after the main article has run starts another story.
    fn appended_article(&mut self, sink: &mut dyn ReasonSink) {
        if !self.texts.iter().any(|t| t.contains('(')) {
            return;
        }
        let (ids, p) = (&self.k.ids, &self.k.p);
        let candidates: Vec<usize> = (0..self.n())
            .filter(|&i| self.texts[i].contains('(') && !self.labelled(i))
            .collect();
        let prose: Vec<usize> = (0..self.n())
            .filter(|&i| self.feats[i].prose && !self.labelled(i))
            .collect();
        let mut first_place: Option<String> = None;
        for i in candidates {
            let Some(place) = dateline_place(self.k, self.texts[i]) else {
                continue;
            };
            let prose_seen = prose.partition_point(|&x| x < i);
            if first_place.is_none() && prose_seen < p.appended_prose_lines {
                first_place = Some(place);
            } else if prose_seen >= p.appended_prose_lines
                && first_place.as_deref() != Some(place.as_str())
            {
                self.appended_from = Some(i);
                let reason = sink.reason(format!("part of a second article ({place} dateline)"));
                for k in i..self.n() {
                    self.label(k, ids.appended_article, Some(reason));
                }
                return;
            }
        }
    }

    /// Headline-like lines closing the page are teasers, not article.
    fn trailing_headlines(&mut self) {
        let (ids, p) = (&self.k.ids, &self.k.p);
        let mut run = Vec::new();
        for i in (0..self.n()).rev() {
            if self.labelled(i) {
                continue;
            }
            let f = self.feats[i];
            if f.headline_like && f.words >= p.trailing_min_words && !self.texts[i].ends_with('?') {
                run.push(i);
                continue;
            }
            break;
        }
        if run.len() >= p.trailing_min_lines {
            for i in run {
                self.label(i, ids.trailing_headlines, None);
            }
        }
    }

    /// Keep the runs of lines with the most article prose; drop the page around them.
    ///
    /// A maximum-sum run (Kadane, linear): prose lines weigh their word count,
    /// short headline-like lines (menus, teasers) a small penalty, and
    /// labelled furniture acts as a barrier (its rule's weight).  Beside the
    /// main run, further runs on either side are kept when they weigh a good
    /// share of it (articles split by a list or a table), except after a
    /// comment form.  Lines outside the kept runs are dropped unless they are
    /// the title just above the main run.
    fn main_text(&mut self) {
        let (ids, p) = (&self.k.ids, &self.k.p);
        if !self.enabled[ids.outside_main_text as usize] {
            return;
        }
        let n = self.n();
        let mut weights: Vec<f64> = self.feats.iter().map(|f| f.weight).collect();
        for (i, w) in weights.iter_mut().enumerate() {
            if let Some(l) = self.labels[i] {
                *w = self.k.weights[l.rule as usize];
            }
        }
        let (best, first, last) = best_run(&weights, 0, n);
        let Some(last) = last else { return };
        let (best, last) = self.cut_at_comments(&weights, best, first, last);
        let mut keep = vec![(first, last)];
        let comments = self.first_labelled(ids.comment_form, last + 1, n);
        let mut todo = vec![(0, first), (last + 1, comments.unwrap_or(n))];
        // Each search is linear in its range; capping the searches keeps the
        // whole rule linear even on pages with many separate prose runs.
        let mut searches = 0;
        while searches < p.max_run_searches {
            let Some((lo, hi)) = todo.pop() else { break };
            searches += 1;
            if hi <= lo {
                continue;
            }
            let (w, a, b) = best_run(&weights, lo, hi);
            if let Some(b) = b {
                if w >= p.secondary_min.max(p.secondary_share * best) {
                    keep.push((a, b));
                    todo.push((lo, a));
                    todo.push((b + 1, hi));
                }
            }
        }
        // Widen each kept run over neighbouring list items and fragments.
        let open = |i: usize, labels: &[Option<Label>]| {
            weights[i] >= -p.fragment_cost && labels[i].is_none()
        };
        let mut inside = vec![false; n];
        for (a, b) in keep.iter_mut() {
            while *a > 0 && open(*a - 1, &self.labels) {
                *a -= 1;
            }
            while *b + 1 < n && open(*b + 1, &self.labels) {
                *b += 1;
            }
            inside[*a..=*b].iter_mut().for_each(|x| *x = true);
        }
        let title = self.title_above(first);
        for (i, &kept) in inside.iter().enumerate() {
            if !kept && Some(i) != title {
                self.label(i, ids.outside_main_text, None);
            }
        }
    }

    /// End the main run at a comment form inside it, when the run crossed into the comments.
    ///
    /// That is when the form opens a block (form fields, a commenter's name or
    /// date: no prose right below it) and the prose above it outweighs the
    /// prose below.  A "Comments" button between two paragraphs is followed by
    /// prose, and a long thread under a short post is the greater part: both stay.
    fn cut_at_comments(
        &self,
        weights: &[f64],
        best: f64,
        first: usize,
        last: usize,
    ) -> (f64, usize) {
        let Some(mut form) = self.first_labelled(self.k.ids.comment_form, first + 1, last) else {
            return (best, last);
        };
        if weights[form + 1] > 0.0 {
            return (best, last);
        }
        let above: f64 = weights[first..form].iter().sum();
        if above < best - above - weights[form] {
            return (best, last);
        }
        while form > first && weights[form - 1] <= 0.0 {
            form -= 1; // the run ends on its last line of prose
        }
        (weights[first..form].iter().sum(), form - 1)
    }

    /// The first of lines lo..hi that `rule` labelled, if any.
    fn first_labelled(&self, rule: RuleIdx, lo: usize, hi: usize) -> Option<usize> {
        (lo..hi).find(|&i| self.labels[i].is_some_and(|l| l.rule == rule))
    }

    /// The headline-like line closest above the main text (within a few lines).
    fn title_above(&self, first: usize) -> Option<usize> {
        let p = &self.k.p;
        let lowest = (first + 1).saturating_sub(p.title_lines_above);
        (lowest..first)
            .rev()
            .filter(|&i| !self.labelled(i))
            .find(|&i| {
                let f = self.feats[i];
                (p.title_min_words..=p.title_max_words).contains(&f.words)
                    && (f.headline_like || self.texts[i].ends_with(['!', '?']))
            })
    }
}

/// The place of the wire dateline opening a line ("MOSCOW (AP) —"), if any.
pub fn dateline_place(k: &Kernel, text: &str) -> Option<String> {
    let head = &text[..crate::text::head_end(text, 120)];
    if !head.contains('(') {
        return None;
    }
    let caps = k.vocab(k.shapes.dateline).captures(head)?;
    Some(crate::text::strip(caps.name("place")?.as_str()).to_string())
}

/// Maximum-sum run of weights[lo..hi] (Kadane): (sum, first, last), with no
/// last when no run weighs more than nothing.
pub fn best_run(weights: &[f64], lo: usize, hi: usize) -> (f64, usize, Option<usize>) {
    let (mut best, mut span) = (0.0, (lo, None));
    let (mut cur, mut start) = (0.0, lo);
    for (i, &w) in weights.iter().enumerate().take(hi).skip(lo) {
        if cur <= 0.0 {
            cur = w;
            start = i;
        } else {
            cur += w;
        }
        if cur > best {
            best = cur;
            span = (start, Some(i));
        }
    }
    (best, span.0, span.1)
}

#[cfg(test)]
mod tests {
    use super::best_run;

    #[test]
    fn kadane_finds_the_heaviest_run() {
        let w = [-1.0, 5.0, -2.0, 4.0, -10.0, 3.0];
        assert_eq!(best_run(&w, 0, w.len()), (7.0, 1, Some(3)));
        assert_eq!(best_run(&w, 4, 6), (3.0, 5, Some(5)));
        assert_eq!(best_run(&[-1.0, -2.0], 0, 2), (0.0, 0, None));
    }
}
