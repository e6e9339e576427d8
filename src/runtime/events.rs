//! The event stream (DESIGN.md principle 4): GIL transitions and thread life-cycle events go
//! to every attached observer (stats, traces, timelines). With no observer, emitting costs one
//! relaxed load and a branch; the event is not even built.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use parking_lot::RwLock;

use super::gil::ReleaseReason;

#[derive(Debug, Clone)]
pub enum Event {
    /// `thread` takes GIL `gil` (a `Gil::id`: 0 is the main interpreter's).
    GilAcquire {
        gil: usize,
        thread: u64,
        waited: Duration,
    },
    GilRelease {
        gil: usize,
        thread: u64,
        reason: ReleaseReason,
    },
    DropRequest {
        gil: usize,
        by: u64,
        holder: u64,
    },
    FailedWakeup {
        gil: usize,
        thread: u64,
    },
    ThreadStart {
        thread: u64,
        name: String,
    },
    ThreadExit {
        thread: u64,
    },
    Block {
        thread: u64,
        what: String,
        /// The program's line that blocked (0 when none: interpreter shutdown).
        line: u32,
    },
    Wake {
        thread: u64,
    },
    /// A thread starts executing a new source line (`--trace lines`).
    Line {
        thread: u64,
        file: Arc<str>,
        line: u32,
    },
    /// A thread executes an instruction (`--trace ops`).
    Op {
        thread: u64,
        text: String,
    },
    /// What an asyncio task does on the event loop running on `thread`: resumes, awaits
    /// something, finishes (`asyncio.tasks` reports it through `_gilsim.trace_task`).
    Task {
        thread: u64,
        text: String,
    },
}

/// Something that wants to see events.
pub trait Observer: Send + Sync {
    fn event(&self, at: Duration, event: &Event);
}

pub struct Events {
    active: AtomicBool,
    observers: RwLock<Vec<Arc<dyn Observer>>>,
    start: Instant,
    /// In simulated mode, the virtual clock (ns) that times events instead of the wall.
    virtual_clock: Option<Arc<AtomicU64>>,
}

impl Events {
    /// Events timed on the wall clock since `start`, or on `virtual_clock` (ns) if given.
    pub fn new(start: Instant, virtual_clock: Option<Arc<AtomicU64>>) -> Events {
        Events {
            active: AtomicBool::new(false),
            observers: RwLock::new(Vec::new()),
            start,
            virtual_clock,
        }
    }

    /// Now, on the clock events are timed with.
    pub fn now(&self) -> Duration {
        match &self.virtual_clock {
            Some(c) => Duration::from_nanos(c.load(Ordering::Relaxed)),
            None => self.start.elapsed(),
        }
    }

    pub fn attach(&self, observer: Arc<dyn Observer>) {
        self.observers.write().push(observer);
        self.active.store(true, Ordering::Release);
    }

    /// Whether anyone listens.
    #[inline]
    pub fn active(&self) -> bool {
        self.active.load(Ordering::Relaxed)
    }

    /// Emits the event built by `make`, if anyone listens.
    #[inline]
    pub fn emit(&self, make: impl FnOnce() -> Event) {
        if !self.active() {
            return;
        }
        let event = make();
        let at = self.now();
        self.deliver(at, &event);
    }

    /// Emits an event that happened at `at` (the simulated scheduler knows better than the
    /// shared clock).
    #[inline]
    pub fn emit_at(&self, at: Duration, make: impl FnOnce() -> Event) {
        if self.active() {
            self.deliver(at, &make());
        }
    }

    fn deliver(&self, at: Duration, event: &Event) {
        for o in self.observers.read().iter() {
            o.event(at, event);
        }
    }
}

/// Events as observer tests write them: thread `n` named `Thread-n`, GIL 0.
#[cfg(test)]
pub(crate) mod sample {
    use super::Event;
    use crate::runtime::gil::ReleaseReason;
    use std::time::Duration;

    pub(crate) fn start(thread: u64) -> Event {
        Event::ThreadStart {
            thread,
            name: format!("Thread-{thread}"),
        }
    }

    pub(crate) fn acquire(thread: u64) -> Event {
        Event::GilAcquire {
            gil: 0,
            thread,
            waited: Duration::ZERO,
        }
    }

    pub(crate) fn release(thread: u64, reason: ReleaseReason) -> Event {
        Event::GilRelease {
            gil: 0,
            thread,
            reason,
        }
    }

    /// Delivers `event` at `at` ns to `observer`.
    pub(crate) fn deliver(observer: &dyn super::Observer, at: u64, event: Event) {
        observer.event(Duration::from_nanos(at), &event);
    }
}
