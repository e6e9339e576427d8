"""datetime: dates, times and time spans (gilsim's own, in Python, after the behaviour of
CPython's Lib/_pydatetime.py: the same reprs, str() forms, arithmetic and messages). now()
and today() read time.time(), the virtual clock in simulated runs; local time is what
time.localtime says (the machine's zone in real runs, UTC in simulated ones). The calendar
arithmetic, timedelta, date and the time zones are in _datetime_core."""

import time as _time
import _datetime_core
import _gilsim_stub
from _datetime_core import (MINYEAR, MAXYEAR, UTC, IsoCalendarDate, date, timedelta, timezone,
                            tzinfo, _DAYNAMES, _MAXORDINAL, _MONTHNAMES, _check_date_fields,
                            _check_time_fields, _check_tzinfo, _format_offset, _format_time,
                            _ord2ymd, _parse_isoformat_date, _parse_isoformat_time,
                            _wrap_strftime, _ymd2ord)

__all__ = ["date", "datetime", "time", "timedelta", "timezone", "tzinfo", "MINYEAR",
           "MAXYEAR", "UTC"]


class time:
    """A time of day, with an optional tzinfo."""


    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond = _check_time_fields(hour, minute, second,
                                                               microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour, self._minute, self._second = hour, minute, second
        self._microsecond, self._tzinfo, self._fold = microsecond, tzinfo, fold
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, time_string):
        try:
            hh, mm, ss, us, tz = _parse_isoformat_time(time_string)
            return cls(hh, mm, ss, us, tz)
        except (ValueError, IndexError):
            raise ValueError("Invalid isoformat string: %r" % time_string) from None

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(None)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(None)

    def dst(self):
        return None if self._tzinfo is None else self._tzinfo.dst(None)

    def __repr__(self):
        if self._microsecond != 0:
            s = ", %d, %d" % (self._second, self._microsecond)
        elif self._second != 0:
            s = ", %d" % self._second
        else:
            s = ""
        s = "%s.%s(%d, %d%s)" % ("datetime", type(self).__qualname__, self._hour,
                                 self._minute, s)
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r" % self._tzinfo + ")"
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def isoformat(self, timespec="auto"):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond,
                         timespec)
        return s + _format_offset(self.utcoffset())

    __str__ = isoformat

    def strftime(self, format):
        return _wrap_strftime(self, format, (1900, 1, 1, self._hour, self._minute,
                                             self._second, 0, 1, -1))

    def __format__(self, fmt):
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return True


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


