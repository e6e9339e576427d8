# Sum of squares with a generator expression (the lectures' CPU-bound task).
def cpu_bound(number):
    return sum(i * i for i in range(number))

print(cpu_bound(3_000_000))
