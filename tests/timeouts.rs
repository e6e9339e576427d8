//! Timeouts and sleeps at the edge of what CPython accepts: beyond `_PyTime_t` they raise
//! CPython's OverflowError in real and simulated runs alike; up to it they wait, and in a
//! simulated run the virtual clock simply jumps (no test here sleeps on the wall clock).

mod common;

fn simulated(seed: u64) -> common::Options {
    common::options().timeout(60.0).sim(seed)
}

#[test]
fn out_of_range_timeouts_fail_the_same_in_simulated_runs() {
    // tests/py/timeout_limits.py is compared with CPython in real mode by the corpus test.
    let path = common::repo_file("tests/py/timeout_limits.py");
    let real = common::gilsim(&path);
    assert_eq!(real.exit_code, 0, "{}", real.stderr);
    let expected = common::cpython_stdout(&path).unwrap_or(real.stdout);
    for seed in [1, 2] {
        let sim = simulated(seed).run_file(&path);
        assert_eq!(sim.exit_code, 0, "{}", sim.stderr);
        assert_eq!(sim.stdout, expected, "seed {seed}");
    }
}

#[test]
fn the_longest_waits_cpython_accepts_advance_the_virtual_clock() {
    // Each used to be cut to 1e9 s (sleep) or TIMEOUT_MAX, so the clock read wrong.
    let source = "
import queue, threading, time
t0 = time.time()
time.sleep(4e9)
print(round(time.time() - t0))
print(threading.Event().wait(1e9))
print(round(time.time() - t0))
try:
    queue.Queue().get(timeout=1e9)
except queue.Empty:
    print('Empty')
print(round(time.time() - t0))
try:
    time.sleep(1e18)
except OverflowError as e:
    print(e)
print(round(time.time() - t0))
";
    let out = simulated(1).run(source, "<sim>");
    assert_eq!(
        out.stdout,
        "4000000000\nFalse\n5000000000\nEmpty\n6000000000\n\
         timestamp out of range for platform time_t\n6000000000\n",
        "{}",
        out.stderr
    );
}

#[test]
fn an_overflowing_queue_timeout_is_an_uncaught_overflow_error_at_its_line() {
    // It looped forever in simulated runs and blocked in real ones.
    let source = "import queue\nq = queue.Queue()\nq.get(timeout=1e300)\n";
    for options in [simulated(1), common::options().timeout(60.0)] {
        let out = options.run(source, "<test>");
        assert_eq!(out.exit_code, 1);
        assert!(
            out.stderr
                .contains("\nOverflowError: timestamp out of range for platform time_t\n"),
            "{}",
            out.stderr
        );
        assert!(out.stderr.contains("line 3"), "{}", out.stderr);
    }
}

#[test]
fn the_virtual_clock_never_wraps_round() {
    // Waits CPython accepts one by one can add up past the virtual clock's 292 years: the
    // clock wrapped (time.time() went back to 1970); such a wait is an OverflowError.
    let source = "import time, threading
start = time.time()
time.sleep(9.2e9)
print(round((time.time() - start) / 9.2e9))
for wait in (lambda: threading.Event().wait(1e9), lambda: time.sleep(1e9)):
    try:
        wait()
    except OverflowError as e:
        print('OverflowError', time.time() > start)
";
    let out = simulated(1).run(source, "<clock>");
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "1\nOverflowError True\nOverflowError True\n");
}

#[test]
fn a_timeout_inside_one_long_native_operation_says_the_run_was_stopped() {
    // `10**20000000` is one native call: no check point comes until it is done (seconds),
    // so the run ends without the program, and exited with status 1 and nothing on stderr.
    let out = common::options()
        .timeout(0.2)
        .run("x = 10**20000000\nprint('never')\n", "<long pow>");
    assert_eq!(out.exit_code, 1);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "gilsim: the run was stopped after the --timeout of 0.2 s\n"
    );
}

#[test]
fn a_timeout_stops_a_native_loop_at_its_next_step() {
    // `sum(range(10**18))` is one native call that would run for centuries; its loop
    // looks at the eval breaker at every step, so the stopped program unwinds (and its
    // `finally` does not run, as for any stopped run) instead of running on.
    let out = common::options().timeout(0.2).run(
        "try:\n    print(sum(range(10**18)))\nfinally:\n    print('finally')\n",
        "<long sum>",
    );
    assert_eq!((out.exit_code, out.stdout.as_str()), (1, ""));
    assert_eq!(
        out.stderr,
        "gilsim: the run was stopped after the --timeout of 0.2 s\n"
    );
}

#[test]
fn a_timeout_does_not_wait_for_a_thread_inside_a_long_native_operation() {
    // The end of the run joined every thread with no limit: a thread inside one huge
    // product (seconds, no check point) held the stopped run, and `gilsim run --timeout`,
    // until it was done; it is now left behind after a grace of 2 s.
    let out = common::options().timeout(0.2).run(
        "import threading\ndef work():\n    print(7 ** 20000000 % 10)\n\
         t = threading.Thread(target=work)\nt.start()\nt.join()\n",
        "<long product>",
    );
    assert_eq!((out.exit_code, out.stdout.as_str()), (1, ""));
    assert!(
        out.stderr
            .ends_with("gilsim: the run was stopped after the --timeout of 0.2 s\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_stopped_simulated_run_counts_the_instructions_it_ran_to_the_end() {
    // A thread that runs alone meets the scheduler rarely (nothing else could take the
    // GIL), and its instructions since the last meeting were dropped when `--timeout`
    // stopped it: the summary said 0.005 s of virtual time after the program itself had
    // seen 0.05 s go by.
    let source = "
import threading, time
def spin():
    t0 = time.monotonic()
    while time.monotonic() - t0 < 0.05:
        pass
    print('0.05 s of virtual time', flush=True)
    while True:
        pass
t = threading.Thread(target=spin)
t.start()
t.join()
";
    let out = common::options().timeout(3.0).sim(1).run(source, "<spin>");
    assert_eq!(out.stdout, "0.05 s of virtual time\n", "{}", out.stderr);
    let summary = out
        .stderr
        .lines()
        .find(|l| l.starts_with("gilsim: simulated run"))
        .unwrap_or_else(|| panic!("no summary line in {}", out.stderr));
    let virtual_s: f64 = summary
        .split("cores): ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no virtual time in {summary}"));
    assert!(virtual_s >= 0.05, "{summary}");
}
