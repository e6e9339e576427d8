//! The simulated scheduler's side of the seam: the eval loop counts instructions, and the
//! scheduler is asked at the check points of the active policy once the running thread's
//! budget is spent; blocking calls and sleeps wait on the virtual clock.

use std::time::Duration;

use super::{Point, Sim, Stop, WaitKey, cost};
use crate::runtime::gil::{CheckPoints, GilModel};
use crate::runtime::sched::{Caller, Halt, Wait};
use crate::runtime::thread::WaitKind;

/// Between two instructions (simulated runs that may switch anywhere take the
/// per-instruction path): the instruction is counted already; the scheduler is asked when
/// the policy has a switch point here and something could happen by now.
#[inline]
pub(in crate::runtime::sched) fn between_instructions(
    sim: &Sim,
    c: &Caller<'_>,
) -> Result<(), Stop> {
    let tally = c.tally;
    let pending = tally.pending.get();
    if sim.take_dirty() {
        tally.budget.set(0);
    }
    let point = match (tally.model, c.interp.check_points()) {
        (GilModel::Off, _) | (_, CheckPoints::EveryOp) => {
            (pending >= tally.budget.get()).then_some(Point::Check)
        }
        (model, CheckPoints::Ticks(n)) => {
            let left = tally.ticks.get();
            if left > 1 {
                tally.ticks.set(left - 1);
                None
            } else {
                tally.ticks.set(n);
                Some(if model == GilModel::Old {
                    Point::OldGilTick
                } else {
                    Point::Check
                })
            }
        }
        (_, CheckPoints::Py310) => None,
    };
    match point {
        Some(_) if exploring_stdlib(sim, c) => Ok(()),
        Some(p) => ask(sim, c, p),
        None if c.thread.stopping() => Err(Stop::Stopped),
        None => Ok(()),
    }
}

/// A 3.10 check point (back-edge, function entry, after a native call).
pub(in crate::runtime::sched) fn check_point(sim: &Sim, c: &Caller<'_>) -> Result<(), Stop> {
    let tally = c.tally;
    if sim.take_dirty() {
        tally.budget.set(0);
    }
    // Cheapest test first: most check points come before the budget is spent.
    if tally.pending.get() >= tally.budget.get()
        && tally.model != GilModel::Off
        && c.interp.check_points() == CheckPoints::Py310
        && !exploring_stdlib(sim, c)
    {
        return ask(sim, c, Point::Check);
    }
    Ok(())
}

/// Exploration treats gilsim's own Python stdlib (threading, queue: C code in CPython,
/// or protected by their own locks) as atomic: no switch points inside it.
fn exploring_stdlib(sim: &Sim, c: &Caller<'_>) -> bool {
    c.tally.in_stdlib.get() && sim.options().explore
}

/// Hands the scheduler the instructions run so far and takes its next budget.
fn ask(sim: &Sim, c: &Caller<'_>, point: Point) -> Result<(), Stop> {
    let pending = c.tally.pending.replace(0);
    let budget = sim.at(c.thread, pending, point)?;
    c.tally.budget.set(budget);
    Ok(())
}

/// Blocks on the virtual clock until `attempt` succeeds or `timeout` passes.
pub(in crate::runtime::sched) fn block<T>(
    sim: &Sim,
    c: &Caller<'_>,
    wait: Wait,
    timeout: Option<Duration>,
    mut attempt: impl FnMut(Duration) -> Option<T>,
) -> Result<Option<T>, Halt> {
    let start = sim.now_ns(c.thread, c.tally.pending.get());
    // The scheduler reports the wake-up itself, when it happens on the virtual clock.
    crate::runtime::sched::record_wait(c, &wait, timeout.is_none(), Duration::from_nanos(start));
    let result = wait_on_virtual_clock(sim, c, &wait.kind, start, timeout, &mut attempt);
    if let Err(Halt::Stop(stop)) = result {
        // Stop the run while this thread's wait is still on record: a deadlock found here
        // is reported with it.
        c.interp.runtime.halt(stop);
        *c.thread.blocked.lock() = None;
        return Err(Halt::Stop(Stop::Stopped));
    }
    *c.thread.blocked.lock() = None;
    result
}

