"""json: JSON encoding and decoding (gilsim's own, in Python, after CPython's Lib/json/:
the same output for the same options, and the C scanner's error messages, as CPython 3.12
gives them)."""

import _gilsim_json

__all__ = ["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]


class JSONDecodeError(ValueError):
    """A document that is not JSON: `msg`, the `doc`, and where (`pos`, `lineno`, `colno`)."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        errmsg = "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


# ---------------------------------------------------------------- encoding

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
            "\b": "\\b", "\f": "\\f"}


def _encode_str(s, ensure_ascii):
    # Most strings need no escape: checked by native str methods, not char by char.
    if '"' not in s and "\\" not in s and s.isprintable() and (s.isascii()
                                                               or not ensure_ascii):
        if not ensure_ascii or "\x7f" not in s:
            return '"' + s + '"'
    out = ['"']
    start = 0
    for i, ch in enumerate(s):
        c = ord(ch)
        if ch in _ESCAPES:
            esc = _ESCAPES[ch]
        elif c < 0x20:
            esc = "\\u%04x" % c
        elif c > 0x7E and ensure_ascii:
            if c > 0xFFFF:
                # Lib/json/encoder.py: astral characters become a surrogate pair.
                c -= 0x10000
                esc = "\\u%04x\\u%04x" % (0xD800 | (c >> 10), 0xDC00 | (c & 0x3FF))
            else:
                esc = "\\u%04x" % c
        else:
            continue
        out.append(s[start:i])
        out.append(esc)
        start = i + 1
    out.append(s[start:])
    out.append('"')
    return "".join(out)


def _float_str(o, allow_nan):
    if o != o:
        text = "NaN"
    elif o == float("inf"):
        text = "Infinity"
    elif o == -float("inf"):
        text = "-Infinity"
    else:
        return float.__repr__(o)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
    return text


class JSONEncoder:
    """Turns Python data into JSON text; subclasses override default() for other types."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str(o, self.ensure_ascii)
        # The native encoder (json_encode.rs) writes documents of builtin types, as CPython's
        # C encoder does; it answers None for what the Python one below must decide. Not
        # when a subclass changed how iterencode works, nor for sort_keys.
        if type(self).iterencode is _iterencode and not self.sort_keys:
            text = _gilsim_json.encode(o, bool(self.ensure_ascii), bool(self.allow_nan),
                                       self.item_separator, self.key_separator,
                                       self._indent())
            if text is not None:
                return text
        return "".join(self.iterencode(o))

    def _indent(self):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        return indent

    def iterencode(self, o, _one_shot=False):
        indent = self._indent()
        chunks = []
        self._encode(o, chunks, indent, 0, {} if self.check_circular else None)
        return iter(chunks)

    def _key(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _float_str(key, self.allow_nan)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError(f"keys must be str, int, float, bool or None, "
                        f"not {key.__class__.__name__}")

    def _encode(self, o, out, indent, level, markers):
        if isinstance(o, str):
            out.append(_encode_str(o, self.ensure_ascii))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_float_str(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self._encode_list(o, out, indent, level, markers)
        elif isinstance(o, dict):
            self._encode_dict(o, out, indent, level, markers)
        else:
            marker = self._enter(o, markers)
            self._encode(self.default(o), out, indent, level, markers)
            self._leave(marker, markers)

    def _enter(self, o, markers):
        if markers is None:
            return None
        marker = id(o)
        if marker in markers:
            raise ValueError("Circular reference detected")
        markers[marker] = o
        return marker

    def _leave(self, marker, markers):
        if markers is not None:
            del markers[marker]

    def _encode_list(self, lst, out, indent, level, markers):
        if not lst:
            out.append("[]")
            return
        marker = self._enter(lst, markers)
        if indent is None:
            sep = self.item_separator
            out.append("[")
        else:
            level += 1
            newline = "\n" + indent * level
            sep = self.item_separator + newline
            out.append("[" + newline)
        first = True
        for item in lst:
            if not first:
                out.append(sep)
            first = False
            self._encode(item, out, indent, level, markers)
        if indent is not None:
            level -= 1
            out.append("\n" + indent * level)
        out.append("]")
        self._leave(marker, markers)

    def _encode_dict(self, dct, out, indent, level, markers):
        if not dct:
            out.append("{}")
            return
        marker = self._enter(dct, markers)
        if indent is None:
            sep = self.item_separator
            out.append("{")
        else:
            level += 1
            newline = "\n" + indent * level
            sep = self.item_separator + newline
            out.append("{" + newline)
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self._key(key)
            if key is None:
                continue
            if not first:
                out.append(sep)
            first = False
            out.append(_encode_str(key, self.ensure_ascii))
            out.append(self.key_separator)
            self._encode(value, out, indent, level, markers)
        if indent is not None:
            level -= 1
            out.append("\n" + indent * level)
        out.append("}")
        self._leave(marker, markers)


_iterencode = JSONEncoder.iterencode
_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """`obj` as a JSON string."""
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None
            and indent is None and separators is None and default is None
            and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kwargs):
    """Writes `obj` as JSON to the file-like `fp`."""
    fp.write(dumps(obj, **kwargs))


# ---------------------------------------------------------------- decoding

_WS = " \t\n\r"
_BACKSLASH = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
              "t": "\t"}
_HEX = "0123456789abcdefABCDEF"
_DIGITS = "0123456789"
_CONSTANTS = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}


