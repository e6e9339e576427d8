# Lecture: "Лекция 8. Многозадачность" (seed 000_86b0a299d7855025.txt),
# sections "Вспомним генераторы" and "Мы уже знаем что такое корутина!".
# Shows: `yield from` delegating to a sub-generator, and the value of a
# `yield from` expression being the sub-generator's return value -- the
# generator-based ancestor of `return 1 + await g1(x)`.
# Note: in the slide g1 only does `yield x` and so returns None, which would make
# `1 + (yield from g1(x))` fail with TypeError; here g1 returns the value it was
# sent (or x when driven by plain next()), mirroring `async def g1(x): return x`.


# First slide: yield from just pulls the values out of another generator.
def g1_simple():
    yield 1


def g2_simple():
    yield from g1_simple()


print("list(g2_simple()) ->", list(g2_simple()))


# Second slide: the value of `yield from` is the sub-generator's return value.
def g1(x):
    sent = yield x
    return x if sent is None else sent


def g2(x):
    return 1 + (yield from g1(x))


def run(gen):
    """Drive a generator to completion with next(); return (yielded, result)."""
    yielded = []
    try:
        while True:
            yielded.append(next(gen))
    except StopIteration as stop:
        return yielded, stop.value


print("run(g2(41)) ->", run(g2(41)))

gen = g2(10)
print("first value yielded through g2:", next(gen))
try:
    gen.send(99)
except StopIteration as stop:
    print("g2 returned 1 + 99 =", stop.value)


# Chaining: each level adds one.
def g3(x):
    return 1 + (yield from g2(x))


print("run(g3(0)) ->", run(g3(0)))
