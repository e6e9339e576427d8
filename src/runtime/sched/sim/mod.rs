//! Simulated mode (DESIGN.md "Real and simulated modes"): one scheduler decides every GIL
//! handoff, wake-up and preemption from a seed, on a virtual clock. Python threads still run
//! on their own OS threads, but only the thread holding the baton executes; the others are
//! parked until the scheduler hands the baton on. Every choice goes through [`Sim::decide`],
//! so a run is a pure function of program + flags + seed, and can be recorded and replayed.
//!
//! A run may hold several GILs (interpreters that each own one) and threads without any
//! (`--gil off`). Threads under one GIL take turns on that GIL's time line (`gil.rs`);
//! threads that may run at once — the holders of different GILs, threads without a GIL —
//! run in parallel on virtual cores, the one furthest behind in virtual time first
//! (`handoff.rs`), each with its own clock (`clock.rs`).

mod choices;
mod clock;
mod gil;
mod handoff;
pub(super) mod hooks;
mod reduce;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use parking_lot::{Condvar, Mutex, MutexGuard};

use super::rng::SplitMix64;
use super::schedule::{Decision, Schedule};
use crate::runtime::deadlock::LockInfo;
use crate::runtime::events::Events;
use crate::runtime::gil::{Gil, GilModel, GilState, ReleaseReason};
use crate::runtime::thread::ThreadState;

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
    /// What a write(2) of a line to stdout costs (a pipe or terminal takes a microsecond or
    /// two).
    pub const WRITE_NS: u64 = 2_000;
    /// A short blocking call (such a write): a thread asleep in its wait for the GIL, woken
    /// by the caller's release, takes the GIL before the caller is back for it once in this
    /// many calls (the OS takes tens of microseconds to run it).
    pub const SLEEPER_WINS_ONE_IN: u32 = 16;
    /// ... but a thread that the OS woke (from a sleep, a lock, its start) less than
    /// `ARRIVING_NS` ago is still on its way into the wait, running, and finds the GIL free
    /// once in this many calls (if not, it is asleep in the wait from then on). Calibrated
    /// on CPython 3.11: the README's table of flushes and `-u` writes.
    pub const ARRIVING_WINS_ONE_IN: u32 = 2;
    /// How long a woken thread may take to reach its wait for the GIL.
    pub const ARRIVING_NS: u64 = 50_000;
    /// No GIL: a running thread goes on for 1..=2×this many instructions before the scheduler
    /// looks again (a seeded draw, so races land on varying instructions).
    pub const PARALLEL_QUANTUM: u32 = 40;
    /// The same for a thread that holds its interpreter's own GIL while threads of other
    /// interpreters run beside it: they share no objects (only copies cross, through
    /// channels and queues), so interleaving them finely would show nothing more and cost
    /// an OS-thread handoff per quantum.
    pub const ISOLATED_QUANTUM: u32 = 5_000;
}

/// In simulated mode the wall clock starts at 2026-01-01 00:00:00 UTC, so runs repeat.
pub const VIRTUAL_EPOCH: Duration = Duration::from_secs(1_767_225_600);

/// What a simulated run is configured with.
#[derive(Debug, Clone)]
pub struct SimOptions {
    pub seed: u64,
    /// Virtual cores (matters without a GIL, and for interpreters with a GIL each).
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
    /// Exploring: the running thread is about to touch memory shared with threads that run
    /// in parallel with it (a `multiprocessing.Value`/`Array` cell), a switch point toward
    /// those threads only.
    ///
    /// Why here and nowhere else: threads that run in parallel (processes, interpreters
    /// with their own GIL) share no objects, so the only orders between them that can
    /// change an outcome are the orders of their accesses to what they do share. Queues,
    /// pipes, locks, prints and Manager calls are native calls, and the 3.10 check point
    /// after the program's previous call already stands for "just before" them (only
    /// thread-local instructions lie between). Shared memory is the exception: the read
    /// and the write of `v.value += 1` lie inside one statement, reached through the
    /// stdlib's property (where exploration puts no switch points), with no check point
    /// between them. A switch point before every access (and not before every
    /// instruction) finds every order of accesses with few extra schedules. Threads
    /// without a GIL (`--gil off`) need none of this: they already switch at every
    /// instruction (`hooks::between_instructions`).
    Shared,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// Wants to run: it waits for its GIL, or holds it (or needs none) and waits for the
    /// baton.
    Ready,
    /// Holds the baton: the one thread executing.
    Running,
    Blocked {
        key: WaitKey,
        deadline: Option<u64>,
    },
    Finished,
}

