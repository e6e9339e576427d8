# Control flow: if/elif/else, while/else, for/else, break, continue, nested loops.
for n in [-5, 0, 3, 10, 100]:
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    elif n < 10:
        kind = "small"
    else:
        kind = "large"
    print(n, kind)
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("while", i)
else:
    print("while finished normally")
i = 0
while True:
    i += 1
    if i > 3:
        break
print("after infinite loop", i)
i = 10
while i < 5:
    print("never")
else:
    print("while else on false condition")
k = 0
while k < 10:
    if k == 4:
        print("breaking at", k)
        break
    k += 1
else:
    print("not printed")
def find(seq, target):
    for idx, v in enumerate(seq):
        if v == target:
            print("found", target, "at", idx)
            break
    else:
        print(target, "not found")
find([4, 8, 15], 8)
find([4, 8, 15], 16)
find([], 1)
for x in range(3):
    for y in range(3):
        if y == x:
            continue
        if x + y == 3:
            break
        print(x, y, end="; ")
print()
primes = []
for n in range(2, 40):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
for ch in "hello":
    if ch in "aeiou":
        continue
    print(ch, end="")
print()
total = 0
for a in range(1, 4):
    for b in range(1, 4):
        for c in range(1, 4):
            if a < b < c:
                total += a * b * c
print(total)
for _ in []:
    print("never")
else:
    print("for-else on empty sequence")
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
if []:
    print("no")
elif {}:
    print("no")
elif 0:
    print("no")
else:
    print("all falsy")
if 1:
    if 0:
        print("inner no")
    else:
        print("nested else")
x = 5
if x: print("one-line if")
for i in range(3): print("one-line for", i)
while x > 3: x -= 1
print(x)
found = None
for row, line in enumerate(["abc", "def", "ghi"]):
    for col, ch in enumerate(line):
        if ch == "e":
            found = (row, col)
            break
    if found:
        break
print(found)
seq = list(range(10))
for v in seq[:]:
    if v % 3 == 0:
        seq.remove(v)
print(seq)
count = 0
for i in range(100):
    if i % 2:
        continue
    if i > 20:
        break
    count += 1
print(count)
for i in range(5, 0, -2):
    print(i, end=" ")
print()
for i in range(3):
    pass
print("loop var after loop:", i)
d = {"a": 1, "b": 2}
for key in d:
    print(key, d[key])
