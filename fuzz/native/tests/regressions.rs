//! Replays inputs through the fuzz target's body on stable Rust:
//! every tests/regressions/*.json text (as UTF-8; lone surrogates become
//! U+FFFD, as the pipeline makes them) and every file in fuzz/native/regressions/.
//!
//!     .venv/bin/python fuzz/native/export_spec.py && cargo test --manifest-path fuzz/native/Cargo.toml

use std::path::Path;

fn replay(name: &str, data: &[u8]) {
    let r = std::panic::catch_unwind(|| cleantext_kernel_fuzz::run(data));
    assert!(r.is_ok(), "{name}: the kernel panicked");
}

/// JSON escapes of lone surrogates (which serde_json refuses) as U+FFFD,
/// what the pipeline turns them into before the kernel sees the text.
fn without_lone_surrogates(json: &str) -> String {
    let b = json.as_bytes();
    let unit = |i: usize| -> Option<u16> {
        if b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u') && i + 6 <= b.len() {
            u16::from_str_radix(&json[i + 2..i + 6], 16).ok()
        } else {
            None
        }
    };
    let mut out = String::with_capacity(json.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && b.get(i + 1) == Some(&b'\\') {
            out.push_str("\\\\");
            i += 2;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF) if matches!(unit(i + 6), Some(0xDC00..=0xDFFF)) => {
                out.push_str(&json[i..i + 12]);
                i += 12;
            }
            Some(0xD800..=0xDFFF) => {
                out.push_str("\\ufffd");
                i += 6;
            }
            _ => {
                let c = json[i..].chars().next().unwrap();
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

#[test]
fn surrogates() {
    assert_eq!(without_lone_surrogates(r#""a\ud800b\ud83d\ude00\\ud800""#), r#""a\ufffdb\ud83d\ude00\\ud800""#);
}

#[test]
fn json_regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/regressions");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let raw = without_lone_surrogates(&std::fs::read_to_string(&p).unwrap());
            let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
            replay(&p.display().to_string(), v["text"].as_str().unwrap().as_bytes());
            n += 1;
        }
    }
    assert!(n > 0);
}

#[test]
fn saved_inputs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    for e in entries {
        let p = e.unwrap().path();
        replay(&p.display().to_string(), &std::fs::read(&p).unwrap());
    }
}

/// The long-line checks (one input in eight when fuzzing) on the fixtures and
/// a spun sentence, space-separated and glued.
#[test]
fn long_lines() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut texts: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".input.txt"))
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    texts.push(b"He stated it within the hall, a live performance corridor; IS-Okay. Folks stated".to_vec());
    for text in texts {
        for glue in [0u8, 1] {
            let mut data = text.clone();
            data.extend_from_slice(&[0xE0, glue, 0, 0]);
            replay("long line", &data);
        }
    }
}
