//! Subinterpreters: every program in `tests/interp/` prints what the CPython its first line
//! names printed (stored in `tests/interp/expected/` by `tests/tools/expect_interp.py`, so
//! the suite needs no other CPython), in real runs and in simulated ones; simulated runs of
//! several interpreters are deterministic; interpreters with their own GIL run in parallel
//! on virtual cores and a shared GIL does not.

mod common;

use std::path::{Path, PathBuf};

fn programs() -> Vec<PathBuf> {
    common::programs_in("tests/interp", 3)
}

fn expected(program: &Path) -> String {
    common::expected_output("tests/interp", program)
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
    common::check_simulated_runs(&programs(), expected);
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
    virtual_time(&out.stderr)
}

/// The virtual seconds a simulated run's summary line reports.
fn virtual_time(stderr: &str) -> f64 {
    stderr
        .split("virtual cores): ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no virtual time in {stderr}"))
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
        "concurrent.interpreters",
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
        (None, [true, true, true, true, true]),
        (Some((2, 7)), [false, false, false, false, false]),
        (Some((3, 9)), [true, false, false, false, false]),
        (Some((3, 12)), [true, true, false, false, false]),
        (Some((3, 13)), [false, false, true, true, false]),
        (Some((3, 14)), [false, false, true, true, true]),
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

/// 3.14's `InterpreterPoolExecutor` exists only where `concurrent.interpreters` does.
#[test]
fn the_interpreter_pool_is_a_314_name() {
    let program = "from concurrent.futures import InterpreterPoolExecutor\nprint('ok')";
    let out = common::options().like(3, 14).run(program, "<3.14>");
    assert_eq!(
        (out.exit_code, out.stdout.as_str()),
        (0, "ok\n"),
        "{}",
        out.stderr
    );
    let out = common::options().like(3, 13).run(program, "<3.13>");
    let refused =
        "ImportError: cannot import name 'InterpreterPoolExecutor' from 'concurrent.futures'";
    assert!(out.stderr.contains(refused), "{}", out.stderr);
}

/// The virtual time of two CPU-bound calls submitted to `executor` on two virtual cores.
fn pool_seconds(executor: &str) -> f64 {
    let program = format!(
        "from concurrent.futures import {executor}\n\
         def spin(n):\n    while n:\n        n -= 1\n    return n\n\
         if __name__ == '__main__':\n    with {executor}(2) as pool:\n\
         \x20       print(list(pool.map(spin, [200_000, 200_000])))\n"
    );
    let out = common::options()
        .timeout(120.0)
        .sim(5)
        .cores(2)
        .run(&program, "<pool>");
    assert_eq!(
        (out.exit_code, out.stdout.as_str()),
        (0, "[0, 0]\n"),
        "{}",
        out.stderr
    );
    virtual_time(&out.stderr)
}

/// Each worker of an `InterpreterPoolExecutor` has its own interpreter and GIL: two
/// CPU-bound calls take about half the virtual time they take in a `ThreadPoolExecutor`.
#[test]
fn an_interpreter_pool_runs_cpu_bound_calls_in_parallel() {
    let threads = pool_seconds("ThreadPoolExecutor");
    let interpreters = pool_seconds("InterpreterPoolExecutor");
    let ratio = threads / interpreters;
    assert!(
        (1.7..=2.2).contains(&ratio),
        "threads {threads} s, interpreters {interpreters} s"
    );
}

/// Two interpreters each wait for the other's message first: the report names both queue
/// waits, the subinterpreter's with its interpreter, in real and in simulated runs.
#[test]
fn a_queue_nobody_fills_across_interpreters_is_a_deadlock() {
    let program = common::fixture("interp_queue_deadlock.py");
    for options in [common::options(), common::options().sim(2)] {
        let out = options
            .timeout(60.0)
            .run(&program, "interp_queue_deadlock.py");
        assert_ne!(out.exit_code, 0);
        for needle in [
            "gilsim: deadlock",
            "thread 'MainThread' at File \"interp_queue_deadlock.py\", line 15, in <module>\n    waits for an item on interpreter queue 2",
            "in interpreter 1 at File \"<string>\", line 2, in <module>\n    waits for an item on interpreter queue 1",
        ] {
            assert!(
                out.stderr.contains(needle),
                "{needle:?} not in {}",
                out.stderr
            );
        }
    }
}
