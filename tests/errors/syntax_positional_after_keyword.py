# expect: SyntaxError: positional argument follows keyword argument
# line: 5
def f(a, b):
    return a + b
print(f(a=1, 2))
