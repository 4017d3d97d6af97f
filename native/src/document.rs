//! One document while it is cleaned: its segments, their current texts,
//! what was dropped and why, and the per-line memo shared by its rounds.
//!
//! The Python pipeline drives it stage by stage (`pipeline.py` holds the
//! order): line repairs replace texts or drop lines, `classify_round` drops
//! boilerplate, the spin stage scans and replaces, `join` writes the output.

use rustc_hash::FxHashMap;

use crate::context::{dateline_place, Label, ReasonSink, Round};
use crate::features::{compute, hash128, Feature};
use crate::kernel::{Kernel, ReasonIdx, RuleIdx};
use crate::lines::{paragraph_breaks, split, Segment};
use crate::patterns::first_match;
use crate::spin::{Candidate, Hit, SpinTable, Tokens};
use crate::text::{normalise_newlines, strip};

/// Why and when a segment was dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Drop {
    pub label: Label,
    /// 0 for a drop of the line-repair stage, r + 1 for classification round r.
    pub round: u32,
}

struct LineInfo {
    feature: Feature,
    pattern: Option<(RuleIdx, ReasonIdx)>,
}

/// Features and pattern matches per distinct line text, keyed by its hash.
#[derive(Default)]
struct Memo {
    index: FxHashMap<u128, u32>,
    infos: Vec<LineInfo>,
    key_buf: Vec<u8>,
}

impl Memo {
    fn get(&mut self, text: &str, k: &Kernel, enabled: &[bool]) -> u32 {
        let h = hash128(text.as_bytes());
        if let Some(&i) = self.index.get(&h) {
            return i;
        }
        let feature = compute(text, k, &mut self.key_buf);
        let pattern = first_match(text, &feature, &self.key_buf, k, enabled);
        self.infos.push(LineInfo { feature, pattern });
        let i = (self.infos.len() - 1) as u32;
        self.index.insert(h, i);
        i
    }
}

/// What spin detection needs to know of the kept lines.
#[derive(Debug, Default, PartialEq)]
pub struct SpinScan {
    /// Words (`\w+` tokens not ending in `_`), counting repeated lines each time.
    pub words: usize,
    /// How often each of the asked-for words occurs.
    pub counted: Vec<usize>,
    /// Accepted entries (all rules, spun tier allowed) and how often each was found.
    pub entries: Vec<(u32, usize)>,
    /// Speech attributed by "mentioned" (the `mentioned_attribution` vocabulary).
    pub attributions: usize,
}

pub struct Document {
    text: String,
    segs: Vec<Segment>,
    replaced: FxHashMap<usize, String>,
    drops: Vec<Option<Drop>>,
    /// Segments in the order they were dropped.
    drop_order: Vec<usize>,
    extra_reasons: Vec<String>,
    enabled: Vec<bool>,
    memo: Memo,
    /// The spin table's candidates in the lines the spin scan saw, by text
    /// hash (after a scan, a kept line that is not here has none).
    spin_cands: Option<FxHashMap<u128, Vec<Candidate>>>,
    rounds: u32,
    pub dates: Vec<usize>,
    pub bylines: Vec<usize>,
    pub appended_from: Option<usize>,
}

struct Sink<'a> {
    base: usize,
    extra: &'a mut Vec<String>,
}

impl ReasonSink for Sink<'_> {
    fn reason(&mut self, text: String) -> ReasonIdx {
        if let Some(i) = self.extra.iter().position(|r| *r == text) {
            return (self.base + i) as ReasonIdx;
        }
        self.extra.push(text);
        (self.base + self.extra.len() - 1) as ReasonIdx
    }
}

fn current<'a>(
    text: &'a str,
    segs: &[Segment],
    replaced: &'a FxHashMap<usize, String>,
    i: usize,
) -> &'a str {
    match replaced.get(&i) {
        Some(t) => t.as_str(),
        None => &text[segs[i].start..segs[i].end],
    }
}

impl Document {
    /// `enabled[r]`: whether boilerplate rule r (kernel order) is on.
    pub fn new(text: &str, enabled: Vec<bool>) -> Document {
        let text = normalise_newlines(text).into_owned();
        let segs = split(&text);
        let n = segs.len();
        Document {
            text,
            segs,
            replaced: FxHashMap::default(),
            drops: vec![None; n],
            drop_order: Vec::new(),
            extra_reasons: Vec::new(),
            enabled,
            memo: Memo::default(),
            spin_cands: None,
            rounds: 0,
            dates: Vec::new(),
            bylines: Vec::new(),
            appended_from: None,
        }
    }

    /// The newline-normalised text the segments point into.
    pub fn normalised(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.segs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.segs.is_empty()
    }

    pub fn segment(&self, i: usize) -> &Segment {
        &self.segs[i]
    }

    pub fn original_text(&self, i: usize) -> &str {
        &self.text[self.segs[i].start..self.segs[i].end]
    }

