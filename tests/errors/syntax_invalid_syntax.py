# expect: SyntaxError: invalid syntax
# line: 4
x = 1
y = x +
print(y)
