//! The global interpreter lock: one per interpreter (or shared by several), in three models —
//! `new` (CPython 3.2+), `old` (CPython 2) and `off` (free-threaded). The models' rules are
//! written once ([`rules`]) and driven by either clock: the wall clock of real mode
//! ([`real`]) or the virtual clock of the simulated scheduler (`sched/sim/gil.rs`).

pub mod real;
pub mod rules;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::events::Events;
pub use rules::GilState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GilModel {
    New,
    Old,
    Off,
}

impl GilModel {
    pub fn name(self) -> &'static str {
        match self {
            GilModel::New => "new",
            GilModel::Old => "old",
            GilModel::Off => "off",
        }
    }
}

/// Where the eval loop looks at the eval breaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckPoints {
    /// CPython 3.10+: loop back-edges, function entry, after calls into native code.
    Py310,
    /// CPython ≤ 3.9: between any two instructions.
    EveryOp,
    /// Every N instructions (CPython 2's `sys.setcheckinterval` ticks).
    Ticks(u32),
}

impl CheckPoints {
    pub fn describe(self) -> String {
        match self {
            CheckPoints::Py310 => "3.10".into(),
            CheckPoints::EveryOp => "every-op".into(),
            CheckPoints::Ticks(n) => format!("ticks:{n}"),
        }
    }

    /// Whether the eval loop must run instruction by instruction (no superinstructions).
    pub fn per_instruction(self) -> bool {
        !matches!(self, CheckPoints::Py310)
    }
}

/// Why a thread released the GIL (reported in traces and stats).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReleaseReason {
    /// Another thread asked (new GIL) — a forced switch.
    DropRequest,
    /// The old GIL's periodic release every N ticks.
    Ticks,
    /// A blocking call: sleep, lock, queue, join, I/O.
    Blocking,
    /// The thread finished.
    Exit,
    /// No GIL, simulated: another thread's turn on a virtual core.
    Quantum,
    /// `gilsim explore` (and the replay of its schedules) switched threads at a check point
    /// to try another interleaving: under the GIL any check point may switch, the interval
    /// only makes it rare, so this is not reported as a drop request.
    Explored,
}

impl ReleaseReason {
    pub fn name(self) -> &'static str {
        match self {
            ReleaseReason::DropRequest => "drop request",
            ReleaseReason::Ticks => "ticks",
            ReleaseReason::Blocking => "blocking call",
            ReleaseReason::Exit => "thread exit",
            ReleaseReason::Quantum => "core shared",
            ReleaseReason::Explored => "explored preemption",
        }
    }
}

/// One GIL of a run: its model, its switch interval, and — in real mode — the lock itself.
/// Interpreters that share a GIL (CPython <= 3.11, `--shared-gil`) share this object; the
/// simulated scheduler keeps the GIL's state on its virtual clock under the same `id`.
pub struct Gil {
    /// Numbered from 0 in creation order within the run (the main interpreter's is 0).
    pub id: usize,
    pub model: GilModel,
    /// The switch interval in nanoseconds (`--switch-interval`, `sys.setswitchinterval`).
    interval_ns: AtomicU64,
    /// The real lock (idle when the run is simulated).
    pub real: real::RealGil,
}

impl Gil {
    pub fn new(id: usize, model: GilModel, interval: Duration, events: Arc<Events>) -> Gil {
        let gil = Gil {
            id,
            model,
            interval_ns: AtomicU64::new(0),
            real: real::RealGil::new(id, model, events),
        };
        gil.set_interval(interval);
        gil
    }

    pub fn interval(&self) -> Duration {
        Duration::from_nanos(self.interval_ns())
    }

    pub fn interval_ns(&self) -> u64 {
        self.interval_ns.load(Ordering::Relaxed)
    }

    /// The real GIL waits in whole microseconds (CPython's `gil->interval`); `sys` keeps
    /// the value in microseconds already, the command line's may have a fraction.
    pub fn interval_micros(&self) -> u64 {
        (self.interval_ns() / 1000).max(1)
    }

    pub fn set_interval(&self, d: Duration) {
        let ns = d.as_nanos().clamp(1, u128::from(u64::MAX)) as u64;
        self.interval_ns.store(ns, Ordering::Relaxed);
    }

    pub fn enabled(&self) -> bool {
        self.model != GilModel::Off
    }
}