class datetime(date):
    """A date with a time of day, and an optional tzinfo."""


    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond = _check_time_fields(hour, minute, second,
                                                               microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hour, self._minute, self._second = hour, minute, second
        self._microsecond, self._tzinfo, self._fold = microsecond, tzinfo, fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        frac, t = _modf(t)
        us = round(frac * 1e6)
        if us >= 1000000:
            t += 1
            us -= 1000000
        elif us < 0:
            t -= 1
            us += 1000000
        converter = _time.gmtime if utc else _time.localtime
        y, m, d, hh, mm, ss, weekday, jday, dst = converter(t)
        ss = min(ss, 59)
        return cls(y, m, d, hh, mm, ss, us, tz)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        result = cls._fromtimestamp(t, tz is not None, tz)
        if tz is not None:
            result = tz.fromutc(result.replace(tzinfo=tz)) if isinstance(tz, timezone) \
                else tz.fromutc(result)
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            d = _parse_isoformat_date(date_string[:10])
            rest = date_string[10:]
            if rest:
                if rest[0] not in "T ":
                    raise ValueError
                hh, mm, ss, us, tz = _parse_isoformat_time(rest[1:])
            else:
                hh = mm = ss = us = 0
                tz = None
            return cls(*d, hh, mm, ss, us, tz)
        except (ValueError, IndexError):
            raise ValueError("Invalid isoformat string: %r" % date_string) from None

    @classmethod
    def strptime(cls, date_string, format):
        """The datetime `date_string` spells in `format` (C-locale names)."""
        fields = _strptime(date_string, format)
        return cls(*fields[:7], tzinfo=fields[7])

    def timetuple(self):
        dst = -1
        return _time.struct_time((self._year, self._month, self._day, self._hour,
                                  self._minute, self._second, self.weekday(),
                                  self._yday(), dst))

    def timestamp(self):
        if self._tzinfo is None:
            return _time.mktime((self._year, self._month, self._day, self._hour,
                                 self._minute, self._second, -1, -1, -1)) \
                + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def utctimetuple(self):
        offset = self.utcoffset()
        dt = self - offset if offset else self
        return _time.struct_time((dt._year, dt._month, dt._day, dt._hour, dt._minute,
                                  dt._second, dt.weekday(), dt._yday(), 0))

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond,
                    fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond,
                    self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def astimezone(self, tz=None):
        if tz is None or not isinstance(tz, timezone):
            raise NotImplementedError("datetime.astimezone to a local or non-fixed zone "
                                      "is not supported by gilsim")
        offset = self.utcoffset()
        if offset is None:
            raise NotImplementedError("datetime.astimezone of a naive datetime is not "
                                      "supported by gilsim")
        utc = (self - offset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _DAYNAMES[weekday], _MONTHNAMES[self._month], self._day, self._hour,
            self._minute, self._second, self._year)

    def isoformat(self, sep="T", timespec="auto"):
        s = "%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep) + _format_time(
            self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    def __repr__(self):
        L = [self._year, self._month, self._day, self._hour, self._minute, self._second,
             self._microsecond]
        if L[-1] == 0:
            del L[-1]
        if L[-1] == 0:
            del L[-1]
        s = "%s.%s(%s)" % ("datetime", type(self).__qualname__, ", ".join(map(str, L)))
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r" % self._tzinfo + ")"
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def __str__(self):
        return self.isoformat(sep=" ")

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.utcoffset(self)

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(self)

    def dst(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.dst(self)

    def _us(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60
                 + self._second) * 10**6 + self._microsecond)

    def _cmp(self, other, eq=False):
        myoff, otoff = self.utcoffset(), other.utcoffset()
        if (myoff is None) != (otoff is None):
            if eq:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        a, b = self._us(), other._us()
        if myoff is not None:
            a -= myoff._to_us()
            b -= otoff._to_us()
        return 0 if a == b else 1 if a > b else -1

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, True) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) < 0
        if isinstance(other, date):
            raise TypeError("can't compare datetime.datetime to datetime.date")
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) >= 0
        return NotImplemented

    def __hash__(self):
        off = self.utcoffset()
        return hash(self._us() - (off._to_us() if off else 0))

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        total = self._us() + other._to_us()
        days, rest = divmod(total, 86400 * 10**6)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        y, m, d = _ord2ymd(days)
        secs, us = divmod(rest, 10**6)
        hh, secs = divmod(secs, 3600)
        mm, ss = divmod(secs, 60)
        return type(self)(y, m, d, hh, mm, ss, us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        myoff, otoff = self.utcoffset(), other.utcoffset()
        if (myoff is None) != (otoff is None):
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        diff = self._us() - other._us()
        if myoff is not None:
            diff -= myoff._to_us() - otoff._to_us()
        return timedelta(microseconds=diff)

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day, self._hour, self._minute,
                             self._second, self._microsecond, self._tzinfo))


_FULL_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"]
_FULL_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# What each directive accepts (the shapes of CPython's Lib/_strptime.py, C locale).
_DIRECTIVES = {
    "Y": r"(?P<Y>\d\d\d\d)",
    "y": r"(?P<y>\d\d)",
    "m": r"(?P<m>1[0-2]|0[1-9]|[1-9])",
    "d": r"(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
    "H": r"(?P<H>2[0-3]|[0-1]\d|\d)",
    "I": r"(?P<I>1[0-2]|0[1-9]|[1-9])",
    "M": r"(?P<M>[0-5]\d|\d)",
    "S": r"(?P<S>6[0-1]|[0-5]\d|\d)",
    "f": r"(?P<f>[0-9]{1,6})",
    "j": r"(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    "b": "(?P<b>" + "|".join(m[:3] for m in _FULL_MONTHS) + ")",
    "B": "(?P<B>" + "|".join(_FULL_MONTHS) + ")",
    "a": "(?P<a>" + "|".join(d[:3] for d in _FULL_DAYS) + ")",
    "A": "(?P<A>" + "|".join(_FULL_DAYS) + ")",
    "p": "(?P<p>am|pm)",
    "z": r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
    "%": "%",
}
_DIRECTIVES["h"] = _DIRECTIVES["b"]


