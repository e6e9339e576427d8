//! The scheduling seam, one per run and chosen when the run starts: everything the VM,
//! `_thread`, `time`, locks and queues need from "the scheduler" — check points, blocking
//! waits, sleeps, clocks, a thread's start and end — answered by the real implementation (OS
//! threads under each interpreter's real GIL, the wall clock) or the simulated one (one baton
//! handed between the threads, a virtual clock, every choice a decision drawn from the seed;
//! DESIGN.md "Real and simulated modes"). Callers never ask which one they have.

pub mod ids;
mod real;
pub mod rng;
pub mod schedule;
pub mod sim;
pub mod zone;

use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

use super::gil::{Gil, GilModel};
use super::interpreter::Interpreter;
use super::thread::{Location, ThreadState, WaitKind};
pub use sim::{SimOptions, Stop, max_steps_message};

/// The run's scheduler.
#[derive(Clone)]
pub enum Scheduler {
    Real(Arc<real::Real>),
    Simulated(Arc<sim::Sim>),
}

/// The calling thread as the scheduler sees it: its interpreter, its state, and its tally.
pub struct Caller<'a> {
    pub interp: &'a Interpreter,
    pub thread: &'a Arc<ThreadState>,
    pub tally: &'a Tally,
}

/// The running thread's side of scheduling, kept by its `Vm` (plain cells: only its own OS
/// thread touches them).
pub struct Tally {
    /// Whether instructions are counted (simulated runs charge each to the virtual clock).
    pub counting: bool,
    /// The model of the thread's GIL (it never changes for a thread).
    pub model: GilModel,
    /// Instructions run since the scheduler last accounted them.
    pub pending: Cell<u64>,
    /// How many may run before the scheduler must be asked again.
    pub budget: Cell<u64>,
    /// Instructions left before the next tick (the `ticks:N` policy).
    pub ticks: Cell<u32>,
    /// Whether the running instruction belongs to gilsim's own Python stdlib (exploration
    /// does not switch threads inside it).
    pub in_stdlib: Cell<bool>,
}

impl Tally {
    pub fn new(counting: bool, model: GilModel) -> Tally {
        Tally {
            counting,
            model,
            pending: Cell::new(0),
            budget: Cell::new(0),
            ticks: Cell::new(1),
            in_stdlib: Cell::new(false),
        }
    }

    /// Counts `n` instructions just run.
    #[inline(always)]
    pub fn count(&self, n: u64) {
        self.pending.set(self.pending.get() + n);
    }
}

/// Why a blocking call or a sleep did not complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Halt {
    /// The run is being stopped (see [`Stop`]).
    Stop(Stop),
    /// The wait would end past the clock's range: an OverflowError with this message.
    ClockOverflow(&'static str),
}

impl From<Stop> for Halt {
    fn from(stop: Stop) -> Halt {
        Halt::Stop(stop)
    }
}

/// A blocking wait, as deadlock reports and traces describe it.
pub struct Wait {
    pub what: String,
    pub kind: WaitKind,
    /// Where in the program the thread blocked (None for interpreter shutdown).
    pub location: Option<Location>,
}

/// Numbers every wait (see `Blocked::seq`).
static WAIT_SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Records what the calling thread waits for (deadlock reports) and announces it at `at`
/// (traces, timelines).
fn record_wait(c: &Caller<'_>, wait: &Wait, indefinite: bool, at: Duration) {
    *c.thread.blocked.lock() = Some(super::thread::Blocked {
        what: wait.what.clone(),
        kind: wait.kind.clone(),
        indefinite,
        location: wait.location.clone(),
        seq: WAIT_SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
    });
    let thread = c.thread.ident;
    c.interp
        .runtime
        .events
        .emit_at(at, || super::events::Event::Block {
            thread,
            what: wait.what.clone(),
            line: wait.location.as_ref().map_or(0, |l| l.line),
        });
}

impl Scheduler {
    /// The scheduler for a run: simulated with `sim` options (moving `virtual_clock`), else
    /// real.
    pub fn new(
        sim: Option<SimOptions>,
        virtual_clock: Option<Arc<std::sync::atomic::AtomicU64>>,
        started: std::time::Instant,
        events: &Arc<super::events::Events>,
    ) -> Scheduler {
        match (sim, virtual_clock) {
            (Some(options), Some(clock)) => {
                Scheduler::Simulated(Arc::new(sim::Sim::new(options, clock, events.clone())))
            }
            _ => Scheduler::Real(Arc::new(real::Real::new(started))),
        }
    }

