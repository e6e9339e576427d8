# collections.deque (native): both ends, maxlen, rotate, extend/extendleft, index/count/
# remove, subscripts, iteration, copies, comparisons and CPython's errors.
from collections import deque

d = deque([1, 2, 3], maxlen=5)
d.append(4)
d.appendleft(0)
d.append(5)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d, d.maxlen, deque().maxlen)
d.rotate(2)
print(d)
d.rotate(-1)
print(d)
d.rotate()
print(d, d.rotate(0), d)
q = deque("abc")
q.extend("de")
q.extendleft([1, 2])
print(q, q.pop(), q.popleft(), q.count("a"), q.index("c"), q.index("c", 1, 4))
q.remove("b")
q.insert(1, "X")
q.insert(-1, "Y")
q.insert(99, "Z")
print(q, list(reversed(q)), q == deque(q), q != deque(), q == list(q))
q[0] = "first"
del q[-1]
print(q, q.copy(), q.copy() is q, bool(q), bool(deque()))
q.reverse()
print(q, q + deque([1]), q * 1 if False else "")
q += [9, 9]
print(q, q.count(9))
q.clear()
print(q, len(q))
bounded = deque(range(10), maxlen=3)
print(bounded, deque(maxlen=0), deque("ab", 0))
bounded.appendleft(-1)
print(bounded)
bounded.extendleft([7, 8])
print(bounded)
r = deque([1, 2])
r.append(r)
print(r)
q = deque([1, 2, 3, 4, 5, 6])
q.extend(q)
print(q, len(q))

for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
            lambda: deque([1]).index(2), lambda: deque([1]).remove(2), lambda: deque(maxlen=-1),
            lambda: deque([1], maxlen=1).insert(0, 2), lambda: deque([1])["a"],
            lambda: deque(maxlen="x"), lambda: deque([1]) + [2], lambda: hash(deque()),
            lambda: deque(1)]:
    try:
        print(bad())
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
d2 = deque([1, 2, 3])
try:
    for x in d2:
        d2.append(x)
except RuntimeError as e:
    print("RuntimeError", e)
d3 = deque([1, 2, 3])
it = iter(d3)
next(it)
d3.popleft()
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
d4 = deque([1, 2, 3])
for x in d4:
    d4[0] = 5  # assigning an item is not a mutation of the deque's shape
print(d4)
# collections' namespace lists namedtuple before anything used it (gilsim loads it lazily).
import collections
print("namedtuple" in dir(collections), "deque" in dir(collections))
