//! The real scheduler: OS threads on the wall clock. A blocking call releases the GIL while
//! it waits and takes it back through the normal GIL wait — which is what makes the convoy
//! effect — and waits in short slices, so stop requests (timeout, deadlock, shutdown) are
//! noticed quickly. A thread that blocks is recorded for the deadlock watchdog.

use std::time::{Duration, Instant};

use super::{Caller, Halt, Stop, Wait};
use crate::runtime::events::Event;
use crate::runtime::gil::{CheckPoints, GilModel, ReleaseReason};

/// Longest single wait: stop requests (timeout, deadlock, shutdown) are noticed this fast.
const WAIT_SLICE: Duration = Duration::from_millis(20);

/// The shortest OS sleep a `time.sleep` makes.
const MIN_SLEEP: Duration = Duration::from_micros(1);

pub struct Real {
    /// When the run started: the origin of its clock.
    pub started: Instant,
}

impl Real {
    pub fn new(started: Instant) -> Real {
        Real { started }
    }
}

/// The per-instruction check: under `ticks:N` the eval breaker is looked at every N
/// instructions, and the old GIL releases and re-takes the lock there (CPython 2's
/// `_Py_Ticker`). Ok(true) when the eval breaker is set.
#[inline]
pub(super) fn between_instructions(c: &Caller<'_>) -> Result<bool, Stop> {
    if let CheckPoints::Ticks(n) = c.interp.check_points() {
        let left = c.tally.ticks.get();
        if left > 1 {
            c.tally.ticks.set(left - 1);
            return Ok(false);
        }
        c.tally.ticks.set(n);
        let gil = &c.interp.gil;
        if gil.model == GilModel::Old && !gil.real.tick(c.thread, gil.interval()) {
            return Err(Stop::Stopped);
        }
    }
    Ok(c.thread.pending())
}

/// Waits with the GIL released until `attempt` succeeds or `timeout` passes.
pub(super) fn block<T>(
    c: &Caller<'_>,
    wait: Wait,
    timeout: Option<Duration>,
    mut attempt: impl FnMut(Duration) -> Option<T>,
) -> Result<Option<T>, Halt> {
    let deadline = timeout.map(|t| Instant::now() + t);
    super::record_wait(c, &wait, deadline.is_none(), c.interp.runtime.events.now());
    let gil = &c.interp.gil;
    gil.real.release(c.thread, ReleaseReason::Blocking);
    let result = loop {
        if c.thread.stopping() {
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
    *c.thread.blocked.lock() = None;
    let thread = c.thread.ident;
    c.interp.runtime.events.emit(|| Event::Wake { thread });
    let took = gil.real.take(c.thread, gil.interval());
    match result {
        Ok(v) if took => Ok(v),
        _ => Err(Halt::Stop(Stop::Stopped)),
    }
}

/// `time.sleep`. Like CPython's clock_nanosleep, even `sleep(0)` is a real system call that
/// gives up the CPU for a moment (Linux's timer slack makes it ~50 µs): long enough for a
/// thread waiting for the GIL to take it, which is what the convoy effect is made of.
pub(super) fn sleep(c: &Caller<'_>, duration: Duration, wait: Wait) -> Result<(), Halt> {
    let deadline = Instant::now() + duration;
    let mut slept = false;
    block(c, wait, Some(duration), |slice| {
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
    })?;
    Ok(())
}

/// The OS's CPU time of the process and of the calling thread.
pub(super) fn cpu_times() -> (Duration, Duration) {
    (
        cpu_time::ProcessTime::try_now()
            .map(|t| t.as_duration())
            .unwrap_or_default(),
        cpu_time::ThreadTime::try_now()
            .map(|t| t.as_duration())
            .unwrap_or_default(),
    )
}
