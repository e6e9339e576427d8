//! Passing the baton: when the running thread stops (it blocks, finishes, drops its GIL or
//! lets a thread further behind go first), every free GIL goes to one of its waiters and the
//! baton to one of the threads that may run — or, when none may, the clock jumps to the
//! earliest timer (or the run is deadlocked). The thread given the baton is woken; the others
//! stay parked in [`Sim::wait_turn`].

use std::sync::atomic::Ordering;
use std::time::Duration;

use parking_lot::MutexGuard;

use super::{Guard, Sim, Status, Stop, cost};
use crate::runtime::events::Event;
use crate::runtime::gil::ReleaseReason;
use crate::runtime::sched::schedule::Kind;

/// How long a thread that gave up the baton watches for it to come back before sleeping.
const SPIN_FOR: Duration = Duration::from_micros(30);

/// A GIL let go in this step: (GIL, the thread that held it, why).
type Released = Option<(usize, usize, ReleaseReason)>;

impl Sim {
    /// `from` stops running: it blocked or finished, was switched out (`exclude ==
    /// Some(from)`: it keeps its GIL unless another waiter takes it, FORCE_SWITCHING), or
    /// lets a thread further behind go first (`Quantum`: it keeps its GIL).
    pub(super) fn pass_baton(
        &self,
        st: &mut Guard<'_>,
        from: usize,
        exclude: Option<usize>,
        reason: ReleaseReason,
    ) -> Result<(), Stop> {
        self.expire_timers(st);
        self.leave_out_futile_retries(st);
        let released = match (reason, st.threads[from].gil) {
            (ReleaseReason::Quantum, _) | (_, None) => None,
            (_, Some(g)) => Some((g, from, reason)),
        };
        if let Some((g, ..)) = released
            && exclude.is_none()
        {
            st.gils[g].rules.release(from);
        }
        let mut next = self.hand_out(st, released)?;
        if next.is_none() {
            // Nobody can run now: jump the clock to the earliest timer.
            match Self::next_deadline(st) {
                Some(d) => {
                    st.now = st.now.max(d);
                    self.expire_timers(st);
                    next = self.hand_out(st, released)?;
                }
                None if exclude.is_some() => {
                    // Forced switch with nobody else ready after all: keep running.
                    st.threads[from].status = Status::Running;
                    st.running = Some(from);
                    return Ok(());
                }
                None => {
                    st.running = None;
                    let anyone_blocked = st
                        .threads
                        .iter()
                        .any(|t| matches!(t.status, Status::Blocked { .. }));
                    return if anyone_blocked {
                        Err(Stop::Deadlock)
                    } else {
                        Ok(())
                    };
                }
            }
        }
        match next {
            Some(next) => self.give_baton(st, Some((from, reason)), next),
            None => st.running = None,
        }
        Ok(())
    }

    /// Hands every free GIL to a waiter, then chooses who runs (None: nobody may).
    fn hand_out(&self, st: &mut Guard<'_>, released: Released) -> Result<Option<usize>, Stop> {
        self.hand_free_gils(st, released)?;
        let mut runnable = (0..st.threads.len()).filter(|&j| st.runnable(j));
        let Some(first) = runnable.next() else {
            return Ok(None);
        };
        // Usually one thread may run (one GIL): no choice to make, nothing to collect.
        let Some(second) = runnable.next() else {
            return Ok(Some(first));
        };
        let runnable: Vec<usize> = [first, second].into_iter().chain(runnable).collect();
        self.choose_runner(st, &runnable).map(Some)
    }

    /// Every GIL that nobody holds (or that `released` lets go on request) goes to one of
    /// its waiters — any of them: the winner is not FIFO, it is a decision.
    pub(super) fn hand_free_gils(
        &self,
        st: &mut Guard<'_>,
        released: Released,
    ) -> Result<(), Stop> {
        for g in 0..st.gils.len() {
            let releaser = released
                .filter(|&(h, ..)| h == g)
                .map(|(_, from, reason)| (from, reason));
            if st.gils[g].rules.is_held() && releaser.is_none() {
                continue;
            }
            let waiters = st.waiters(g);
            if waiters.is_empty() {
                continue;
            }
            let k = self.decide(st, Kind::Waiter, waiters.len() as u32)?;
            if let Some((from, _)) = releaser {
                // A forced switch lets go only now that someone takes over.
                st.gils[g].rules.release(from);
            }
            self.give_gil(st, g, releaser, waiters[k as usize]);
        }
        Ok(())
    }

