//! Processes (`multiprocessing`, `ProcessPoolExecutor`): every program in `tests/mp/` prints
//! what CPython 3.11 printed (stored in `tests/mp/expected/`, so the suite needs no other
//! CPython; compared again with `python3` where one exists), in real runs and in simulated
//! ones, which repeat exactly; the student's mistakes end as CPython ends them (the
//! missing main guard under spawn, the fork-with-threads deadlock); a Pool of processes
//! runs CPU-bound work in parallel on virtual cores; limits are errors, not crashes.

mod common;

use std::path::{Path, PathBuf};

fn programs() -> Vec<PathBuf> {
    common::programs_in("tests/mp", 3)
}

fn expected(program: &Path) -> String {
    common::expected_output("tests/mp", program)
}

#[test]
fn programs_print_what_cpython_printed() {
    for program in programs() {
        let want = expected(&program);
        let out = common::options().timeout(120.0).run_file(&program);
        let name = program.display();
        assert_eq!(out.exit_code, 0, "{name}: {}", out.stderr);
        assert_eq!(out.stdout, want, "{name}");
    }
}

#[test]
fn the_stored_outputs_are_what_python3_prints() {
    for program in programs() {
        let Some(actual) = common::cpython_stdout(&program) else {
            return;
        };
        assert_eq!(actual, expected(&program), "{}", program.display());
    }
}

#[test]
fn simulated_runs_print_the_same_and_repeat_exactly() {
    common::check_simulated_runs(&programs(), expected);
}

/// What pickle refuses to put on a Queue is printed as CPython's feeder thread prints it.
#[test]
fn unpicklable_queue_items_are_reported_with_cpythons_errors() {
    let out = common::gilsim(&common::repo_file("tests/mp/mp_queues_locks.py"));
    for line in [
        "TypeError: cannot pickle '_thread.lock' object",
        "TypeError: cannot pickle 'generator' object",
        "_pickle.PicklingError: Can't pickle <function <lambda> at 0x",
        "RuntimeError: Queue objects should only be shared between processes through inheritance",
    ] {
        assert!(out.stderr.contains(line), "{line} not in\n{}", out.stderr);
    }
}

/// Spawn runs the main module again as `__mp_main__`; without the `if __name__ ==
/// "__main__":` guard the child's own `start()` is CPython's bootstrapping error, and the
/// parent sees the child's exit code 1.
#[test]
fn spawn_without_the_main_guard_is_cpythons_bootstrapping_error() {
    for sim in [false, true] {
        let options = if sim {
            common::options().sim(1)
        } else {
            common::options()
        };
        let out = options.timeout(60.0).run(
            &common::fixture("mp_no_main_guard.py"),
            "mp_no_main_guard.py",
        );
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        assert_eq!(
            out.stdout,
            "module runs as __main__\nmodule runs as __mp_main__\nexitcode 1\n"
        );
        assert!(
            out.stderr.contains(
                "RuntimeError: \n        An attempt has been made to start a new process \
                 before the\n        current process has finished its bootstrapping phase."
            ),
            "{}",
            out.stderr
        );
    }
}

/// A lock held by another thread when the process forks stays locked in the child, where
/// that thread does not exist: the child waits forever and the parent joins it forever —
/// reported as a deadlock naming the lock and the join.
#[test]
fn forking_while_another_thread_holds_a_lock_deadlocks_the_child() {
    let out = common::options().sim(3).timeout(60.0).run(
        &common::fixture("mp_fork_deadlock.py"),
        "mp_fork_deadlock.py",
    );
    assert_eq!(out.exit_code, 1);
    assert_eq!(out.stdout, "child wants the lock\n");
    assert!(out.stderr.contains("gilsim: deadlock"), "{}", out.stderr);
    // Each thread is named with its process, as `multiprocessing` names it, and its pid.
    assert!(
        out.stderr.contains(
            "thread 'MainThread' in MainProcess (pid 4000) at File \"mp_fork_deadlock.py\", line 22, in <module>\n    waits for Process-1 (pid 4001) to finish (join)"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("thread 'MainThread' in Process-1 (pid 4001) at File \"mp_fork_deadlock.py\", line 13, in child"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("held by 'Thread-1 (hold)'"),
        "{}",
        out.stderr
    );
}

fn pool_seconds(workers: &str, cores: u32) -> f64 {
    let out = common::options()
        .argv(&["mp_pool_speed.py", workers])
        .sim(5)
        .cores(cores)
        .timeout(120.0)
        .run(&common::fixture("mp_pool_speed.py"), "mp_pool_speed.py");
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "21342935600196\n");
    out.stderr
        .split("virtual cores): ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no virtual time in {}", out.stderr))
}

