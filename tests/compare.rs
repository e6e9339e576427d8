//! `gilsim compare`: one table across GIL models, deterministic when simulated — a racy
//! counter loses updates under 3.9 (a switch between any two instructions) and 3.13t (no
//! GIL), not under 3.12 (switches only at check points) — and a usage error for a bad model.

mod common;

use std::process::{Command, Output};

use common::repo_file;

fn gilsim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gilsim"))
        .args(args)
        .env_remove("COLUMNS")
        .env_remove("PYTHON_GIL")
        .output()
        .unwrap()
}

/// The table's rows by model: the cells of each row, split on runs of spaces.
fn rows(stdout: &str) -> Vec<Vec<String>> {
    stdout
        .lines()
        .skip(2)
        .take_while(|l| !l.starts_with("every model") && !l.starts_with("the output"))
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(String::from)
                .collect()
        })
        .collect()
}

#[test]
fn a_racy_counter_loses_updates_under_3_9_and_3_13t_only() {
    let program = repo_file("tests/fixtures/unlocked_counter.py");
    let program = program.to_str().unwrap();
    let first = gilsim(&["compare", "--models", "3.9,3.12,3.13t", program]);
    let stdout = String::from_utf8_lossy(&first.stdout).into_owned();
    assert!(first.status.success(), "{stdout}");
    let rows = rows(&stdout);
    let by_model = |m: &str| {
        rows.iter()
            .find(|r| r[0] == m)
            .unwrap_or_else(|| panic!("no {m} row: {stdout}"))
            .clone()
    };
    let (py39, py312, py313t) = (by_model("3.9"), by_model("3.12"), by_model("3.13t"));
    // model, exit, last line, time, speed-up, switches, drop requests, waiting
    assert_eq!(py312[2], "800000", "{stdout}");
    for lossy in [&py39, &py313t] {
        let total: u64 = lossy[2].parse().unwrap();
        assert!(total < 800_000, "{stdout}");
        assert_eq!(lossy[1], "0");
    }
    assert_eq!(py39[4], "1.00x");
    assert_eq!(py313t[5], "no GIL");
    let py312_switches: u64 = py312[5].parse().unwrap();
    assert!(py312_switches > 4, "{stdout}");
    // Without a GIL the four threads run on four virtual cores: well over twice as fast.
    let speed_up: f64 = py313t[4].trim_end_matches('x').parse().unwrap();
    assert!(speed_up > 2.0, "{stdout}");
    assert!(
        stdout.contains(
            "the output differs from 3.9's under: 3.12, 3.13t (only in its numbers: timings, counts)\n  3.12, line "
        ),
        "{stdout}"
    );
    // Each differing model's first differing line, beside the first model's.
    let told = format!("\"{}\" (3.9: \"{}\")", py312[2], py39[2]);
    assert!(stdout.contains(&told), "{told} in {stdout}");
    // One timeline per model, all on one scale.
    for m in ["3.9 (", "3.12 (", "3.13t ("] {
        assert!(stdout.lines().any(|l| l.starts_with(m)), "{stdout}");
    }
    let again = gilsim(&["compare", "--models", "3.9,3.12,3.13t", program]);
    assert_eq!(
        String::from_utf8_lossy(&again.stdout),
        stdout,
        "not deterministic"
    );
}

#[test]
fn real_runs_are_timed_on_the_wall_clock() {
    let program = repo_file("tests/fixtures/two_increments.py");
    let out = gilsim(&[
        "compare",
        "--real",
        "--no-timelines",
        "--models",
        "3.12,3.13t",
        program.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("wall time"), "{stdout}");
    assert!(
        stdout.contains("every model printed the same output"),
        "{stdout}"
    );
    assert_eq!(rows(&stdout).len(), 2, "{stdout}");
    assert!(!stdout.contains('│'), "timelines were asked off: {stdout}");
}

#[test]
fn an_unknown_model_is_a_usage_error() {
    let program = repo_file("tests/fixtures/two_increments.py");
    for models in ["3.7", "3.12+turbo", ""] {
        let out = gilsim(&["compare", "--models", models, program.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "--models {models:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--models"),
            "--models {models:?}"
        );
    }
}

#[test]
fn a_model_whose_run_fails_shows_the_error_and_its_exit_status() {
    let dir = common::scratch("compare_fails");
    let program = dir.join("needs_314.py");
    std::fs::write(
        &program,
        "from concurrent import interpreters\nprint('ok')\n",
    )
    .unwrap();
    let out = gilsim(&[
        "compare",
        "--no-timelines",
        "--models",
        "3.12,3.14",
        program.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let rows = rows(&stdout);
    assert_eq!(rows[0][1], "1", "{stdout}");
    assert!(
        rows[0][2].starts_with("ImportError: cannot import name"),
        "{stdout}"
    );
    assert_eq!(rows[1][1..3], ["0", "ok"], "{stdout}");
}
