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

/// The virtual time of two subinterpreters' countdowns under `options`: with a GIL each they
/// run in parallel on two virtual cores; sharing the main GIL (`--shared-gil`, as CPython
/// <= 3.11 did) they take turns.
fn virtual_seconds(options: common::Options) -> f64 {
    let program = common::fixture("two_subinterpreters.py");
    let out = options
        .timeout(120.0)
        .sim(3)
        .cores(2)
        .run(&program, "two_subinterpreters.py");
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
    let own = virtual_seconds(common::options());
    for (what, options) in [
        ("--shared-gil", common::options().shared_gil()),
        ("--like 3.11", common::options().like(3, 11)),
        (
            "--check-points every-op",
            common::options().check_points(gilsim::runtime::gil::CheckPoints::EveryOp),
        ),
    ] {
        let shared = virtual_seconds(options);
        let ratio = shared / own;
        assert!(
            (1.8..=2.2).contains(&ratio),
            "own GILs {own} s, {what}: {shared} s"
        );
    }
    let newer = virtual_seconds(common::options().like(3, 12));
    assert!((0.9..=1.1).contains(&(newer / own)), "{newer} vs {own}");
}

/// `--like` decides which version-specific modules exist; without it all do.
#[test]
fn each_version_has_its_own_subinterpreter_modules() {
    let modules = [
        "_xxsubinterpreters",
        "_xxinterpchannels",
        "_interpreters",
        "_interpqueues",
    ];
    let importable = |options: common::Options, module: &str| {
        let out = options.run(&format!("import {module}"), "<like>");
        if out.exit_code == 0 {
            return true;
        }
        let missing = format!("ModuleNotFoundError: No module named '{module}'");
        assert!(out.stderr.contains(&missing), "{}", out.stderr);
        false
    };
    for (version, expected) in [
        (None, [true, true, true, true]),
        (Some((2, 7)), [false, false, false, false]),
        (Some((3, 9)), [true, false, false, false]),
        (Some((3, 12)), [true, true, false, false]),
        (Some((3, 13)), [false, false, true, true]),
        (Some((3, 14)), [false, false, true, true]),
    ] {
        for (module, want) in modules.iter().zip(expected) {
            let mut options = common::options();
            if let Some((major, minor)) = version {
                options = options.like(major, minor);
            }
            assert_eq!(importable(options, module), want, "{module} in {version:?}");
        }
    }
}

/// CPython 3.9-3.11: `_xxsubinterpreters` carries the channel functions, and an isolated
/// subinterpreter (the default) may not start a thread; a non-isolated one may. 3.12 allows
/// both and moved channels out.
#[test]
fn before_312_isolated_subinterpreters_refuse_threads() {
    let program = common::fixture("isolated_threads.py");
    let out = common::options().like(3, 9).run(&program, "<3.9>");
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "thread is not supported for isolated subinterpreters\nok\nb'hi'\n"
    );
    let out = common::options().like(3, 12).run(&program, "<3.12>");
    assert!(out.stdout.starts_with("\nok\n"), "{}", out.stdout);
    let missing = "AttributeError: module '_xxsubinterpreters' has no attribute 'channel_create'";
    assert!(out.stderr.contains(missing), "{}", out.stderr);
}

/// Past its limit of live subinterpreters a run refuses to create one, with CPython's
/// message, and goes on; interpreters left undestroyed at exit are torn down quietly, as
/// CPython's finalization does.
#[test]
fn too_many_interpreters_is_an_error_not_a_crash() {
    let out = common::options()
        .timeout(120.0)
        .run(&common::fixture("many_interpreters.py"), "<many>");
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "2048 interpreter creation failed\n2\n");
    assert_eq!(out.stderr, "");
}
