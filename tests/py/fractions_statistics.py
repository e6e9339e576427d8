import math
import statistics
from fractions import Fraction

a = Fraction(3, 4)
b = Fraction("-2/6")
print(a, repr(a), b, repr(b), Fraction(5), Fraction(0.5), Fraction("1.25"), Fraction(" 3e-2 "))
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), -a, abs(b), a ** 2, a ** -2, b ** 3)
print(a + 1, 1 - a, 2 * a, 1 / a, a + 0.25, 0.5 * a, a ** 0.5, 2 ** Fraction(2))
print(a == Fraction(6, 8), a == 0.75, Fraction(2, 1) == 2, a < 1, b < a, a > 0.7, a <= Fraction(3, 4))
print(hash(Fraction(2, 1)) == hash(2), hash(Fraction(1, 2)) == hash(0.5), {Fraction(1, 2): "half"}[Fraction(2, 4)])
print(float(a), int(Fraction(-7, 2)), round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(22, 7), 2))
print(math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), math.trunc(Fraction(-7, 2)), bool(Fraction(0)))
print(a.numerator, a.denominator, a.as_integer_ratio(), f"{a}")
print(Fraction(math.pi).limit_denominator(1000), Fraction(math.pi).limit_denominator(100), Fraction(0.1).limit_denominator())
print(Fraction(1.1), Fraction(Fraction(1, 3), Fraction(2, 3)), sum([Fraction(1, n) for n in range(1, 6)]))
for bad in [lambda: Fraction(1, 0), lambda: Fraction("1/x"), lambda: Fraction(float("nan")), lambda: Fraction(1.5, 2)]:
    try:
        bad()
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.mean([1, 2, 3, 4]), statistics.mean([1.5, 2.5, 2.0]))
print(statistics.mean([Fraction(1, 2), Fraction(1, 3)]), statistics.fmean(data), statistics.mean([0.1, 0.2, 0.3]))
print(statistics.median(data), statistics.median([3, 1, 2]), statistics.median_low(data), statistics.median_high(data))
print(statistics.mode(data), statistics.mode("abracadabra"), statistics.multimode("aabbc"), statistics.multimode([]))
print(statistics.pstdev(data), statistics.stdev(data), statistics.pvariance(data), statistics.variance(data))
print(statistics.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(statistics.variance([Fraction(1, 4), Fraction(5, 4), Fraction(1, 2)]), statistics.pvariance([1, 2, 3, 4]))
print(statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), statistics.quantiles(range(1, 11), n=10))
print(statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], method="inclusive"), statistics.quantiles([4, 8], n=3))
print(statistics.harmonic_mean([40, 60]), statistics.geometric_mean([54, 24, 36]), statistics.median_grouped([52, 52, 53, 54]))
for bad in [lambda: statistics.mean([]), lambda: statistics.median([]), lambda: statistics.mode([]),
            lambda: statistics.variance([1]), lambda: statistics.stdev([]), lambda: statistics.pvariance([])]:
    try:
        bad()
    except statistics.StatisticsError as e:
        print("StatisticsError:", e)
print(issubclass(statistics.StatisticsError, ValueError))
