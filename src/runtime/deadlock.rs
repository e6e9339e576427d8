//! Deadlock detection: when every live thread waits with no timeout for something only
//! another live thread could provide, nothing can ever change — the run is reported (each
//! thread, where it is, what it waits for, which locks it holds) and stopped.
//!
//! A watchdog looks every [`WATCH_PERIOD`]; it declares a deadlock only when two looks in a
//! row see the very same waits (same sequence numbers), none of which could be satisfied
//! now. So a thread that is just waking up (its lock already free, its joined thread already
//! finished) is never mistaken for a stuck one.

use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use super::runtime::Runtime;
use super::thread::{ThreadState, WaitKind};

/// How often the watchdog looks.
pub const WATCH_PERIOD: Duration = Duration::from_millis(40);

/// Who holds which lock: implemented by the lock objects so reports can list holdings.
pub trait LockInfo: Send + Sync {
    fn owner(&self) -> Option<u64>;
    fn describe(&self) -> String;
    /// A number that identifies the lock while it lives (its address).
    fn identity(&self) -> u64;
    /// Private to the runtime (a condition's waiter lock): left out of reports.
    fn internal(&self) -> bool {
        false
    }
}

/// The waits (thread ident, wait sequence number) if every live thread is stuck, else None.
fn stuck_waits(runtime: &Runtime) -> Option<Vec<(u64, u64)>> {
    let live = runtime.live_threads();
    if live.is_empty() {
        return None;
    }
    let mut waits = Vec::with_capacity(live.len());
    for t in &live {
        let blocked = t.blocked.lock().clone()?;
        if !blocked.indefinite || satisfiable(&blocked.kind, t, &live) {
            return None;
        }
        waits.push((t.ident, blocked.seq));
    }
    Some(waits)
}

/// Whether the wait could end right now (the thread is merely slow to notice).
fn satisfiable(kind: &WaitKind, me: &ThreadState, live: &[Arc<ThreadState>]) -> bool {
    match kind {
        WaitKind::Lock(lock) => lock.owner().is_none(),
        WaitKind::Thread(t) => t.is_finished(),
        WaitKind::Shutdown => !live
            .iter()
            .any(|t| t.ident != me.ident && !t.daemon.load(Ordering::Relaxed)),
        WaitKind::Other => false,
    }
}

fn report(runtime: &Runtime) -> String {
    let threads = runtime.live_threads();
    let locks = runtime.known_locks();
    let mut out =
        String::from("gilsim: deadlock: every thread is blocked and none can wake the others\n");
    for t in &threads {
        let blocked = t.blocked.lock().clone();
        let _ = write!(out, "  thread '{}'", t.display_name());
        // A thread that entered a subinterpreter has a second state there, with its name;
        // with processes, every thread says which process it belongs to (each has a
        // MainThread).
        if t.interp != 0 || runtime.process_name(0).is_some() {
            let _ = write!(out, " in {}", runtime.interp_label(t.interp));
        }
        if let Some(b) = &blocked {
            if let Some(loc) = &b.location {
                let _ = write!(
                    out,
                    " at File \"{}\", line {}, in {}",
                    loc.filename, loc.line, loc.function
                );
            }
            let _ = write!(out, "\n    waits for {}", b.what);
        }
        let held: Vec<String> = locks
            .iter()
            .filter(|l| l.owner() == Some(t.ident) && !l.internal())
            .map(|l| l.describe())
            .collect();
        if !held.is_empty() {
            let _ = write!(out, "\n    holds {}", held.join(", "));
        }
        out.push('\n');
    }
    out
}

/// Declares a deadlock found by the simulated scheduler: records the report, stops the run.
pub fn declare(runtime: &Runtime) {
    runtime.set_stop_reason(report(runtime));
    runtime.stop_all();
}

/// Runs until `done` receives (or is dropped): declares a deadlock (records the report,
/// stops every thread) once two consecutive looks see the same stuck waits.
pub fn watch(runtime: &Runtime, done: &crossbeam::channel::Receiver<()>) {
    let mut previous: Option<Vec<(u64, u64)>> = None;
    while let Err(crossbeam::channel::RecvTimeoutError::Timeout) = done.recv_timeout(WATCH_PERIOD) {
        let now = stuck_waits(runtime);
        if now.is_some() && now == previous {
            runtime.set_stop_reason(report(runtime));
            runtime.stop_all();
            return;
        }
        previous = now;
    }
}
