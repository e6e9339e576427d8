//! The standard library's refusals: a name CPython has and gilsim leaves out raises
//! NotImplementedError naming it (gilsim-only behaviour, so not in the CPython corpus).

mod common;

use gilsim::runtime::gil::GilModel;

#[test]
fn builtins_gilsim_leaves_out_are_refused_by_name_not_a_name_error() {
    let out = common::gilsim_source(
        "for f in [lambda: complex(1, 2), lambda: bytearray(b'x'), lambda: memoryview(b'x'),\n\
                   lambda: help(len), lambda: breakpoint(), lambda: copyright()]:\n\
         \x20   try:\n\
         \x20       f()\n\
         \x20   except NotImplementedError as e:\n\
         \x20       print(e)\n\
         print(isinstance(1.5, complex), complex.__name__)\n",
    );
    assert_eq!(
        out.stdout,
        "complex numbers are not supported by gilsim\n\
         bytearray is not supported by gilsim\n\
         memoryview is not supported by gilsim\n\
         help is not supported by gilsim\n\
         breakpoint is not supported by gilsim\n\
         copyright is not supported by gilsim\n\
         False complex\n",
        "{}",
        out.stderr
    );
}

#[test]
fn names_cpython_has_are_never_an_attribute_error() {
    // From the generated table (tools/left_out_names.py): functions refuse when called,
    // other objects when read, constants are CPython's; unknown names stay AttributeErrors.
    let out = common::gilsim_source(
        "import os, sys, math, random\n\
         from os import sched_getaffinity\n\
         print(os.R_OK, os.O_CREAT, random.TWOPI, hasattr(os, 'sysconf'), os.sysconf is os.sysconf)\n\
         for f in [lambda: os.sysconf('SC_PAGESIZE'), lambda: math.gamma(5), lambda: sys.stdin,\n\
                   lambda: sys.getrefcount(1), lambda: sched_getaffinity(0), lambda: os.nope]:\n\
         \x20   try:\n\
         \x20       f()\n\
         \x20   except (NotImplementedError, AttributeError) as e:\n\
         \x20       print(type(e).__name__, e)\n",
    );
    assert_eq!(
        out.stdout,
        "4 64 6.283185307179586 True True\n\
         NotImplementedError os.sysconf is not supported by gilsim\n\
         NotImplementedError math.gamma is not supported by gilsim\n\
         NotImplementedError sys.stdin is not supported by gilsim\n\
         NotImplementedError sys.getrefcount is not supported by gilsim\n\
         NotImplementedError os.sched_getaffinity is not supported by gilsim\n\
         AttributeError module 'os' has no attribute 'nope'\n",
        "{}",
        out.stderr
    );
}

#[test]
fn left_out_names_raise_not_implemented_naming_them() {
    let out = common::gilsim_source(
        "import time, textwrap, functools, string\n\
         for f in [time.tzset, time.get_clock_info, functools.singledispatchmethod,\n\
                   functools.get_cache_token, textwrap.re, string.Formatter]:\n\
         \x20   try:\n\
         \x20       f()\n\
         \x20   except NotImplementedError as e:\n\
         \x20       print(e)\n",
    );
    assert_eq!(
        out.stdout,
        "time.tzset is not supported by gilsim\n\
         time.get_clock_info is not supported by gilsim\n\
         functools.singledispatchmethod is not supported by gilsim\n\
         functools.get_cache_token is not supported by gilsim\n\
         textwrap.re is not supported by gilsim\n\
         string.Formatter is not supported by gilsim\n",
        "{}",
        out.stderr
    );
}

