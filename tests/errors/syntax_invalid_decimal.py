# expect: SyntaxError: invalid decimal literal
# line: 4
a = 10
b = 1abc
print(a, b)
