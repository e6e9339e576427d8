//! What a run is configured with: per-run options (`RunOptions`: argv, output, clock,
//! observers, limits) apart from each interpreter's own GIL settings (`InterpreterConfig`).

use std::time::Duration;

use super::gil::{CheckPoints, GilModel};

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

/// One interpreter's GIL settings (the main interpreter's come from the command line; a
/// subinterpreter starts with its creator's).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InterpreterConfig {
    pub gil: GilModel,
    /// Where a thread may be switched out.
    pub check_points: CheckPoints,
    /// Seconds (`sys.getswitchinterval()`).
    pub switch_interval: f64,
}

impl Default for InterpreterConfig {
    fn default() -> InterpreterConfig {
        InterpreterConfig {
            gil: GilModel::New,
            check_points: CheckPoints::Py310,
            switch_interval: 0.005,
        }
    }
}

impl InterpreterConfig {
    /// The GIL's switch interval: CPython's `sys_setswitchinterval_impl` keeps at least one
    /// microsecond; the command line refuses values outside (0, MAX_SWITCH_INTERVAL], and a
    /// library caller's out-of-range value is clamped rather than allowed to panic.
    pub fn interval(&self) -> Duration {
        let secs = if self.switch_interval.is_nan() {
            0.005
        } else {
            self.switch_interval
        };
        Duration::from_secs_f64(secs.clamp(1e-6, MAX_SWITCH_INTERVAL))
    }

    /// The line a schedule records the model under (with the run's cores and mode).
    pub fn describe(&self) -> String {
        format!(
            "gil={} check-points={} switch-interval={}",
            self.gil.name(),
            self.check_points.describe(),
            self.switch_interval
        )
    }
}

/// A CPython version a run imitates (`--like 3.9`): besides the GIL settings it bundles, it
/// decides which version-specific modules exist (`_xxsubinterpreters` until 3.12,
/// `_interpreters` from 3.13, `concurrent.interpreters` from 3.14) and whether
/// subinterpreters share the main GIL (until 3.11) and may start threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyVersion(pub u8, pub u8);

impl std::fmt::Display for PyVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
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
    /// The main interpreter's GIL settings.
    pub interpreter: InterpreterConfig,
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
    /// Keep the whole run as lanes of slices (`RunOutcome::recording`), for the views drawn
    /// after it (`gilsim compare`).
    pub record: bool,
    /// Where to write the run as Chrome trace JSON (`--trace-json`).
    pub trace_json: Option<std::path::PathBuf>,
    /// Where to write the run's HTML report (`--html`).
    pub html: Option<std::path::PathBuf>,
    /// Report source lines to the observers (as `--trace lines` does, printing nothing):
    /// the HTML report's per-line counts. It does not change a simulated run's schedule.
    pub line_events: bool,
    /// Mean latency of the simulated `requests` module, in seconds (`--io-latency`).
    pub io_latency: f64,
    /// Every interpreter shares the main interpreter's GIL (`--shared-gil`; CPython <= 3.11).
    pub shared_gil: bool,
    /// The CPython version asked for with `--like`; None: no version was named, and every
    /// version-specific module is importable, each behaving as the CPython it comes from.
    pub like: Option<PyVersion>,
    /// The main module may `await` at top level, and then runs on an event loop as a
    /// notebook cell does (`--top-level-await`).
    pub top_level_await: bool,
    /// The process's resident memory past which the program meets `MemoryError`
    /// (`--memory-limit`; `memory::default_limit()`: half of physical memory); None: none.
    pub memory_limit: Option<u64>,
    /// The directory file writes are confined to (`--sandbox`); None: the current one.
    pub sandbox: Option<std::path::PathBuf>,
    /// stdout is unbuffered (`-u`): every write to it is a system call
    /// made with the GIL released, so `print`'s object and its `end` may part.
    pub unbuffered: bool,
}

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions {
            argv: vec![String::new()],
            capture: false,
            timeout: None,
            interpreter: InterpreterConfig::default(),
            stats: false,
            sim: None,
            save_schedule: None,
            record: false,
            trace_json: None,
            html: None,
            line_events: false,
            trace: None,
            timeline: false,
            io_latency: 0.1,
            shared_gil: false,
            like: None,
            top_level_await: false,
            memory_limit: super::memory::default_limit(),
            sandbox: None,
            unbuffered: false,
        }
    }
}

impl RunOptions {
    /// Whether the run must be recorded as lanes of slices.
    pub fn records(&self) -> bool {
        self.record || self.trace_json.is_some() || self.html.is_some()
    }

    /// Whether every subinterpreter shares the main interpreter's GIL: asked for with
    /// `--shared-gil`, or the run stands for CPython <= 3.11, where one GIL served the whole
    /// process (PEP 684 gave each interpreter its own in 3.12): `--like 3.11` or older, or the
    /// check points of 3.9 (`every-op`) or of the old GIL (`ticks:N`).
    pub fn subinterpreters_share_gil(&self) -> bool {
        self.shared_gil
            || self.like.is_some_and(|v| v < PyVersion(3, 12))
            || self.interpreter.check_points != super::gil::CheckPoints::Py310
    }

    /// Whether an isolated subinterpreter refuses to start threads, as CPython 3.9-3.11 did
    /// ("thread is not supported for isolated subinterpreters"): only under an explicit
    /// `--like` of those versions, whose `_xxsubinterpreters` made isolated interpreters.
    pub fn isolated_subinterpreters_refuse_threads(&self) -> bool {
        self.like
            .is_some_and(|v| v >= PyVersion(3, 9) && v < PyVersion(3, 12))
    }

    /// The CPython version the run imitates: `--like`, else 3.12 (the default the README
    /// names).
    pub fn like_version(&self) -> PyVersion {
        self.like.unwrap_or(PyVersion(3, 12))
    }

    /// Whether the version asked for (if any) is at least `version`.
    pub fn like_at_least(&self, version: PyVersion) -> bool {
        self.like.is_none_or(|v| v >= version)
    }

    /// What a schedule was recorded under: the GIL model and knobs that change decisions.
    pub fn model_line(&self) -> String {
        let cores = self.sim.as_ref().map_or(4, |s| s.cores);
        let mode = if self.sim.as_ref().is_some_and(|s| s.explore) {
            "explore"
        } else {
            "sim"
        };
        // Named only when given, so schedules saved before the flag existed still match.
        let shared = if self.shared_gil { " shared-gil" } else { "" };
        let awaits = if self.top_level_await {
            " top-level-await"
        } else {
            ""
        };
        format!(
            "{}{shared}{awaits} cores={cores} mode={mode}",
            self.interpreter.describe()
        )
    }
}
