# expect: ZeroDivisionError: division by zero
# line: 6
a = 10
b = 0
print("dividing", a, "by", b)
print(a / b)
