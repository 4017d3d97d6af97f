//! The Python boundary: `cleantext._native`.
//!
//! Plain data in and out.  Every call runs under `guarded`, so a panic in the
//! kernel becomes a `cleantext._native.KernelError` (a RuntimeError) instead
//! of unwinding into the interpreter; the heavy calls release the GIL.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::create_exception;
use pyo3::exceptions::{PyIndexError, PyRuntimeError, PyValueError};
use std::collections::HashMap;

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::document::Document;
use crate::kernel::{Kernel, ReasonIdx};
use crate::spec::{ClauseSpec, KernelSpec, RepairScan, RuleSpec, Shape, VocabSpec};
use crate::spin::{EntrySpec, SpinTable};
use crate::text::CharOffsets;

/// A segment as Python sees it: (index, line, start, end, text, blank_before).
type SegmentRow = (usize, usize, usize, usize, String, bool);
/// The spin scan: (words, counts of the asked-for words, [(entry, times)], attributions).
type ScanRow = (usize, Vec<usize>, Vec<(u32, usize)>, usize);
/// A line's spin hits: (segment, [(start, end, entry)]).
type HitsRow = (usize, Vec<(usize, usize, u32)>);

create_exception!(
    _native,
    KernelError,
    PyRuntimeError,
    "A bug in the native kernel (a Rust panic), raised instead of aborting."
);

/// Run `f`, turning a panic into KernelError.
fn guarded<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(KernelError::new_err(format!(
                "cleantext kernel panicked: {msg}"
            )))
        }
    }
}

#[derive(FromPyObject)]
#[pyo3(from_item_all)]
struct ClauseArg {
    vocab: String,
    reason: String,
    max_words: Option<usize>,
    shape: String,
    unquoted: bool,
    tail: Option<usize>,
    also: Option<String>,
    group: Option<(String, String)>,
    filler: Option<String>,
    rest_words: Option<usize>,
    long_lines: bool,
}

#[derive(FromPyObject)]
#[pyo3(from_item_all)]
struct RuleArg {
    id: String,
    stage: String,
    reason: String,
    weight: f64,
    params: Vec<(String, f64)>,
    clauses: Vec<ClauseArg>,
}

/// The boilerplate rules compiled once (see `cleantext.kernel`).
#[pyclass(frozen, name = "Kernel", module = "cleantext._native")]
pub struct PyKernel {
    kernel: Kernel,
}

#[pymethods]
impl PyKernel {
    #[new]
    /// `repair_scan`: (harmless, always, badness, triggers), see `charfix` and `markup`.
    fn new(
        vocabularies: Vec<(String, String, String)>,
        rules: Vec<RuleArg>,
        line_shape: Vec<(String, f64)>,
        repair_scan: (String, String, String, Vec<String>),
    ) -> PyResult<Self> {
        guarded(|| {
            let (harmless, always, badness, triggers) = repair_scan;
            let mut spec = KernelSpec {
                vocabularies: vocabularies
                    .into_iter()
                    .map(|(id, pattern, how)| VocabSpec { id, pattern, how })
                    .collect(),
                rules: Vec::new(),
                line_shape,
                repair_scan: RepairScan {
                    harmless,
                    always,
                    badness,
                    triggers,
                },
            };
            for r in rules {
                let mut clauses = Vec::new();
                for c in r.clauses {
                    clauses.push(ClauseSpec {
                        vocab: c.vocab,
                        reason: c.reason,
                        max_words: c.max_words,
                        shape: Shape::parse(&c.shape).map_err(PyValueError::new_err)?,
                        unquoted: c.unquoted,
                        tail: c.tail,
                        also: c.also,
                        group: c.group,
                        filler: c.filler,
                        rest_words: c.rest_words,
                        long_lines: c.long_lines,
                    });
                }
                spec.rules.push(RuleSpec {
                    id: r.id,
                    stage: r.stage,
                    reason: r.reason,
                    clauses,
                    weight: r.weight,
                    params: r.params,
                });
            }
            let kernel = Kernel::new(&spec).map_err(PyValueError::new_err)?;
            Ok(PyKernel { kernel })
        })
    }

    /// The rule ids the kernel runs, in order.
    #[getter]
    fn rules(&self) -> Vec<String> {
        self.kernel.rule_ids.clone()
    }

