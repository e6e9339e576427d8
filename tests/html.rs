//! `--html`: one self-contained report, checked in real headless Chromium (1280x720): it loads
//! with no console error and no network request, draws one lane per thread and every slice of
//! the embedded trace, and hovering or clicking a slice shows its details; a screenshot is
//! left under the build's target directory for review. See tests/tools/html_check.py.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{browser_check, repo_file, scratch};
use serde_json::Value;

fn gilsim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gilsim"))
        .args(args)
        .output()
        .unwrap()
}

/// What the browser saw of a report, or None when no browser can run here.
fn in_browser(page: &Path, shot: &Path) -> Option<Value> {
    let stdout = browser_check("html_check.py", &[page, shot])?;
    Some(serde_json::from_str(&stdout).unwrap())
}

/// The page loaded cleanly and fetched nothing but itself.
fn assert_clean(seen: &Value, page: &Path) {
    assert_eq!(seen["console_errors"], serde_json::json!([]), "{seen}");
    let own = format!("file://{}", page.display());
    for url in seen["requests"].as_array().unwrap() {
        assert_eq!(url.as_str().unwrap(), own, "a network request: {seen}");
    }
}

#[test]
fn a_run_report_draws_every_lane_and_slice_and_shows_details() {
    let dir = scratch("html_run");
    let (page, trace) = (dir.join("run.html"), dir.join("run.json"));
    let program = repo_file("tests/fixtures/trace_small.py");
    let out = gilsim(&[
        "run",
        "--seed",
        "1",
        "--switch-interval",
        "0.0005",
        "--html",
        page.to_str().unwrap(),
        "--trace-json",
        trace.to_str().unwrap(),
        program.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&page).unwrap();
    for external in ["<link", " src=", "@import", "url("] {
        assert!(!html.contains(external), "the page refers to {external}");
    }
    // The report embeds the very trace --trace-json wrote.
    let trace: Value = serde_json::from_str(&std::fs::read_to_string(&trace).unwrap()).unwrap();
    let slices = trace["traceEvents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["ph"] == "X")
        .count() as u64;
    let Some(seen) = in_browser(&page, &dir.join("run.png")) else {
        return;
    };
    assert_clean(&seen, &page);
    assert_eq!(seen["threads"], 3, "{seen}");
    assert_eq!(seen["gil"], 1, "{seen}");
    assert_eq!(
        seen["lane_names"],
        serde_json::json!(["MainThread", "Thread-1 (work)", "Thread-2 (work)"])
    );
    assert_eq!(seen["slices"].as_u64(), Some(slices), "{seen}");
    assert!(
        seen["marks"].as_u64().unwrap() >= 2,
        "drop requests marked: {seen}"
    );
    let tooltip = seen["tooltip"].as_str().unwrap();
    assert!(
        tooltip.contains("state: running (holds the GIL)"),
        "{tooltip}"
    );
    assert!(tooltip.contains("duration:"), "{tooltip}");
    assert!(tooltip.contains("line: "), "the running line: {tooltip}");
    let details = seen["details"].as_str().unwrap();
    assert!(details.contains("thread: "), "{details}");
    assert!(seen["slices_zoomed"].as_u64().unwrap() <= slices);
    // The --stats table and the source with per-line counts.
    assert!(
        seen["stats"].as_str().unwrap().contains("acquired"),
        "{seen}"
    );
    let source_lines = std::fs::read_to_string(&program).unwrap().lines().count();
    assert_eq!(seen["source_rows"].as_u64(), Some(source_lines as u64 + 1));
    assert!(dir.join("run.png").exists());
}

#[test]
fn an_explore_report_has_the_outcomes_and_a_timeline_per_witness() {
    let dir = scratch("html_explore");
    let page = dir.join("explore.html");
    let out = gilsim(&[
        "explore",
        "--check-points",
        "every-op",
        "--jobs",
        "1",
        "--html",
        page.to_str().unwrap(),
        repo_file("tests/fixtures/two_increments.py")
            .to_str()
            .unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains(&format!("report: {}", page.display())),
        "{stdout}"
    );
    let Some(seen) = in_browser(&page, &dir.join("explore.png")) else {
        return;
    };
    assert_clean(&seen, &page);
    assert_eq!(seen["timelines"], 2, "{seen}");
    let text = seen["text"].as_str().unwrap();
    assert!(text.contains("Outcome 2: its witness"), "{text}");
    assert!(
        text.contains("gilsim run --check-points every-op --replay"),
        "{text}"
    );
}

#[test]
fn an_unwritable_report_path_is_a_usage_error() {
    let out = gilsim(&["run", "--html", "/nonexistent-dir/r.html", "-c", "print(1)"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write the report"));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_real_run_report_draws_its_lanes_and_says_why_lines_are_not_counted() {
    let dir = scratch("html_real");
    let page = dir.join("real.html");
    let program = repo_file("tests/fixtures/unlocked_counter.py");
    let out = gilsim(&[
        "run",
        "--html",
        page.to_str().unwrap(),
        program.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let Some(seen) = in_browser(&page, &dir.join("real.png")) else {
        return;
    };
    assert_clean(&seen, &page);
    assert_eq!(seen["threads"], 5, "{seen}");
    let text = seen["text"].as_str().unwrap();
    assert!(
        text.contains("Per-line counts are collected in simulated runs"),
        "{text}"
    );
    assert!(
        seen["tooltip"].as_str().unwrap().contains("duration:"),
        "{seen}"
    );
}

#[test]
fn a_compare_report_puts_the_models_side_by_side() {
    let dir = scratch("html_compare");
    let page = dir.join("compare.html");
    let program = repo_file("tests/fixtures/unlocked_counter.py");
    let out = gilsim(&[
        "compare",
        "--no-timelines",
        "--models",
        "3.9,3.13t",
        "--html",
        page.to_str().unwrap(),
        program.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains(&format!("report: {}", page.display())),
        "{stdout}"
    );
    let Some(seen) = in_browser(&page, &dir.join("compare.png")) else {
        return;
    };
    assert_clean(&seen, &page);
    assert_eq!(seen["timelines"], 2, "{seen}");
    // Five lanes per model; only the model with a GIL has a GIL track.
    assert_eq!(seen["threads"], 10, "{seen}");
    assert_eq!(seen["gil"], 1, "{seen}");
    let text = seen["text"].as_str().unwrap();
    assert!(
        text.contains("speed-up") && text.contains("3.13t"),
        "{text}"
    );
}
