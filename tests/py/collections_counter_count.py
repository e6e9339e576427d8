# Counter's counting loop (native for Counter and dict subclasses that keep dict's get and
# __setitem__, as CPython's _count_elements; the Python loop for subclasses that override
# them), and deque methods looked up on the object (unbound) and bound.
from collections import Counter, deque


def gen():
    yield from "abracadabra"


print(Counter("abracadabra").most_common())
print(Counter(gen()).most_common(2))
print(Counter([1, 1.0, True, 2, (1, 2), (1, 2), None]))
c = Counter(a=1.5, b=2)
c.update("aab")
print(c)
c.update(iter([]))
c.update(range(3))
print(sorted(c.items(), key=repr))
big = Counter({"x": 2**64})
big.update("x")
print(big)


class Logged(Counter):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)


print(Logged("aba"))


class Defaulting(Counter):
    def get(self, key, default=None):
        return 10 if default == 0 else default


print(Defaulting("xyx"))


class Plain(Counter):
    pass


p = Plain("mississippi")
print(type(p).__name__, sorted(p.items()))

try:
    Counter([[1], [2]])
except TypeError as e:
    print("TypeError:", e)


class Fails:
    def __hash__(self):
        raise ValueError("no hash")


partial = Counter()
try:
    partial.update(["ok", "ok", Fails(), "late"])
except ValueError as e:
    print("ValueError:", e, dict(partial))


def broken():
    yield "a"
    raise KeyError("gen")


try:
    Counter(broken())
except KeyError as e:
    print("KeyError:", e)


e = deque(maxlen=2)
for i in range(5):
    e.append(i)
print(e, e.maxlen, e.popleft(), e)
m = e.append
m(7)
print(e, callable(m))

# namedtuple is loaded on first use in gilsim: reachable every way CPython's is.
import collections
from collections import *

print(namedtuple("P", "x y")(1, 2), collections.namedtuple is namedtuple,
      hasattr(collections, "namedtuple"), "namedtuple" in collections.__all__)
