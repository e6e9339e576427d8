//! Simulated mode (DESIGN.md "Real and simulated modes"): one scheduler decides every GIL
//! handoff, wake-up and preemption from a seed, on a virtual clock. Python threads still run
//! on their own OS threads, but only the thread holding the baton executes; the others are
//! parked until the scheduler hands the baton on. Every choice goes through [`Sim::decide`],
//! so a run is a pure function of program + flags + seed, and can be recorded and replayed.

mod accounting;
pub use accounting::SimStatsTotals;
mod choices;
pub mod ids;
mod reduce;
pub mod rng;
pub mod schedule;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use parking_lot::{Condvar, Mutex, MutexGuard};

use super::deadlock::LockInfo;
use super::events::{Event, Events};
use super::gil::{GilModel, ReleaseReason};
use super::thread::ThreadState;
use rng::SplitMix64;
use schedule::{Decision, Kind, Schedule};

/// The virtual cost model (documented in the README).
pub mod cost {
    /// One bytecode instruction (about what CPython 3.12 takes for a simple one).
    pub const INSTRUCTION_NS: u64 = 20;
    /// Handing the GIL (or a core) from one thread to another.
    pub const HANDOFF_NS: u64 = 5_000;
    /// Added to every sleep, as Linux's default timer slack is: even `sleep(0)` takes time.
    pub const SLEEP_SLACK_NS: u64 = 50_000;
    /// Old GIL: a waiter wins the holder's release-and-retake race once in this many tries.
    pub const OLD_GIL_WIN_ONE_IN: u32 = 32;
    /// No GIL: a running thread goes on for 1..=2×this many instructions before the scheduler
    /// looks again (a seeded draw, so races land on varying instructions).
    pub const PARALLEL_QUANTUM: u32 = 40;
}

/// What a simulated run is configured with.
#[derive(Debug, Clone)]
pub struct SimOptions {
    pub seed: u64,
    /// Virtual cores (matters without a GIL).
    pub cores: u32,
    /// Stop after this many instructions.
    pub max_steps: Option<u64>,
    /// Decisions to replay instead of drawing them from the seed.
    pub replay: Option<Schedule>,
    /// Exploration (`gilsim explore`): every switch point is a decision, the replayed
    /// decisions are a prefix and every later decision takes the default (no switch).
    pub explore: bool,
    /// Randomized exploration: at these switch points (counted from 0) the running thread
    /// is preempted for a random other one; waiters are chosen at random (from the seed).
    pub random_preemptions: Option<Vec<u64>>,
    /// A thread that gave up the baton watches it for a moment before sleeping. That pays
    /// only when another core is free to run the baton's holder meanwhile: off on one core,
    /// and off when the explorer already keeps every core busy with its own runs.
    pub spin: bool,
    /// Run every thread of this run on this OS core (the explorer's workers: a handoff
    /// between threads on one core is a cheap same-core switch).
    pub core: Option<usize>,
}

impl Default for SimOptions {
    fn default() -> SimOptions {
        SimOptions {
            seed: 0,
            cores: 4,
            max_steps: None,
            replay: None,
            explore: false,
            random_preemptions: None,
            spin: *SPARE_CORE,
            core: None,
        }
    }
}

/// What a blocked thread waits for, so the scheduler knows whom an event wakes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitKey {
    Lock(u64),
    Thread(u64),
    Shutdown,
    /// Only its deadline wakes it (a sleep).
    Timer,
}

/// Why a call into the scheduler did not return normally: the run must unwind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Stopped from outside (timeout, another thread's deadlock report, shutdown).
    Stopped,
    /// Every thread is blocked for good: the caller reports the deadlock.
    Deadlock,
    /// `--max-steps` reached, or a replay diverged: the reason is recorded.
    Limit,
}

