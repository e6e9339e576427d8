# expect: SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
# line: 6
def f():
    return 1

f() = 3
