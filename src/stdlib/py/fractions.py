"""fractions: exact rational numbers (gilsim's own, in Python, after CPython 3.12's
Lib/fractions.py: construction from ints, strings, floats and Fractions, arithmetic with
ints and floats, comparisons, hashing equal to the equal int's or float's, reprs, and
limit_denominator)."""

import math

__all__ = ["Fraction"]

_HASH_MODULUS = 2 ** 61 - 1
_HASH_INF = 314159


def _parse(text):
    # [sign] digits [/ digits] | [sign] decimal [exponent], with surrounding whitespace
    # and underscores between digits (Lib/fractions.py's _RATIONAL_FORMAT).
    s = text.strip()
    if not s:
        raise ValueError
    sign = 1
    if s[0] in "+-":
        if s[0] == "-":
            sign = -1
        s = s[1:]

    def digits(t):
        if not t or t[0] == "_" or t[-1] == "_" or "__" in t:
            raise ValueError
        t2 = t.replace("_", "")
        if not t2.isdigit() or not t2.isascii():
            raise ValueError
        return t2

    if "/" in s:
        num, den = s.split("/", 1)
        return sign * int(digits(num)), int(digits(den.strip() if den == den.strip()
                                                     else "x"))
    exp = 0
    for e in "eE":
        if e in s:
            s, ex = s.split(e, 1)
            esign = 1
            if ex[:1] in ("+", "-"):
                esign = -1 if ex[0] == "-" else 1
                ex = ex[1:]
            exp = esign * int(digits(ex))
            break
    if "." in s:
        whole, frac = s.split(".", 1)
        if not whole and not frac:
            raise ValueError
        whole = digits(whole) if whole else "0"
        frac = digits(frac) if frac else ""
        num = int(whole + frac)
        den = 10 ** len(frac)
    else:
        num = int(digits(s))
        den = 1
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