    /// The simulated scheduler, for the drivers that report on one (schedules, summaries).
    pub fn simulated(&self) -> Option<&Arc<sim::Sim>> {
        match self {
            Scheduler::Simulated(sim) => Some(sim),
            Scheduler::Real(_) => None,
        }
    }

    /// A new GIL for an interpreter, numbered in creation order.
    pub fn new_gil(
        &self,
        id: usize,
        model: GilModel,
        interval: Duration,
        events: Arc<super::events::Events>,
    ) -> Arc<Gil> {
        let gil = Arc::new(Gil::new(id, model, interval, events));
        if let Scheduler::Simulated(sim) = self {
            sim.add_gil(&gil);
        }
        gil
    }

    /// Whether every instruction is counted (the eval loop charges them to the clock).
    pub fn counts_instructions(&self) -> bool {
        matches!(self, Scheduler::Simulated(_))
    }

    /// Whether threads of this GIL model may switch between any two instructions, whatever
    /// the check-point policy: simulated runs without a GIL, and exploration.
    pub fn switches_anywhere(&self, model: GilModel) -> bool {
        match self {
            Scheduler::Simulated(sim) => model == GilModel::Off || sim.options().explore,
            Scheduler::Real(_) => false,
        }
    }

    /// Whether this scheduler sees deadlocks itself (the real one needs a watchdog).
    pub fn detects_deadlocks(&self) -> bool {
        matches!(self, Scheduler::Simulated(_))
    }

    /// Object identities as this run shows them (per-run numbers in simulated runs).
    pub fn ids(&self) -> Option<Arc<ids::IdAliases>> {
        self.simulated().map(|sim| sim.ids.clone())
    }

    /// `os.cpu_count()`: the virtual cores in simulated runs (the same on every machine).
    pub fn cpu_count(&self) -> usize {
        match self {
            Scheduler::Simulated(sim) => sim.options().cores as usize,
            Scheduler::Real(_) => {
                std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
            }
        }
    }

    /// A key for a `random` generator the program left unseeded: None means OS entropy.
    pub fn entropy(&self) -> Option<[u32; 4]> {
        self.simulated().map(|sim| sim.entropy())
    }

    /// A new thread of `c`'s interpreter: the creator's instructions are accounted first,
    /// so the new thread starts at the right (virtual) time.
    pub fn add_thread(&self, c: &Caller<'_>, thread: &Arc<ThreadState>) -> Result<(), Stop> {
        self.add_thread_under(c, thread, &c.interp.gil)
    }

    /// `add_thread` for a thread of another interpreter (a new process's first thread),
    /// which will take that interpreter's GIL.
    pub fn add_thread_under(
        &self,
        c: &Caller<'_>,
        thread: &Arc<ThreadState>,
        gil: &Arc<super::gil::Gil>,
    ) -> Result<(), Stop> {
        if let Scheduler::Simulated(sim) = self {
            sim.at(c.thread, c.tally.pending.replace(0), sim::Point::Sync)
                .map(|budget| c.tally.budget.set(budget))?;
            sim.register(thread, gil);
        }
        Ok(())
    }

    /// The calling thread is about to read or write memory that threads running in
    /// parallel share (`multiprocessing.Value`/`Array`). Exploring, that access is a switch
    /// point toward the threads running in parallel, whatever the check-point policy: see
    /// `Point::Shared`. Other runs decide nothing here.
    pub fn shared_access(&self, c: &Caller<'_>) -> Result<(), Stop> {
        match self {
            Scheduler::Simulated(sim) if sim.options().explore => sim
                .at(c.thread, c.tally.pending.replace(0), sim::Point::Shared)
                .map(|budget| c.tally.budget.set(budget)),
            _ => Ok(()),
        }
    }

    /// Which of `n` events due together comes next: a decision when exploring (see
    /// `Sim::choose_order`), else 0 (CPython's order).
    pub fn choose_order(&self, n: u32) -> Result<u32, Stop> {
        match self {
            Scheduler::Simulated(sim) => sim.choose_order(n),
            Scheduler::Real(_) => Ok(0),
        }
    }

