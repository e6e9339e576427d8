//! OS threads kept for reuse: a finished interpreter thread parks its OS thread here instead
//! of exiting, so the next run (the explorer runs thousands) skips the thread creation, the
//! stack mapping and its page faults.
//!
//! A job never sees which OS thread it runs on: every per-thread piece of state a run uses
//! (the `Vm`, the identity aliases) is set up by the job itself.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use parking_lot::{Condvar, Mutex};

use super::mailbox::Mailbox;

type Job = Box<dyn FnOnce() + Send + 'static>;

/// Where an idle worker waits for its next job.
type Inbox = Arc<Mailbox<Job>>;

/// Where a job runs: its stack size and the core it is pinned to, if any. Workers are kept
/// apart by placement, so a pinned worker serves only jobs pinned to its core.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Placement {
    pub stack_size: usize,
    pub core: Option<usize>,
}

/// Idle workers per placement: each waits on its own mailbox for the next job.
static IDLE: LazyLock<Mutex<HashMap<Placement, Vec<Inbox>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Idle workers kept per placement; more than this many exit when their job ends.
const KEEP_IDLE: usize = 64;

/// A job started on a pooled thread: joinable, like a `JoinHandle`.
pub struct Handle {
    done: Arc<Done>,
}

#[derive(Default)]
struct Done {
    finished: Mutex<bool>,
    cond: Condvar,
}

impl Done {
    fn set(&self) {
        *self.finished.lock() = true;
        self.cond.notify_all();
    }
}

impl Handle {
    /// Waits until the job has returned (or panicked).
    pub fn join(self) {
        let mut finished = self.done.finished.lock();
        while !*finished {
            self.done.cond.wait(&mut finished);
        }
    }

    /// Waits until the job has returned or `deadline` has passed; whether it returned.
    pub fn join_until(&self, deadline: std::time::Instant) -> bool {
        let mut finished = self.done.finished.lock();
        while !*finished {
            if self
                .done
                .cond
                .wait_until(&mut finished, deadline)
                .timed_out()
            {
                break;
            }
        }
        *finished
    }

    pub fn is_finished(&self) -> bool {
        *self.done.finished.lock()
    }
}

/// Runs `job` on an idle worker with this placement, or on a new one named `name`.
pub fn spawn(
    name: &str,
    placement: Placement,
    job: impl FnOnce() + Send + 'static,
) -> std::io::Result<Handle> {
    let done = Arc::new(Done::default());
    let signal = done.clone();
    let job: Job = Box::new(move || {
        // The job's panic (a gilsim bug) still ends the wait of whoever joins it.
        struct SetOnDrop(Arc<Done>);
        impl Drop for SetOnDrop {
            fn drop(&mut self) {
                self.0.set();
            }
        }
        let _set = SetOnDrop(signal);
        job();
    });
    // A worker offers itself only once its job has returned, so an idle one is alive.
    if let Some(worker) = IDLE.lock().get_mut(&placement).and_then(Vec::pop) {
        worker.put(job);
        return Ok(Handle { done });
    }
    let inbox = Arc::new(Mailbox::default());
    inbox.put(job);
    std::thread::Builder::new()
        .name(name.to_string())
        .stack_size(placement.stack_size)
        .spawn(move || {
            if let Some(id) = placement.core {
                core_affinity::set_for_current(core_affinity::CoreId { id });
            }
            work(placement, inbox)
        })?;
    Ok(Handle { done })
}

/// A worker's life: run a job, offer itself for the next, until the pool is full.
fn work(placement: Placement, inbox: Inbox) {
    loop {
        inbox.take()();
        let mut idle = IDLE.lock();
        let list = idle.entry(placement).or_default();
        if list.len() >= KEEP_IDLE {
            return;
        }
        list.push(inbox.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_is_reused_and_joins_wait() {
        let size = Placement {
            stack_size: 256 * 1024 + 4096,
            core: None,
        };
        let first = Arc::new(Mutex::new(None));
        let f = first.clone();
        spawn("pool-test", size, move || {
            *f.lock() = Some(std::thread::current().id());
        })
        .unwrap()
        .join();
        // The worker offers itself again just after the job; wait for that.
        while IDLE.lock().get(&size).is_none_or(Vec::is_empty) {
            std::thread::yield_now();
        }
        let second = Arc::new(Mutex::new(None));
        let s = second.clone();
        let h = spawn("pool-test", size, move || {
            *s.lock() = Some(std::thread::current().id());
        })
        .unwrap();
        h.join();
        assert_eq!(*first.lock(), *second.lock());
    }
}
