# Beazley's countdown: the loop the GIL lectures time.
def count(n):
    while n > 0:
        n -= 1

count(10_000_000)
print("done")