/// Each process has its own GIL: a Pool of two runs CPU-bound work about twice as fast on
/// two virtual cores (less the start-up cost of forking), and no faster on one.
#[test]
fn a_pool_of_processes_runs_in_parallel_on_virtual_cores() {
    let sequential = pool_seconds("0", 2);
    let two_cores = pool_seconds("2", 2);
    let one_core = pool_seconds("2", 1);
    let speedup = sequential / two_cores;
    assert!(
        (1.5..=2.1).contains(&speedup),
        "{sequential} s vs {two_cores} s"
    );
    assert!(one_core > sequential * 0.95, "{one_core} vs {sequential}");
}

#[test]
fn too_many_processes_is_an_error_not_a_crash() {
    let out = common::options()
        .timeout(120.0)
        .run(&common::fixture("mp_too_many.py"), "mp_too_many.py");
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "refused after 256 processes: [Errno 11] Resource temporarily unavailable \
         (gilsim runs at most 256 processes at once)\nall joined: True\n"
    );
}

/// A child that never ends stops at `--timeout` (real) or `--max-steps` (simulated).
#[test]
fn a_child_that_never_ends_is_stopped_by_the_limits() {
    let source = common::fixture("mp_child_forever.py");
    let out = common::options()
        .timeout(1.0)
        .run(&source, "mp_child_forever.py");
    assert_eq!(out.exit_code, 1);
    assert!(out.stderr.contains("--timeout of 1 s"), "{}", out.stderr);
    let out = common::options()
        .sim(1)
        .max_steps(100_000)
        .run(&source, "mp_child_forever.py");
    assert_eq!(out.exit_code, 1);
    assert!(out.stderr.contains("--max-steps 100000"), "{}", out.stderr);
}

/// `multiprocessing` and `os` exist under every `--like`; `ProcessPoolExecutor` is a
/// process pool now, not a refusal.
#[test]
fn processes_are_there_under_every_version() {
    let source = "import multiprocessing, os\n\
                  from concurrent.futures import ProcessPoolExecutor\n\
                  print(multiprocessing.get_start_method(), os.getpid() > 0)\n";
    for (major, minor, method) in [
        (2, 7, "fork"),
        (3, 9, "fork"),
        (3, 13, "fork"),
        (3, 14, "forkserver"),
    ] {
        let out = common::options()
            .like(major, minor)
            .run(source, "<versions>");
        assert_eq!(out.exit_code, 0, "{major}.{minor}: {}", out.stderr);
        assert_eq!(out.stdout, format!("{method} True\n"));
    }
}

/// What pickle refuses is worded as each CPython words it: 3.11/3.12's messages by default,
/// 3.13's "Can't get local object", 3.14's new messages with notes saying where in the
/// structure and the failed lookup as context (stored from CPython 3.11.7, 3.13.0, 3.14.10).
#[test]
fn pickling_errors_read_as_each_cpython() {
    let program = common::repo_file("tests/fixtures/pickle_errors_by_version.py");
    for (like, stored) in [
        (None, "3.11"),
        (Some((3, 13)), "3.13"),
        (Some((3, 14)), "3.14"),
    ] {
        let options = match like {
            Some((major, minor)) => common::options().like(major, minor),
            None => common::options(),
        };
        let out = options.run_file(&program);
        let want = std::fs::read_to_string(common::repo_file(&format!(
            "tests/fixtures/pickle_errors_by_version/{stored}.out"
        )))
        .unwrap();
        assert_eq!(out.exit_code, 0, "{stored}: {}", out.stderr);
        assert_eq!(out.stdout, want, "as {stored}");
    }
}

