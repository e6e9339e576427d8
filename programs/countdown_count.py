# Lecture: "Лекция 8. Многозадачность" (ITMO, seed 000_86b0a299d7855025.txt),
# section "А почему мы не масштабировались потоками?" -- David Beazley's GIL example.
# Shows: the CPU-bound countdown `count(n)` called twice, one after the other,
# in a single thread. The lecture runs it with n = 1_000_000_000 (about 5 s);
# here n is modest so the script finishes well under a second on CPython.
# The lecture's point: running the same two calls in two threads is no faster,
# because of the GIL.


def count(n):
    while n > 0:
        n -= 1
    return n


N = 1_000_000

if __name__ == "__main__":
    r1 = count(N)
    print("first count(%d) finished, n = %d" % (N, r1))
    r2 = count(N)
    print("second count(%d) finished, n = %d" % (N, r2))
    print("total iterations:", 2 * N)
