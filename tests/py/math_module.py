# math module.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 20))
print(math.floor(2.7), math.floor(-2.3), math.ceil(2.1), math.ceil(-2.9), math.trunc(-2.9), math.trunc(2.9))
print(type(math.floor(2.5)).__name__, math.floor(5), math.ceil(10 ** 20 + 0.0) == 10 ** 20)
print(math.fabs(-3), math.fabs(2.5), math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.factorial(0), math.factorial(10), math.factorial(25))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(12, 18, 30), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.comb(10, 3), math.comb(52, 5), math.perm(5, 2), math.perm(5))
print(math.pow(2, 10), math.pow(2, 0.5), math.exp(0), math.exp(1), math.exp(2))
print(math.log(1), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024))
print(math.log(2), math.log1p(0), math.expm1(0), math.log10(2))
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12))
print(math.sin(1), math.cos(1), math.tan(1))
print(math.asin(1), math.acos(1), math.atan(1), math.atan2(1, 1), math.atan2(-1, -1))
print(math.degrees(math.pi), math.radians(180), math.degrees(1))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(2, 3, 6), math.dist((0, 0), (3, 4)))
print(math.sinh(0), math.cosh(0), math.tanh(0), math.sinh(1), math.cosh(1))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1.0))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1), math.isclose(0, 1e-12, abs_tol=1e-9))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 6), start=2))
print(math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.remainder(7, 3))
print(math.floor(-0.5), math.ceil(-0.5), math.ceil(0.0))
print(math.sqrt(0), math.sqrt(1e-10), math.sqrt(1e10), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", type(e).__name__)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError: factorial of negative")
print(math.inf > 10 ** 308, math.inf == float("inf"), math.nan != math.nan, -math.inf < 0)
def area(r):
    return math.pi * r * r
print([round(area(r), 4) for r in range(4)])
def quadratic(a, b, c):
    disc = b * b - 4 * a * c
    if disc < 0:
        return ()
    s = math.sqrt(disc)
    return ((-b - s) / (2 * a), (-b + s) / (2 * a))
print(quadratic(1, -3, 2), quadratic(1, 2, 1), quadratic(1, 0, 1), quadratic(2, 5, -3))
angles = [0, 30, 45, 60, 90]
print([round(math.sin(math.radians(a)), 6) for a in angles])
print([round(math.cos(math.radians(a)), 6) for a in angles])
print(math.floor(math.log10(123456)) + 1, math.ceil(math.log2(1000)))
print(math.fsum(1 / math.factorial(k) for k in range(20)) == math.e, abs(math.fsum(1 / math.factorial(k) for k in range(20)) - math.e) < 1e-15)
print(math.gcd(2 ** 40, 6 ** 20), math.isqrt(2 ** 101), math.comb(100, 50))
print(math.trunc(1e15 + 0.5), math.floor(-1e-300), math.ceil(1e-300))
print(round(math.atan(math.inf), 10), math.exp(-math.inf), math.sqrt(math.inf))