/// The modules of issue 16's second part refuse what they leave out by name: calls to names
/// CPython has, and inputs (regex features, logging fields) gilsim cannot honour.
#[test]
fn the_new_modules_refuse_what_they_leave_out_by_name() {
    let out = common::gilsim_source(
        "import re, logging, enum, traceback, json, datetime, dis, statistics, timeit\n\
         cases = [lambda: re.compile(r'(a)\\1'), lambda: re.search('(?=a)', 'a'),\n\
                  lambda: re.search('(?<!a)b', 'b'), lambda: re.match('a*+', 'a'),\n\
                  lambda: re.search('a$', 'a\\n'), lambda: re.compile(b'a'),\n\
                  lambda: logging.Formatter('%(stack_info)s %(message)s'),\n\
                  lambda: enum.EnumMeta(), lambda: traceback.extract_tb(None),\n\
                  lambda: json.loads('\"\\\\ud800\"'), lambda: datetime.datetime.strptime('1', '%c'),\n\
                  lambda: dis.get_instructions(len), lambda: statistics.correlation(),\n\
                  lambda: timeit.main(),\n\
                  lambda: re.findall('a*?', 'aa')]\n\
         for f in cases:\n\
         \x20   try:\n\
         \x20       f()\n\
         \x20   except NotImplementedError as e:\n\
         \x20       print(e)\n",
    );
    assert_eq!(
        out.stdout,
        "re: backreferences (\\1) in patterns is not supported by gilsim\n\
         re: lookahead assertions ((?=...), (?!...)) is not supported by gilsim\n\
         re: lookbehind assertions ((?<=...), (?<!...)) is not supported by gilsim\n\
         re: possessive quantifiers (*+, ++, ?+) is not supported by gilsim\n\
         re: '$' (without MULTILINE) on a string that ends with a newline is not supported by gilsim\n\
         re: bytes patterns are not supported by gilsim\n\
         logging's %(stack_info) field (the caller's stack) is not supported by gilsim\n\
         enum.EnumMeta is not supported by gilsim\n\
         traceback.extract_tb is not supported by gilsim\n\
         json: lone surrogates in strings are not supported by gilsim\n\
         strptime's %c directive is not supported by gilsim\n\
         dis.get_instructions is not supported by gilsim\n\
         statistics.correlation is not supported by gilsim\n\
         timeit.main (the command line) is not supported by gilsim\n\
         re: a pattern that prefers an empty match to a longer one at the same place (as \
         '|a' or 'a*?'), in findall, finditer, sub or split is not supported by gilsim\n",
        "{}",
        out.stderr
    );
}

/// `dis.dis(f)` prints exactly the part of `gilsim dis`'s output that is f's code.
#[test]
fn dis_dis_prints_what_gilsim_dis_prints_for_the_function() {
    let source = "import dis\n\ndef f(x):\n    for i in range(x):\n        x += i\n    return x\n\ndis.dis(f)\n";
    let out = common::gilsim_source(source);
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let code = gilsim::compiler::compile_module(source, "<string>").expect("compiles");
    let whole = gilsim::compiler::dis::disassemble(&code);
    let (_, of_f) = whole
        .split_once("Disassembly of <code object f")
        .expect("f's code is in the module's disassembly");
    let of_f = of_f.split_once(":\n").expect("a header line").1;
    assert_eq!(out.stdout, of_f);
    assert!(out.stdout.contains("FOR_ITER"), "{}", out.stdout);
}

/// In simulated runs `logging`'s `%(asctime)s`, `datetime.now()` and `timeit` read the
/// virtual clock: the output is the same every run and sleeps show in it exactly.
#[test]
fn logging_datetime_and_timeit_use_the_virtual_clock_in_simulated_runs() {
    let program = "
import logging, sys, time, datetime, timeit
logging.basicConfig(stream=sys.stdout, format='%(asctime)s %(threadName)s %(message)s')
start = datetime.datetime.now()
logging.warning('start')
time.sleep(1.5)
logging.warning('after 1.5 s')
print(datetime.datetime.now() - start)
print(timeit.timeit('time.sleep(0.25)', setup='import time', number=4))
";
    let first = common::options().sim(3).run(program, "<clock>");
    let second = common::options().sim(3).run(program, "<clock>");
    assert_eq!(first.stdout, second.stdout, "{}", first.stderr);
    let lines: Vec<&str> = first.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}\n{}", first.stdout, first.stderr);
    assert!(lines[0].ends_with(",000 MainThread start"), "{}", lines[0]);
    assert!(
        lines[1].ends_with(",500 MainThread after 1.5 s"),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("0:00:01.5"), "{}", lines[2]);
    let timed: f64 = lines[3].parse().expect("a float");
    assert!((1.0..1.01).contains(&timed), "{timed}");
}