    /// Whether a line repair could change `text` (the kernel's scan, for tests).
    fn may_need_repair(&self, text: &str, uncurl_quotes: bool) -> bool {
        self.kernel.may_need_repair(text, uncurl_quotes)
    }

    /// Whether each vocabulary matches `text` the way it is meant to (for tests).
    fn vocabulary_matches(&self, id: &str, text: &str) -> PyResult<bool> {
        guarded(|| {
            let v = self
                .kernel
                .vocabs
                .iter()
                .find(|v| v.id == id)
                .ok_or_else(|| PyValueError::new_err(format!("unknown vocabulary {id}")))?;
            Ok(v.is_match(text))
        })
    }

    /// The match span of a vocabulary in `text`, in characters (for tests).
    fn vocabulary_span(&self, id: &str, text: &str) -> PyResult<Option<(usize, usize)>> {
        guarded(|| {
            let v = self
                .kernel
                .vocabs
                .iter()
                .find(|v| v.id == id)
                .ok_or_else(|| PyValueError::new_err(format!("unknown vocabulary {id}")))?;
            let off = CharOffsets::new(text);
            Ok(v.find(text).map(|(s, e)| (off.of(s), off.of(e))))
        })
    }
}

/// The spin tables' entries in a token trie (see `cleantext.spin.table`).
#[pyclass(frozen, name = "SpinTable", module = "cleantext._native")]
pub struct PySpinTable {
    table: SpinTable,
}

#[pymethods]
impl PySpinTable {
    /// `entries`: (spun, rule number, always, guard or None, pre, suf).
    #[new]
    fn new(entries: Vec<(String, u8, bool, Option<String>, usize, usize)>) -> PyResult<Self> {
        guarded(|| {
            let specs: Vec<EntrySpec> = entries
                .into_iter()
                .map(|(spun, rule, always, guard, pre, suf)| EntrySpec {
                    spun,
                    rule,
                    always,
                    guard,
                    pre,
                    suf,
                })
                .collect();
            Ok(PySpinTable {
                table: SpinTable::new(&specs).map_err(PyValueError::new_err)?,
            })
        })
    }

    fn __len__(&self) -> usize {
        self.table.len()
    }

    /// Accepted entries in one text: (start, end, entry) in characters.
    fn find(
        &self,
        text: &str,
        spun_ok: bool,
        rules: Vec<bool>,
    ) -> PyResult<Vec<(usize, usize, u32)>> {
        guarded(|| {
            let cands = self
                .table
                .scan(text, &mut crate::spin::Tokens::default(), |_| {});
            let off = CharOffsets::new(text);
            let hits = self.table.accepted(text, &cands, spun_ok, &rules);
            Ok(hits
                .into_iter()
                .map(|h| (off.of(h.start), off.of(h.end), h.entry))
                .collect())
        })
    }
}

/// One document while it is cleaned (see `cleantext.pipeline`).
#[pyclass(name = "Document", module = "cleantext._native")]
pub struct PyDocument {
    kernel: Py<PyKernel>,
    doc: Document,
}

impl PyDocument {
    fn k(&self) -> &Kernel {
        &self.kernel.get().kernel
    }

    fn check(&self, i: usize) -> PyResult<()> {
        if i < self.doc.len() {
            Ok(())
        } else {
            Err(PyIndexError::new_err(format!(
                "segment {i} out of range ({} segments)",
                self.doc.len()
            )))
        }
    }
}

#[pymethods]
impl PyDocument {
    /// Split `text` into segments; `enabled` names the boilerplate rules that are on.
    #[new]
    fn new(
        py: Python<'_>,
        kernel: Py<PyKernel>,
        text: &str,
        enabled: Vec<String>,
    ) -> PyResult<Self> {
        guarded(|| {
            let k = &kernel.get().kernel;
            let mut on = vec![false; k.rule_ids.len()];
            for id in &enabled {
                match k.rule_index(id) {
                    Some(r) => on[r as usize] = true,
                    None => {
                        return Err(PyValueError::new_err(format!(
                            "the kernel runs no rule {id:?}"
                        )))
                    }
                }
            }
            let doc = py.detach(|| Document::new(text, on));
            Ok(PyDocument { kernel, doc })
        })
    }

    fn __len__(&self) -> usize {
        self.doc.len()
    }

