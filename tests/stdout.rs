//! Stdout as CPython writes it: `print` writes its object and its `end` as two writes. With
//! `-u` each write is a system call that releases the GIL, so two threads' lines can mix
//! ("Hello 0Hello 1\n\n", as in the threading lecture); buffered (the default, as when
//! stdout is piped), lines stay whole. A flush (`flush=True`, `sys.stdout.flush()`) writes
//! the whole line and releases the GIL around its write: a thread waiting for the GIL may
//! win it there (it usually does not: the caller is back first).

mod common;

use gilsim::drive::explore::{Report, explore};
use gilsim::runtime::sched::schedule::Kind;

/// The lecture's greeter threads.
const HELLO: &str = "import threading\n\
                     def greeter(num):\n    print(f'Hello {num}')\n\
                     threads = [threading.Thread(target=greeter, args=(i,)) for i in range(2)]\n\
                     for t in threads:\n    t.start()\n\
                     for t in threads:\n    t.join()\n";

/// Every outcome of `source` under `options` (a preemption bound of 2).
fn explore_program(source: &str, options: common::Options) -> Report {
    explore(
        source,
        "<hello>",
        None,
        &common::explore_options(options.build()),
        &mut |_| {},
    )
}

fn outcomes(report: &Report) -> Vec<String> {
    let mut v: Vec<String> = report.outcomes.iter().map(|o| o.stdout.clone()).collect();
    v.sort();
    v
}

#[test]
fn explore_finds_mixed_lines_with_unbuffered_stdout_and_never_without() {
    let buffered = explore_program(HELLO, common::options());
    assert_eq!(buffered.incomplete, None);
    assert_eq!(
        outcomes(&buffered),
        ["Hello 0\nHello 1\n", "Hello 1\nHello 0\n"]
    );

    let unbuffered = explore_program(HELLO, common::options().unbuffered());
    assert_eq!(unbuffered.incomplete, None);
    let all = outcomes(&unbuffered);
    assert!(all.contains(&"Hello 0Hello 1\n\n".to_string()), "{all:?}");
    assert!(all.contains(&"Hello 0\nHello 1\n".to_string()), "{all:?}");
    // The mixed line's witness replays to it.
    let mixed = unbuffered
        .outcomes
        .iter()
        .find(|o| o.stdout == "Hello 0Hello 1\n\n")
        .unwrap();
    let replayed = common::options()
        .unbuffered()
        .explore()
        .replay(
            gilsim::runtime::sched::schedule::Schedule::parse(&mixed.witness.to_one_line())
                .unwrap(),
        )
        .run(HELLO, "<hello>");
    assert_eq!(replayed.stdout, "Hello 0Hello 1\n\n", "{}", replayed.stderr);
}

/// Unbuffered or not, one thread's output is the same, and `sys.stdout.write` and
/// `print(..., sep=..., end=...)` write what CPython writes.
#[test]
fn unbuffered_stdout_prints_the_same_text() {
    let source = "import sys\nprint('a', 'b', sep='-', end='!\\n')\nsys.stdout.write('w\\n')\nprint(1, flush=True)\n";
    for options in [
        common::options().unbuffered(),
        common::options().unbuffered().sim(2),
    ] {
        let out = options.run(source, "<test>");
        assert_eq!(out.stdout, "a-b!\nw\n1\n", "{}", out.stderr);
    }
}

/// The main thread wakes a thread (which then waits for the GIL) and prints 20 lines.
fn wake_then_print(flush: &str) -> String {
    format!(
        "import threading\n\
         go = threading.Event()\n\
         def other():\n    go.wait()\n    print('B')\n\
         t = threading.Thread(target=other)\n\
         t.start()\n\
         go.set()\n\
         for i in range(20):\n    print('A'{flush})\n\
         t.join()\n"
    )
}

/// Where B's line lands among the 20 A lines (20: after all of them).
fn position_of_b(stdout: &str) -> usize {
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 21, "{stdout}");
    lines.iter().position(|l| *l == "B").unwrap()
}