/// Where a running thread asks the scheduler for a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// A check point of the active policy (3.10 positions, every instruction, N ticks).
    Check,
    /// The old GIL's periodic release (every N ticks).
    OldGilTick,
    /// Nothing to decide, only to account time (a clock read, before blocking).
    Sync,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Ready,
    Running,
    Blocked { key: WaitKey, deadline: Option<u64> },
    Finished,
}

struct SimThread {
    state: Arc<ThreadState>,
    status: Status,
    wake: Arc<Condvar>,
    /// This thread's virtual time (with a GIL, the global clock while it runs).
    clock: u64,
    /// Since when it has wanted the GIL (new GIL drop requests) or a core.
    ready_since: u64,
    timed_out: bool,
    /// Instructions this thread executed (its CPU time, `time.thread_time`).
    steps: u64,
    /// The lock a thread blocked in `acquire` tries again once woken (exploration leaves
    /// a retry that cannot succeed out, see `reduce.rs`).
    retry: Option<reduce::Retry>,
    /// Since when it has held the GIL (virtual ns), for `--stats`.
    held_since: Option<u64>,
}

struct SimState {
    threads: Vec<SimThread>,
    index: HashMap<u64, usize>,
    running: Option<usize>,
    now: u64,
    last_switch: u64,
    rng: SplitMix64,
    decisions: Vec<Decision>,
    replay: Option<Vec<Decision>>,
    steps: u64,
    /// Exploration switch points met so far (random preemptions are placed by this count).
    switch_points: u64,
    stopped: bool,
    limit_reason: Option<String>,
    /// GIL handoffs from one thread to another, and virtual ns during which some thread
    /// waited for the GIL (`--stats`).
    switches: u64,
    with_waiters: u64,
}

pub struct Sim {
    model: GilModel,
    options: SimOptions,
    state: Mutex<SimState>,
    /// The global virtual time in ns, readable without the lock (events, traces).
    pub clock: Arc<AtomicU64>,
    /// The switch interval in ns (`sys.setswitchinterval` changes it).
    interval: AtomicU64,
    /// Deterministic object identities for this run.
    pub ids: Arc<ids::IdAliases>,
    events: Arc<Events>,
    /// Index + 1 of the thread holding the baton, readable without the lock (spinning).
    baton: std::sync::atomic::AtomicUsize,
    /// Set when a thread became ready (a notify, a new thread): the running thread's budget
    /// is stale and it must ask again at its next switch point.
    dirty: std::sync::atomic::AtomicBool,
    /// How many unseeded `random` generators this run has created (see `entropy`).
    entropy_draws: AtomicU64,
}

type Guard<'a> = MutexGuard<'a, SimState>;

/// How long a thread that gave up the baton watches for it to come back before sleeping.
const SPIN_FOR: Duration = Duration::from_micros(30);

/// Spinning only pays when another core can run the thread holding the baton meanwhile.
static SPARE_CORE: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2));

impl Sim {
    pub fn new(
        model: GilModel,
        interval: Duration,
        options: SimOptions,
        events: Arc<Events>,
    ) -> Sim {
        let replay = options.replay.as_ref().map(|s| s.decisions.clone());
        Sim {
            model,
            state: Mutex::new(SimState {
                threads: Vec::new(),
                index: HashMap::new(),
                running: None,
                now: 0,
                last_switch: 0,
                rng: SplitMix64::new(options.seed),
                decisions: Vec::new(),
                replay,
                steps: 0,
                switch_points: 0,
                stopped: false,
                limit_reason: None,
                switches: 0,
                with_waiters: 0,
            }),
            options,
            clock: Arc::new(AtomicU64::new(0)),
            interval: AtomicU64::new(interval.as_nanos() as u64),
            ids: Arc::new(ids::IdAliases::default()),
            dirty: std::sync::atomic::AtomicBool::new(false),
            baton: std::sync::atomic::AtomicUsize::new(1),
            entropy_draws: AtomicU64::new(0),
            events,
        }
    }

    pub fn set_interval(&self, d: Duration) {
        self.interval.store(d.as_nanos() as u64, Ordering::Relaxed);
    }

