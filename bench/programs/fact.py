# Factorial by a loop (big-integer multiplication).
def fact(n):
    result = 1
    for i in range(1, n + 1):
        result = result * i
    return result

print(fact(20_000).bit_length())
