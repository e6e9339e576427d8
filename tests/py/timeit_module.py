import timeit


def work():
    return sum(range(100))


t = timeit.timeit("sum(range(100))", number=200)
print(type(t).__name__, t >= 0)
r = timeit.repeat(work, repeat=3, number=50)
print(len(r), all(x >= 0 for x in r))
calls = []
timer = timeit.Timer("calls.append(n)", setup="n = 7", globals={"calls": calls})
timer.timeit(number=5)
print(timeit.timeit("work()", globals=globals(), number=3) >= 0)
print(calls, sorted(k for k in globals() if not k.startswith("__")))
print(timeit.Timer(work).timeit(10) >= 0, timeit.default_timer() > 0)
number, taken = timeit.Timer("pass").autorange()
print(number >= 1, taken >= 0.2)
