# open(): text and binary files, read/write/append/r+, lines, print(file=f), errors.
import os
name = "gilsim_io_files.tmp"
with open(name, "w") as f:
    for i in range(3):
        print("line", i, file=f)
    f.writelines(["a\n", "b\n"])
    print(f.tell())
with open(name) as f:
    for line in f:
        print(repr(line))
with open(name, "a", encoding="utf-8") as f:
    f.write("héllo\r\nend")
with open(name) as f:
    print(f.read(3), f.readline(), f.readlines())
with open(name, "rb") as f:
    data = f.read()
    print(data[-12:], len(data), f.tell())
    f.seek(0)
    print(f.readline(), f.read(4))
with open(name, "r+") as f:
    f.write("LINE")
    f.seek(0)
    print(f.readline())
with open(name, "wb") as f:
    f.write(b"\x00\x01binary\n")
with open(name, "rb") as f:
    print(f.read())
f = open(name, "w")
f.write("not closed\n")
del f
print(open(name).read())
os.remove(name)
try:
    os.remove(name)
except FileNotFoundError as e:
    print(e)
try:
    open(name)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)

import threading

def report(n):
    with open(f"gilsim_io_thread{n}.tmp", "w") as out:
        for i in range(200):
            out.write(f"thread {n} row {i}\n")

workers = [threading.Thread(target=report, args=(n,)) for n in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
for n in range(3):
    with open(f"gilsim_io_thread{n}.tmp") as f:
        rows = f.readlines()
    print(n, len(rows), rows[-1].strip())
    os.unlink(f"gilsim_io_thread{n}.tmp")

f = open(name, "x")
print(f.name, f.mode, f.closed, f.readable(), f.writable(), repr(f))
f.close()
print(f.closed)
for call in (lambda: f.write("x"), f.read, f.readline, lambda: f.seek(0)):
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
for mode in ("x", "rw", "rbt", "z"):
    try:
        open(name, mode)
    except (OSError, ValueError) as e:
        print(type(e).__name__ + ":", e)
with open(name, "rb") as f:
    print(repr(f), f.mode)
    for call in (lambda: f.write(b"x"),):
        try:
            call()
        except OSError as e:
            print(type(e).__name__ + ":", e)
with open(name) as f:
    try:
        f.write("x")
    except OSError as e:
        print(type(e).__name__ + ":", e)
    try:
        f.seek(1, 1)
    except OSError as e:
        print(type(e).__name__ + ":", e)
with open(name, "w") as f:
    try:
        f.read()
    except OSError as e:
        print(type(e).__name__ + ":", e)
    try:
        f.write(b"bytes")
    except TypeError as e:
        print("TypeError:", e)
for args in [(".",), (".", "w"), ([name],), (name, "rb", -1, "utf-8")]:
    try:
        open(*args)
    except (OSError, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
os.remove(name)
e = OSError(2, "No such file or directory", "gone.txt")
print(type(e).__name__, e, e.args, e.errno, e.filename)
e = OSError(13, "Permission denied")
print(type(e).__name__, e, e.filename, OSError("plain").errno, str(OSError(1, 2, 3, 4, 5)))
with open(name, "w", newline="\r\n") as f:
    f.write("dos\nlines\n")
with open(name, "rb") as f:
    print(f.read())
with open(name, newline="") as f:
    print(f.readlines())
with open(name) as f:
    print(f.readlines(), f.read(), f.readline())
with open(name, "w", encoding="utf-8") as f:
    f.write("ünïcödé ✓\n" * 3)
with open(name, encoding="utf-8") as f:
    print(f.read(4), f.read(5), f.readline(), f.readline(3), repr(f.read()))
os.remove(name)