fn wait_on_virtual_clock<T>(
    sim: &Sim,
    c: &Caller<'_>,
    kind: &WaitKind,
    start: u64,
    timeout: Option<Duration>,
    attempt: &mut impl FnMut(Duration) -> Option<T>,
) -> Result<Option<T>, Halt> {
    let key = match kind {
        WaitKind::Lock(l) => WaitKey::Lock(l.identity()),
        WaitKind::Thread(t) => WaitKey::Thread(t.ident),
        WaitKind::Shutdown => WaitKey::Shutdown,
        WaitKind::Other => WaitKey::Timer,
    };
    let lock = match kind {
        WaitKind::Lock(l) => Some(l.clone()),
        _ => None,
    };
    let deadline = timeout
        .map(|t| virtual_deadline(start, t.as_nanos()))
        .transpose()?;
    loop {
        if let Some(v) = attempt(Duration::ZERO) {
            return Ok(Some(v));
        }
        let now = sim.now_ns(c.thread, c.tally.pending.get());
        let remaining = deadline.map(|d| d.saturating_sub(now));
        if remaining == Some(0) {
            return Ok(None);
        }
        let pending = c.tally.pending.replace(0);
        if sim.block(c.thread, pending, key, remaining, lock.clone())? {
            return Ok(attempt(Duration::ZERO));
        }
        refresh_budget(sim, c)?;
    }
}

/// A short blocking call of `ns` on the virtual clock (its work is done already): the
/// caller usually keeps its GIL (`Sim::short_call`); when a waiter wins it, the caller
/// blocks for the call's time.
pub(in crate::runtime::sched) fn short_call(
    sim: &Sim,
    c: &Caller<'_>,
    wait: Wait,
    ns: u64,
    mid_call: bool,
) -> Result<(), Halt> {
    let pending = c.tally.pending.replace(0);
    if sim.short_call(c.thread, pending, ns, mid_call)? {
        refresh_budget(sim, c)?;
        return Ok(());
    }
    block(sim, c, wait, Some(Duration::from_nanos(ns)), |_| None::<()>).map(|_| ())
}

/// `time.sleep` on the virtual clock (plus the timer slack every real sleep has).
pub(in crate::runtime::sched) fn sleep(
    sim: &Sim,
    c: &Caller<'_>,
    duration: Duration,
    wait: Wait,
) -> Result<(), Halt> {
    let now = sim.now_ns(c.thread, c.tally.pending.get());
    let thread = c.thread.ident;
    c.interp
        .runtime
        .events
        .emit_at(Duration::from_nanos(now), || {
            crate::runtime::events::Event::Block {
                thread,
                line: wait.location.as_ref().map_or(0, |l| l.line),
                what: wait.what,
            }
        });
    let ns = duration
        .as_nanos()
        .saturating_add(u128::from(cost::SLEEP_SLACK_NS));
    let ns = virtual_deadline(now, ns)? - now;
    let pending = c.tally.pending.replace(0);
    sim.block(c.thread, pending, WaitKey::Timer, Some(ns), None)?;
    refresh_budget(sim, c)?;
    Ok(())
}

/// Brings the virtual clock up to date with the instructions the thread has run since it
/// last met the scheduler (no scheduling decision is taken).
fn refresh_budget(sim: &Sim, c: &Caller<'_>) -> Result<(), Stop> {
    ask(sim, c, Point::Sync)
}

/// The virtual time `ns` after `now`, for a sleep or a timed wait. The virtual clock counts
/// nanoseconds in a u64 and the instructions after a wait are added to it unchecked, so no
/// wait may end past the range of CPython's own clock type (`_PyTime_t`: i64 nanoseconds,
/// about 292 years): one that would is an OverflowError, not a clock that wraps round to
/// 1970 (nor one that stops at its end, where a loop waiting for time to pass would spin).
fn virtual_deadline(now: u64, ns: u128) -> Result<u64, Halt> {
    let end = u128::from(now).saturating_add(ns);
    if end > i64::MAX as u128 {
        return Err(Halt::ClockOverflow(
            "timestamp out of range for platform time_t (the virtual clock ends after 292 years)",
        ));
    }
    Ok(end as u64)
}
