# expect: SyntaxError: 'yield' outside function
# line: 4
items = [1, 2]
yield items
