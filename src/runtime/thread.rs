//! Per-thread state shared with the rest of the runtime: the eval breaker other threads set to
//! reach this thread at its next check point.

use std::sync::atomic::{AtomicU32, Ordering};

/// Bits of `ThreadState::eval_breaker`.
pub mod breaker {
    /// The run must stop (`--timeout`, a fatal error elsewhere).
    pub const STOP: u32 = 1;
    /// Ctrl-C: raise KeyboardInterrupt in the main thread.
    pub const INTERRUPT: u32 = 2;
}

#[derive(Debug)]
pub struct ThreadState {
    pub ident: u64,
    /// Non-zero when something wants this thread's attention at its next check point. Tested
    /// with one relaxed load on loop back-edges, function entry and after native calls.
    pub eval_breaker: AtomicU32,
}

impl ThreadState {
    pub fn new(ident: u64) -> ThreadState {
        ThreadState {
            ident,
            eval_breaker: AtomicU32::new(0),
        }
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
}
