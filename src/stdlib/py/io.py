"""gilsim's io: `open` (files on disk in real runs, in the run's memory in simulated ones,
writes confined to the sandbox; see src/stdlib/files.rs), the text and buffered file
objects CPython's `open` returns, `StringIO` and `BytesIO`. The bytes move through the
native `_gilsim_io`, whose system calls release the GIL; the layers above mirror CPython's
Lib/_pyio.py with C's messages (Modules/_io)."""

import _gilsim_io
import _gilsim_stub

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    """What every stream has: closing, `with`, iteration over lines."""

    _closed_message = "I/O operation on closed file."

    def _check_closed(self):
        if self.closed:
            raise ValueError(self._closed_message)

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)

    def readable(self):
        self._check_closed()
        return False

    def writable(self):
        self._check_closed()
        return False

    def seekable(self):
        self._check_closed()
        return True

    def isatty(self):
        self._check_closed()
        return False

    def flush(self):
        self._check_closed()

    def fileno(self):
        raise UnsupportedOperation("fileno")


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


class _File(IOBase):
    """A file `open` returned: a raw file of `_gilsim_io` and the modes it allows."""

    def __init__(self, raw, name, mode, readable, writable):
        self._raw = raw
        self.name = name
        self.mode = mode
        self._readable = readable
        self._writable = writable
        self.closed = False

    def readable(self):
        self._check_closed()
        return self._readable

    def writable(self):
        self._check_closed()
        return self._writable

    def flush(self):
        self._check_closed()
        _gilsim_io.flush(self._raw)

    def close(self):
        if not self.closed:
            self.closed = True
            _gilsim_io.close(self._raw)

    def tell(self):
        self._check_closed()
        return _gilsim_io.tell(self._raw)

    def truncate(self, size=None):
        self._check_closed()
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")
        return _gilsim_io.truncate(self._raw, size)

    def fileno(self):
        raise NotImplementedError("fileno() of a file is not supported by gilsim")


class TextIOWrapper(_File, TextIOBase):
    """A text file: str in and out, decoded with its encoding, universal newlines."""

    __module__ = "_io"

    def __init__(self, raw, name, mode, readable, writable, encoding, errors, newline):
        _File.__init__(self, raw, name, mode, readable, writable)
        self.encoding = encoding
        self.errors = errors
        self._newline = newline
        self.line_buffering = False
        self.newlines = None
        # UTF-8 without newline translation on write: the native fast paths apply.
        utf8 = encoding.lower().replace("_", "-") in ("utf-8", "utf8") and self.errors == "strict"
        self._fast_read = utf8 and newline is None
        self._fast_write = utf8 and newline in (None, "", "\n")

    def __repr__(self):
        return f"<_io.TextIOWrapper name={self.name!r} mode={self.mode!r} encoding={self.encoding!r}>"

    def _decode(self, data):
        text = data.decode(self.encoding, self.errors)
        if self._newline is None:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def _check_readable(self):
        self._check_closed()
        if not self._readable:
            raise UnsupportedOperation("not readable")

    def read(self, size=-1):
        self._check_readable()
        if size is None or size < 0:
            return self._decode(_gilsim_io.read(self._raw, -1))
        text = ""
        while len(text) < size:
            data = _gilsim_io.read(self._raw, size - len(text))
            if not data:
                break
            # A UTF-8 character cut at the end: read the rest of its bytes.
            i = len(data) - 1
            while i > 0 and len(data) - i < 4 and 0x80 <= data[i] < 0xC0:
                i -= 1
            lead = data[i]
            need = 4 if lead >= 0xF0 else 3 if lead >= 0xE0 else 2 if lead >= 0xC0 else 1
            if need > len(data) - i:
                data += _gilsim_io.read(self._raw, need - (len(data) - i))
            text += self._decode(data)
        return text

    def readline(self, size=-1):
        if self.closed or not self._readable:
            self._check_readable()
        if size is not None and size >= 0:
            # A limit counts characters: the rare case, taken one character at a time.
            line = ""
            while len(line) < size and not line.endswith("\n"):
                c = self.read(1)
                if not c:
                    break
                line += c
            return line
        if self._fast_read:
            line = _gilsim_io.readline_text(self._raw, -1)
            return line if type(line) is str else self._decode(line)
        return self._decode(_gilsim_io.readline(self._raw, -1))

    def write(self, s):
        if self.closed:
            raise ValueError(self._closed_message)
        if not self._writable:
            raise UnsupportedOperation("not writable")
        if self._fast_write:
            return _gilsim_io.write_text(self._raw, s)
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        text = s
        if self._newline not in (None, "", "\n"):
            text = text.replace("\n", self._newline)
        _gilsim_io.write(self._raw, text.encode(self.encoding, self.errors))
        return len(s)

    def seek(self, offset, whence=0):
        self._check_closed()
        if whence == 1 and offset != 0:
            raise UnsupportedOperation("can't do nonzero cur-relative seeks")
        if whence == 2 and offset != 0:
            raise UnsupportedOperation("can't do nonzero end-relative seeks")
        return _gilsim_io.seek(self._raw, offset, whence)


