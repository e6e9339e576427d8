//! Shared helpers for the integration tests: running gilsim in-process and CPython as a
//! reference.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use gilsim::runtime::RunOptions;

fn options() -> RunOptions {
    RunOptions {
        capture: true,
        timeout: Some(60.0),
        ..RunOptions::default()
    }
}

/// Runs a file under gilsim with captured output.
pub fn gilsim(path: &Path) -> gilsim::RunOutcome {
    gilsim::run_file(path, options())
}

/// Runs source text under gilsim with captured output.
pub fn gilsim_source(source: &str) -> gilsim::RunOutcome {
    gilsim::run_source(source, "<test>", options())
}

/// CPython's (stdout, stderr) for a file, or None (said loudly) when no `python3` exists.
pub fn cpython(path: &Path) -> Option<(String, String)> {
    let out = Command::new("python3")
        .arg(path)
        .env("PYTHONHASHSEED", "0")
        .output();
    match out {
        Ok(o) => Some((
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )),
        Err(_) => {
            eprintln!(
                "WARNING: no python3 found; skipping the CPython comparison for {}",
                path.display()
            );
            None
        }
    }
}

/// CPython's stdout for a file.
pub fn cpython_stdout(path: &Path) -> Option<String> {
    cpython(path).map(|(out, _)| out)
}

/// The `File "...", line N, in name` lines of a traceback, with the file name reduced to its
/// base name (CPython prints the path it was given).
pub fn traceback_frames(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("File \""))
        .map(|l| {
            let (file, rest) = l.split_once('"').unwrap_or((l, ""));
            let base = Path::new(file)
                .file_name()
                .map_or(file.to_string(), |f| f.to_string_lossy().into_owned());
            format!("{base}{rest}")
        })
        .collect()
}
