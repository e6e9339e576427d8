# expect: IndentationError: unexpected indent
# line: 4
a = 1
    b = 2
print(a + b)
