# expect: SyntaxError: expected ':'
# line: 4
x = 5
if x > 1
    print("big")
