# expect: SyntaxError: nonlocal declaration not allowed at module level
# line: 3
nonlocal counter
counter = 0
print(counter)
