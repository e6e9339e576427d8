# Lecture: "Лекция 8. Многозадачность" (seed 000_86b0a299d7855025.txt),
# section "Субинтерпретаторы" -- the code string each sub-interpreter runs.
# Shows: a CPU-bound big-integer workload, the factorial of 50_000 computed by a
# plain loop, run here once in the main interpreter.
# The result has over 200_000 decimal digits, and CPython (3.11+) refuses int->str
# conversions above 4300 digits, so we print the bit length and residues instead.

n = 50_000
fact = 1
for i in range(1, n + 1):
    fact = fact * i

print("n =", n)
print("fact.bit_length() =", fact.bit_length())
print("fact % 10**9 =", fact % 10 ** 9)

# Number of trailing zeros by Legendre's formula: count factors of 5.
zeros = 0
p = 5
while p <= n:
    zeros += n // p
    p *= 5
print("trailing zeros (Legendre):", zeros)
print("divisible by 10**zeros:", fact % 10 ** zeros == 0)
print("not divisible by 10**(zeros+1):", fact % 10 ** (zeros + 1) != 0)
print("last 9 digits before the trailing zeros:", (fact // 10 ** zeros) % 10 ** 9)
print("fact % 1_000_000_007 =", fact % 1_000_000_007)
