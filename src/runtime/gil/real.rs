//! The GIL of real mode: OS threads wait on a condvar under the wall clock and [`GilState`]
//! decides (CPython's `take_gil`/`drop_gil`): a waiter whose drop request falls due sets the
//! holder's eval breaker, the holder drops at its next check point and waits until another
//! thread has actually taken the GIL (forced switching). Every transition is an event.

use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::{GilModel, GilState, ReleaseReason};
use crate::runtime::events::{Event, Events};
use crate::runtime::thread::{ThreadState, breaker};

/// How long a waiter sleeps between looks when no drop request can fall due (old GIL), and
/// a forced dropper between looks for a stop request.
const IDLE_WAIT: Duration = Duration::from_millis(50);

struct RealState {
    rules: GilState<u64>,
    /// The holder's thread state, to set its eval breaker on a drop request.
    holder: Option<Arc<ThreadState>>,
    waiters: usize,
}

pub struct RealGil {
    /// The `Gil::id` its events name.
    id: usize,
    state: Mutex<RealState>,
    /// Waiters for the GIL.
    cond: Condvar,
    /// Forced switching: the dropping thread waits here until someone took the GIL.
    switch_cond: Condvar,
    events: Arc<Events>,
}

impl RealGil {
    pub fn new(id: usize, model: GilModel, events: Arc<Events>) -> RealGil {
        RealGil {
            id,
            state: Mutex::new(RealState {
                rules: GilState::new(model),
                holder: None,
                waiters: 0,
            }),
            cond: Condvar::new(),
            switch_cond: Condvar::new(),
            events,
        }
    }

    fn model(&self) -> GilModel {
        self.state.lock().rules.model
    }

    /// Nanoseconds on the events' clock (the run's wall clock), the time the rules read.
    fn now(&self) -> u64 {
        self.events.now().as_nanos() as u64
    }

    /// Takes the GIL for `thread` (CPython's `take_gil`); `interval` is the GIL's switch
    /// interval. Returns false if the thread was asked to stop while waiting.
    pub fn take(&self, thread: &Arc<ThreadState>, interval: Duration) -> bool {
        if self.model() == GilModel::Off {
            return true;
        }
        let started = Instant::now();
        let waiting_since = self.now();
        let interval_ns = interval.as_nanos() as u64;
        let mut st = self.state.lock();
        if st.rules.is_held() {
            st.waiters += 1;
            while st.rules.is_held() {
                if thread.stopping() {
                    st.waiters -= 1;
                    return false;
                }
                let due = st.rules.drop_request_due(waiting_since, interval_ns);
                let wait = due.map_or(IDLE_WAIT, |d| {
                    Duration::from_nanos(d.saturating_sub(self.now()).max(1))
                });
                let timed_out = self.cond.wait_for(&mut st, wait).timed_out();
                if !st.rules.is_held() {
                    break;
                }
                if !timed_out {
                    // Woken, but another thread took the GIL first: a failed wake-up.
                    self.events.emit(|| Event::FailedWakeup {
                        gil: self.id,
                        thread: thread.ident,
                    });
                }
                let due = st.rules.drop_request_due(waiting_since, interval_ns);
                if due.is_some_and(|d| self.now() >= d)
                    && st.rules.request_drop().is_some()
                    && let Some(holder) = &st.holder
                {
                    // A whole interval without a switch: ask the holder to drop it.
                    holder.request(breaker::GIL_DROP_REQUEST);
                    let holder = holder.ident;
                    self.events.emit(|| Event::DropRequest {
                        gil: self.id,
                        by: thread.ident,
                        holder,
                    });
                }
            }
            st.waiters -= 1;
        }
        let now = self.now();
        st.rules.take(thread.ident, now);
        st.holder = Some(thread.clone());
        // Forced switching: tell a thread that dropped on request that we took over.
        self.switch_cond.notify_all();
        drop(st);
        // A drop request aimed at us while we waited is stale now.
        thread.take(breaker::GIL_DROP_REQUEST);
        let waited = started.elapsed();
        self.events.emit(|| Event::GilAcquire {
            gil: self.id,
            thread: thread.ident,
            waited,
        });
        true
    }

    /// Releases the GIL (CPython's `drop_gil`). After a drop on request the thread waits
    /// until another thread has actually taken it, so it cannot win it straight back.
    pub fn release(&self, thread: &Arc<ThreadState>, reason: ReleaseReason) {
        let mut st = self.state.lock();
        if !st.rules.release(thread.ident) {
            return;
        }
        st.holder = None;
        let switch_number = st.rules.switch_number();
        self.cond.notify_one();
        self.events.emit(|| Event::GilRelease {
            gil: self.id,
            thread: thread.ident,
            reason,
        });
        if GilState::<u64>::forces_switch(reason) {
            while st.rules.switch_number() == switch_number && st.waiters > 0 {
                if self.switch_cond.wait_for(&mut st, IDLE_WAIT).timed_out() && thread.stopping() {
                    break;
                }
            }
        }
    }

    /// A check point with `thread`'s eval breaker set: the new GIL drops on a pending
    /// request and queues again. Returns false if the thread was stopped while queueing.
    pub fn check_point(&self, thread: &Arc<ThreadState>, interval: Duration) -> bool {
        if !thread.take(breaker::GIL_DROP_REQUEST) {
            return true;
        }
        let reason = self.state.lock().rules.at_check_point(false, true);
        match reason {
            Some(reason) => {
                self.release(thread, reason);
                self.take(thread, interval)
            }
            None => true,
        }
    }

    /// An old-GIL tick: with someone waiting, release and immediately re-take — which on
    /// several cores the releasing thread usually wins ("GIL battle").
    pub fn tick(&self, thread: &Arc<ThreadState>, interval: Duration) -> bool {
        let reason = {
            let st = self.state.lock();
            st.rules.at_check_point(true, st.waiters > 0)
        };
        match reason {
            Some(reason) => {
                self.release(thread, reason);
                self.take(thread, interval)
            }
            None => true,
        }
    }
}