class Fraction:
    """numerator/denominator in lowest terms, with a positive denominator."""

    def __new__(cls, numerator=0, denominator=None):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, (float, int)):
                if isinstance(numerator, float):
                    if numerator != numerator:
                        raise ValueError("cannot convert NaN to integer ratio")
                    if numerator in (float("inf"), float("-inf")):
                        raise OverflowError("cannot convert Infinity to integer ratio")
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                try:
                    numerator, denominator = _parse(numerator)
                except ValueError:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator) \
                        from None
                if denominator == 0:
                    raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator,
                                                                    (int, Fraction)):
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                a = Fraction(numerator)
                b = Fraction(denominator)
                numerator = a._numerator * b._denominator
                denominator = a._denominator * b._numerator
            else:
                numerator, denominator = int(numerator), int(denominator)
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        self._numerator = numerator // g
        self._denominator = denominator // g
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                            % (cls.__name__, f, type(f).__name__))
        return cls(f)

    @classmethod
    def from_decimal(cls, dec):
        raise NotImplementedError("fractions.Fraction.from_decimal is not supported by "
                                  "gilsim")

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator):
        obj = object.__new__(cls)
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def is_integer(self):
        return self._denominator == 1

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with a denominator at most max_denominator (the best
        approximation from the continued fraction's convergents and semiconvergents)."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._from_coprime_ints(p1, q1)
        return Fraction._from_coprime_ints(p0 + k * p1, q0 + k * q1)

    def __repr__(self):
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    def __format__(self, format_spec):
        if not format_spec:
            return str(self)
        return format(float(self), format_spec)

    @staticmethod
    def _coerce(other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None

    def __add__(self, other):
        o = self._coerce(other)
        if o is not None:
            return Fraction(self._numerator * o._denominator + o._numerator * self._denominator,
                            self._denominator * o._denominator)
        if isinstance(other, float):
            return float(self) + other
        return NotImplemented

    def __radd__(self, other):
        o = self._coerce(other)
        if o is not None:
            return o + self
        if isinstance(other, float):
            return other + float(self)
        return NotImplemented

    def __sub__(self, other):
        o = self._coerce(other)
        if o is not None:
            return Fraction(self._numerator * o._denominator - o._numerator * self._denominator,
                            self._denominator * o._denominator)
        if isinstance(other, float):
            return float(self) - other
        return NotImplemented

    def __rsub__(self, other):
        o = self._coerce(other)
        if o is not None:
            return o - self
        if isinstance(other, float):
            return other - float(self)
        return NotImplemented

    def __mul__(self, other):
        o = self._coerce(other)
        if o is not None:
            return Fraction(self._numerator * o._numerator, self._denominator * o._denominator)
        if isinstance(other, float):
            return float(self) * other
        return NotImplemented

    def __rmul__(self, other):
        return self.__mul__(other)

    def __truediv__(self, other):
        o = self._coerce(other)
        if o is not None:
            if o._numerator == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (self._numerator * o._denominator))
            return Fraction(self._numerator * o._denominator, self._denominator * o._numerator)
        if isinstance(other, float):
            return float(self) / other
        return NotImplemented

    def __rtruediv__(self, other):
        o = self._coerce(other)
        if o is not None:
            return o / self
        if isinstance(other, float):
            return other / float(self)
        return NotImplemented

    def __floordiv__(self, other):
        o = self._coerce(other)
        if o is not None:
            return (self._numerator * o._denominator) // (self._denominator * o._numerator)
        if isinstance(other, float):
            return float(self) // other
        return NotImplemented

    def __rfloordiv__(self, other):
        o = self._coerce(other)
        if o is not None:
            return o // self
        if isinstance(other, float):
            return other // float(self)
        return NotImplemented

    def __mod__(self, other):
        o = self._coerce(other)
        if o is not None:
            return self - o * (self // o)
        if isinstance(other, float):
            return float(self) % other
        return NotImplemented

    def __rmod__(self, other):
        o = self._coerce(other)
        if o is not None:
            return o % self
        if isinstance(other, float):
            return other % float(self)
        return NotImplemented

    def __divmod__(self, other):
        o = self._coerce(other)
        if o is not None:
            q = self // o
            return q, self - o * q
        if isinstance(other, float):
            return divmod(float(self), other)
        return NotImplemented

    def __pow__(self, other):
        if isinstance(other, int) or isinstance(other, Fraction) and other._denominator == 1:
            power = int(other)
            if power >= 0:
                return Fraction._from_coprime_ints(self._numerator ** power,
                                                   self._denominator ** power)
            if self._numerator == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (self._denominator ** -power))
            if self._numerator > 0:
                return Fraction._from_coprime_ints(self._denominator ** -power,
                                                   self._numerator ** -power)
            return Fraction._from_coprime_ints((-self._denominator) ** -power,
                                               (-self._numerator) ** -power)
        if isinstance(other, (float, Fraction)):
            return float(self) ** float(other)
        return NotImplemented

    def __rpow__(self, other):
        if self._denominator == 1 and self._numerator >= 0:
            return other ** self._numerator
        if isinstance(other, int):
            return Fraction(other) ** self
        return other ** float(self)

    def __pos__(self):
        return Fraction._from_coprime_ints(self._numerator, self._denominator)

    def __neg__(self):
        return Fraction._from_coprime_ints(-self._numerator, self._denominator)

    def __abs__(self):
        return Fraction._from_coprime_ints(abs(self._numerator), self._denominator)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    __trunc__ = __int__

    def __float__(self):
        return self._numerator / self._denominator

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        # Python's numeric hash (the same as an equal int's or float's), after
        # Lib/fractions.py.
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            hash_ = _HASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(self, other):
        if isinstance(other, Fraction):
            return (self._numerator == other._numerator
                    and self._denominator == other._denominator)
        if isinstance(other, int):
            return self._numerator == other and self._denominator == 1
        if isinstance(other, float):
            if other != other or other in (float("inf"), float("-inf")):
                return False
            return self == Fraction(other)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            o = Fraction(other)
            return op(self._numerator * o._denominator, self._denominator * o._numerator)
        if isinstance(other, float):
            if other != other or other in (float("inf"), float("-inf")):
                return op(0.0, other)
            return op(self, Fraction(other))
        return NotImplemented

    def __lt__(self, other):
        return self._richcmp(other, lambda a, b: a < b)

    def __gt__(self, other):
        return self._richcmp(other, lambda a, b: a > b)

    def __le__(self, other):
        return self._richcmp(other, lambda a, b: a <= b)

    def __ge__(self, other):
        return self._richcmp(other, lambda a, b: a >= b)

    def __bool__(self):
        return self._numerator != 0

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self
