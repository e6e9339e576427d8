# format() builtin and str.format with format specs.
print(format(42), format(42, "d"), format(42, "5"), format(42, "<5") + "|")
print(format(3.14159, ".3f"), format(3.14159, "8.2f"), format(-3.14159, "+.1f"))
print(format(1234567.891, ",.2f"), format(1234567, ","), format(1234567, "_d"))
print(format(0.25, "%"), format(0.256, ".1%"), format(5, "%"))
print(format(12345.6789, "e"), format(12345.6789, ".2e"), format(0.00012, "E"))
print(format(12345.6789, "g"), format(0.0000123, "g"), format(1e20, "g"), format(100.0, "g"))
print(format(255, "x"), format(255, "X"), format(255, "#x"), format(255, "o"), format(255, "#o"))
print(format(5, "b"), format(5, "08b"), format(5, "#010b"), format(-5, "b"))
print(format("hi", "<6") + "|", format("hi", ">6"), format("hi", "^6") + "|", format("hi", "*^7"))
print(format(7, "=+6"), format(-7, "=6"), format(7, "06"), format(-7, "06"))
print(format(65, "c"), format(3.0, "n"), format(10, "n"))
print(format(True), format(None), format([1, 2]), format(2.5))
print(format(1.5, ".0f"), format(2.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"))
print(format(1e16, ".1f"), format(123.456, ".10g"), format(1.0, ".3g"))
print(format(3, ".2f"), format(10 ** 20, "e"), format(-0.0, ".1f"))
print("{:>10}|{:<10}|{:^10}|".format("r", "l", "c"))
print("{0:>{1}}|".format("w", 6), "{:{fill}{align}{width}}".format("x", fill="-", align=">", width=5))
print("{0} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[0]} {0[1]} {1[k]}".format([10, 20], {"k": "kv"}))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{:,}".format(10 ** 9), "{:_x}".format(0xDEADBEEF), "{:,.3f}".format(9876.54321))
print("{:+} {:+} {: } {: }".format(5, -5, 5, -5))
print("{:.3}".format("abcdef"), "{:.3}".format(3.14159), "{:10.4}|".format("truncate"))
print("{:#.3g}".format(1.0), "{:.0e}".format(12345), "{:.2%}".format(1 / 3))
table = [("Name", "Qty", "Price"), ("pen", 10, 1.5), ("notebook", 3, 12.25), ("bag", 1, 45.0)]
print("{:<10}{:>5}{:>8}".format(*table[0]))
for n, q, p in table[1:]:
    print("{:<10}{:>5d}{:>8.2f}".format(n, q, p))
print("-" * 23)
print("{:<10}{:>5d}{:>8.2f}".format("total", sum(r[1] for r in table[1:]), sum(r[1] * r[2] for r in table[1:])))
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec == "F":
            return "%.1fF" % (self.c * 9 / 5 + 32)
        return "%.1fC" % self.c
t = Temp(21.5)
print(format(t), format(t, "F"), "{}/{:F}".format(t, t))
print("{:08.3f}".format(-3.14159), "{:+08.2f}".format(2.5), "{:x<8.1f}".format(2.25))
print("{:>+8.2e}".format(12345.678), "{:^12,}".format(1234567))
print("{:c}{:c}{:c}".format(80, 121, 33))
print(format(123, ""), format("s", ""), format(1.25, ""))
print("{{}} {{{}}}".format(9))
print(format(0.1, ".17f"), format(0.5, ".20f")[:10])
print(format(1234.5, "G"), format(1e-5, "G"), format(float("inf"), "f"), format(float("-inf"), "e"))
print(format(-1234567, ","), format(-0.5, "%"), format(1_000_000, "_"))
print("|{:^9.2f}|{:<+9d}|{:>09.1f}|".format(3.14159, 42, -2.5))