struct SimThread {
    state: Arc<ThreadState>,
    /// Its interpreter's GIL (an index into `SimState::gils`); None without a GIL.
    gil: Option<usize>,
    /// Its interpreter's `Gil::id` even without a GIL (what its core handoffs are reported
    /// under).
    gil_id: usize,
    status: Status,
    wake: Arc<Condvar>,
    /// This thread's virtual time (under a GIL, that GIL's time line while it runs).
    clock: u64,
    /// Since when it has wanted its GIL (new GIL drop requests) or a core.
    ready_since: u64,
    /// Until when it is on its way into its wait for the GIL — running, after the OS woke
    /// it — rather than asleep in it (see `Sim::short_call`).
    arriving_until: u64,
    /// It blocked for a short call that a waiter's GIL win made it wait out: its wake-up is
    /// the call's return, no OS wake-up, and it is straight back in its wait.
    back_from_call: bool,
    timed_out: bool,
    /// Instructions this thread executed (its CPU time, `time.thread_time`).
    steps: u64,
    /// The lock a thread blocked in `acquire` tries again once woken (exploration leaves
    /// a retry that cannot succeed out, see `reduce.rs`).
    retry: Option<reduce::Retry>,
}

/// One GIL on the virtual clock.
struct SimGil {
    /// Its model and switch interval (`sys.setswitchinterval` changes the latter).
    gil: Arc<Gil>,
    /// Who holds it (a thread index), and the models' rules.
    rules: GilState<usize>,
    /// The time line of its threads: they run one at a time, so they share one clock,
    /// which its holder advances.
    now: u64,
}

struct SimState {
    threads: Vec<SimThread>,
    index: HashMap<u64, usize>,
    /// Every GIL of the run, by `Gil::id`.
    gils: Vec<SimGil>,
    /// Whether two threads may ever run at once (several GILs in use, or threads without
    /// one): only then does the scheduler weigh parallel threads against each other.
    parallel: bool,
    /// The thread holding the baton.
    running: Option<usize>,
    /// The time every thread that may run has reached (timers fall due against it).
    now: u64,
    rng: SplitMix64,
    decisions: Vec<Decision>,
    replay: Option<Vec<Decision>>,
    steps: u64,
    /// Exploration switch points met so far (random preemptions are placed by this count).
    switch_points: u64,
    stopped: bool,
    limit_reason: Option<String>,
}

pub struct Sim {
    options: SimOptions,
    state: Mutex<SimState>,
    /// The global virtual time in ns, readable without the lock (events, traces).
    pub clock: Arc<AtomicU64>,
    /// Deterministic object identities for this run.
    pub ids: Arc<super::ids::IdAliases>,
    events: Arc<Events>,
    /// Index + 1 of the thread holding the baton, readable without the lock (spinning).
    baton: AtomicUsize,
    /// Set when a thread became ready (a notify, a new thread): the running thread's budget
    /// is stale and it must ask again at its next switch point.
    dirty: AtomicBool,
    /// How many unseeded `random` generators this run has created (see `entropy`).
    entropy_draws: AtomicU64,
}

type Guard<'a> = MutexGuard<'a, SimState>;

/// Spinning only pays when another core can run the thread holding the baton meanwhile.
static SPARE_CORE: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2));

impl Sim {
    /// A simulated scheduler that moves `clock` (the virtual time events are timed with).
    pub fn new(options: SimOptions, clock: Arc<AtomicU64>, events: Arc<Events>) -> Sim {
        let replay = options.replay.as_ref().map(|s| s.decisions.clone());
        Sim {
            state: Mutex::new(SimState {
                threads: Vec::new(),
                index: HashMap::new(),
                gils: Vec::new(),
                parallel: false,
                running: None,
                now: 0,
                rng: SplitMix64::new(options.seed),
                decisions: Vec::new(),
                replay,
                steps: 0,
                switch_points: 0,
                stopped: false,
                limit_reason: None,
            }),
            options,
            clock,
            ids: Arc::new(super::ids::IdAliases::default()),
            dirty: AtomicBool::new(false),
            baton: AtomicUsize::new(1),
            entropy_draws: AtomicU64::new(0),
            events,
        }
    }

