# expect: SyntaxError: unmatched ')'
# line: 4
values = [1, 2, 3]
total = sum(values))
print(total)
