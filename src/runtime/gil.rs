//! The global interpreter lock, one per interpreter, in three models:
//! `new` (CPython 3.2+ Python/ceval_gil.c: timed waits, drop requests, forced switching),
//! `old` (CPython 2.7: release and immediately re-acquire every N ticks), and `off`
//! (free-threaded: nothing to take). Every transition is reported to the event stream.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::events::{Event, Events};
use super::thread::{ThreadState, breaker};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GilModel {
    New,
    Old,
    Off,
}

impl GilModel {
    pub fn name(self) -> &'static str {
        match self {
            GilModel::New => "new",
            GilModel::Old => "old",
            GilModel::Off => "off",
        }
    }
}

/// Where the eval loop looks at the eval breaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckPoints {
    /// CPython 3.10+: loop back-edges, function entry, after calls into native code.
    Py310,
    /// CPython ≤ 3.9: between any two instructions.
    EveryOp,
    /// Every N instructions (CPython 2's `sys.setcheckinterval` ticks).
    Ticks(u32),
}

impl CheckPoints {
    pub fn describe(self) -> String {
        match self {
            CheckPoints::Py310 => "3.10".into(),
            CheckPoints::EveryOp => "every-op".into(),
            CheckPoints::Ticks(n) => format!("ticks:{n}"),
        }
    }

    /// Whether the eval loop must run instruction by instruction (no superinstructions).
    pub fn per_instruction(self) -> bool {
        !matches!(self, CheckPoints::Py310)
    }
}

/// Why a thread released the GIL (reported in traces and stats).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReleaseReason {
    /// Another thread asked (new GIL) — a forced switch.
    DropRequest,
    /// The old GIL's periodic release every N ticks.
    Ticks,
    /// A blocking call: sleep, lock, queue, join, I/O.
    Blocking,
    /// The thread finished.
    Exit,
    /// No GIL, simulated: another thread's turn on a virtual core.
    Quantum,
    /// `gilsim explore` (and the replay of its schedules) switched threads at a check point
    /// to try another interleaving: under the GIL any check point may switch, the interval
    /// only makes it rare, so this is not reported as a drop request.
    Explored,
}

impl ReleaseReason {
    pub fn name(self) -> &'static str {
        match self {
            ReleaseReason::DropRequest => "drop request",
            ReleaseReason::Ticks => "ticks",
            ReleaseReason::Blocking => "blocking call",
            ReleaseReason::Exit => "thread exit",
            ReleaseReason::Quantum => "core shared",
            ReleaseReason::Explored => "explored preemption",
        }
    }
}

#[derive(Default)]
struct GilState {
    locked: bool,
    holder: Option<Arc<ThreadState>>,
    /// Incremented at every acquisition: a waiter that sees it unchanged after a full
    /// interval knows nobody switched and requests a drop.
    switch_number: u64,
    waiters: usize,
    /// The thread that held the GIL last, to count real handoffs.
    last_holder: Option<u64>,
    /// Acquisitions by a different thread than the previous holder.
    handoffs: u64,
    /// Since when some thread has been waiting (None: nobody waits).
    waited_on_since: Option<Instant>,
    /// Total time during which at least one thread waited (gil_load's "load").
    with_waiters: Duration,
    /// When the holder dropped the GIL on a drop request, until another thread takes it.
    forced_drop_at: Option<Instant>,
    /// Forced handoff latencies (drop on request → another thread holds the GIL), in ns.
    handoff_ns: Vec<u64>,
}

/// Forced handoffs kept for the latency figures of `--stats`.
const MAX_HANDOFF_SAMPLES: usize = 100_000;

impl GilState {
    fn add_waiter(&mut self) {
        if self.waiters == 0 {
            self.waited_on_since = Some(Instant::now());
        }
        self.waiters += 1;
    }

    fn remove_waiter(&mut self) {
        self.waiters -= 1;
        if self.waiters == 0
            && let Some(since) = self.waited_on_since.take()
        {
            self.with_waiters += since.elapsed();
        }
    }
}

pub struct Gil {
    pub model: GilModel,
    state: Mutex<GilState>,
    /// Waiters for the GIL.
    cond: Condvar,
    /// Forced switching: the dropping thread waits here until someone took the GIL.
    switch_cond: Condvar,
    /// Switch interval in microseconds (`sys.setswitchinterval`).
    interval_us: AtomicU64,
    events: Arc<Events>,
}

impl Gil {
    pub fn new(model: GilModel, interval: Duration, events: Arc<Events>) -> Gil {
        Gil {
            model,
            state: Mutex::new(GilState::default()),
            cond: Condvar::new(),
            switch_cond: Condvar::new(),
            interval_us: AtomicU64::new(interval.as_micros().max(1) as u64),
            events,
        }
    }

    pub fn interval(&self) -> Duration {
        Duration::from_micros(self.interval_us.load(Ordering::Relaxed))
    }

    pub fn set_interval(&self, d: Duration) {
        self.interval_us
            .store(d.as_micros().max(1) as u64, Ordering::Relaxed);
    }

    pub fn enabled(&self) -> bool {
        self.model != GilModel::Off
    }

    /// Whether some thread is waiting for the GIL (the old GIL only releases when so).
    pub fn has_waiters(&self) -> bool {
        self.state.lock().waiters > 0
    }