    /// Whether the running thread's budget went stale (and clears the flag).
    #[inline]
    pub fn take_dirty(&self) -> bool {
        self.dirty.load(Ordering::Relaxed) && self.dirty.swap(false, Ordering::Relaxed)
    }

    pub fn options(&self) -> &SimOptions {
        &self.options
    }

    /// Adds a thread (in creation order, which is deterministic): the first one runs, the
    /// others start ready and wait for their turn in [`Sim::begin`].
    pub fn register(&self, t: &Arc<ThreadState>) {
        let mut st = self.state.lock();
        let i = st.threads.len();
        let first = st.running.is_none() && i == 0;
        let now = st
            .running
            .map_or(st.now, |r| st.threads[r].clock.max(st.now));
        st.threads.push(SimThread {
            state: t.clone(),
            status: if first {
                Status::Running
            } else {
                Status::Ready
            },
            wake: Arc::new(Condvar::new()),
            clock: now,
            ready_since: now,
            timed_out: false,
            steps: 0,
            retry: None,
            held_since: None,
        });
        st.index.insert(t.ident, i);
        if first {
            self.note_acquire(&mut st, i, i, now);
            st.running = Some(i);
        }
        self.dirty.store(true, Ordering::Relaxed);
    }

    /// A new thread's OS thread waits here for its first turn.
    pub fn begin(&self, me: &ThreadState) -> Result<(), Stop> {
        let mut st = self.state.lock();
        let i = self.index_of(&st, me)?;
        self.wait_turn(&mut st, i)
    }

    /// Accounts `instructions` run since the last call and makes the decision of `point`.
    /// Returns how many instructions may run before the scheduler must be asked again.
    pub fn at(&self, me: &ThreadState, instructions: u64, point: Point) -> Result<u64, Stop> {
        let mut st = self.state.lock();
        if st.stopped {
            return Err(Stop::Stopped);
        }
        let i = self.index_of(&st, me)?;
        self.account(&mut st, i, instructions)?;
        self.expire_timers(&mut st);
        match (self.model, point) {
            (_, Point::Sync) => {}
            _ if self.options.explore => self.explore_point(&mut st, i, point)?,
            (GilModel::New, _) => self.new_gil_check(&mut st, i)?,
            (GilModel::Old, Point::OldGilTick) => self.old_gil_tick(&mut st, i)?,
            (GilModel::Old, Point::Check) => {}
            (GilModel::Off, _) => self.parallel_check(&mut st, i)?,
        }
        Ok(self.budget(&mut st, i))
    }

    /// The calling thread blocks until `key` is notified or the virtual `deadline` passes.
    /// Returns true if the deadline woke it. `lock`: the lock it acquires when it wakes, if
    /// that is what it waits for.
    pub fn block(
        &self,
        me: &ThreadState,
        instructions: u64,
        key: WaitKey,
        timeout_ns: Option<u64>,
        lock: Option<Arc<dyn LockInfo>>,
    ) -> Result<bool, Stop> {
        let mut st = self.state.lock();
        if st.stopped {
            return Err(Stop::Stopped);
        }
        let i = self.index_of(&st, me)?;
        self.account(&mut st, i, instructions)?;
        let deadline = timeout_ns.map(|t| st.threads[i].clock.saturating_add(t));
        st.threads[i].status = Status::Blocked { key, deadline };
        st.threads[i].timed_out = false;
        st.threads[i].retry = lock.map(|lock| reduce::Retry {
            lock,
            key,
            deadline,
        });
        self.pass_baton(&mut st, i, ReleaseReason::Blocking)?;
        self.wait_turn(&mut st, i)?;
        Ok(std::mem::take(&mut st.threads[i].timed_out))
    }

    /// Wakes every thread blocked on `key` (they retry their wait when they run).
    pub fn notify(&self, key: WaitKey) {
        let mut st = self.state.lock();
        self.dirty.store(true, Ordering::Relaxed);
        let now = st
            .running
            .map_or(st.now, |r| st.threads[r].clock.max(st.now));
        self.wake_where(&mut st, now, |k| k == key);
    }

