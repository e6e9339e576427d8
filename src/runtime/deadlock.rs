//! Deadlock detection: when every live thread waits with no timeout for something only
//! another live thread could provide, nothing can ever change — the run is reported (each
//! thread, where it is, what it waits for, which locks it holds) and stopped.

use std::fmt::Write as _;
use std::sync::Arc;

use super::interpreter::Interpreter;
use super::thread::ThreadState;

/// Who holds which lock: implemented by the lock objects so reports can list holdings.
pub trait LockInfo: Send + Sync {
    fn owner(&self) -> Option<u64>;
    fn describe(&self) -> String;
}

/// The report if every live thread is blocked indefinitely, else None.
pub fn check(interp: &Interpreter, locks: &[Arc<dyn LockInfo>]) -> Option<String> {
    let live: Vec<Arc<ThreadState>> = interp.live_threads();
    if live.is_empty() {
        return None;
    }
    let all_blocked = live
        .iter()
        .all(|t| t.blocked.lock().as_ref().is_some_and(|b| b.indefinite));
    if !all_blocked {
        return None;
    }
    Some(report(&live, locks))
}

fn report(threads: &[Arc<ThreadState>], locks: &[Arc<dyn LockInfo>]) -> String {
    let mut out =
        String::from("gilsim: deadlock: every thread is blocked and none can wake the others\n");
    for t in threads {
        let blocked = t.blocked.lock().clone();
        let _ = write!(out, "  thread {:?}", t.name());
        if let Some(b) = &blocked {
            if let Some(loc) = &b.location {
                let _ = write!(out, " at {}:{} in {}", loc.filename, loc.line, loc.function);
            }
            let _ = write!(out, "\n    waits for {}", b.what);
        }
        let held: Vec<String> = locks
            .iter()
            .filter(|l| l.owner() == Some(t.ident))
            .map(|l| l.describe())
            .collect();
        if !held.is_empty() {
            let _ = write!(out, "\n    holds {}", held.join(", "));
        }
        out.push('\n');
    }
    out
}

/// Marks the run as deadlocked: records the report and stops every thread.
pub fn declare(interp: &Interpreter, report: String) {
    interp.runtime.set_stop_reason(report);
    interp.stop_all();
}
