# expect: IndentationError: expected an indented block after 'if' statement on line 4
# line: 5
x = 3
if x > 2:
print("x is big")
