//! `gilsim explore`: the program under many schedules, every distinct outcome with how many
//! schedules produced it and a replayable witness.
//!
//! Systematic mode is stateless model checking with a preemption bound (as CHESS and loom
//! do): each run replays a prefix of decisions and takes the default afterwards (keep
//! running, first waiter); every untried alternative after the prefix that stays within the
//! bound becomes a prefix to run, until the tree is exhausted (`plans`, `frontier`).
//! Switching at a switch point while the running thread could go on costs one preemption;
//! handing over after a block or an exit is free. Randomized mode places a few preemptions at
//! random switch points per run (PCT-style). Runs may go on in helper processes at once
//! (`workers`, `helpers`); the report is always in depth-first (or drawing) order.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::runtime::RunOptions;
use crate::runtime::sched::SimOptions;
use crate::runtime::sched::schedule::{Decision, Kind, Schedule};

mod frontier;
mod plans;
mod processes;
mod witness;
mod workers;

pub use witness::{html_report, replay_witness};

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
    /// Schedules run at once (`--jobs`); the report does not depend on it.
    pub jobs: usize,
    /// How to start the helper process for each worker after the first; without it, those
    /// workers are threads of this process (slower: see `helpers`).
    pub helper: Option<HelperCommand>,
}

/// Builds the command line of a helper process that serves schedules (see [`serve`]),
/// given the core it should keep to.
#[derive(Clone)]
pub struct HelperCommand(pub Arc<dyn Fn(Option<usize>) -> std::process::Command + Send + Sync>);

impl std::fmt::Debug for HelperCommand {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HelperCommand(..)")
    }
}

/// Workers for `--jobs`' default: one per core this process may use, at most
/// [`MAX_DEFAULT_JOBS`].
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_DEFAULT_JOBS))
}

/// Beyond this many helpers, their start-up (each compiles the program and the standard
/// modules it imports) outweighs what they add to a classroom-sized exploration.
pub const MAX_DEFAULT_JOBS: usize = 8;

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

/// Where a search stands, told after each run (a progress bar, early warnings).
pub struct Tick<'a> {
    pub schedules: u64,
    pub outcomes: usize,
    /// Every warning so far (the report repeats them).
    pub warnings: &'a [String],
}

/// Runs the exploration; `progress` hears where it stands after each run.
pub fn explore(
    source: &str,
    filename: &str,
    script_dir: Option<PathBuf>,
    options: &ExploreOptions,
    progress: &mut (dyn FnMut(Tick<'_>) + Send),
) -> Report {
    let started = Instant::now();
    let spec = RunSpec {
        program: Arc::new(crate::drive::Prepared::new(source, filename)),
        script_dir,
        options,
        cores: if options.jobs > 1 {
            core_affinity::get_core_ids()
                .unwrap_or_default()
                .into_iter()
                .map(|c| c.id)
                .collect()
        } else {
            Vec::new()
        },
    };
    let helpers: Vec<processes::Helper> = match &options.helper {
        Some(command) if options.jobs > 1 => (1..options.jobs)
            .map(|n| processes::Helper::start((command.0)(spec.core_of(n))))
            .collect(),
        _ => Vec::new(),
    };
    let mut tally = Tally::default();
    let exec = |job: &Job, worker: usize| match worker.checked_sub(1).and_then(|h| helpers.get(h)) {
        Some(helper) => helper.run(job, || spec.run(job, worker)),
        None => spec.run(job, worker),
    };
    let incomplete = match options.random {
        Some((runs, depth)) => {
            let plan = plans::Randomized::start(&mut tally, options, runs, depth, progress, &exec);
            workers::drive(options.jobs, &spec.cores, plan, &exec)
        }
        None => {
            let plan = plans::Systematic::new(&mut tally, options, progress);
            workers::drive(options.jobs, &spec.cores, plan, &exec)
        }
    };
    Report {
        outcomes: tally.outcomes,
        schedules: tally.schedules,
        incomplete,
        warnings: tally.warnings,
        elapsed: started.elapsed(),
        listing: tally.listing,
    }
}

/// A helper process's life (`--jobs`): runs the schedules the explorer writes to stdin and
/// writes back each result, until stdin ends.
pub fn serve(
    source: &str,
    filename: &str,
    script_dir: Option<PathBuf>,
    options: &ExploreOptions,
) -> std::io::Result<()> {
    let spec = RunSpec {
        program: Arc::new(crate::drive::Prepared::new(source, filename)),
        script_dir,
        options,
        cores: Vec::new(),
    };
    processes::serve(&spec, std::io::stdin().lock(), std::io::stdout().lock())
}

/// What every schedule runs: compiled and hashed once, the same text each time.
struct RunSpec<'a> {
    program: Arc<crate::drive::Prepared>,
    script_dir: Option<PathBuf>,
    options: &'a ExploreOptions,
    /// With several workers, worker n runs its schedules on core n (modulo their number):
    /// a run's threads hand over on one core, and runs do not crowd each other.
    cores: Vec<usize>,
}

/// One schedule to run: a prefix of decisions to replay (systematic search) or the switch
/// points to preempt at (randomized search), and the seed.
struct Job {
    /// Where the run stands in the search's order (see `frontier`).
    key: frontier::Key,
    prefix: Vec<Decision>,
    random_preemptions: Option<Vec<u64>>,
    seed: u64,
}

/// What a finished run contributes to the report.
struct Finished {
    schedule: Schedule,
    stdout: String,
    /// Addresses masked.
    stderr: String,
    exit_code: i32,
}

impl Finished {
    /// Whether the run was cut off by `--max-steps`.
    fn ran_away(&self, max_steps: u64) -> bool {
        self.stderr
            .contains(&crate::runtime::sched::max_steps_message(max_steps))
    }
}

impl RunSpec<'_> {
    /// The core worker n keeps to, if workers are pinned.
    fn core_of(&self, worker: usize) -> Option<usize> {
        (!self.cores.is_empty()).then(|| self.cores[worker % self.cores.len()])
    }

    /// One run with the job's prefix replayed (or its preemptions placed), on `worker`.
    fn run(&self, job: &Job, worker: usize) -> Finished {
        let core = self.core_of(worker);
        let seed = job.seed;
        let mut run = self.options.run.clone();
        run.capture = true;
        run.trace = None;
        run.timeline = false;
        run.stats = false;
        run.save_schedule = None;
        run.record = false;
        run.trace_json = None;
        run.sim = Some(SimOptions {
            seed,
            max_steps: Some(self.options.max_steps),
            replay: Some(Schedule {
                seed,
                model: String::new(),
                program: String::new(),
                decisions: job.prefix.clone(),
            }),
            explore: true,
            random_preemptions: job.random_preemptions.clone(),
            // One core per run: the explorer pins itself, or keeps every core busy.
            spin: false,
            core,
            ..SimOptions::default()
        });
        let out = crate::drive::run_prepared(&self.program, run, self.script_dir.clone());
        Finished {
            schedule: out.schedule.unwrap_or(Schedule {
                seed,
                model: String::new(),
                program: String::new(),
                decisions: Vec::new(),
            }),
            stderr: mask_addresses(&out.stderr),
            stdout: out.stdout,
            exit_code: out.exit_code,
        }
    }
}