/// Traces, timelines, stats and the trace JSON name a process's lanes and GIL after the
/// process (`Process-1`, `ForkPoolWorker-2`), not the interpreter that stands for it.
#[test]
fn lanes_and_gils_are_named_after_their_process() {
    let dir = std::env::temp_dir().join(format!("gilsim-mp-lanes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let program = dir.join("lanes.py");
    std::fs::write(
        &program,
        "import multiprocessing as mp\n\
         def square(x):\n    return x * x\n\
         if __name__ == '__main__':\n\
         \x20   p = mp.Process(target=square, args=(3,))\n    p.start()\n    p.join()\n\
         \x20   with mp.Pool(2) as pool:\n        print(pool.map(square, range(4)))\n",
    )
    .unwrap();
    let json = dir.join("t.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gilsim"))
        .args([
            "run",
            "--seed",
            "1",
            "--stats",
            "--timeline",
            "--trace",
            "switches",
        ])
        .arg("--trace-json")
        .arg(&json)
        .arg(&program)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[0, 1, 4, 9]\n");
    for expected in [
        "[Process-1] MainThread takes Process-1's GIL",
        "[ForkPoolWorker-2] MainThread takes ForkPoolWorker-2's GIL",
        "waiting for Process-1 (pid 4001) to finish (join)",
    ] {
        assert!(stderr.contains(expected), "{expected:?} in {stderr}");
    }
    // The stats table and the timeline: one row each for the worker's thread.
    let rows = stderr
        .lines()
        .filter(|l| l.trim_start().starts_with("[ForkPoolWorker-2] MainThread "))
        .count();
    assert!(rows >= 3, "{stderr}");
    assert!(!stderr.contains("interp 1"), "{stderr}");
    let trace = std::fs::read_to_string(&json).unwrap();
    let trace: serde_json::Value = serde_json::from_str(&trace).unwrap();
    let mut names: Vec<String> = trace["traceEvents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["name"] == "process_name")
        .map(|e| e["args"]["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "ForkPoolWorker-2 (pid 4002)",
            "ForkPoolWorker-3 (pid 4003)",
            "MainProcess (pid 4000)",
            "Process-1 (pid 4001)"
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `os._exit(3)` in the main process ends the run with status 3 at once: a non-daemon
/// thread still running is not waited for, and no `finally` or `atexit` handler runs.
#[test]
fn os_exit_in_the_main_process_ends_the_run_with_its_status() {
    let source = "import atexit, os, threading, time\n\
                  def spin():\n    while True:\n        time.sleep(0.01)\n\
                  threading.Thread(target=spin).start()\n\
                  atexit.register(print, 'atexit')\n\
                  try:\n    print('leaving', flush=True)\n    os._exit(3)\n\
                  finally:\n    print('finally')\n";
    for options in [common::options(), common::options().sim(1)] {
        let out = options.timeout(60.0).run(source, "exit.py");
        assert_eq!(out.exit_code, 3, "{}", out.stderr);
        assert_eq!(out.stdout, "leaving\n");
        assert!(!out.stderr.contains("Traceback"), "{}", out.stderr);
    }
}

/// A Pool worker that dies holding a task (CPython replaces the worker; the task never
/// completes): `map` waits for ever, which a simulated run reports as a deadlock instead
/// of hanging, and a real one within `--timeout`.
#[test]
fn a_pool_task_whose_worker_died_never_completes() {
    let source = "import multiprocessing as mp, os\n\
                  def f(x):\n    if x == 3:\n        os._exit(1)\n    return x\n\
                  if __name__ == '__main__':\n\
                  \x20   with mp.Pool(2) as pool:\n        print(pool.map(f, range(6), chunksize=1))\n";
    let out = common::options().sim(1).run(source, "hang.py");
    assert_eq!(out.exit_code, 1);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("gilsim: deadlock"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("thread 'MainThread' in MainProcess (pid 4000) at File \"hang.py\", line 8, in <module>\n    waits for set() on Event"),
        "{}",
        out.stderr
    );
    let out = common::options().timeout(10.0).run(source, "hang.py");
    assert_eq!(out.exit_code, 1);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("gilsim: "), "{}", out.stderr);
}

/// What gilsim leaves out of `multiprocessing` is refused by name, never an AttributeError
/// or a wrong answer: `authkey`, and `multiprocessing.connection`'s `Listener` and
/// `Client`. A `connection.wait` nothing will ever satisfy is a deadlock, reported with
/// what it waits for.
#[test]
fn authkeys_and_listeners_are_refused_by_name_and_waits_can_deadlock() {
    let source = "import multiprocessing as mp\n\
                  import multiprocessing.connection as conn\n\
                  def stuck(r):\n    r.recv()\n\
                  if __name__ == '__main__':\n\
                  \x20   r, w = mp.Pipe()\n\
                  \x20   p = mp.Process(target=stuck, args=(r,))\n\
                  \x20   p.start()\n\
                  \x20   tries = [lambda: p.authkey, lambda: conn.Listener(),\n\
                  \x20            lambda: conn.Client(('localhost', 6000))]\n\
                  \x20   for attempt in tries:\n\
                  \x20       try:\n            attempt()\n\
                  \x20       except Exception as e:\n            print(type(e).__name__, e)\n\
                  \x20   print(conn.Pipe is mp.Pipe, p.sentinel == p.pid, flush=True)\n\
                  \x20   conn.wait([p.sentinel])\n";
    let out = common::options().sim(1).run(source, "refused.py");
    assert_eq!(
        out.stdout,
        "NotImplementedError multiprocessing.Process.authkey is not supported by gilsim\n\
         NotImplementedError multiprocessing.connection.Listener is not supported by gilsim\n\
         NotImplementedError multiprocessing.connection.Client is not supported by gilsim\n\
         True True\n"
    );
    assert_eq!(out.exit_code, 1);
    assert!(
        out.stderr.contains(
            "thread 'MainThread' in MainProcess (pid 4000) at File \"refused.py\", line 17, in <module>\n    waits for a connection or a process in multiprocessing.connection.wait"
        ),
        "{}",
        out.stderr
    );
}
