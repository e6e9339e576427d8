//! asyncio on gilsim: simulated runs are deterministic and take no wall time, the await
//! race and its Lock fix under `explore`, and the bad programs CPython warns or fails on.

mod common;

use std::time::Instant;

use gilsim::drive::explore::{Report, explore};

fn explore_file(path: &str) -> Report {
    let file = common::repo_file(path);
    let opts = common::explore_options(common::options().build());
    explore(
        &common::read_source(&file),
        path,
        file.parent().map(Into::into),
        &opts,
        &mut |_| {},
    )
}

fn stdouts(report: &Report) -> Vec<String> {
    let mut v: Vec<String> = report.outcomes.iter().map(|o| o.stdout.clone()).collect();
    v.sort();
    v
}

#[test]
fn the_await_race_loses_an_update_in_some_schedules_and_not_in_others() {
    let report = explore_file("programs/exercises/asyncio_await_race.py");
    assert!(report.incomplete.is_none(), "{:?}", report.incomplete);
    assert_eq!(stdouts(&report), ["1\n", "2\n"]);
}

#[test]
fn the_lock_fix_of_the_await_race_has_one_outcome() {
    let report = explore_file("programs/exercises/asyncio_await_race_fixed.py");
    assert!(report.incomplete.is_none(), "{:?}", report.incomplete);
    assert_eq!(stdouts(&report), ["2\n"]);
    assert!(report.schedules > 10, "only {} schedules", report.schedules);
}