    /// Blocked threads whose key matches become ready at `now` (a `Wake` event each).
    fn wake_where(&self, st: &mut SimState, now: u64, matches: impl Fn(WaitKey) -> bool) {
        for t in st.threads.iter_mut() {
            if let Status::Blocked { key, .. } = t.status
                && matches(key)
            {
                t.status = Status::Ready;
                t.clock = t.clock.max(now);
                t.ready_since = t.clock;
                let thread = t.state.ident;
                self.events
                    .emit_at(Duration::from_nanos(t.clock), || Event::Wake { thread });
            }
        }
    }

    /// The calling thread is done: wake its joiners and hand the baton on.
    pub fn exit(&self, me: &ThreadState, instructions: u64) -> Result<(), Stop> {
        let mut st = self.state.lock();
        let Ok(i) = self.index_of(&st, me) else {
            return Ok(());
        };
        if !st.stopped {
            let _ = self.account(&mut st, i, instructions);
        }
        st.threads[i].status = Status::Finished;
        let ident = me.ident;
        let now = st.threads[i].clock.max(st.now);
        self.wake_where(&mut st, now, |key| {
            key == WaitKey::Thread(ident) || key == WaitKey::Shutdown
        });
        if st.stopped {
            return Err(Stop::Stopped);
        }
        self.pass_baton(&mut st, i, ReleaseReason::Exit)
    }

    /// The virtual time as the calling thread sees it, `instructions` not yet accounted.
    pub fn now_ns(&self, me: &ThreadState, instructions: u64) -> u64 {
        let st = self.state.lock();
        let base = match st.index.get(&me.ident) {
            Some(&i) => st.threads[i].clock.max(if self.model == GilModel::Off {
                0
            } else {
                st.now
            }),
            None => st.now,
        };
        base + instructions * self.instruction_cost(&st)
    }

    /// Virtual CPU time in ns of the whole process and of the calling thread
    /// (`time.process_time`, `time.thread_time`): instructions executed, at their cost.
    pub fn cpu_ns(&self, me: &ThreadState, instructions: u64) -> (u64, u64) {
        let st = self.state.lock();
        let mine = st.index.get(&me.ident).map_or(0, |&i| st.threads[i].steps);
        (
            (st.steps + instructions) * cost::INSTRUCTION_NS,
            (mine + instructions) * cost::INSTRUCTION_NS,
        )
    }

    /// Ends the simulation: every parked thread wakes and unwinds.
    pub fn stop(&self) {
        let mut st = self.state.lock();
        st.stopped = true;
        for t in &st.threads {
            t.wake.notify_all();
        }
    }

    /// Why the run hit a limit (`--max-steps`, a diverging replay), if it did.
    pub fn limit_reason(&self) -> Option<String> {
        self.state.lock().limit_reason.clone()
    }

    /// The decisions made so far, as a schedule.
    pub fn schedule(&self, model: String, program: String) -> Schedule {
        Schedule {
            seed: self.options.seed,
            model,
            program,
            decisions: self.state.lock().decisions.clone(),
        }
    }

    /// The line a simulated run ends with (on stderr).
    pub fn summary(&self) -> String {
        let (elapsed, steps) = self.totals();
        let decisions = self.state.lock().decisions.len();
        format!(
            "gilsim: simulated run (seed {}, {} virtual cores): {:.6} s of virtual time, {} instructions, {} scheduling decisions\n",
            self.options.seed,
            self.options.cores,
            elapsed.as_secs_f64(),
            steps,
            decisions
        )
    }

    /// Exploration switch points met so far.
    pub fn switch_points(&self) -> u64 {
        self.state.lock().switch_points
    }

    /// Virtual time elapsed so far and instructions executed.
    pub fn totals(&self) -> (Duration, u64) {
        let st = self.state.lock();
        let end = st
            .threads
            .iter()
            .map(|t| t.clock)
            .max()
            .unwrap_or(0)
            .max(st.now);
        (Duration::from_nanos(end), st.steps)
    }