    /// The segment's text after the replacements so far.
    pub fn text(&self, i: usize) -> &str {
        current(&self.text, &self.segs, &self.replaced, i)
    }

    pub fn set_text(&mut self, i: usize, text: String) {
        if text == self.original_text(i) {
            self.replaced.remove(&i);
        } else {
            self.replaced.insert(i, text);
        }
    }

    pub fn drop_of(&self, i: usize) -> Option<Drop> {
        self.drops[i]
    }

    pub fn drop_order(&self) -> &[usize] {
        &self.drop_order
    }

    /// Drop a segment outside classification (a line repair found only markup).
    pub fn drop_line(&mut self, i: usize, rule: RuleIdx, reason: ReasonIdx) {
        if self.drops[i].is_none() {
            self.drops[i] = Some(Drop {
                label: Label { rule, reason },
                round: 0,
            });
            self.drop_order.push(i);
        }
    }

    pub fn reason<'a>(&'a self, k: &'a Kernel, r: ReasonIdx) -> &'a str {
        let r = r as usize;
        if r < k.reasons.len() {
            &k.reasons[r]
        } else {
            &self.extra_reasons[r - k.reasons.len()]
        }
    }

    /// Segments neither dropped nor emptied by repairs, in order.
    pub fn kept(&self) -> Vec<usize> {
        (0..self.segs.len())
            .filter(|&i| self.drops[i].is_none() && !self.text(i).is_empty())
            .collect()
    }

    /// Segments whose current text a line repair could change.
    pub fn may_need_repair(&self, k: &Kernel, uncurl_quotes: bool) -> Vec<usize> {
        let mut seen: FxHashMap<&str, bool> = FxHashMap::default();
        (0..self.segs.len())
            .filter(|&i| {
                let t = self.text(i);
                *seen
                    .entry(t)
                    .or_insert_with(|| k.may_need_repair(t, uncurl_quotes))
            })
            .collect()
    }

    /// One classification round over the kept lines: the lines it labels are
    /// dropped.  Returns how many.
    pub fn classify_round(&mut self, k: &Kernel) -> usize {
        let kept = self.kept();
        let breaks = paragraph_breaks(&self.segs, &kept);
        let texts: Vec<&str> = kept
            .iter()
            .map(|&i| current(&self.text, &self.segs, &self.replaced, i))
            .collect();
        let infos: Vec<u32> = texts
            .iter()
            .map(|t| self.memo.get(t, k, &self.enabled))
            .collect();
        let feats: Vec<&Feature> = infos
            .iter()
            .map(|&i| &self.memo.infos[i as usize].feature)
            .collect();
        let patterns: Vec<Option<(RuleIdx, ReasonIdx)>> = infos
            .iter()
            .map(|&i| self.memo.infos[i as usize].pattern)
            .collect();
        let mut sink = Sink {
            base: k.reasons.len(),
            extra: &mut self.extra_reasons,
        };
        let mut round = Round::new(k, &k.ctx, &self.enabled, &texts, &breaks, &feats);
        round.run(&patterns, &mut sink);
        self.rounds += 1;
        let mut dropped = 0;
        for (pos, label) in round.labels.iter().enumerate() {
            if let Some(label) = label {
                let i = kept[pos];
                self.drops[i] = Some(Drop {
                    label: *label,
                    round: self.rounds,
                });
                self.drop_order.push(i);
                dropped += 1;
            }
        }
        self.dates.extend(round.dates.iter().map(|&p| kept[p]));
        self.bylines.extend(round.bylines.iter().map(|&p| kept[p]));
        if self.appended_from.is_none() {
            self.appended_from = round.appended_from.map(|p| kept[p]);
        }
        dropped
    }

    /// The segments' output: kept lines, with a blank line where a paragraph broke.
    pub fn join(&self) -> String {
        let kept: Vec<usize> = (0..self.segs.len())
            .filter(|&i| self.drops[i].is_none() && !strip(self.text(i)).is_empty())
            .collect();
        let breaks = paragraph_breaks(&self.segs, &kept);
        let mut out = String::with_capacity(kept.iter().map(|&i| self.text(i).len() + 2).sum());
        for (k, &i) in kept.iter().enumerate() {
            if k > 0 {
                out.push('\n');
            }
            if breaks[k] {
                out.push('\n');
            }
            out.push_str(self.text(i));
        }
        out
    }

    fn classified(&self, i: usize) -> Option<Label> {
        self.drops[i].filter(|d| d.round > 0).map(|d| d.label)
    }

    /// The features of a text (from the memo when the rounds saw it).
    fn feature(&mut self, i: usize, k: &Kernel) -> &Feature {
        let t = current(&self.text, &self.segs, &self.replaced, i);
        let m = self.memo.get(t, k, &self.enabled);
        &self.memo.infos[m as usize].feature
    }

