//! The eval loop's side of simulated mode: counting instructions, asking the scheduler at
//! the check points of the active policy, blocking and sleeping on the virtual clock.

use std::time::Duration;

use super::context::Vm;
use super::errors::PyResult;
use crate::runtime::gil::{CheckPoints, GilModel};
use crate::runtime::sched::{Point, Sim, Stop, WaitKey, cost};
use crate::runtime::thread::WaitKind;

impl Vm {
    /// Between two instructions (simulated runs always take the per-instruction path): the
    /// instruction is counted, and the scheduler is asked when the policy has a switch point
    /// here and something could happen by now.
    pub(crate) fn sim_instruction(&self, sim: &Sim) -> PyResult<()> {
        // The eval loop has counted the instruction already.
        let pending = self.sim_pending.get();
        if sim.take_dirty() {
            self.sim_budget.set(0);
        }
        let point = match (self.interp.gil.model, self.interp.check_points()) {
            (GilModel::Off, _) | (_, CheckPoints::EveryOp) => {
                (pending >= self.sim_budget.get()).then_some(Point::Check)
            }
            (model, CheckPoints::Ticks(n)) => {
                let left = self.ticks.get();
                if left > 1 {
                    self.ticks.set(left - 1);
                    None
                } else {
                    self.ticks.set(n);
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
            Some(_) if self.exploring_stdlib(sim) => Ok(()),
            Some(p) => self.sim_ask(sim, p),
            None if self.thread.stopping() => Err(self.stop_error()),
            None => Ok(()),
        }
    }

    /// A 3.10 check point (back-edge, function entry, after a native call).
    pub(crate) fn sim_check_point(&self, sim: &Sim) -> PyResult<()> {
        if self.thread.stopping() {
            return Err(self.stop_error());
        }
        if sim.take_dirty() {
            self.sim_budget.set(0);
        }
        let model = self.interp.gil.model;
        if model != GilModel::Off
            && self.interp.check_points() == CheckPoints::Py310
            && self.sim_pending.get() >= self.sim_budget.get()
            && !self.exploring_stdlib(sim)
        {
            return self.sim_ask(sim, Point::Check);
        }
        Ok(())
    }

    /// Exploration treats gilsim's own Python stdlib (threading, queue: C code in CPython,
    /// or protected by their own locks) as atomic: no switch points inside it.
    fn exploring_stdlib(&self, sim: &Sim) -> bool {
        self.in_stdlib.get() && sim.options().explore
    }

    fn sim_ask(&self, sim: &Sim, point: Point) -> PyResult<()> {
        let pending = self.sim_pending.replace(0);
        match sim.at(&self.thread, pending, point) {
            Ok(budget) => {
                self.sim_budget.set(budget);
                Ok(())
            }
            Err(stop) => Err(self.sim_stop(stop)),
        }
    }

    /// The exception that unwinds a thread the scheduler stopped; a deadlock found here is
    /// reported first.
    pub(crate) fn sim_stop(&self, stop: Stop) -> super::errors::PyErr {
        match stop {
            Stop::Deadlock => crate::runtime::deadlock::declare(&self.interp),
            Stop::Limit => {
                if let Some(sim) = &self.interp.sim
                    && let Some(reason) = sim.limit_reason()
                {
                    self.interp.runtime.set_stop_reason(reason);
                }
                self.interp.stop_all();
            }
            Stop::Stopped => {}
        }
        self.stop_error()
    }

    /// Blocks on the virtual clock until `attempt` succeeds or `timeout` passes (see
    /// `blocking_wait`); the thread's `blocked` record is already set.
    pub(crate) fn sim_blocking_wait<T>(
        &self,
        sim: &Sim,
        kind: &WaitKind,
        timeout: Option<Duration>,
        mut attempt: impl FnMut(Duration) -> Option<T>,
    ) -> PyResult<Option<T>> {
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
        let start = sim.now_ns(&self.thread, self.sim_pending.get());
        let deadline = timeout
            .map(|t| virtual_deadline(start, t.as_nanos()))
            .transpose()?;
        loop {
            if let Some(v) = attempt(Duration::ZERO) {
                return Ok(Some(v));
            }
            let now = sim.now_ns(&self.thread, self.sim_pending.get());
            let remaining = deadline.map(|d| d.saturating_sub(now));
            if remaining == Some(0) {
                return Ok(None);
            }
            let pending = self.sim_pending.replace(0);
            match sim.block(&self.thread, pending, key, remaining, lock.clone()) {
                Ok(true) => return Ok(attempt(Duration::ZERO)),
                Ok(false) => {}
                Err(stop) => return Err(self.sim_stop(stop)),
            }
            self.sim_refresh_budget(sim)?;
        }
    }

    /// `time.sleep` on the virtual clock (plus the timer slack every real sleep has).
    pub(crate) fn sim_sleep(&self, sim: &Sim, duration: Duration) -> PyResult<()> {
        let thread = self.thread.ident;
        self.emit(|| crate::runtime::events::Event::Block {
            thread,
            what: "the end of a sleep".into(),
        });
        let ns = duration
            .as_nanos()
            .saturating_add(u128::from(cost::SLEEP_SLACK_NS));
        let now = sim.now_ns(&self.thread, self.sim_pending.get());
        let ns = virtual_deadline(now, ns)? - now;
        let pending = self.sim_pending.replace(0);
        match sim.block(&self.thread, pending, WaitKey::Timer, Some(ns), None) {
            Ok(_) => self.sim_refresh_budget(sim),
            Err(stop) => Err(self.sim_stop(stop)),
        }
    }

    /// Brings the virtual clock up to date with the instructions this thread has run since
    /// it last met the scheduler (no scheduling decision is taken). Starting a thread does
    /// this, so the new thread begins waiting for the GIL at the right virtual time.
    pub(crate) fn sim_sync(&self) -> PyResult<()> {
        match &self.interp.sim {
            Some(sim) => self.sim_refresh_budget(sim),
            None => Ok(()),
        }
    }

    fn sim_refresh_budget(&self, sim: &Sim) -> PyResult<()> {
        self.sim_ask(sim, Point::Sync)
    }

    /// The virtual time in seconds as this thread sees it.
    pub fn sim_now(&self, sim: &Sim) -> f64 {
        sim.now_ns(&self.thread, self.sim_pending.get()) as f64 / 1e9
    }
}

impl Vm {
    /// When an event of this thread happens: its own virtual time in simulated mode (the
    /// shared clock lags behind the instructions it has not accounted yet).
    pub fn event_time(&self) -> Duration {
        match &self.interp.sim {
            Some(sim) => Duration::from_nanos(sim.now_ns(&self.thread, self.sim_pending.get())),
            None => self.interp.runtime.events.now(),
        }
    }

    /// Emits an event of this thread, timed by [`Vm::event_time`], if anyone listens.
    pub fn emit(&self, make: impl FnOnce() -> crate::runtime::events::Event) {
        let events = &self.interp.runtime.events;
        if events.active() {
            events.emit_at(self.event_time(), make);
        }
    }

    /// `--trace lines|ops`: reports a new source line (and, for ops, the instruction) about to
    /// run, timed on the virtual clock in simulated mode.
    pub(crate) fn trace_instruction(
        &self,
        code: &std::sync::Arc<crate::compiler::bytecode::CodeObject>,
        pc: usize,
    ) {
        let events = &self.interp.runtime.events;
        let at = self.event_time();
        let thread = self.thread.ident;
        let line = code.line_at(pc);
        if line == 0 {
            return;
        }
        let key = (std::sync::Arc::as_ptr(code) as usize, line);
        if self.traced_line.get() != key && !code.stdlib {
            self.traced_line.set(key);
            events.emit_at(at, || crate::runtime::events::Event::Line {
                thread,
                file: code.filename.clone(),
                line,
            });
        }
        if self.trace_ops && !code.stdlib {
            events.emit_at(at, || crate::runtime::events::Event::Op {
                thread,
                text: crate::compiler::dis::instruction_text(code, pc),
            });
        }
    }
}

/// How many instructions a superinstruction's fast path stood for: all of them, except a
/// `FOR_ITER; STORE_FAST` whose iterator was exhausted (only the FOR_ITER ran).
pub(crate) fn quick_weight(q: crate::compiler::bytecode::Quick, pc: usize, next: usize) -> u64 {
    use crate::compiler::bytecode::Quick;
    match q {
        Quick::FastFast(..) | Quick::ForIterStore(..) if next != pc + 1 => 1,
        Quick::FastFast(..) | Quick::ForIterStore(..) => 2,
        Quick::FastConstBinary(..) | Quick::FastImmBinary(..) | Quick::FastFastBinary(..) => 3,
        Quick::FastConstUpdate(..)
        | Quick::FastImmUpdate(..)
        | Quick::FastConstCompareJump(..)
        | Quick::FastImmCompareJump(..)
        | Quick::FastFastCompareJump(..) => 4,
    }
}

impl Vm {
    /// Whether the eval loop must look between every two instructions: the every-op and
    /// ticks policies, tracing lines, and simulated runs without a GIL or exploring (where
    /// any instruction boundary may be a switch).
    pub(crate) fn needs_per_instruction(&self) -> bool {
        if self.interp.check_points().per_instruction() || self.tracing {
            return true;
        }
        match &self.interp.sim {
            Some(sim) => self.interp.gil.model == GilModel::Off || sim.options().explore,
            None => false,
        }
    }
}

/// The virtual time `ns` after `now`, for a sleep or a timed wait. The virtual clock counts
/// nanoseconds in a u64 and the instructions after a wait are added to it unchecked, so no
/// wait may end past the range of CPython's own clock type (`_PyTime_t`: i64 nanoseconds,
/// about 292 years): one that would is an OverflowError, not a clock that wraps round to
/// 1970 (nor one that stops at its end, where a loop waiting for time to pass would spin).
fn virtual_deadline(now: u64, ns: u128) -> PyResult<u64> {
    let end = u128::from(now).saturating_add(ns);
    if end > i64::MAX as u128 {
        return Err(super::errors::overflow_error(
            "timestamp out of range for platform time_t (the virtual clock ends after 292 years)",
        ));
    }
    Ok(end as u64)
}
