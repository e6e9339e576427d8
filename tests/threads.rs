//! Threads and the GIL: results that hold by construction under each GIL model, CPython's
//! messages for misuse and for exceptions in threads, and deadlock reports.

mod common;

use gilsim::runtime::gil::{CheckPoints, GilModel};

fn run_with(source: &str, gil: GilModel, check_points: CheckPoints) -> gilsim::RunOutcome {
    common::options()
        .timeout(120.0)
        .gil(gil)
        .check_points(check_points)
        // Short slices: many switches, so a race would show.
        .switch_interval(0.0002)
        .stats()
        .run(source, "<test>")
}

fn run(source: &str) -> gilsim::RunOutcome {
    run_with(source, GilModel::New, CheckPoints::Py310)
}

/// The `switches between threads: N` figure of `--stats`.
fn switches(stderr: &str) -> u64 {
    stderr
        .lines()
        .find_map(|l| l.split("switches between threads: ").nth(1))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no switch count in:\n{stderr}"))
}

#[test]
fn counter_loses_nothing_under_310_check_points() {
    // `counter += 1` has no check point inside it since CPython 3.10, so a switch can only
    // happen between two increments: none is lost however often the threads switch.
    let out = run(&common::fixture("unlocked_counter.py"));
    assert_eq!(out.stdout, "800000\n", "stderr: {}", out.stderr);
    assert!(
        switches(&out.stderr) >= 4,
        "the threads should have taken turns:\n{}",
        out.stderr
    );
}

#[test]
fn counter_loses_updates_when_every_instruction_is_a_switch_point() {
    // As in CPython ≤ 3.9: a switch between the load and the store loses increments.
    let out = run_with(
        &common::fixture("unlocked_counter.py"),
        GilModel::New,
        CheckPoints::EveryOp,
    );
    let total: u64 = out.stdout.trim().parse().expect("a count");
    assert!(switches(&out.stderr) >= 10, "{}", out.stderr);
    assert!(
        total < 800_000,
        "no update lost in {} switches",
        switches(&out.stderr)
    );
}

#[test]
fn lock_makes_the_counter_exact_under_every_model() {
    for (gil, check_points) in [
        (GilModel::New, CheckPoints::Py310),
        (GilModel::New, CheckPoints::EveryOp),
        (GilModel::Old, CheckPoints::Ticks(100)),
        (GilModel::Off, CheckPoints::Py310),
    ] {
        let out = run_with(&common::fixture("locked_counter.py"), gil, check_points);
        assert_eq!(
            out.stdout, "200000\n",
            "{gil:?} {check_points:?}: {}",
            out.stderr
        );
        assert_eq!(out.exit_code, 0);
    }
}

#[test]
fn append_from_eight_free_threaded_threads_keeps_every_element() {
    let src = "
import threading
items = []
seen = {}
def work(k):
    for i in range(20_000):
        items.append(k * 100_000 + i)
        seen[k * 100_000 + i] = k
threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(len(items), len(set(items)), len(seen))
print(sorted(items) == sorted(k * 100_000 + i for k in range(8) for i in range(20_000)))
";
    let out = run_with(src, GilModel::Off, CheckPoints::Py310);
    assert_eq!(out.stdout, "160000 160000 160000\nTrue\n", "{}", out.stderr);
}

#[test]
fn free_threaded_stress_mixed_container_operations() {
    // 8 threads x 100k operations on shared lists and dicts with no GIL: the VM must neither
    // panic nor deadlock, and appends are never lost.
    let src = "
import threading
shared = []
table = {}
def work(k):
    local = []
    for i in range(12_500):
        shared.append(i)
        table[i % 97] = k
        local.append(table.get(i % 89, 0))
        if len(shared) > 50 and i % 3 == 0:
            try:
                shared.pop()
            except IndexError:
                pass
        x = table.pop(i % 101, None)
        if i % 7 == 0:
            list(table.items())
            sorted(local[-5:])
    done.append(k)
done = []
threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(done))
";
    let out = run_with(src, GilModel::Off, CheckPoints::Py310);
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "[0, 1, 2, 3, 4, 5, 6, 7]\n");
}

#[test]
fn a_thousand_short_threads_start_and_join() {
    let src = "
import threading
results = []
def work(i):
    results.append(i * i)
for batch in range(10):
    threads = [threading.Thread(target=work, args=(batch * 100 + i,)) for i in range(100)]
    for t in threads: t.start()
    for t in threads: t.join()
print(len(results), sum(results) == sum(i * i for i in range(1000)))
print(threading.active_count())
";
    let out = run(src);
    assert_eq!(out.stdout, "1000 True\n1\n", "{}", out.stderr);
}

