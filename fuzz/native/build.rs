//! The kernel's `RepairScan` gained a `triggers` field (HTML entity and tag
//! patterns) while this target was written; read spec.rs to know which
//! version this crate is built against, so the target builds with either.
fn main() {
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/../../native/src/spec.rs");
    println!("cargo:rerun-if-changed={spec}");
    println!("cargo::rustc-check-cfg=cfg(repair_triggers)");
    let text = std::fs::read_to_string(spec).expect("native/src/spec.rs");
    if text.contains("pub triggers: Vec<String>") {
        println!("cargo:rustc-cfg=repair_triggers");
    }
}
