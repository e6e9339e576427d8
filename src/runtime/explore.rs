//! `gilsim explore`: the program under many schedules, every distinct outcome with how many
//! schedules produced it and a replayable witness.
//!
//! Systematic mode is stateless model checking with a preemption bound (as CHESS and loom
//! do): each run replays a prefix of decisions and takes the default afterwards (keep
//! running, first waiter); then the last decision with an untried alternative that stays
//! within the bound is advanced, depth first, until the tree is exhausted. Switching at a
//! switch point while the running thread could go on costs one preemption; handing over
//! after a block or an exit is free. Randomized mode places a few preemptions at random
//! switch points per run (PCT-style).

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::interpreter::RunOptions;
use super::sched::SimOptions;
use super::sched::rng::SplitMix64;
use super::sched::schedule::{Decision, Kind, Schedule};

/// What to explore and within which budgets.
#[derive(Debug, Clone)]
pub struct ExploreOptions {
    /// The model flags (GIL, check points, switch interval) and program arguments.
    pub run: RunOptions,
    pub preemptions: u32,
    /// Randomized mode: (runs, preemptions per run).
    pub random: Option<(u64, u32)>,
    /// What the program's unseeded `random` draws in every run, and the randomized mode's
    /// choices (the systematic search's schedules do not depend on it).
    pub seed: u64,
    pub max_schedules: u64,
    /// Instructions per run before it counts as a runaway.
    pub max_steps: u64,
    /// Keep each schedule's one-line summary (`--list`).
    pub list: bool,
}

/// One distinct outcome.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub stdout: String,
    /// Uncaught exception, deadlock report or limit message (addresses masked).
    pub stderr: String,
    pub exit_code: i32,
    pub schedules: u64,
    /// The first schedule that produced it (1-based) and its decisions.
    pub first_found: u64,
    pub witness: Schedule,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
    pub schedules: u64,
    /// Why the search stopped before covering everything, if it did.
    pub incomplete: Option<String>,
    pub warnings: Vec<String>,
    pub elapsed: Duration,
    /// `--list`: each schedule's decisions and outcome number.
    pub listing: Vec<String>,
}

/// Runs the exploration; `progress(schedules, outcomes)` is called after each run.
pub fn explore(
    source: &str,
    filename: &str,
    script_dir: Option<PathBuf>,
    options: &ExploreOptions,
    progress: &mut dyn FnMut(u64, usize),
) -> Report {
    let started = Instant::now();
    let mut search = Search {
        program: std::sync::Arc::new(crate::runner::Prepared::new(source, filename)),
        script_dir,
        options,
        outcomes: Vec::new(),
        index: HashMap::new(),
        listing: Vec::new(),
        schedules: 0,
        warnings: Vec::new(),
    };
    let incomplete = match options.random {
        Some((runs, depth)) => search.randomized(runs, depth, options.seed, progress),
        None => search.systematic(progress),
    };
    Report {
        outcomes: search.outcomes,
        schedules: search.schedules,
        incomplete,
        warnings: search.warnings,
        elapsed: started.elapsed(),
        listing: search.listing,
    }
}

struct Search<'a> {
    /// Compiled and hashed once: every schedule runs the same text.
    program: std::sync::Arc<crate::runner::Prepared>,
    script_dir: Option<PathBuf>,
    options: &'a ExploreOptions,
    outcomes: Vec<Outcome>,
    index: HashMap<(String, String, i32), usize>,
    listing: Vec<String>,
    schedules: u64,
    warnings: Vec<String>,
}

/// Exhaustive search gets slow beyond this many switch points in one run.
const MANY_SWITCH_POINTS: usize = 2_000;

