//! Progress on long work, checked under a real pseudo-terminal (tests/tools/pty_run.py): on a
//! terminal `explore` shows a spinner with its counts and `compare` a bar over the models,
//! both cleared before the report; piped, nothing but the report is printed.

mod common;

use std::process::Command;

use common::repo_file;
use serde_json::Value;

const GILSIM: &str = env!("CARGO_BIN_EXE_gilsim");

/// What a terminal 100 columns wide received from `gilsim ARGS`, and the exit status; None
/// (with a loud warning) where no pseudo-terminal or no python3 is available.
fn on_a_terminal(args: &[&str]) -> Option<(String, i64)> {
    let out = match Command::new("python3")
        .arg(repo_file("tests/tools/pty_run.py"))
        .arg("100")
        .arg(GILSIM)
        .args(args)
        .env_remove("PYTHON_GIL")
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            eprintln!("WARNING: skipping the terminal check: python3 cannot be run ({e})");
            return None;
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    if out.status.code() == Some(3) {
        eprintln!("WARNING: skipping the terminal check: {stdout}");
        return None;
    }
    assert!(out.status.success(), "pty_run.py failed: {stdout}");
    let seen: Value = serde_json::from_str(&stdout).unwrap();
    Some((
        seen["output"].as_str().unwrap().to_string(),
        seen["status"].as_i64().unwrap(),
    ))
}

/// The last thing a terminal shows on the line the bar drew on, after `\r` and erase codes.
fn after_last_erase(text: &str) -> &str {
    text.rsplit("\x1b[2K").next().unwrap_or(text)
}

#[test]
fn explore_shows_a_spinner_on_a_terminal_and_clears_it_for_the_report() {
    let program = repo_file("tests/fixtures/two_increments.py");
    let args = [
        "explore",
        "--check-points",
        "every-op",
        program.to_str().unwrap(),
    ];
    let Some((screen, status)) = on_a_terminal(&args) else {
        return;
    };
    assert_eq!(status, 0, "{screen}");
    assert!(
        screen.contains("exploring: 16 schedules, 1 outcome"),
        "{screen:?}"
    );
    // The bar is erased before the report, which ends the terminal's output.
    let report = after_last_erase(&screen);
    assert!(report.contains("outcome 1 of"), "{report:?}");
    assert!(!report.contains("exploring:"), "{report:?}");

    let piped = Command::new(GILSIM).args(args).output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&piped.stdout),
        String::from_utf8_lossy(&piped.stderr),
    );
    assert!(stdout.contains("outcome 1 of"), "{stdout}");
    assert!(!stdout.contains("exploring:") && !stderr.contains("exploring:"));
    assert!(
        !stderr.contains('\x1b'),
        "escape codes when piped: {stderr:?}"
    );
}

#[test]
fn compare_shows_a_bar_over_the_models_on_a_terminal_only() {
    let program = repo_file("tests/fixtures/two_increments.py");
    let args = [
        "compare",
        "--no-timelines",
        "--models",
        "3.9,3.12,3.13t",
        program.to_str().unwrap(),
    ];
    let Some((screen, status)) = on_a_terminal(&args) else {
        return;
    };
    assert_eq!(status, 0, "{screen}");
    assert!(screen.contains("/3 models, running 3."), "{screen:?}");
    let report = after_last_erase(&screen);
    assert!(
        report.contains("every model printed the same output"),
        "{report:?}"
    );
    assert!(!report.contains("models, running"), "{report:?}");

    let piped = Command::new(GILSIM).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&piped.stderr);
    assert!(!stderr.contains("models, running"), "{stderr}");
    assert!(
        !stderr.contains('\x1b'),
        "escape codes when piped: {stderr:?}"
    );
}
