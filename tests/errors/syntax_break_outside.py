# expect: SyntaxError: 'break' outside loop
# line: 5
n = 0
if n == 0:
    break
