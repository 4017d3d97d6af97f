//! The body of the native fuzz target, shared by `fuzz_targets/document.rs`
//! (libFuzzer, `cargo +nightly fuzz run`) and `tests/regressions.rs` (stable
//! `cargo test`, which replays tests/regressions/*.json and the saved
//! artifacts through it).
//!
//! The kernel and the spin table are built once from `spec.json`, which
//! `export_spec.py` writes from the Python package's rule registry, so the
//! target runs the rules the package runs.  One input is one document: the
//! bytes as (lossy) UTF-8, driven through the calls the Python pipeline
//! makes, in its order (split, repair scan, a line repair or two, rounds of
//! classification with the spin scan and repairs after the first, title,
//! dateline, join), plus every line on its own through the features and the
//! pattern rules.  One input in eight is also made into a line of over
//! 128 KB, which the spin scan reads in pieces: its words and candidates are
//! checked against the whole line's tokens and short windows, its repeat key
//! against other spacings.  Any panic is a bug; so is a broken contract
//! between the kernel and the pipeline, which the `assert!`s below state.

use std::path::PathBuf;
use std::sync::OnceLock;

use cleantext_kernel::document::Document;
use cleantext_kernel::features;
use cleantext_kernel::kernel::Kernel;
use cleantext_kernel::patterns;
use cleantext_kernel::spec::{ClauseSpec, KernelSpec, RepairScan, RuleSpec, Shape, VocabSpec};
use cleantext_kernel::spin::{EntrySpec, SpinTable, Tokens, PIECE};
use cleantext_kernel::text::strip;
use serde_json::Value;

/// The pipeline's cap on classification rounds (`pipeline.MAX_ROUNDS`).
const MAX_ROUNDS: usize = 6;

pub struct Setup {
    pub kernel: Kernel,
    pub table: SpinTable,
    /// What a hit's core is replaced with (the entry's original core).
    pub cores: Vec<String>,
    /// The words spin detection counts.
    pub counted: Vec<String>,
    pub spin_rules: usize,
    pub title_words: (usize, usize),
    /// The most tokens in a spin entry: how far a walk of the scan can run.
    pub depth: usize,
}

/// Where the spec is: `$CLEANTEXT_FUZZ_SPEC`, else `spec.json` next to Cargo.toml.
pub fn spec_path() -> PathBuf {
    std::env::var_os("CLEANTEXT_FUZZ_SPEC")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/spec.json")))
}

fn s(v: &Value) -> String {
    v.as_str().expect("a string").to_string()
}

fn opt_s(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn opt_n(v: &Value) -> Option<usize> {
    v.as_u64().map(|n| n as usize)
}

fn pairs(v: &Value) -> Vec<(String, f64)> {
    v.as_array()
        .expect("a list of pairs")
        .iter()
        .map(|p| (s(&p[0]), p[1].as_f64().expect("a number")))
        .collect()
}

/// The spec from the arguments `cleantext.kernel.kernel()` passes to
/// `_native.Kernel` (recorded by export_spec.py), as python.rs turns them into one.
fn kernel_spec(j: &Value) -> KernelSpec {
    let args = j["kernel"].as_array().expect("kernel: the Kernel arguments");
    let vocabularies = args[0]
        .as_array()
        .expect("vocabularies")
        .iter()
        .map(|v| VocabSpec {
            id: s(&v[0]),
            pattern: s(&v[1]),
            how: s(&v[2]),
        })
        .collect();
    let rules = args[1]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| RuleSpec {
            id: s(&r["id"]),
            stage: s(&r["stage"]),
            reason: s(&r["reason"]),
            weight: r["weight"].as_f64().expect("weight"),
            params: pairs(&r["params"]),
            clauses: r["clauses"]
                .as_array()
                .expect("clauses")
                .iter()
                .map(|c| ClauseSpec {
                    vocab: s(&c["vocab"]),
                    reason: s(&c["reason"]),
                    max_words: opt_n(&c["max_words"]),
                    shape: Shape::parse(c["shape"].as_str().expect("shape")).expect("a shape"),
                    unquoted: c["unquoted"].as_bool().expect("unquoted"),
                    tail: opt_n(&c["tail"]),
                    also: opt_s(&c["also"]),
                    group: c["group"].as_array().map(|g| (s(&g[0]), s(&g[1]))),
                    filler: opt_s(&c["filler"]),
                    rest_words: opt_n(&c["rest_words"]),
                    long_lines: c["long_lines"].as_bool().expect("long_lines"),
                })
                .collect(),
        })
        .collect();
    let scan = args[3].as_array().expect("repair_scan");
    KernelSpec {
        vocabularies,
        rules,
        line_shape: pairs(&args[2]),
        repair_scan: repair_scan(scan),
    }
}

