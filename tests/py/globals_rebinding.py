# A function's global and builtin lookups see every way a module rebinds a name: assignment,
# `global`, and writes through the dict that globals() returns (CPython's LOAD_GLOBAL caches
# are keyed by the dict's version, and so are gilsim's).


def uses_len():
    return len("abc")


def uses_limit():
    return limit


limit = 1
print(uses_len(), uses_limit())
globals()["len"] = lambda s: 42
globals()["limit"] = 2
print(uses_len(), uses_limit())
namespace = globals()
namespace["limit"] = 3
del namespace["len"]
print(uses_len(), uses_limit())
namespace.update(limit=4)
print(uses_limit())
namespace.setdefault("fresh", 5)


def uses_fresh():
    return fresh


print(uses_fresh())
namespace.pop("fresh")
try:
    uses_fresh()
except NameError as e:
    print("NameError:", e)