/// A handler emits under its own lock, as CPython's does: records logged from threads,
/// switching under the GIL or running in parallel without it, come out as whole lines
/// even through a stream that writes a character at a time.
#[test]
fn logging_from_threads_writes_whole_lines_with_and_without_the_gil() {
    let program = "
import logging, threading
class Sink:
    # Writes one character at a time: only the handler's lock keeps records whole.
    def __init__(self):
        self.parts = []
    def write(self, s):
        for ch in s:
            self.parts.append(ch)
    def flush(self):
        pass
sink = Sink()
logging.basicConfig(stream=sink, level=logging.INFO, format='%(threadName)s|%(message)s')
def work():
    for i in range(1000):
        logging.info('line %d', i)
threads = [threading.Thread(target=work, name=f'T{n}') for n in range(4)]
for t in threads: t.start()
for t in threads: t.join()
lines = ''.join(sink.parts).splitlines()
print(len(lines), len(set(lines)))
print(all(l.split('|')[0] in ('T0', 'T1', 'T2', 'T3') for l in lines))
";
    // Without the handler's lock, simulated runs without a GIL lose lines under these
    // seeds (the characters of two records interleave).
    for (gil, seed) in [
        (GilModel::Off, Some(1)),
        (GilModel::Off, Some(2)),
        (GilModel::New, None),
    ] {
        let mut options = common::options().gil(gil).timeout(60.0);
        if let Some(seed) = seed {
            options = options.sim(seed);
        }
        let out = options.run(program, "<logging>");
        assert_eq!(out.stdout, "4000 4000\nTrue\n", "{gil:?}: {}", out.stderr);
    }
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

/// deque's argument-clinic and PyArg_ParseTuple methods word a wrong count as CPython 3.11
/// and 3.12 do (3.13 rewords them, so the CPython corpus cannot hold these).
#[test]
fn deque_count_errors_are_worded_as_in_cpython_3_12() {
    let out = common::gilsim_source(
        "from collections import deque\n\
         d = deque([1])\n\
         for call in ['d.rotate(1, 2)', 'd.insert(1)', 'd.index()', 'd.index(1, 2, 3, 4)']:\n\
         \x20   try:\n\
         \x20       eval(call)\n\
         \x20   except TypeError as e:\n\
         \x20       print(e)\n",
    );
    assert_eq!(
        out.stdout,
        "deque.rotate expected at most 1 argument, got 2\n\
         insert() takes exactly 2 arguments (1 given)\n\
         index() takes at least 1 argument (0 given)\n\
         index() takes at most 3 arguments (4 given)\n",
        "{}",
        out.stderr
    );
}

/// Classes that stdlib functions make for their caller — `namedtuple`, `NewType`, the
/// functional `NamedTuple`, `TypedDict` and `Enum` — belong to the calling module (CPython
/// reads it from the caller's frame), and `os.path` is the module `posixpath`.
#[test]
fn classes_made_by_the_stdlib_belong_to_the_module_that_asked() {
    let dir = common::scratch("caller_module");
    std::fs::write(
        dir.join("shapes.py"),
        "from collections import namedtuple\n\
         from typing import NewType, NamedTuple, TypedDict\n\
         import enum\n\
         Pt = namedtuple('Pt', 'x y')\n\
         UserId = NewType('UserId', int)\n\
         Pair = NamedTuple('Pair', [('a', int)])\n\
         Movie = TypedDict('Movie', {'name': str})\n\
         Color = enum.Enum('Color', 'RED GREEN')\n",
    )
    .unwrap();
    let main = dir.join("main.py");
    std::fs::write(
        &main,
        "import shapes\nimport os.path\nfrom collections import namedtuple\n\
         for c in (shapes.Pt, shapes.Pair, shapes.Movie, shapes.Color):\n    print(c.__module__, c.__qualname__)\n\
         print(shapes.UserId, namedtuple('Local', 'a').__module__)\n\
         print(os.path.__name__, os.path.join('a', 'b'))\n",
    )
    .unwrap();
    let expected = "shapes Pt\nshapes Pair\nshapes Movie\nshapes Color\n\
                    shapes.UserId __main__\nposixpath a/b\n";
    let out = common::options().timeout(60.0).run_file(&main);
    assert_eq!(out.stdout, expected, "{}", out.stderr);
    if let Some(cpython) = common::cpython_stdout(&main) {
        assert_eq!(cpython, expected);
    }
}
