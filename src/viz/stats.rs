//! `--stats`: per-thread GIL figures at exit, like the `gil_load` tool — acquisitions, hold
//! and wait time, drop requests made, forced drops, failed wake-ups — and totals: switches
//! between threads, the share of the run during which some thread waited for the GIL, and
//! how long a forced handoff took. All of it is read from the event stream, on the clock the
//! events are timed with (wall, or virtual in simulated runs).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Weak};
use std::time::Duration;

use parking_lot::Mutex;

use crate::runtime::Interpreter;
use crate::runtime::events::{Event, Observer};
use crate::runtime::gil::ReleaseReason;

/// Forced handoffs kept for the latency figures.
const MAX_HANDOFF_SAMPLES: usize = 100_000;

pub struct Stats {
    interp: Weak<Interpreter>,
    state: Mutex<Tally>,
}

#[derive(Default, Clone, Copy)]
struct ThreadFigures {
    acquisitions: u64,
    held_ns: u64,
    waited_ns: u64,
    drop_requests: u64,
    forced_drops: u64,
    failed_wakeups: u64,
    /// Since when it holds the GIL, if it does.
    held_since: Option<u64>,
}

#[derive(Default)]
struct Tally {
    threads: HashMap<u64, ThreadFigures>,
    /// Who took each GIL last (by `Gil::id`; a switch is a take by another thread).
    last_holders: HashMap<usize, u64>,
    switches: u64,
    /// When some thread waited for the GIL: [start, end) intervals, merged as they come.
    waiting: Vec<(u64, u64)>,
    /// A drop honoured on request, until another thread takes the GIL.
    forced_drop_at: Option<(u64, u64)>,
    handoffs: Vec<u64>,
}

impl Stats {
    /// Starts counting; the interpreter's first thread holds the GIL from time 0.
    pub fn attach(interp: &Arc<Interpreter>) -> Arc<Stats> {
        let stats = Arc::new(Stats {
            interp: Arc::downgrade(interp),
            state: Mutex::new(Tally::default()),
        });
        if let Some(main) = interp.main_thread() {
            let mut st = stats.state.lock();
            let main_figures = st.threads.entry(main.ident).or_default();
            main_figures.acquisitions = 1;
            main_figures.held_since = Some(0);
            st.last_holders.insert(interp.gil.id, main.ident);
        }
        interp.runtime.events.attach(stats.clone());
        stats
    }

    /// The report, for a run that lasted `elapsed` on the events' clock.
    pub fn report(&self, elapsed: Duration) -> String {
        let Some(interp) = self.interp.upgrade() else {
            return String::new();
        };
        let end = elapsed.as_nanos() as u64;
        let mut st = self.state.lock();
        for figures in st.threads.values_mut() {
            if let Some(since) = figures.held_since.take() {
                figures.held_ns += end.saturating_sub(since);
            }
        }
        let clock = if interp.runtime.sched.counts_instructions() {
            "virtual"
        } else {
            "wall"
        };
        let gil = &interp.gil;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "gilsim stats: GIL {} | check points {} | switch interval {:.1} ms | {clock} {:.3} s",
            gil.model.name(),
            interp.check_points().describe(),
            gil.interval().as_secs_f64() * 1000.0,
            elapsed.as_secs_f64()
        );
        // Every thread of the run, grouped by interpreter (the main one first).
        let mut threads = interp.runtime.threads();
        threads.sort_by_key(|t| t.interp);
        let names: Vec<String> = threads
            .iter()
            .map(|t| super::thread_name(&self.interp, t.ident))
            .collect();
        // 22 columns, wider for a process's threads (`[ForkPoolWorker-1] MainThread`).
        let w = names
            .iter()
            .map(|n| n.chars().count())
            .max()
            .unwrap_or(0)
            .clamp(22, 32);
        let _ = writeln!(
            out,
            "  {:<w$} {:>9} {:>10} {:>10} {:>9} {:>8} {:>9}",
            "thread", "acquired", "held ms", "waited ms", "requests", "forced", "failed"
        );
        let mut total_acquisitions = 0;
        let mut total_wait = 0;
        for (t, name) in threads.iter().zip(&names) {
            let f = st.threads.get(&t.ident).copied().unwrap_or_default();
            total_acquisitions += f.acquisitions;
            total_wait += f.waited_ns;
            let _ = writeln!(
                out,
                "  {:<w$} {:>9} {:>10.1} {:>10.1} {:>9} {:>8} {:>9}",
                truncate(name, w),
                f.acquisitions,
                f.held_ns as f64 / 1e6,
                f.waited_ns as f64 / 1e6,
                f.drop_requests,
                f.forced_drops,
                f.failed_wakeups,
            );
        }
        if !gil.enabled() {
            out.push_str("  no GIL: threads ran in parallel, nothing waited for a GIL\n");
            return out;
        }
        let secs = elapsed.as_secs_f64().max(1e-9);
        let _ = writeln!(
            out,
            "  acquisitions: {total_acquisitions}; switches between threads: {} ({:.0}/s)",
            st.switches,
            st.switches as f64 / secs,
        );
        let with_waiters: u64 = st.waiting.iter().map(|(a, b)| b - a).sum();
        let _ = writeln!(
            out,
            "  some thread waited for the GIL during {:.1}% of the run (gil_load); total wait {:.1} ms",
            100.0 * with_waiters as f64 / 1e9 / secs,
            total_wait as f64 / 1e6
        );
        let handoffs = &mut st.handoffs;
        if !handoffs.is_empty() {
            handoffs.sort_unstable();
            let at = |q: f64| handoffs[((handoffs.len() - 1) as f64 * q).round() as usize];
            let _ = writeln!(
                out,
                "  forced handoffs (drop request honoured → other thread runs): {}, median {:.1} µs, p90 {:.1} µs",
                handoffs.len(),
                at(0.5) as f64 / 1e3,
                at(0.9) as f64 / 1e3
            );
        }
        out
    }
}

