//! The virtual clock: each thread has its own time; threads under one GIL share that GIL's
//! time line (its holder advances it); the run's clock is the time every thread that may
//! run has reached, against which timers fall due. Instructions cost a fixed amount, more
//! when more threads may run at once than there are virtual cores.

use std::sync::atomic::Ordering;
use std::time::Duration;

use super::{Guard, Sim, SimState, Status, Stop, cost, max_steps_message};
use crate::runtime::events::Event;
use crate::runtime::thread::ThreadState;

impl SimState {
    /// Whether thread `j` may run now: it wants to, and holds its GIL or needs none.
    pub(super) fn runnable(&self, j: usize) -> bool {
        let t = &self.threads[j];
        matches!(t.status, Status::Ready | Status::Running)
            && t.gil.is_none_or(|g| self.gils[g].rules.holder() == Some(j))
    }

    /// Whether thread `j` waits for GIL `g`, which another thread holds (or nobody yet).
    pub(super) fn waits_for(&self, j: usize, g: usize) -> bool {
        let t = &self.threads[j];
        t.status == Status::Ready && t.gil == Some(g) && self.gils[g].rules.holder() != Some(j)
    }

    /// The lowest clock among the threads that may run, if any may.
    fn slowest_runnable(&self) -> Option<u64> {
        (0..self.threads.len())
            .filter(|&j| self.runnable(j))
            .map(|j| self.threads[j].clock)
            .min()
    }

    /// The run's clock catches up with the threads that may run.
    pub(super) fn catch_up(&mut self) {
        if let Some(min) = self.slowest_runnable() {
            self.now = self.now.max(min);
        }
    }
}

impl Sim {
    /// Per-instruction virtual cost: when more threads may run at once than there are
    /// virtual cores, they share the cores and each one advances more slowly.
    pub(super) fn instruction_cost(&self, st: &SimState) -> u64 {
        if !st.parallel {
            return cost::INSTRUCTION_NS;
        }
        let runnable = (0..st.threads.len()).filter(|&j| st.runnable(j)).count() as u64;
        let cores = u64::from(self.options.cores.max(1));
        cost::INSTRUCTION_NS * runnable.max(cores) / cores
    }

    /// Charges `instructions` run by thread `i` to its clock (and its GIL's time line).
    pub(super) fn account(
        &self,
        st: &mut SimState,
        i: usize,
        instructions: u64,
    ) -> Result<(), Stop> {
        let spent = instructions * self.instruction_cost(st);
        st.steps += instructions;
        st.threads[i].steps += instructions;
        self.spend(st, i, spent);
        if let Some(max) = self.options.max_steps
            && st.steps > max
        {
            st.limit_reason = Some(max_steps_message(max));
            return Err(Stop::Limit);
        }
        Ok(())
    }

    /// Moves thread `i`'s clock (and its GIL's time line) on by `spent` ns of its own work.
    pub(super) fn spend(&self, st: &mut SimState, i: usize, spent: u64) {
        match st.threads[i].gil {
            None => {
                st.threads[i].clock += spent;
                st.catch_up();
            }
            Some(g) => {
                let line = &mut st.gils[g].now;
                *line = (*line).max(st.threads[i].clock) + spent;
                let line = *line;
                st.threads[i].clock = line;
                if st.parallel {
                    st.catch_up();
                } else {
                    // The only thread that may run is this one: its time is the run's.
                    st.now = st.now.max(line);
                }
            }
        }
        self.clock.store(st.now, Ordering::Relaxed);
    }

    /// Timed waits whose virtual deadline has passed become ready (timed out).
    pub(super) fn expire_timers(&self, st: &mut SimState) {
        let now = st.now;
        for t in st.threads.iter_mut() {
            if let Status::Blocked {
                deadline: Some(d), ..
            } = t.status
                && d <= now
            {
                t.status = Status::Ready;
                t.timed_out = true;
                t.clock = t.clock.max(d);
                t.ready_since = d;
                t.arriving_until = match std::mem::take(&mut t.back_from_call) {
                    true => 0,
                    false => d + cost::ARRIVING_NS,
                };
                let thread = t.state.ident;
                self.events
                    .emit_at(Duration::from_nanos(d), || Event::Wake { thread });
            }
        }
    }

    /// The earliest deadline of a timed wait, if any.
    pub(super) fn next_deadline(st: &SimState) -> Option<u64> {
        st.threads
            .iter()
            .filter_map(|t| match t.status {
                Status::Blocked {
                    deadline: Some(d), ..
                } => Some(d),
                _ => None,
            })
            .min()
    }

    /// Blocked threads whose key matches become ready at `now` (a `Wake` event each).
    pub(super) fn wake_where(
        &self,
        st: &mut SimState,
        now: u64,
        matches: impl Fn(super::WaitKey) -> bool,
    ) {
        for t in st.threads.iter_mut() {
            if let Status::Blocked { key, .. } = t.status
                && matches(key)
            {
                t.status = Status::Ready;
                t.clock = t.clock.max(now);
                t.ready_since = t.clock;
                t.arriving_until = t.clock + cost::ARRIVING_NS;
                let thread = t.state.ident;
                self.events
                    .emit_at(Duration::from_nanos(t.clock), || Event::Wake { thread });
            }
        }
    }

    /// Thread `i`'s time: its GIL's time line, or its own clock without a GIL.
    pub(super) fn time_of(st: &Guard<'_>, i: usize) -> u64 {
        let t = &st.threads[i];
        match t.gil {
            Some(g) => t.clock.max(st.gils[g].now),
            None => t.clock,
        }
    }

    /// The virtual time as the calling thread sees it, `instructions` not yet accounted.
    pub fn now_ns(&self, me: &ThreadState, instructions: u64) -> u64 {
        let st = self.state.lock();
        let base = match st.index.get(&me.ident) {
            Some(&i) => Self::time_of(&st, i),
            None => st.now,
        };
        base + instructions * self.instruction_cost(&st)
    }

    /// Virtual CPU time in ns of the whole process and of the calling thread
    /// (`time.process_time`, `time.thread_time`): instructions executed, at their cost.
    pub fn cpu_ns(&self, me: &ThreadState, instructions: u64) -> (u64, u64) {
        let st = self.state.lock();
        let mine = st.index.get(&me.ident).map_or(0, |&i| st.threads[i].steps);
        (
            (st.steps + instructions) * cost::INSTRUCTION_NS,
            (mine + instructions) * cost::INSTRUCTION_NS,
        )
    }

    /// Virtual time elapsed so far and instructions executed.
    pub fn totals(&self) -> (Duration, u64) {
        let st = self.state.lock();
        let end = st
            .threads
            .iter()
            .map(|t| t.clock)
            .max()
            .unwrap_or(0)
            .max(st.now);
        (Duration::from_nanos(end), st.steps)
    }

    /// Seeds `random` generators that the program leaves unseeded (the module's own, a bare
    /// `Random()`, `seed()` / `seed(None)`). CPython takes OS entropy there; a simulated run
    /// derives the key from its seed and the number of such generators before, so its
    /// random numbers, and every decision that depends on them, repeat with the seed (and a
    /// replayed or explored schedule meets the same program).
    pub fn entropy(&self) -> [u32; 4] {
        let draw = self.entropy_draws.fetch_add(1, Ordering::Relaxed);
        let mut rng =
            super::SplitMix64::new(self.options.seed ^ draw.wrapping_mul(0xA076_1D64_78BD_642F));
        let (a, b) = (rng.next_u64(), rng.next_u64());
        [a as u32, (a >> 32) as u32, b as u32, (b >> 32) as u32]
    }
}
