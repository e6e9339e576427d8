"""statistics: averages and spread of data (gilsim's own, in Python, after CPython 3.12's
Lib/statistics.py): sums are exact (Fractions), so results are correctly rounded and keep
the data's type where CPython does (the mean of ints is an int when it is whole)."""

import math
from math import erf, exp, fabs, hypot, log, sqrt, tau
from fractions import Fraction
import _gilsim
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


# --- the normal distribution ------------------------------------------------------------
#
# gilsim's own NormalDist. Results must be CPython's to the last bit, so every formula
# performs the same float operations in the same order as CPython 3.11's; the inverse CDF
# is Wichura's algorithm AS241 (Applied Statistics 37(3), 1988), whose published
# coefficients are below, each polynomial evaluated by Horner's rule from its highest term.

_ROOT_TWO = sqrt(2.0)

# AS241's rational approximations: (numerator, denominator) coefficients, highest power
# first. The central one applies for |p - 0.5| <= 0.425, in r = 0.180625 - q*q.
_AS241_CENTRAL = (
    (2.5090809287301226727e+3, 3.3430575583588128105e+4, 6.7265770927008700853e+4,
     4.5921953931549871457e+4, 1.3731693765509461125e+4, 1.9715909503065514427e+3,
     1.3314166789178437745e+2, 3.3871328727963666080e+0),
    (5.2264952788528545610e+3, 2.8729085735721942674e+4, 3.9307895800092710610e+4,
     2.1213794301586595867e+4, 5.3941960214247511077e+3, 6.8718700749205790830e+2,
     4.2313330701600911252e+1, 1.0),
)
# The tails, in r = sqrt(-log(min(p, 1 - p))): shifted by 1.6 up to r = 5, else by 5.
_AS241_NEAR_TAIL = (
    (7.74545014278341407640e-4, 2.27238449892691845833e-2, 2.41780725177450611770e-1,
     1.27045825245236838258e+0, 3.64784832476320460504e+0, 5.76949722146069140550e+0,
     4.63033784615654529590e+0, 1.42343711074968357734e+0),
    (1.05075007164441684324e-9, 5.47593808499534494600e-4, 1.51986665636164571966e-2,
     1.48103976427480074590e-1, 6.89767334985100004550e-1, 1.67638483018380384940e+0,
     2.05319162663775882187e+0, 1.0),
)
_AS241_FAR_TAIL = (
    (2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.24266094738807843860e-3,
     2.65321895265761230930e-2, 2.96560571828504891230e-1, 1.78482653991729133580e+0,
     5.46378491116411436990e+0, 6.65790464350110377720e+0),
    (2.04426310338993978564e-15, 1.42151175831644588870e-7, 1.84631831751005468180e-5,
     7.86869131145613259100e-4, 1.48753612908506148525e-2, 1.36929880922735805310e-1,
     5.99832206555887937690e-1, 1.0),
)


def _horner(coefficients, r):
    value = coefficients[0]
    for c in coefficients[1:]:
        value = value * r + c
    return value


def _rational(pair, r):
    numerator, denominator = pair
    return _horner(numerator, r) / _horner(denominator, r)


def _standard_normal_quantile(p):
    """The z with P(Z <= z) = p for a standard normal Z (0 < p < 1), by AS241."""
    q = p - 0.5
    if fabs(q) <= 0.425:
        r = 0.180625 - q * q
        numerator, denominator = _AS241_CENTRAL
        return _horner(numerator, r) * q / _horner(denominator, r)
    tail = p if q <= 0.0 else 1.0 - p
    r = sqrt(-log(tail))
    z = _rational(_AS241_NEAR_TAIL, r - 1.6) if r <= 5.0 else _rational(_AS241_FAR_TAIL, r - 5.0)
    return -z if q < 0.0 else z


def _undefined(what):
    return StatisticsError('%s not defined when sigma is zero' % what)