#[test]
fn exception_in_a_thread_is_printed_like_cpython_and_the_program_goes_on() {
    let src = "
import threading
def boom():
    1 / 0
t = threading.Thread(target=boom)
t.start()
t.join()
print('after', t.is_alive())
";
    let out = run(src);
    assert_eq!(out.exit_code, 0);
    assert_eq!(out.stdout, "after False\n");
    let err: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(err[0], "Exception in thread Thread-1 (boom):");
    assert_eq!(err[1], "Traceback (most recent call last):");
    assert!(
        out.stderr.contains("in _bootstrap_inner\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("  File \"<test>\", line 4, in boom\n    1 / 0\n")
    );
    assert!(out.stderr.contains("ZeroDivisionError: division by zero\n"));
}

#[test]
fn misuse_gives_cpython_errors() {
    let src = "
import threading
def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
lock = threading.Lock()
attempt(lock.release)
rlock = threading.RLock()
attempt(rlock.release)
attempt(threading.current_thread().join)
t = threading.Thread(target=lambda: None)
attempt(t.join)
t.start(); t.join()
attempt(t.start)
attempt(lambda: threading.Semaphore(-1))
b = threading.BoundedSemaphore(1)
attempt(b.release)
attempt(lambda: lock.acquire(False, 1))
attempt(lambda: lock.acquire(timeout=-2))
c = threading.Condition()
attempt(c.wait)
attempt(c.notify)
import queue
attempt(queue.Queue().get_nowait)
q = queue.Queue(1); q.put(1)
attempt(lambda: q.put(2, timeout=0.01))
attempt(q.task_done); attempt(q.task_done)
";
    let out = run(src);
    assert_eq!(
        out.stdout,
        "RuntimeError: release unlocked lock
RuntimeError: cannot release un-acquired lock
RuntimeError: cannot join current thread
RuntimeError: cannot join thread before it is started
RuntimeError: threads can only be started once
ValueError: semaphore initial value must be >= 0
ValueError: Semaphore released too many times
ValueError: can't specify a timeout for a non-blocking call
ValueError: timeout value must be positive
RuntimeError: cannot wait on un-acquired lock
RuntimeError: cannot notify on un-acquired lock
Empty: 
Full: 
ValueError: task_done() called too many times
",
        "{}",
        out.stderr
    );
}

#[test]
fn opposite_lock_order_is_reported_as_a_deadlock() {
    let src = common::fixture("lock_order_deadlock.py");
    let out = run(&src);
    assert_eq!(out.exit_code, 1);
    let err = &out.stderr;
    assert!(err.contains("gilsim: deadlock"), "{err}");
    assert!(
        err.contains("thread 'MainThread' at File \"<test>\", line 17"),
        "{err}"
    );
    assert!(
        err.contains("thread 'Thread-1 (one)' at File \"<test>\", line 7, in one"),
        "{err}"
    );
    assert!(
        err.contains("thread 'Thread-2 (two)' at File \"<test>\", line 12, in two"),
        "{err}"
    );
    assert!(err.contains("held by 'Thread-2 (two)'"), "{err}");
    assert_eq!(err.matches("    holds Lock at").count(), 2, "{err}");
}

#[test]
fn get_on_a_queue_nobody_fills_is_a_deadlock() {
    let out = run("import queue\nq = queue.Queue()\nprint('waiting')\nq.get()\n");
    assert_eq!(out.exit_code, 1);
    assert_eq!(out.stdout, "waiting\n");
    assert!(
        out.stderr
            .contains("at File \"<test>\", line 4, in <module>\n    waits for an item from Queue"),
        "{}",
        out.stderr
    );
}

#[test]
fn timeout_stops_busy_threads_cleanly() {
    let src = "
import threading
def spin():
    while True:
        pass
for _ in range(3):
    threading.Thread(target=spin).start()
";
    let out = common::options().timeout(0.3).run(src, "<test>");
    assert_eq!(out.exit_code, 1);
    assert!(out.stderr.contains("--timeout of 0.3 s"), "{}", out.stderr);
}

#[test]
fn sys_gil_knobs() {
    let src = "
import sys
print(sys.getswitchinterval())
sys.setswitchinterval(0.0001234567)
print(sys.getswitchinterval())
for bad in (0, -1.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print(e)
try:
    sys.setswitchinterval('x')
except TypeError as e:
    print(e)
print(sys.getcheckinterval())
sys.setcheckinterval(10)
print(sys.getcheckinterval(), sys._is_gil_enabled())
";
    let out = common::options().run(src, "<test>");
    assert_eq!(
        out.stdout,
        "0.005\n0.000123\nswitch interval must be strictly positive\nswitch interval must be strictly positive\nmust be real number, not str\n100\n10 True\n",
        "{}",
        out.stderr
    );
    let off = run_with(
        "import sys\nprint(sys._is_gil_enabled())",
        GilModel::Off,
        CheckPoints::Py310,
    );
    assert_eq!(off.stdout, "False\n");
}
