//! `--stats` in simulated runs: GIL acquisitions, hold and wait times on the virtual clock,
//! kept in each thread's `ThreadStats` like the real GIL's figures.

use std::sync::atomic::Ordering;
use std::time::Duration;

use super::{GilModel, Sim, SimState};

/// `from` stops holding the GIL at virtual time `at` (blocking, exiting, switched out).
pub(super) fn release(st: &mut SimState, from: usize, at: u64) {
    let t = &mut st.threads[from];
    if let Some(since) = t.held_since.take() {
        let held = at.saturating_sub(since);
        t.state.stats.hold_ns.fetch_add(held, Ordering::Relaxed);
    }
}

/// `next` takes the GIL at virtual time `at`, after waiting since it became ready.
pub(super) fn acquire(st: &mut SimState, from: usize, next: usize, at: u64) {
    let t = &mut st.threads[next];
    if t.held_since.is_some() {
        return;
    }
    let stats = &t.state.stats;
    stats.acquisitions.fetch_add(1, Ordering::Relaxed);
    let waited = at.saturating_sub(t.ready_since);
    stats.wait_ns.fetch_add(waited, Ordering::Relaxed);
    t.held_since = Some(at);
    if next != from {
        st.switches += 1;
    }
}

impl Sim {
    /// Closes the holds still open (the thread that finishes the run) and returns the
    /// virtual duration of the run and the switches between threads, for the `--stats`
    /// totals.
    pub fn finish_stats(&self) -> (Duration, u64) {
        let mut st = self.state.lock();
        let now = st.now;
        if self.model != GilModel::Off {
            for i in 0..st.threads.len() {
                let at = now.max(st.threads[i].clock);
                release(&mut st, i, at);
            }
        }
        let end = st.threads.iter().map(|t| t.clock).fold(now, u64::max);
        (Duration::from_nanos(end), st.switches)
    }
}
