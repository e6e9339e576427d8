# expect: SyntaxError: cannot assign to True
# line: 4
x = 1
True = x
