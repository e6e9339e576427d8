"""string: the character-class constants, capwords, and Template (gilsim's own, in Python)."""

import _gilsim_stub

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
           "hexdigits", "octdigits", "printable", "punctuation", "whitespace",
           "Formatter", "Template"]

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Splits `s` on `sep`, capitalizes each word, joins them with `sep` (or a space)."""
    return (sep or " ").join(word.capitalize() for word in s.split(sep))


class Template:
    """`$name`, `${name}` and `$$` substitution (the default delimiter and identifiers)."""

    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _parse(self, mapping, safe):
        out = []
        text = self.template
        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if c != "$":
                out.append(c)
                i += 1
                continue
            if i + 1 < n and text[i + 1] == "$":
                out.append("$")
                i += 2
                continue
            braced = i + 1 < n and text[i + 1] == "{"
            start = i + 2 if braced else i + 1
            j = start
            while j < n and (text[j] == "_" or text[j].isascii() and text[j].isalnum()):
                j += 1
            name = text[start:j]
            valid = name and not name[0].isdigit() and (not braced or j < n and text[j] == "}")
            if not valid:
                if safe:
                    out.append("$")
                    i += 1
                    continue
                line = text[:i].count("\n") + 1
                col = i - (text.rfind("\n", 0, i) + 1) + 1
                raise ValueError(f"Invalid placeholder in string: line {line}, col {col}")
            end = j + 1 if braced else j
            if safe and name not in mapping:
                out.append(text[i:end])
            else:
                out.append(str(mapping[name]))
            i = end
        return "".join(out)

    def substitute(self, mapping={}, /, **kws):
        return self._parse(_merged(mapping, kws), False)

    def safe_substitute(self, mapping={}, /, **kws):
        return self._parse(_merged(mapping, kws), True)


def _merged(mapping, kws):
    if not kws:
        return mapping
    merged = dict(mapping)
    merged.update(kws)
    return merged


class Formatter:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("string.Formatter is not supported by gilsim")
