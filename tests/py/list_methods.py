# list methods and operations.
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a))
a.append(5)
print(a)
a.extend([8, 9])
print(a)
a.insert(0, 100)
a.insert(-1, 200)
a.insert(99, 300)
print(a)
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove(1)
print(a)
print(a.index(5), a.index(5, 4), a.count(9), a.count(7))
a.reverse()
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
b = a.copy()
b.append(-1)
print(a == b, len(a), len(b))
b.clear()
print(b)
words = ["banana", "Apple", "cherry", "date"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
print(sorted([5, 2, 8], reverse=True), sorted("hello"))
print([1, 2] + [3], [0] * 4, [[0] * 2] * 2, 3 * [1, 2])
c = [1, 2, 3]
c += [4]
c *= 2
print(c)
print(1 in c, 7 in c, 7 not in c)
m = [[1, 2], [3, 4]]
n = m.copy()
n[0].append(99)
n[1] = "replaced"
print(m, n)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
alias = [[0] * 3] * 3
alias[1][1] = 5
print(alias)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, [2, 3]] == [1, [2, 3]])
print(list("abc"), list(range(5)), list((1, 2)), list({3: "x", 1: "y"}))
st = []
for i in range(5):
    st.append(i * i)
while st:
    print(st.pop(), end=" ")
print()
e = [5, 3, 8]
e[1] = 30
e[-1] += 1
print(e)
e[1:2] = [10, 20, 30]
print(e)
del e[0]
print(e)
del e[1:3]
print(e)
print(max([3, 7, 2]), min([3, 7, 2]), sum([3, 7, 2]))
nested = [1, [2, [3, [4]]]]
print(nested[1][1][1][0], len(nested))
x = [1, 2, 3]
y = x
y.append(4)
print(x, x is y, x == list(x), x is list(x))
print(list(reversed(x)), x[::-1], x)
empty = []
print(empty, bool(empty), bool([0]), len(empty))
z = [4, 2, 2, 4, 1]
z.sort(key=lambda v: -v)
print(z)
try:
    [].pop()
except IndexError as ex:
    print("IndexError:", ex)
try:
    [1, 2].index(3)
except ValueError as ex:
    print("ValueError:", ex)
try:
    [1].remove(2)
except ValueError as ex:
    print("ValueError:", ex)
print(repr([None, True, 1.5, "s", (1,)]))