class _BufferedFile(_File, BufferedIOBase):
    """A binary file: bytes in and out."""

    __module__ = "_io"

    def __repr__(self):
        return f"<_io.{type(self).__name__} name={self.name!r}>"

    def _check_readable(self, what):
        if self.closed:
            raise ValueError(f"{what} of closed file")
        if not self._readable:
            raise UnsupportedOperation(what)

    def read(self, size=-1):
        self._check_readable("read")
        return _gilsim_io.read(self._raw, -1 if size is None else size)

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        self._check_readable("readline")
        return _gilsim_io.readline(self._raw, -1 if size is None else size)

    def write(self, b):
        if self.closed:
            raise ValueError("write to closed file")
        if not self._writable:
            raise UnsupportedOperation("write")
        if not isinstance(b, bytes):
            raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")
        return _gilsim_io.write(self._raw, b)

    def seek(self, offset, whence=0):
        self._check_closed()
        return _gilsim_io.seek(self._raw, offset, whence)


class BufferedReader(_BufferedFile):
    __module__ = "_io"


class BufferedWriter(_BufferedFile):
    __module__ = "_io"


class BufferedRandom(_BufferedFile):
    __module__ = "_io"


def _parse_mode(mode):
    """The flags of a mode string, with the errors of CPython's `_io.open`."""
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    seen = set()
    for c in mode:
        if c not in "rwaxbt+" or c in seen:
            raise ValueError(f"invalid mode: {mode!r}")
        seen.add(c)
    kinds = [c for c in "rwax" if c in seen]
    if "t" in seen and "b" in seen:
        raise ValueError("can't have text and binary mode at once")
    if len(kinds) > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not kinds:
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    return kinds[0], "+" in seen, "b" in seen


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    """Opens a file as CPython's `open` does; see the module's docstring for where it goes."""
    if isinstance(file, int) and not isinstance(file, bool):
        raise NotImplementedError("open() of a file descriptor is not supported by gilsim")
    if isinstance(file, bytes):
        file = file.decode()
    if not isinstance(file, str):
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(file).__name__}")
    if opener is not None:
        raise NotImplementedError("open(opener=...) is not supported by gilsim")
    kind, plus, binary = _parse_mode(mode)
    if binary:
        for value, what in ((encoding, "an encoding"), (errors, "an errors"),
                            (newline, "a newline")):
            if value is not None:
                raise ValueError(f"binary mode doesn't take {what} argument")
    elif buffering == 0:
        raise ValueError("can't have unbuffered text I/O")
    if newline not in (None, "", "\n", "\r", "\r\n"):
        if not isinstance(newline, str):
            raise TypeError(f"open() argument 'newline' must be str or None, not {type(newline).__name__}")
        raise ValueError(f"illegal newline value: {newline}")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"open() argument 'encoding' must be str or None, not {type(encoding).__name__}")
    readable = kind == "r" or plus
    writable = kind != "r" or plus
    raw = _gilsim_io.open(file, readable, writable, kind == "a", kind != "r", kind == "w",
                          kind == "x")
    if not binary:
        return TextIOWrapper(raw, file, mode, readable, writable, encoding or "UTF-8",
                             errors or "strict", newline)
    if kind == "x":
        raw_mode = "xb+" if plus else "xb"
    elif kind == "a":
        raw_mode = "ab+" if plus else "ab"
    elif plus:
        raw_mode = "rb+"
    else:
        raw_mode = "rb" if kind == "r" else "wb"
    cls = BufferedRandom if plus else BufferedReader if kind == "r" else BufferedWriter
    return cls(raw, file, raw_mode, readable, writable)


