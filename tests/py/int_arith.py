# Integer arithmetic: operators, precedence, floor division and modulo signs.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-a // -b, -a % -b)
print(a ** 2, b ** 3, 2 ** 10)
print(2 ** -1, 10 ** -2)
print(-2 ** 2, (-2) ** 2)
print(2 ** 3 ** 2)
print(7 // 2 * 2 + 7 % 2)
print(1 + 2 * 3 - 4 / 2)
print((1 + 2) * (3 - 4))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(0 // 7, 0 % 7, 7 % 7)
print(abs(-42), abs(0), abs(42))
print(-(-5), +5, -0)
# bitwise operators
x = 0b1100
y = 0b1010
print(x & y, x | y, x ^ y, ~x, ~0, ~-1)
print(x << 2, x >> 2, 1 << 40, -16 >> 2, -1 >> 10)
print(bin(x & y), bin(x | y), bin(x ^ y))
# comparisons between ints
print(3 < 5, 5 < 3, 3 == 3, 3 != 3, 4 >= 4, 4 <= 3)
# int with float
print(3 + 0.5, 3 * 1.5, 7 / 7, 8 / 2)
print(type(7 / 7).__name__, type(7 // 7).__name__, type(7.0 // 2).__name__)
print(7.0 // 2, 7.5 % 2, -7.5 % 2, -7.5 // 2)
# booleans are ints
print(True + True, True * 10, False - 1, True / 2)
print(int(True), int(False), 5 + True)
# large intermediate
print(123456789 * 987654321)
print(2 ** 64 - 1, -(2 ** 63))
print((2 ** 64) // 3, (2 ** 64) % 1000)
# operator chains
n = 0
for i in range(1, 11):
    n = n * 3 + i % 4 - i // 3
print(n)
# integer exponent with mod via pow
print(pow(3, 4), pow(3, 4, 5), pow(2, 100, 1000000007))
print(pow(-3, 3), pow(3, -1, 7))
# sum of squares, triangular numbers
print(sum(i * i for i in range(1, 101)))
print(sum(range(1, 1001)), 1000 * 1001 // 2)
# gcd via Euclid
def gcd(p, q):
    while q:
        p, q = q, p % q
    return p
print(gcd(462, 1071), gcd(17, 5), gcd(0, 9))
# int() truncation
print(int(3.99), int(-3.99), int("  42  "), int("-0"))
print(round(7 / 2), round(5 / 2), round(-5 / 2))
print(10 % 3, -10 % 3, 10 % -3, -10 % -3)
print(True and 3 or 4, 0 or 9, 5 and 0)
