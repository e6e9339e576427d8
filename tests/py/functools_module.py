# functools: reduce, partial, wraps/update_wrapper, lru_cache (cache_info, cache_clear,
# typed, unhashable arguments), cache, cached_property, total_ordering, cmp_to_key,
# singledispatch.
import functools
import operator

print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(operator.add, [], 10))
print(functools.reduce(lambda acc, x: acc * x, range(1, 6), 1))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print("TypeError", e)

def power(base, exponent, *, verbose=False):
    return base ** exponent

square = functools.partial(power, exponent=2)
cube_of_2 = functools.partial(power, 2, 3)
print(square(5), cube_of_2(), square.func is power, square.args, square.keywords)
nested = functools.partial(square, verbose=True)
print(nested.func is power, nested.keywords, nested(3))
print(repr(functools.partial(max, 1, key=abs)).startswith("functools.partial(<built-in function max>, 1, key="))
try:
    functools.partial(1)
except TypeError as e:
    print("TypeError", e)

def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return func(*args, **kwargs)
    return wrapper

@logged
def greet(name):
    """Say hello."""
    return "hi " + name

print(greet("x"), greet.__name__, greet.__doc__, greet.__wrapped__.__name__, greet.__qualname__)

def plain():
    pass
def other():
    "other doc"
functools.update_wrapper(plain, other)
print(plain.__name__, plain.__doc__, functools.WRAPPER_ASSIGNMENTS[:4], functools.WRAPPER_UPDATES)

calls = []

@functools.lru_cache(maxsize=2)
def slow(n):
    calls.append(n)
    return n * n

print([slow(n) for n in (1, 2, 1, 3, 1, 2)], calls)
print(slow.cache_info(), slow.cache_info().hits, slow.cache_info().currsize)
slow.cache_clear()
print(slow.cache_info(), slow.cache_parameters())

@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())

@functools.lru_cache(maxsize=None, typed=True)
def kind(x):
    return type(x).__name__

print(kind(1), kind(1.0), kind(True), kind.cache_info())
try:
    kind([1])
except TypeError as e:
    print("TypeError", e)

@functools.cache
def total(*args, **kwargs):
    return sum(args) + sum(kwargs.values())

print(total(1, 2), total(1, 2), total(1, b=2), total.cache_info())

class Dataset:
    def __init__(self, values):
        self.values = values
        self.computed = 0

    @functools.cached_property
    def mean(self):
        self.computed += 1
        return sum(self.values) / len(self.values)

d = Dataset([1, 2, 3, 4])
print(d.mean, d.mean, d.computed, "mean" in vars(d))
del d.mean
print(d.mean, d.computed, type(Dataset.mean).__name__)

@functools.total_ordering
class Version:
    def __init__(self, major, minor):
        self.key = (major, minor)

    def __eq__(self, other):
        return self.key == other.key

    def __lt__(self, other):
        return self.key < other.key

a, b = Version(1, 2), Version(1, 10)
print(a < b, a > b, a <= b, a >= b, a <= Version(1, 2), max([b, a]) is b)
try:
    functools.total_ordering(type("Plain", (), {}))
except ValueError as e:
    print("ValueError", e)

def compare(x, y):
    return (len(x) > len(y)) - (len(x) < len(y))

print(sorted(["ccc", "a", "bb"], key=functools.cmp_to_key(compare)))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda x, y: y - x)))

@functools.singledispatch
def describe(obj):
    return "object"

@describe.register(int)
def _(obj):
    return "int"

@describe.register
def _(obj: list):
    return "list"

print(describe(1), describe([]), describe("s"), describe(True), describe.dispatch(bool).__name__)
