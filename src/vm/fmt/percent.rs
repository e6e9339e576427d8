//! printf-style `str % args`: spec parsing and per-conversion rendering, after `PyUnicode_Format` (Objects/unicodeobject.c).

// The interpreter walks the pieces, fetches arguments (including the ones
// for `*`), applies `str()`/`repr()`/`ascii()`/`int()`/`float()` and raises
// "not enough arguments for format string" / "not all arguments converted
// during string formatting" / "format requires a mapping" itself.

use super::float_repr::{DtoaFlags, double_to_string};
use super::spec::{FmtError, reserve_output, string_with_capacity};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// The `-`, `+`, space, `0` and `#` flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    pub minus: bool,
    pub plus: bool,
    pub space: bool,
    pub zero: bool,
    pub alt: bool,
}

/// A width or precision: a number, or `*` (taken from the arguments).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    Fixed(usize),
    Star,
}

/// One `%[(key)][flags][width][.precision][hlL]conv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentSpec {
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    /// The conversion character, which may be unsupported: see
    /// [`check_conversion`].
    pub conv: char,
    /// Char index of `conv` in the format string (for the error message).
    pub index: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentPiece {
    Literal(String),
    Spec(PercentSpec),
    /// A syntax error met at this point of the format string; always the
    /// last piece.  CPython reports it only after handling every earlier
    /// piece and after the argument work it did while parsing this spec:
    /// if the spec opened a `(` (error "incomplete format key", or `key` is
    /// `Some`) it first raises TypeError "format requires a mapping" for a
    /// non-mapping argument, then looks `key` up (KeyError), then fetches
    /// (and checks for int) the `stars` arguments of its `*`s.
    Invalid {
        error: FmtError,
        key: Option<String>,
        stars: usize,
    },
}

/// Splits a format string into pieces, never failing: errors become a
/// final [`PercentPiece::Invalid`], unsupported conversions stay specs.
/// This is the function for reproducing CPython's exact error order.
pub fn parse_percent_pieces(fmt: &str) -> Vec<PercentPiece> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        pos += 1;
        if c != '%' {
            literal.push(c);
            continue;
        }
        // Only "%%" right after the '%' is a literal percent; "%5%" is a
        // conversion with the unsupported character '%'.
        if chars.get(pos) == Some(&'%') {
            literal.push('%');
            pos += 1;
            continue;
        }
        if !literal.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut literal)));
        }
        match parse_one(&chars, pos) {
            Ok((spec, next)) => {
                pieces.push(PercentPiece::Spec(spec));
                pos = next;
            }
            Err((error, key, stars)) => {
                pieces.push(PercentPiece::Invalid { error, key, stars });
                return pieces;
            }
        }
    }
    if !literal.is_empty() {
        pieces.push(PercentPiece::Literal(literal));
    }
    pieces
}

/// The ValueError CPython raises for an unknown conversion character, after
/// it has fetched that spec's argument.
pub fn check_conversion(spec: &PercentSpec) -> Result<(), FmtError> {
    if "sracdiuoxXeEfFgG".contains(spec.conv) {
        return Ok(());
    }
    let c = spec.conv;
    let shown = if (31..=126).contains(&(c as u32)) {
        c
    } else {
        '?'
    };
    Err(FmtError::value(format!(
        "unsupported format character '{shown}' ({:#x}) at index {}",
        c as u32, spec.index
    )))
}

type ParseFailure = (FmtError, Option<String>, usize);

