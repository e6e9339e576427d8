# Generators: yield, yield from (with return value), send, throw, close, StopIteration.value.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
def with_return():
    yield 1
    yield 2
    return "done"
g = with_return()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("return value:", e.value, e.args)
def inner():
    yield "a"
    yield "b"
    return 42
def outer():
    result = yield from inner()
    yield "inner returned %d" % result
    yield from range(3)
    yield from ["x", "y"]
print(list(outer()))
def counter(maximum):
    i = 0
    while i < maximum:
        val = yield i
        if val is not None:
            i = val
        else:
            i += 1
it = counter(10)
print(next(it), it.send(8), next(it))
try:
    next(it)
except StopIteration:
    print("counter exhausted")
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    except GeneratorExit:
        print("closing, received", received)
e = echo()
print(e.send(None), e.send("a"), e.send("b"))
e.close()
e.close()
def thrower():
    try:
        yield 1
        yield 2
    except ValueError as ex:
        print("generator caught", repr(ex))
        yield "recovered"
    yield "after"
t = thrower()
print(next(t), t.throw(ValueError("injected")), next(t))
t2 = thrower()
next(t2)
try:
    t2.throw(KeyError("not handled"))
except KeyError as ex:
    print("propagated", repr(ex))
print(list(t2))
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally in generator")
f = fin()
print(next(f))
f.close()
print(list(fin()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)
def pipeline(nums):
    evens = (n for n in nums if n % 2 == 0)
    squared = (n * n for n in evens)
    yield from squared
print(list(pipeline(range(10))))
def delegator():
    total = 0
    while True:
        sub = yield from averager()
        total += sub
        yield ("subtotal", sub, total)
def averager():
    vals = []
    while True:
        v = yield
        if v is None:
            return sum(vals) / len(vals)
        vals.append(v)
d = delegator()
next(d)
for v in [10, 20, 30]:
    d.send(v)
print(d.send(None))
next(d)
for v in [1, 2]:
    d.send(v)
print(d.send(None))
gen = count_up(3)
print(iter(gen) is gen, type(gen).__name__)
def early_stop():
    yield 1
    return
    yield 2
print(list(early_stop()))
def flatten(items):
    for x in items:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))
def g1(x):
    received = yield x
    return received
def g2(x):
    return 1 + (yield from g1(x))
gg = g2(41)
print(next(gg))
try:
    gg.send(99)
except StopIteration as ex:
    print("g2 returned", ex.value)
