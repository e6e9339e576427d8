import pprint
from dataclasses import dataclass, field

data = {"name": "gilsim", "versions": [3.11, 3.12, 3.13], "flags": {"gil": "new", "sim": True},
        "threads": [{"id": i, "name": f"Thread-{i}", "busy": i % 2 == 0} for i in range(4)],
        "empty": {}, "tuple": (1,), "set": {3, 1, 2}, "frozen": frozenset({5, 4}),
        "text": "a fairly long string that goes on and on so that it must be split over lines",
        "zeta": None}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, sort_dicts=False, width=60)
pprint.pp({"b": 1, "a": [list(range(30))]})
print(pprint.pformat(list(range(40)), compact=True, width=50))
print(pprint.pformat(data, depth=1))
print(pprint.pformat([[1, [2, [3, [4]]]]], depth=2))
print(pprint.pformat({"short": 1}), pprint.pformat("x" * 100, width=30))
print(pprint.pformat(("a" * 30, "b" * 30, ("c" * 30,)), width=40))
print(pprint.pformat({(1, 2): "t", 1: "i", "s": "s"}, width=10) if False else pprint.pformat({2: "b", 1: "a", 10: "j"}, width=10))
print(pprint.saferepr({"z": 1, "a": [1, 2]}), pprint.isreadable([1, "a"]), pprint.isrecursive([1]))


@dataclass
class Point:
    x: int
    y: int
    tags: list = field(default_factory=list)


pprint.pprint([Point(1, 2, ["a" * 20, "b" * 20]), Point(3, 4)], width=40)
pp = pprint.PrettyPrinter(width=20)
pp.pprint({"key": ["value"] * 5})
print(pp.pformat(list("abcdefghij")))
