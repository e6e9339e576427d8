# Lecture: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt) and
# "Subprocess, threading, multiprocessing" (seed 002_8dbbf3d2c083b7d6.txt).
# Shows: the baseline single-threaded ways of summing an array of ones that the
# lectures time before trying threads and processes:
#   sum(arr[i] for i in range(len(arr)))   -- generator over indices
#   a plain for loop with an accumulator
#   sum(arr)                                -- the builtin directly
# The lectures use 10**7 elements; 10**6 keeps the run short.

SIZE = 10 ** 6

arr = [1 for _ in range(SIZE)]
print("array length:", len(arr))

by_index = sum(arr[i] for i in range(len(arr)))
print("sum(arr[i] for i in range(len(arr))) =", by_index)

total = 0
for i in range(len(arr)):
    total += arr[i]
print("index loop total =", total)

total2 = 0
for x in arr:
    total2 += x
print("element loop total =", total2)

print("sum(arr) =", sum(arr))
print("all equal:", by_index == total == total2 == sum(arr) == SIZE)

# The same sum over a non-trivial array, to make sure the index arithmetic is right.
arr2 = [i % 7 for i in range(SIZE)]
print("sum of i % 7:", sum(arr2[i] for i in range(len(arr2))), sum(arr2))
