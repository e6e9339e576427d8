//! The two searches as work plans for the workers: the systematic one hands out prefixes in
//! depth-first order and reports runs in that order; the randomized one draws each run's
//! preemptions in turn and reports runs in the order they were drawn.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::Arc;

use super::frontier::{Frontier, Key};
use super::workers::Plan;
use super::{ExploreOptions, Finished, Job, Tally};
use crate::runtime::sched::rng::SplitMix64;
use crate::runtime::sched::schedule::{Decision, Kind};

type Progress<'a> = &'a mut (dyn FnMut(super::Tick<'_>) + Send);

/// Every schedule within the preemption bound, depth first.
pub(super) struct Systematic<'a> {
    tally: &'a mut Tally,
    options: &'a ExploreOptions,
    progress: Progress<'a>,
    frontier: Frontier<Pending, Finished>,
}

/// Prefixes still to run: the first run's (empty), or the untried alternatives of a
/// finished run.
enum Pending {
    Root,
    Branch(Branch),
}

impl<'a> Systematic<'a> {
    pub fn new(tally: &'a mut Tally, options: &'a ExploreOptions, progress: Progress<'a>) -> Self {
        let mut frontier = Frontier::default();
        frontier.add(Vec::new(), Pending::Root);
        Systematic {
            tally,
            options,
            progress,
            frontier,
        }
    }

    fn budget_spent(&self) -> ControlFlow<Option<String>> {
        ControlFlow::Break(Some(format!(
            "stopped at --max-schedules {}; more schedules remain",
            self.options.max_schedules
        )))
    }
}

/// A systematic-search job: replay `prefix`.
fn prefix_job(prefix: Vec<Decision>, seed: u64) -> Job {
    Job {
        key: chosen(&prefix),
        prefix,
        random_preemptions: None,
        seed,
    }
}

impl Plan<Job, Finished> for Systematic<'_> {
    fn next_job(&mut self) -> Option<Job> {
        let (key, pending) = self.frontier.take_next()?;
        let prefix = match pending {
            Pending::Root => Vec::new(),
            Pending::Branch(mut branch) => {
                let prefix = branch.prefix();
                if branch.advance() {
                    self.frontier.add(branch.key(), Pending::Branch(branch));
                }
                prefix
            }
        };
        Some(Job {
            key,
            prefix,
            random_preemptions: None,
            seed: self.options.seed,
        })
    }

    fn absorb(&mut self, job: Job, run: Finished) -> ControlFlow<Option<String>> {
        let decisions = &run.schedule.decisions;
        if let Some(branch) = Branch::new(decisions, job.prefix.len(), self.options.preemptions) {
            self.frontier.add(branch.key(), Pending::Branch(branch));
        }
        let runaway_root = job.prefix.is_empty() && run.ran_away(self.options.max_steps);
        self.frontier.finish(job.key, chosen(decisions), run);
        while let Some(run) = self.frontier.pop_ready() {
            if self.tally.schedules >= self.options.max_schedules {
                return self.budget_spent();
            }
            // A runaway first run says nothing about the search's size: it has its verdict.
            if self.tally.schedules == 0 && !runaway_root {
                let decisions = &run.schedule.decisions;
                self.tally.warn_if_large(decisions, self.options);
            }
            self.tally.record(run, self.options.list);
            (self.progress)(self.tally.tick());
        }
        if runaway_root {
            return ControlFlow::Break(Some(runaway_verdict(self.options)));
        }
        if self.tally.schedules >= self.options.max_schedules && !self.frontier.is_empty() {
            return self.budget_spent();
        }
        ControlFlow::Continue(())
    }

    fn exhausted(&mut self) -> Option<String> {
        None
    }
}

/// `runs` runs, each with a few preemptions at random switch points (PCT-style).
pub(super) struct Randomized<'a> {
    tally: &'a mut Tally,
    options: &'a ExploreOptions,
    progress: Progress<'a>,
    rng: SplitMix64,
    /// Switch points in the default run, where preemptions are placed.
    points: u64,
    depth: u32,
    runs: u64,
    /// Runs within the budget.
    planned: u64,
    /// The default run was cut off by `--max-steps`: the search stops after it.
    runaway: bool,
    next_run: u64,
    /// Finished runs waiting for an earlier one.
    waiting: BTreeMap<u64, Finished>,
}

