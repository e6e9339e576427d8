"""The os that lecture scripts and exercises use: pids, the CPU count (the virtual cores in
simulated runs), _exit, the environment, and files and directories (stat, listdir, mkdir,
makedirs, rename, rmdir, remove, walk, scandir) with os.path. Writes stay under gilsim's
sandbox; a simulated run's files and directories live in memory for the run (the calls
are in src/stdlib/osfs.rs). The rest of CPython's os is refused by name."""

import abc as _abc
import _gilsim_io
import _gilsim_os
import _gilsim_process
import _gilsim_stub
import _thread

name = "posix"
sep = "/"
altsep = None
curdir = "."
pardir = ".."
extsep = "."
pathsep = ":"
defpath = "/bin:/usr/bin"
devnull = "/dev/null"
linesep = "\n"
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
error = OSError

# A copy of the environment when os was imported: assigning to it changes what getenv
# returns, not what a subprocess inherits (CPython's os.environ also calls putenv).
environ = dict(_gilsim_os.environ())


def getenv(key, default=None):
    """The environment variable `key`, or `default`."""
    return environ.get(key, default)


class PathLike(_abc.ABC):
    """The abstract base of objects with an __fspath__ method."""

    @_abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        return hasattr(subclass, "__fspath__") or NotImplemented


def fspath(path):
    """The str of a path-like object (Lib/os.py _fspath); bytes paths are refused."""
    if isinstance(path, str):
        return path
    if isinstance(path, bytes):
        raise NotImplementedError("bytes paths are not supported by gilsim")
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, "__fspath__"):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + path_type.__name__) from None
    if isinstance(path_repr, str):
        return path_repr
    raise TypeError(f"expected {path_type.__name__}.__fspath__() to return str or bytes, "
                    f"not {type(path_repr).__name__}")


def _path(fname, path, arg="path", fd=False):
    # Modules/posixmodule.c path_converter: its TypeError names the function and the
    # argument; functions that also take a file descriptor say "or integer".
    if isinstance(path, str):
        return path
    if hasattr(type(path), "__fspath__"):
        return fspath(path)
    if isinstance(path, bytes):
        raise NotImplementedError("bytes paths are not supported by gilsim")
    if fd and isinstance(path, int):
        raise NotImplementedError(f"os.{fname} of a file descriptor is not supported by gilsim")
    kinds = "string, bytes, os.PathLike or integer" if fd else "string, bytes or os.PathLike"
    raise TypeError(f"{fname}: {arg} should be {kinds}, not {type(path).__name__}")


# As CPython's os: the module is posixpath, also known as os.path.
import posixpath as path
import sys as _sys
_sys.modules["os.path"] = path
del _sys


