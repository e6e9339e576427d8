//! Exploration's reduction of redundant choices: a thread woken from `acquire` whose lock
//! has been taken again by the time it could run is no candidate to run.
//!
//! Releasing a lock wakes every thread blocked on it; each, when it runs, tries the lock
//! again and blocks again if someone else got there first. Such a futile retry changes
//! nothing a program can observe (no Python code runs; the thread ends up blocked on the same
//! lock with the same deadline), except that the virtual clock pays for a GIL handoff. Yet
//! each herd of n woken waiters made the explorer try every order of their futile retries
//! (n! waiter choices) and every preemption in favour of one of them. Exploring puts such a
//! thread straight back to sleep instead: it is woken again by the lock's next release, as it
//! would have been after its retry. Only exploration does this; a seeded `--sim` run keeps
//! the herd, so its traces (and snapshots) do not change.

use std::sync::Arc;

use super::{Sim, SimState, Status, WaitKey};
use crate::runtime::deadlock::LockInfo;

/// What a thread blocked in `acquire` waits for.
pub(super) struct Retry {
    pub lock: Arc<dyn LockInfo>,
    pub key: WaitKey,
    pub deadline: Option<u64>,
}

impl Sim {
    /// Woken lock waiters whose lock is held again go back to waiting for its release.
    /// A waiter its deadline woke is left alone: its acquire returns (False) when it runs.
    pub(super) fn leave_out_futile_retries(&self, st: &mut SimState) {
        if !self.options.explore {
            return;
        }
        for t in st.threads.iter_mut() {
            if t.status != Status::Ready || t.timed_out {
                continue;
            }
            if let Some(retry) = &t.retry
                && retry.lock.owner().is_some()
            {
                t.status = Status::Blocked {
                    key: retry.key,
                    deadline: retry.deadline,
                };
            }
        }
    }
}