    /// Whether this run is an exploration (or the replay of one of its schedules).
    pub fn explores(&self) -> bool {
        matches!(self, Scheduler::Simulated(sim) if sim.options().explore)
    }

    /// The first thread of a run (registered before anything runs).
    pub fn add_first_thread(&self, thread: &Arc<ThreadState>, gil: &Arc<Gil>) {
        if let Scheduler::Simulated(sim) = self {
            sim.register(thread, gil);
        }
    }

    /// A started thread's first moment: it announces itself as `name` and waits for its
    /// turn (takes its GIL). False if the run was stopped meanwhile.
    pub fn begin_thread(&self, c: &Caller<'_>, name: &str) -> bool {
        let thread = c.thread.ident;
        let start = || super::events::Event::ThreadStart {
            thread,
            name: name.to_string(),
        };
        let events = &c.interp.runtime.events;
        match self {
            Scheduler::Simulated(sim) => {
                // A simulated thread exists for the trace only once it is scheduled (its OS
                // thread starts at no particular moment).
                let started = sim.begin(c.thread).is_ok();
                if started {
                    events.emit_at(self.event_time(c), start);
                }
                started
            }
            Scheduler::Real(_) => {
                // It waits for the GIL from its start.
                events.emit_at(self.event_time(c), start);
                c.interp.gil.real.take(c.thread, c.interp.gil.interval())
            }
        }
    }

    /// The run's first thread takes its GIL (it started holding the baton if simulated).
    pub fn begin_first_thread(&self, c: &Caller<'_>) -> bool {
        match self {
            Scheduler::Simulated(sim) => sim.begin(c.thread).is_ok(),
            Scheduler::Real(_) => c.interp.gil.real.take(c.thread, c.interp.gil.interval()),
        }
    }

    /// A thread's last moment: its joiners wake and it lets its GIL go.
    pub fn end_thread(&self, c: &Caller<'_>) -> Result<(), Stop> {
        match self {
            Scheduler::Simulated(sim) => sim.exit(c.thread, c.tally.pending.replace(0)),
            Scheduler::Real(_) => {
                let reason = super::gil::ReleaseReason::Exit;
                c.interp.gil.real.release(c.thread, reason);
                Ok(())
            }
        }
    }

    /// The main thread is done: its last instructions are accounted and its joiners woken,
    /// `stop_everyone` tells every other thread to stop, and only then does it let its GIL
    /// go (so no daemon thread runs on after the program has ended).
    pub fn end_main_thread(&self, c: &Caller<'_>, stop_everyone: impl FnOnce()) {
        match self {
            Scheduler::Simulated(sim) => {
                let _ = sim.exit(c.thread, c.tally.pending.replace(0));
                stop_everyone();
            }
            Scheduler::Real(_) => {
                stop_everyone();
                let reason = super::gil::ReleaseReason::Exit;
                c.interp.gil.real.release(c.thread, reason);
            }
        }
    }

    /// The calling thread (`c`) runs code in another interpreter on its OS thread, as
    /// CPython switches thread states: `into`, its new thread state in `target`, takes over,
    /// and the caller waits for it (recorded as waiting for `what`) with its own GIL let go.
    /// Ok(false) if the run was stopped meanwhile.
    pub fn enter_interpreter(
        &self,
        c: &Caller<'_>,
        target: &Interpreter,
        into: &Arc<ThreadState>,
        wait: Wait,
    ) -> Result<(), Halt> {
        let thread = into.ident;
        let name = into.name();
        let start = || super::events::Event::ThreadStart { thread, name };
        let events = &c.interp.runtime.events;
        match self {
            Scheduler::Simulated(sim) => {
                let at = self.event_time(c);
                record_wait(c, &wait, true, at);
                let pending = c.tally.pending.replace(0);
                sim.switch_in(c.thread, pending, into, &target.gil)?;
                let now = Duration::from_nanos(sim.now_ns(into, 0));
                events.emit_at(now, start);
                Ok(())
            }
            Scheduler::Real(_) => {
                record_wait(c, &wait, true, events.now());
                let reason = super::gil::ReleaseReason::Blocking;
                c.interp.gil.real.release(c.thread, reason);
                events.emit(start);
                if target.gil.real.take(into, target.gil.interval()) {
                    Ok(())
                } else {
                    Err(Halt::Stop(Stop::Stopped))
                }
            }
        }
    }

