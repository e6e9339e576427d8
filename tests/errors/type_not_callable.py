# expect: TypeError: 'int' object is not callable
# line: 5
x = 5
print("x =", x)
x()
