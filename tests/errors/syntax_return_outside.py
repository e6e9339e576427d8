# expect: SyntaxError: 'return' outside function
# line: 5
x = 10
if x > 5:
    return x
