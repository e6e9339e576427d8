# expect: SyntaxError: invalid syntax
# line: 5
x = 3
print(x)
else:
    print("no if")
