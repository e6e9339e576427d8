"""CPU-bound work in a ThreadPoolExecutor: no faster than doing it in one thread.

Lecture: "Threading, Multiproccessing и Asyncio" (seed 003_5a2eca54aa6f32a4.txt), the CPU
examples: `cpu_bound(number) = sum(i * i for i in range(number))` over
`[5_000_000 + x for x in range(20)]` took 7.22 s one after another and 7.55 s with
`concurrent.futures.ThreadPoolExecutor(max_workers=5)` ("Использование модуля threading для
задач связанных с вычислениями на CPU не только не ускорят выполнение программы, но
наоборот замедлят его").

Demonstrates: five worker threads share one GIL, so only one of them computes at any
moment; the pool returns the same sums as the plain loop and takes about the same time
(often a little longer: the threads also hand the GIL back and forth). Each sum is checked
against the closed form (n-1)n(2n-1)/6. The numbers are 150_000 + x instead of
5_000_000 + x to keep the run short.
The timings are printed but not judged: on a machine busy with other work the ratio
wanders (the operating system favours a process whose threads keep waking up), so a
True/False verdict would not be reproducible.
"""
import time
from concurrent.futures import ThreadPoolExecutor


def cpu_bound(number):
    return sum(i * i for i in range(number))


def find_sums_sequentially(numbers):
    return [cpu_bound(number) for number in numbers]


def find_sums_with_threads(numbers):
    with ThreadPoolExecutor(max_workers=5) as executor:
        return list(executor.map(cpu_bound, numbers))


numbers = [150_000 + x for x in range(20)]

start = time.perf_counter()
sequential = find_sums_sequentially(numbers)
sequential_time = time.perf_counter() - start

start = time.perf_counter()
threaded = find_sums_with_threads(numbers)
threaded_time = time.perf_counter() - start

expected = [(n - 1) * n * (2 * n - 1) // 6 for n in numbers]
print(f'{len(numbers)} sums of squares, numbers {numbers[0]}..{numbers[-1]}')
print('first and last:', sequential[0], sequential[-1])
print('sequential sums correct:', sequential == expected)
print('thread pool sums correct:', threaded == expected)
print(f'sequential: {sequential_time:.2f} s')
print(f'ThreadPoolExecutor(max_workers=5): {threaded_time:.2f} s')
print(f'speed-up: {sequential_time / threaded_time:.2f}x')
print('expected with the GIL: about the same time (a speed-up near 1)')
