//! The kernel: the rule registry compiled once, shared by every document.

use std::collections::HashMap;

use crate::context::ContextReasons;
use crate::gate::Gates;
use crate::spec::{KernelSpec, Shape};
use crate::vocab::{How, Vocab};

/// Index of a boilerplate rule (the order of the registry).
pub type RuleIdx = u16;
/// Index of a reason string (`Kernel::reasons`, then a document's own).
pub type ReasonIdx = u32;

/// A compiled clause of a pattern rule.
#[derive(Debug)]
pub struct Clause {
    pub vocab: usize,
    pub reason: ReasonIdx,
    pub max_words: Option<usize>,
    pub shape: Shape,
    pub unquoted: bool,
    pub tail: Option<usize>,
    pub also: Option<usize>,
    pub group: Option<(String, usize)>,
    pub filler: Option<usize>,
    pub rest_words: Option<usize>,
    pub long_lines: bool,
}

#[derive(Debug)]
pub struct PatternRule {
    pub rule: RuleIdx,
    pub clauses: Vec<Clause>,
}

/// The vocabularies the line features and the context rules read by name.
#[derive(Debug)]
pub struct ShapeVocabs {
    pub caption_marker: usize,
    pub author_name: usize,
    pub author_role: usize,
    pub caps_tag: usize,
    pub dateline: usize,
    pub post_credit: usize,
    pub decorated_end: usize,
    pub emoji_only: usize,
    pub list_item: usize,
    pub speech: usize,
    pub mentioned_attribution: usize,
}

/// The rules the context pass refers to by name.
#[derive(Debug)]
pub struct RuleIds {
    pub html_remnant: RuleIdx,
    pub navigation: RuleIdx,
    pub caption: RuleIdx,
    pub photo_credit: RuleIdx,
    pub date_line: RuleIdx,
    pub byline: RuleIdx,
    pub video_notice: RuleIdx,
    pub link_list: RuleIdx,
    pub comment_form: RuleIdx,
    pub repeated_block: RuleIdx,
    pub image_label: RuleIdx,
    pub category_tag: RuleIdx,
    pub appended_article: RuleIdx,
    pub trailing_headlines: RuleIdx,
    pub outside_main_text: RuleIdx,
}

/// Every threshold the kernel reads; each comes from the registry.
#[derive(Debug)]
pub struct Params {
    pub max_pattern_chars: usize,
    pub headline_max_words: usize,
    pub prose_min_words: usize,
    pub video_title_max_words: usize,
    pub list_sentence_min_words: usize,
    pub list_item_max_words: usize,
    pub box_lines: usize,
    pub box_max_words: usize,
    pub repeat_min_words: usize,
    pub repeat_min_chars: usize,
    pub marker_max_words: usize,
    pub label_max_words: usize,
    pub label_max_chars: usize,
    pub tag_max_words: usize,
    pub kicker_max_words: usize,
    pub kicker_shorter_by: usize,
    pub tag_prose_min_words: usize,
    pub appended_prose_lines: usize,
    pub trailing_min_lines: usize,
    pub trailing_min_words: usize,
    pub main_prose_min_words: usize,
    pub lower_ratio: f64,
    pub fragment_cost: f64,
    pub menu_cost_per_word: f64,
    pub menu_max_words: usize,
    pub secondary_share: f64,
    pub secondary_min: f64,
    pub max_run_searches: usize,
    pub title_lines_above: usize,
    pub title_min_words: usize,
    pub title_max_words: usize,
}

