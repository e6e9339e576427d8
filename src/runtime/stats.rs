//! `--stats`: per-thread GIL figures at exit, like the `gil_load` tool: acquisitions, hold
//! and wait time, drop requests made, forced drops, failed wake-ups; and totals.

use std::fmt::Write as _;
use std::sync::atomic::Ordering;
use std::time::Duration;

use super::interpreter::Interpreter;

/// The report; `elapsed` is the wall time of a real run (a simulated run reports its virtual
/// time, and its figures come from the simulated scheduler).
pub fn report(interp: &Interpreter, elapsed: Duration) -> String {
    let sim_totals = interp.sim.as_ref().map(|sim| sim.finish_stats());
    let (elapsed, clock) = match sim_totals {
        Some(totals) => (totals.elapsed, "virtual"),
        None => (elapsed, "wall"),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "gilsim stats: GIL {} | check points {} | switch interval {:.1} ms | {clock} {:.3} s",
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
            truncate(&t.display_name(), 22),
            acq,
            s.hold_ns.load(Ordering::Relaxed) as f64 / 1e6,
            wait as f64 / 1e6,
            s.drop_requests.load(Ordering::Relaxed),
            s.forced_drops.load(Ordering::Relaxed),
            s.failed_wakeups.load(Ordering::Relaxed),
        );
    }
    let secs = elapsed.as_secs_f64().max(1e-9);
    if !interp.gil.enabled() {
        out.push_str("  no GIL: threads ran in parallel, nothing waited for a GIL\n");
        return out;
    }
    let (switches, with_waiters) = match sim_totals {
        Some(totals) => (totals.switches, totals.with_waiters),
        None => (interp.gil.handoffs(), interp.gil.time_with_waiters()),
    };
    let _ = writeln!(
        out,
        "  acquisitions: {total_acq}; switches between threads: {switches} ({:.0}/s)",
        switches as f64 / secs,
    );
    let _ = writeln!(
        out,
        "  some thread waited for the GIL during {:.1}% of the run (gil_load); total wait {:.1} ms",
        100.0 * with_waiters.as_secs_f64() / secs,
        total_wait as f64 / 1e6
    );
    let mut handoffs = interp.gil.handoff_latencies();
    if !handoffs.is_empty() {
        handoffs.sort();
        let at = |q: f64| handoffs[((handoffs.len() - 1) as f64 * q).round() as usize];
        let _ = writeln!(
            out,
            "  forced handoffs (drop request honoured → other thread runs): {}, median {:.1} µs, p90 {:.1} µs",
            handoffs.len(),
            at(0.5).as_secs_f64() * 1e6,
            at(0.9).as_secs_f64() * 1e6
        );
    }
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}
