# corpus: CPython 3.12
# itertools.batched, new in 3.12.
from itertools import batched

print(list(batched("ABCDEFG", 3)), list(batched([], 2)), list(batched(range(4), 2)))
try:
    batched("abc", 0)
except ValueError as e:
    print("ValueError", e)
