//! The scheduler's choices: who runs next, each decision drawn from the seed or replayed,
//! exploration's switch points, and how long the running thread may go on undisturbed.

use super::{Guard, Point, Sim, Status, Stop, cost};
use crate::runtime::gil::{GilModel, ReleaseReason};
use crate::runtime::sched::schedule::{Decision, Kind};

impl Sim {
    /// Which of the threads that may run gets the baton: the one furthest behind in virtual
    /// time (ties: a seeded choice); exploring, any of them.
    pub(super) fn choose_runner(
        &self,
        st: &mut Guard<'_>,
        runnable: &[usize],
    ) -> Result<usize, Stop> {
        if self.options.explore {
            let k = self.decide(st, Kind::Waiter, runnable.len() as u32)?;
            return Ok(runnable[k as usize]);
        }
        let min = runnable
            .iter()
            .map(|&j| st.threads[j].clock)
            .min()
            .unwrap_or(0);
        let pool: Vec<usize> = runnable
            .iter()
            .copied()
            .filter(|&j| st.threads[j].clock == min)
            .collect();
        let k = self.decide(st, Kind::Tie, pool.len() as u32)?;
        Ok(pool[k as usize])
    }

    /// Exploration only: which of `choices` events that fall due together comes next (the
    /// event loop's timers due in one turn). Other runs take 0, the order CPython keeps,
    /// and record nothing, so seeded runs and their schedules are unchanged.
    pub fn choose_order(&self, choices: u32) -> Result<u32, Stop> {
        if !self.options.explore {
            return Ok(0);
        }
        let mut st = self.state.lock();
        self.decide(&mut st, Kind::Order, choices)
    }

    /// One choice among `choices`: drawn from the seed, or taken from the replayed schedule.
    pub(super) fn decide(&self, st: &mut Guard<'_>, kind: Kind, choices: u32) -> Result<u32, Stop> {
        if choices <= 1 {
            return Ok(0);
        }
        let step = st.decisions.len();
        let chosen = match &st.replay {
            Some(replay) => match replay.get(step) {
                Some(d) if d.kind == kind && d.choices == choices => d.chosen,
                Some(d) => {
                    st.limit_reason = Some(format!(
                        "gilsim: the replay diverged at decision {}: the schedule has {}{}/{} ({}) but the run asks {} among {} choices\n",
                        step + 1,
                        d.kind.letter(),
                        d.chosen,
                        d.choices,
                        d.kind.describe(),
                        kind.describe(),
                        choices
                    ));
                    return Err(Stop::Limit);
                }
                None if self.options.explore => self.explore_default(st, kind, choices),
                None => {
                    st.limit_reason = Some(format!(
                        "gilsim: the replay diverged at decision {}: the schedule ends there but the run asks {}\n",
                        step + 1,
                        kind.describe()
                    ));
                    return Err(Stop::Limit);
                }
            },
            None if self.options.explore => self.explore_default(st, kind, choices),
            None => st.rng.below(u64::from(choices)) as u32,
        };
        st.decisions.push(Decision {
            kind,
            chosen,
            choices,
        });
        Ok(chosen)
    }

    /// A replay whose run ended before the schedule did: the run took another path (the
    /// program or the flags changed), which stopping at a mismatched choice cannot catch
    /// when the new path simply asks for fewer choices.
    pub fn replay_leftover(&self) -> Option<String> {
        let st = self.state.lock();
        let replay = st.replay.as_ref()?;
        let done = st.decisions.len();
        if st.limit_reason.is_some() || done >= replay.len() {
            return None;
        }
        let left = replay.len() - done;
        let next = replay[done];
        Some(format!(
            "gilsim: the replay diverged at decision {}: the run ended, but the schedule has {left} more decision{}, starting with {}{}/{} ({})\n",
            done + 1,
            if left == 1 { "" } else { "s" },
            next.kind.letter(),
            next.chosen,
            next.choices,
            next.kind.describe()
        ))
    }