class _MemoryStream:
    """What StringIO and BytesIO share: a value (str or bytes) read from a position."""

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def tell(self):
        self._check_closed()
        return self._pos

    def read(self, size=-1):
        self._check_closed()
        value = self._value()
        end = len(value) if size is None or size < 0 else min(len(value), self._pos + size)
        start = min(self._pos, len(value))
        self._pos = max(self._pos, end)
        return value[start:end]

    def readline(self, size=-1):
        self._check_closed()
        value = self._value()
        start = min(self._pos, len(value))
        end = self._find_newline(value, start)
        end = len(value) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return value[start:end]


class StringIO(_MemoryStream, TextIOBase):
    """An in-memory text stream (Modules/_io/stringio.c), with its messages."""

    __module__ = "_io"

    _closed_message = "I/O operation on closed file"

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._chunks = [initial_value]
        self._size = len(initial_value)
        self._pos = 0
        self.closed = False

    def _value(self):
        if len(self._chunks) > 1:
            self._chunks = ["".join(self._chunks)]
        return self._chunks[0]

    def _find_newline(self, text, start):
        return text.find("\n", start)

    def getvalue(self):
        self._check_closed()
        return self._value()

    def write(self, s):
        if self.closed:
            raise ValueError(self._closed_message)
        if type(s) is not str and not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        if self._pos == self._size:
            # Appending, the common case (print(file=buf)): no copy of the text so far.
            self._chunks.append(s)
            self._pos += len(s)
            self._size = self._pos
            return len(s)
        else:
            text = self._value()
            if self._pos > len(text):
                text += "\0" * (self._pos - len(text))
            self._chunks = [text[:self._pos] + s + text[self._pos + len(s):]]
        self._pos += len(s)
        self._size = max(self._size, self._pos)
        return len(s)

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0 and pos < 0:
            raise ValueError(f"Negative seek position {pos}")
        if whence not in (0, 1, 2):
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        if whence != 0 and pos != 0:
            raise OSError(f"Can't do nonzero {'cur' if whence == 1 else 'end'}-relative seeks")
        if whence == 2:
            pos = self._size
        elif whence == 1:
            pos = self._pos
        self._pos = pos
        return pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        self._chunks = [self._value()[:size]]
        self._size = len(self._chunks[0])
        return size

    def close(self):
        self.closed = True
        self._chunks = [""]
        self._size = 0


class BytesIO(_MemoryStream, BufferedIOBase):
    """An in-memory binary stream (Modules/_io/bytesio.c)."""

    __module__ = "_io"

    def __init__(self, initial_bytes=b""):
        if initial_bytes is None:
            initial_bytes = b""
        if not isinstance(initial_bytes, bytes):
            raise TypeError(f"a bytes-like object is required, not '{type(initial_bytes).__name__}'")
        self._data = initial_bytes
        self._pos = 0
        self.closed = False

    def _value(self):
        return self._data

    def _find_newline(self, data, start):
        return _gilsim_io.find_newline(data, start)

    def getvalue(self):
        self._check_closed()
        return self._data

    def write(self, b):
        self._check_closed()
        if not isinstance(b, bytes):
            raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")
        data = self._data
        if self._pos > len(data):
            data += bytes(self._pos - len(data))
        self._data = data[:self._pos] + b + data[self._pos + len(b):]
        self._pos += len(b)
        return len(b)

    def read1(self, size=-1):
        return self.read(size)

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0 and pos < 0:
            raise ValueError(f"negative seek value {pos}")
        if whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._data) + pos)
        elif whence != 0:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        self._pos = pos
        return pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        self._data = self._data[:size]
        return size

    def close(self):
        self.closed = True


_gilsim_stub.define(globals(), "io", [
    "FileIO", "BufferedRWPair", "IncrementalNewlineDecoder", "open_code", "text_encoding",
])
del _gilsim_stub
