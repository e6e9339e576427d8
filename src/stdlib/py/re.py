"""re: regular expressions (gilsim's own: this module is Python after the API of CPython's
Lib/re/, the matching is the `regex` crate's, through _gilsim_re). Patterns the crate cannot
run — backreferences, lookahead and lookbehind, conditionals, atomic groups, possessive
quantifiers — raise NotImplementedError naming the feature; bytes patterns likewise."""

import _gilsim_re
import _gilsim_stub

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
           "compile", "purge", "escape", "error", "Pattern", "Match", "A", "I", "L", "M",
           "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
           "UNICODE", "NOFLAG", "RegexFlag"]


class RegexFlag(int):
    """A flag value that prints as CPython's (re.IGNORECASE|re.MULTILINE)."""

    def __repr__(self):
        value = int(self)
        names = []
        for bit, name in _FLAG_NAMES:
            if value & bit:
                names.append("re." + name)
                value &= ~bit
        if value or not names:
            names.append(hex(value) if names else "re.NOFLAG" if not value else hex(value))
        return "|".join(names)

    __str__ = __repr__

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__


_FLAG_NAMES = [(256, "ASCII"), (2, "IGNORECASE"), (4, "LOCALE"), (32, "UNICODE"),
               (8, "MULTILINE"), (16, "DOTALL"), (64, "VERBOSE"), (128, "DEBUG")]
NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)


