//! Shared helpers for the integration tests: running gilsim in-process and CPython as a
//! reference.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use gilsim::runtime::RunOptions;

/// Runs a file under gilsim with captured output.
pub fn gilsim(path: &Path) -> gilsim::RunOutcome {
    let options = RunOptions {
        capture: true,
        timeout: Some(60.0),
        ..RunOptions::default()
    };
    gilsim::run_file(path, options)
}

/// Runs source text under gilsim with captured output.
pub fn gilsim_source(source: &str) -> gilsim::RunOutcome {
    let options = RunOptions {
        capture: true,
        timeout: Some(60.0),
        ..RunOptions::default()
    };
    gilsim::run_source(source, "<test>", options)
}

/// CPython's stdout for a file, or None (said loudly) when no `python3` is installed.
pub fn cpython_stdout(path: &Path) -> Option<String> {
    let out = Command::new("python3")
        .arg(path)
        .env("PYTHONHASHSEED", "0")
        .output();
    match out {
        Ok(o) => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
        Err(_) => {
            eprintln!(
                "WARNING: no python3 found; skipping the CPython comparison for {}",
                path.display()
            );
            None
        }
    }
}

/// Normalizes paths so snapshots do not depend on the checkout location.
pub fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}
