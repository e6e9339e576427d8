# expect: ZeroDivisionError: float division by zero
# line: 5
x = 3.5
print(x / 2)
print(x / 0.0)