impl Tally {
    fn acquired(&mut self, gil: usize, thread: u64, at: u64, waited: u64) {
        if self.last_holders.get(&gil).is_some_and(|&h| h != thread) {
            self.switches += 1;
            if let Some((from, dropped)) = self.forced_drop_at.take()
                && from != thread
                && self.handoffs.len() < MAX_HANDOFF_SAMPLES
            {
                self.handoffs.push(at.saturating_sub(dropped));
            }
        }
        self.last_holders.insert(gil, thread);
        if waited > 0 {
            self.waited(at.saturating_sub(waited), at);
        }
        let f = self.threads.entry(thread).or_default();
        if f.held_since.is_none() {
            f.acquisitions += 1;
            f.waited_ns += waited;
            f.held_since = Some(at);
        }
    }

    fn released(&mut self, thread: u64, at: u64, reason: ReleaseReason) {
        let f = self.threads.entry(thread).or_default();
        if let Some(since) = f.held_since.take() {
            f.held_ns += at.saturating_sub(since);
        }
        if reason == ReleaseReason::DropRequest {
            f.forced_drops += 1;
            self.forced_drop_at = Some((thread, at));
        }
    }

    /// Some thread waited from `start` to `end`: merged into the waiting intervals (they
    /// arrive roughly in time order, so only the last few can overlap the new one).
    fn waited(&mut self, start: u64, end: u64) {
        let mut start = start;
        let mut end = end;
        while let Some(&(a, b)) = self.waiting.last() {
            if b < start {
                break;
            }
            if a > end {
                // A later interval that this one does not reach: keep looking further back.
                let later = self.waiting.pop().unwrap_or((a, b));
                self.waited(start, end);
                self.waiting.push(later);
                return;
            }
            start = start.min(a);
            end = end.max(b);
            self.waiting.pop();
        }
        self.waiting.push((start, end));
    }
}

impl Observer for Stats {
    fn event(&self, at: Duration, event: &Event) {
        let at = at.as_nanos() as u64;
        let mut st = self.state.lock();
        match event {
            Event::GilAcquire {
                gil,
                thread,
                waited,
            } => {
                st.acquired(*gil, *thread, at, waited.as_nanos() as u64);
            }
            Event::GilRelease { thread, reason, .. } => st.released(*thread, at, *reason),
            Event::DropRequest { by, .. } => st.threads.entry(*by).or_default().drop_requests += 1,
            Event::FailedWakeup { thread, .. } => {
                st.threads.entry(*thread).or_default().failed_wakeups += 1;
            }
            _ => {}
        }
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_intervals_merge_whatever_order_they_come_in() {
        let mut t = Tally::default();
        t.waited(10, 20);
        t.waited(30, 40);
        t.waited(15, 32);
        assert_eq!(t.waiting, vec![(10, 40)]);
        t.waited(50, 60);
        t.waited(0, 5);
        assert_eq!(t.waiting, vec![(0, 5), (10, 40), (50, 60)]);
        t.waited(4, 55);
        assert_eq!(t.waiting, vec![(0, 60)]);
    }

    #[test]
    fn a_switch_is_a_take_by_another_thread_and_forced_handoffs_are_timed() {
        let mut t = Tally::default();
        t.acquired(0, 1, 0, 0);
        t.released(1, 100, ReleaseReason::DropRequest);
        t.acquired(0, 2, 130, 90);
        t.released(2, 200, ReleaseReason::Blocking);
        t.acquired(0, 2, 300, 0);
        assert_eq!(t.switches, 1);
        assert_eq!(t.handoffs, vec![30]);
        assert_eq!(t.threads[&1].forced_drops, 1);
        assert_eq!(t.threads[&2].acquisitions, 2);
        assert_eq!(t.threads[&2].held_ns, 70);
        assert_eq!(t.waiting, vec![(40, 130)]);
    }
}
