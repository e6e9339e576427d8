# Keys all of one builtin type (floats, ints, strs) are compared natively, as CPython's
# pre-sort check does; the order must be exactly what `<` gives, stability included.
import random

random.seed(7)
floats = [random.choice([0.5, -0.0, 0.0, 1e308, -1e-308, 2.5]) for _ in range(200)]
print(sorted(floats)[:8], sorted(floats, reverse=True)[:4])
# -0.0 and 0.0 are equal: their relative order is the input order (stable).
zeros = [0.0, -0.0, 0.0, -0.0]
print([str(z) for z in sorted(zeros)], [str(z) for z in sorted(zeros, reverse=True)])
# A NaN compares false both ways: the sort still ends with a permutation, as CPython's.
with_nan = [3.0, float("nan"), 1.0, 2.0, float("nan"), 0.5] * 20
print(sorted(with_nan)[:12])
ints = [random.randrange(-10**6, 10**6) for _ in range(300)]
assert sorted(ints) == sorted(ints, key=lambda v: (v,))
print(sorted(ints)[:5], sorted(ints, reverse=True)[:3])
mixed = [5, 2**70, -3, 2**64, 0, -2**63 - 1]
print(sorted(mixed))
words = ["émigré", "Zebra", "apple", "Äpfel", "zebra", "日本", "apple pie", "", "😀", "z"]
print(sorted(words), sorted(words, key=str.lower))
pairs = [(w, i) for i, w in enumerate(words * 3)]
print(sorted(pairs, key=lambda p: p[0])[:6])
nums = list(range(100))
random.shuffle(nums)
by_tens = sorted(nums, key=lambda v: v // 10)
print(by_tens[:12])
flags = sorted([True, 2, False, 1, 0, True])
print(flags)
