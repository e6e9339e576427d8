//! Runs the explorer's schedules on several OS threads at once (`--jobs`): each schedule is
//! an independent simulated run, deterministic whatever else runs beside it, so the search
//! only has to hand out work and take the results back in (see `frontier` for the order).
//!
//! There is no coordinating thread: a worker that finishes a run takes the result in and the
//! next job under one lock, so the common case costs no wake-up at all. Each worker stays on
//! its own core, where the threads of its runs are pinned too (a handoff between them is then
//! a cheap same-core switch).

use std::ops::ControlFlow;

use parking_lot::{Condvar, Mutex, MutexGuard};

/// The search's side: which job comes next, and what a finished one changes.
pub(super) trait Plan<J, R> {
    /// The next job to run, if one is ready now.
    fn next_job(&mut self) -> Option<J>;
    /// Takes in a finished job; `Break(verdict)` ends the search (`Some` says why it is
    /// incomplete).
    fn absorb(&mut self, job: J, result: R) -> ControlFlow<Option<String>>;
    /// The verdict once no job is left and none is running.
    fn exhausted(&mut self) -> Option<String>;
}

/// Runs `plan` to its end on `workers` threads, worker n on `cores[n % len]` if any cores are
/// given; one worker runs on the calling thread. Returns the plan's verdict.
pub(super) fn drive<J: Send, R, P: Plan<J, R> + Send>(
    workers: usize,
    cores: &[usize],
    mut plan: P,
    exec: &(dyn Fn(&J, usize) -> R + Sync),
) -> Option<String> {
    if workers <= 1 {
        loop {
            let Some(job) = plan.next_job() else {
                return plan.exhausted();
            };
            let result = exec(&job, 0);
            if let ControlFlow::Break(verdict) = plan.absorb(job, result) {
                return verdict;
            }
        }
    }
    let shared = Shared {
        state: Mutex::new(State {
            plan,
            in_flight: 0,
            verdict: None,
        }),
        changed: Condvar::new(),
    };
    std::thread::scope(|scope| {
        for n in 0..workers {
            let shared = &shared;
            let core = (!cores.is_empty()).then(|| cores[n % cores.len()]);
            std::thread::Builder::new()
                .name(format!("gilsim-explore-{n}"))
                .spawn_scoped(scope, move || {
                    if let Some(id) = core {
                        core_affinity::set_for_current(core_affinity::CoreId { id });
                    }
                    shared.work(n, exec);
                })
                .expect("an explorer worker thread");
        }
    });
    shared.state.into_inner().verdict.flatten()
}

struct Shared<P> {
    state: Mutex<State<P>>,
    /// Signalled when jobs may have appeared or the search ended.
    changed: Condvar,
}

struct State<P> {
    plan: P,
    in_flight: usize,
    /// Set once the search has ended.
    verdict: Option<Option<String>>,
}

impl<P> Shared<P> {
    fn work<J, R>(&self, worker: usize, exec: &(dyn Fn(&J, usize) -> R + Sync))
    where
        P: Plan<J, R>,
    {
        let mut state = self.state.lock();
        loop {
            if state.verdict.is_some() {
                return;
            }
            if let Some(job) = state.plan.next_job() {
                state.in_flight += 1;
                let result = MutexGuard::unlocked(&mut state, || exec(&job, worker));
                state.in_flight -= 1;
                if let ControlFlow::Break(verdict) = state.plan.absorb(job, result) {
                    self.end(&mut state, verdict);
                    return;
                }
                self.changed.notify_all();
            } else if state.in_flight == 0 {
                let verdict = state.plan.exhausted();
                self.end(&mut state, verdict);
                return;
            } else {
                self.changed.wait(&mut state);
            }
        }
    }

    fn end(&self, state: &mut State<P>, verdict: Option<String>) {
        state.verdict = Some(verdict);
        self.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Squares 0..10, each job below 5 spawning job + 10 once it is done.
    struct Squares {
        next: Vec<u64>,
        done: Vec<(u64, u64)>,
    }

    impl Plan<u64, u64> for Squares {
        fn next_job(&mut self) -> Option<u64> {
            self.next.pop()
        }
        fn absorb(&mut self, job: u64, result: u64) -> ControlFlow<Option<String>> {
            self.done.push((job, result));
            if job < 5 {
                self.next.push(job + 10);
            }
            ControlFlow::Continue(())
        }
        fn exhausted(&mut self) -> Option<String> {
            let mut done = std::mem::take(&mut self.done);
            done.sort();
            Some(format!("{done:?}"))
        }
    }

    fn squares(workers: usize) -> Option<String> {
        let plan = Squares {
            next: (0..10).collect(),
            done: Vec::new(),
        };
        drive(workers, &[], plan, &|n: &u64, _worker| n * n)
    }

    #[test]
    fn every_job_runs_once_on_one_worker_or_several() {
        let mut expected: Vec<(u64, u64)> = (0..10).chain(10..15).map(|n| (n, n * n)).collect();
        expected.sort();
        let expected = Some(format!("{expected:?}"));
        assert_eq!(squares(1), expected);
        assert_eq!(squares(3), expected);
    }
}
