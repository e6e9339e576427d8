//! `gilsim compare`: one program under several GIL models, each run recorded (captured
//! output, lanes of slices), for one table of figures and timelines on one time scale.

use std::path::Path;
use std::sync::Arc;

use super::run::{RunOutcome, run_file};
use crate::runtime::RunOptions;
use crate::viz::recording::Recording;

/// One model to run the program under: its name in the table and its run options.
#[derive(Debug, Clone)]
pub struct Model {
    pub label: String,
    pub options: RunOptions,
}

/// One model's run.
#[derive(Debug, Clone)]
pub struct ModelRun {
    pub label: String,
    pub outcome: RunOutcome,
    pub recording: Arc<Recording>,
}

/// Runs `path` under each model in turn (never at once: on a shared machine parallel runs
/// would distort each other's wall times); `progress` hears which model starts.
pub fn compare(
    path: &Path,
    models: &[Model],
    progress: &mut dyn FnMut(usize, &Model),
) -> Vec<ModelRun> {
    models
        .iter()
        .enumerate()
        .map(|(i, model)| {
            progress(i, model);
            let mut options = model.options.clone();
            options.capture = true;
            options.record = true;
            let outcome = run_file(path, options);
            let recording = outcome.recording.clone().unwrap_or_else(|| {
                // A program that never ran (unreadable, not UTF-8) has nothing recorded.
                Arc::new(Recording::empty(model.options.interpreter.gil))
            });
            ModelRun {
                label: model.label.clone(),
                outcome,
                recording,
            }
        })
        .collect()
}

/// The report `gilsim compare` prints: the table (times on `clock`, "virtual" or "wall"),
/// then, if asked, the timelines as wide as `COLUMNS` says (else 100 columns).
pub fn render(runs: &[ModelRun], clock: &str, timelines: bool) -> String {
    let mut out = crate::viz::compare::table(runs, clock);
    if timelines {
        let columns = std::env::var("COLUMNS").ok();
        let columns = crate::viz::terminal::columns(None, columns.as_deref());
        out.push('\n');
        out.push_str(&crate::viz::compare::timelines(runs, columns));
    }
    out
}

/// The HTML report: the same table, then every model's timeline on one scale, side by side
/// in one page (`title` heads it).
pub fn html(runs: &[ModelRun], clock: &str, title: &str, program: &str) -> String {
    let entries = runs
        .iter()
        .map(|r| {
            serde_json::json!({
                "label": r.label,
                "trace": crate::viz::trace_json::document(&r.recording, program),
            })
        })
        .collect();
    crate::viz::html::page(
        "compare",
        title,
        &format!("{} models, times on the {clock} clock", runs.len()),
        None,
        entries,
        serde_json::json!({"table": crate::viz::compare::table(runs, clock)}),
    )
}
