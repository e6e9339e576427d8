//! Blocking calls (sleep, lock and queue waits, join) as the VM makes them: the run's
//! scheduler waits with the GIL released (`runtime::sched`); this side says what the wait is
//! for and where in the program it happens, and turns a stopped wait into the exception that
//! unwinds the thread.

use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::runtime::sched::Wait;
use crate::runtime::thread::{Location, WaitKind};
use crate::vm::context::Vm;
use crate::vm::pyerr::PyResult;

/// What a blocking wait is for, as deadlock reports describe it.
pub struct WaitFor {
    pub what: String,
    pub kind: WaitKind,
}

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
        attempt: impl FnMut(Duration) -> Option<T>,
    ) -> PyResult<Option<T>> {
        let location = match wait.kind {
            // The shutdown wait belongs to no line of the program.
            WaitKind::Shutdown => None,
            _ => self.caller_location(),
        };
        let wait = Wait {
            what: wait.what,
            kind: wait.kind,
            location,
        };
        let sched = &self.sched;
        sched
            .block(&self.caller(), wait, timeout, attempt)
            .map_err(|halt| self.halt_error(halt))
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

    /// A short blocking call for `what` (a write(2) to stdout): `call` runs with the GIL
    /// released; a simulated run charges it `duration` of virtual time. `mid_call`: the
    /// native function making it has more to do afterwards.
    pub fn short_blocking_call(
        &self,
        what: &str,
        duration: Duration,
        mid_call: bool,
        call: impl FnOnce(),
    ) -> PyResult<()> {
        let wait = Wait {
            what: what.to_string(),
            kind: WaitKind::Other,
            location: self.caller_location(),
        };
        let sched = &self.sched;
        sched
            .short_call(&self.caller(), wait, duration, mid_call, call)
            .map_err(|halt| self.halt_error(halt))
    }

    /// `time.sleep`: a blocking wait that always ends by itself.
    pub fn sleep(&self, duration: Duration) -> PyResult<()> {
        let sched = &self.sched;
        sched
            .sleep(&self.caller(), duration, self.caller_location())
            .map_err(|halt| self.halt_error(halt))
    }

    /// A simulated I/O wait (a web request's latency): blocks like a sleep, but `--trace`,
    /// the timeline and the reports call it I/O and name `what` it waits for.
    pub fn wait_for_io(&self, duration: Duration, what: String) -> PyResult<()> {
        let sched = &self.sched;
        sched
            .wait_for(&self.caller(), duration, what, self.caller_location())
            .map_err(|halt| self.halt_error(halt))
    }
}
