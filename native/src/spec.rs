//! The plain data the kernel is built from: the rule registry as Python declares it.
//!
//! Nothing here is compiled or checked; `kernel::Kernel::new` does that and
//! refuses a spec that names an unknown vocabulary, rule or parameter.

/// A line shape a clause may require.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Any,
    /// 1..=headline_max_words words, no clause-ending punctuation.
    Headline,
    NotTerminal,
    NotSentenceEnd,
}

impl Shape {
    pub fn parse(name: &str) -> Result<Shape, String> {
        match name {
            "any" => Ok(Shape::Any),
            "headline" => Ok(Shape::Headline),
            "not_terminal" => Ok(Shape::NotTerminal),
            "not_sentence_end" => Ok(Shape::NotSentenceEnd),
            _ => Err(format!("unknown line shape {name:?}")),
        }
    }
}

#[derive(Clone, Debug)]
pub struct VocabSpec {
    pub id: String,
    pub pattern: String,
    pub how: String,
}

/// One clause of a pattern rule (see the Python `Clause` for its meaning).
#[derive(Clone, Debug)]
pub struct ClauseSpec {
    pub vocab: String,
    pub reason: String,
    pub max_words: Option<usize>,
    pub shape: Shape,
    pub unquoted: bool,
    pub tail: Option<usize>,
    pub also: Option<String>,
    pub group: Option<(String, String)>,
    pub filler: Option<String>,
    pub rest_words: Option<usize>,
    pub long_lines: bool,
}

impl ClauseSpec {
    /// A clause with only a vocabulary and a reason.
    pub fn new(vocab: &str, reason: &str) -> ClauseSpec {
        ClauseSpec {
            vocab: vocab.to_string(),
            reason: reason.to_string(),
            max_words: None,
            shape: Shape::Any,
            unquoted: false,
            tail: None,
            also: None,
            group: None,
            filler: None,
            rest_words: None,
            long_lines: false,
        }
    }
}

#[derive(Clone, Debug)]
pub struct RuleSpec {
    pub id: String,
    /// "pattern" or "context" (repair and spin rules do not reach the kernel).
    pub stage: String,
    pub reason: String,
    pub clauses: Vec<ClauseSpec>,
    /// What a line this rule dropped weighs in the main-text search.
    pub weight: f64,
    pub params: Vec<(String, f64)>,
}

#[derive(Clone, Debug, Default)]
pub struct KernelSpec {
    pub vocabularies: Vec<VocabSpec>,
    pub rules: Vec<RuleSpec>,
    /// Parameters of the line features (`max_pattern_chars`, ...).
    pub line_shape: Vec<(String, f64)>,
    /// What the line-repair scan looks for (see `Kernel::may_need_repair`).
    pub repair_scan: RepairScan,
}

/// The line repairs' triggers, as Python's ftfy defines them.
#[derive(Clone, Debug, Default)]
pub struct RepairScan {
    /// Characters outside printable ASCII that alone never need a repair
    /// (ftfy's harmless typography).
    pub harmless: String,
    /// Characters that may need a repair wherever they are (controls).
    pub always: String,
    /// ftfy's mojibake test, for lines with any other character.
    pub badness: String,
    /// Patterns after an `&` or a `<` that a repair acts on (an HTML entity,
    /// a tag's start).
    pub triggers: Vec<String>,
}