impl<'a> Randomized<'a> {
    /// Runs the default schedule (it tells how many switch points there are) and plans the
    /// rest.
    pub fn start(
        tally: &'a mut Tally,
        options: &'a ExploreOptions,
        runs: u64,
        depth: u32,
        progress: Progress<'a>,
        exec: &dyn Fn(&Job, usize) -> Finished,
    ) -> Self {
        let first = exec(&prefix_job(Vec::new(), options.seed), 0);
        let points = first
            .schedule
            .decisions
            .iter()
            .filter(|d| d.kind == Kind::Explore)
            .count()
            .max(1) as u64;
        let runaway = first.ran_away(options.max_steps);
        if !runaway {
            tally.warn_if_large(&first.schedule.decisions, options);
        }
        tally.record(first, options.list);
        progress(tally.tick());
        Randomized {
            tally,
            options,
            progress,
            rng: SplitMix64::new(options.seed),
            points,
            depth,
            runs,
            planned: if runaway {
                1
            } else {
                runs.min(options.max_schedules.max(1))
            },
            runaway,
            next_run: 1,
            waiting: BTreeMap::new(),
        }
    }
}

impl Plan<Job, Finished> for Randomized<'_> {
    fn next_job(&mut self) -> Option<Job> {
        if self.next_run >= self.planned {
            return None;
        }
        let r = self.next_run;
        self.next_run += 1;
        let plan: Vec<u64> = (0..self.depth)
            .map(|_| self.rng.below(self.points))
            .collect();
        Some(Job {
            key: run_key(r),
            prefix: Vec::new(),
            random_preemptions: Some(plan),
            seed: self.options.seed.wrapping_add(r),
        })
    }

    fn absorb(&mut self, job: Job, run: Finished) -> ControlFlow<Option<String>> {
        self.waiting.insert(run_number(&job.key), run);
        while let Some(run) = self.waiting.remove(&self.tally.schedules) {
            self.tally.record(run, self.options.list);
            (self.progress)(self.tally.tick());
        }
        ControlFlow::Continue(())
    }

    fn exhausted(&mut self) -> Option<String> {
        if self.runaway {
            return Some(runaway_verdict(self.options));
        }
        (self.planned < self.runs)
            .then(|| format!("stopped at --max-schedules {}", self.options.max_schedules))
    }
}

/// A randomized run's number as a key (two halves, so their order is the numbers' order).
fn run_key(r: u64) -> Key {
    vec![(r >> 32) as u32, r as u32]
}

fn run_number(key: &Key) -> u64 {
    (u64::from(key[0]) << 32) | u64::from(key[1])
}

/// The chosen alternatives of `decisions`: their place in depth-first order.
fn chosen(decisions: &[Decision]) -> Key {
    decisions.iter().map(|d| d.chosen).collect()
}

/// Why the search stops when its very first run is cut off by `--max-steps`: every other
/// schedule branches off that run, at any of its (countless) switch points, and would be cut
/// off too, so searching on would only end with `--max-schedules`, hours later.
fn runaway_verdict(options: &ExploreOptions) -> String {
    format!(
        "the first schedule ran past --max-steps {} instructions (a loop that never ends?); \
         raise --max-steps if the program only needs longer",
        options.max_steps
    )
}

/// The prefixes a run of `decisions` opens, the first `replayed` of them having been
/// replayed: every untried alternative at every later decision, within the preemption bound
/// (the replayed decisions' other alternatives are the business of the runs that opened
/// them). They are handed out one at a time, in depth-first order: a run of N decisions may
/// open N prefixes of up to N decisions each, too many to copy out at once.
struct Branch {
    decisions: Arc<[Decision]>,
    /// Positions with untried alternatives, shallowest first; the deepest comes first in
    /// depth-first order, so it is taken from the back.
    open: Vec<u32>,
    /// The alternative to run next at the deepest open position.
    next: u32,
}

