# Recursion: factorial, fibonacci, mutual recursion, RecursionError recovery.
import sys
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print([fact(i) for i in range(10)], fact(30))
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(20)], fib(22))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print([is_even(i) for i in range(6)], is_odd(101), is_even(500))
def power(base, exp):
    if exp == 0:
        return 1
    half = power(base, exp // 2)
    return half * half * (base if exp % 2 else 1)
print(power(2, 30), power(3, 13), power(7, 0))
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)
mv = []
hanoi(4, "A", "C", "B", mv)
print(len(mv), mv[:5])
def permutations(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            out.append(items[i:i + 1] + rest)
    return out
print(permutations("abc"), len(permutations([1, 2, 3, 4])))
def flatten(x):
    if not isinstance(x, list):
        return [x]
    res = []
    for e in x:
        res.extend(flatten(e))
    return res
print(flatten([1, [2, [3, [4, [5]]]], 6]))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(1, 5))
def binsearch(arr, target, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if arr[mid] == target:
        return mid
    if arr[mid] < target:
        return binsearch(arr, target, mid + 1, hi)
    return binsearch(arr, target, lo, mid - 1)
data = list(range(0, 100, 3))
print(binsearch(data, 27, 0, len(data) - 1), binsearch(data, 28, 0, len(data) - 1))
def merge_sort(a):
    if len(a) <= 1:
        return a
    m = len(a) // 2
    left, right = merge_sort(a[:m]), merge_sort(a[m:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    return out + left[i:] + right[j:]
print(merge_sort([5, 2, 9, 1, 5, 6, 0, -3, 8]))
def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print("caught RecursionError:", "maximum recursion depth exceeded" in str(e))
print("still running after RecursionError, fact(5) =", fact(5))
class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, list(kids)
    def total(self):
        return self.v + sum(k.total() for k in self.kids)
    def depth(self):
        return 1 + max((k.depth() for k in self.kids), default=0)
t = Tree(1, [Tree(2, [Tree(4)]), Tree(3, [Tree(5, [Tree(6)])])])
print(t.total(), t.depth())
class Loop:
    def again(self):
        return self.again()
try:
    Loop().again()
except RecursionError:
    print("RecursionError in method caught")
print(sys.getrecursionlimit())
def count_down(n):
    if n == 0:
        return "liftoff"
    return count_down(n - 1)
print(count_down(900))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 10))
def sum_digits(n):
    return n if n < 10 else n % 10 + sum_digits(n // 10)
print(sum_digits(987654321), sum_digits(2 ** 100))
memo = {}
def fib_memo(n):
    if n in memo:
        return memo[n]
    memo[n] = n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)
    return memo[n]
print(fib_memo(300))
