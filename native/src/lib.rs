//! cleantext's kernel: the per-line work of cleaning scraped article text.
//!
//! One document at a time, plain data in and out: segmentation (`lines`),
//! line features (`features`), the pattern rules (`patterns`), the context
//! rules (`context`), the document state the Python pipeline drives
//! (`document`) and the spin-table scan (`spin`).  The rules themselves are
//! declared once, in Python's registry, and compiled here (`kernel`).
//! `python` is the boundary, built only with the `python` feature.

pub mod context;
pub mod document;
pub mod features;
pub mod gate;
pub mod kernel;
pub mod lines;
pub mod patterns;
pub mod spec;
pub mod spin;
pub mod text;
pub mod vocab;

#[cfg(feature = "python")]
mod python;
