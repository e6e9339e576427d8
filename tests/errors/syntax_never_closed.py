# expect: SyntaxError: '(' was never closed
# line: 6
def f(a, b):
    return a + b

result = f(1,
           2
print(result)
