//! Fuzz target: a small program run by the VM, simulated (deterministic) and cut off after
//! 20,000 instructions, a 2-second timeout and 512 MiB of memory, output captured.
#![no_main]

use gilsim::runtime::RunOptions;
use gilsim::runtime::sched::SimOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = gilsim::syntax::source::decode(data, "<fuzz>") else {
        return;
    };
    let options = RunOptions {
        capture: true,
        timeout: Some(2.0),
        memory_limit: Some(512 << 20),
        sim: Some(SimOptions {
            max_steps: Some(20_000),
            ..SimOptions::default()
        }),
        ..RunOptions::default()
    };
    let _ = gilsim::run_source(&source, "<fuzz>", options);
});