class error(Exception):
    """A pattern that is not a valid regular expression: `msg`, `pattern`, `pos`."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            self.lineno = pattern.count("\n", 0, pos) + 1
            self.colno = pos - pattern.rfind("\n", 0, pos)
            if "\n" in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


error.__module__ = "re"


def _flags_value(flags):
    if not isinstance(flags, int):
        raise TypeError("flags must be an int")
    return int(flags)


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        if isinstance(pattern, bytes):
            raise NotImplementedError("re: bytes patterns are not supported by gilsim")
        if not isinstance(pattern, str):
            raise TypeError("first argument must be string or compiled pattern")
        result = _gilsim_re.compile(pattern, flags)
        if len(result) == 2:
            msg, pos = result
            if pos is not None:
                # The translator's messages end in "at position N", as sre's str() does.
                raise error(msg.rsplit(" at position ", 1)[0], pattern, pos)
            raise error(msg, pattern, None)
        self._engine, self.groups, self.groupindex = result
        self.pattern = pattern
        self.flags = RegexFlag(flags | 32)

    def __repr__(self):
        text = repr(self.pattern)
        flags = int(self.flags) & ~32
        if flags:
            return "re.compile(%s, %r)" % (text, RegexFlag(flags))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, int(self.flags)))

    def _run(self, string, pos, endpos, mode, must_advance=False):
        if not isinstance(string, str):
            if isinstance(string, bytes):
                raise TypeError("cannot use a string pattern on a bytes-like object")
            raise TypeError("expected string or bytes-like object, got '%s'"
                            % type(string).__name__)
        n = len(string)
        if pos < 0:
            pos = 0
        if endpos is None or endpos > n:
            endpos = n
        spans = _gilsim_re.search(self._engine, string, pos, endpos, mode, must_advance)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        # Lib/re and _sre: after an empty match the next one may not be empty at the same
        # place; after a non-empty one it may.
        must_advance = False
        while True:
            m = self._run(string, pos, endpos, 0, must_advance)
            if m is None:
                return
            yield m
            start, end = m.span()
            pos = end
            must_advance = start == end

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m.group(1) or "")
            else:
                out.append(tuple(g or "" for g in m.groups()))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            start, end = m.span()
            out.append(string[last:start])
            out.extend(m.groups())
            last = end
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            expand = repl
        else:
            template = _parse_template(repl, self)
            expand = lambda m: _expand(template, m)
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            start, end = m.span()
            out.append(string[last:start])
            piece = expand(m)
            if not isinstance(piece, str):
                raise TypeError("expected str instance, %s found" % type(piece).__name__)
            out.append(piece)
            last = end
            n += 1
        out.append(string[last:])
        return "".join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError("re.Pattern.scanner is not supported by gilsim")


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b",
            "\\": "\\"}


def _parse_template(repl, pattern):
    """A replacement string as literal pieces and group numbers (Lib/re/_parser.py's
    parse_template): \\1, \\g<1>, \\g<name>, and the usual character escapes."""
    if not isinstance(repl, str):
        raise TypeError("expected str instance, %s found" % type(repl).__name__)
    pieces = []
    literal = []
    i = 0
    n = len(repl)
    while i < n:
        c = repl[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error("bad escape (end of pattern)", repl, i)
        c = repl[i + 1]
        if c == "g":
            close = repl.find(">", i + 3)
            if i + 2 >= n or repl[i + 2] != "<":
                raise error("missing <", repl, i + 2)
            if close < 0:
                raise error("missing group name", repl, i + 3) if i + 3 >= n else \
                    error("missing >, unterminated name", repl, i + 3)
            name = repl[i + 3:close]
            if not name:
                raise error("missing group name", repl, i + 3)
            if name.isdigit():
                index = int(name)
                if index > pattern.groups:
                    raise error("invalid group reference %d" % index, repl, i + 3)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                index = pattern.groupindex[name]
            else:
                raise error("bad character in group name '%s'" % name, repl, i + 3)
            pieces.append("".join(literal))
            literal = []
            pieces.append(index)
            i = close + 1
        elif c.isdigit():
            j = i + 1
            if c == "0":
                # \0 and \0oo: an octal character.
                k = j + 1
                while k < n and k < j + 3 and repl[k] in "01234567":
                    k += 1
                literal.append(chr(int(repl[j:k], 8)))
                i = k
                continue
            k = j
            while k < n and k < j + 2 and repl[k].isdigit():
                k += 1
            index = int(repl[j:k])
            if index > pattern.groups:
                raise error("invalid group reference %d" % index, repl, j)
            pieces.append("".join(literal))
            literal = []
            pieces.append(index)
            i = k
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
            i += 2
        elif c.isascii() and c.isalpha():
            raise error("bad escape \\%s" % c, repl, i)
        else:
            literal.append("\\" + c)
            i += 2
    pieces.append("".join(literal))
    return pieces


def _expand(template, m):
    out = []
    for piece in template:
        if isinstance(piece, int):
            out.append(m.group(piece) or "")
        else:
            out.append(piece)
    return "".join(out)


class Match:
    """The result of a successful match: the groups' text and spans."""

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans

    def _index(self, group):
        if isinstance(group, int) and not isinstance(group, bool):
            if 0 <= group <= self.re.groups:
                return group
        elif isinstance(group, str):
            index = self.re.groupindex.get(group)
            if index is not None:
                return index
        raise IndexError("no such group")

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def _text(self, i, default=None):
        start = self._spans[2 * i]
        if start < 0:
            return default
        return self.string[start:self._spans[2 * i + 1]]

    def group(self, *groups):
        if not groups:
            return self._text(0)
        if len(groups) == 1:
            return self._text(self._index(groups[0]))
        return tuple(self._text(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._text(self._index(group))

    def groups(self, default=None):
        return tuple(self._text(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._text(i, default) for name, i in self.re.groupindex.items()}

    def expand(self, template):
        return _expand(_parse_template(template, self.re), self)

    @property
    def lastindex(self):
        # _sre: the group that closed last, i.e. the matched group ending furthest right,
        # the outermost of those ending together.
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            start, end = self._spans[2 * i], self._spans[2 * i + 1]
            if start >= 0 and end > best_end:
                best, best_end = i, end
        return best

    @property
    def lastgroup(self):
        index = self.lastindex
        for name, i in self.re.groupindex.items():
            if i == index:
                return name
        return None

    @property
    def regs(self):
        return tuple(self.span(i) for i in range(self.re.groups + 1))

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    flags = _flags_value(flags)
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    """Compiles a pattern into a Pattern object."""
    return _compile(pattern, flags)


def search(pattern, string, flags=0):
    """The first match anywhere in `string`, or None."""
    return _compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    """A match at the start of `string`, or None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """A match of all of `string`, or None."""
    return _compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    """Every non-overlapping match: the strings, or the groups."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of Match objects over every non-overlapping match."""
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    """`string` with matches replaced by `repl` (a template or a function of the match)."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """sub(), and how many replacements it made."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """`string` split at the matches (with the groups' text between the pieces)."""
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    """Clears the cache of compiled patterns."""
    _cache.clear()


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    """`pattern` with the characters special in regular expressions backslashed."""
    if isinstance(pattern, bytes):
        raise NotImplementedError("re: bytes patterns are not supported by gilsim")
    return "".join("\\" + c if c in _SPECIAL else c for c in pattern)


_gilsim_stub.define(globals(), "re", ["template", "Scanner"])
del _gilsim_stub