class NormalDist:
    """A normal (Gaussian) distribution with mean `mu` and standard deviation `sigma`."""

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError('sigma must be non-negative')
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        """The distribution whose mean and stdev are the sample's."""
        values = list(data)
        return cls(float(mean(values)), float(stdev(values)))

    def samples(self, n, *, seed=None):
        """`n` random draws (repeatable with a seed)."""
        import random
        draw = random.gauss if seed is None else random.Random(seed).gauss
        return [draw(self._mu, self._sigma) for _ in range(n)]

    def pdf(self, x):
        """The probability density at x."""
        var = self._sigma * self._sigma
        if not var:
            raise _undefined('pdf()')
        offset = x - self._mu
        return exp(offset * offset / (-2.0 * var)) / sqrt(tau * var)

    def cdf(self, x):
        """P(X <= x)."""
        if not self._sigma:
            raise _undefined('cdf()')
        return 0.5 * (1.0 + erf((x - self._mu) / (self._sigma * _ROOT_TWO)))

    def inv_cdf(self, p):
        """The x with P(X <= x) = p, for 0 < p < 1."""
        if not 0.0 < p < 1.0:
            raise StatisticsError('p must be in the range 0.0 < p < 1.0')
        if self._sigma <= 0.0:
            raise StatisticsError('cdf() not defined when sigma at or below zero')
        return self._mu + (_standard_normal_quantile(p) * self._sigma)

    def quantiles(self, n=4):
        """The n - 1 cut points that split the distribution into n equally likely parts."""
        return [self.inv_cdf(k / n) for k in range(1, n)]

    def overlap(self, other):
        """The area under both densities (Inman and Bradley's overlapping coefficient)."""
        if not isinstance(other, NormalDist):
            raise TypeError('Expected another NormalDist instance')
        # Ordered by (sigma, mu), so that a.overlap(b) == b.overlap(a) exactly.
        lo, hi = sorted((self, other), key=lambda d: (d._sigma, d._mu))
        lo_var, hi_var = lo.variance, hi.variance
        if not lo_var or not hi_var:
            raise _undefined('overlap()')
        var_gap = hi_var - lo_var
        mean_gap = fabs(hi._mu - lo._mu)
        if not var_gap:
            return 1.0 - erf(mean_gap / (2.0 * lo._sigma * _ROOT_TWO))
        # The densities cross at two points; between them the lower one is the other's.
        centre = lo._mu * hi_var - hi._mu * lo_var
        spread = lo._sigma * hi._sigma * sqrt(mean_gap * mean_gap + var_gap * log(hi_var / lo_var))
        crossings = ((centre + spread) / var_gap, (centre - spread) / var_gap)
        missed = sum(fabs(hi.cdf(x) - lo.cdf(x)) for x in crossings)
        return 1.0 - missed

    def zscore(self, x):
        """How many standard deviations x lies from the mean."""
        if not self._sigma:
            raise _undefined('zscore()')
        return (x - self._mu) / self._sigma

    mean = property(lambda self: self._mu, doc="The mean, mu.")
    median = property(lambda self: self._mu, doc="The median (the mean, by symmetry).")
    mode = property(lambda self: self._mu, doc="The mode (the mean, by symmetry).")
    stdev = property(lambda self: self._sigma, doc="The standard deviation, sigma.")
    variance = property(lambda self: self._sigma * self._sigma, doc="sigma squared.")

    # Arithmetic: a constant shifts or scales; two independent distributions add their
    # means and their variances (so the sigmas combine as a hypotenuse).
    def __add__(self, other):
        if isinstance(other, NormalDist):
            return NormalDist(self._mu + other._mu, hypot(self._sigma, other._sigma))
        return NormalDist(self._mu + other, self._sigma)

    def __sub__(self, other):
        if isinstance(other, NormalDist):
            return NormalDist(self._mu - other._mu, hypot(self._sigma, other._sigma))
        return NormalDist(self._mu - other, self._sigma)

    def __mul__(self, factor):
        return NormalDist(self._mu * factor, self._sigma * fabs(factor))

    def __truediv__(self, divisor):
        return NormalDist(self._mu / divisor, self._sigma / fabs(divisor))

    def __pos__(self):
        return NormalDist(self._mu, self._sigma)

    def __neg__(self):
        return NormalDist(-self._mu, self._sigma)

    __radd__ = __add__
    __rmul__ = __mul__

    def __rsub__(self, other):
        return -(self - other)

    def __eq__(self, other):
        if not isinstance(other, NormalDist):
            return NotImplemented
        return self._mu == other._mu and self._sigma == other._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return '%s(mu=%r, sigma=%r)' % (type(self).__name__, self._mu, self._sigma)

    def __getstate__(self):
        return self._mu, self._sigma

    def __setstate__(self, state):
        self._mu, self._sigma = state


_gilsim_stub.define(globals(), "statistics", ["correlation", "linear_regression"])
if _gilsim.like_version() >= (3, 13):
    # New in CPython 3.13: only a run that imitates it (--like 3.13) has them.
    _gilsim_stub.define(globals(), "statistics", ["kde", "kde_random"])
del _gilsim, _gilsim_stub
