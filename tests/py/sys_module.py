# sys module: argv, recursion limit, stdout.write/flush, exit via SystemExit.
import sys
print(type(sys.argv).__name__, len(sys.argv), len(sys.argv) >= 1)
print(sys.argv[0].endswith("sys_module.py"))
print(all(isinstance(a, str) for a in sys.argv))
old = sys.getrecursionlimit()
print("default limit", old)
sys.setrecursionlimit(2500)
print("new limit", sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print("depth 2000 ok:", depth(2000))
sys.setrecursionlimit(old)
print("restored", sys.getrecursionlimit() == old)
n = sys.stdout.write("written with sys.stdout.write\n")
print("write returned", n)
sys.stdout.write("no newline;")
sys.stdout.write(" same line\n")
sys.stdout.flush()
parts = ["a", "b", "c"]
for p in parts:
    sys.stdout.write(p)
sys.stdout.write("\n")
print(sys.stdout.write(""), sys.stdout.write("xyz\n"))
print("to", "stdout", file=sys.stdout)
try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit code", e.code, type(e).__name__)
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit code", e.code)
try:
    sys.exit("a message")
except SystemExit as e:
    print("caught SystemExit with message:", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("sys.exit() code is", e.code)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
try:
    try:
        sys.exit(3)
    except Exception:
        print("not reached: SystemExit is not an Exception")
except SystemExit as e:
    print("SystemExit escaped 'except Exception', code", e.code)
def deep_raise():
    sys.exit(42)
try:
    deep_raise()
except SystemExit as e:
    print("from function:", e.code)
finally:
    print("finally after SystemExit")
print(sys.version_info[0], sys.version_info >= (3, 0))
print("sys" in sys.modules, "__main__" in sys.modules)
print(sys.getrecursionlimit() >= 1000)
lines = []
for i in range(3):
    lines.append("line %d\n" % i)
sys.stdout.write("".join(lines))
print(end="")
print("end of sys test", flush=True)