/// `unicode_format_arg_parse`, starting just after the '%'.  Mirrors the C
/// code's countdown of remaining characters, because which error comes out
/// of a truncated spec depends on it.  Returns the spec and the position
/// after it, or the error with the key and the number of `*` arguments
/// CPython consumed before it.
fn parse_one(chars: &[char], start: usize) -> Result<(PercentSpec, usize), ParseFailure> {
    let mut cur = Cursor {
        chars,
        pos: start,
        remaining: (chars.len() - start) as i64,
        ch: chars.get(start).copied().unwrap_or('\0'),
    };
    let mut key = None;
    if cur.ch == '(' {
        cur.pos += 1;
        cur.remaining -= 1;
        let key_start = cur.pos;
        let mut depth = 1;
        while depth > 0 && cur.advance() {
            match cur.ch {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
        }
        if cur.remaining < 0 || depth > 0 {
            return Err((FmtError::value("incomplete format key"), None, 0));
        }
        key = Some(chars[key_start..cur.pos - 1].iter().collect::<String>());
    }
    let fail =
        |msg: &str, key: &Option<String>, stars| Err((FmtError::value(msg), key.clone(), stars));
    let mut flags = PercentFlags::default();
    while cur.advance() {
        match cur.ch {
            '-' => flags.minus = true,
            '+' => flags.plus = true,
            ' ' => flags.space = true,
            '#' => flags.alt = true,
            '0' => flags.zero = true,
            _ => break,
        }
    }
    let mut stars = 0;
    let Ok(width) = cur.count(i64::MAX as u64, &mut stars) else {
        return fail("width too big", &key, stars);
    };
    let mut precision = None;
    if cur.ch == '.' {
        cur.advance();
        let Ok(p) = cur.count(i32::MAX as u64, &mut stars) else {
            return fail("precision too big", &key, stars);
        };
        precision = Some(p.unwrap_or(Count::Fixed(0)));
    }
    // C length modifiers are accepted and ignored.
    if cur.remaining >= 0 && matches!(cur.ch, 'h' | 'l' | 'L') {
        cur.advance();
    }
    if cur.remaining < 0 {
        return fail("incomplete format", &key, stars);
    }
    let spec = PercentSpec {
        key,
        flags,
        width,
        precision,
        conv: cur.ch,
        index: cur.pos - 1,
    };
    Ok((spec, cur.pos))
}

/// Where [`parse_one`] is, kept as the C code keeps it: the position, the countdown of
/// characters left (`fmtcnt`) and the current character.
struct Cursor<'a> {
    chars: &'a [char],
    pos: usize,
    remaining: i64,
    ch: char,
}

impl Cursor<'_> {
    /// Reads the next character if any is left, like `if (--fmtcnt >= 0)`; false at the end.
    fn advance(&mut self) -> bool {
        self.remaining -= 1;
        if self.remaining < 0 {
            return false;
        }
        self.ch = self.chars.get(self.pos).copied().unwrap_or('\0');
        self.pos += 1;
        true
    }

    /// A width or precision at the current character: `*` (counted in `stars`, its value comes
    /// from the arguments), a decimal number, or neither. Err once the number would pass `max`
    /// (the C code's `if (x > (max - digit) / 10)`).
    fn count(&mut self, max: u64, stars: &mut usize) -> Result<Option<Count>, ()> {
        if self.ch == '*' {
            *stars += 1;
            self.advance();
            return Ok(Some(Count::Star));
        }
        let Some(first) = self.ch.to_digit(10) else {
            return Ok(None);
        };
        let mut n = u64::from(first);
        while self.advance() {
            let Some(d) = self.ch.to_digit(10) else { break };
            if n > (max - u64::from(d)) / 10 {
                return Err(());
            }
            n = n * 10 + u64::from(d);
        }
        Ok(Some(Count::Fixed(n as usize)))
    }
}

/// A `*` width argument (already checked to be an int, else the caller
/// raises TypeError "* wants int"): a negative width means left-justify.
pub fn star_width(v: &BigInt, flags: &mut PercentFlags) -> Result<usize, FmtError> {
    let w = v
        .to_i64()
        .ok_or_else(|| FmtError::overflow("Python int too large to convert to C ssize_t"))?;
    if w < 0 {
        flags.minus = true;
    }
    Ok(w.unsigned_abs() as usize)
}

/// A `*` precision argument: C int range, negative counts as 0.
pub fn star_precision(v: &BigInt) -> Result<usize, FmtError> {
    let p = v
        .to_i32()
        .ok_or_else(|| FmtError::overflow("Python int too large to convert to C int"))?;
    Ok(p.max(0) as usize)
}

/// `%c` of an int (`formatchar`): any value outside 0..=0x10FFFF, however
/// large, is an OverflowError (unlike `format(i, 'c')`).  Lone surrogates
/// cannot live in a Rust `String` and give a ValueError.  A `str` argument
/// of length 1 is used as is by the caller; others raise TypeError
/// "%c requires int or char".
pub fn percent_char(v: &BigInt) -> Result<char, FmtError> {
    let out_of_range = || FmtError::overflow("%c arg not in range(0x110000)");
    let x = v.to_u32().ok_or_else(out_of_range)?;
    if x > 0x10ffff {
        return Err(out_of_range());
    }
    char::from_u32(x).ok_or_else(|| {
        FmtError::value(format!(
            "%c arg {x:#x} is a lone surrogate, which gilsim strings cannot hold"
        ))
    })
}