    /// The newline-normalised text's first `n` characters.
    fn head(&self, n: usize) -> String {
        let t = self.doc.normalised();
        t[..crate::text::head_end(t, n)].to_string()
    }

    /// Every segment as (index, line, start, end, text, blank_before), with
    /// character offsets into the normalised text and the original texts.
    fn segments(&self) -> PyResult<Vec<SegmentRow>> {
        guarded(|| {
            let text = self.doc.normalised();
            let ascii = text.is_ascii();
            let mut out = Vec::with_capacity(self.doc.len());
            let (mut byte, mut chars) = (0usize, 0usize);
            for i in 0..self.doc.len() {
                let s = self.doc.segment(i);
                let (start, end) = if ascii {
                    (s.start, s.end)
                } else {
                    chars += text[byte..s.start].chars().count();
                    let start = chars;
                    chars += text[s.start..s.end].chars().count();
                    byte = s.end;
                    (start, chars)
                };
                out.push((
                    i,
                    s.line,
                    start,
                    end,
                    self.doc.original_text(i).to_string(),
                    s.blank_before,
                ));
            }
            Ok(out)
        })
    }

    /// The segment's current text.
    fn text(&self, i: usize) -> PyResult<String> {
        self.check(i)?;
        Ok(self.doc.text(i).to_string())
    }

    fn set_text(&mut self, i: usize, text: String) -> PyResult<()> {
        self.check(i)?;
        guarded(|| {
            self.doc.set_text(i, text);
            Ok(())
        })
    }

    /// Drop a segment outside classification, with a rule and a reason.
    fn drop_line(&mut self, i: usize, rule: &str) -> PyResult<()> {
        self.check(i)?;
        guarded(|| {
            let k = &self.kernel.get().kernel;
            let r = k.rule_index(rule).ok_or_else(|| {
                PyValueError::new_err(format!("the kernel runs no rule {rule:?}"))
            })?;
            self.doc.drop_line(i, r, k.default_reason[r as usize]);
            Ok(())
        })
    }

    /// Segments whose text a line repair could change.
    fn may_need_repair(&self, py: Python<'_>, uncurl_quotes: bool) -> PyResult<Vec<usize>> {
        guarded(|| Ok(py.detach(|| self.doc.may_need_repair(self.k(), uncurl_quotes))))
    }

    /// One classification round; returns the number of lines it dropped.
    fn classify_round(&mut self, py: Python<'_>) -> PyResult<usize> {
        guarded(|| {
            let k = &self.kernel.get().kernel;
            let doc = &mut self.doc;
            Ok(py.detach(|| doc.classify_round(k)))
        })
    }

