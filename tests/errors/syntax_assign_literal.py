# expect: SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?
# line: 4
x = 2
1 = x
print(x)
