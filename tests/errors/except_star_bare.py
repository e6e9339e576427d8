# expect: SyntaxError: expected one or more exception types
# line: 5
try:
    pass
except*:
    pass