class _Scanner:
    """One document's parse, with the decoder's hooks (Lib/json/scanner.py's roles)."""

    def __init__(self, decoder, s):
        self.s = s
        self.n = len(s)
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant

    def skip(self, i):
        s, n = self.s, self.n
        while i < n and s[i] in _WS:
            i += 1
        return i

    def value(self, i):
        s = self.s
        if i >= self.n:
            raise JSONDecodeError("Expecting value", s, i)
        ch = s[i]
        if ch == '"':
            return self.string(i + 1)
        if ch == "{":
            return self.object(i + 1)
        if ch == "[":
            return self.array(i + 1)
        if ch == "n" and s.startswith("null", i):
            return None, i + 4
        if ch == "t" and s.startswith("true", i):
            return True, i + 4
        if ch == "f" and s.startswith("false", i):
            return False, i + 5
        if ch == "N" and s.startswith("NaN", i):
            return self.parse_constant("NaN"), i + 3
        if ch == "I" and s.startswith("Infinity", i):
            return self.parse_constant("Infinity"), i + 8
        if ch == "-" and s.startswith("-Infinity", i):
            return self.parse_constant("-Infinity"), i + 9
        return self.number(i)

    def number(self, i):
        # Lib/json/scanner.py's NUMBER_RE: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?
        s, n = self.s, self.n
        start = i
        if i < n and s[i] == "-":
            i += 1
        if i < n and s[i] == "0":
            i += 1
        elif i < n and s[i] in "123456789":
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            raise JSONDecodeError("Expecting value", s, start)
        is_float = False
        if i + 1 < n and s[i] == "." and s[i + 1] in _DIGITS:
            is_float = True
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
        if i < n and s[i] in "eE":
            j = i + 1
            if j < n and s[j] in "+-":
                j += 1
            if j < n and s[j] in _DIGITS:
                while j < n and s[j] in _DIGITS:
                    j += 1
                is_float = True
                i = j
        text = s[start:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i

    def string(self, i):
        s, n = self.s, self.n
        begin = i - 1
        # The common case: no escape and no control character before the closing quote.
        j = s.find('"', i)
        if j >= 0:
            chunk = s[i:j]
            if "\\" not in chunk and chunk.isprintable():
                return chunk, j + 1
        chunks = []
        while True:
            j = i
            while j < n and s[j] != '"' and s[j] != "\\" and (s[j] >= " " or not self.strict):
                j += 1
            if j >= n:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            chunks.append(s[i:j])
            ch = s[j]
            if ch == '"':
                return "".join(chunks), j + 1
            if ch != "\\":
                raise JSONDecodeError("Invalid control character at", s, j)
            j += 1
            if j >= n:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            esc = s[j]
            if esc != "u":
                if esc not in _BACKSLASH:
                    raise JSONDecodeError("Invalid \\escape", s, j - 1)
                chunks.append(_BACKSLASH[esc])
                i = j + 1
                continue
            uni = self.hex4(j + 1)
            i = j + 5
            if 0xD800 <= uni <= 0xDBFF and s.startswith("\\u", i):
                low = self.hex4(i + 2)
                if 0xDC00 <= low <= 0xDFFF:
                    uni = 0x10000 + (((uni - 0xD800) << 10) | (low - 0xDC00))
                    i += 6
            if 0xD800 <= uni <= 0xDFFF:
                raise NotImplementedError("json: lone surrogates in strings are not supported "
                                          "by gilsim")
            chunks.append(chr(uni))

    def hex4(self, i):
        esc = self.s[i:i + 4]
        if len(esc) == 4 and all(c in _HEX for c in esc):
            return int(esc, 16)
        raise JSONDecodeError("Invalid \\uXXXX escape", self.s, i - 1)

    def object(self, i):
        s = self.s
        pairs = []
        i = self.skip(i)
        if i < self.n and s[i] == "}":
            return self.make_object(pairs), i + 1
        while True:
            if i >= self.n or s[i] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes",
                                      s, i)
            key, i = self.string(i + 1)
            i = self.skip(i)
            if i >= self.n or s[i] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self.skip(i + 1)
            value, i = self.value(i)
            pairs.append((key, value))
            i = self.skip(i)
            if i < self.n and s[i] == "}":
                return self.make_object(pairs), i + 1
            if i >= self.n or s[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self.skip(i + 1)

    def make_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def array(self, i):
        s = self.s
        values = []
        i = self.skip(i)
        if i < self.n and s[i] == "]":
            return values, i + 1
        while True:
            value, i = self.value(i)
            values.append(value)
            i = self.skip(i)
            if i < self.n and s[i] == "]":
                return values, i + 1
            if i >= self.n or s[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self.skip(i + 1)


class JSONDecoder:
    """Turns JSON text into Python data, with optional hooks for objects and numbers."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self._plain = (object_hook is None and parse_float is None and parse_int is None
                       and parse_constant is None and strict and object_pairs_hook is None)

    def decode(self, s):
        if self._plain:
            # The default options: the native scanner (as CPython's C scanner), unless it
            # leaves the document to the Python one (see json_scan.rs).
            result = _gilsim_json.scan(s)
            if result is not None:
                ok, value, pos = result
                if ok:
                    return value
                raise JSONDecodeError(value, s, pos)
        scanner = _Scanner(self, s)
        obj, end = self.raw_decode(s, scanner.skip(0), scanner)
        end = scanner.skip(end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0, scanner=None):
        if scanner is None:
            scanner = _Scanner(self, s)
        return scanner.value(idx)


_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """The Python data of a JSON document (str, bytes or bytearray)."""
    if isinstance(s, str):
        if s.startswith("\ufeff"):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, bytes):
            raise TypeError(f"the JSON object must be str, bytes or bytearray, "
                            f"not {s.__class__.__name__}")
        s = s.decode("utf-8")
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook,
               **kw).decode(s)


def load(fp, **kwargs):
    """The Python data of the JSON document read from the file-like `fp`."""
    return loads(fp.read(), **kwargs)
