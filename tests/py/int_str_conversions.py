# int <-> str conversions in many bases, and manual conversion algorithms.
for n in [0, 1, -1, 7, 10, 255, -255, 1000, 65535, 2 ** 31, -(2 ** 63)]:
    print(n, str(n), repr(n), hex(n), oct(n), bin(n))
for s in ["0", "42", "-17", "+8", "  99  ", "007", "1_000_000", "-0"]:
    print(repr(s), int(s))
print(int("ff", 16), int("FF", 16), int("-ff", 16), int("0xff", 16), int("0xff", 0))
print(int("777", 8), int("0o777", 0), int("11", 2), int("0b11", 0), int("z", 36), int("ZZ", 36))
print(int("10", 3), int("21", 3), int("123", 4), int("hello", 36))
print(int("0", 0), int("10", 0), int("-0x1A", 0))
for bad in ["", "abc", "1.5", "1e3", "0x", "1 2", "--1", "1__0", "_1"]:
    try:
        int(bad)
        print(repr(bad), "parsed?")
    except ValueError as e:
        print(repr(bad), "->", e)
try:
    int("12", 2)
except ValueError as e:
    print(e)
try:
    int("9", 8)
except ValueError as e:
    print(e)
def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return sign + "".join(reversed(out))
for base in [2, 3, 8, 16, 36]:
    print(base, [to_base(v, base) for v in [0, 5, 35, 100, -100]])
print(all(int(to_base(v, b), b) == v for v in range(-50, 50) for b in range(2, 37)))
def parse_int(s):
    s = s.strip()
    sign = 1
    if s and s[0] in "+-":
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    val = 0
    for ch in s:
        val = val * 10 + (ord(ch) - ord("0"))
    return sign * val
print(parse_int("12345"), parse_int("-987"), parse_int(" +42 "))
print(str(10 ** 50), len(str(10 ** 50)), str(-(10 ** 30)))
print(int("9" * 60) + 1 == 10 ** 60)
print(str(2 ** 200)[:10], str(3 ** 300)[-10:], len(str(7 ** 500)))
print(int(str(12345)[::-1]), sum(map(int, str(2 ** 50))))
print("%d %s %r" % (12, 12, 12), f"{12}", format(12), "{}".format(12))
print(str(True), str(False), int("1") + int("2"), "1" + "2", int("1" + "2"))
print(str(3.0), str(-0.5), int(float("3.9")), int(-3.9), str(int(3.9)))
print(float("10") / 4, str(10 / 4), int(10 / 4), 10 // 4)
print(ord("7") - ord("0"), chr(ord("0") + 7), [int(c) for c in "2024"])
print(bin(5)[2:], hex(255)[2:].upper(), oct(8)[2:], f"{5:b}", f"{255:X}", f"{8:o}")
print(int("1" * 64, 2) == 2 ** 64 - 1, bin(2 ** 64 - 1).count("1"))
print(str(0), str(-0), int("-000"), str(int("000123")))
print(format(123456789, ","), int("123,456".replace(",", "")))
print((255).bit_length(), (256).bit_length(), (-1).bit_length(), (0).bit_length())
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"), (4096).to_bytes(2, "little"))
print(int("  -  5".replace(" ", "")), str(12).zfill(5), str(-12).zfill(5))
print(repr(str(123)), repr(int("123")), type(str(1)).__name__, type(int("1")).__name__)