    /// The drops at positions since..until of the drop order, each as the
    /// fields of a Python `Action`: (rule, "drop", segment, line, before, "",
    /// 0, 0, reason, stage, "").  Rule, reason and stage strings are shared
    /// between rows: a page of tiny lines can drop a million.
    fn drop_actions<'py>(
        &self,
        py: Python<'py>,
        since: usize,
        until: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        guarded(|| {
            let k = self.k();
            let order = self.doc.drop_order();
            let rows = &order[since.min(order.len())..until.min(order.len())];
            let (drop, empty) = (PyString::intern(py, "drop"), PyString::intern(py, ""));
            let rules: Vec<Bound<'py, PyString>> =
                k.rule_ids.iter().map(|r| PyString::new(py, r)).collect();
            let stages: Vec<Bound<'py, PyString>> =
                k.stages.iter().map(|s| PyString::new(py, s)).collect();
            let mut reasons: HashMap<ReasonIdx, Bound<'py, PyString>> = HashMap::new();
            let list = PyList::empty(py);
            for &i in rows {
                let d = self
                    .doc
                    .drop_of(i)
                    .expect("a segment in the drop order is dropped");
                let rule = d.label.rule as usize;
                let reason = reasons
                    .entry(d.label.reason)
                    .or_insert_with(|| PyString::new(py, self.doc.reason(k, d.label.reason)))
                    .clone();
                let row = (
                    rules[rule].clone(),
                    drop.clone(),
                    i,
                    self.doc.segment(i).line,
                    self.doc.text(i),
                    empty.clone(),
                    0,
                    0,
                    reason,
                    stages[rule].clone(),
                    empty.clone(),
                );
                list.append(row)?;
            }
            Ok(list)
        })
    }

    /// How many segments have been dropped.
    fn dropped(&self) -> usize {
        self.doc.drop_order().len()
    }

    /// Drops per rule id (rules with none left out).
    fn drop_counts(&self) -> Vec<(String, usize)> {
        let k = self.k();
        self.doc
            .drop_counts(k.rule_ids.len())
            .into_iter()
            .enumerate()
            .filter(|(_, n)| *n > 0)
            .map(|(r, n)| (k.rule_ids[r].clone(), n))
            .collect()
    }

    /// Segments of date lines, bylines (in the order found) and the first
    /// segment of an appended article.
    #[getter]
    fn dates(&self) -> Vec<usize> {
        self.doc.dates.clone()
    }

    #[getter]
    fn bylines(&self) -> Vec<usize> {
        self.doc.bylines.clone()
    }

    #[getter]
    fn appended_from(&self) -> Option<usize> {
        self.doc.appended_from
    }

    /// The 1-based line number of segment i in the input.
    fn line(&self, i: usize) -> PyResult<usize> {
        self.check(i)?;
        Ok(self.doc.segment(i).line)
    }

    /// The segments a rule dropped, in order.
    fn rule_lines(&self, rule: &str) -> PyResult<Vec<usize>> {
        let k = self.k();
        let r = k
            .rule_index(rule)
            .ok_or_else(|| PyValueError::new_err(format!("the kernel runs no rule {rule:?}")))?;
        Ok((0..self.doc.len())
            .filter(|&i| self.doc.drop_of(i).is_some_and(|d| d.label.rule == r))
            .collect())
    }

    fn title_line(&mut self, min_words: usize, max_words: usize) -> PyResult<Option<usize>> {
        guarded(|| {
            let k = &self.kernel.get().kernel;
            Ok(self.doc.title_line(k, min_words, max_words))
        })
    }

    /// (segment, text, place, agency) of the first wire dateline, if any.
    fn first_dateline(&self) -> PyResult<Option<(usize, String, String, String)>> {
        guarded(|| Ok(self.doc.first_dateline(self.k())))
    }

    /// Spin detection's scan of the kept lines: (words, counts of `counted`,
    /// [(entry, occurrences)], mentioned attributions).
    fn spin_scan(
        &mut self,
        py: Python<'_>,
        table: &PySpinTable,
        counted: Vec<String>,
        rules: Vec<bool>,
    ) -> PyResult<ScanRow> {
        guarded(|| {
            let words: Vec<&str> = counted.iter().map(String::as_str).collect();
            let k = &self.kernel.get().kernel;
            let doc = &mut self.doc;
            let s = py.detach(|| doc.spin_scan(k, &table.table, &words, &rules));
            Ok((s.words, s.counted, s.entries, s.attributions))
        })
    }

    /// The accepted entries of each kept line under a repair policy:
    /// [(segment, [(start, end, entry)])] with character offsets.
    fn spin_hits(
        &self,
        py: Python<'_>,
        table: &PySpinTable,
        spun_ok: bool,
        rules: Vec<bool>,
    ) -> PyResult<Vec<HitsRow>> {
        guarded(|| {
            let found = py.detach(|| self.doc.spin_hits(&table.table, spun_ok, &rules));
            Ok(found
                .into_iter()
                .map(|(i, hits)| {
                    let off = CharOffsets::new(self.doc.text(i));
                    (
                        i,
                        hits.into_iter()
                            .map(|h| (off.of(h.start), off.of(h.end), h.entry))
                            .collect(),
                    )
                })
                .collect())
        })
    }

    /// The output text: kept lines, paragraphs as in the input.
    fn join(&self, py: Python<'_>) -> PyResult<String> {
        guarded(|| Ok(py.detach(|| self.doc.join())))
    }
}

/// Panic inside the boundary (tests check that this raises KernelError
/// instead of aborting the interpreter).
#[pyfunction]
fn _panic_for_tests(message: &str) -> PyResult<()> {
    guarded(|| panic!("{message}"))
}

#[pymodule]
#[pyo3(name = "_native")]
pub fn native_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add_class::<PyKernel>()?;
    m.add_class::<PySpinTable>()?;
    m.add_class::<PyDocument>()?;
    m.add("KernelError", m.py().get_type::<KernelError>())?;
    Ok(())
}
