# Augmented assignment operators on ints, floats, strings, lists, attributes, subscripts.
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 4
print(x)
x **= 10
print(x)
x /= 8
print(x)
y = 0b1111
y &= 0b1010
print(y)
y |= 0b0101
print(y)
y ^= 0b1111
print(y)
y <<= 4
print(y)
y >>= 2
print(y)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst *= 2
print(alias)
tup = (1,)
talias = tup
tup += (2,)
print(tup, talias, tup is talias)
st = {1, 2}
st |= {3}
st &= {2, 3, 4}
st -= {2}
print(st)
d = {"a": 1}
d |= {"b": 2}
print(d)
d["a"] += 100
d["b"] *= 3
print(d)
nums = [1, 2, 3]
nums[0] += 10
nums[-1] **= 2
print(nums)
m = [[0, 0], [0, 0]]
m[1][0] -= 7
print(m)
class C:
    count = 0
    def __init__(self):
        self.v = 1
c = C()
c.v += 41
C.count += 1
c.count += 10
print(c.v, C.count, c.count)
f = 1.5
f += 1
f *= 2
f -= 0.5
print(f)
calls = []
def idx():
    calls.append("idx")
    return 0
arr = [5]
arr[idx()] += 1
print(arr, calls)
total = 0
for i in range(1, 11):
    total += i * i
print(total)
b = 7
b //= -2
print(b)
b = 7
b %= -2
print(b)
z = 2
z **= 0.5
print(z)
counter = {}
for ch in "banana":
    counter[ch] = counter.get(ch, 0)
    counter[ch] += 1
print(counter)
w = 1
for _ in range(70):
    w *= 2
print(w)
text = ""
for word in ["a", "b", "c"]:
    text += word
    text += ","
print(text)
k = 100
k -= -k
print(k)
