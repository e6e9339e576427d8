# Expected output: CPython 3.12 (tests/tools/expect_interp.py writes tests/interp/expected/).
# _xxsubinterpreters as CPython 3.12 has it: ids, run_string, shared data, errors.
import _xxsubinterpreters as interpreters

a = interpreters.create()
print(repr(a), type(a), int(a), a, str(a))
print(interpreters.list_all(), interpreters.get_current(), interpreters.get_main())
print(a == 1, 1 == a, hash(a) == hash(1), interpreters.InterpreterID(1) == a)
print(interpreters.is_running(a), interpreters.is_running(interpreters.get_main()))

# __main__ persists between calls; shared values become its globals.
interpreters.run_string(a, 'x = 1\nprint("hi", x, __name__)')
interpreters.run_string(a, 'print(x + 1)')
interpreters.run_string(a, 'print(y, z, w, n)', shared={'y': 5, 'z': 'héllo', 'w': b'q', 'n': None})

# What crosses: None, int, str, bytes only (3.12).
for value in (1, True, 1.5, (), b'', 's', None, 2**100, [1], {}):
    print(repr(value), interpreters.is_shareable(value))
for bad in ([1], 1.5, True, (1,)):
    try:
        interpreters.run_string(a, 'pass', shared={'v': bad})
    except ValueError as e:
        print('ValueError:', e)
try:
    interpreters.run_string(a, 'pass', shared={'v': 2**70})
except OverflowError as e:
    print('OverflowError:', e)

# An exception inside comes out as RunFailedError naming its class and message.
for code in ('raise ValueError("boom")', 'raise KeyError(1)', '1/0',
             'class MyError(Exception): pass\nraise MyError("mine")',
             'import sys; sys.exit(3)', 'def f(:'):
    try:
        interpreters.run_string(a, code)
    except interpreters.RunFailedError as e:
        print('RunFailedError:', e)
print(issubclass(interpreters.RunFailedError, RuntimeError))

# Isolation: globals, modules, classes and sys settings are the interpreter's own.
import sys
sys.setrecursionlimit(500)
x = 'main'
interpreters.run_string(a, 'print(x, __import__("sys").getrecursionlimit())')
interpreters.run_string(a, 'import sys; sys.setrecursionlimit(321); sys.marker = 1')
print(sys.getrecursionlimit(), hasattr(sys, 'marker'))
interpreters.run_string(a, 'import math; math.answer = 42')
import math
print(hasattr(math, 'answer'))
interpreters.run_string(a, 'import math; print(math.answer)')

# Bad ids and misuse.
for bad in ('x', 1.5, -1, None, 99):
    try:
        interpreters.destroy(bad)
    except (TypeError, ValueError, RuntimeError) as e:
        print(type(e).__name__, e)
try:
    interpreters.run_string(a, 1)
except TypeError as e:
    print('TypeError:', e)
try:
    interpreters.destroy(interpreters.get_main())
except RuntimeError as e:
    print('RuntimeError:', e)
interpreters.run_string(a, '''
import _xxsubinterpreters as interpreters
for target in (interpreters.get_main(), interpreters.get_current()):
    try:
        interpreters.destroy(target)
    except RuntimeError as e:
        print('RuntimeError:', e)
print(interpreters.get_current(), interpreters.is_running(interpreters.get_current()))
''')
interpreters.destroy(a)
for call in (lambda: interpreters.run_string(a, 'pass'), lambda: interpreters.destroy(a),
             lambda: interpreters.is_running(a)):
    try:
        call()
    except RuntimeError as e:
        print('RuntimeError:', e)
print(interpreters.list_all())
b = interpreters.create()
c = interpreters.create(isolated=False)
print(interpreters.list_all())