    /// Back from another interpreter: its thread state (`from`) ends and lets that
    /// interpreter's GIL go; the caller's own (`back`) stops waiting and takes its GIL again.
    pub fn leave_interpreter(&self, from: &Caller<'_>, back: &Caller<'_>) -> Result<(), Halt> {
        from.thread.mark_finished();
        let thread = from.thread.ident;
        let events = &back.interp.runtime.events;
        events.emit_at(self.event_time(from), || super::events::Event::ThreadExit {
            thread,
        });
        let result = match self {
            Scheduler::Simulated(sim) => {
                let pending = from.tally.pending.replace(0);
                sim.switch_back(from.thread, pending, back.thread)
                    .map_err(Halt::Stop)
            }
            Scheduler::Real(_) => {
                let reason = super::gil::ReleaseReason::Exit;
                from.interp.gil.real.release(from.thread, reason);
                let thread = back.thread.ident;
                events.emit(|| super::events::Event::Wake { thread });
                let gil = &back.interp.gil;
                if gil.real.take(back.thread, gil.interval()) {
                    Ok(())
                } else {
                    Err(Halt::Stop(Stop::Stopped))
                }
            }
        };
        *back.thread.blocked.lock() = None;
        result
    }

    /// A thread unwinding from a stop request settles its instruction count with the
    /// simulated clock (see `Sim::settle`); real runs keep no such count.
    pub fn settle(&self, c: &Caller<'_>) {
        if let Scheduler::Simulated(sim) = self {
            sim.settle(c.thread, c.tally.pending.replace(0));
        }
    }

    /// A check point reached with the eval breaker set (after stop requests and Ctrl-C are
    /// handled): the GIL's rules run here.
    pub fn check_point(&self, c: &Caller<'_>) -> Result<(), Stop> {
        match self {
            Scheduler::Simulated(sim) => sim::hooks::check_point(sim, c),
            Scheduler::Real(_) => {
                let gil = &c.interp.gil;
                if gil.real.check_point(c.thread, gil.interval()) {
                    Ok(())
                } else {
                    Err(Stop::Stopped)
                }
            }
        }
    }

    /// Between two instructions under a per-instruction policy (`every-op`, `ticks:N`,
    /// tracing, simulated runs that switch anywhere). Ok(true): the eval breaker is set and
    /// the caller must handle it.
    #[inline(always)]
    pub fn between_instructions(&self, c: &Caller<'_>) -> Result<bool, Stop> {
        match self {
            Scheduler::Simulated(sim) => sim::hooks::between_instructions(sim, c).map(|()| false),
            Scheduler::Real(_) => real::between_instructions(c),
        }
    }

    /// Blocks the calling thread, with its GIL released, until `attempt` succeeds or
    /// `timeout` passes (Ok(None)). `attempt(slice)` may wait at most `slice`.
    pub fn block<T>(
        &self,
        c: &Caller<'_>,
        wait: Wait,
        timeout: Option<Duration>,
        attempt: impl FnMut(Duration) -> Option<T>,
    ) -> Result<Option<T>, Halt> {
        match self {
            Scheduler::Simulated(sim) => sim::hooks::block(sim, c, wait, timeout, attempt),
            Scheduler::Real(_) => real::block(c, wait, timeout, attempt),
        }
    }

    /// A short blocking call (a write(2)): `call` runs with the GIL released. In real mode
    /// the OS decides whether a waiting thread gets the GIL meanwhile; in a simulated run
    /// the call takes `duration` of virtual time, and a waiter gets the GIL only when it
    /// wins a race that the caller usually wins (`sim::gil`). `mid_call`: the native call
    /// making it has more to do afterwards (print's object, before its end).
    pub fn short_call(
        &self,
        c: &Caller<'_>,
        wait: Wait,
        duration: Duration,
        mid_call: bool,
        call: impl FnOnce(),
    ) -> Result<(), Halt> {
        match self {
            Scheduler::Simulated(sim) => {
                call();
                let ns = u64::try_from(duration.as_nanos()).unwrap_or(u64::MAX);
                sim::hooks::short_call(sim, c, wait, ns, mid_call)
            }
            Scheduler::Real(_) => {
                let mut call = Some(call);
                let forever = Some(Duration::from_secs(3600));
                real::block(c, wait, forever, |_| call.take().map(|f| f())).map(|_| ())
            }
        }
    }