pub struct Kernel {
    /// Each rule's stage ("pattern" or "context"), for its drop actions.
    pub stages: Vec<String>,
    pub vocabs: Vec<Vocab>,
    /// Which vocabularies could match a line (one pass for all).
    pub gates: Gates,
    pub rule_ids: Vec<String>,
    pub default_reason: Vec<ReasonIdx>,
    pub weights: Vec<f64>,
    pub pattern_rules: Vec<PatternRule>,
    pub reasons: Vec<String>,
    pub shapes: ShapeVocabs,
    pub ids: RuleIds,
    pub p: Params,
    pub ctx: ContextReasons,
    /// The line-repair scan (sorted characters, for binary search).
    harmless: Vec<char>,
    always: Vec<char>,
    badness: regex::Regex,
    triggers: regex::Regex,
}

/// Reads named parameters once each and refuses unknown or missing ones.
struct ParamReader {
    values: HashMap<String, f64>,
}

impl ParamReader {
    fn take(&mut self, key: &str) -> Result<f64, String> {
        self.values
            .remove(key)
            .ok_or_else(|| format!("the registry gives no parameter {key}"))
    }

    fn count(&mut self, key: &str) -> Result<usize, String> {
        let v = self.take(key)?;
        if v < 0.0 || v.fract() != 0.0 || v > 1e9 {
            return Err(format!("parameter {key} must be a whole number, not {v}"));
        }
        Ok(v as usize)
    }

