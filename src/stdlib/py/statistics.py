"""statistics: averages and spread of data (gilsim's own, in Python, after CPython 3.12's
Lib/statistics.py): sums are exact (Fractions), so results are correctly rounded and keep
the data's type where CPython does (the mean of ints is an int when it is whole)."""

import math
from fractions import Fraction
import _gilsim_stub

__all__ = ["StatisticsError", "fmean", "geometric_mean", "mean", "harmonic_mean",
           "pstdev", "pvariance", "stdev", "variance", "median", "median_low",
           "median_high", "median_grouped", "mode", "multimode", "quantiles"]


class StatisticsError(ValueError):
    pass


def _exact_ratio(x):
    if isinstance(x, Fraction):
        return x.numerator, x.denominator
    if isinstance(x, int):
        return x, 1
    if isinstance(x, float):
        if x != x or x in (float("inf"), float("-inf")):
            return x, None
        return x.as_integer_ratio()
    raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _coerce(T, S):
    # The result type of mixing T and S (Lib/statistics.py's _coerce): int gives way to
    # anything, Fraction to float; two unrelated types cannot mix.
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int or T is bool:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    raise TypeError("can't convert type '%s' to '%s'" % (T.__name__, S.__name__))


def _sum(data):
    """(type, exact total as a Fraction or a special float, count)."""
    count = 0
    T = int
    partials = {}
    special = None
    for x in data:
        count += 1
        T = _coerce(T, type(x))
        n, d = _exact_ratio(x)
        if d is None:
            special = x if special is None else special + x
            continue
        partials[d] = partials.get(d, 0) + n
    if special is not None:
        return T, special, count
    total = sum(Fraction(n, d) for d, n in partials.items())
    return T, Fraction(total), count


def _convert(value, T):
    """`value` as the data's type T (a float stays a float, as CPython's `_convert`)."""
    if type(value) is T:
        return value
    if isinstance(value, float):
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    try:
        return T(value)
    except TypeError:
        if issubclass(T, Fraction):
            return T(value.numerator, value.denominator)
        raise


def mean(data):
    """The arithmetic mean."""
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _convert(total / n, T)


def fmean(data, weights=None):
    """The mean as a float (fast, not exact)."""
    if weights is None:
        data = list(data)
        n = len(data)
        if n == 0:
            raise StatisticsError("fmean requires at least one data point")
        return math.fsum(data) / n
    data, weights = list(data), list(weights)
    if len(weights) != len(data):
        raise StatisticsError("data and weights must be the same length")
    num = math.fsum(x * w for x, w in zip(data, weights))
    den = math.fsum(weights)
    if not den:
        raise StatisticsError("sum of weights must be non-zero")
    return num / den


def geometric_mean(data):
    """The geometric mean, as a float."""
    data = list(data)
    if not data:
        raise StatisticsError("geometric_mean requires a non-empty dataset")
    if any(x <= 0 for x in data):
        if any(x < 0 for x in data):
            raise StatisticsError("geometric mean requires a non-empty dataset "
                                  "containing positive numbers")
        return 0.0
    return math.exp(fmean(math.log(x) for x in data))


def harmonic_mean(data, weights=None):
    """The harmonic mean."""
    data = list(data)
    if weights is None:
        weights = [1] * len(data)
    weights = list(weights)
    if not data:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if len(data) == 1 and weights[0] == 1:
        x = data[0]
        if isinstance(x, (int, float, Fraction)):
            if x < 0:
                raise StatisticsError("harmonic mean does not support negative values")
            return x
        raise TypeError("unsupported type")
    if any(x < 0 for x in data):
        raise StatisticsError("harmonic mean does not support negative values")
    if any(x == 0 for x in data):
        return 0
    T, total, n = _sum(w / x if w else 0 for x, w in zip(data, weights))
    wsum = sum(weights)
    if total <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _convert(wsum / total, T)


