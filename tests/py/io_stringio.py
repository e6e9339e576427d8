# io.StringIO and io.BytesIO: writing, reading, seeking, print(file=...), lines, closing.
import io
import contextlib

buf = io.StringIO()
print("hello", "world", file=buf)
print(1, 2, 3, sep="-", end="!\n", file=buf)
buf.write("no newline")
print(repr(buf.getvalue()))
print(buf.tell(), buf.seek(0), buf.read(5), buf.tell())
print(repr(buf.readline()), repr(buf.readline()))
buf.seek(0)
print(buf.readlines())
buf.seek(0)
print([line.rstrip() for line in buf])
print(buf.seek(0, 2), buf.write(" more"), buf.getvalue()[-10:])
buf.seek(3)
buf.write("P")
print(buf.getvalue()[:8], buf.truncate(5), repr(buf.getvalue()))
print(buf.readable(), buf.writable(), buf.seekable(), buf.closed)

with io.StringIO("first\nsecond\nthird") as s:
    print(s.read(3), repr(s.readline()), repr(s.readline(3)), repr(s.read()))
    print(repr(s.read()), repr(s.readline()))
print(s.closed)
for call in (s.read, s.getvalue, lambda: s.write("x"), lambda: s.seek(0)):
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)

out = io.StringIO()
with contextlib.redirect_stdout(out):
    print("captured")
    print("twice")
print(repr(out.getvalue()))

s = io.StringIO()
for bad in (lambda: s.write(3), lambda: io.StringIO(b"x")):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
for bad in (lambda: s.seek(-1), lambda: s.seek(1, 1)):
    try:
        bad()
    except (ValueError, OSError) as e:
        print(type(e).__name__ + ":", e)
print(isinstance(s, io.TextIOBase), isinstance(s, io.IOBase), type(s).__name__)

b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.tell(), b.read(), b.read())
b.seek(0, 2)
print(b.write(b"xyz"), b.getvalue())
b.seek(1)
b.write(b"B")
print(b.getvalue(), list(io.BytesIO(b"1\n2\n3")))
try:
    b.write("text")
except TypeError as e:
    print("TypeError:", e)
b.close()
try:
    b.getvalue()
except ValueError as e:
    print("ValueError:", e)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
