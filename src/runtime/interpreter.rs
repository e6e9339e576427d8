//! `Runtime` (one per run: options, output streams, clock, event stream) and `Interpreter`
//! (builtins, modules, sys state, its own GIL and threads — subinterpreters will each own one).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::events::Events;
use super::gil::{CheckPoints, Gil, GilModel};
use super::output::Output;
use super::thread::{ThreadState, breaker};
use crate::vm::dict::Dict;

/// How much `--trace` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TraceLevel {
    /// GIL handoffs with their reason, thread starts, exits and blocking calls.
    Switches,
    /// Plus each thread's source lines.
    Lines,
    /// Plus every instruction.
    Ops,
}

/// The longest switch interval a run accepts, in seconds (an hour: longer than any lecture
/// run, and far inside what the GIL's microsecond and the scheduler's nanosecond counters hold).
pub const MAX_SWITCH_INTERVAL: f64 = 3600.0;
/// The longest `--timeout`, in seconds (a year; `Duration` would overflow near 1.8e19).
pub const MAX_TIMEOUT: f64 = 365.0 * 24.0 * 3600.0;
/// The longest mean `--io-latency`, in seconds.
pub const MAX_IO_LATENCY: f64 = 3600.0;

/// The GIL's switch interval for `secs` seconds: CPython's `sys_setswitchinterval_impl` keeps
/// at least one microsecond; the command line refuses values outside (0, MAX_SWITCH_INTERVAL],
/// and a library caller's out-of-range value is clamped rather than allowed to panic.
fn switch_interval(secs: f64) -> Duration {
    let secs = if secs.is_nan() { 0.005 } else { secs };
    Duration::from_secs_f64(secs.clamp(1e-6, MAX_SWITCH_INTERVAL))
}

/// Everything a run is configured with.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Capture stdout/stderr in memory instead of writing to the process streams.
    pub capture: bool,
    /// Stop the run after this many seconds.
    pub timeout: Option<f64>,
    pub gil: GilModel,
    pub check_points: CheckPoints,
    /// Seconds (`sys.getswitchinterval()`).
    pub switch_interval: f64,
    /// Print GIL statistics at exit (`--stats`).
    pub stats: bool,
    /// Simulated mode (`--sim`, `--seed`, `--replay`): None runs on the real clock.
    pub sim: Option<super::sched::SimOptions>,
    /// `--trace`: what the run reports as it goes (on stderr).
    pub trace: Option<TraceLevel>,
    /// `--timeline`: draw the threads' lanes at exit (on stderr).
    pub timeline: bool,
    /// Where to write the simulated run's schedule (`--save-schedule`).
    pub save_schedule: Option<std::path::PathBuf>,
    /// Mean latency of the simulated `requests` module, in seconds (`--io-latency`).
    pub io_latency: f64,
}

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions {
            argv: vec![String::new()],
            capture: false,
            timeout: None,
            gil: GilModel::New,
            check_points: CheckPoints::Py310,
            switch_interval: 0.005,
            stats: false,
            sim: None,
            save_schedule: None,
            trace: None,
            timeline: false,
            io_latency: 0.1,
        }
    }
}

pub struct Runtime {
    pub options: RunOptions,
    pub stdout: Output,
    pub stderr: Output,
    pub started: Instant,
    pub events: Arc<Events>,
    next_ident: AtomicU64,
    /// Source text of every compiled file, for traceback lines.
    sources: Mutex<HashMap<String, Arc<str>>>,
    /// Why the run was stopped from outside the program (deadlock report, timeout).
    pub stop_reason: Mutex<Option<String>>,
}

impl Runtime {
    pub fn new(options: RunOptions) -> Arc<Runtime> {
        let (stdout, stderr) = if options.capture {
            (Output::captured(), Output::captured())
        } else {
            (Output::stdout(), Output::stderr())
        };
        let started = Instant::now();
        Arc::new(Runtime {
            options,
            stdout,
            stderr,
            started,
            events: Arc::new(Events::new(started)),
            next_ident: AtomicU64::new(1),
            sources: Mutex::new(HashMap::new()),
            stop_reason: Mutex::new(None),
        })
    }

    pub fn register_source(&self, filename: &str, source: &str) {
        self.register_shared_source(filename, Arc::from(source));
    }

    /// Like `register_source`, without copying text that is shared already (the explorer's
    /// program and the embedded modules, registered again by every run).
    pub fn register_shared_source(&self, filename: &str, source: Arc<str>) {
        self.sources.lock().insert(filename.to_string(), source);
    }

    /// Line `line` (1-based) of a registered source file.
    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let sources = self.sources.lock();
        let text = sources.get(filename)?;
        text.lines()
            .nth((line as usize).checked_sub(1)?)
            .map(str::to_string)
    }

    /// Where this run's OS threads with `stack_size` come from: pinned to the run's core, if
    /// it has one (see `SimOptions::core`).
    pub fn pool_placement(&self, stack_size: usize) -> crate::runtime::pool::Placement {
        crate::runtime::pool::Placement {
            stack_size,
            core: self.options.sim.as_ref().and_then(|s| s.core),
        }
    }

    /// A fresh thread identifier (`threading.get_ident()`-like; stable within a run).
    pub fn next_thread_ident(&self) -> u64 {
        // CPython idents are pthread addresses; gilsim hands out readable, distinct numbers.
        let n = self.next_ident.fetch_add(1, Ordering::Relaxed);
        139_800_000_000_000 + n * 0x0080_0000
    }

    /// Records why the run must stop (first reason wins).
    pub fn set_stop_reason(&self, reason: String) {
        let mut r = self.stop_reason.lock();
        if r.is_none() {
            *r = Some(reason);
        }
    }
}

