//! Subinterpreters: every program in `tests/interp/` prints what the CPython its first line
//! names printed (stored in `tests/interp/expected/` by `tests/tools/expect_interp.py`, so
//! the suite needs no other CPython), in real runs and in simulated ones; simulated runs of
//! several interpreters are deterministic; interpreters with their own GIL run in parallel
//! on virtual cores and a shared GIL does not.

mod common;

use std::path::{Path, PathBuf};

fn programs() -> Vec<PathBuf> {
    let dir = common::repo_file("tests/interp");
    let mut all: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/interp exists")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    all.sort();
    assert!(all.len() >= 3, "found {} programs", all.len());
    all
}

fn expected(program: &Path) -> String {
    let name = program.file_stem().expect("a file name").to_string_lossy();
    let path = common::repo_file(&format!("tests/interp/expected/{name}.out"));
    common::read_source(&path)
}

#[test]
fn programs_print_what_cpython_printed() {
    for program in programs() {
        let want = expected(&program);
        let out = common::options().timeout(120.0).run_file(&program);
        let name = program.display();
        assert_eq!(out.exit_code, 0, "{name}: {}", out.stderr);
        assert_eq!(out.stderr, "", "{name}");
        assert_eq!(out.stdout, want, "{name}");
    }
}

#[test]
fn simulated_runs_print_the_same_and_repeat_exactly() {
    for program in programs() {
        let want = expected(&program);
        let run = || {
            common::options()
                .timeout(120.0)
                .sim(7)
                .cores(2)
                .run_file(&program)
        };
        let first = run();
        let name = program.display();
        assert_eq!(first.exit_code, 0, "{name}: {}", first.stderr);
        assert_eq!(first.stdout, want, "{name}");
        let second = run();
        assert_eq!(
            (first.stdout, first.stderr),
            (second.stdout, second.stderr),
            "{name}"
        );
    }
}

/// Three interpreters, each with a thread counting down, all printing: 100 simulated runs
/// with one seed are byte-identical, trace included.
#[test]
fn a_three_interpreter_program_is_deterministic() {
    let program = common::fixture("three_interpreters.py");
    let run = || {
        common::options()
            .timeout(120.0)
            .sim(11)
            .trace(gilsim::runtime::TraceLevel::Switches)
            .run(&program, "three_interpreters.py")
    };
    let first = run();
    assert_eq!(first.exit_code, 0, "{}", first.stderr);
    assert!(
        first.stdout.contains("interpreter 2 done"),
        "{}",
        first.stdout
    );
    for _ in 0..99 {
        assert_eq!(run(), first);
    }
}

/// The virtual time of two subinterpreters' countdowns: with a GIL each they run in
/// parallel on two virtual cores; sharing the main GIL (`--shared-gil`, as CPython <= 3.11
/// did) they take turns.
fn virtual_seconds(shared_gil: bool) -> f64 {
    let program = common::fixture("two_subinterpreters.py");
    let mut options = common::options().timeout(120.0).sim(3).cores(2);
    if shared_gil {
        options = options.shared_gil();
    }
    let out = options.run(&program, "two_subinterpreters.py");
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    out.stderr
        .split("virtual cores): ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no virtual time in {}", out.stderr))
}

#[test]
fn own_gils_run_in_parallel_and_a_shared_gil_does_not() {
    let own = virtual_seconds(false);
    let shared = virtual_seconds(true);
    let ratio = shared / own;
    assert!(
        (1.8..=2.2).contains(&ratio),
        "own GILs {own} s, shared GIL {shared} s"
    );
}
