//! Blocking calls (sleep, lock and queue waits, join): they release the GIL while they wait
//! and take it back through the normal GIL wait — which is what makes the convoy effect. A
//! thread that blocks for good is marked, so deadlocks are detected instead of hanging.

use std::time::{Duration, Instant};

use super::context::Vm;
use super::errors::PyResult;
use crate::runtime::events::Event;
use crate::runtime::gil::ReleaseReason;
use crate::runtime::thread::{Blocked, Location, WaitKind};
use std::sync::atomic::{AtomicU64, Ordering};

/// Longest single wait: stop requests (timeout, deadlock, shutdown) are noticed this fast.
const WAIT_SLICE: Duration = Duration::from_millis(20);

/// What a blocking wait is for, as deadlock reports describe it.
pub struct WaitFor {
    pub what: String,
    pub kind: WaitKind,
}

/// Numbers every wait (see `Blocked::seq`).
static WAIT_SEQ: AtomicU64 = AtomicU64::new(1);

impl Vm {
    /// The Python source position of the running frame when a native function was called
    /// (recorded for blocking natives and `with` blocks).
    pub fn caller_location(&self) -> Option<Location> {
        let loc = self.caller_location.borrow();
        let (code, pc) = loc.as_ref()?;
        Some(Location {
            filename: code.filename.to_string(),
            line: code.line_at(pc.saturating_sub(1)),
            function: code.name.to_string(),
        })
    }

    /// Waits with the GIL released until `attempt` succeeds or `timeout` passes.
    /// `attempt(slice)` waits at most `slice` and returns Some(result) once done.
    /// Ok(None) means the timeout passed; an error means the run is being stopped.
    pub fn blocking_wait<T>(
        &self,
        wait: WaitFor,
        timeout: Option<Duration>,
        mut attempt: impl FnMut(Duration) -> Option<T>,
    ) -> PyResult<Option<T>> {
        let deadline = timeout.map(|t| Instant::now() + t);
        *self.thread.blocked.lock() = Some(Blocked {
            what: wait.what.clone(),
            kind: wait.kind.clone(),
            indefinite: deadline.is_none(),
            // The shutdown wait belongs to no line of the program.
            location: match wait.kind {
                WaitKind::Shutdown => None,
                _ => self.caller_location(),
            },
            seq: WAIT_SEQ.fetch_add(1, Ordering::Relaxed),
        });
        let ident = self.thread.ident;
        self.emit(|| Event::Block {
            thread: ident,
            what: wait.what.clone(),
        });
        if let Some(sim) = &self.interp.sim {
            // The scheduler reports the wake-up itself, when it happens on the virtual clock.
            let result = self.sim_blocking_wait(sim, &wait.kind, timeout, attempt);
            *self.thread.blocked.lock() = None;
            return result;
        }
        self.interp
            .gil
            .release(&self.thread, ReleaseReason::Blocking);
        let result = loop {
            if self.thread.stopping() {
                break Err(());
            }
            let slice = match deadline {
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        // One last non-waiting attempt, as a timed acquire does.
                        break Ok(attempt(Duration::ZERO));
                    }
                    (d - now).min(WAIT_SLICE)
                }
                None => WAIT_SLICE,
            };
            if let Some(v) = attempt(slice) {
                break Ok(Some(v));
            }
        };
        *self.thread.blocked.lock() = None;
        self.emit(|| Event::Wake { thread: ident });
        let took = self.interp.gil.take(&self.thread);
        match result {
            Ok(v) if took => Ok(v),
            _ => Err(self.stop_error()),
        }
    }

    /// At the end of the main program: wait until every non-daemon thread has finished.
    pub fn wait_for_non_daemon_threads(&self) -> PyResult<()> {
        let me = self.thread.ident;
        let first_pending = || {
            self.interp
                .live_threads()
                .into_iter()
                .find(|t| t.ident != me && !t.daemon.load(Ordering::Relaxed))
        };
        if first_pending().is_none() {
            return Ok(());
        }
        self.blocking_wait(
            WaitFor {
                what: "the non-daemon threads to finish (interpreter shutdown)".into(),
                kind: WaitKind::Shutdown,
            },
            None,
            |slice| match first_pending() {
                None => Some(()),
                Some(t) => {
                    t.wait_finished(slice);
                    first_pending().is_none().then_some(())
                }
            },
        )?;
        Ok(())
    }

    /// `time.sleep`: a blocking wait that always ends by itself.
    pub fn sleep(&self, duration: Duration) -> PyResult<()> {
        if let Some(sim) = &self.interp.sim {
            return self.sim_sleep(sim, duration);
        }
        let deadline = Instant::now() + duration;
        // Like CPython's clock_nanosleep, even `sleep(0)` is a real system call that gives up
        // the CPU for a moment (Linux's timer slack makes it ~50 µs): long enough for a
        // thread waiting for the GIL to take it, which is what the convoy effect is made of.
        let mut slept = false;
        self.blocking_wait(
            WaitFor {
                what: "the end of a sleep".into(),
                kind: WaitKind::Other,
            },
            Some(duration),
            |slice| {
                let now = Instant::now();
                if now >= deadline {
                    if !slept {
                        std::thread::sleep(MIN_SLEEP);
                        slept = true;
                    }
                    return Some(());
                }
                std::thread::sleep(slice.min(deadline - now).max(MIN_SLEEP));
                slept = true;
                (Instant::now() >= deadline).then_some(())
            },
        )?;
        Ok(())
    }
}

/// The shortest OS sleep a `time.sleep` makes.
const MIN_SLEEP: Duration = Duration::from_micros(1);
