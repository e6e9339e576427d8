# os.path: pure path arithmetic (posixpath) and the queries that ask the file system.
import os
import os.path
from os.path import join, split, splitext, basename, dirname, normpath, isabs, relpath

print(os.path is os.path, os.sep, os.path.sep, os.linesep == "\n", os.devnull, os.name)
print(os.curdir, os.pardir, os.extsep, os.pathsep, os.altsep)
print(join("a", "b", "c.txt"), join("/a", "/b"), join("a/", "b"), join("", "x"), join("a", ""))
for p in ["a/b/c.txt", "/a", "/", "a", "", "a/b/", "//a//b//", "/a/b/../c"]:
    print(repr(p), split(p), basename(p), repr(dirname(p)), normpath(p), isabs(p))
for p in ["x.tar.gz", ".bashrc", "a/.b", "a.b/c", "...x", "noext", "a/b.", "dir.d/"]:
    print(repr(p), splitext(p))
for p in ["a//b", "a/./b", "a/b/..", "../../x", "/../x", "///a", "//a", ".", "a/../.."]:
    print(repr(p), repr(normpath(p)))
print(relpath("a/b/c", "a"), relpath("a", "a/b/c"), relpath("/x/y", "/x/z/w"), relpath("q"))
print(os.path.commonprefix(["interstellar", "internet", "interval"]))
print(os.path.commonpath(["/usr/lib", "/usr/local/lib"]), os.path.commonpath(["a/b", "a/c/d"]))
print(os.path.abspath("x") == join(os.getcwd(), "x"), os.path.abspath("/a/./b/../c"))
print(os.path.isabs(os.getcwd()), os.path.realpath("/") , os.path.normcase("A/b"))
print(os.path.expanduser("~/x") == os.environ["HOME"] + "/x", os.path.expanduser("a~"))
os.environ["GILSIM_T"] = "v"
print(os.path.expandvars("$GILSIM_T/${GILSIM_T}/$NOPE_GILSIM/x"), os.getenv("GILSIM_T"))
print(os.getenv("NOPE_GILSIM"), os.getenv("NOPE_GILSIM", "dflt"))
print(os.path.splitdrive("/a/b"), os.fspath("p"))

class P:
    def __fspath__(self):
        return "from/fspath.txt"

print(os.fspath(P()), basename(P()), join(P(), "x"), isinstance(P(), os.PathLike))
for bad in [lambda: join("a", 1), lambda: join(1), lambda: os.fspath(3.5),
            lambda: os.path.commonpath([]), lambda: relpath(""),
            lambda: os.path.commonpath(["/a", "b"]), lambda: os.stat(3.5), lambda: os.mkdir(None),
            lambda: os.rename("a", 2)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

here = os.path.dirname(os.path.abspath(__file__))
me = os.path.join(here, "os_path.py")
print(os.path.exists(me), os.path.isfile(me), os.path.isdir(me), os.path.isdir(here))
print(os.path.exists(me + ".nope"), os.path.isfile(here), os.path.islink(me))
print(os.path.getsize(me) == len(open(me, "rb").read()), os.path.getmtime(me) > 0)
print(os.path.samefile(me, here + "/../py/os_path.py"), os.path.lexists(me))
try:
    os.path.getsize(me + ".nope")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, basename(e.filename))
