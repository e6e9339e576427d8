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
    /// Mean latency of the simulated `requests` module, in seconds (`--io-latency`).
    pub io_latency: f64,
    /// Every interpreter shares the main interpreter's GIL (`--shared-gil`; CPython <= 3.11).
    pub shared_gil: bool,
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
            trace: None,
            timeline: false,
            io_latency: 0.1,
            shared_gil: false,
        }
    }
}

impl RunOptions {
    /// What a schedule was recorded under: the GIL model and knobs that change decisions.
    pub fn model_line(&self) -> String {
        let cores = self.sim.as_ref().map_or(4, |s| s.cores);
        let mode = if self.sim.as_ref().is_some_and(|s| s.explore) {
            "explore"
        } else {
            "sim"
        };
        format!("{} cores={cores} mode={mode}", self.interpreter.describe())
    }
}
