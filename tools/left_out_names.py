#!/usr/bin/env python3
"""Writes src/stdlib/left_out_table.rs: the public names that CPython 3.12's modules have and
gilsim's versions of them leave out, so that such a name is a clear refusal
(NotImplementedError naming it), or the constant CPython has, never an AttributeError.

Usage (from the repository root, with CPython 3.12 and a built gilsim):

    python3.12 tools/left_out_names.py target/fast/gilsim > src/stdlib/left_out_table.rs
    cargo fmt

gilsim's `_gilsim.left_out` says which names the table already stands in for, so running
this again keeps them (and drops the ones gilsim has come to implement).

The names are CPython's on Linux. A module's imported helpers (`subprocess.os`) are left
out of the table: they are not part of what a module offers.
"""

import json
import subprocess
import sys
import tempfile

MODULES = """sys time math random threading queue types inspect asyncio subprocess os os.path
collections collections.abc functools itertools typing dataclasses re json textwrap logging
string copy operator statistics fractions datetime io abc heapq bisect contextlib traceback
atexit enum dis timeit pprint concurrent.futures multiprocessing _thread""".split()

def classify(value):
    """How the table stands for a value: its constant (plain bool, int, float and str
    only: an IntFlag member is more than its number, and a path such as `sys.prefix`
    belongs to the machine that ran this), a callable, or a refusal."""
    kind = type(value)
    if kind is bool:
        return ('Bool', 'true' if value else 'false')
    if kind is int and -2**63 <= value < 2**63:
        return ('Int', str(value))
    if kind is float:
        text = repr(value)
        return ('Float', text if '.' in text or 'e' in text else text + '.0')
    if kind is str and '/' not in value:
        return ('Str', rust_str(value))
    if callable(value):
        return ('Callable', None)
    return ('Refused', None)


def rust_str(s):
    out = []
    for c in s:
        if c in '"\\':
            out.append('\\' + c)
        elif c == '\n':
            out.append('\\n')
        elif c == '\t':
            out.append('\\t')
        elif ord(c) < 0x20 or ord(c) > 0x7e:
            out.append('\\u{%x}' % ord(c))
        else:
            out.append(c)
    return '"' + ''.join(out) + '"'


def cpython_names():
    names = {}
    for module in MODULES:
        m = __import__(module, fromlist=['x'])
        entries = {}
        for n in dir(m):
            if n.startswith('_'):
                continue
            v = getattr(m, n)
            if type(v).__name__ == 'module':
                continue
            entries[n] = classify(v)
        names[module] = entries
    return names


PROBE = '''
import json, sys
import _gilsim
with open(sys.argv[1]) as f:
    wanted = json.load(f)
missing = {}
for module, names in wanted.items():
    ns = {}
    exec("import %s as m" % module, ns)
    m = ns["m"]
    gone = []
    for n in names:
        # A name the current table stands in for is still left out.
        if _gilsim.left_out(module, n):
            gone.append(n)
            continue
        try:
            getattr(m, n)
        except AttributeError:
            gone.append(n)
        except BaseException:
            pass
    missing[module] = gone
print(json.dumps(missing))
'''


def main():
    gilsim = sys.argv[1]
    if sys.version_info[:2] != (3, 12):
        sys.exit('run this under CPython 3.12')
    names = cpython_names()
    wanted = {m: sorted(v) for m, v in names.items()}
    with tempfile.NamedTemporaryFile('w', suffix='.json') as f:
        json.dump(wanted, f)
        f.flush()
        out = subprocess.run([gilsim, 'run', '-c', PROBE, f.name],
                             capture_output=True, text=True, check=True)
    missing = json.loads(out.stdout)
    print('//! Public names of CPython 3.12\'s modules (on Linux) that gilsim\'s versions leave')
    print('//! out: written by tools/left_out_names.py, do not edit. Each is CPython\'s constant,')
    print('//! a function that refuses to run, or a refusal when read (stdlib/left_out.rs).')
    print()
    print("// CPython's values as it prints them, some of which are close to Rust's consts.")
    print('#![allow(clippy::approx_constant)]')
    print()
    print('use super::left_out::LeftOut::{self, *};')
    print()
    print('pub(super) static LEFT_OUT: &[(&str, &[(&str, LeftOut)])] = &[')
    for module in MODULES:
        gone = sorted(missing.get(module, []))
        if not gone:
            continue
        print(f'    (\n        "{module}",\n        &[')
        for n in gone:
            kind, value = names[module][n]
            entry = kind if value is None else f'{kind}({value})'
            print(f'            ("{n}", {entry}),')
        print('        ],\n    ),')
    print('];')


main()