    /// A GIL of the run (they are added in `Gil::id` order).
    pub fn add_gil(&self, gil: &Arc<Gil>) {
        let mut st = self.state.lock();
        debug_assert_eq!(gil.id, st.gils.len(), "GILs are added in id order");
        st.gils.push(SimGil {
            gil: gil.clone(),
            rules: GilState::new(gil.model),
            now: 0,
        });
    }

    /// Whether the running thread's budget went stale (and clears the flag).
    #[inline]
    pub fn take_dirty(&self) -> bool {
        self.dirty.load(Ordering::Relaxed) && self.dirty.swap(false, Ordering::Relaxed)
    }

    pub fn options(&self) -> &SimOptions {
        &self.options
    }

    /// Adds a thread under `gil` (in creation order, which is deterministic): the first one
    /// runs, the others start ready and wait for their turn in [`Sim::begin`].
    pub fn register(&self, t: &Arc<ThreadState>, gil: &Gil) {
        let mut st = self.state.lock();
        self.register_locked(&mut st, t, gil);
    }

    fn register_locked(&self, st: &mut SimState, t: &Arc<ThreadState>, gil: &Gil) {
        // Every check point must reach the scheduler: keep the eval breaker set.
        t.request(crate::runtime::thread::breaker::SIM);
        let i = st.threads.len();
        let first = st.running.is_none() && i == 0;
        let now = st
            .running
            .map_or(st.now, |r| st.threads[r].clock.max(st.now));
        let gil_id = gil.id;
        let gil = (gil.model != GilModel::Off).then_some(gil_id);
        st.threads.push(SimThread {
            state: t.clone(),
            gil,
            gil_id,
            status: if first {
                Status::Running
            } else {
                Status::Ready
            },
            wake: Arc::new(Condvar::new()),
            clock: now,
            ready_since: now,
            arriving_until: now + cost::ARRIVING_NS,
            back_from_call: false,
            timed_out: false,
            steps: 0,
            retry: None,
        });
        st.index.insert(t.ident, i);
        if first {
            if let Some(g) = gil {
                st.gils[g].rules.take(i, now);
            }
            st.running = Some(i);
        }
        st.parallel = Self::lanes(st) > 1;
        self.dirty.store(true, Ordering::Relaxed);
    }

    /// How many threads could ever run at once: one per GIL in use, one per thread without.
    fn lanes(st: &SimState) -> usize {
        let gils_in_use = (0..st.gils.len())
            .filter(|&g| st.threads.iter().any(|t| t.gil == Some(g)))
            .count();
        gils_in_use + st.threads.iter().filter(|t| t.gil.is_none()).count()
    }

    /// A new thread's OS thread waits here for its first turn.
    pub fn begin(&self, me: &ThreadState) -> Result<(), Stop> {
        let mut st = self.state.lock();
        let i = self.index_of(&st, me)?;
        self.wait_turn(&mut st, i)
    }

    /// The calling thread meets the scheduler: the state locked, the thread's index, and the
    /// `instructions` it ran since it last came charged to its clock.
    fn arrive(&self, me: &ThreadState, instructions: u64) -> Result<(Guard<'_>, usize), Stop> {
        let mut st = self.state.lock();
        if st.stopped {
            return Err(Stop::Stopped);
        }
        let i = self.index_of(&st, me)?;
        self.account(&mut st, i, instructions)?;
        Ok((st, i))
    }