    // ---- internals -------------------------------------------------------------------

    fn index_of(&self, st: &SimState, me: &ThreadState) -> Result<usize, Stop> {
        st.index.get(&me.ident).copied().ok_or(Stop::Stopped)
    }

    /// Per-instruction virtual cost: without a GIL, more runnable threads than cores share
    /// them, so each one advances more slowly.
    fn instruction_cost(&self, st: &SimState) -> u64 {
        if self.model != GilModel::Off {
            return cost::INSTRUCTION_NS;
        }
        let runnable = st
            .threads
            .iter()
            .filter(|t| matches!(t.status, Status::Ready | Status::Running))
            .count() as u64;
        let cores = u64::from(self.options.cores.max(1));
        cost::INSTRUCTION_NS * runnable.max(cores) / cores
    }

    fn account(&self, st: &mut SimState, i: usize, instructions: u64) -> Result<(), Stop> {
        let spent = instructions * self.instruction_cost(st);
        st.steps += instructions;
        st.threads[i].steps += instructions;
        let t = &mut st.threads[i];
        if self.model == GilModel::Off {
            t.clock += spent;
            let min = st
                .threads
                .iter()
                .filter(|t| matches!(t.status, Status::Ready | Status::Running))
                .map(|t| t.clock)
                .min()
                .unwrap_or(st.now);
            st.now = st.now.max(min);
        } else {
            let before = st.now;
            st.now = st.now.max(t.clock) + spent;
            st.threads[i].clock = st.now;
            accounting::advanced(st, before);
        }
        self.clock.store(st.now, Ordering::Relaxed);
        if let Some(max) = self.options.max_steps
            && st.steps > max
        {
            st.limit_reason = Some(max_steps_message(max));
            return Err(Stop::Limit);
        }
        Ok(())
    }

    /// Timed waits whose virtual deadline has passed become ready (timed out).
    fn expire_timers(&self, st: &mut SimState) {
        let now = st.now;
        for t in st.threads.iter_mut() {
            if let Status::Blocked {
                deadline: Some(d), ..
            } = t.status
                && d <= now
            {
                t.status = Status::Ready;
                t.timed_out = true;
                t.clock = t.clock.max(d);
                t.ready_since = d;
                let thread = t.state.ident;
                self.events
                    .emit_at(Duration::from_nanos(d), || Event::Wake { thread });
            }
        }
    }

    /// The new GIL: a waiter that has waited a whole interval since it began waiting (or since
    /// the last switch) has set a drop request; the holder honours it here and the GIL goes
    /// to one of the other waiters (forced switching: never straight back to the holder).
    fn new_gil_check(&self, st: &mut Guard<'_>, i: usize) -> Result<(), Stop> {
        let interval = self.interval_ns();
        let last_switch = st.last_switch;
        let due = st
            .threads
            .iter()
            .filter(|t| t.status == Status::Ready)
            .map(|t| t.ready_since.max(last_switch) + interval)
            .min();
        if due.is_some_and(|d| st.now >= d) {
            let requester = st
                .threads
                .iter()
                .filter(|t| t.status == Status::Ready)
                .min_by_key(|t| t.ready_since.max(last_switch));
            if let Some(t) = requester {
                t.state.stats.drop_requests.fetch_add(1, Ordering::Relaxed);
            }
            let by = requester.map_or(0, |t| t.state.ident);
            let holder = st.threads[i].state.ident;
            self.events
                .emit_at(Duration::from_nanos(st.now), || Event::DropRequest {
                    by,
                    holder,
                });
            self.switch_away(st, i, ReleaseReason::DropRequest)?;
        }
        Ok(())
    }

