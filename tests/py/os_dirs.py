# os: directories and files — mkdir, makedirs, listdir, scandir, walk, rename, rmdir,
# remove, stat — and CPython's errors for each.
import os

top = "gilsim_os_dirs.tmpdir"
os.mkdir(top)
print(os.path.isdir(top), os.listdir(top))
os.makedirs(os.path.join(top, "a", "b", "c"))
os.makedirs(os.path.join(top, "a", "b"), exist_ok=True)
for name in ["one.txt", "a/two.txt", "a/b/three.log"]:
    with open(os.path.join(top, name), "w") as f:
        f.write(name * 3)
print(sorted(os.listdir(top)), sorted(os.listdir(os.path.join(top, "a"))))
st = os.stat(os.path.join(top, "one.txt"))
print(st.st_size, st[6], len(st), st.st_mode & 0o170000 == 0o100000, st.st_mtime > 0)
print(os.stat(top).st_mode & 0o170000 == 0o040000, os.path.getsize(os.path.join(top, "a/two.txt")))

for dirpath, dirnames, filenames in sorted(os.walk(top)):
    print(dirpath, sorted(dirnames), sorted(filenames))
print([d for d, _, _ in os.walk(top, topdown=False)][-1] == top)
with os.scandir(top) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(e, e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink())
print(os.fspath(entries[0]))

os.rename(os.path.join(top, "one.txt"), os.path.join(top, "uno.txt"))
os.rename(os.path.join(top, "a"), os.path.join(top, "z"))
print(sorted(os.listdir(top)), open(os.path.join(top, "z/b/three.log")).read())
os.replace(os.path.join(top, "uno.txt"), os.path.join(top, "z/two.txt"))
print(open(os.path.join(top, "z/two.txt")).read(), sorted(os.listdir(top)))
os.renames(os.path.join(top, "z/b/three.log"), os.path.join(top, "n/m/three.log"))
print(sorted(os.listdir(top)), os.listdir(os.path.join(top, "n/m")))


def attempt(what, f, *args):
    try:
        f(*args)
    except OSError as e:
        print(what, type(e).__name__, e.errno, e.strerror, e.filename == args[0],
              e.filename2 is None if len(args) == 1 else e.filename2 == args[1])


missing = os.path.join(top, "missing")
attempt("mkdir existing", os.mkdir, top)
attempt("mkdir missing parent", os.mkdir, os.path.join(missing, "x"))
attempt("makedirs existing", os.makedirs, os.path.join(top, "z"))
attempt("listdir missing", os.listdir, missing)
attempt("listdir file", os.listdir, os.path.join(top, "z/two.txt"))
attempt("rmdir not empty", os.rmdir, os.path.join(top, "z"))
attempt("rmdir missing", os.rmdir, missing)
attempt("rmdir file", os.rmdir, os.path.join(top, "z/two.txt"))
attempt("rename missing", os.rename, missing, os.path.join(top, "q"))
attempt("rename file onto dir", os.rename, os.path.join(top, "z/two.txt"), os.path.join(top, "z/b"))
attempt("stat missing", os.stat, missing)
attempt("remove dir", os.remove, os.path.join(top, "z"))
try:
    os.rmdir(os.path.join(top, "z"))
except OSError as e:
    print(e.__class__.__name__, str(e).replace(top, "TOP"))
try:
    os.rename(missing, "elsewhere")
except OSError as e:
    print(str(e).replace(top, "TOP"))

for dirpath, dirnames, filenames in os.walk(top, topdown=False):
    for name in filenames:
        os.remove(os.path.join(dirpath, name))
    for name in dirnames:
        os.rmdir(os.path.join(dirpath, name))
os.rmdir(top)
print(os.path.exists(top), list(os.walk(top)))
errors = []
list(os.walk(top, onerror=errors.append))
print([type(e).__name__ for e in errors])