    fn finish(self) -> Result<(), String> {
        let mut left: Vec<&String> = self.values.keys().collect();
        if left.is_empty() {
            return Ok(());
        }
        left.sort();
        Err(format!(
            "the kernel reads no parameter {}",
            left.iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
}

impl Kernel {
    pub fn new(spec: &KernelSpec) -> Result<Kernel, String> {
        let mut vocabs = Vec::new();
        let mut vocab_idx: HashMap<&str, usize> = HashMap::new();
        for v in &spec.vocabularies {
            if vocab_idx.insert(v.id.as_str(), vocabs.len()).is_some() {
                return Err(format!("vocabulary {} is declared twice", v.id));
            }
            vocabs.push(Vocab::new(&v.id, &v.pattern, How::parse(&v.how)?)?);
        }
        let vocab = |id: &str| -> Result<usize, String> {
            vocab_idx
                .get(id)
                .copied()
                .ok_or_else(|| format!("unknown vocabulary {id}"))
        };

        let mut reasons: Vec<String> = Vec::new();
        let mut intern = |s: &str| -> ReasonIdx {
            match reasons.iter().position(|r| r == s) {
                Some(i) => i as ReasonIdx,
                None => {
                    reasons.push(s.to_string());
                    (reasons.len() - 1) as ReasonIdx
                }
            }
        };

        let mut rule_ids = Vec::new();
        let mut stages = Vec::new();
        let mut default_reason = Vec::new();
        let mut weights = Vec::new();
        let mut pattern_rules = Vec::new();
        let mut params = ParamReader {
            values: HashMap::new(),
        };
        for (k, v) in &spec.line_shape {
            params.values.insert(k.clone(), *v);
        }
        for r in &spec.rules {
            if r.stage != "pattern" && r.stage != "context" {
                return Err(format!(
                    "rule {}: the kernel runs pattern and context rules, not {}",
                    r.id, r.stage
                ));
            }
            if rule_ids.contains(&r.id) {
                return Err(format!("rule {} is declared twice", r.id));
            }
            let idx = rule_ids.len() as RuleIdx;
            rule_ids.push(r.id.clone());
            stages.push(r.stage.clone());
            default_reason.push(intern(&r.reason));
            weights.push(r.weight);
            for (k, v) in &r.params {
                params.values.insert(format!("{}.{}", r.id, k), *v);
            }
            if r.clauses.is_empty() {
                continue;
            }
            let mut clauses = Vec::new();
            for c in &r.clauses {
                let group = match &c.group {
                    Some((name, v)) => {
                        let owner = &vocabs[vocab(&c.vocab)?];
                        if !owner.has_group(name) {
                            return Err(format!(
                                "rule {}: vocabulary {} has no group {name}",
                                r.id, c.vocab
                            ));
                        }
                        Some((name.clone(), vocab(v)?))
                    }
                    None => None,
                };
                if c.rest_words.is_some() != c.filler.is_some() {
                    return Err(format!("rule {}: rest_words and filler go together", r.id));
                }
                clauses.push(Clause {
                    vocab: vocab(&c.vocab)?,
                    reason: intern(&c.reason),
                    max_words: c.max_words,
                    shape: c.shape,
                    unquoted: c.unquoted,
                    tail: c.tail,
                    also: c.also.as_deref().map(vocab).transpose()?,
                    group,
                    filler: c.filler.as_deref().map(vocab).transpose()?,
                    rest_words: c.rest_words,
                    long_lines: c.long_lines,
                });
            }
            pattern_rules.push(PatternRule { rule: idx, clauses });
        }
        let rule = |id: &str| -> Result<RuleIdx, String> {
            rule_ids
                .iter()
                .position(|r| r == id)
                .map(|i| i as RuleIdx)
                .ok_or_else(|| format!("the registry has no rule {id}"))
        };
        let ids = RuleIds {
            html_remnant: rule("html_remnant")?,
            navigation: rule("navigation")?,
            caption: rule("caption")?,
            photo_credit: rule("photo_credit")?,
            date_line: rule("date_line")?,
            byline: rule("byline")?,
            video_notice: rule("video_notice")?,
            link_list: rule("link_list")?,
            comment_form: rule("comment_form")?,
            repeated_block: rule("repeated_block")?,
            image_label: rule("image_label")?,
            category_tag: rule("category_tag")?,
            appended_article: rule("appended_article")?,
            trailing_headlines: rule("trailing_headlines")?,
            outside_main_text: rule("outside_main_text")?,
        };
        let shapes = ShapeVocabs {
            caption_marker: vocab("caption_marker")?,
            author_name: vocab("author_name")?,
            author_role: vocab("author_role")?,
            caps_tag: vocab("caps_tag")?,
            dateline: vocab("dateline")?,
            post_credit: vocab("post_credit")?,
            decorated_end: vocab("decorated_end")?,
            emoji_only: vocab("emoji_only")?,
            list_item: vocab("list_item")?,
            speech: vocab("speech")?,
            mentioned_attribution: vocab("mentioned_attribution")?,
        };
        let pr = &mut params;
        let p = Params {
            max_pattern_chars: pr.count("max_pattern_chars")?,
            headline_max_words: pr.count("headline_max_words")?,
            prose_min_words: pr.count("prose_min_words")?,
            video_title_max_words: pr.count("video_notice.title_max_words")?,
            list_sentence_min_words: pr.count("link_list.sentence_min_words")?,
            list_item_max_words: pr.count("link_list.item_max_words")?,
            box_lines: pr.count("byline.box_lines")?,
            box_max_words: pr.count("byline.box_max_words")?,
            repeat_min_words: pr.count("repeated_block.min_words")?,
            repeat_min_chars: pr.count("repeated_block.min_chars")?,
            marker_max_words: pr.count("image_label.marker_max_words")?,
            label_max_words: pr.count("image_label.label_max_words")?,
            label_max_chars: pr.count("image_label.label_max_chars")?,
            tag_max_words: pr.count("category_tag.tag_max_words")?,
            kicker_max_words: pr.count("category_tag.kicker_max_words")?,
            kicker_shorter_by: pr.count("category_tag.shorter_by")?,
            tag_prose_min_words: pr.count("category_tag.prose_min_words")?,
            appended_prose_lines: pr.count("appended_article.prose_lines_before")?,
            trailing_min_lines: pr.count("trailing_headlines.min_lines")?,
            trailing_min_words: pr.count("trailing_headlines.min_words")?,
            main_prose_min_words: pr.count("outside_main_text.prose_min_words")?,
            lower_ratio: pr.take("outside_main_text.lower_ratio")?,
            fragment_cost: pr.take("outside_main_text.fragment_cost")?,
            menu_cost_per_word: pr.take("outside_main_text.menu_cost_per_word")?,
            menu_max_words: pr.count("outside_main_text.menu_max_words")?,
            secondary_share: pr.take("outside_main_text.secondary_share")?,
            secondary_min: pr.take("outside_main_text.secondary_min")?,
            max_run_searches: pr.count("outside_main_text.max_run_searches")?,
            title_lines_above: pr.count("outside_main_text.title_lines_above")?,
            title_min_words: pr.count("outside_main_text.title_min_words")?,
            title_max_words: pr.count("outside_main_text.title_max_words")?,
        };
        params.finish()?;
        let ctx = ContextReasons {
            marker_neighbour: intern("alt text or caption beside a 'Picture:' marker"),
            alt_text: intern("alt text repeating the caption below it"),
            short_label: intern("short image label beside a caption"),
            author_box: intern("author name in an author box"),
            video_title: intern("title of an embedded video"),
            list_item: intern("item of a related-links list"),
            caps_tag: intern("all-caps section tag above the article"),
            kicker: intern("short kicker above the headline"),
        };
        let sorted = |s: &str| -> Vec<char> {
            let mut v: Vec<char> = s.chars().collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let scan = &spec.repair_scan;
        let badness = regex::RegexBuilder::new(&scan.badness)
            .dfa_size_limit(16 << 20)
            .build()
            .map_err(|e| format!("the mojibake test does not compile: {e}"))?;
        let either = scan
            .triggers
            .iter()
            .map(|t| format!("(?:{t})"))
            .collect::<Vec<_>>()
            .join("|");
        let triggers = regex::Regex::new(if either.is_empty() {
            "[^\\s\\S]"
        } else {
            &either
        })
        .map_err(|e| format!("the repair triggers do not compile: {e}"))?;
        // The pattern rules' clauses look a line's vocabularies up first.
        let mut gated = vec![false; vocabs.len()];
        for c in pattern_rules.iter().flat_map(|r| &r.clauses) {
            gated[c.vocab] = true;
        }
        let gates = Gates::new(
            &vocabs.iter().map(|v| v.source.clone()).collect::<Vec<_>>(),
            &gated,
        )?;
        Ok(Kernel {
            stages,
            vocabs,
            gates,
            rule_ids,
            default_reason,
            weights,
            pattern_rules,
            reasons,
            shapes,
            ids,
            p,
            ctx,
            harmless: sorted(&scan.harmless),
            always: sorted(&scan.always),
            badness,
            triggers,
        })
    }

    #[inline]
    pub fn vocab(&self, i: usize) -> &Vocab {
        &self.vocabs[i]
    }

    /// The rule index of a rule id, if the kernel runs that rule.
    pub fn rule_index(&self, id: &str) -> Option<RuleIdx> {
        self.rule_ids
            .iter()
            .position(|r| r == id)
            .map(|i| i as RuleIdx)
    }

    /// Whether a line repair could change `text`: it holds a character a
    /// repair acts on wherever it is (a control character), an HTML entity or
    /// a tag's start, or mojibake (ftfy's own test, run only on lines with a
    /// character outside printable ASCII and ftfy's harmless typography).
    /// With `uncurl_quotes` any character outside ASCII may be a quote to
    /// straighten.
    pub fn may_need_repair(&self, text: &str, uncurl_quotes: bool) -> bool {
        let mut exotic = false;
        let mut markup = false;
        for c in text.chars() {
            if (' '..='~').contains(&c) {
                markup = markup || c == '&' || c == '<';
            } else if c != '\t' {
                if uncurl_quotes || self.always.binary_search(&c).is_ok() {
                    return true;
                }
                exotic = exotic || self.harmless.binary_search(&c).is_err();
            }
        }
        (markup && self.triggers.is_match(text)) || (exotic && self.badness.is_match(text))
    }
}
