"""os.path: CPython's posixpath (Lib/posixpath.py and Lib/genericpath.py) for str paths.
The queries (exists, isdir, getsize, ...) go through os.stat, so a simulated run sees the
files and directories it made in memory. Bytes paths are refused by name."""

import os
import _gilsim_os
import _gilsim_stub

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
altsep = None
pathsep = ":"
defpath = "/bin:/usr/bin"
devnull = "/dev/null"
supports_unicode_filenames = False


def _check_arg_types(funcname, *args):
    # genericpath._check_arg_types: the TypeError of a join() of a non-path.
    for s in args:
        if not isinstance(s, str):
            raise TypeError(f"{funcname}() argument must be str, bytes, or "
                            f"os.PathLike object, not {s.__class__.__name__!r}") from None


def normcase(s):
    """Normalizes a path's case: nothing to do on POSIX."""
    return os.fspath(s)


def isabs(s):
    """Whether a path is absolute."""
    s = os.fspath(s)
    return s.startswith(sep)


def join(a, *p):
    """Joins path components, a later absolute one discarding what came before."""
    a = os.fspath(a)
    path = a
    try:
        if not p:
            path[:0] + sep
        for b in map(os.fspath, p):
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError):
        _check_arg_types("join", a, *p)
        raise
    return path


def split(p):
    """(head, tail): tail is everything after the last slash."""
    p = os.fspath(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    """(root, ext): ext is the last dot and what follows it, leading dots ignored."""
    p = os.fspath(p)
    sep_index = p.rfind(sep)
    dot_index = p.rfind(extsep)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != extsep:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    """('', p): POSIX has no drives."""
    p = os.fspath(p)
    return p[:0], p


def basename(p):
    """The final component of a path."""
    p = os.fspath(p)
    i = p.rfind(sep) + 1
    return p[i:]


def dirname(p):
    """The directory component of a path."""
    p = os.fspath(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def normpath(path):
    """Collapses redundant separators and up-level references (A//B, A/./B, A/foo/../B)."""
    path = os.fspath(path)
    if path == "":
        return curdir
    initial_slashes = 1 if path.startswith(sep) else 0
    # POSIX allows one or two initial slashes, but treats three or more as one.
    if initial_slashes and path.startswith(sep * 2) and not path.startswith(sep * 3):
        initial_slashes = 2
    new_comps = []
    for comp in path.split(sep):
        if comp in ("", curdir):
            continue
        if (comp != pardir or (not initial_slashes and not new_comps)
                or (new_comps and new_comps[-1] == pardir)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = sep.join(new_comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or curdir


def abspath(path):
    """The absolute, normalized path."""
    path = os.fspath(path)
    if not isabs(path):
        path = join(os.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The canonical path: symbolic links that exist resolved."""
    filename = os.fspath(filename)
    if strict:
        os.stat(filename)
    return _gilsim_os.realpath(filename)


def expanduser(path):
    """~ and ~/... replaced by $HOME (~user is refused: gilsim reads no password file)."""
    path = os.fspath(path)
    if not path.startswith("~"):
        return path
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        raise NotImplementedError("os.path.expanduser('~user') is not supported by gilsim")
    if "HOME" not in os.environ:
        return path
    userhome = os.environ["HOME"].rstrip(sep)
    return (userhome + path[i:]) or sep


def expandvars(path):
    """$name and ${name} replaced by the environment's values (unknown ones kept)."""
    path = os.fspath(path)
    if "$" not in path:
        return path
    import re
    search = re.compile(r"\$([A-Za-z0-9_]+|\{[^}]*\})").search
    i = 0
    while True:
        m = search(path, i)
        if not m:
            break
        i, j = m.span(0)
        name = m.group(1)
        if name.startswith("{") and name.endswith("}"):
            name = name[1:-1]
        try:
            value = os.environ[name]
        except KeyError:
            i = j
        else:
            tail = path[j:]
            path = path[:i] + value
            i = len(path)
            path += tail
    return path


def commonprefix(m):
    """The longest prefix (character by character) of all the paths in a list."""
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    """The longest common sub-path of a sequence of paths."""
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = tuple(map(os.fspath, paths))
    try:
        split_paths = [path.split(sep) for path in paths]
        try:
            isabs, = set(p[:1] == sep for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep if isabs else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        _check_arg_types("commonpath", *paths)
        raise


def relpath(path, start=None):
    """`path` relative to `start` (the current directory by default)."""
    if not path:
        raise ValueError("no path specified")
    path = os.fspath(path)
    start = curdir if start is None else os.fspath(start)
    try:
        start_list = [x for x in abspath(start).split(sep) if x]
        path_list = [x for x in abspath(path).split(sep) if x]
        i = len(commonprefix([start_list, path_list]))
        rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
        if not rel_list:
            return curdir
        return join(*rel_list)
    except (TypeError, AttributeError):
        _check_arg_types("relpath", path, start)
        raise


def exists(path):
    """Whether a path exists (False for a broken symbolic link)."""
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    """Whether a path exists (True for a broken symbolic link)."""
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def isfile(path):
    """Whether a path is a regular file (following symbolic links)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    return st.st_mode & 0o170000 == 0o100000


def isdir(s):
    """Whether a path is a directory (following symbolic links)."""
    try:
        st = os.stat(s)
    except (OSError, ValueError):
        return False
    return st.st_mode & 0o170000 == 0o040000


def islink(path):
    """Whether a path is a symbolic link."""
    try:
        st = os.lstat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return st.st_mode & 0o170000 == 0o120000


def getsize(filename):
    """The size of a file, in bytes."""
    return os.stat(filename).st_size


def getmtime(filename):
    """The last modification time of a file (seconds since the epoch)."""
    return os.stat(filename).st_mtime


def getatime(filename):
    """The last access time of a file."""
    return os.stat(filename).st_atime


def getctime(filename):
    """The metadata change time of a file."""
    return os.stat(filename).st_ctime


def samefile(f1, f2):
    """Whether two paths name the same file."""
    s1 = os.stat(f1)
    s2 = os.stat(f2)
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


_gilsim_stub.define(globals(), "os.path", ["ismount", "samestat", "sameopenfile", "isjunction",
                                           "splitroot", "isdevdrive"])
del _gilsim_stub