/// Sleeping a simulated minute takes no wall time, and every seed gives the same bytes
/// (the loop's order is CPython's FIFO, not a scheduling choice).
#[test]
fn simulated_runs_are_deterministic_and_sleep_on_the_virtual_clock() {
    let source = "import asyncio, time\n\
                  async def napper(i):\n    await asyncio.sleep(60 - i)\n    print('woke', i)\n    return i\n\
                  async def main():\n    t0 = time.monotonic()\n    r = await asyncio.gather(*(napper(i) for i in range(5)))\n    print(r, round(time.monotonic() - t0))\n\
                  asyncio.run(main())\n";
    let started = Instant::now();
    let first = common::options().sim(3).run(source, "nap.py");
    assert_eq!(first.exit_code, 0, "{}", first.stderr);
    assert_eq!(
        first.stdout,
        "woke 4\nwoke 3\nwoke 2\nwoke 1\nwoke 0\n[0, 1, 2, 3, 4] 60\n"
    );
    for seed in [3, 3, 9, 100] {
        let again = common::options().sim(seed).run(source, "nap.py");
        assert_eq!(again.stdout, first.stdout, "seed {seed}");
    }
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
    let program = common::repo_file("programs/asyncio_producer_consumer.py");
    let runs: Vec<_> = (0..5)
        .map(|_| {
            let o = common::options().sim(1).run_file(&program);
            format!("{}\n{}", o.stdout, o.stderr)
        })
        .collect();
    assert!(runs.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn a_coroutine_never_awaited_warns_like_cpython() {
    let out = common::gilsim_source("async def f():\n    pass\n\nf()\nprint('after')\n");
    assert_eq!(out.exit_code, 0);
    assert_eq!(out.stdout, "after\n");
    assert_eq!(
        out.stderr,
        "<test>:4: RuntimeWarning: coroutine 'f' was never awaited\n  f()\n\
         RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
    );
    let awaited = common::gilsim_source(
        "import asyncio\nasync def f():\n    return 1\nc = f()\nc.close()\nprint(asyncio.run(f()))\n",
    );
    assert_eq!(
        (awaited.stdout.as_str(), awaited.stderr.as_str()),
        ("1\n", "")
    );
}

#[test]
fn a_task_exception_never_retrieved_is_reported_when_the_task_is_dropped() {
    let source = "import asyncio\n\
                  async def boom():\n    raise ValueError('lost')\n\
                  async def main():\n    asyncio.create_task(boom())\n    await asyncio.sleep(0.01)\n    print('main done')\n\
                  asyncio.run(main())\n";
    let out = common::options().sim(0).run(source, "t.py");
    assert_eq!(out.exit_code, 0);
    assert_eq!(out.stdout, "main done\n");
    assert!(
        out.stderr.starts_with(
            "Task exception was never retrieved\n\
             future: <Task finished name='Task-2' coro=<boom() done, defined at t.py:2> exception=ValueError('lost')>\n\
             Traceback (most recent call last):\n  File \"t.py\", line 3, in boom\n"
        ),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("ValueError: lost\n"), "{}", out.stderr);
}

#[test]
fn nested_asyncio_run_is_cpythons_runtime_error() {
    let source = "import asyncio\nasync def inner():\n    return 1\n\
                  async def main():\n    asyncio.run(inner())\n\
                  asyncio.run(main())\n";
    let out = common::gilsim_source(source);
    assert_eq!(out.exit_code, 1);
    assert!(
        out.stderr
            .ends_with("RuntimeError: asyncio.run() cannot be called from a running event loop\n"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("coroutine 'inner' was never awaited"));
}

#[test]
fn await_outside_async_is_a_syntax_error_at_its_line() {
    for (source, message) in [
        ("x = 1\nawait x\n", "SyntaxError: 'await' outside function"),
        (
            "def f():\n    await g()\n",
            "SyntaxError: 'await' outside async function",
        ),
        (
            "def f():\n    async for x in y:\n        pass\n",
            "SyntaxError: 'async for' outside async function",
        ),
        (
            "def f():\n    async with y:\n        pass\n",
            "SyntaxError: 'async with' outside async function",
        ),
        (
            "def f():\n    return [x async for x in y]\n",
            "SyntaxError: asynchronous comprehension outside of an asynchronous function",
        ),
    ] {
        let out = common::gilsim_source(source);
        assert_eq!(out.exit_code, 1, "{source}");
        assert!(
            out.stderr.ends_with(&format!("{message}\n")),
            "{source}: {}",
            out.stderr
        );
        assert!(out.stderr.contains("line 2"), "{source}: {}", out.stderr);
    }
}

/// A task that never awaits keeps the loop (and the GIL) forever: `--timeout` ends it.
#[test]
fn a_task_that_never_yields_is_stopped_by_the_timeout() {
    let source = "import asyncio\nasync def spin():\n    while True:\n        pass\n\
                  async def main():\n    asyncio.create_task(spin())\n    await asyncio.sleep(0.01)\n    print('never')\n\
                  asyncio.run(main())\n";
    let out = common::options().timeout(0.5).run(source, "spin.py");
    assert_eq!(out.exit_code, 1);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("--timeout"), "{}", out.stderr);
}

/// Awaiting a future nobody will ever complete: CPython's loop would wait for ever;
/// gilsim sees that nothing can wake it and reports a deadlock instead of hanging.
#[test]
fn a_loop_with_nothing_left_to_wait_for_is_a_deadlock_not_a_hang() {
    let source = "import asyncio\nasync def main():\n    await asyncio.get_running_loop().create_future()\n\
                  asyncio.run(main())\n";
    for out in [
        common::options().timeout(30.0).run(source, "stuck.py"),
        common::options().sim(0).run(source, "stuck.py"),
    ] {
        assert_eq!(out.exit_code, 1);
        assert!(out.stderr.contains("deadlock"), "{}", out.stderr);
    }
}

#[test]
fn many_tasks_gathered() {
    let source = "import asyncio\nasync def one(i):\n    await asyncio.sleep(0.01)\n    return i\n\
                  async def main():\n    r = await asyncio.gather(*(one(i) for i in range(20000)))\n    print(len(r), sum(r))\n\
                  asyncio.run(main())\n";
    let out = common::options().sim(0).run(source, "many.py");
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "20000 199990000\n");
}

/// `--top-level-await` runs a body that awaits as a notebook cell runs, on an event loop:
/// it prints what CPython prints for the same text compiled with
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT` and run with `asyncio.run` (stored); without the flag the
/// first top-level `await` is CPython's SyntaxError.
#[test]
fn notebook_cells_await_at_top_level_only_when_asked() {
    let path = common::repo_file("tests/fixtures/notebook_cells.py");
    let want =
        std::fs::read_to_string(common::repo_file("tests/fixtures/notebook_cells.out")).unwrap();
    let out = common::options().sim(1).top_level_await().run_file(&path);
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, want);
    let refused = common::options().run_file(&path);
    assert_eq!(refused.exit_code, 1);
    assert!(refused.stdout.is_empty());
    assert!(
        refused
            .stderr
            .ends_with("SyntaxError: 'await' outside function\n"),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("line 18"), "{}", refused.stderr);
}

/// `asyncio.get_event_loop()` with no loop set, as each CPython does it (checked with
/// CPython 3.11.7, 3.12.1, 3.13.0 and 3.14): up to 3.11 it makes the main thread a loop
/// silently, 3.12 and 3.13 warn (at the user's line, in `__main__` only), 3.14 refuses.
/// After `asyncio.run` (which sets the loop and then None) it refuses in every version.
#[test]
fn get_event_loop_without_a_loop_follows_like() {
    let source = "import asyncio\n\
                  def f():\n    loop = asyncio.get_event_loop()\n    print('got', type(loop).__name__)\n\
                  f()\nf()\n\
                  async def main():\n    print(asyncio.get_event_loop() is asyncio.get_running_loop())\n\
                  asyncio.run(main())\n\
                  try:\n    asyncio.get_event_loop()\nexcept RuntimeError as e:\n    print('RuntimeError', e)\n";
    let stdout = "got _UnixSelectorEventLoop\ngot _UnixSelectorEventLoop\nTrue\n\
                  RuntimeError There is no current event loop in thread 'MainThread'.\n";
    let warning = "gel.py:3: DeprecationWarning: There is no current event loop\n  \
                   loop = asyncio.get_event_loop()\n";
    for (like, want_stderr) in [
        (None, warning),
        (Some((3, 10)), ""),
        (Some((3, 11)), ""),
        (Some((3, 12)), warning),
        (Some((3, 13)), warning),
    ] {
        let mut opts = common::options();
        if let Some((major, minor)) = like {
            opts = opts.like(major, minor);
        }
        let out = opts.run(source, "gel.py");
        assert_eq!(out.exit_code, 0, "{like:?}: {}", out.stderr);
        assert_eq!(out.stdout, stdout, "{like:?}");
        assert_eq!(out.stderr, want_stderr, "{like:?}");
    }
    let refused = common::options().like(3, 14).run(source, "gel.py");
    assert_eq!(refused.exit_code, 1);
    assert_eq!(refused.stdout, "");
    assert!(
        refused
            .stderr
            .ends_with("RuntimeError: There is no current event loop in thread 'MainThread'.\n"),
        "{}",
        refused.stderr
    );
    // A Future made outside a loop asks for the loop too; the warning names that line.
    let future = common::options().run(
        "import asyncio\nf = asyncio.Future()\nprint(f.done())\n",
        "fut.py",
    );
    assert_eq!(future.stdout, "False\n");
    assert_eq!(
        future.stderr,
        "fut.py:2: DeprecationWarning: There is no current event loop\n  f = asyncio.Future()\n"
    );
}

/// Where CPython 3.11 and 3.12 differ on generator-based coroutines: `asyncio.iscoroutine`
/// of a plain generator is True up to 3.11 (asyncio still ran them) and False from 3.12.
#[test]
fn asyncio_iscoroutine_of_a_generator_follows_like() {
    let source = "import asyncio\ndef g():\n    yield\nprint(asyncio.iscoroutine(g()))\n";
    let old = common::options().like(3, 11).run(source, "g.py");
    assert_eq!(old.stdout, "True\n", "{}", old.stderr);
    let new = common::options().run(source, "g.py");
    assert_eq!(new.stdout, "False\n", "{}", new.stderr);
}

/// Two tasks sleeping the same delay: CPython wakes them in the order they went to sleep,
/// and so does a seeded simulated run; exploring, timers that fall due together (within
/// the millisecond a real selector wait rounds to) are a choice, so both orders show.
#[test]
fn explore_tries_both_orders_of_timers_due_together() {
    let source = "import asyncio\norder = []\n\
                  async def sleeper(name):\n    await asyncio.sleep(0.01)\n    order.append(name)\n\
                  async def main():\n    await asyncio.gather(sleeper('a'), sleeper('b'))\n    print(order)\n\
                  asyncio.run(main())\n";
    for seed in [0, 1, 7] {
        let out = common::options().sim(seed).run(source, "ties.py");
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        assert_eq!(out.stdout, "['a', 'b']\n", "seed {seed}");
    }
    let opts = common::explore_options(common::options().build());
    let report = explore(source, "ties.py", None, &opts, &mut |_| {});
    assert!(report.incomplete.is_none(), "{:?}", report.incomplete);
    assert_eq!(stdouts(&report), ["['a', 'b']\n", "['b', 'a']\n"]);
    // Sleeps a whole delay apart are not due together: one order only.
    let apart = source.replace(
        "asyncio.sleep(0.01)",
        "asyncio.sleep(0.01 if name == 'a' else 0.02)",
    );
    let report = explore(&apart, "apart.py", None, &opts, &mut |_| {});
    assert_eq!(stdouts(&report), ["['a', 'b']\n"]);
}
