# SyntaxError objects: the ones exec/eval/compile raise and ones made by hand — their
# attributes, str(), and the "File ..., line N" block with carets a traceback shows.
import traceback


def show(e):
    print(type(e).__name__, e.args)
    print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
    print(str(e))
    print("".join(traceback.format_exception_only(e)), end="")


for source in ["1 +* 2", "x = 1 +* 2   ", "f(**)\n", "if 1:\nx=1\n",
               "for x in range(3) print(x)\n", "def f(:\n    pass\n", "a = 'Ω' +* 1\n"]:
    try:
        exec(source)
    except SyntaxError as e:
        show(e)

try:
    eval("x = 1")
except SyntaxError as e:
    show(e)

# compile(): code objects that exec and eval run, and its errors.
code = compile("a = 5\nb = a * 2\n", "<mine>", "exec")
ns = {}
exec(code, ns)
print(ns["b"], type(code).__name__)
print(eval(compile("3 * 4", "<e>", "eval")))
print(exec(compile("3 * 4", "<e>", "eval")))
print(eval(" 1 + 1\n"), eval("\t2"))
try:
    compile("x", "f", "bogus")
except ValueError as e:
    print("ValueError:", e)
try:
    compile("if x\n    pass\n", "lesson.py", "exec")
except SyntaxError as e:
    # (end_offset is 5 in 3.11, 6 in 3.12 and 3.13)
    print(e.msg, e.filename, e.lineno, e.offset, repr(e.text))
    print("".join(traceback.format_exception_only(e)), end="")
try:
    exec("if 1:\n  x = 1\n    y = 2\n")
except IndentationError as e:
    # No caret: the place falls in the indentation.
    print("".join(traceback.format_exception_only(e)), end="")

# An exception raised inside exec'd code: its frames come from <string>.
try:
    exec("def f():\n    return 1 / 0\nf()")
except ZeroDivisionError:
    lines = traceback.format_exc().splitlines()
    print([l.strip() for l in lines if "<string>" in l])

# Made by hand: the details tuple becomes attributes; a missing line means no place block.
for args in [("m",), ("m", ("f.py", 2, 3, "  abc\n", 2, 5)), ("m", ("f.py", 2, 1, "abc", 2, 3))]:
    show(SyntaxError(*args))
e = SyntaxError("m", ("f.py", 2, 3, "  abc\n"))
print(str(e), e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
for bad in [(1, 2), (1, 2, 3, 4, 5), (1, 2, 3, 4, 5, 6, 7)]:
    try:
        SyntaxError("m", bad)
    except TypeError as e:
        print("TypeError:", e)


class LessonError(SyntaxError):
    pass


try:
    raise LessonError("mine", ("q.py", 7, 2, "foo bar\n", 7, 5))
except SyntaxError as e:
    print(traceback.format_exc().splitlines()[-4:])
try:
    raise SyntaxError("no line", ("q.py", None, None, None))
except SyntaxError as e:
    print(traceback.format_exc().splitlines()[-1])
    print(str(e))
e = IndentationError("unindent", ("w.py", 5, 3, "  y = 2\n", 5, 4))
print(isinstance(e, SyntaxError), e.lineno, "".join(traceback.format_exception_only(e)), end="")