/// `format(i, 'c')`'s conversion of an int to a character (kept beside
/// [`percent_char`], which differs for huge values):
/// `PyLong_AsLong` first (OverflowError for huge values), then the range
/// check.  Lone surrogates (U+D800..U+DFFF) are valid in CPython but cannot
/// live in a Rust `String`; they give a ValueError here.
pub(crate) fn int_to_char(v: &BigInt) -> Result<char, FmtError> {
    let x = v
        .to_i64()
        .ok_or_else(|| FmtError::overflow("Python int too large to convert to C long"))?;
    if !(0..=0x10ffff).contains(&x) {
        return Err(FmtError::overflow("%c arg not in range(0x110000)"));
    }
    char::from_u32(x as u32).ok_or_else(|| {
        FmtError::value(format!(
            "%c arg {x:#x} is a lone surrogate, which gilsim strings cannot hold"
        ))
    })
}

/// `%d %i %u %o %x %X` of an int (`_PyUnicode_FormatLong` + padding).
/// `width`/`precision` are the resolved values (after `*`).  Any other
/// `conv` is formatted as `d`.
pub fn percent_int(
    v: &BigInt,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> Result<String, FmtError> {
    let (radix, prefix) = match spec.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude().to_str_radix(radix);
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut s = String::new();
    if v.is_negative() {
        s.push('-');
    }
    if spec.flags.alt {
        s.push_str(prefix);
    }
    // The precision is a minimum number of digits.
    if let Some(p) = precision {
        let zeros = p.saturating_sub(digits.len());
        reserve_output(zeros.saturating_add(digits.len()))?;
        s.try_reserve(zeros.saturating_add(digits.len()))
            .map_err(|_| FmtError::memory())?;
        s.extend(std::iter::repeat_n('0', zeros));
    }
    s.push_str(&digits);
    let has_prefix = spec.flags.alt && !prefix.is_empty();
    output(&s, spec, width, None, Some(has_prefix))
}

/// `%e %E %f %F %g %G` of a float (`formatfloat` + padding); precision
/// defaults to 6.  Any other `conv` is formatted like `repr`.
pub fn percent_float(
    v: f64,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> Result<String, FmtError> {
    if precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FmtError::value("precision too big"));
    }
    let flags = DtoaFlags {
        alt: spec.flags.alt,
        ..DtoaFlags::default()
    };
    // The digits of a double in 'f' form reach 309 before the point; the rest is zeros.
    reserve_output(precision.unwrap_or(6).saturating_add(400))?;
    let s = double_to_string(v, spec.conv, precision.unwrap_or(6), flags);
    output(&s, spec, width, None, Some(false))
}