impl Branch {
    fn new(decisions: &[Decision], replayed: usize, bound: u32) -> Option<Branch> {
        let mut open = Vec::new();
        let mut preemptions = 0u32;
        for (i, d) in decisions.iter().enumerate() {
            let preempting = d.kind == Kind::Explore;
            if i >= replayed && d.chosen + 1 < d.choices && !(preempting && preemptions >= bound) {
                open.push(i as u32);
            }
            if preempting && d.chosen >= 1 {
                preemptions += 1;
            }
        }
        let deepest = *open.last()? as usize;
        Some(Branch {
            next: decisions[deepest].chosen + 1,
            decisions: decisions.into(),
            open,
        })
    }

    fn deepest(&self) -> usize {
        self.open.last().map_or(0, |&i| i as usize)
    }

    /// The prefix to run now.
    fn prefix(&self) -> Vec<Decision> {
        let i = self.deepest();
        let mut prefix = Vec::with_capacity(i + 1);
        prefix.extend_from_slice(&self.decisions[..i]);
        prefix.push(Decision {
            chosen: self.next,
            ..self.decisions[i]
        });
        prefix
    }

    /// `chosen(&self.prefix())`, without building the prefix.
    fn key(&self) -> Key {
        let i = self.deepest();
        let mut key = chosen(&self.decisions[..i]);
        key.push(self.next);
        key
    }

    /// On to the next prefix; false when every one has been handed out.
    fn advance(&mut self) -> bool {
        self.next += 1;
        if self.next < self.decisions[self.deepest()].choices {
            return true;
        }
        self.open.pop();
        match self.open.last() {
            Some(&i) => {
                self.next = self.decisions[i as usize].chosen + 1;
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(chosen: u32, choices: u32) -> Decision {
        Decision {
            kind: Kind::Explore,
            chosen,
            choices,
        }
    }

    /// Every prefix a branch hands out, in order.
    fn alternatives(decisions: &[Decision], replayed: usize, bound: u32) -> Vec<Vec<Decision>> {
        let mut out = Vec::new();
        let Some(mut branch) = Branch::new(decisions, replayed, bound) else {
            return out;
        };
        loop {
            assert_eq!(branch.key(), chosen(&branch.prefix()));
            out.push(branch.prefix());
            if !branch.advance() {
                return out;
            }
        }
    }

    #[test]
    fn alternatives_within_the_bound_deepest_first() {
        // Two switch points with one alternative each, bound 1.
        let run = vec![x(0, 2), x(0, 2)];
        assert_eq!(
            alternatives(&run, 0, 1),
            vec![vec![x(0, 2), x(1, 2)], vec![x(1, 2)]]
        );
        // Replayed decisions open nothing.
        assert_eq!(alternatives(&run, 1, 1), vec![vec![x(0, 2), x(1, 2)]]);
        // With one preemption spent, later switch points cannot preempt again.
        assert!(alternatives(&[x(1, 2), x(0, 2)], 1, 1).is_empty());
        assert_eq!(
            alternatives(&[x(1, 2), x(0, 2)], 1, 2),
            vec![vec![x(1, 2), x(1, 2)]]
        );
        // Waiter choices are free, and every untried one is opened.
        let w = Decision {
            kind: Kind::Waiter,
            chosen: 0,
            choices: 3,
        };
        assert_eq!(
            alternatives(&[x(1, 2), w], 1, 1),
            vec![
                vec![x(1, 2), Decision { chosen: 1, ..w }],
                vec![x(1, 2), Decision { chosen: 2, ..w }]
            ]
        );
    }

    #[test]
    fn randomized_runs_keep_their_number_and_order_as_keys() {
        for r in [0, 1, u64::from(u32::MAX), 1 << 32, u64::MAX] {
            assert_eq!(run_number(&run_key(r)), r);
        }
        assert!(run_key(u64::from(u32::MAX)) < run_key(1 << 32));
    }
}