/// The report as it grows, fed with runs in the search's order.
#[derive(Default)]
struct Tally {
    outcomes: Vec<Outcome>,
    index: HashMap<(String, String, i32), usize>,
    listing: Vec<String>,
    schedules: u64,
    warnings: Vec<String>,
}

impl Tally {
    fn tick(&self) -> Tick<'_> {
        Tick {
            schedules: self.schedules,
            outcomes: self.outcomes.len(),
            warnings: &self.warnings,
        }
    }

    fn record(&mut self, run: Finished, list: bool) {
        self.schedules += 1;
        let key = (run.stdout, run.stderr, run.exit_code);
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
                    witness: run.schedule.clone(),
                });
                self.index.insert(key, self.outcomes.len() - 1);
                self.outcomes.len() - 1
            }
        };
        if list {
            self.listing.push(format!(
                "schedule {}: outcome {} [{}]",
                self.schedules,
                n + 1,
                compact(&run.schedule.decisions)
            ));
        }
    }

    /// A warning when the first run already shows that the search cannot finish within
    /// `--max-schedules` (many threads, long runs); `warn` also hears it at once.
    fn warn_if_large(&mut self, decisions: &[Decision], options: &ExploreOptions) {
        let size = SearchSize::of(decisions, options.preemptions);
        let budget = options.max_schedules.max(1) as f64;
        if size.log10_schedules <= budget.log10() {
            return;
        }
        let search = match options.random {
            Some(_) => "a randomized search covers a vanishing part of them",
            None => "exhaustive search cannot finish; expect --max-schedules to end it",
        };
        self.warnings.push(format!(
            "{} threads compete in the first run, at {} switch points and {} free choices of \
             who goes next: on the order of 1e{:.0} schedules within {} preemptions, more than \
             --max-schedules {}; {search} (try fewer threads or iterations, or --preemptions 1)",
            size.threads,
            size.switch_points,
            size.free_choices,
            size.log10_schedules.floor(),
            options.preemptions,
            options.max_schedules,
        ));
    }
}

/// How big the systematic search grows, judged from the first run's decisions.
struct SearchSize {
    /// The most threads ready at once at any decision.
    threads: u32,
    switch_points: usize,
    /// Decisions that are not preemptions (which waiter goes next): every alternative of
    /// every one is searched, whatever the bound.
    free_choices: usize,
    /// log10 of (the product of the free choices' alternatives) times (the ways to place up
    /// to `bound` preemptions among the switch points).
    log10_schedules: f64,
}

impl SearchSize {
    fn of(decisions: &[Decision], bound: u32) -> SearchSize {
        let points = decisions.iter().filter(|d| d.kind == Kind::Explore).count();
        let others = decisions
            .iter()
            .filter(|d| d.kind == Kind::Explore)
            .map(|d| d.choices - 1)
            .max()
            .unwrap_or(0);
        let free: Vec<&Decision> = decisions
            .iter()
            .filter(|d| d.kind != Kind::Explore)
            .collect();
        let log10_free: f64 = free.iter().map(|d| f64::from(d.choices).log10()).sum();
        // Σ_{k ≤ bound} C(points, k) · others^k
        let (mut ways, mut term) = (1.0f64, 1.0f64);
        for k in 1..=u64::from(bound).min(points as u64) {
            term *= (points as u64 - k + 1) as f64 / k as f64 * f64::from(others);
            ways += term;
        }
        SearchSize {
            threads: decisions.iter().map(|d| d.choices).max().unwrap_or(1),
            switch_points: points,
            free_choices: free.len(),
            log10_schedules: log10_free + ways.log10(),
        }
    }
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

    #[test]
    fn addresses_are_masked() {
        assert_eq!(
            mask_addresses("Lock at 0x7f00001 held; 0xZ"),
            "Lock at 0x… held; 0xZ"
        );
    }
}
