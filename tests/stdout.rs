//! Stdout as CPython writes it: `print` writes its object and its `end` as two writes. With
//! `-u` each write is a system call that releases the GIL, so two threads' lines can mix
//! ("Hello 0Hello 1\n\n", as in the threading lecture); buffered (the default, as when
//! stdout is piped), lines stay whole.

mod common;

use gilsim::drive::explore::{Report, explore};

/// The lecture's greeter threads.
const HELLO: &str = "import threading\n\
                     def greeter(num):\n    print(f'Hello {num}')\n\
                     threads = [threading.Thread(target=greeter, args=(i,)) for i in range(2)]\n\
                     for t in threads:\n    t.start()\n\
                     for t in threads:\n    t.join()\n";

fn outcomes(report: &Report) -> Vec<String> {
    let mut v: Vec<String> = report.outcomes.iter().map(|o| o.stdout.clone()).collect();
    v.sort();
    v
}

#[test]
fn explore_finds_mixed_lines_with_unbuffered_stdout_and_never_without() {
    let buffered = explore(
        HELLO,
        "<hello>",
        None,
        &common::explore_options(common::options().build()),
        &mut |_| {},
    );
    assert_eq!(buffered.incomplete, None);
    assert_eq!(
        outcomes(&buffered),
        ["Hello 0\nHello 1\n", "Hello 1\nHello 0\n"]
    );

    let unbuffered = explore(
        HELLO,
        "<hello>",
        None,
        &common::explore_options(common::options().unbuffered().build()),
        &mut |_| {},
    );
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
