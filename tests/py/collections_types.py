# collections: defaultdict, Counter, OrderedDict, namedtuple, ChainMap.
from collections import ChainMap, Counter, OrderedDict, defaultdict, namedtuple

dd = defaultdict(list)
for word in "apple avocado banana cherry blueberry".split():
    dd[word[0]].append(word)
print(dd, dd["z"], len(dd), isinstance(dd, dict), dd.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(dict(counts), defaultdict(None, a=1), defaultdict(lambda: "x")["k"])
try:
    defaultdict(None)["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)
print(dd.copy() == dd, type(dd.copy()).__name__)

c = Counter("abracadabra")
print(c, c["a"], c["z"], len(c), c.total())
print(c.most_common(), c.most_common(2), c.most_common(0))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
c.update("aaz")
c.update({"b": 10})
c.subtract("zz")
c.subtract(r=5)
print(c)
x, y = Counter(a=3, b=1), Counter(a=1, b=2, c=4)
print(x + y, x - y, x | y, x & y, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
x += Counter(b=-1)
print(x, Counter() == Counter(a=0), Counter(a=1) <= Counter(a=2), Counter(), Counter(cats=4, dogs=8))
del x["nope"]
print(Counter(["x", "y", "x"]), Counter({"k": 2}))
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print("NotImplementedError", e)

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
od.move_to_end("c", last=False)
print(list(od.items()), od.popitem(), od.popitem(last=False), list(od))
print(OrderedDict(x=1, y=2) == OrderedDict(y=2, x=1), OrderedDict(x=1, y=2) == {"y": 2, "x": 1})
print(list(OrderedDict.fromkeys("abc", 0).items()))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)

Point = namedtuple("Point", ["x", "y"])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], tuple(p), len(p), p == (11, 22), isinstance(p, tuple))
x_, y_ = p
print(x_, y_, p._asdict(), p._replace(x=100), Point._make([1, 2]), Point._fields)
Config = namedtuple("Config", "host port debug", defaults=[8080, False])
print(Config("localhost"), Config("h", 1, True), Config._field_defaults, Config.__name__)
R = namedtuple("R", "a, def, a, _b", rename=True)
print(R._fields, R(1, 2, 3, 4))
print(Point.x.__doc__, repr(Point), Point.__doc__)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, 2, z=3),
            lambda: Point(1, x=2), lambda: p._replace(z=1), lambda: Point._make([1]),
            lambda: namedtuple("P", "x x"), lambda: namedtuple("P", "_x"),
            lambda: namedtuple("P", "class"), lambda: namedtuple("1P", "x"),
            lambda: namedtuple("P", "a b c")()]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

base = {"color": "red", "user": "guest"}
override = {"user": "admin"}
cm = ChainMap(override, base)
print(cm["user"], cm["color"], len(cm), sorted(cm), "color" in cm, cm.get("x", 0))
print(cm, cm.maps, cm.parents, cm.new_child({"t": 1})["t"])
cm["new"] = 1
print(override, dict(cm.items()) == {"user": "admin", "color": "red", "new": 1})
try:
    del cm["color"]
except KeyError as e:
    print("KeyError", e)
try:
    cm["missing"]
except KeyError as e:
    print("KeyError", e)
