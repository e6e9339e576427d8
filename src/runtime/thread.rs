//! Per-thread state shared with the rest of the runtime: identity, the eval breaker other
//! threads set to reach this thread at its next check point, and what the thread is blocked
//! on (for deadlock reports).

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::Duration;

use parking_lot::{Condvar, Mutex};

use std::sync::Arc;

use super::deadlock::LockInfo;
use crate::vm::objects::value::Value;

/// Bits of `ThreadState::eval_breaker`.
pub mod breaker {
    /// The run must stop (`--timeout`, a deadlock, interpreter shutdown).
    pub const STOP: u32 = 1;
    /// Ctrl-C: raise KeyboardInterrupt in the main thread.
    pub const INTERRUPT: u32 = 2;
    /// Another thread waited a whole switch interval for the GIL (new GIL).
    pub const GIL_DROP_REQUEST: u32 = 4;
    /// Simulated mode: every check point goes to the scheduler.
    pub const SIM: u32 = 8;
    /// The process is over the run's memory limit: raise MemoryError (`runtime::memory`).
    pub const MEMORY: u32 = 16;
}

/// What a blocked thread waits for, and where it blocked.
#[derive(Clone)]
pub struct Blocked {
    /// A human description: "Lock at 0x7f.. held by 'Thread-1'", "'Thread-2' to finish".
    pub what: String,
    pub kind: WaitKind,
    /// False when the wait has a timeout (it ends by itself: not part of a deadlock).
    pub indefinite: bool,
    pub location: Option<Location>,
    /// Distinct for every wait, so the deadlock watchdog can tell a thread that stayed
    /// blocked from one that woke up and blocked again.
    pub seq: u64,
}

/// The object a blocked thread waits for: the deadlock watchdog asks whether it could still
/// be satisfied without any other thread running.
#[derive(Clone)]
pub enum WaitKind {
    /// A lock's release.
    Lock(Arc<dyn LockInfo>),
    /// Another thread's end (`join`).
    Thread(Arc<ThreadState>),
    /// The end of every other non-daemon thread (interpreter shutdown).
    Shutdown,
    /// Anything else (a sleep): never part of a deadlock unless indefinite.
    Other,
}

#[derive(Debug, Clone)]
pub struct Location {
    pub filename: String,
    pub line: u32,
    pub function: String,
}

pub struct ThreadState {
    pub ident: u64,
    /// The id of the interpreter it runs Python code in.
    pub interp: u64,
    pub name: Mutex<String>,
    pub daemon: AtomicBool,
    /// Non-zero when something wants this thread's attention at its next check point. Tested
    /// with one relaxed load on loop back-edges, function entry and after native calls.
    pub eval_breaker: AtomicU32,
    pub blocked: Mutex<Option<Blocked>>,
    pub finished: AtomicBool,
    /// Guards the wake-up of threads joining this one.
    finished_lock: Mutex<()>,
    finished_cond: Condvar,
    /// The `threading.Thread` object for this thread, once one exists.
    pub py_thread: Mutex<Option<Value>>,
}

impl std::fmt::Debug for ThreadState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<thread {} {}>", self.ident, self.name.lock())
    }
}

impl ThreadState {
    pub fn new(ident: u64, interp: u64) -> ThreadState {
        ThreadState {
            ident,
            interp,
            name: Mutex::new(String::new()),
            daemon: AtomicBool::new(false),
            eval_breaker: AtomicU32::new(0),
            blocked: Mutex::new(None),
            finished: AtomicBool::new(false),
            finished_lock: Mutex::new(()),
            finished_cond: Condvar::new(),
            py_thread: Mutex::new(None),
        }
    }

    pub fn named(ident: u64, interp: u64, name: &str) -> ThreadState {
        let t = ThreadState::new(ident, interp);
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

    /// The name for reports: threads started by `_thread` have none until `threading` names them.
    pub fn display_name(&self) -> String {
        let name = self.name();
        if name.is_empty() {
            format!("thread {}", self.ident)
        } else {
            name
        }
    }

    pub fn is_finished(&self) -> bool {
        self.finished.load(Ordering::Acquire)
    }

    /// The thread ran its last Python code: wake the threads joining it.
    pub fn mark_finished(&self) {
        let _guard = self.finished_lock.lock();
        self.finished.store(true, Ordering::Release);
        self.finished_cond.notify_all();
    }

    /// Waits at most `slice` for the thread to finish; true once it has.
    pub fn wait_finished(&self, slice: Duration) -> bool {
        let mut guard = self.finished_lock.lock();
        if !self.is_finished() {
            let _ = self.finished_cond.wait_for(&mut guard, slice);
        }
        self.is_finished()
    }
}
