# Assignment expressions (:=).
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("list is long:", n)
print(n)
if (m := max(data)) > 5:
    print("max is big:", m)
values = iter([5, 3, 0, 7])
while (v := next(values)) != 0:
    print("got", v)
print("stopped at", v)
chunks = [1, 2, 3, 4, 5, 6, 7]
pos = 0
while (chunk := chunks[pos:pos + 3]):
    print("chunk", chunk)
    pos += 3
print([y for x in range(6) if (y := x * x) % 2 == 0])
print(y)
results = [(x, sq) for x in range(5) if (sq := x * x) > 4]
print(results, sq)
def f(x):
    return x * 10
print([fx for x in range(4) if (fx := f(x)) > 10])
print((total := 10 + 5), total)
a = [w := 1, w + 1, w + 2]
print(a, w)
count = 0
def bump():
    global count
    count += 1
    return count
while (c := bump()) < 4:
    print("bump", c)
print("final count", count)
text = "the quick brown fox"
if (idx := text.find("brown")) != -1:
    print("found at", idx, text[idx:])
if (idx := text.find("zzz")) == -1:
    print("not found", idx)
print(any((hit := x) > 6 for x in data), hit)
print(all((last := x) < 9 for x in data), last)
stack = [1, 2, 3]
while stack and (top := stack.pop()) != 1:
    print("popped", top)
print(stack, top)
def g():
    if (r := 42) > 0:
        return r
print(g())
print([(x, y) for x in range(3) if (y := x + 1) % 2 == 1])
numbers = [2, 4, 6, 7, 8]
if any((odd := x) % 2 for x in numbers):
    print("first odd number:", odd)
print(f"{(val := 5)} and {val * 2}")
def outer():
    items = []
    [items.append(z) for i in range(3) if (z := i * 100)]
    return items, z
print(outer())
s = 0
for i in range(5):
    if (h := i // 2) == 1:
        s += h
print(s, h)
line_source = iter(["a", "b", "", "c"])
lines = []
while (line := next(line_source, None)) is not None and line:
    lines.append(line.upper())
print(lines, repr(line))
print((x := 3) * (x + 1))
