# Lectures: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt) and
# "Subprocess, threading, multiprocessing" (seed 002_8dbbf3d2c083b7d6.txt),
# the multiprocessing.Pool.map examples.
# Shows: what pool.map(f, iterable) computes, using the builtin map() in one
# process: squares, doubling (multiplier), and the "process memory is not shared"
# example where worker() appends to a list -- here, in one process, it IS shared.


def f(x):
    return x ** 2


def multiplier(x):
    return x * 2


def worker(accumulator):
    accumulator.append('item')


print(list(map(f, range(10))))
print(list(map(multiplier, range(10))))

acc = []
for _ in range(5):
    worker(acc)
print(acc)


def print_n(n):
    print(f"{n}, done")


for n in range(0, 20, 5):
    print_n(n)
