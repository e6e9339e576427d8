# expect: SyntaxError: closing parenthesis ')' does not match opening parenthesis '['
# line: 3
data = [1, 2, 3)
print(data)
