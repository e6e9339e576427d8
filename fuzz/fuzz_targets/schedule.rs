//! Fuzz target: `--replay` text through the schedule parser; a schedule that parses is
//! replayed on a small two-thread program (step-limited), so decisions that do not fit the
//! run meet the divergence reports.
#![no_main]

use gilsim::runtime::RunOptions;
use gilsim::runtime::sched::SimOptions;
use gilsim::runtime::sched::schedule::Schedule;
use libfuzzer_sys::fuzz_target;

const THREADED: &str = "import threading
x = 0
def work():
    global x
    for _ in range(20):
        x += 1
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(x)
";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(schedule) = Schedule::parse(text) else {
        return;
    };
    let options = RunOptions {
        capture: true,
        timeout: Some(2.0),
        sim: Some(SimOptions {
            max_steps: Some(20_000),
            replay: Some(schedule),
            ..SimOptions::default()
        }),
        ..RunOptions::default()
    };
    let _ = gilsim::run_source(THREADED, "<fuzz>", options);
});
