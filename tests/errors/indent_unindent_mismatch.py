# expect: IndentationError: unindent does not match any outer indentation level
# line: 7
def f():
        x = 1
        if x:
            return x
    return 0
print(f())
