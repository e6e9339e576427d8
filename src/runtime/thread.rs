//! Per-thread state shared with the rest of the runtime: identity, the eval breaker other
//! threads set to reach this thread at its next check point, GIL statistics, and what the
//! thread is blocked on (for deadlock reports).

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::gil::ReleaseReason;
use crate::vm::value::Value;

/// Bits of `ThreadState::eval_breaker`.
pub mod breaker {
    /// The run must stop (`--timeout`, a deadlock, interpreter shutdown).
    pub const STOP: u32 = 1;
    /// Ctrl-C: raise KeyboardInterrupt in the main thread.
    pub const INTERRUPT: u32 = 2;
    /// Another thread waited a whole switch interval for the GIL (new GIL).
    pub const GIL_DROP_REQUEST: u32 = 4;
}

/// GIL statistics of one thread (`--stats`), kept with relaxed atomics.
#[derive(Debug, Default)]
pub struct ThreadStats {
    pub acquisitions: AtomicU64,
    pub hold_ns: AtomicU64,
    pub wait_ns: AtomicU64,
    pub drop_requests: AtomicU64,
    pub forced_drops: AtomicU64,
    pub failed_wakeups: AtomicU64,
    pub blocking_releases: AtomicU64,
    held_since: Mutex<Option<Instant>>,
}

impl ThreadStats {
    pub fn record_acquire(&self, waited: Duration) {
        self.acquisitions.fetch_add(1, Ordering::Relaxed);
        self.wait_ns
            .fetch_add(waited.as_nanos() as u64, Ordering::Relaxed);
        *self.held_since.lock() = Some(Instant::now());
    }

    pub fn record_release(&self, reason: ReleaseReason) {
        if let Some(since) = self.held_since.lock().take() {
            self.hold_ns
                .fetch_add(since.elapsed().as_nanos() as u64, Ordering::Relaxed);
        }
        if reason == ReleaseReason::Blocking {
            self.blocking_releases.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// What a blocked thread waits for, and where it blocked.
#[derive(Debug, Clone)]
pub struct Blocked {
    /// A human description: "lock 0x7f..", "Thread-2 to finish", "an item from a queue".
    pub what: String,
    /// The object waited for (a lock's identity, a thread ident), for the wait-for graph.
    pub target: Option<u64>,
    /// False when the wait has a timeout (it ends by itself: not part of a deadlock).
    pub indefinite: bool,
    pub location: Option<Location>,
}

#[derive(Debug, Clone)]
pub struct Location {
    pub filename: String,
    pub line: u32,
    pub function: String,
}

pub struct ThreadState {
    pub ident: u64,
    pub name: Mutex<String>,
    pub daemon: AtomicBool,
    /// Non-zero when something wants this thread's attention at its next check point. Tested
    /// with one relaxed load on loop back-edges, function entry and after native calls.
    pub eval_breaker: AtomicU32,
    pub stats: ThreadStats,
    pub blocked: Mutex<Option<Blocked>>,
    pub finished: AtomicBool,
    /// The `threading.Thread` object for this thread, once one exists.
    pub py_thread: Mutex<Option<Value>>,
}

impl std::fmt::Debug for ThreadState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<thread {} {}>", self.ident, self.name.lock())
    }
}

impl ThreadState {
    pub fn new(ident: u64) -> ThreadState {
        ThreadState {
            ident,
            name: Mutex::new(String::new()),
            daemon: AtomicBool::new(false),
            eval_breaker: AtomicU32::new(0),
            stats: ThreadStats::default(),
            blocked: Mutex::new(None),
            finished: AtomicBool::new(false),
            py_thread: Mutex::new(None),
        }
    }

    pub fn named(ident: u64, name: &str) -> ThreadState {
        let t = ThreadState::new(ident);
        *t.name.lock() = name.to_string();
        t
    }

    #[inline(always)]
    pub fn pending(&self) -> bool {
        self.eval_breaker.load(Ordering::Relaxed) != 0
    }

    pub fn request(&self, bit: u32) {
        self.eval_breaker.fetch_or(bit, Ordering::SeqCst);
    }

    pub fn take(&self, bit: u32) -> bool {
        self.eval_breaker.fetch_and(!bit, Ordering::SeqCst) & bit != 0
    }

    pub fn stopping(&self) -> bool {
        self.eval_breaker.load(Ordering::Relaxed) & breaker::STOP != 0
    }

    pub fn name(&self) -> String {
        self.name.lock().clone()
    }
}
