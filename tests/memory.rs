//! `--memory-limit`: a program that would exhaust memory meets a catchable MemoryError, and
//! an uncaught one ends the run with CPython's traceback and exit status 1. Each program
//! runs in a gilsim process of its own, since the limit is on the process's resident memory.

use std::process::Command;

/// Runs `source` with `--memory-limit limit`; (exit status, stdout, stderr).
fn run_limited(limit: &str, source: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gilsim"))
        .args(["run", "--memory-limit", limit, "-c", source])
        .output()
        .expect("gilsim runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn sizes_known_up_front_are_memory_errors_before_allocating() {
    // Each of these allocated (or began computing) gigabytes under a 256 MB limit.
    let source = "
def attempt(name, make):
    try:
        make()
        print(name, 'allocated')
    except MemoryError as e:
        print(name, repr(e))
attempt('tuple', lambda: (1,) * 10**8)
attempt('str', lambda: 'x' * 2**30)
attempt('bytes', lambda: bytes(2 * 10**9))
attempt('zfill', lambda: 'a'.zfill(10**9))
attempt('center', lambda: 'a'.center(10**9))
attempt('format', lambda: format(1, '1000000000'))
attempt('precision', lambda: '%.*e' % (2**31 - 2, 1.5))
attempt('fprecision', lambda: '{:.{}f}'.format(1.5, 2**30))
attempt('pow', lambda: 10**(3 * 10**9))
attempt('shift', lambda: 1 << 2**33)
attempt('list', lambda: list(range(10**9)))
import random
attempt('sample', lambda: random.sample(range(10**9), 10**8))
attempt('small', lambda: (1,) * 1000)
";
    let (code, stdout, stderr) = run_limited("256M", source);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "tuple MemoryError()\nstr MemoryError()\nbytes MemoryError()\nzfill MemoryError()\n\
         center MemoryError()\nformat MemoryError()\nprecision MemoryError()\n\
         fprecision MemoryError()\npow MemoryError()\nshift MemoryError()\n\
         list MemoryError()\nsample MemoryError()\nsmall allocated\n"
    );
}

#[test]
fn growth_in_a_loop_is_a_catchable_memory_error_and_the_program_goes_on() {
    let source = "
import sys
def grow_list():
    a = []
    while True:
        a.append([len(a)])
def grow_dict():
    d = {}
    while True:
        d[len(d)] = str(len(d))
def recurse(n):
    return recurse(n + 1)
sys.setrecursionlimit(2**31 - 1)
for work in [grow_list, grow_dict, lambda: recurse(0)]:
    try:
        work()
    except MemoryError:
        print('MemoryError, recovered')
print(sum(range(1000)))
";
    let (code, stdout, stderr) = run_limited("256M", source);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "MemoryError, recovered\n".repeat(3) + "499500\n");
}

#[test]
fn an_uncaught_memory_error_ends_the_run_with_a_traceback() {
    let source = "x = 1\nitems = []\nwhile True:\n    items.append((x, x))\n";
    let (code, stdout, stderr) = run_limited("200M", source);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(
        stderr.starts_with("Traceback (most recent call last):\n"),
        "{stderr}"
    );
    assert!(stderr.ends_with("\nMemoryError\n"), "{stderr}");
    assert!(
        stderr.contains("line 4") || stderr.contains("line 3"),
        "{stderr}"
    );
}

#[test]
fn a_bad_limit_is_a_usage_error() {
    for bad in ["1K", "lots", "-5G", "0%"] {
        let (code, _, stderr) = run_limited(bad, "print(1)");
        assert_eq!(code, 2, "--memory-limit {bad}: {stderr}");
        assert!(stderr.contains("--memory-limit"), "{stderr}");
    }
    let (code, stdout, _) = run_limited("none", "print(1)");
    assert_eq!((code, stdout.as_str()), (0, "1\n"));
}

#[test]
fn one_native_call_that_grows_meets_the_limit_too() {
    // No check point comes inside `set(...)` or `dict.fromkeys(...)`: native loops look
    // at the eval breaker at every step (they grew until the machine ran out).
    let source = "
try:
    s = set(range(10**9))
except MemoryError:
    print('set: MemoryError')
d = dict.fromkeys(range(10**9))
";
    let (code, stdout, stderr) = run_limited("256M", source);
    assert_eq!(
        (code, stdout.as_str()),
        (1, "set: MemoryError\n"),
        "{stderr}"
    );
    assert!(stderr.ends_with("\nMemoryError\n"), "{stderr}");
}
