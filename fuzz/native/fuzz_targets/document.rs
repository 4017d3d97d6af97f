//! libFuzzer target: one input is one document through the native kernel
//! (see src/lib.rs and fuzz/README.md).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    cleantext_kernel_fuzz::run(data);
});