    /// The old GIL, every N ticks: release and re-take; a waiter rarely wins the race.
    fn old_gil_tick(&self, st: &mut Guard<'_>, i: usize) -> Result<(), Stop> {
        if !st.threads.iter().any(|t| t.status == Status::Ready) {
            return Ok(());
        }
        let race = self.decide(st, Kind::OldGilRace, cost::OLD_GIL_WIN_ONE_IN)?;
        if race == 0 {
            self.switch_away(st, i, ReleaseReason::Ticks)?;
        } else {
            let waiter = st.threads.iter().find(|t| t.status == Status::Ready);
            if let Some(w) = waiter {
                w.state.stats.failed_wakeups.fetch_add(1, Ordering::Relaxed);
                let thread = w.state.ident;
                self.events
                    .emit_at(Duration::from_nanos(st.now), || Event::FailedWakeup {
                        thread,
                    });
            }
        }
        Ok(())
    }

    /// No GIL: the thread furthest behind in virtual time runs next.
    fn parallel_check(&self, st: &mut Guard<'_>, i: usize) -> Result<(), Stop> {
        let mine = st.threads[i].clock;
        let behind = st
            .threads
            .iter()
            .enumerate()
            .any(|(j, t)| j != i && t.status == Status::Ready && t.clock < mine);
        if behind {
            st.threads[i].status = Status::Ready;
            st.threads[i].ready_since = mine;
            self.pass_baton(st, i, ReleaseReason::Quantum)?;
            self.wait_turn(st, i)?;
        }
        Ok(())
    }

    /// The running thread gives up the GIL to another waiter and queues again.
    fn switch_away(&self, st: &mut Guard<'_>, i: usize, reason: ReleaseReason) -> Result<(), Stop> {
        st.threads[i].status = Status::Ready;
        st.threads[i].ready_since = st.now;
        st.threads[i]
            .state
            .stats
            .forced_drops
            .fetch_add(1, Ordering::Relaxed);
        self.pass_baton_excluding(st, i, Some(i), reason)?;
        self.wait_turn(st, i)
    }

    fn pass_baton(
        &self,
        st: &mut Guard<'_>,
        from: usize,
        reason: ReleaseReason,
    ) -> Result<(), Stop> {
        self.pass_baton_excluding(st, from, None, reason)
    }

    /// Chooses who runs next after `from` stops running, and wakes it.
    fn pass_baton_excluding(
        &self,
        st: &mut Guard<'_>,
        from: usize,
        exclude: Option<usize>,
        reason: ReleaseReason,
    ) -> Result<(), Stop> {
        // The GIL is let go now, before the clock may jump to a timer below.
        let released_at = st.now.max(st.threads[from].clock);
        self.expire_timers(st);
        self.leave_out_futile_retries(st);
        let mut candidates = self.ready_threads(st, exclude);
        if candidates.is_empty() {
            // Nobody can run now: jump the clock to the earliest timer.
            let next_deadline = st
                .threads
                .iter()
                .filter_map(|t| match t.status {
                    Status::Blocked {
                        deadline: Some(d), ..
                    } => Some(d),
                    _ => None,
                })
                .min();
            match next_deadline {
                Some(d) => {
                    st.now = st.now.max(d);
                    self.expire_timers(st);
                    candidates = self.ready_threads(st, exclude);
                }
                None if exclude.is_some() => {
                    // Forced switch with nobody else ready after all: keep running.
                    st.threads[from].status = Status::Running;
                    st.running = Some(from);
                    return Ok(());
                }
                None => {
                    st.running = None;
                    let anyone_blocked = st
                        .threads
                        .iter()
                        .any(|t| matches!(t.status, Status::Blocked { .. }));
                    return if anyone_blocked {
                        Err(Stop::Deadlock)
                    } else {
                        Ok(())
                    };
                }
            }
        }
        let next = self.choose(st, &candidates)?;
        self.note_release(st, from, released_at);
        self.hand_to(st, from, next, reason);
        Ok(())
    }

