//! A witness schedule replayed on its own, with views attached (its trace JSON, its
//! recording for the HTML report): the same run `gilsim run --replay` makes of it.

use std::path::PathBuf;

use super::ExploreOptions;
use crate::drive::RunOutcome;
use crate::runtime::RunOptions;
use crate::runtime::sched::SimOptions;
use crate::runtime::sched::schedule::Schedule;

/// Replays `witness` of `source`; `views` attaches what the caller wants to see of it.
pub fn replay_witness(
    source: &str,
    filename: &str,
    script_dir: Option<PathBuf>,
    options: &ExploreOptions,
    witness: &Schedule,
    views: impl FnOnce(&mut RunOptions),
) -> RunOutcome {
    let mut run = options.run.clone();
    run.capture = true;
    run.sim = Some(SimOptions {
        seed: witness.seed,
        max_steps: Some(options.max_steps),
        replay: Some(witness.clone()),
        explore: true,
        ..SimOptions::default()
    });
    views(&mut run);
    crate::drive::run_program(source, filename, run, script_dir)
}

/// The HTML report of an exploration: the outcome table and, per outcome, its witness
/// replayed and drawn, with the command line that replays it (`replays`, in outcome order).
pub fn html_report(
    source: &str,
    filename: &str,
    script_dir: Option<PathBuf>,
    options: &ExploreOptions,
    report: &super::Report,
    replays: &[String],
) -> String {
    let entries = report
        .outcomes
        .iter()
        .zip(replays)
        .map(|(o, replay)| {
            let run = replay_witness(
                source,
                filename,
                script_dir.clone(),
                options,
                &o.witness,
                |run| run.record = true,
            );
            let rec = run.recording.unwrap_or_else(|| {
                std::sync::Arc::new(crate::viz::recording::Recording::empty(
                    options.run.interpreter.gil,
                ))
            });
            let share = 100.0 * o.schedules as f64 / report.schedules.max(1) as f64;
            serde_json::json!({
                "trace": crate::viz::trace_json::document(&rec, filename),
                "replay": replay,
                "schedules": o.schedules,
                "share": format!("{share:.1}%"),
                "exit_code": o.exit_code,
                "stdout": o.stdout,
            })
        })
        .collect();
    let subtitle = format!(
        "{} schedules, {} distinct outcomes · {}",
        report.schedules,
        report.outcomes.len(),
        options.run.interpreter.describe()
    );
    crate::viz::html::page(
        "explore",
        &format!("gilsim explore {filename}"),
        &subtitle,
        Some((filename, source)),
        entries,
        serde_json::json!({}),
    )
}
