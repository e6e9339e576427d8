# Slicing of lists, strings, tuples, ranges; slice assignment and deletion.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[:], a[-3:], a[:-3], a[-5:-2])
print(a[::2], a[1::2], a[::-1], a[::-2], a[8:2:-1], a[8:2:-3])
print(a[5:2], a[100:], a[-100:2], a[2:100], a[3:3])
print(a[-1:-4:-1], a[:-11:-1], a[::100])
s = "abcdefghij"
print(s[2:5], s[::-1], s[::3], s[-4:], s[:0], s[5:1:-1])
t = tuple(range(6))
print(t[1:4], t[::-1], t[::2])
r = range(0, 20, 3)
print(r[2:5], list(r[2:5]), r[::-1], list(r[::-1]), r[-1])
sl = slice(1, 8, 2)
print(a[sl], s[sl], sl.start, sl.stop, sl.step)
print(slice(3), slice(None, None, -1).indices(5), slice(2, 20, 3).indices(10))
b = list(range(10))
b[2:4] = ["x", "y", "z"]
print(b)
b[:2] = []
print(b)
b[len(b):] = [100, 101]
print(b)
b[::2] = [0] * len(b[::2])
print(b)
c = list(range(8))
del c[1:6:2]
print(c)
del c[::-1][0:1]
print(c)
del c[:2]
print(c)
c[:] = "new"
print(c)
try:
    c[::2] = [1, 2, 3, 4]
except ValueError as e:
    print("ValueError:", e)
d = [1, 2, 3]
e = d[:]
e[0] = 99
print(d, e)
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1] for row in m], [row[::-1] for row in m][::-1])
print(m[1][1:], m[::2][0][::2])
word = "racecar"
print(word == word[::-1], "python"[::-1], "python"[1:-1])
def rotate(lst, k):
    k %= len(lst)
    return lst[k:] + lst[:k]
print(rotate([1, 2, 3, 4, 5], 2), rotate([1, 2, 3, 4, 5], -1), rotate([1, 2, 3], 7))
def chunks(seq, n):
    return [seq[i:i + n] for i in range(0, len(seq), n)]
print(chunks(list(range(10)), 3), chunks("abcdefg", 2))
x = list(range(5))
x[1:1] = [10, 11]
print(x)
x[-1:] = []
print(x)
print("hello world"[6:], "hello world"[:5].upper(), "hello"[10:20] == "")
print(a[2:8][1:3], a[::-1][::-1] == a)
n = 7
print(a[n // 2:], a[:n - 10], a[-n:])
print(b"bytes"[1:3], b"bytes"[::-1], b"xyz"[1:])
print(s[1:9:2][::-1], s[-1::-2])
print(list(range(100))[95:200], list(range(100))[-2:-1])
z = [0] * 5
z[1:4] = range(3)
print(z)
z[3:] = (9, 9, 9)
print(z)