    /// `next` runs now (it may be `from` itself).
    fn hand_to(&self, st: &mut Guard<'_>, from: usize, next: usize, reason: ReleaseReason) {
        if next != from {
            self.report_handoff(st, from, next, reason);
        }
        if next != from && self.model != GilModel::Off {
            let before = st.now;
            st.now = st.now.max(st.threads[next].clock) + cost::HANDOFF_NS;
            st.last_switch = st.now;
            accounting::advanced(st, before);
        }
        let now = st.now;
        self.note_acquire(st, from, next, now);
        let t = &mut st.threads[next];
        if self.model != GilModel::Off {
            t.clock = now;
        }
        t.status = Status::Running;
        t.retry = None;
        st.running = Some(next);
        self.baton.store(next + 1, Ordering::Release);
        self.clock.store(st.now, Ordering::Relaxed);
        st.threads[next].wake.notify_one();
    }

    /// The GIL (or, without one, the simulated core) goes from `from` to `next`: the same
    /// events as the real GIL's, timed on the virtual clock.
    fn report_handoff(&self, st: &SimState, from: usize, next: usize, reason: ReleaseReason) {
        if !self.events.active() {
            return;
        }
        let released_at = Duration::from_nanos(st.now.max(st.threads[from].clock));
        let thread = st.threads[from].state.ident;
        self.events
            .emit_at(released_at, || Event::GilRelease { thread, reason });
        let taken_at = if self.model == GilModel::Off {
            st.threads[next].clock
        } else {
            st.now.max(st.threads[next].clock) + cost::HANDOFF_NS
        };
        let waited = Duration::from_nanos(taken_at.saturating_sub(st.threads[next].ready_since));
        let thread = st.threads[next].state.ident;
        self.events
            .emit_at(Duration::from_nanos(taken_at), || Event::GilAcquire {
                thread,
                waited,
            });
    }

    fn ready_threads(&self, st: &SimState, exclude: Option<usize>) -> Vec<usize> {
        st.threads
            .iter()
            .enumerate()
            .filter(|(j, t)| t.status == Status::Ready && Some(*j) != exclude)
            .map(|(j, _)| j)
            .collect()
    }

    fn interval_ns(&self) -> u64 {
        self.interval.load(Ordering::Relaxed).max(1)
    }

    /// Parks the calling thread until the baton is its own.
    fn wait_turn(&self, st: &mut Guard<'_>, i: usize) -> Result<(), Stop> {
        let wake = st.threads[i].wake.clone();
        let mut spun = false;
        loop {
            if st.stopped {
                return Err(Stop::Stopped);
            }
            if st.running == Some(i) {
                return Ok(());
            }
            if !spun && self.options.spin {
                // Short turns often come straight back (a thread starts, sets an Event, and
                // exits): watch the baton for a moment before paying for a sleep/wake-up.
                spun = true;
                MutexGuard::unlocked(st, || self.spin_for_baton(i));
                continue;
            }
            wake.wait_for(st, Duration::from_millis(100));
        }
    }

    fn spin_for_baton(&self, i: usize) {
        let start = std::time::Instant::now();
        while start.elapsed() < SPIN_FOR {
            for _ in 0..64 {
                if self.baton.load(Ordering::Acquire) == i + 1 {
                    return;
                }
                std::hint::spin_loop();
            }
        }
    }
}

/// How a run cut off by `--max-steps` ends (the explorer recognises its runaways by it).
pub fn max_steps_message(max: u64) -> String {
    format!("gilsim: the run was stopped after --max-steps {max} instructions\n")
}

/// What a schedule was recorded under: the GIL model and knobs that change decisions.
pub fn model_line(options: &super::interpreter::RunOptions) -> String {
    let cores = options.sim.as_ref().map_or(4, |s| s.cores);
    let mode = if options.sim.as_ref().is_some_and(|s| s.explore) {
        "explore"
    } else {
        "sim"
    };
    format!(
        "gil={} check-points={} switch-interval={} cores={cores} mode={mode}",
        options.gil.name(),
        options.check_points.describe(),
        options.switch_interval
    )
}
