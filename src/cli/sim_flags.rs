//! The simulated-mode flags of `gilsim run`: `--sim`, `--seed`, `--cores`, `--replay`,
//! `--max-steps`, `--save-schedule`.

use gilsim::runtime::sched::SimOptions;
use gilsim::runtime::sched::schedule::Schedule;

use super::RunArgs;

/// The simulation options, or None for a real run.
pub fn sim_options(args: &RunArgs) -> Result<Option<SimOptions>, String> {
    let wanted =
        args.sim || args.seed.is_some() || args.replay.is_some() || args.max_steps.is_some();
    if !wanted {
        if args.cores.is_some() {
            return Err("--cores needs a simulated run (--sim or --seed N)".into());
        }
        if args.save_schedule.is_some() {
            return Err("--save-schedule needs a simulated run (--sim or --seed N)".into());
        }
        return Ok(None);
    }
    let replay = match &args.replay {
        None => None,
        Some(r) => Some(read_schedule(r)?),
    };
    let seed = match (&replay, args.seed) {
        (Some(s), None) => s.seed,
        (_, Some(seed)) => seed,
        (None, None) => 0,
    };
    // A witness of `gilsim explore` replays with exploration's decisions.
    let explore = replay
        .as_ref()
        .is_some_and(|s| s.model.ends_with("mode=explore"));
    Ok(Some(SimOptions {
        explore,
        seed,
        cores: args.cores.unwrap_or(4),
        max_steps: args.max_steps,
        replay,
        random_preemptions: None,
        ..SimOptions::default()
    }))
}

/// `--replay` takes a file name or the schedule text itself.
fn read_schedule(arg: &str) -> Result<Schedule, String> {
    let text = if arg.trim_start().starts_with("gilsim-schedule") {
        arg.to_string()
    } else {
        std::fs::read_to_string(arg).map_err(|e| format!("cannot read the schedule {arg}: {e}"))?
    };
    Schedule::parse(&text).map_err(|e| format!("--replay: {e}"))
}
