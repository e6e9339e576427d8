"""logging's formatting half: the %, { and $ format styles and Formatter (gilsim's own,
after Lib/logging/__init__.py; split from logging.py only to keep files small: the classes
are logging's, as their __module__ says)."""

import time

BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"


# Fields a record cannot fill in gilsim: refused when a format names them.
_NO_POSITION = ("stack_info",)


def _refuse_position(fields):
    for name in _NO_POSITION:
        if name in fields:
            raise NotImplementedError(
                "logging's %%(%s) field (the caller's stack) is not supported by gilsim"
                % name)


class PercentStyle:
    __module__ = "logging"
    default_format = "%(message)s"
    asctime_format = "%(asctime)s"
    asctime_search = "%(asctime)"

    def __init__(self, fmt, *, defaults=None):
        self._fmt = fmt or self.default_format
        self._defaults = defaults

    def usesTime(self):
        return self._fmt.find(self.asctime_search) >= 0

    def _names(self):
        names = []
        for piece in self._fmt.split("%(")[1:]:
            names.append(piece.split(")")[0])
        return names

    def validate(self):
        if "%(" not in self._fmt:
            raise ValueError("Invalid format '%s' for '%s' style" % (self._fmt, "%"))
        _refuse_position(self._names())

    def _format(self, record):
        if self._defaults:
            values = self._defaults | record.__dict__
        else:
            values = record.__dict__
        return self._fmt % values

    def format(self, record):
        try:
            return self._format(record)
        except KeyError as e:
            raise ValueError("Formatting field not found in record: %s" % e)


class StrFormatStyle(PercentStyle):
    __module__ = "logging"
    default_format = "{message}"
    asctime_format = "{asctime}"
    asctime_search = "{asctime"

    def _names(self):
        names = []
        for piece in self._fmt.split("{")[1:]:
            name = piece.split("}")[0]
            for sep in "!:":
                name = name.split(sep)[0]
            names.append(name)
        return names

    def validate(self):
        if not self._names():
            raise ValueError("invalid format: no fields")
        _refuse_position(self._names())

    def _format(self, record):
        if self._defaults:
            return self._fmt.format(**(self._defaults | record.__dict__))
        return self._fmt.format(**record.__dict__)


class StringTemplateStyle(PercentStyle):
    __module__ = "logging"
    default_format = "${message}"
    asctime_format = "${asctime}"
    asctime_search = "${asctime}"

    def usesTime(self):
        return "$asctime" in self._fmt or self.asctime_search in self._fmt

    def validate(self):
        if "$" not in self._fmt:
            raise ValueError("invalid format: no fields")
        _refuse_position([n for n in _NO_POSITION if "$" + n in self._fmt
                          or "${" + n + "}" in self._fmt])

    def _format(self, record):
        import string
        values = record.__dict__
        if self._defaults:
            values = self._defaults | values
        return string.Template(self._fmt).substitute(**values)


_STYLES = {
    "%": (PercentStyle, BASIC_FORMAT),
    "{": (StrFormatStyle, "{levelname}:{name}:{message}"),
    "$": (StringTemplateStyle, "${levelname}:${name}:${message}"),
}


class Formatter:
    """Turns a record into text: `fmt` names record fields, `datefmt` shapes %(asctime)s."""

    __module__ = "logging"

    converter = staticmethod(time.localtime)
    default_time_format = "%Y-%m-%d %H:%M:%S"
    default_msec_format = "%s,%03d"

    def __init__(self, fmt=None, datefmt=None, style="%", validate=True, *, defaults=None):
        if style not in _STYLES:
            raise ValueError("Style must be one of: %s" % ",".join(_STYLES.keys()))
        self._style = _STYLES[style][0](fmt, defaults=defaults)
        if validate:
            self._style.validate()
        else:
            _refuse_position(self._style._names())
        self._fmt = self._style._fmt
        self.datefmt = datefmt

    def formatTime(self, record, datefmt=None):
        ct = self.converter(record.created)
        if datefmt:
            return time.strftime(datefmt, ct)
        s = time.strftime(self.default_time_format, ct)
        if self.default_msec_format:
            s = self.default_msec_format % (s, record.msecs)
        return s

    def formatException(self, ei):
        import traceback
        s = "".join(traceback.format_exception(ei[0], ei[1], ei[2]))
        if s[-1:] == "\n":
            s = s[:-1]
        return s

    def usesTime(self):
        return self._style.usesTime()

    def formatMessage(self, record):
        return self._style.format(record)

    def formatStack(self, stack_info):
        return stack_info

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        s = self.formatMessage(record)
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + record.exc_text
        if record.stack_info:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + self.formatStack(record.stack_info)
        return s


_defaultFormatter = Formatter()