/// CPython 3.11 (300 runs each): with `flush=True`, B came right after the first A in
/// 157 runs and after the last in 47; without, always after the last, since the main
/// thread never lets the GIL go within its switch interval.
#[test]
fn a_flush_releases_the_gil_and_a_waiter_sometimes_wins_it() {
    let with_flush = wake_then_print(", flush=True");
    let buffered = wake_then_print("");
    let mut positions = Vec::new();
    for seed in 1..=20 {
        let out = common::options().sim(seed).run(&with_flush, "<flush>");
        positions.push(position_of_b(&out.stdout));
        let schedule = out.schedule.expect("a simulated run has a schedule");
        assert!(
            schedule
                .decisions
                .iter()
                .any(|d| d.kind == Kind::ShortCallRace),
            "a flush with a waiter is a decision: {}",
            schedule.to_text()
        );
        let out = common::options().sim(seed).run(&buffered, "<buffered>");
        assert_eq!(position_of_b(&out.stdout), 20, "seed {seed}");
    }
    // Mostly right after the first line, sometimes later, now and then at the end.
    let first = positions.iter().filter(|&&p| p == 1).count();
    assert!((5..20).contains(&first), "{positions:?}");
    assert!(positions.iter().any(|&p| p > 1), "{positions:?}");
}

/// A flush writes the whole line: under `flush=True` lines never mix, whatever the
/// schedule; and a run with a waiter that wins at a flush replays to the same output.
#[test]
fn flushed_lines_never_mix_and_a_won_flush_replays() {
    let hello = HELLO.replace("print(f'Hello {num}')", "print(f'Hello {num}', flush=True)");
    let report = explore_program(&hello, common::options());
    assert_eq!(report.incomplete, None);
    assert_eq!(
        outcomes(&report),
        ["Hello 0\nHello 1\n", "Hello 1\nHello 0\n"]
    );

    let source = wake_then_print(", flush=True");
    let (seed, won) = (1..=20)
        .map(|seed| (seed, common::options().sim(seed).run(&source, "<flush>")))
        .find(|(_, out)| position_of_b(&out.stdout) == 1)
        .expect("some seed lets the waiter win the first flush");
    let replayed = common::options()
        .replay(won.schedule.unwrap())
        .run(&source, "<flush>");
    assert_eq!(
        replayed.stdout, won.stdout,
        "seed {seed}: {}",
        replayed.stderr
    );
}

/// `gilsim run` honours PYTHONUNBUFFERED as CPython does, in real runs: each write is then
/// a blocking call (the trace shows it); a simulated run reads only `-u`.
#[test]
fn pythonunbuffered_makes_a_real_run_unbuffered_and_leaves_a_simulated_one_alone() {
    let trace = |value: Option<&str>, extra: &[&str]| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_gilsim"));
        command.args(["run", "--trace", "switches"]).args(extra);
        command
            .args(["-c", "print('out')"])
            .env_remove("PYTHONUNBUFFERED");
        if let Some(v) = value {
            command.env("PYTHONUNBUFFERED", v);
        }
        let out = command.output().unwrap();
        assert!(out.status.success(), "{out:?}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "out\n");
        String::from_utf8_lossy(&out.stderr).contains("waiting for a write to stdout")
    };
    assert!(trace(Some("1"), &[]));
    assert!(!trace(None, &[]));
    assert!(
        !trace(Some(""), &[]),
        "an empty value is unset, as in CPython"
    );
    assert!(trace(None, &["-u"]));
    // Simulated: the write is a short call nobody waits for, so it never blocks; the
    // variable must not change the run, which the schedule text shows.
    let sim = |value: Option<&str>| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_gilsim"));
        command.args(["run", "--seed", "1", "-c", HELLO]);
        command.env_remove("PYTHONUNBUFFERED");
        if let Some(v) = value {
            command.env("PYTHONUNBUFFERED", v);
        }
        command.output().unwrap()
    };
    let (plain, with_env) = (sim(None), sim(Some("1")));
    assert_eq!(plain.stdout, with_env.stdout);
    assert_eq!(plain.stderr, with_env.stderr);
}
