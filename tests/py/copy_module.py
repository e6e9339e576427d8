# copy: shallow and deep copies of builtins, instances, __copy__/__deepcopy__, cycles.
import copy
from collections import deque

nested = {"a": [1, 2, [3]], "b": (4, [5])}
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested["a"][2].append("x")
nested["b"][1].append("y")
print(shallow, deep, shallow["a"] is nested["a"], deep["a"] is nested["a"])
t = (1, 2, (3,))
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc)
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is not shared)


class Point:
    def __init__(self, x, tags):
        self.x = x
        self.tags = tags

    def __repr__(self):
        return f"Point({self.x}, {self.tags})"


p = Point(1, ["a"])
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.tags.append("b")
print(p2, p3, p2.tags is p.tags, type(p3).__name__)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        return Custom(("copied", self.v))

    def __deepcopy__(self, memo):
        return Custom(("deep", self.v))


print(copy.copy(Custom(1)).v, copy.deepcopy(Custom(2)).v, copy.deepcopy([Custom(3)])[0].v)
d = deque([[1], [2]], maxlen=3)
dd = copy.deepcopy(d)
d[0].append(9)
print(copy.copy(d), dd, dd.maxlen)
print(copy.copy({1, 2}), copy.deepcopy(frozenset([1])), copy.copy(5), copy.deepcopy("s"), copy.copy(len))


class Tagged(list):
    pass


tl = Tagged([1, [2]])
tl.name = "t"
ct = copy.deepcopy(tl)
print(type(ct).__name__, ct, ct.name, ct[1] is not tl[1])
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
