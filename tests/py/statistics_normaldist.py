# statistics.NormalDist (pdf, cdf, inv_cdf, quantiles, overlap, zscore, arithmetic) and
# math.erf / math.erfc, with CPython's errors.
import math
from statistics import NormalDist, StatisticsError

for x in [-3.0, -1.5, -0.5, 0.0, 1e-10, 0.3, 1.0, 2.5, 6.0, float("inf"), float("-inf")]:
    print(x, math.erf(x), math.erfc(x))
n = NormalDist(100, 15)
print(n, n.mean, n.median, n.mode, n.stdev, n.variance)
for x in [55, 85, 100, 115.5, 160]:
    print(x, n.pdf(x), n.cdf(x), n.zscore(x))
for p in [1e-12, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-12]:
    print(p, n.inv_cdf(p), NormalDist().inv_cdf(p))
print(n.quantiles(), NormalDist().quantiles(10))
print(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)), n.overlap(NormalDist(110, 15)))
print(n + 5, n - 5, n * 2, n / 2, -n, +n, 5 + n, 5 - n, 2 * n, n + NormalDist(0, 20))
print(n == NormalDist(100, 15), n == NormalDist(100, 16), hash(n) == hash(NormalDist(100, 15)))
s = NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print(s, NormalDist.from_samples([1, 2, 3, 4]))
print(len(n.samples(5, seed=1)), NormalDist(5, 0).mean)
for bad in [lambda: NormalDist(0, -1), lambda: n.inv_cdf(0), lambda: n.inv_cdf(1.5),
            lambda: NormalDist(1, 0).pdf(1), lambda: NormalDist(1, 0).cdf(1),
            lambda: NormalDist(1, 0).zscore(1), lambda: n.overlap(3),
            lambda: NormalDist(1, 0).overlap(n), lambda: NormalDist.from_samples([1]),
            lambda: math.erf("x")]:
    try:
        bad()
    except (StatisticsError, TypeError) as e:
        print(type(e).__name__, e)