def _strptime_regex(format):
    import re
    out = []
    i = 0
    n = len(format)
    while i < n:
        ch = format[i]
        if ch == "%" and i + 1 < n:
            d = format[i + 1]
            if d not in _DIRECTIVES:
                if d in "cxXUWGuVZ":
                    raise NotImplementedError("strptime's %%%s directive is not supported by "
                                              "gilsim" % d)
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, "%" + d))
            pattern = _DIRECTIVES[d]
            name = "(?P<%s>" % d
            if name in "".join(out):
                # A directive used twice matches the same text again (CPython: a
                # backreference); gilsim's re has none.
                raise NotImplementedError("strptime with a directive used twice is not "
                                          "supported by gilsim")
            out.append(pattern)
            i += 2
        elif ch == "%":
            raise ValueError("stray %% in format '%s'" % format)
        elif ch.isspace():
            while i < n and format[i].isspace():
                i += 1
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
            i += 1
    return re.compile("".join(out), re.IGNORECASE)


def _time_strptime(data, format="%a %b %d %H:%M:%S %Y"):
    """time.strptime's fields (Lib/_strptime.py _strptime_time): the date and time, the
    weekday (as written, else computed), the day of the year, -1 for isdst, no zone name,
    and the UTC offset in seconds of a %z (else None)."""
    for index, arg in enumerate([data, format]):
        if not isinstance(arg, str):
            # Lib/_strptime.py's own wording (an index from 0 and the type's repr).
            raise TypeError("strptime() argument {} must be str, not {}".format(index, type(arg)))
    year, month, day, hour, minute, second, _, tz = _strptime(data, format)
    g = _strptime_regex(format).match(data).groupdict()
    if g.get("S") is not None:
        second = int(g["S"])
    weekday = None
    for key in ("A", "a"):
        if g.get(key) is not None:
            names = _FULL_DAYS if key == "A" else [d[:3] for d in _FULL_DAYS]
            weekday = names.index(g[key].lower())
    if weekday is None:
        weekday = date(year, month, day).weekday()
    julian = _ymd2ord(year, month, day) - _ymd2ord(year, 1, 1) + 1
    gmtoff = None
    if tz is not None:
        gmtoff = int(tz.utcoffset(None).total_seconds())
    return (year, month, day, hour, minute, second, weekday, julian, -1, None, gmtoff)


def _strptime(data, format):
    """(year, month, day, hour, minute, second, microsecond, tzinfo) of `data`."""
    if not isinstance(data, str):
        raise TypeError("strptime() argument 1 must be str, not %s" % type(data).__name__)
    if not isinstance(format, str):
        raise TypeError("strptime() argument 2 must be str, not %s" % type(format).__name__)
    found = _strptime_regex(format).match(data)
    if found is None:
        raise ValueError("time data %r does not match format %r" % (data, format))
    if len(data) != found.end():
        raise ValueError("unconverted data remains: %s" % data[found.end():])
    g = found.groupdict()
    year, month, day = 1900, 1, 1
    hour = minute = second = microsecond = 0
    tz = None
    if g.get("Y") is not None:
        year = int(g["Y"])
    elif g.get("y") is not None:
        year = int(g["y"])
        year += 2000 if year <= 68 else 1900
    if g.get("m") is not None:
        month = int(g["m"])
    for key in ("B", "b", "h"):
        if g.get(key) is not None:
            names = _FULL_MONTHS if key == "B" else [m[:3] for m in _FULL_MONTHS]
            month = names.index(g[key].lower()) + 1
    if g.get("d") is not None:
        day = int(g["d"])
    if g.get("H") is not None:
        hour = int(g["H"])
    elif g.get("I") is not None:
        hour = int(g["I"])
        ampm = (g.get("p") or "").lower()
        if ampm == "am" and hour == 12:
            hour = 0
        elif ampm == "pm" and hour != 12:
            hour += 12
    if g.get("M") is not None:
        minute = int(g["M"])
    if g.get("S") is not None:
        second = int(g["S"])
    if g.get("f") is not None:
        microsecond = int(g["f"] + "0" * (6 - len(g["f"])))
    if g.get("z") is not None:
        z = g["z"]
        if z == "Z":
            tz = timezone.utc
        else:
            digits = z[1:].replace(":", "")
            hh, mm, ss = int(digits[0:2]), int(digits[2:4]), int(digits[4:6] or 0)
            offset = timedelta(hours=hh, minutes=mm, seconds=ss)
            tz = timezone(-offset if z[0] == "-" else offset)
    if g.get("j") is not None and g.get("m") is None and g.get("d") is None:
        ordinal = _ymd2ord(year, 1, 1) + int(g["j"]) - 1
        year, month, day = _ord2ymd(ordinal)
    if second == 61:
        second = 59
    return year, month, day, hour, minute, second, microsecond, tz


def _modf(t):
    whole = int(t)
    return t - whole, whole


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_datetime_core._DATETIME.append(datetime)

_gilsim_stub.define(globals(), "datetime", ["datetime_CAPI"])
del _gilsim_stub
