# Multiple / chained assignment and evaluation order.
a = b = c = 0
print(a, b, c)
a = b = []
a.append(1)
print(a, b, a is b)
x, y = 1, 2
x, y = y, x
print(x, y)
x, y = y, x + y
print(x, y)
p, q, r = r, p, q = 1, 2, 3
print(p, q, r)
fib = [0, 1]
i, j = 0, 1
for _ in range(10):
    i, j = j, i + j
    fib.append(j)
print(fib)
first = second = "shared"
second = "rebound"
print(first, second)
lst = [0, 1, 2]
k = 0
k, lst[k] = 2, "set"
print(k, lst)
lst2 = [0, 0, 0]
idx = lst2[0] = 1
print(idx, lst2)
t = 1, 2, 3
print(t)
(a, b), c = "xy", "z"
print(a, b, c)
head, *tail = 1, 2, 3
print(head, tail)
order = []
def val(n):
    order.append(n)
    return n
tgt = {}
tgt[val("key")] = val("value")
print(tgt, order)
order.clear()
arr = [0, 0]
arr[val(0)], arr[val(1)] = val(10), val(11)
print(arr, order)
m = n = o = 5
m += 1
print(m, n, o)
aa = bb = {"k": 1}
bb["k"] = 2
print(aa)
s1, s2, s3 = "abc"
print(s3 + s2 + s1)
w1, w2 = "hello world".split()
print(w2, w1)
q1, r1 = divmod(47, 5)
print(q1, r1)
x = y = z = "z"
print(x + y + z)
one, two = [1, 2]
one, two = two, one
print(one, two)
a, b, c, d = range(4)
a, b, c, d = d, c, b, a
print(a, b, c, d)
nums = [5, 6, 7]
nums[0], nums[2] = nums[2], nums[0]
print(nums)
class O:
    pass
obj = O()
obj.a = obj.b = 7
obj.a, obj.b = obj.b + 1, obj.a - 1
print(obj.a, obj.b)
i = 0
data = [10, 20, 30]
i, data[i] = 1, 99
print(i, data)
g = (n * n for n in range(3))
e1, e2, e3 = g
print(e1, e2, e3)
key, value = ("only", "pair")
print(key, value)
counter = total = 0
for v in [3, 4, 5]:
    counter, total = counter + 1, total + v
print(counter, total)
mat = [[1, 2], [3, 4]]
mat[0][1], mat[1][0] = mat[1][0], mat[0][1]
print(mat)