    /// `time.sleep`: a blocking wait that always ends by itself; `location` is where the
    /// program called it.
    pub fn sleep(
        &self,
        c: &Caller<'_>,
        duration: Duration,
        location: Option<Location>,
    ) -> Result<(), Halt> {
        self.wait_for(c, duration, "the end of a sleep".into(), location)
    }

    /// A timed wait for `what` (a sleep, or a simulated network response) that ends by
    /// itself after `duration`; the views name the wait by `what`.
    pub fn wait_for(
        &self,
        c: &Caller<'_>,
        duration: Duration,
        what: String,
        location: Option<Location>,
    ) -> Result<(), Halt> {
        let wait = Wait {
            what,
            kind: WaitKind::Other,
            location,
        };
        match self {
            Scheduler::Simulated(sim) => sim::hooks::sleep(sim, c, duration, wait),
            Scheduler::Real(_) => real::sleep(c, duration, wait),
        }
    }

    /// Stops a thread of a killed process: it unwinds at its next check point or from the
    /// wait it is blocked in.
    pub fn kill_thread(&self, thread: &ThreadState) {
        thread.request(super::thread::breaker::STOP);
        if let Scheduler::Simulated(sim) = self {
            sim.kill(thread.ident);
        }
    }

    /// A lock was released: threads blocked on it may retry.
    pub fn lock_released(&self, identity: u64) {
        if let Scheduler::Simulated(sim) = self {
            sim.notify(sim::WaitKey::Lock(identity));
        }
    }

    /// Time since the run started, as the calling thread's clocks (`time.*`) read it: in
    /// simulated runs by way of float seconds, as they always have been (a nanosecond
    /// count read back from a float may differ in its last digit).
    pub fn now(&self, c: &Caller<'_>) -> Duration {
        match self {
            Scheduler::Simulated(sim) => {
                let ns = sim.now_ns(c.thread, c.tally.pending.get());
                Duration::from_secs_f64(ns as f64 / 1e9)
            }
            Scheduler::Real(real) => real.started.elapsed(),
        }
    }

    /// Time since the Unix epoch: a simulated run's wall clock starts at 2026-01-01.
    pub fn wall_clock(&self, c: &Caller<'_>) -> Duration {
        match self {
            Scheduler::Simulated(_) => sim::VIRTUAL_EPOCH + self.now(c),
            Scheduler::Real(_) => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default(),
        }
    }

    /// The local time zone of the wall clock: UTC in a simulated run (its output must not
    /// depend on the machine), the machine's zone in a real one.
    pub fn local_zone(&self) -> &'static zone::Zone {
        match self {
            Scheduler::Simulated(_) => zone::utc_zone(),
            Scheduler::Real(_) => zone::machine_zone(),
        }
    }

    /// CPU time of the process and of the calling thread: the OS's, or the virtual cost of
    /// the instructions executed (sleeping and waiting cost none).
    pub fn cpu_times(&self, c: &Caller<'_>) -> (Duration, Duration) {
        match self {
            Scheduler::Simulated(sim) => {
                let (process, thread) = sim.cpu_ns(c.thread, c.tally.pending.get());
                (Duration::from_nanos(process), Duration::from_nanos(thread))
            }
            Scheduler::Real(_) => real::cpu_times(),
        }
    }

    /// When an event of the calling thread happens: its own virtual time in simulated mode
    /// (the shared clock lags behind the instructions it has not accounted yet).
    pub fn event_time(&self, c: &Caller<'_>) -> Duration {
        match self {
            Scheduler::Simulated(sim) => {
                Duration::from_nanos(sim.now_ns(c.thread, c.tally.pending.get()))
            }
            Scheduler::Real(real) => real.started.elapsed(),
        }
    }

    /// How long the run has lasted: virtual time, or the wall clock's.
    pub fn elapsed(&self) -> Duration {
        match self {
            Scheduler::Simulated(sim) => sim.totals().0,
            Scheduler::Real(real) => real.started.elapsed(),
        }
    }

    /// Why the run hit a limit (`--max-steps`, a replay that diverged), if it did.
    pub fn limit_reason(&self) -> Option<String> {
        self.simulated().and_then(|sim| sim.limit_reason())
    }

    /// Every parked thread wakes and unwinds.
    pub fn stop(&self) {
        if let Scheduler::Simulated(sim) = self {
            sim.stop();
        }
    }
}
