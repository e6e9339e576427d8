# Sum of squares with an explicit loop.
def cpu_bound(number):
    total = 0
    for i in range(number):
        total += i * i
    return total

print(cpu_bound(3_000_000))
