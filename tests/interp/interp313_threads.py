# Expected output: CPython 3.13 (tests/tools/expect_interp.py writes tests/interp/expected/).
# Threads and _interpreters (3.13.0): exec as a thread target, two subinterpreters working at once, results through a queue, and entering a busy interpreter.
import threading
import time
import _interpqueues as queues
import _interpreters as interpreters

def wait_get(qid):
    while queues.get_count(qid) == 0:
        time.sleep(0.001)
    return queues.get(qid)[0]

# Two subinterpreters, each run by its own thread with exec as the target; each puts its
# result on a shared queue (printing from both at once could mix lines).
results = queues.create(0, 0, 1)
CODE = '''
import _interpqueues as queues
total = 0
for i in range(1, n + 1):
    total += i * i
queues.put(results, (name, total), 0, 1)
'''
workers = []
for name, n in (('first', 2000), ('second', 3000)):
    interp = interpreters.create()
    interpreters.set___main___attrs(interp, {'results': results, 'name': name, 'n': n})
    workers.append(interp)
threads = [threading.Thread(target=interpreters.exec, args=(interp, CODE)) for interp in workers]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(queues.get_count(results))
print(sorted([queues.get(results)[0], queues.get(results)[0]]))
print([interpreters.is_running(i) for i in workers])
for interp in workers:
    interpreters.destroy(interp)
print(interpreters.list_all())

# exec's result is lost when it is a thread target, so keep it with a wrapper.
interp = interpreters.create()
outcome = {}
def run(key, code):
    outcome[key] = interpreters.exec(interp, code)
t = threading.Thread(target=run, args=('ok', 'x = 6 * 7'))
t.start()
t.join()
t = threading.Thread(target=run, args=('bad', 'raise ValueError(x)'))
t.start()
t.join()
print(outcome['ok'], outcome['bad'].type.__name__, outcome['bad'].msg)

# Threads started inside the subinterpreter belong to it.
interpreters.exec(interp, '''
import threading
squares = []
ts = [threading.Thread(target=lambda k=k: squares.append(k * k)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(squares), threading.active_count(), threading.current_thread().name)
''')
print(threading.active_count())

# While a thread runs code in interpreter A (waiting on a queue), A cannot be entered.
gate = queues.create(0, 0, 1)
interpreters.set___main___attrs(interp, {'gate': gate, 'results': results})
WAIT = '''
import time
import _interpqueues as queues
while queues.get_count(gate) == 0:
    time.sleep(0.001)
queues.put(results, ("released", queues.get(gate)[0]), 0, 1)
'''
t = threading.Thread(target=run, args=('wait', WAIT))
t.start()
while not interpreters.is_running(interp):
    time.sleep(0.001)
print(interpreters.is_running(interp))
def no_args():
    pass
for f, args in ((interpreters.exec, (interp, 'pass')), (interpreters.run_string, (interp, 'pass')),
                (interpreters.run_func, (interp, no_args)), (interpreters.call, (interp, no_args)),
                (interpreters.set___main___attrs, (interp, {'v': 1})), (interpreters.destroy, (interp,))):
    try:
        f(*args)
    except interpreters.InterpreterError as e:
        print(f.__name__, type(e).__name__, e)
# Other interpreters are not affected.
other = interpreters.create()
print(interpreters.exec(other, 'pass'))
queues.put(gate, 'go', 0, 1)
print(wait_get(results))
t.join()
print(outcome['wait'], interpreters.is_running(interp))
print(interpreters.exec(interp, 'print("free again", x)'))

# The same from inside a thread: a second thread cannot enter while the first is in.
started = queues.create(0, 0, 1)
interpreters.set___main___attrs(interp, {'started': started})
WAIT2 = '''
import time
import _interpqueues as queues
queues.put(started, 1, 0, 1)
while queues.get_count(gate) == 0:
    time.sleep(0.001)
queues.get(gate)
'''
t = threading.Thread(target=run, args=('wait2', WAIT2))
t.start()
wait_get(started)
errors = []
def second():
    try:
        interpreters.exec(interp, 'x = 0')
    except interpreters.InterpreterError as e:
        errors.append((type(e).__name__, str(e)))
t2 = threading.Thread(target=second)
t2.start()
t2.join()
queues.put(gate, 'go', 0, 1)
t.join()
print(errors, outcome['wait2'])
print(interpreters.exec(interp, 'print(x)'))

for i in (interp, other):
    interpreters.destroy(i)
for qid in (results, gate, started):
    queues.destroy(qid)
print(interpreters.list_all(), queues.list_all(), threading.active_count())
