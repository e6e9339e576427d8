//! OS threads kept for reuse: a finished interpreter thread parks its OS thread here instead
//! of exiting, so the next run (the explorer runs thousands) skips the thread creation, the
//! stack mapping and its page faults.
//!
//! A job never sees which OS thread it runs on: every per-thread piece of state a run uses
//! (the `Vm`, the identity aliases) is set up by the job itself.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use crossbeam::channel::{Receiver, Sender, bounded};
use parking_lot::{Condvar, Mutex};

type Job = Box<dyn FnOnce() + Send + 'static>;

/// Idle workers per stack size: each waits on its own channel for the next job.
static IDLE: LazyLock<Mutex<HashMap<usize, Vec<Sender<Job>>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Idle workers kept per stack size; more than this many exit when their job ends.
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

    pub fn is_finished(&self) -> bool {
        *self.done.finished.lock()
    }
}

/// Runs `job` on an idle worker with this stack size, or on a new one named `name`.
pub fn spawn(
    name: &str,
    stack_size: usize,
    job: impl FnOnce() + Send + 'static,
) -> std::io::Result<Handle> {
    let done = Arc::new(Done::default());
    let signal = done.clone();
    let mut job: Job = Box::new(move || {
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
    loop {
        let idle = IDLE.lock().get_mut(&stack_size).and_then(Vec::pop);
        match idle {
            Some(worker) => match worker.send(job) {
                Ok(()) => return Ok(Handle { done }),
                // That worker is gone (it panicked): try the next one.
                Err(e) => job = e.into_inner(),
            },
            None => break,
        }
    }
    let (tx, rx) = bounded::<Job>(1);
    tx.send(job).expect("a fresh channel has room");
    std::thread::Builder::new()
        .name(name.to_string())
        .stack_size(stack_size)
        .spawn(move || work(stack_size, tx, rx))?;
    Ok(Handle { done })
}

/// A worker's life: run a job, offer itself for the next, until the pool is full.
fn work(stack_size: usize, me: Sender<Job>, jobs: Receiver<Job>) {
    while let Ok(job) = jobs.recv() {
        job();
        let mut idle = IDLE.lock();
        let list = idle.entry(stack_size).or_default();
        if list.len() >= KEEP_IDLE {
            return;
        }
        list.push(me.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_is_reused_and_joins_wait() {
        let size = 256 * 1024 + 4096;
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
