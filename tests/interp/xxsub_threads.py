# Expected output: CPython 3.12 (tests/tools/expect_interp.py writes tests/interp/expected/).
# Threads and subinterpreters: the lecture's InterpreterThread, threads inside a
# subinterpreter, and a thread busy in a subinterpreter while main checks on it.
import threading
import time
import _xxinterpchannels as channels
import _xxsubinterpreters as interpreters

# Each subinterpreter sends its result back: printing from two of them at once could mix
# the lines (print writes the text and the newline apart).
CODE = """
import _xxinterpchannels as channels
n = 2_000
fact = 1
for i in range(1, n + 1):
    fact = fact * i
channels.send(results, fact.bit_length())
"""
results = channels.create()

class InterpreterThread(threading.Thread):
    def __init__(self):
        super().__init__()
        self._interp = interpreters.create()

    def run(self):
        interpreters.run_string(self._interp, CODE, shared={"results": results})
        # Received before the interpreter goes: destroying the only interpreter that sent
        # on a channel closes the channel (as CPython 3.12 does).
        self.result = channels.recv(results)
        interpreters.destroy(self._interp)

threads = [InterpreterThread() for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print([t.result for t in threads])
print(interpreters.list_all())

# Threads started inside a subinterpreter belong to it.
a = interpreters.create()
interpreters.run_string(a, '''
import threading
results = []
def work(k):
    results.append(k * k)
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results), threading.active_count())
''')

# While a thread runs code in the subinterpreter, it is running and cannot be entered.
started = threading.Event()
def busy():
    started.set()
    interpreters.run_string(a, 'import time; time.sleep(0.2)')
t = threading.Thread(target=busy)
t.start()
started.wait()
time.sleep(0.05)
print(interpreters.is_running(a))
try:
    interpreters.run_string(a, 'pass')
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    interpreters.destroy(a)
except RuntimeError as e:
    print('RuntimeError:', e)
t.join()
print(interpreters.is_running(a))
interpreters.destroy(a)
print(interpreters.list_all())
