# expect: SyntaxError: cannot have both 'except' and 'except*' on the same 'try'
# line: 7
try:
    pass
except ValueError:
    pass
except* TypeError:
    pass
