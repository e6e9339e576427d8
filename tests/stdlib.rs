//! The standard library's refusals: a name CPython has and gilsim leaves out raises
//! NotImplementedError naming it (gilsim-only behaviour, so not in the CPython corpus).

mod common;

use gilsim::runtime::gil::GilModel;

#[test]
fn left_out_names_raise_not_implemented_naming_them() {
    let out = common::gilsim_source(
        "import time, textwrap, functools, string\n\
         for f in [time.strptime, time.get_clock_info, functools.singledispatchmethod,\n\
                   functools.get_cache_token, textwrap.re, string.Formatter]:\n\
         \x20   try:\n\
         \x20       f()\n\
         \x20   except NotImplementedError as e:\n\
         \x20       print(e)\n",
    );
    assert_eq!(
        out.stdout,
        "time.strptime is not supported by gilsim\n\
         time.get_clock_info is not supported by gilsim\n\
         functools.singledispatchmethod is not supported by gilsim\n\
         functools.get_cache_token is not supported by gilsim\n\
         textwrap.re is not supported by gilsim\n\
         string.Formatter is not supported by gilsim\n",
        "{}",
        out.stderr
    );
}

/// deque.append and popleft are single native calls: threads appending and popping at
/// once lose nothing, with the GIL and without it (the items have a lock of their own).
#[test]
fn deque_append_and_popleft_are_atomic_with_and_without_the_gil() {
    let program = "
import threading
from collections import deque
d = deque()
taken = []
def produce():
    for i in range(20000):
        d.append(i)
def consume():
    n = 0
    while n < 10000:
        try:
            d.popleft()
            n += 1
        except IndexError:
            pass
    taken.append(n)
threads = [threading.Thread(target=f) for f in (produce, produce, consume, consume)]
for t in threads: t.start()
for t in threads: t.join()
print(len(d), sum(taken))
";
    for gil in [GilModel::New, GilModel::Off] {
        let out = common::options()
            .gil(gil)
            .timeout(60.0)
            .run(program, "<deque>");
        assert_eq!(out.stdout, "20000 20000\n", "{gil:?}: {}", out.stderr);
    }
}