/// (harmless, always, badness, triggers), as `kernel.spec()` gives them.
fn repair_scan(scan: &[Value]) -> RepairScan {
    assert_eq!(scan.len(), 4, "repair_scan: (harmless, always, badness, triggers)");
    RepairScan {
        harmless: s(&scan[0]),
        always: s(&scan[1]),
        badness: s(&scan[2]),
        triggers: scan[3].as_array().expect("triggers").iter().map(s).collect(),
    }
}

fn load() -> Setup {
    let path = spec_path();
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `.venv/bin/python fuzz/native/export_spec.py` first",
            path.display()
        )
    });
    let j: Value = serde_json::from_str(&raw).expect("spec.json is JSON");
    let kernel = Kernel::new(&kernel_spec(&j)).expect("the kernel builds from the registry");
    let entries: Vec<EntrySpec> = j["spin_entries"]
        .as_array()
        .expect("spin_entries")
        .iter()
        .map(|e| EntrySpec {
            spun: s(&e[0]),
            rule: e[1].as_u64().expect("rule") as u8,
            always: e[2].as_bool().expect("always"),
            guard: opt_s(&e[3]),
            pre: e[4].as_u64().expect("pre") as usize,
            suf: e[5].as_u64().expect("suf") as usize,
        })
        .collect();
    let table = SpinTable::new(&entries).expect("the spin table builds");
    let depth = entries.iter().map(|e| Tokens::new(&e.spun).list.len()).max().unwrap_or(0);
    let cores: Vec<String> = j["spin_cores"]
        .as_array()
        .expect("spin_cores")
        .iter()
        .map(s)
        .collect();
    assert_eq!(cores.len(), table.len());
    let counted = j["counted"]
        .as_array()
        .expect("counted")
        .iter()
        .map(s)
        .collect();
    let spin_rules = j["spin_rules"].as_array().expect("spin_rules").len();
    let t = &j["title_words"];
    Setup {
        kernel,
        table,
        cores,
        counted,
        spin_rules,
        title_words: (opt_n(&t[0]).expect("min"), opt_n(&t[1]).expect("max")),
        depth,
    }
}

/// The kernel and spin table, built on first use.
pub fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(load)
}

/// The largest char boundary of `t` at or below `i`.
fn floor(t: &str, i: usize) -> usize {
    let mut i = i.min(t.len());
    while !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Control bytes for the choices a document needs (which segment a repair
/// rewrites, the spin policy): the input's last bytes, so that mutations of
/// the text's start leave them alone.
struct Ctl<'a>(&'a [u8]);

impl Ctl<'_> {
    fn byte(&self, back: usize) -> u8 {
        let n = self.0.len();
        if back < n {
            self.0[n - 1 - back]
        } else {
            0
        }
    }
}

/// Check that hits are ordered, disjoint byte ranges on char boundaries of `t`.
fn check_hits(t: &str, hits: &[cleantext_kernel::spin::Hit], table: &SpinTable) {
    let mut at = 0;
    for h in hits {
        assert!(
            h.start >= at && h.start <= h.end && h.end <= t.len(),
            "spin hit {h:?} out of order or out of {t:?}"
        );
        assert!(
            t.is_char_boundary(h.start) && t.is_char_boundary(h.end),
            "spin hit {h:?} not on char boundaries of {t:?}"
        );
        assert!((h.entry as usize) < table.len());
        at = h.end;
    }
}

/// One fuzz input: see the module docs.  One input in eight is also made
/// into a line of more than two pieces (`spin::PIECE`, 64 KB), the size
/// from which the spin scan reads a line piece by piece.
pub fn run(data: &[u8]) {
    let ctl = Ctl(data);
    let text = String::from_utf8_lossy(data);
    run_text(&text, &ctl);
    if ctl.byte(3) & 0xE0 == 0xE0 {
        long_line(&text, &ctl);
    }
}

