# expect: SyntaxError: '(' was never closed
# line: 1
# A SyntaxError raised by exec() shows the frames that called exec, then the place in
# the executed string as `File "<string>", line 1` with its line and caret.
def load(snippet):
    exec(snippet)


load("total = (1 +\n")
