# expect: ZeroDivisionError: integer division or modulo by zero
# line: 5
a = 10
for b in [5, 2, 0]:
    print(a // b)
