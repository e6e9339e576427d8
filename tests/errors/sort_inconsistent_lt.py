# expect: ValueError: no order here
# line: 23
import random
# Rust's sort panics on a comparison that is not a total order; CPython sorts into some order.
random.seed(5)
class Coin:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return random.random() < 0.5
coins = [Coin(i) for i in range(2000)]
coins.sort()
print(sorted(c.n for c in sorted(coins)) == list(range(2000)), type(min(coins)).__name__)
# A failing sort leaves the list in the order it reached, as CPython's does.
mixed = [3, 1, 2, 'a', 0]
try:
    mixed.sort()
except TypeError as e:
    print(e)
print(mixed)
class Refuses:
    def __lt__(self, other):
        raise ValueError("no order here")
    def __repr__(self):
        return "R"
sorted([Refuses(), Refuses()])
