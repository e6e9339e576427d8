//! `--stats`: per-thread GIL figures at exit, like the `gil_load` tool: acquisitions, hold
//! and wait time, drop requests made, forced drops, failed wake-ups; and totals.

use std::fmt::Write as _;
use std::sync::atomic::Ordering;
use std::time::Duration;

use super::interpreter::Interpreter;

pub fn report(interp: &Interpreter, elapsed: Duration) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "gilsim stats: GIL {} | check points {} | switch interval {:.1} ms | wall {:.3} s",
        interp.gil.model.name(),
        interp.check_points().describe(),
        interp.gil.interval().as_secs_f64() * 1000.0,
        elapsed.as_secs_f64()
    );
    let _ = writeln!(
        out,
        "  {:<22} {:>9} {:>10} {:>10} {:>9} {:>8} {:>9}",
        "thread", "acquired", "held ms", "waited ms", "requests", "forced", "failed"
    );
    let mut total_acq = 0;
    let mut total_wait = 0u64;
    for t in interp.threads.lock().iter() {
        let s = &t.stats;
        let acq = s.acquisitions.load(Ordering::Relaxed);
        let wait = s.wait_ns.load(Ordering::Relaxed);
        total_acq += acq;
        total_wait += wait;
        let _ = writeln!(
            out,
            "  {:<22} {:>9} {:>10.1} {:>10.1} {:>9} {:>8} {:>9}",
            truncate(&t.name(), 22),
            acq,
            s.hold_ns.load(Ordering::Relaxed) as f64 / 1e6,
            wait as f64 / 1e6,
            s.drop_requests.load(Ordering::Relaxed),
            s.forced_drops.load(Ordering::Relaxed),
            s.failed_wakeups.load(Ordering::Relaxed),
        );
    }
    let secs = elapsed.as_secs_f64().max(1e-9);
    let switches = total_acq.saturating_sub(1);
    let _ = writeln!(
        out,
        "  switches: {switches} ({:.0}/s); time threads spent waiting for the GIL: {:.1}% of wall time",
        switches as f64 / secs,
        100.0 * (total_wait as f64 / 1e9) / secs
    );
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}
