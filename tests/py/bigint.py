# Arbitrary precision integers.
a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(b // a, b % a)
print(-b // a, -b % a)
print(divmod(b, 12345678901234567890))
print(a ** 3)
print(len(str(2 ** 1000)), str(2 ** 1000)[:20], str(2 ** 1000)[-20:])
# factorial
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(f.bit_length(), f % 1000000007)
# fibonacci
x, y = 0, 1
for _ in range(300):
    x, y = y, x + y
print(x)
# bitwise on big ints
m = (1 << 130) - 1
print(m)
print(m & (2 ** 70 + 12345), m ^ (1 << 129), m >> 100, m << 3)
print(~m, -m >> 5, (-m) & 0xFFFF)
print((1 << 200) | 1)
# comparisons
print(a < b, a == 2 ** 100, b > 10 ** 33, -a < -b)
# conversions
print(hex(a), oct(b)[:12], bin(2 ** 70 + 5))
print(int("123456789012345678901234567890") * 10)
print(int("-99999999999999999999999999") - 1)
print(int("ffffffffffffffffffffffff", 16))
print(float(2 ** 80), float(-(3 ** 50)))
print(2 ** 100 / 2 ** 98)
print(10 ** 30 // 7, 10 ** 30 % 7)
print(pow(7, 1000, 10 ** 20))
print(pow(123456789, 98765, 1000000000039))
print(abs(-(10 ** 40)), (-10) ** 41)
print(sum(range(10 ** 12, 10 ** 12 + 5)))
print(max(a, b), min(a, b))
# negative big division semantics
n = -(10 ** 25) - 7
print(n // 10 ** 12, n % 10 ** 12)
print(n // -(10 ** 12), n % -(10 ** 12))
# big int hashing of equal values
print(hash(2 ** 100) == hash(2 ** 100), 2 ** 61 - 1 == (1 << 61) - 1)
# digits sum
print(sum(int(c) for c in str(2 ** 500)))
# big multiplication sanity
p = 1
for q in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53]:
    p *= q ** 3
print(p)
print(p.bit_length(), (p - 1).bit_length(), (0).bit_length())
print(int.from_bytes(b"\x01\x00\x00\x00\x00\x00\x00\x00\x00", "big"))
print((2 ** 72).to_bytes(10, "big"))
print(round(12345678901234567890, -5))