    /// Takes the GIL for `thread` (CPython's `take_gil`). Returns false if the thread was
    /// asked to stop while waiting.
    pub fn take(&self, thread: &Arc<ThreadState>) -> bool {
        if !self.enabled() {
            return true;
        }
        let started = Instant::now();
        let mut st = self.state.lock();
        if st.locked {
            st.add_waiter();
            while st.locked {
                if thread.eval_breaker.load(Ordering::Relaxed) & breaker::STOP != 0 {
                    st.remove_waiter();
                    return false;
                }
                let seen_switch = st.switch_number;
                let timed_out = match self.model {
                    GilModel::New => self.cond.wait_for(&mut st, self.interval()).timed_out(),
                    _ => self
                        .cond
                        .wait_for(&mut st, Duration::from_millis(50))
                        .timed_out(),
                };
                if st.locked && !timed_out {
                    // Woken, but another thread took the GIL first: a failed wake-up.
                    thread.stats.failed_wakeups.fetch_add(1, Ordering::Relaxed);
                    self.events.emit(|| Event::FailedWakeup {
                        thread: thread.ident,
                    });
                }
                if self.model == GilModel::New
                    && timed_out
                    && st.locked
                    && st.switch_number == seen_switch
                {
                    // A whole interval without a switch: ask the holder to drop it.
                    if let Some(holder) = &st.holder {
                        holder.request(breaker::GIL_DROP_REQUEST);
                        thread.stats.drop_requests.fetch_add(1, Ordering::Relaxed);
                        let holder_ident = holder.ident;
                        self.events.emit(|| Event::DropRequest {
                            by: thread.ident,
                            holder: holder_ident,
                        });
                    }
                }
            }
            st.remove_waiter();
        }
        st.locked = true;
        st.holder = Some(thread.clone());
        st.switch_number += 1;
        if st.last_holder.is_some_and(|h| h != thread.ident) {
            st.handoffs += 1;
            if let Some(dropped) = st.forced_drop_at.take()
                && st.handoff_ns.len() < MAX_HANDOFF_SAMPLES
            {
                st.handoff_ns.push(dropped.elapsed().as_nanos() as u64);
            }
        }
        st.forced_drop_at = None;
        st.last_holder = Some(thread.ident);
        // Forced switching: tell a thread that dropped on request that we took over.
        self.switch_cond.notify_all();
        drop(st);
        // A drop request aimed at us while we waited is stale now.
        thread.take(breaker::GIL_DROP_REQUEST);
        let waited = started.elapsed();
        thread.stats.record_acquire(waited);
        self.events.emit(|| Event::GilAcquire {
            thread: thread.ident,
            waited,
        });
        true
    }

    /// Releases the GIL (CPython's `drop_gil`). With `reason == DropRequest` the thread then
    /// waits until another thread has actually taken it (FORCE_SWITCHING), so it cannot
    /// immediately win it back.
    pub fn release(&self, thread: &Arc<ThreadState>, reason: ReleaseReason) {
        if !self.enabled() {
            return;
        }
        let mut st = self.state.lock();
        if !st.locked || !st.holder.as_ref().is_some_and(|h| Arc::ptr_eq(h, thread)) {
            return;
        }
        st.locked = false;
        st.holder = None;
        let switch_number = st.switch_number;
        let waiters = st.waiters;
        self.cond.notify_one();
        thread.stats.record_release(reason);
        self.events.emit(|| Event::GilRelease {
            thread: thread.ident,
            reason,
        });
        if reason == ReleaseReason::DropRequest && waiters > 0 {
            st.forced_drop_at = Some(Instant::now());
            while st.switch_number == switch_number && st.waiters > 0 {
                if self
                    .switch_cond
                    .wait_for(&mut st, Duration::from_millis(100))
                    .timed_out()
                    && thread.eval_breaker.load(Ordering::Relaxed) & breaker::STOP != 0
                {
                    break;
                }
            }
        }
    }

    /// The old GIL's periodic check: release and immediately re-acquire, which on several
    /// cores the releasing thread usually wins ("GIL battle").
    pub fn release_and_reacquire(&self, thread: &Arc<ThreadState>) -> bool {
        if !self.has_waiters() {
            return true;
        }
        self.release(thread, ReleaseReason::Ticks);
        self.take(thread)
    }

    /// Forced drop on a drop request, then wait in line again.
    pub fn yield_on_request(&self, thread: &Arc<ThreadState>) -> bool {
        self.release(thread, ReleaseReason::DropRequest);
        thread.stats.forced_drops.fetch_add(1, Ordering::Relaxed);
        self.take(thread)
    }

    /// How many times the GIL went from one thread to another.
    pub fn handoffs(&self) -> u64 {
        self.state.lock().handoffs
    }

    /// Forced handoff latencies so far (drop on request → another thread holds the GIL).
    pub fn handoff_latencies(&self) -> Vec<Duration> {
        let st = self.state.lock();
        st.handoff_ns
            .iter()
            .map(|&n| Duration::from_nanos(n))
            .collect()
    }

    /// Total time during which some thread waited for the GIL.
    pub fn time_with_waiters(&self) -> Duration {
        let st = self.state.lock();
        st.with_waiters + st.waited_on_since.map_or(Duration::ZERO, |s| s.elapsed())
    }

    /// The holder, if any (for deadlock reports and traces).
    pub fn holder(&self) -> Option<u64> {
        self.state.lock().holder.as_ref().map(|h| h.ident)
    }
}
