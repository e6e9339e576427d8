# json.dumps over the native encoder's path (builtin types) and the cases it hands back to
# json.py's Python encoder (other types, default=, cycles, NaN with allow_nan=False, big ints,
# odd keys, sort_keys, subclasses): the same text and CPython's errors either way.
import json
from collections import OrderedDict

doc = {
    "name": "caf\u00e9 \u2603 \U0001f600", "quote": 'say "hi"\\', "ctl": "a\nb\tc\rd\be\ff\x01\x7f",
    "ints": [0, -1, 2**62, -(2**63), 2**100], "floats": [0.1, 1e16, -0.0, 1.5e-7, 3.0, 1e300],
    "special": [float("nan"), float("inf"), -float("inf")], "flags": [True, False, None],
    "nested": {"a": [[], {}, [[1, [2, (3, 4)]]]], "b": ()},
    1: "int key", 2.5: "float key", True: "bool key", None: "none key", -7: "neg",
}
print(json.dumps(doc))
print(json.dumps(doc, ensure_ascii=False))
print(json.dumps(doc, indent=2))
print(json.dumps(doc, indent="\t", separators=(",", ":")))
print(json.dumps(doc["nested"], indent=0))
print(json.dumps(doc["nested"], separators=(",", ":")))
print(json.dumps({"b": 1, "a": [2, 1]}, sort_keys=True, indent=1))
print(json.dumps([1, "x"] * 3), json.dumps([]), json.dumps({}), json.dumps(()))
print(json.dumps(OrderedDict(z=1, y=2)), json.dumps(3), json.dumps(None), json.dumps(2.5))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


print(json.dumps({"p": [Point(1, 2)]}, default=lambda o: o.__dict__))


class Tagged(json.JSONEncoder):
    def default(self, o):
        return {"point": [o.x, o.y]}


print(Tagged().encode([Point(3, 4), {"k": Point(5, 6)}]))
print(json.dumps([Point(7, 8)], cls=Tagged, indent=1))


class Chunky(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        yield "<"
        yield from json.JSONEncoder.iterencode(self, o, _one_shot)
        yield ">"


print(Chunky().encode({"a": 1}))


class MyInt(int):
    def __repr__(self):
        return "MyInt()"


class MyStr(str):
    pass


class MyList(list):
    pass


print(json.dumps([MyInt(5), MyStr("s"), MyList([1, 2]), {MyStr("k"): 1}]))
print(json.dumps({"a": 1, (1, 2): 3}, skipkeys=True))
print(json.dumps({1: 1, "1": 2}))


def err(f):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", str(e).partition(": nan")[0].partition(": inf")[0])


cyclic = [1]
cyclic.append(cyclic)
err(lambda: json.dumps(cyclic))
looped = {}
looped["self"] = looped
err(lambda: json.dumps(looped))
shared = [1, 2]
print(json.dumps([shared, shared, {"s": shared}]))
# 3.12 added the value (": nan") to this message: err() prints what 3.11-3.13 share.
err(lambda: json.dumps([1.0, float("nan")], allow_nan=False))
err(lambda: json.dumps({float("inf"): 1}, allow_nan=False))
err(lambda: json.dumps({"a": {1, 2}}))
err(lambda: json.dumps({(1, 2): 3}))
err(lambda: json.dumps([b"bytes"]))
err(lambda: json.dumps(object()))
deep = []
for _ in range(600):
    deep = [deep]
print(len(json.dumps(deep)))
for _ in range(20000):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError as e:
    print("RecursionError")
big = [{"id": i, "name": "item%d" % i, "tags": ["a", "b"], "score": i / 7, "ok": i % 2 == 0}
       for i in range(2000)]
text = json.dumps(big)
print(len(text), json.loads(text) == big)
print(len(json.dumps(big, indent=4)))
