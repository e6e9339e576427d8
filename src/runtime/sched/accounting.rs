//! `--stats` in simulated runs: GIL acquisitions, hold and wait times on the virtual clock,
//! kept in each thread's `ThreadStats` like the real GIL's figures.

use std::sync::atomic::Ordering;
use std::time::Duration;

use super::{GilModel, Sim, SimState, Status};

/// The virtual clock moved from `before` to `st.now` while the GIL was held: if a thread was
/// waiting for it meanwhile, that stretch counts toward the gil_load share.
pub(super) fn advanced(st: &mut SimState, before: u64) {
    if st.threads.iter().any(|t| t.status == Status::Ready) {
        st.with_waiters += st.now.saturating_sub(before);
    }
}

impl Sim {
    /// `from` stops holding the GIL at virtual time `at` (blocking, exiting, switched out).
    pub(super) fn note_release(&self, st: &mut SimState, from: usize, at: u64) {
        if self.model == GilModel::Off {
            return;
        }
        let t = &mut st.threads[from];
        if let Some(since) = t.held_since.take() {
            let held = at.saturating_sub(since);
            t.state.stats.hold_ns.fetch_add(held, Ordering::Relaxed);
        }
    }

    /// `next` takes the GIL at virtual time `at`, after waiting since it became ready.
    pub(super) fn note_acquire(&self, st: &mut SimState, from: usize, next: usize, at: u64) {
        if self.model == GilModel::Off {
            return;
        }
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

    /// Closes the holds still open (the thread that finishes the run) and returns the
    /// `--stats` totals.
    pub fn finish_stats(&self) -> SimStatsTotals {
        let mut st = self.state.lock();
        let now = st.now;
        for i in 0..st.threads.len() {
            let at = now.max(st.threads[i].clock);
            self.note_release(&mut st, i, at);
        }
        let end = st.threads.iter().map(|t| t.clock).fold(now, u64::max);
        SimStatsTotals {
            elapsed: Duration::from_nanos(end),
            switches: st.switches,
            with_waiters: Duration::from_nanos(st.with_waiters),
        }
    }
}

/// Totals of a simulated run's `--stats`, on the virtual clock.
#[derive(Clone, Copy)]
pub struct SimStatsTotals {
    pub elapsed: Duration,
    /// GIL handoffs from one thread to another.
    pub switches: u64,
    /// Time during which some thread waited for the GIL (what `gil_load` measures).
    pub with_waiters: Duration,
}
