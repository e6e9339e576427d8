# heapq (push/pop/heapify/replace/pushpop/nlargest/nsmallest/merge) and bisect.
import bisect
import heapq
import random

rng = random.Random(7)
data = [rng.randrange(100) for _ in range(30)]
heap = []
for x in data:
    heapq.heappush(heap, x)
print(heap[0] == min(data), [heapq.heappop(heap) for _ in range(len(data))] == sorted(data))
h = data[:]
heapq.heapify(h)
print(h)
print(all(h[k] <= h[c] for k in range(len(h)) for c in (2 * k + 1, 2 * k + 2) if c < len(h)))
print(heapq.heapreplace(h, 50), heapq.heappushpop(h, -1), heapq.heappushpop(h, 1000), len(h))
tasks = []
for prio, name in [(3, "write"), (1, "read"), (2, "sleep"), (1, "again")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(4)])
print(heapq.nlargest(3, data), heapq.nsmallest(3, data), heapq.nlargest(0, data))
words = ["pear", "fig", "banana", "kiwi", "apple"]
print(heapq.nsmallest(2, words, key=len), heapq.nlargest(2, words, key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge()))
print(list(heapq.merge(["b", "dd"], ["a", "ccc"], key=len)), list(heapq.merge([5, 1], [4, 2], reverse=True)))
for bad in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1)]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)

a = [1, 2, 4, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 9))
print(bisect.bisect_left(a, 4, 4), bisect.bisect_right(a, 4, 0, 3))
bisect.insort(a, 5)
bisect.insort_left(a, 4)
bisect.insort_right(a, 0)
print(a)
grades = [(60, "D"), (70, "C"), (80, "B"), (90, "A")]
print([grades[bisect.bisect([g for g, _ in grades], s) - 1][1] for s in (65, 70, 99)])
people = [("ann", 25), ("bob", 31), ("cy", 40)]
print(bisect.bisect_left(people, 31, key=lambda p: p[1]))
bisect.insort(people, ("dee", 35), key=lambda p: p[1])
print(people)
try:
    bisect.bisect(a, 1, -1)
except ValueError as e:
    print("ValueError", e)
