# Expected output: CPython 3.13 (tests/tools/expect_interp.py writes tests/interp/expected/).
# (3.13.0 raises queue errors of test.support.interpreters, its only Python-level queue
# module: their module names are not printed here; gilsim's are _interpqueues'.)
# _interpqueues as CPython 3.13.0 has it: create(maxsize, fmt, unboundop), put/get with (obj, fmt, unboundop), errors, bind/release, queues shared with subinterpreters and threads.
import threading
import time
import _interpqueues as queues
import _interpreters as interpreters

# Ids are plain ints; list_all gives (qid, fmt, unboundop), newest first.
q = queues.create(2, 0, 1)
print(repr(q), type(q).__name__)
r = queues.create(0, 1, 3)
print(queues.list_all())
print(queues.get_queue_defaults(q), queues.get_queue_defaults(r))
print(queues.get_maxsize(q), queues.get_maxsize(r), queues.get_count(q))

# put(qid, obj, fmt, unboundop); get gives back (obj, fmt, None): fmt is only carried along.
print(queues.put(q, b'spam', 0, 1))
print(queues.put(q, 'eggs', 7, 2))
print(queues.get_count(q), queues.is_full(q))
try:
    queues.put(q, 3, 0, 1)
except Exception as e:
    print(type(e).__name__, e)
print(queues.get(q), queues.get(q))
try:
    queues.get(q)
except Exception as e:
    print(type(e).__name__, e)
    print([k.__name__ for k in type(e).__mro__ if k.__name__ in ('QueueError', 'RuntimeError')])
try:
    queues.put(q, 1, 0, 1)
    queues.put(q, 2, 0, 1)
    queues.put(q, 3, 0, 1)
except Exception as e:
    print(type(e).__name__, e)
    print([k.__name__ for k in type(e).__mro__ if k.__name__ in ('QueueError', 'RuntimeError')])
print(queues.get(q)[0], queues.get(q)[0])
print([k.__name__ for k in queues.QueueError.__mro__])
print([k.__name__ for k in queues.QueueNotFoundError.__mro__])

# maxsize 0 (or negative) means unbounded, yet is_full says True for an empty maxsize-0 queue.
for n in range(5):
    queues.put(r, n, 1, 3)
print(queues.get_count(r), queues.is_full(r))
z = queues.create(0, 0, 1)
neg = queues.create(-5, 0, 1)
print(queues.is_full(z), queues.get_maxsize(neg), queues.is_full(neg))
print([queues.get(r)[0] for _ in range(5)])

# What can be put: the shareable values, tuples of them included.
for value in (None, 7, -2**63, 'héllo', b'', True, 1.5, (1, ('a', b'b', None))):
    queues.put(z, value, 0, 1)
    got = queues.get(z)
    print(repr(got[0]), type(got[0]).__name__, got[1:])
for value in ([1], {}, (1, [2]), 2**100):
    try:
        queues.put(z, value, 0, 1)
    except Exception as e:
        print(type(e).__name__, e)
print(queues.get_count(z))

# Bad arguments. (Not a bad queue id type: 3.13.0 builds that message from freed memory.)
for args in ((1, 0, 0), (1, 0, 4), ('a', 0, 1), (1, 'x', 1)):
    try:
        queues.create(*args)
    except Exception as e:
        print('create', args, type(e).__name__, e)
for f, args in ((queues.put, (z, 1, 0, 9)), (queues.get, (99,)), (queues.put, (99, 1, 0, 1)),
                (queues.get_count, (99,)), (queues.get_maxsize, (99,)), (queues.is_full, (99,)),
                (queues.get_queue_defaults, (99,)), (queues.destroy, (99,)), (queues.bind, (99,))):
    try:
        f(*args)
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

# create() does not take a reference: release before any bind() is an error; the last
# release destroys the queue.
b = queues.create(0, 0, 1)
try:
    queues.release(b)
except queues.QueueError as e:
    print(type(e).__name__, e)
queues.bind(b)
queues.bind(b)
queues.release(b)
print(b in [qid for qid, _, _ in queues.list_all()])
queues.release(b)
print(b in [qid for qid, _, _ in queues.list_all()])
try:
    queues.release(b)
except queues.QueueNotFoundError as e:
    print(type(e).__name__, e)

# destroy, then everything about the queue is gone.
queues.put(r, 'left over', 0, 1)
print(queues.destroy(r))
for f, args in ((queues.get, (r,)), (queues.destroy, (r,))):
    try:
        f(*args)
    except queues.QueueNotFoundError as e:
        print(f.__name__, type(e).__name__, e)
for qid in (z, neg):
    queues.destroy(qid)
print(queues.list_all())

# A subinterpreter gets the queue id through set___main___attrs and puts; main gets.
a = interpreters.create()
interpreters.set___main___attrs(a, {'q': q})
print(interpreters.exec(a, '''
import _interpqueues as queues
print(type(q).__name__, q, queues.list_all())
queues.put(q, b"from a", 0, 1)
queues.put(q, ("tuple", 1, None), 0, 1)
'''))
print(queues.get(q), queues.get(q))
for value in ('str', 42, None, -1):
    queues.put(q, value, 0, 1)
    print(interpreters.exec(a, 'import _interpqueues as queues\nobj, fmt, op = queues.get(q)\nprint(repr(obj), fmt, op)'))
# The empty-queue error inside the subinterpreter comes back as excinfo.
info = interpreters.exec(a, 'import _interpqueues as queues\nqueues.get(q)')
print(info.type.__name__, info.msg)
info = interpreters.exec(a, 'import _interpqueues as queues\nqueues.put(q, [1], 0, 1)')
print(info.type.__module__, info.type.__name__, info.msg)

# Items whose interpreter is destroyed: unboundop 1 removes them, 2 and 3 leave a marker.
interpreters.exec(a, '''
import _interpqueues as queues
queues.put(q, "remove", 0, 1)
queues.put(q, "error", 0, 2)
''')
print(queues.get_count(q))
interpreters.destroy(a)
print(queues.get_count(q), queues.get(q))
a = interpreters.create()
interpreters.set___main___attrs(a, {'q': q})
interpreters.exec(a, 'import _interpqueues as queues\nqueues.put(q, "replace", 5, 3)')
interpreters.destroy(a)
print(queues.get(q))

# A thread in main runs exec in a subinterpreter that squares what main sends until None;
# main waits on the results queue meanwhile.
requests = queues.create(0, 0, 1)
results = queues.create(0, 0, 1)
worker = interpreters.create()
interpreters.set___main___attrs(worker, {'requests': requests, 'results': results})
SERVE = '''
import time
import _interpqueues as queues
while True:
    while queues.get_count(requests) == 0:
        time.sleep(0.001)
    n = queues.get(requests)[0]
    if n is None:
        break
    queues.put(results, n * n, 0, 1)
'''
outcome = []
t = threading.Thread(target=lambda: outcome.append(interpreters.exec(worker, SERVE)))
t.start()

def wait_get(qid):
    while queues.get_count(qid) == 0:
        time.sleep(0.001)
    return queues.get(qid)[0]

got = []
for n in (1, 2, 3):
    queues.put(requests, n, 0, 1)
    got.append(wait_get(results))
print(got, interpreters.is_running(worker))
queues.put(requests, None, 0, 1)
t.join()
print(outcome, interpreters.is_running(worker), queues.get_count(requests), queues.get_count(results))
interpreters.destroy(worker)
for qid in (q, requests, results):
    queues.destroy(qid)
print(queues.list_all(), interpreters.list_all())