    /// `next` takes GIL `g`, let go by `releaser` (if in this step): a switch between two
    /// threads costs a handoff on the GIL's time line.
    pub(super) fn give_gil(
        &self,
        st: &mut Guard<'_>,
        g: usize,
        releaser: Option<(usize, ReleaseReason)>,
        next: usize,
    ) {
        let switch = releaser.is_none_or(|(from, _)| from != next);
        if let Some((from, reason)) = releaser
            && from != next
        {
            let at = Duration::from_nanos(st.now.max(st.threads[from].clock));
            let thread = st.threads[from].state.ident;
            self.events.emit_at(at, || Event::GilRelease {
                gil: g,
                thread,
                reason,
            });
        }
        let cost = match releaser {
            Some((from, _)) if from != next => cost::HANDOFF_NS,
            _ => 0,
        };
        let taken = st.gils[g].now.max(st.threads[next].clock) + cost;
        if switch {
            let waited = Duration::from_nanos(taken.saturating_sub(st.threads[next].ready_since));
            let thread = st.threads[next].state.ident;
            self.events
                .emit_at(Duration::from_nanos(taken), || Event::GilAcquire {
                    gil: g,
                    thread,
                    waited,
                });
        }
        st.gils[g].now = taken;
        st.gils[g].rules.take(next, taken);
        st.threads[next].clock = taken;
        if st.parallel {
            st.catch_up();
        } else {
            st.now = st.now.max(taken);
        }
    }

    /// `next` holds the baton: it is the thread that executes now (after `from`, if it was
    /// another thread that stopped for `reason`).
    pub(super) fn give_baton(
        &self,
        st: &mut Guard<'_>,
        from: Option<(usize, ReleaseReason)>,
        next: usize,
    ) {
        if let Some((from, reason)) = from
            && from != next
        {
            self.report_core_handoff(st, from, reason, next);
        }
        let t = &mut st.threads[next];
        t.status = Status::Running;
        t.retry = None;
        st.running = Some(next);
        self.baton.store(next + 1, Ordering::Release);
        self.clock.store(st.now, Ordering::Relaxed);
        st.threads[next].wake.notify_one();
    }

    /// Without a GIL, a thread's virtual core goes to another thread: reported as the GIL's
    /// handoffs are (a `GilRelease` with its reason, a `GilAcquire`), so that the timeline
    /// sees a thread stop running when it blocks again after a wake-up.
    fn report_core_handoff(&self, st: &Guard<'_>, from: usize, reason: ReleaseReason, next: usize) {
        if !self.events.active() {
            return;
        }
        if st.threads[from].gil.is_none() {
            let at = Duration::from_nanos(st.now.max(st.threads[from].clock));
            let thread = st.threads[from].state.ident;
            let gil = st.threads[from].gil_id;
            self.events.emit_at(at, || Event::GilRelease {
                gil,
                thread,
                reason,
            });
        }
        if st.threads[next].gil.is_none() {
            let t = &st.threads[next];
            let waited = Duration::from_nanos(t.clock.saturating_sub(t.ready_since));
            let thread = t.state.ident;
            let gil = t.gil_id;
            self.events
                .emit_at(Duration::from_nanos(t.clock), || Event::GilAcquire {
                    gil,
                    thread,
                    waited,
                });
        }
    }

    /// Parks the calling thread until the baton is its own.
    pub(super) fn wait_turn(&self, st: &mut Guard<'_>, i: usize) -> Result<(), Stop> {
        let wake = st.threads[i].wake.clone();
        let mut spun = false;
        loop {
            if st.stopped {
                return Err(Stop::Stopped);
            }
            if st.running == Some(i) {
                return Ok(());
            }
            if !spun && self.options.spin {
                // Short turns often come straight back (a thread starts, sets an Event, and
                // exits): watch the baton for a moment before paying for a sleep/wake-up.
                spun = true;
                MutexGuard::unlocked(st, || self.spin_for_baton(i));
                continue;
            }
            wake.wait_for(st, Duration::from_millis(100));
        }
    }

    fn spin_for_baton(&self, i: usize) {
        let start = std::time::Instant::now();
        while start.elapsed() < SPIN_FOR {
            for _ in 0..64 {
                if self.baton.load(Ordering::Acquire) == i + 1 {
                    return;
                }
                std::hint::spin_loop();
            }
        }
    }
}