    /// Accounts `instructions` run since the last call and makes the decision of `point`.
    /// Returns how many instructions may run before the scheduler must be asked again.
    pub fn at(&self, me: &ThreadState, instructions: u64, point: Point) -> Result<u64, Stop> {
        let (mut st, i) = self.arrive(me, instructions)?;
        if me.stopping() {
            // Killed (`Process.terminate`): it unwinds at once.
            return Err(Stop::Stopped);
        }
        self.expire_timers(&mut st);
        if st.parallel {
            // A thread woken or started meanwhile may find its GIL free.
            self.hand_free_gils(&mut st, None)?;
        }
        match point {
            Point::Sync => {}
            Point::Shared if !self.options.explore => {}
            _ if self.options.explore => self.explore_point(&mut st, i, point)?,
            _ => {
                let switched = self.gil_check(&mut st, i, point)?;
                if !switched && st.parallel {
                    self.parallel_check(&mut st, i)?;
                }
            }
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
        let (mut st, i) = self.arrive(me, instructions)?;
        let deadline = timeout_ns.map(|t| st.threads[i].clock.saturating_add(t));
        st.threads[i].status = Status::Blocked { key, deadline };
        st.threads[i].timed_out = false;
        st.threads[i].retry = lock.map(|lock| reduce::Retry {
            lock,
            key,
            deadline,
        });
        self.pass_baton(&mut st, i, None, ReleaseReason::Blocking)?;
        self.wait_turn(&mut st, i)?;
        if me.stopping() {
            return Err(Stop::Stopped);
        }
        Ok(std::mem::take(&mut st.threads[i].timed_out))
    }

    /// `Process.terminate()`: a thread of the killed process that is blocked becomes ready,
    /// so that it runs, finds its stop request and unwinds (a running one finds it at its
    /// next look at the scheduler).
    pub fn kill(&self, ident: u64) {
        let mut st = self.state.lock();
        let now = st.now;
        if let Some(t) = st.threads.iter_mut().find(|t| t.state.ident == ident)
            && matches!(t.status, Status::Blocked { .. })
        {
            t.status = Status::Ready;
            t.ready_since = now;
            t.timed_out = false;
        }
        self.dirty.store(true, Ordering::Relaxed);
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
        self.pass_baton(&mut st, i, None, ReleaseReason::Exit)
    }

    /// The calling thread runs code in another interpreter on its OS thread (`run_string`):
    /// its thread state there, `into` (under `gil`), takes over — the caller waits for it as
    /// for a join, its own GIL let go — and the OS thread waits for `into`'s first turn.
    pub fn switch_in(
        &self,
        me: &ThreadState,
        instructions: u64,
        into: &Arc<ThreadState>,
        gil: &Gil,
    ) -> Result<(), Stop> {
        let mut st = self.state.lock();
        if st.stopped {
            return Err(Stop::Stopped);
        }
        let i = self.index_of(&st, me)?;
        // The caller's instructions first: the new thread state starts at the right time.
        self.account(&mut st, i, instructions)?;
        self.register_locked(&mut st, into, gil);
        st.threads[i].status = Status::Blocked {
            key: WaitKey::Thread(into.ident),
            deadline: None,
        };
        st.threads[i].timed_out = false;
        st.threads[i].retry = None;
        self.pass_baton(&mut st, i, None, ReleaseReason::Blocking)?;
        let j = self.index_of(&st, into)?;
        self.wait_turn(&mut st, j)
    }

    /// Back from another interpreter: its thread state `from` ends (which wakes the caller's
    /// own, `back`, waiting for it) and the OS thread waits for `back`'s turn.
    pub fn switch_back(
        &self,
        from: &ThreadState,
        instructions: u64,
        back: &ThreadState,
    ) -> Result<(), Stop> {
        self.exit(from, instructions)?;
        self.begin(back)
    }

    /// A thread unwinding from a stop request (`--timeout`, Ctrl-C, another thread's limit)
    /// hands in the instructions it ran since it last met the scheduler, so that a stopped
    /// run's summary counts them (a thread running alone may go millions of instructions
    /// between two looks). The reason the run stopped stays the one already given.
    pub fn settle(&self, me: &ThreadState, instructions: u64) {
        let mut st = self.state.lock();
        let Ok(i) = self.index_of(&st, me) else {
            return;
        };
        let reason = st.limit_reason.take();
        let _ = self.account(&mut st, i, instructions);
        st.limit_reason = reason;
    }

    /// Whether the run was stopped (a timeout, a deadlock, a limit).
    pub fn is_stopped(&self) -> bool {
        self.state.lock().stopped
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

    fn index_of(&self, st: &SimState, me: &ThreadState) -> Result<usize, Stop> {
        st.index.get(&me.ident).copied().ok_or(Stop::Stopped)
    }
}

/// How a run cut off by `--max-steps` ends (the explorer recognises its runaways by it).
pub fn max_steps_message(max: u64) -> String {
    format!("gilsim: the run was stopped after --max-steps {max} instructions\n")
}