/// The input as one line (line breaks made spaces), repeated past 2 pieces
/// (glued or space-separated, by the control byte); then checked against
/// the whole-line tokenizer, for spaces of every kind, and through the body.
fn long_line(text: &str, ctl: &Ctl<'_>) {
    let st = setup();
    let k = &st.kernel;
    let one: String = text
        .chars()
        .map(|c| if matches!(c, '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}') { ' ' } else { c })
        .collect();
    let one = strip(&one);
    if one.is_empty() {
        return;
    }
    let sep = if ctl.byte(2) & 1 == 0 { " " } else { "" };
    let target = 2 * PIECE + (ctl.byte(2) as usize) * 257;
    let mut long = String::with_capacity(target + one.len() + 1);
    while long.len() < target {
        if !long.is_empty() {
            long.push_str(sep);
        }
        long.push_str(one);
    }
    let long = long.as_str();

    // Words: the piece-by-piece scan against the whole line's tokens.
    let whole = Tokens::new(long);
    let expected: Vec<&str> = (0..whole.list.len())
        .filter(|&i| whole.list[i].word && long.as_bytes()[whole.list[i].end - 1] != b'_')
        .map(|i| whole.norm(long, i))
        .collect();
    let mut words: Vec<String> = Vec::new();
    let cands = st.table.scan(long, &mut Tokens::default(), |w| words.push(w.to_string()));
    assert!(words.iter().map(String::as_str).eq(expected.iter().copied()), "the pieces' words differ from the line's");
    for w in cands.windows(2) {
        assert!(w[0].spans[0].0 < w[1].spans[0].0, "candidates out of order");
    }

    // Candidates: around every cut between pieces, the long line's must be a
    // short window's (a window of whole tokens is scanned in one piece).
    let d = st.depth.max(1);
    let n = whole.list.len();
    let mut from = 0;
    while long.len() - from > PIECE {
        let cut = token_boundary(long, from + PIECE);
        let ti = whole.list.partition_point(|t| t.start < cut);
        let (lo, hi) = (ti.saturating_sub(d), (ti + 2 * d).min(n));
        let mid = (ti + d).min(hi);
        if lo < mid {
            let (ws, we) = (whole.list[lo].start, whole.list[hi - 1].end);
            let last = whole.list[mid - 1].start;
            let in_long: Vec<Vec<(usize, usize)>> = cands
                .iter()
                .filter(|c| (ws..=last).contains(&c.spans[0].0))
                .map(|c| c.spans.clone())
                .collect();
            let in_window: Vec<Vec<(usize, usize)>> = st
                .table
                .scan(&long[ws..we], &mut Tokens::default(), |_| {})
                .iter()
                .map(|c| c.spans.iter().map(|&(a, b)| (a + ws, b + ws)).collect::<Vec<_>>())
                .filter(|spans| spans[0].0 <= last)
                .collect();
            assert_eq!(in_long, in_window, "candidates around the cut at byte {cut} differ");
        }
        from = cut;
    }

    // The repeat key does not depend on how words are spaced (fast ASCII
    // path, the slow one, non-ASCII spaces), however long the line.
    let mut key = Vec::new();
    let f = features::compute(long, k, &mut key);
    let spaced = long.replace(' ', "  ");
    let nbsp = long.replace(' ', "\u{a0}");
    for other in [&spaced, &nbsp] {
        let g = features::compute(other, k, &mut key);
        assert_eq!(f.repeat_key, g.repeat_key, "the repeat key depends on the spacing");
    }
    if let Some(first) = f.repeat_key {
        key.clear();
        cleantext_kernel::text::repeat_key_into(long, &mut key);
        assert_eq!(Some(cleantext_kernel::features::hash128(&key)), Some(first));
    }

    run_text(long, ctl);
}

/// `spin::token_boundary` (private): the first place at or after `at` that
/// is not between two word characters.
fn token_boundary(text: &str, at: usize) -> usize {
    let mut p = at.min(text.len());
    while !text.is_char_boundary(p) {
        p += 1;
    }
    let mut before = text[..p].chars().next_back();
    for (k, c) in text[p..].char_indices() {
        if !(before.is_some_and(cleantext_kernel::text::is_word) && cleantext_kernel::text::is_word(c)) {
            return p + k;
        }
        before = Some(c);
    }
    text.len()
}