    /// The title: the first headline-like line (of min..=max words) before
    /// the article's first prose line.  Lines the classifier dropped do not
    /// count, except repeats (a title repeated lower down is still the title).
    pub fn title_line(&mut self, k: &Kernel, min_words: usize, max_words: usize) -> Option<usize> {
        for i in 0..self.segs.len() {
            let label = self.classified(i);
            let f = self.feature(i, k).clone();
            if f.prose && label.is_none() {
                return None;
            }
            if label.is_some_and(|l| l.rule != k.ids.repeated_block) {
                continue;
            }
            if f.headline_like && (min_words..=max_words).contains(&f.words) {
                return Some(i);
            }
        }
        None
    }

    /// The first wire dateline ("MOSCOW (AP) -") above any appended article:
    /// the segment, the dateline's text, place and agency.
    pub fn first_dateline(&self, k: &Kernel) -> Option<(usize, String, String, String)> {
        let stop = self.appended_from.unwrap_or(self.segs.len());
        for i in 0..stop {
            let t = self.text(i);
            let head = &t[..crate::text::head_end(t, 120)];
            if !head.contains('(') || dateline_place(k, t).is_none() {
                continue;
            }
            let caps = k.vocab(k.shapes.dateline).captures(head)?;
            let all = strip(caps.get(0)?.as_str()).to_string();
            let place = strip(caps.name("place")?.as_str()).to_string();
            let agency = caps.name("agency")?.as_str().to_string();
            return Some((i, all, place, agency));
        }
        None
    }

    /// Scan the kept lines for spin detection: word counts of `counted`,
    /// entries accepted with every rule and tier allowed, attributions.  The
    /// candidates found are kept for `spin_hits`.
    pub fn spin_scan(
        &mut self,
        k: &Kernel,
        table: &SpinTable,
        counted: &[&str],
        rules: &[bool],
    ) -> SpinScan {
        let mut times: FxHashMap<&str, usize> = FxHashMap::default();
        let mut order: Vec<&str> = Vec::new();
        for i in 0..self.segs.len() {
            let t = current(&self.text, &self.segs, &self.replaced, i);
            if self.drops[i].is_some() || t.is_empty() {
                continue;
            }
            let n = times.entry(t).or_insert(0);
            if *n == 0 {
                order.push(t);
            }
            *n += 1;
        }
        let index: FxHashMap<&str, usize> =
            counted.iter().enumerate().map(|(i, w)| (*w, i)).collect();
        let mut scan = SpinScan {
            counted: vec![0; counted.len()],
            ..SpinScan::default()
        };
        let mut found: FxHashMap<u32, usize> = FxHashMap::default();
        let mut entry_order: Vec<u32> = Vec::new();
        let mut cache = FxHashMap::default();
        let mut toks = Tokens::default();
        for t in order {
            let reps = times[t];
            let (words, counts) = (&mut scan.words, &mut scan.counted);
            let cands = table.scan(t, &mut toks, |w| {
                *words += reps;
                if let Some(&c) = index.get(w) {
                    counts[c] += reps;
                }
            });
            if cands.is_empty() {
                continue;
            }
            for hit in table.accepted(t, &cands, true, rules) {
                let n = found.entry(hit.entry).or_insert(0);
                if *n == 0 {
                    entry_order.push(hit.entry);
                }
                *n += reps;
            }
            if t.contains("mentioned") {
                scan.attributions += reps * k.vocab(k.shapes.mentioned_attribution).count(t);
            }
            cache.insert(hash128(t.as_bytes()), cands);
        }
        self.spin_cands = Some(cache);
        scan.entries = entry_order.into_iter().map(|e| (e, found[&e])).collect();
        scan
    }

    /// The repairs of each kept line: the accepted entries under this
    /// policy (`spun_ok`: the document was judged spun; `rules`: the spin
    /// rules that are on), per segment, in order.  Lines the last spin scan
    /// found no candidate in have none; a line it did not see is scanned.
    pub fn spin_hits(
        &self,
        table: &SpinTable,
        spun_ok: bool,
        rules: &[bool],
    ) -> Vec<(usize, Vec<Hit>)> {
        let mut memo: FxHashMap<&str, Vec<Hit>> = FxHashMap::default();
        let mut out = Vec::new();
        for i in self.kept() {
            let t = self.text(i);
            let hits = memo.entry(t).or_insert_with(|| match &self.spin_cands {
                Some(cache) => cache
                    .get(&hash128(t.as_bytes()))
                    .map_or_else(Vec::new, |c| table.accepted(t, c, spun_ok, rules)),
                None => table.accepted(
                    t,
                    &table.scan(t, &mut Tokens::default(), |_| {}),
                    spun_ok,
                    rules,
                ),
            });
            if !hits.is_empty() {
                out.push((i, hits.clone()));
            }
        }
        out
    }

    /// Number of drops per rule.
    pub fn drop_counts(&self, rules: usize) -> Vec<usize> {
        let mut out = vec![0; rules];
        for d in self.drops.iter().flatten() {
            out[d.label.rule as usize] += 1;
        }
        out
    }
}