pub struct Interpreter {
    pub runtime: Arc<Runtime>,
    pub builtins: Arc<Dict>,
    /// `sys.modules`.
    pub modules: Arc<Dict>,
    pub recursion_limit: AtomicU32,
    /// `sys.set_int_max_str_digits` (CPython's default 4300).
    pub int_max_str_digits: AtomicUsize,
    /// Directory of the main script: where `import name` finds `name.py`.
    pub script_dir: Mutex<Option<std::path::PathBuf>>,
    pub gil: Gil,
    /// `sys.getcheckinterval()` (ticks between the old GIL's releases).
    pub check_interval: AtomicU32,
    /// 0 = the 3.10 policy, u32::MAX = every op, n = every n instructions.
    check_points: AtomicU32,
    /// Every thread that ever ran Python code here, in start order.
    pub threads: Mutex<Vec<Arc<ThreadState>>>,
    /// Numbering of default thread names ("Thread-3 (worker)").
    pub thread_counter: AtomicU64,
    /// OS threads to join before the run ends.
    pub handles: Mutex<Vec<super::pool::Handle>>,
    /// The simulated scheduler, in simulated mode.
    pub sim: Option<Arc<super::sched::Sim>>,
    /// Every lock created, for the holdings in deadlock reports.
    locks: Mutex<Vec<std::sync::Weak<dyn super::deadlock::LockInfo>>>,
}

impl Interpreter {
    pub fn new(runtime: Arc<Runtime>) -> Arc<Interpreter> {
        let opts = &runtime.options;
        let gil = Gil::new(
            opts.gil,
            switch_interval(opts.switch_interval),
            runtime.events.clone(),
        );
        let check_points = encode_check_points(opts.check_points);
        let sim = opts.sim.clone().map(|o| {
            let sim = Arc::new(super::sched::Sim::new(
                opts.gil,
                switch_interval(opts.switch_interval),
                o,
                runtime.events.clone(),
            ));
            runtime.events.use_virtual_clock(sim.clock.clone());
            sim
        });
        Arc::new(Interpreter {
            builtins: Arc::new(Dict::new()),
            modules: Arc::new(Dict::new()),
            recursion_limit: AtomicU32::new(1000),
            int_max_str_digits: AtomicUsize::new(4300),
            script_dir: Mutex::new(None),
            gil,
            check_points: AtomicU32::new(check_points),
            check_interval: AtomicU32::new(match opts.check_points {
                CheckPoints::Ticks(n) => n,
                _ => 100,
            }),
            threads: Mutex::new(Vec::new()),
            thread_counter: AtomicU64::new(0),
            handles: Mutex::new(Vec::new()),
            locks: Mutex::new(Vec::new()),
            sim,
            runtime,
        })
    }

    pub fn recursion_limit(&self) -> u32 {
        self.recursion_limit.load(Ordering::Relaxed)
    }

    pub fn check_points(&self) -> CheckPoints {
        match self.check_points.load(Ordering::Relaxed) {
            0 => CheckPoints::Py310,
            u32::MAX => CheckPoints::EveryOp,
            n => CheckPoints::Ticks(n),
        }
    }

    pub fn set_check_points(&self, c: CheckPoints) {
        self.check_points
            .store(encode_check_points(c), Ordering::Relaxed);
    }

    pub fn register_thread(&self, t: Arc<ThreadState>) {
        if let Some(sim) = &self.sim {
            // Every check point must reach the scheduler: keep the eval breaker set.
            t.request(breaker::SIM);
            sim.register(&t);
        }
        self.threads.lock().push(t);
    }

    /// Threads that have not finished.
    pub fn live_threads(&self) -> Vec<Arc<ThreadState>> {
        self.threads
            .lock()
            .iter()
            .filter(|t| !t.finished.load(Ordering::Acquire))
            .cloned()
            .collect()
    }

    pub fn register_lock(&self, lock: std::sync::Weak<dyn super::deadlock::LockInfo>) {
        let mut locks = self.locks.lock();
        if locks.len() > 1024 {
            locks.retain(|l| l.strong_count() > 0);
        }
        locks.push(lock);
    }

    pub fn known_locks(&self) -> Vec<Arc<dyn super::deadlock::LockInfo>> {
        self.locks
            .lock()
            .iter()
            .filter_map(std::sync::Weak::upgrade)
            .collect()
    }

    /// Asks every thread to stop at its next check point or wait slice.
    pub fn stop_all(&self) {
        for t in self.threads.lock().iter() {
            t.request(breaker::STOP);
        }
        if let Some(sim) = &self.sim {
            sim.stop();
        }
    }
}

fn encode_check_points(c: CheckPoints) -> u32 {
    match c {
        CheckPoints::Py310 => 0,
        CheckPoints::EveryOp => u32::MAX,
        CheckPoints::Ticks(n) => n.clamp(1, u32::MAX - 1),
    }
}
