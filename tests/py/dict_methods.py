# dict methods (insertion order is guaranteed).
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["b"])
print(d.get("a"), d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print("a" in d, "z" in d, 1 in d, "z" not in d)
d["a"] = 10
print(d)
del d["b"]
print(d)
print(d.pop("c"), d.pop("missing", "dflt"), d)
print(d.setdefault("x", 5), d.setdefault("x", 99), d)
d.update({"y": 6, "a": 11})
d.update(z=7)
d.update([("w", 8)])
print(d)
print(d.popitem(), d)
e = d.copy()
e["new"] = 1
print(len(d), len(e))
e.clear()
print(e)
print(dict.fromkeys(["p", "q"], 0), dict.fromkeys("ab"))
print(dict(a=1, b=2), dict([("k", "v"), ("k2", "v2")]), dict(zip("xyz", range(3))))
print(dict({"m": 1}, n=2))
m = {"one": 1, "two": 2}
n = {"two": 22, "three": 3}
print(m | n, n | m)
m |= n
print(m)
for k in m:
    print(k, m[k], end="; ")
print()
for k, v in m.items():
    print(f"{k}={v}", end=" ")
print()
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
nested = {"outer": {"inner": {"leaf": 42}}}
print(nested["outer"]["inner"]["leaf"])
nested["outer"]["inner"]["leaf2"] = 43
print(nested)
print({1: "int", 1.0: "float", True: "bool"})
print({(1, 2): "tuple key", None: "none key", 3.5: "float key"})
try:
    print(d["nope"])
except KeyError as ex:
    print("KeyError", ex, repr(ex))
try:
    {}.popitem()
except KeyError as ex:
    print("KeyError", ex)
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2})
inv = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inv)
keys = list(inv)
print(keys, sorted(inv, reverse=True))
order = {}
for k in [5, 3, 9, 1]:
    order[k] = k * k
del order[3]
order[3] = 9
print(order, list(order))
print(list(reversed(order)), list(reversed(order.items())))
print(len({}), bool({}), bool({0: 0}))
print(max({"a": 3, "b": 7}), min({"z": 1, "y": 2}, key=lambda k: k))
dd = dict(a=1)
dd["a"] += 5
print(dd, dd.get("a", 0) * 2)
view = dd.keys()
dd["later"] = 2
print(list(view), len(view))
print(sum({1: 10, 2: 20}.values()), sum({1: 10, 2: 20}))