class stat_result:
    """What os.stat returns: st_mode, st_size, st_mtime ... by name or by index."""

    _fields = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
               "st_atime", "st_mtime", "st_ctime")

    def __init__(self, values):
        self._values = tuple(values)
        for field, value in zip(self._fields, values):
            setattr(self, field, value)
        for field in ("st_atime", "st_mtime", "st_ctime"):
            setattr(self, field + "_ns", int(getattr(self, field) * 1e9))

    def __getitem__(self, i):
        # The tuple view has integer times, as CPython's structseq does.
        return tuple(int(v) for v in self._values)[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(tuple(int(v) for v in self._values))

    def __eq__(self, other):
        return isinstance(other, stat_result) and self._values == other._values

    def __repr__(self):
        fields = ", ".join(f"{f}={int(v)}" for f, v in zip(self._fields, self._values))
        return f"os.stat_result({fields})"


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """The status of a file: st_mode, st_size, st_mtime ..."""
    if dir_fd is not None:
        raise NotImplementedError("os.stat(dir_fd=...) is not supported by gilsim")
    path = _path("stat" if follow_symlinks else "lstat", path, fd=follow_symlinks)
    values = _gilsim_os.stat(path) if follow_symlinks else _gilsim_os.lstat(path)
    return stat_result(values)


def lstat(path, *, dir_fd=None):
    """The status of a file, a symbolic link itself rather than what it points to."""
    return stat(path, dir_fd=dir_fd, follow_symlinks=False)


def getcwd():
    """The current directory."""
    return _gilsim_os.getcwd()


def listdir(path="."):
    """The names of the entries of a directory, in the directory's order."""
    if path is None:
        path = "."
    return _gilsim_os.listdir(_path("listdir", path, fd=True))


def mkdir(path, mode=0o777, *, dir_fd=None):
    """Makes a directory (the mode is not applied: gilsim's directories get the default)."""
    if dir_fd is not None:
        raise NotImplementedError("os.mkdir(dir_fd=...) is not supported by gilsim")
    _gilsim_os.mkdir(_path("mkdir", path))


def makedirs(name, mode=0o777, exist_ok=False):
    """Makes a directory and the missing ones above it (Lib/os.py makedirs)."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            # Made by another thread in the meantime.
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        # Cannot rely on checking for EEXIST: the OS may report another error first.
        if not exist_ok or not path.isdir(name):
            raise


def rmdir(path, *, dir_fd=None):
    """Removes an empty directory."""
    if dir_fd is not None:
        raise NotImplementedError("os.rmdir(dir_fd=...) is not supported by gilsim")
    _gilsim_os.rmdir(_path("rmdir", path))


def removedirs(name):
    """Removes a directory and then the empty ones above it (Lib/os.py removedirs)."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    """Renames a file or a directory (a file at dst is replaced)."""
    if src_dir_fd is not None or dst_dir_fd is not None:
        raise NotImplementedError("os.rename(dir_fd=...) is not supported by gilsim")
    _gilsim_os.rename(_path("rename", src, "src"), _path("rename", dst, "dst"))


replace = rename


def renames(old, new):
    """rename, making the directories `new` needs and removing the ones `old` left empty."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    """An entry of os.scandir: its name and path, and whether it is a directory or a file."""

    def __init__(self, directory, name):
        self.name = name
        self.path = path.join(directory, name)
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode & 0o170000
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) == 0o100000

    def is_symlink(self):
        return self._mode(False) == 0o120000

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino


class _ScandirIterator:
    def __init__(self, directory, names):
        self._directory = directory
        self._names = iter(names)

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._directory, next(self._names))

    def close(self):
        self._names = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path="."):
    """An iterator of DirEntry objects for a directory's entries."""
    if path is None:
        path = "."
    directory = _path("scandir", path, fd=True)
    return _ScandirIterator(directory, _gilsim_os.listdir(directory))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """(dirpath, dirnames, filenames) for each directory of a tree (Lib/os.py walk)."""
    return _walk(fspath(top), topdown, onerror, followlinks)


def _walk(top, topdown, onerror, followlinks):
    dirs = []
    nondirs = []
    walk_dirs = []
    try:
        scandir_it = scandir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    with scandir_it:
        for entry in scandir_it:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                walk_into = followlinks or not entry.is_symlink()
                if walk_into:
                    walk_dirs.append(entry.path)
    if topdown:
        yield top, dirs, nondirs
        for dirname in dirs:
            new_path = path.join(top, dirname)
            if followlinks or not path.islink(new_path):
                yield from _walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in walk_dirs:
            yield from _walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def getpid():
    """The calling process's id (per-run numbers in simulated runs)."""
    return _gilsim_process.getpid()


def getppid():
    """The parent process's id."""
    return _gilsim_process.getppid()


# Ends the calling process at once: no finally, no atexit (a child's exit code, or the
# run's exit status in the main process).
_exit = _gilsim_process._exit


def cpu_count():
    """The number of CPUs: the machine's, or the virtual cores of a simulated run."""
    return _thread._cpu_count()


def remove(path):
    """Removes a file (within gilsim's sandbox; a simulated run's removal lasts the run)."""
    _gilsim_io.remove(path)


unlink = remove


_gilsim_stub.define(globals(), "os", [
    "fork", "kill", "waitpid", "wait", "system", "chdir", "fchdir", "getcwdb", "putenv",
    "unsetenv", "urandom", "popen", "execv", "execvp", "execl", "execlp", "spawnv",
    "register_at_fork", "sched_getaffinity", "chmod", "chown", "link", "symlink",
    "readlink", "utime", "truncate", "open", "close", "read", "write", "pipe", "dup",
    "dup2", "fdopen", "fstat", "fsync", "umask", "access", "getuid", "getgid", "geteuid",
    "getlogin", "get_terminal_size", "times", "uname", "nice", "getloadavg", "killpg",
    "setsid", "getpgid", "abort", "statvfs", "mkfifo", "fwalk", "get_exec_path",
    "fsencode", "fsdecode", "strerror", "isatty", "listxattr", "chroot", "startfile",
])
del _gilsim_stub