    /// Instructions the running thread may execute before anything could happen: a drop
    /// request falling due, a timer, the end of a parallel quantum.
    pub(super) fn budget(&self, st: &mut Guard<'_>, i: usize) -> u64 {
        let per = self.instruction_cost(st).max(1);
        let until = |t: u64, now: u64| (t.saturating_sub(now) / per).max(1);
        let now = st.now.max(st.threads[i].clock);
        let mut budget = match self.options.max_steps {
            Some(max) => max.saturating_sub(st.steps).max(1),
            None => u64::MAX,
        };
        if let Some(d) = Self::next_deadline(st) {
            budget = budget.min(until(d, now));
        }
        if self.options.explore {
            // Every switch point is a decision while another thread could run.
            if st.threads.iter().any(|t| t.status == Status::Ready) {
                budget = 1;
            }
            return budget;
        }
        if let Some(g) = st.threads[i].gil
            && let Some((due, _)) = Self::drop_request_due(st, g)
        {
            budget = budget.min(until(due, now));
        }
        if st.parallel && (0..st.threads.len()).any(|j| j != i && st.runnable(j)) {
            // Threads run in parallel: look again after a seeded run length.
            let quantum = match st.threads[i].gil {
                Some(_) => cost::ISOLATED_QUANTUM,
                None => cost::PARALLEL_QUANTUM,
            };
            let q = self.decide(st, Kind::Quantum, 2 * quantum).unwrap_or(0);
            budget = budget.min(u64::from(q) + 1);
        }
        budget
    }

    /// Exploration beyond the replayed prefix: keep running and take the first waiter, or
    /// (randomized exploration) preempt at the planned switch points and pick waiters at
    /// random.
    fn explore_default(&self, st: &mut Guard<'_>, kind: Kind, choices: u32) -> u32 {
        let Some(points) = &self.options.random_preemptions else {
            return 0;
        };
        match kind {
            Kind::Explore => {
                let here = st.switch_points - 1;
                if points.contains(&here) {
                    1 + st.rng.below(u64::from(choices - 1)) as u32
                } else {
                    0
                }
            }
            _ => st.rng.below(u64::from(choices)) as u32,
        }
    }

    /// Exploration: at a switch point of the model, keep running (decision 0) or hand the
    /// GIL to the k-th other ready thread — a preemption.
    pub(super) fn explore_point(
        &self,
        st: &mut Guard<'_>,
        i: usize,
        point: Point,
    ) -> Result<(), Stop> {
        let switch_point = match st.model_of(i) {
            _ if point == Point::Shared => true,
            GilModel::New | GilModel::Off => point == Point::Check,
            GilModel::Old => point == Point::OldGilTick,
        };
        if !switch_point {
            return Ok(());
        }
        self.leave_out_futile_retries(st);
        // Who could run instead: a waiter for this thread's GIL, or a thread running in
        // parallel (another GIL's holder, a thread without one).
        // Before a shared-memory access only the former: a waiter for this thread's GIL
        // gets it at the model's check points, which are explored already.
        let mine = st.threads[i].gil;
        let waiters_too = point != Point::Shared;
        let others: Vec<usize> = (0..st.threads.len())
            .filter(|&j| {
                j != i
                    && st.threads[j].status == Status::Ready
                    && (st.runnable(j) || (waiters_too && mine.is_some_and(|g| st.waits_for(j, g))))
            })
            .collect();
        if others.is_empty() {
            return Ok(());
        }
        st.switch_points += 1;
        let k = self.decide(st, Kind::Explore, others.len() as u32 + 1)?;
        if k == 0 {
            return Ok(());
        }
        let next = others[k as usize - 1];
        st.threads[i].status = Status::Ready;
        st.threads[i].ready_since = st.now;
        let reason = match mine.filter(|&g| st.waits_for(next, g)) {
            Some(g) => {
                st.gils[g].rules.release(i);
                self.give_gil(st, g, Some((i, ReleaseReason::Explored)), next);
                ReleaseReason::Explored
            }
            None => ReleaseReason::Quantum,
        };
        self.give_baton(st, Some((i, reason)), next);
        self.wait_turn(st, i)
    }
}