fn run_text(text: &str, ctl: &Ctl<'_>) {
    let st = setup();
    let k = &st.kernel;
    let nrules = k.rule_ids.len();

    let mut doc = Document::new(text, vec![true; nrules]);
    let n = doc.len();
    let norm = doc.normalised().to_string();
    assert!(!norm.contains(['\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}']));
    let mut prev_end = 0;
    for i in 0..n {
        let seg = *doc.segment(i);
        assert!(
            prev_end <= seg.start && seg.start < seg.end && seg.end <= norm.len(),
            "segment {i} {seg:?}"
        );
        let t = doc.original_text(i);
        assert_eq!(strip(t), t, "segment {i} is not trimmed");
        assert!(!t.contains('\n'));
        assert_eq!(doc.text(i), t);
        prev_end = seg.end;
    }

    // Every line on its own (raw and trimmed): features, pattern rules, repair scan.
    let mut key = Vec::new();
    let all = vec![true; nrules];
    for line in norm.split('\n').chain(text.split('\n')).take(400) {
        for l in [line, strip(line)] {
            let f = features::compute(l, k, &mut key);
            if let Some((r, reason)) = patterns::first_match(l, &f, &key, k, &all) {
                assert!((r as usize) < nrules);
                assert!((reason as usize) < k.reasons.len());
            }
            let _ = k.may_need_repair(l, false);
            let _ = k.may_need_repair(l, true);
        }
    }

    // The line-repair stage: the scan, then a repair rewrites one segment
    // (to a slice of the input, trimmed as repairs leave it, or to nothing)
    // and may drop another as markup.
    let c0 = ctl.byte(0);
    let c1 = ctl.byte(1);
    let c2 = ctl.byte(2);
    let c3 = ctl.byte(3);
    for uncurl in [false, true] {
        let need = doc.may_need_repair(k, uncurl);
        assert!(need.windows(2).all(|w| w[0] < w[1]) && need.iter().all(|&i| i < n));
    }
    if n > 0 {
        let i = c1 as usize % n;
        let a = floor(&norm, (c2 as usize * norm.len()) / 256);
        let b = floor(&norm, a + 1 + c3 as usize);
        let slice = &norm[a..b.max(a)];
        let new = match c0 % 4 {
            0 => String::new(),
            1 => slice.to_string(),
            // A repair never leaves a line break inside a segment.
            _ => strip(&slice.replace('\n', " ")).to_string(),
        };
        doc.set_text(i, new.clone());
        assert_eq!(doc.text(i), new);
        if c0 & 16 != 0 && n > 1 {
            let j = (i + 1) % n;
            let r = k.ids.html_remnant;
            doc.drop_line(j, r, k.default_reason[r as usize]);
        }
    }

    // Classification rounds, with the spin stage after the first (pipeline.py).
    let spun_ok = c0 & 4 != 0;
    let rules: Vec<bool> = (0..st.spin_rules).map(|r| c0 & (32 << r) == 0).collect();
    let counted: Vec<&str> = st.counted.iter().map(String::as_str).collect();
    for round in 0..MAX_ROUNDS {
        let dropped = doc.classify_round(k);
        if round == 0 {
            let scan = doc.spin_scan(k, &st.table, &counted, &vec![true; st.spin_rules]);
            assert_eq!(scan.counted.len(), counted.len());
            assert!(scan.counted.iter().all(|&c| c <= scan.words));
            for &(e, times) in &scan.entries {
                assert!((e as usize) < st.table.len() && times > 0);
            }
            let hits = doc.spin_hits(&st.table, spun_ok, &rules);
            let kept = doc.kept();
            for (i, hs) in &hits {
                assert!(kept.contains(i), "spin hits in segment {i}, which is not kept");
                let t = doc.text(*i).to_string();
                check_hits(&t, hs, &st.table);
                for h in hs {
                    assert!(rules[st.table.rule_of(h.entry) as usize]);
                    assert!(spun_ok || st.table.is_always(h.entry));
                }
                // The repairs, last first so the earlier offsets hold.
                let mut out = t.clone();
                for h in hs.iter().rev() {
                    out.replace_range(h.start..h.end, &st.cores[h.entry as usize]);
                }
                doc.set_text(*i, out);
            }
        } else if dropped == 0 {
            break;
        }
    }
    let kept = doc.kept();
    for &i in &kept {
        assert!(doc.drop_of(i).is_none());
    }
    for &i in doc.drop_order() {
        let d = doc.drop_of(i).expect("a segment in the drop order is dropped");
        assert!((d.label.rule as usize) < nrules);
        let _ = doc.reason(k, d.label.reason);
    }
    let counts = doc.drop_counts(nrules);
    assert_eq!(counts.iter().sum::<usize>(), doc.drop_order().len());
    for &i in doc.dates.iter().chain(&doc.bylines) {
        assert!(i < n);
    }
    if let Some(a) = doc.appended_from {
        assert!(a < n);
    }

    // Metadata.
    let (lo, hi) = st.title_words;
    if let Some(i) = doc.title_line(k, lo, hi) {
        assert!(i < n);
    }
    let _ = doc.title_line(k, 0, usize::MAX);
    if let Some((i, _all, _place, _agency)) = doc.first_dateline(k) {
        assert!(i < n);
    }

    // The output: every kept line, in order, nothing else.
    let out = doc.join();
    let mut lines = out.split('\n').filter(|l| !l.is_empty());
    for i in 0..n {
        if doc.drop_of(i).is_none() && !strip(doc.text(i)).is_empty() {
            for part in doc.text(i).split('\n').filter(|l| !l.is_empty()) {
                assert_eq!(lines.next(), Some(part), "join lost segment {i}");
            }
        }
    }
    assert_eq!(lines.next(), None, "join wrote a line of no segment");

    // A scan without a prior spin scan (spin_hits on a fresh document scans itself).
    let fresh = Document::new(&out, vec![true; nrules]);
    for (i, hs) in fresh.spin_hits(&st.table, true, &vec![true; st.spin_rules]) {
        check_hits(fresh.text(i), &hs, &st.table);
    }
}
