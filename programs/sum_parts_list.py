# Lectures: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt) and
# "Subprocess, threading, multiprocessing" (seed 002_8dbbf3d2c083b7d6.txt).
# Shows: the two ways the lectures split an array sum into parts, done here in a
# single thread:
#   1. adder(): strided parts (part_id, part_id + k, ...), each partial sum put
#      into a shared results list (the lectures use a queue.Queue and threads);
#   2. array_parts: contiguous slices, each summed (the lectures use Pool.map).
# Both must give the same total as sum(arr).


def adder(arr, part_id, part_count, results):
    results.append(sum(arr[i] for i in range(part_id, len(arr), part_count)))


def sum_in_parts(arr, part_count):
    results = []
    for part_id in range(part_count):
        adder(arr, part_id, part_count, results)
    return sum(results), results


arr = [1 for _ in range(100_000)]
for k in [1, 2, 4, 8]:
    total, parts = sum_in_parts(arr, k)
    print("strided parts=%d total=%d parts=%s" % (k, total, parts))

size = len(arr)
process_count = 4
part_size = size // process_count
array_parts = [arr[i * part_size:(i + 1) * part_size] for i in range(process_count)]
part_sums = list(map(sum, array_parts))
print("slices:", [len(p) for p in array_parts], "sums:", part_sums, "total:", sum(part_sums))

# A less uniform array: 0, 1, ..., 99_999 (the parts now differ).
arr2 = list(range(100_000))
total2, parts2 = sum_in_parts(arr2, 3)
print("strided 3 parts of range:", parts2, total2, total2 == sum(arr2))


def sum_n(n):
    return sum(1 for _ in range(n))


print("sum_n over parts:", list(map(sum_n, [part_size] * process_count)))