impl Search<'_> {
    /// One run with `prefix` replayed; returns the decisions it made in full.
    fn run(
        &mut self,
        prefix: Vec<Decision>,
        random_preemptions: Option<Vec<u64>>,
        seed: u64,
    ) -> Vec<Decision> {
        let mut run = self.options.run.clone();
        run.capture = true;
        run.trace = None;
        run.timeline = false;
        run.stats = false;
        run.save_schedule = None;
        run.sim = Some(SimOptions {
            seed,
            max_steps: Some(self.options.max_steps),
            replay: Some(Schedule {
                seed,
                model: String::new(),
                program: String::new(),
                decisions: prefix,
            }),
            explore: true,
            random_preemptions,
            ..SimOptions::default()
        });
        let out = crate::runner::run_prepared(&self.program, run, self.script_dir.clone());
        self.schedules += 1;
        let schedule = out.schedule.clone().unwrap_or(Schedule {
            seed,
            model: String::new(),
            program: String::new(),
            decisions: Vec::new(),
        });
        let key = (
            out.stdout.clone(),
            mask_addresses(&out.stderr),
            out.exit_code,
        );
        let n = match self.index.get(&key) {
            Some(&n) => {
                self.outcomes[n].schedules += 1;
                n
            }
            None => {
                self.outcomes.push(Outcome {
                    stdout: key.0.clone(),
                    stderr: key.1.clone(),
                    exit_code: key.2,
                    schedules: 1,
                    first_found: self.schedules,
                    witness: schedule.clone(),
                });
                self.index.insert(key, self.outcomes.len() - 1);
                self.outcomes.len() - 1
            }
        };
        if self.options.list {
            self.listing.push(format!(
                "schedule {}: outcome {} [{}]",
                self.schedules,
                n + 1,
                compact(&schedule.decisions)
            ));
        }
        schedule.decisions
    }

    fn systematic(&mut self, progress: &mut dyn FnMut(u64, usize)) -> Option<String> {
        let bound = self.options.preemptions;
        let mut prefix = Vec::new();
        loop {
            if self.schedules >= self.options.max_schedules {
                return Some(format!(
                    "stopped at --max-schedules {}; more schedules remain",
                    self.options.max_schedules
                ));
            }
            let decisions = self.run(prefix, None, self.options.seed);
            progress(self.schedules, self.outcomes.len());
            if self.schedules == 1 {
                self.warn_if_large(&decisions);
            }
            match next_prefix(&decisions, bound) {
                Some(p) => prefix = p,
                None => return None,
            }
        }
    }

    fn randomized(
        &mut self,
        runs: u64,
        depth: u32,
        seed: u64,
        progress: &mut dyn FnMut(u64, usize),
    ) -> Option<String> {
        let mut rng = SplitMix64::new(seed);
        // The default run tells how many switch points there are to place preemptions in.
        let first = self.run(Vec::new(), None, seed);
        progress(self.schedules, self.outcomes.len());
        let points = first
            .iter()
            .filter(|d| d.kind == Kind::Explore)
            .count()
            .max(1) as u64;
        for r in 1..runs {
            if self.schedules >= self.options.max_schedules {
                return Some(format!(
                    "stopped at --max-schedules {}",
                    self.options.max_schedules
                ));
            }
            let plan: Vec<u64> = (0..depth).map(|_| rng.below(points)).collect();
            self.run(Vec::new(), Some(plan), seed.wrapping_add(r));
            progress(self.schedules, self.outcomes.len());
        }
        None
    }

    fn warn_if_large(&mut self, decisions: &[Decision]) {
        let points = decisions.iter().filter(|d| d.kind == Kind::Explore).count();
        if points > MANY_SWITCH_POINTS && self.options.preemptions >= 2 {
            self.warnings.push(format!(
                "the first run already has {points} switch points: exhaustive search with {} preemptions means on the order of {:.0e} schedules; expect --max-schedules to end it (try --pct, fewer iterations, or --preemptions 1)",
                self.options.preemptions,
                (points as f64).powi(self.options.preemptions as i32)
            ));
        }
    }
}

/// The next prefix in depth-first order: advance the last decision that has an untried
/// alternative within the preemption bound, drop everything after it.
fn next_prefix(decisions: &[Decision], bound: u32) -> Option<Vec<Decision>> {
    let mut preemptions_before = Vec::with_capacity(decisions.len());
    let mut count = 0u32;
    for d in decisions {
        preemptions_before.push(count);
        if d.kind == Kind::Explore && d.chosen >= 1 {
            count += 1;
        }
    }
    for i in (0..decisions.len()).rev() {
        let d = decisions[i];
        let next = d.chosen + 1;
        if next >= d.choices {
            continue;
        }
        if d.kind == Kind::Explore && preemptions_before[i] + 1 > bound {
            continue;
        }
        let mut prefix = decisions[..i].to_vec();
        prefix.push(Decision { chosen: next, ..d });
        return Some(prefix);
    }
    None
}

/// Decisions as `x0/2 x1/2 w0/3`, long runs of defaults folded.
fn compact(decisions: &[Decision]) -> String {
    let s = Schedule {
        seed: 0,
        model: String::new(),
        program: String::new(),
        decisions: decisions.to_vec(),
    }
    .to_text();
    s.lines().skip(5).collect::<Vec<_>>().join(" ")
}

/// Object addresses differ between schedules; outcomes compare without them.
fn mask_addresses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 2..];
        let hex = tail
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(tail.len());
        if hex == 0 {
            out.push_str("0x");
        } else {
            out.push_str("0x…");
        }
        rest = &tail[hex..];
    }
    out.push_str(rest);
    out
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

    #[test]
    fn depth_first_within_the_bound() {
        // Two switch points with one alternative each, bound 1.
        let run = vec![x(0, 2), x(0, 2)];
        assert_eq!(next_prefix(&run, 1), Some(vec![x(0, 2), x(1, 2)]));
        // The last one is used up: advance the first.
        assert_eq!(next_prefix(&[x(0, 2), x(1, 2)], 1), Some(vec![x(1, 2)]));
        // With one preemption spent, later switch points cannot preempt again.
        assert_eq!(next_prefix(&[x(1, 2), x(0, 2)], 1), None);
        assert_eq!(
            next_prefix(&[x(1, 2), x(0, 2)], 2),
            Some(vec![x(1, 2), x(1, 2)])
        );
        // Waiter choices are free.
        let w = Decision {
            kind: Kind::Waiter,
            chosen: 0,
            choices: 2,
        };
        assert_eq!(
            next_prefix(&[x(1, 2), w], 1),
            Some(vec![x(1, 2), Decision { chosen: 1, ..w }])
        );
    }

    #[test]
    fn addresses_are_masked() {
        assert_eq!(
            mask_addresses("Lock at 0x7f00001 held; 0xZ"),
            "Lock at 0x… held; 0xZ"
        );
    }
}