/// `%s %r %a %c` once the caller has the text (`str()`, `repr()`,
/// `ascii()`, or the single character): precision truncates `s`/`r`/`a`
/// (by chars), `-` left-justifies, sign and `0` flags are ignored.  The
/// only error is MemoryError for a width too large to allocate.
pub fn percent_pad_str(
    s: &str,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> Result<String, FmtError> {
    output(s, spec, width, precision, None)
}

/// `unicode_format_arg_output`: sign, `0x` prefix, fill and justification.
/// `numeric` is `Some(has_prefix)` for the number conversions (CPython's
/// `arg->sign`), where `has_prefix` says `s` starts (after any sign) with a
/// two-character `0x`/`0X`/`0o` prefix.
fn output(
    s: &str,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
    numeric: Option<bool>,
) -> Result<String, FmtError> {
    let has_prefix = numeric == Some(true);
    let numeric = numeric.is_some();
    let flags = spec.flags;
    let chars: Vec<char> = s.chars().collect();
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut len = chars.len() as i64;
    if matches!(spec.conv, 's' | 'r' | 'a')
        && let Some(p) = precision
    {
        len = len.min(p as i64);
    }
    let mut width = width.map_or(-1, |w| w as i64);
    let mut start = 0;
    let mut sign = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign = Some(c);
                len -= 1;
                start = 1;
            }
            _ if flags.plus => sign = Some('+'),
            _ if flags.space => sign = Some(' '),
            _ => {}
        }
    }
    width = width.max(len);
    let mut out = string_with_capacity(s.len().saturating_add(width.max(0) as usize))?;
    let pad = |out: &mut String, c: char, n: i64| {
        out.extend(std::iter::repeat_n(c, n.max(0) as usize));
    };
    // With zero fill the sign and prefix go before the padding, with space
    // fill after it.
    if let Some(c) = sign {
        if fill != ' ' {
            out.push(c);
        }
        if width > len {
            width -= 1;
        }
    }
    if has_prefix {
        if fill != ' ' {
            out.extend(&chars[start..start + 2]);
            start += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !flags.minus {
        pad(&mut out, fill, width - len);
        width = len;
    }
    if fill == ' ' {
        out.extend(sign);
        if has_prefix {
            out.extend(&chars[start..start + 2]);
            start += 2;
        }
    }
    out.extend(&chars[start..start + len.max(0) as usize]);
    pad(&mut out, ' ', width - len);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::spec::FmtErrorKind;
    use super::*;

    /// Eager variant: the first syntax error or unsupported conversion is an
    /// `Err` right away (ignoring the argument-related ordering described on
    /// [`PercentPiece::Invalid`]).  The pieces are only `Literal` and `Spec`.
    fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece>, FmtError> {
        let pieces = parse_percent_pieces(fmt);
        for piece in &pieces {
            match piece {
                PercentPiece::Invalid { error, .. } => return Err(error.clone()),
                PercentPiece::Spec(spec) => check_conversion(spec)?,
                PercentPiece::Literal(_) => {}
            }
        }
        Ok(pieces)
    }

    /// A test argument: int, float, or text (already str()/repr()'d).
    #[derive(Clone, Copy)]
    enum A<'a> {
        I(i64),
        F(f64),
        S(&'a str),
    }

    struct Args<'a, 'b> {
        args: &'b [A<'a>],
        used: usize,
    }

    impl<'a> Args<'a, '_> {
        fn next(&mut self) -> Result<A<'a>, FmtError> {
            let arg = self.args.get(self.used).copied();
            self.used += 1;
            arg.ok_or_else(|| FmtError::type_error("not enough arguments for format string"))
        }
        fn star(&mut self) -> Result<BigInt, FmtError> {
            match self.next()? {
                A::I(n) => Ok(BigInt::from(n)),
                _ => Err(FmtError::type_error("* wants int")),
            }
        }
    }

    /// What the interpreter's `str % tuple` loop does with these pieces.
    fn run(fmt: &str, args: &[A]) -> Result<String, FmtError> {
        let mut args = Args { args, used: 0 };
        let mut out = String::new();
        for piece in parse_percent_pieces(fmt) {
            let mut spec = match piece {
                PercentPiece::Literal(s) => {
                    out.push_str(&s);
                    continue;
                }
                PercentPiece::Invalid { error, stars, .. } => {
                    for _ in 0..stars {
                        args.star()?;
                    }
                    return Err(error);
                }
                PercentPiece::Spec(spec) => spec,
            };
            let width = match spec.width {
                Some(Count::Star) => Some(star_width(&args.star()?, &mut spec.flags)?),
                Some(Count::Fixed(n)) => Some(n),
                None => None,
            };
            let precision = match spec.precision {
                Some(Count::Star) => Some(star_precision(&args.star()?)?),
                Some(Count::Fixed(n)) => Some(n),
                None => None,
            };
            let arg = args.next()?;
            check_conversion(&spec)?;
            let piece = match (spec.conv, arg) {
                ('c', A::I(n)) => {
                    let c = percent_char(&BigInt::from(n))?.to_string();
                    percent_pad_str(&c, &spec, width, precision)?
                }
                ('s' | 'r' | 'a' | 'c', A::S(s)) => percent_pad_str(s, &spec, width, precision)?,
                ('e' | 'E' | 'f' | 'F' | 'g' | 'G', A::F(x)) => {
                    percent_float(x, &spec, width, precision)?
                }
                (_, A::I(n)) => percent_int(&BigInt::from(n), &spec, width, precision)?,
                _ => unreachable!("test driver: unexpected argument for {:?}", spec.conv),
            };
            out.push_str(&piece);
        }
        if args.used < args.args.len() {
            return Err(FmtError::type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(out)
    }

    use A::{F, I, S};

    #[test]
    fn renders_like_cpython() {
        // Each expected value from python3.12 -c 'print(repr(FMT % ARGS))'.
        #[rustfmt::skip]
        let cases: &[(&str, &[A], &str)] = &[
            ("%d", &[I(42)], "42"),
            ("%5d|%-5d|%05d", &[I(42), I(42), I(-42)], "   42|42   |-0042"),
            ("%+d % d %+05d", &[I(3), I(3), I(-3)], "+3  3 -0003"),
            ("%x %X %#x %#X %#o %o", &[I(255), I(255), I(255), I(255), I(8), I(8)], "ff FF 0xff 0XFF 0o10 10"),
            ("%#010x|%-#10x|%+#x|%#8.5X", &[I(255), I(255), I(255), I(255)], "0x000000ff|0xff      |+0xff| 0X000FF"),
            ("%.3d|%-+8.4d|%08.3d", &[I(5), I(-7), I(9)], "005|-0007   |00000009"),
            ("%i %u", &[I(-1), I(7)], "-1 7"),
            ("%f|%.2f|%10.3f|%-10.1f|%+.0f|%#.0f|% f", &[F(1.5), F(2.675), F(3.14158), F(2.25), F(0.5), F(1.0), F(1.0)], "1.500000|2.67|     3.142|2.2       |+0|1.| 1.000000"),
            ("%e|%E|%.0e|%#.0e|%g|%G|%#g|%.3g", &[F(12345.678), F(1e-300), F(2.5), F(1.0), F(1e-5), F(1e16), F(1.0), F(0.0001234)], "1.234568e+04|1.000000E-300|2e+00|1.e+00|1e-05|1E+16|1.00000|0.000123"),
            ("%010f|%-010f|%+010.2f|%010f", &[F(f64::INFINITY), F(-1.5), F(3.0), F(f64::NAN)], "0000000inf|-1.500000 |+000003.00|0000000nan"),
            ("%s|%10s|%-10s|%.2s|%5.1s|%05s", &[S("abc"), S("abc"), S("abc"), S("abc"), S("abc"), S("ab")], "abc|       abc|abc       |ab|    a|   ab"),
            ("%c%c|%5c|%-3c|", &[I(65), S("é"), S("x"), I(0x1F600)], "Aé|    x|😀  |"),
            ("%*d|%-*d|%.*f|%*.*f", &[I(5), I(1), I(5), I(1), I(2), F(3.14158), I(8), I(3), F(2.0)], "    1|1    |3.14|   2.000"),
            ("%*d", &[I(-6), I(7)], "7     "),
            ("%.*f", &[I(-3), F(2.5)], "2"),
            ("%ld %hd %Lf", &[I(1), I(2), F(3.5)], "1 2 3.500000"),
            ("%.f|%.e", &[F(2.5), F(2.5)], "2|2e+00"),
            ("日本%s語%3s", &[S("é"), S("日")], "日本é語  日"),
            ("%#.3o|%#5o|%-#8X|", &[I(8), I(0), I(3054)], "0o010|  0o0|0XBEE   |"),
            ("%+s|% s|%#s", &[S("a"), S("b"), S("c")], "a|b|c"),
            ("%.0s|%.10r", &[S("abc"), S("'abc'")], "|'abc'"),
            ("%d%%", &[I(5)], "5%"),
            ("%e", &[F(0.0)], "0.000000e+00"),
            ("%g", &[F(-0.0)], "-0"),
            ("%.10g", &[F(1.0 / 3.0)], "0.3333333333"),
            ("%20.12e", &[F(-1.0 / 3.0)], " -3.333333333333e-01"),
        ];
        for &(fmt, args, want) in cases {
            assert_eq!(run(fmt, args).as_deref(), Ok(want), "{fmt:?}");
        }
        // python3 -c 'print("%d|%x" % (10**30, -2**70))'
        let spec = |conv| match parse_percent(conv).unwrap().remove(0) {
            PercentPiece::Spec(s) => s,
            other => panic!("{other:?}"),
        };
        let huge: BigInt = "1000000000000000000000000000000".parse().unwrap();
        assert_eq!(
            percent_int(&huge, &spec("%d"), None, None).unwrap(),
            "1000000000000000000000000000000"
        );
        let neg: BigInt = "-1180591620717411303424".parse().unwrap();
        assert_eq!(
            percent_int(&neg, &spec("%x"), None, None).unwrap(),
            "-400000000000000000"
        );
    }

    #[test]
    fn errors_like_cpython() {
        use FmtErrorKind::*;
        // Each from python3.12 -c 'FMT % ARGS' (message of the exception).
        #[rustfmt::skip]
        let cases: &[(&str, &[A], FmtErrorKind, &str)] = &[
            ("%y", &[], TypeError, "not enough arguments for format string"),
            ("%s %y", &[I(1)], TypeError, "not enough arguments for format string"),
            ("%y", &[I(1)], ValueError, "unsupported format character 'y' (0x79) at index 1"),
            ("%", &[], ValueError, "incomplete format"),
            ("%.", &[I(1)], ValueError, "incomplete format"),
            ("%5%", &[I(1)], ValueError, "unsupported format character '%' (0x25) at index 2"),
            ("%*", &[I(5)], ValueError, "incomplete format"),
            ("%*", &[], TypeError, "not enough arguments for format string"),
            ("%99999999999999999999d", &[I(1)], ValueError, "width too big"),
            ("%.99999999999d", &[I(1)], ValueError, "precision too big"),
            ("%\x01", &[I(1)], ValueError, "unsupported format character '?' (0x1) at index 1"),
            ("ab %-", &[I(1)], ValueError, "incomplete format"),
            ("%5.2é", &[I(1)], ValueError, "unsupported format character '?' (0xe9) at index 4"),
            ("%s", &[I(1), I(2)], TypeError, "not all arguments converted during string formatting"),
            ("%d %d", &[I(1)], TypeError, "not enough arguments for format string"),
            ("%c", &[I(-1)], OverflowError, "%c arg not in range(0x110000)"),
            ("%c", &[I(0x110000)], OverflowError, "%c arg not in range(0x110000)"),
            ("%*.*", &[I(1), I(2)], ValueError, "incomplete format"),
            ("%.*", &[I(1)], ValueError, "incomplete format"),
        ];
        for &(fmt, args, kind, msg) in cases {
            let err = run(fmt, args).unwrap_err();
            assert_eq!((err.kind, err.message.as_str()), (kind, msg), "{fmt:?}");
        }
        // python3 -c '"%*d" % (2**63, 1)' / '"%.*f" % (2**31, 1.5)'
        let mut flags = PercentFlags::default();
        let big: BigInt = BigInt::from(1u64 << 63);
        assert_eq!(
            star_width(&big, &mut flags).unwrap_err().message,
            "Python int too large to convert to C ssize_t"
        );
        assert_eq!(
            star_precision(&BigInt::from(1u64 << 31))
                .unwrap_err()
                .message,
            "Python int too large to convert to C int"
        );
        // python3 -c '"%*d" % (2**62, 1)' -> MemoryError
        assert_eq!(run("%*d", &[I(1 << 62), I(1)]), Err(FmtError::memory()));
        // python3 -c '"%c" % 2**70' -> OverflowError: %c arg not in range(0x110000)
        assert_eq!(
            percent_char(&(BigInt::from(1) << 70u32))
                .unwrap_err()
                .message,
            "%c arg not in range(0x110000)"
        );
    }

    #[test]
    fn keys_and_literals() {
        // python3 -c 'print("%(a)s-%(b)05d-%(a(b))r" % {"a": "x", "b": 12, "a(b)": 1})' -> x-00012-1
        let pieces = parse_percent("%(a)s-%(b)05d-%(a(b))r").unwrap();
        let keys: Vec<_> = pieces
            .iter()
            .filter_map(|p| match p {
                PercentPiece::Spec(s) => Some((s.key.clone().unwrap(), s.conv)),
                _ => None,
            })
            .collect();
        assert_eq!(
            keys,
            [("a".into(), 's'), ("b".into(), 'd'), ("a(b)".into(), 'r')]
        );
        // "%%" only right after '%':  python3 -c 'print("a%%b%%" % ())' -> a%b%
        assert_eq!(
            parse_percent("a%%b%%").unwrap(),
            [PercentPiece::Literal("a%b%".into())]
        );
        // python3 -c '"%(a" % {}' -> ValueError: incomplete format key
        // python3 -c '"%(a)" % {}' -> KeyError: 'a' (the key is looked up first)
        assert_eq!(
            parse_percent_pieces("x%(a"),
            [
                PercentPiece::Literal("x".into()),
                PercentPiece::Invalid {
                    error: FmtError::value("incomplete format key"),
                    key: None,
                    stars: 0
                }
            ]
        );
        assert_eq!(
            parse_percent_pieces("%(a)"),
            [PercentPiece::Invalid {
                error: FmtError::value("incomplete format"),
                key: Some("a".into()),
                stars: 0
            }]
        );
    }
}