def median(data):
    """The middle value (the mean of the two middle values of an even count)."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    """The lower of the two middle values of an even count."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    """The higher of the two middle values of an even count."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1):
    """The median of grouped continuous data (the 50th percentile, interpolated)."""
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    # Lower limit of the median interval, and the counts below and within it.
    lo = float(x) - float(interval) / 2
    i = data.index(x)
    j = n - data[::-1].index(x)
    cf = i
    f = j - i
    return lo + interval * (n / 2 - cf) / f


def mode(data):
    """The most common value (the first of them met, if several tie)."""
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        raise StatisticsError("no mode for empty data")
    best = None
    best_count = 0
    for x, c in counts.items():
        if c > best_count:
            best, best_count = x, c
    return best


def multimode(data):
    """Every most common value, in the order first met."""
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        return []
    most = max(counts.values())
    return [x for x, c in counts.items() if c == most]


def _ss(data, c=None):
    """(type, exact sum of squared deviations from the mean (or from c), count)."""
    data = list(data)
    if c is not None:
        T, total, count = _sum((x - c) * (x - c) for x in data)
        return T, total, count
    T, total, count = _sum(data)
    if isinstance(total, float) or count == 0:
        return T, total, count
    mu = total / count
    sx = Fraction(0)
    for x in data:
        n, d = _exact_ratio(x)
        diff = Fraction(n, d) - mu
        sx += diff * diff
    return T, sx, count


def _isqrt_frac_rto(n, m):
    # floor(sqrt(n / m)), with its lowest bit set when inexact ("round to odd"), so one
    # final rounding of the quotient is correct.
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


_SQRT_BITS = 2 * 53 + 3


def _float_sqrt_of_frac(n, m):
    # The correctly rounded float of sqrt(n / m) (the technique of CPython 3.12's
    # statistics: enough extra bits, rounded to odd, then one division).
    q = (n.bit_length() - m.bit_length() - _SQRT_BITS) // 2
    if q >= 0:
        return float((_isqrt_frac_rto(n, m << 2 * q) << q))
    return _isqrt_frac_rto(n << -2 * q, m) / (1 << -q)


def variance(data, xbar=None):
    """The sample variance (n - 1 in the denominator)."""
    T, ss, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    """The population variance (n in the denominator)."""
    T, ss, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _convert(ss / n, T)


def stdev(data, xbar=None):
    """The sample standard deviation."""
    T, ss, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    if isinstance(ss, float):
        return math.sqrt(ss / (n - 1))
    mss = ss / (n - 1)
    if issubclass(T, Fraction):
        raise NotImplementedError("statistics.stdev of Fractions is not supported by gilsim")
    return _float_sqrt_of_frac(mss.numerator, mss.denominator)


def pstdev(data, mu=None):
    """The population standard deviation."""
    T, ss, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pstdev requires at least one data point")
    if isinstance(ss, float):
        return math.sqrt(ss / n)
    mss = ss / n
    if issubclass(T, Fraction):
        raise NotImplementedError("statistics.pstdev of Fractions is not supported by "
                                  "gilsim")
    return _float_sqrt_of_frac(mss.numerator, mss.denominator)


def quantiles(data, *, n=4, method="exclusive"):
    """n - 1 cut points dividing the data into n intervals of equal probability."""
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        if ld == 1:
            return data * (n - 1)
        raise StatisticsError("must have at least one data point")
    if method == "inclusive":
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == "exclusive":
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError("Unknown method: %r" % (method,))


def covariance(x, y, /):
    """The sample covariance of two inputs."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError("covariance requires that both inputs have same number "
                              "of data points")
    if n < 2:
        raise StatisticsError("covariance requires at least two data points")
    xbar = fmean(x)
    ybar = fmean(y)
    sxy = math.fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    return sxy / (n - 1)


_gilsim_stub.define(globals(), "statistics", [
    "NormalDist", "correlation", "linear_regression", "kde", "kde_random",
])
del _gilsim_stub
