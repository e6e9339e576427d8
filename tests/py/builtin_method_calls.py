# Methods of builtin types called on a local (`l.append(x)`, `d.popleft()`), the calls the
# eval loop makes in place: the same results and errors whatever the receiver turns out to be.
from collections import deque


class Loud(list):
    def append(self, x):
        print("Loud.append", x)
        super().append(x * 10)


class Duck:
    def append(self, x):
        print("Duck.append", x)

    def __repr__(self):
        return "Duck()"


def feed(box, items):
    for x in items:
        box.append(x)
    return box


# One call site, receivers of several types in turn.
for box in ([], Loud(), deque(), Duck(), set()):
    try:
        print(type(box).__name__, feed(box, [1, 2]))
    except AttributeError as e:
        print("AttributeError:", e)


def drain(d):
    out = []
    while True:
        try:
            out.append(d.pop())
        except IndexError as e:
            out.append(str(e))
            return out
        except KeyError as e:
            out.append(repr(e))
            return out


print(drain([1, 2]))
print(drain(deque([1, 2])))
print(drain({3}))


def where_it_fails():
    d = deque()
    d.popleft()


try:
    where_it_fails()
except IndexError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("IndexError at line", tb.tb_lineno)


def unbound_argument():
    l = []
    l.append(x)
    x = 1


def unbound_receiver():
    l.append(1)
    l = []


for f in (unbound_argument, unbound_receiver):
    try:
        f()
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)

# The methods that take their receiver apart, called every other way too.
l = [3, 1, 2]
append = l.append
append(4)
list.append(l, 5)
print(l, list.pop(l), l.pop(0), l)
print(sorted(map(l.count, [1, 2, 3])), dict.get({"a": 1}, "a"), set.union({1}, {2}))
print(deque.popleft(deque([7, 8])), deque([1, 2]).copy(), frozenset.union(frozenset({1}), [2]))

# Wrong arguments: CPython's messages (3.11 to 3.13).
cases = [
    "set().union(x=1)", "set().copy(1)", "set().pop(1)", "set().clear(1)",
    "set().update(x=1)", "frozenset.copy()", "set().difference_update(x=1)",
    "set().add(x=1)", "set().issubset(x=1)", "set().issubset()",
    "frozenset().issubset()", "frozenset().union(x=1)", "set().add()",
    "set().remove(1, 2)", "set().symmetric_difference()", "set.add(frozenset(), 1)",
    "set().isdisjoint()", "frozenset().copy(1)", "set().intersection_update(x=2)",
    "set().symmetric_difference_update()", "sorted(set([3, 1]).union([5], (0,)))",
    "frozenset([1]).union([2])", "set([1, 2]).pop()",
    "[].pop(1, 2)", "[].insert(1)", "[].index()", "().index()", "().count()",
    "[].count()", "[].sort(1)", "[].clear(1)", "[].reverse(1)", "[].copy(1)",
    "list.append()", "tuple.count()", "list.clear(x=1)", "[].append(x=1)",
    "list.append(5, 1)", "{}.pop()", "{}.setdefault()", "{}.fromkeys()",
    "dict.fromkeys([1])", "{}.update([(1, 2)], x=3) or 'updated'", "{}.keys(1)",
    "{}.popitem(1)", "{}.clear(1)", "{}.copy(1)", "{}.items(1)", "dict.get()",
    "dict.get(1, 2)", "{}.get()", "{}.update(1, 2)",
    "deque().append()", "deque.popleft()", "deque().popleft(1)",
]
for c in cases:
    try:
        print(c, "->", eval(c))
    except Exception as ex:
        print(c, "!!", type(ex).__name__, ex)
