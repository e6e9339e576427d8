# Expected output: CPython 3.14 (3.14.10; tests/tools/expect_interp.py writes it with a CPython 3.14 from Debian, e.g. in a sid chroot, where pyenv has none).
# InterpreterPoolExecutor: each worker thread owns a subinterpreter; results come back by value, exceptions as themselves with the ExecutionFailed as their cause.
from concurrent.futures import InterpreterPoolExecutor, ThreadPoolExecutor, as_completed


def sum_of_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def divide(a, b):
    return a / b


def describe(*args, **kwargs):
    return (args, sorted(kwargs.items()))


if __name__ == "__main__":
    print(issubclass(InterpreterPoolExecutor, ThreadPoolExecutor))
    with InterpreterPoolExecutor(max_workers=2) as pool:
        print(pool._thread_name_prefix.startswith("InterpreterPoolExecutor-"))
        print(list(pool.map(sum_of_squares, [10, 1000, 100_000])))
        print(pool.submit(describe, 1, [2], key={"v": 3}).result())
        futures = [pool.submit(divide, 10, d) for d in (4, 0)]
        print(futures[0].result())
        try:
            futures[1].result()
        except ZeroDivisionError as err:
            print(type(err).__name__, err)
            print(type(err.__cause__).__name__, err.__cause__.excinfo.formatted)
        total = sum(f.result() for f in as_completed(
            [pool.submit(sum_of_squares, n) for n in range(5)]))
        print(total)
    try:
        pool.submit(divide, 1, 1)
    except RuntimeError as err:
        print(err)
    try:
        InterpreterPoolExecutor(max_workers=0)
    except ValueError as err:
        print(err)
