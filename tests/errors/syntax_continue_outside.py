# expect: SyntaxError: 'continue' not properly in loop
# line: 4
def f():
    continue
f()
