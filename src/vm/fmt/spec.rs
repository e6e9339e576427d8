//! The format-spec mini-language and `int`/`float`/`str` `__format__`, after CPython's Python/formatter_unicode.c.

use super::float_repr::{DtoaFlags, double_to_string};
use super::parse_num::{int_to_f64, unicode_decimal};
use super::percent::int_to_char;
use num_bigint::BigInt;
use num_traits::Signed;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding goes between the sign/prefix and the digits.
    AfterSign,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    Minus,
    Plus,
    Space,
}

/// A parsed `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.
///
/// `align: None` means "the type's default" (right for numbers, left for
/// strings).  When the `0` flag is given without an explicit fill,
/// `zero_pad` is set and `fill` is already `'0'`; numbers then default to
/// `=` alignment, strings keep left alignment (CPython >= 3.10).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Option<Align>,
    pub sign: Option<Sign>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub zero_pad: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

/// Which Python exception a formatting failure maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
// The variants are the names of Python exception classes.
#[allow(clippy::enum_variant_names)]
pub enum FmtErrorKind {
    ValueError,
    /// Only the tests' model of the interpreter's `%` argument loop (`percent.rs`) raises a
    /// TypeError here; the interpreter raises its own (`vm/percent_apply.rs`).
    #[cfg(test)]
    TypeError,
    OverflowError,
    /// Only for outputs too large to allocate (CPython's bare MemoryError).
    MemoryError,
}

/// A Python exception (class + message) raised by formatting or parsing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FmtError {
    pub kind: FmtErrorKind,
    pub message: String,
}

impl FmtError {
    fn new(kind: FmtErrorKind, message: impl Into<String>) -> Self {
        let message = message.into();
        FmtError { kind, message }
    }
    pub fn value(message: impl Into<String>) -> Self {
        Self::new(FmtErrorKind::ValueError, message)
    }
    #[cfg(test)]
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new(FmtErrorKind::TypeError, message)
    }
    pub fn overflow(message: impl Into<String>) -> Self {
        Self::new(FmtErrorKind::OverflowError, message)
    }
    /// CPython's bare `MemoryError()` (empty message).
    pub fn memory() -> Self {
        Self::new(FmtErrorKind::MemoryError, "")
    }
}

impl std::fmt::Display for FmtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)
    }
}

impl std::error::Error for FmtError {}

fn value_err<T>(message: &str) -> Result<T, FmtError> {
    Err(FmtError::value(message))
}

/// The run's memory limit for an output of about `bytes` (`runtime::memory::reserve`).
pub(crate) fn reserve_output(bytes: usize) -> Result<(), FmtError> {
    crate::runtime::memory::reserve(bytes as u64).map_err(|_| FmtError::memory())
}

/// Allocates the output up front, fallibly: an absurd width such as
/// `format(1, '9223372036854775807')` is a MemoryError in CPython, and must
/// not abort the process here.
pub(crate) fn string_with_capacity(bytes: usize) -> Result<String, FmtError> {
    reserve_output(bytes)?;
    let mut s = String::new();
    s.try_reserve(bytes).map_err(|_| FmtError::memory())?;
    Ok(s)
}

/// How CPython quotes a presentation type in messages: printable ASCII as
/// itself, anything else as `\x..` (C's `%x`, no zero padding).
fn code_repr(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{u:x}'")
    }
}

fn unknown_code(ty: char, type_name: &str) -> FmtError {
    FmtError::value(format!(
        "Unknown format code {} for object of type '{type_name}'",
        code_repr(ty)
    ))
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// `get_integer`: a run of (Unicode) decimal digits, bounded by Py_ssize_t.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FmtError> {
    let start = *pos;
    let mut acc: i64 = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| unicode_decimal(c)) {
        let d = i64::from(d);
        if acc > (i64::MAX - d) / 10 {
            return value_err("Too many decimal digits in format string");
        }
        acc = acc * 10 + d;
        *pos += 1;
    }
    Ok((*pos > start).then_some(acc as usize))
}

/// `parse_internal_render_format_spec`, minus the check of the grouping
/// option against the presentation type: that one needs the type's default
/// presentation type and is done by the `format_*` functions, first thing,
/// so the order of errors is CPython's.  `type_name` only feeds the
/// "Invalid format specifier" message.
pub fn parse_format_spec(spec: &str, type_name: &str) -> Result<FormatSpec, FmtError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut f = FormatSpec::default();
    let mut pos = 0;
    let mut fill_specified = false;
    if end >= 2
        && let Some(a) = align_of(chars[1])
    {
        f.fill = chars[0];
        f.align = Some(a);
        fill_specified = true;
        pos = 2;
    } else if let Some(a) = chars.first().and_then(|&c| align_of(c)) {
        f.align = Some(a);
        pos = 1;
    }
    let eat = |pos: &mut usize, c: char| {
        let found = chars.get(*pos) == Some(&c);
        *pos += usize::from(found);
        found
    };
    f.sign = match chars.get(pos) {
        Some('+') => Some(Sign::Plus),
        Some('-') => Some(Sign::Minus),
        Some(' ') => Some(Sign::Space),
        _ => None,
    };
    pos += usize::from(f.sign.is_some());
    f.no_neg_zero = eat(&mut pos, 'z');
    f.alternate = eat(&mut pos, '#');
    // The legacy '0' flag only counts when no fill character was given;
    // otherwise it is the first digit of the width.
    if !fill_specified && eat(&mut pos, '0') {
        f.fill = '0';
        f.zero_pad = true;
    }
    f.width = get_integer(&chars, &mut pos)?;
    let both = || FmtError::value("Cannot specify both ',' and '_'.");
    if eat(&mut pos, ',') {
        f.grouping = Some(',');
    }
    if eat(&mut pos, '_') {
        if f.grouping.is_some() {
            return Err(both());
        }
        f.grouping = Some('_');
    }
    // A ',' after '_' is an error, but a second ',' is left for the type
    // check (",," -> "Cannot specify ',' with ','.").
    if f.grouping == Some('_') && chars.get(pos) == Some(&',') {
        return Err(both());
    }
    if eat(&mut pos, '.') {
        f.precision = get_integer(&chars, &mut pos)?;
        if f.precision.is_none() {
            return value_err("Format specifier missing precision");
        }
    }
    if end - pos > 1 {
        return Err(FmtError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    f.ty = chars.get(pos).copied();
    Ok(f)
}

/// The grouping half of the spec validation (see [`parse_format_spec`]):
/// returns the separator and group size.  `_` groups hex/octal/binary digits
/// by four (PEP 515).
fn grouping_for(spec: &FormatSpec, ty: char) -> Result<Option<(char, usize)>, FmtError> {
    let Some(sep) = spec.grouping else {
        return Ok(None);
    };
    match ty {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(Some((sep, 3))),
        'b' | 'o' | 'x' | 'X' if sep == '_' => Ok(Some((sep, 4))),
        _ => Err(FmtError::value(format!(
            "Cannot specify '{sep}' with {}.",
            code_repr(ty)
        ))),
    }
}

/// `_PyUnicode_InsertThousandsGrouping`: groups `digits` (ASCII) from the
/// right, padding with zeros until at least `min_width` characters.  When
/// zero padding is requested the pad zeros are grouped too (`'00,001,234'`).
fn group_digits(
    digits: &[u8],
    min_width: i64,
    group: Option<(char, usize)>,
) -> Result<String, FmtError> {
    // 'c' and inf/nan have no digits, and so no zero padding either.
    if digits.is_empty() {
        return Ok(String::new());
    }
    let mut min_width = min_width.max(0);
    let widest = digits.len().max(min_width as usize);
    let mut rev = string_with_capacity(widest.saturating_add(widest / 3 + 1))?.into_bytes();
    let mut pos = digits.len();
    let mut remaining = digits.len() as i64;
    // Digits, zeros and separators (',' or '_') are all ASCII.
    let mut chunk = |rev: &mut Vec<u8>, len: i64, remaining: i64, sep: Option<char>| {
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        rev.extend(sep.map(|c| c as u8));
        for _ in 0..n_chars {
            pos -= 1;
            rev.push(digits[pos]);
        }
        rev.extend(std::iter::repeat_n(b'0', n_zeros as usize));
        n_chars
    };
    if let Some((sep, size)) = group {
        let size = size as i64;
        let mut use_sep = false;
        loop {
            let len = size.min(remaining.max(min_width).max(1));
            remaining -= chunk(&mut rev, len, remaining, use_sep.then_some(sep));
            use_sep = true;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                break;
            }
            min_width -= 1; // the separator's width
        }
    } else {
        let len = remaining.max(min_width).max(1);
        chunk(&mut rev, len, remaining, None);
    }
    rev.reverse();
    Ok(String::from_utf8(rev).unwrap_or_default())
}

/// The pieces of a formatted number, as `calc_number_widths` sees them:
/// `<sign><prefix><digits>[.]<remainder>`.  Only `digits` get grouped.
struct Number<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    has_decimal: bool,
    remainder: &'a str,
}

impl<'a> Number<'a> {
    fn new(negative: bool, prefix: &'a str, digits: &'a str, dot: bool, rest: &'a str) -> Self {
        let (has_decimal, remainder) = (dot, rest);
        Number {
            negative,
            prefix,
            digits,
            has_decimal,
            remainder,
        }
    }
}

/// `calc_number_widths` + `fill_number`: sign, padding, grouping.
fn compose(
    num: &Number,
    spec: &FormatSpec,
    group: Option<(char, usize)>,
) -> Result<String, FmtError> {
    let sign = match (spec.sign, num.negative) {
        (_, true) => Some('-'),
        (Some(Sign::Plus), false) => Some('+'),
        (Some(Sign::Space), false) => Some(' '),
        _ => None,
    };
    let align = spec.align.unwrap_or(if spec.zero_pad {
        Align::AfterSign
    } else {
        Align::Right
    });
    let width = spec.width.map_or(-1, |w| w as i64);
    let n_non_digit = i64::from(sign.is_some())
        + num.prefix.len() as i64
        + i64::from(num.has_decimal)
        + num.remainder.chars().count() as i64;
    // Zero padding happens inside the digits, so it can be grouped too.
    let zero_fill = spec.fill == '0' && align == Align::AfterSign;
    let min_width = if zero_fill { width - n_non_digit } else { 0 };
    let grouped = group_digits(num.digits.as_bytes(), min_width, group)?;
    let padding = (width - (n_non_digit + grouped.len() as i64)).max(0) as usize;
    let (left, inner, right) = match align {
        Align::Left => (0, 0, padding),
        Align::Right => (padding, 0, 0),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
    };
    let fill = |out: &mut String, n: usize| out.extend(std::iter::repeat_n(spec.fill, n));
    let body = sign.map_or(0, char::len_utf8)
        + num.prefix.len()
        + grouped.len()
        + usize::from(num.has_decimal)
        + num.remainder.len();
    let mut out = string_with_capacity(body.saturating_add(padding.saturating_mul(4)))?;
    fill(&mut out, left);
    out.extend(sign);
    out.push_str(num.prefix);
    fill(&mut out, inner);
    out.push_str(&grouped);
    if num.has_decimal {
        out.push('.');
    }
    out.push_str(num.remainder);
    fill(&mut out, right);
    Ok(out)
}

/// `int.__format__` of a `type_name` (`int`, or a subclass such as `bool`, named in the
/// "Unknown format code" message). For the default (empty) spec this returns `str(v)`,
/// but for a `bool` the caller must answer `format(True, '')` with `str(True)` itself, as
/// CPython's `format_obj` does.
pub fn format_int_as(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    let ty = spec.ty.unwrap_or('d');
    let group = grouping_for(spec, ty)?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long(v, spec, ty, group),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            format_float_internal(int_to_f64(v)?, spec, ty, group)
        }
        _ => Err(unknown_code(ty, type_name)),
    }
}

/// `format_long_internal`.
fn format_long(
    v: &BigInt,
    spec: &FormatSpec,
    ty: char,
    group: Option<(char, usize)>,
) -> Result<String, FmtError> {
    if spec.precision.is_some() {
        return value_err("Precision not allowed in integer format specifier");
    }
    if spec.no_neg_zero {
        return value_err("Negative zero coercion (z) not allowed in integer format specifier");
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return value_err("Sign not allowed with integer format specifier 'c'");
        }
        if spec.alternate {
            return value_err("Alternate form (#) not allowed with integer format specifier 'c'");
        }
        let ch = int_to_char(v)?;
        // The character is passed as "remainder" so it is never grouped or
        // zero-padded, as CPython does.
        let text = ch.to_string();
        return compose(&Number::new(false, "", "", false, &text), spec, None);
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude().to_str_radix(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if spec.alternate { prefix } else { "" };
    let num = Number::new(v.is_negative(), prefix, &digits, false, "");
    // 'n' uses the current locale; gilsim only has the C locale, which does
    // no grouping.
    compose(&num, spec, if ty == 'n' { None } else { group })
}

/// `float.__format__`.
pub fn format_float(v: f64, spec: &FormatSpec) -> Result<String, FmtError> {
    format_float_as(v, spec, "float")
}

/// [`format_float`] with the type name used in "Unknown format code".
pub fn format_float_as(v: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    // A literal NUL type character is the same as no type at all.
    let ty = spec.ty.unwrap_or('\0');
    let group = grouping_for(spec, ty)?;
    match ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => {
            format_float_internal(v, spec, ty, group)
        }
        _ => Err(unknown_code(ty, type_name)),
    }
}

/// `format_float_internal`.
fn format_float_internal(
    v: f64,
    spec: &FormatSpec,
    ty: char,
    group: Option<(char, usize)>,
) -> Result<String, FmtError> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return value_err("precision too big");
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_zero,
        ..DtoaFlags::default()
    };
    let mut code = ty;
    let mut default_precision = 6;
    let mut v = v;
    let mut add_pct = false;
    match ty {
        // No type: repr() when there is no precision, otherwise 'g' that
        // keeps a ".0" (and switches to exponent one digit earlier).
        '\0' => {
            flags.add_dot_0 = true;
            code = 'r';
            default_precision = 0;
        }
        'n' => code = 'g',
        '%' => {
            code = 'f';
            v *= 100.0;
            add_pct = true;
        }
        _ => {}
    }
    if spec.precision.is_some() && code == 'r' {
        code = 'g';
    }
    let precision = spec.precision.unwrap_or(default_precision);
    // The digits of a double in 'f' form reach 309 before the point; the rest is zeros.
    reserve_output(precision.saturating_add(400))?;
    let mut s = double_to_string(v, code, precision, flags);
    if add_pct {
        s.push('%');
    }
    let unsigned = s.strip_prefix('-');
    let (negative, body) = (unsigned.is_some(), unsigned.unwrap_or(&s));
    // parse_number: leading digits, then an optional '.', then the rest.
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_digits);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let num = Number::new(negative, "", digits, has_decimal, remainder);
    compose(&num, spec, if ty == 'n' { None } else { group })
}

/// `str.__format__` (`format_string_internal`).
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, FmtError> {
    format_str_as(s, spec, "str")
}

/// [`format_str`] with the type name used in "Unknown format code".
pub fn format_str_as(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    let ty = spec.ty.unwrap_or('s');
    grouping_for(spec, ty)?;
    if ty != 's' {
        return Err(unknown_code(ty, type_name));
    }
    if let Some(sign) = spec.sign {
        let what = if sign == Sign::Space { "Space" } else { "Sign" };
        return value_err(&format!("{what} not allowed in string format specifier"));
    }
    if spec.no_neg_zero {
        return value_err("Negative zero coercion (z) not allowed in string format specifier");
    }
    if spec.alternate {
        return value_err("Alternate form (#) not allowed in string format specifier");
    }
    let align = spec.align.unwrap_or(Align::Left);
    if align == Align::AfterSign {
        return value_err("'=' alignment not allowed in string format specifier");
    }
    let cut = spec.precision.and_then(|p| s.char_indices().nth(p));
    let body = cut.map_or(s, |(at, _)| &s[..at]);
    let len = body.chars().count();
    let total = spec.width.unwrap_or(0).max(len);
    let left = match align {
        Align::Right => total - len,
        Align::Center => (total - len) / 2,
        _ => 0,
    };
    let pad_bytes = (total - len).saturating_mul(spec.fill.len_utf8());
    let mut out = string_with_capacity(body.len().saturating_add(pad_bytes))?;
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(spec.fill, total - len - left));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use FmtErrorKind::*;

    enum V {
        I(&'static str),
        Pow2(u32),
        F(f64),
        S(&'static str),
    }

    fn int(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    fn run(v: &V, spec: &str) -> Result<String, FmtError> {
        match v {
            V::I(s) => format_int_as(&int(s), &parse_format_spec(spec, "int")?, "int"),
            V::Pow2(n) => format_int_as(
                &(BigInt::from(1) << *n),
                &parse_format_spec(spec, "int")?,
                "int",
            ),
            V::F(x) => format_float(*x, &parse_format_spec(spec, "float")?),
            V::S(s) => format_str(s, &parse_format_spec(spec, "str")?),
        }
    }

    #[test]
    fn formats_like_cpython() {
        // python3.12 -c 'print(repr(format(V, SPEC)))' for each row
        #[rustfmt::skip]
        let ints: &[(&str, &str, &str)] = &[
            ("1234567", ",", "1,234,567"),
            ("1234", "010,d", "00,001,234"),
            ("1234", "09,", "0,001,234"),
            ("-1234", "_", "-1_234"),
            ("255", "#x", "0xff"),
            ("255", "#X", "0XFF"),
            ("255", "#010b", "0b11111111"),
            ("3735928559", "_x", "dead_beef"),
            ("3735928559", "#_X", "0XDEAD_BEEF"),
            ("5", "_b", "101"),
            ("-42", "=+8", "-     42"),
            ("42", " ", " 42"),
            ("42", "*^9", "***42****"),
            ("42", "<05", "42000"),
            ("42", ">+6", "   +42"),
            ("65", "c", "A"),
            ("128512", "^5c", "  😀  "),
            ("65", "05c", "0000A"),
            ("1000000000000000000000000000000", ",", "1,000,000,000,000,000,000,000,000,000,000"),
            ("-100000000000000000000", "040_", "-000_000_000_100_000_000_000_000_000_000"),
            ("1234", "n", "1234"),
            ("-7", "o", "-7"),
            ("100000000000000000000", "e", "1.000000e+20"),
            ("7", ".3%", "700.000%"),
            ("12345678901234567890", ".3g", "1.23e+19"),
            ("3", "f", "3.000000"),
            ("1152921504606846976", ",.2f", "1,152,921,504,606,846,976.00"),
            ("0", "d", "0"),
            ("0", "#o", "0o0"),
        ];
        #[rustfmt::skip]
        let floats: &[(f64, &str, &str)] = &[
            (1234.5, "012,.1f", "00,001,234.5"),
            (1.5, "", "1.5"),
            (1e+16, "", "1e+16"),
            (123.0, ".3", "1.23e+02"),
            (1.0, ".3", "1.0"),
            (0.0001, ".2", "0.0001"),
            (1e-05, ".3", "1e-05"),
            (2.675, ".2f", "2.67"),
            (-0.0, "z.1f", "0.0"),
            (-0.0001, "+z.2f", "+0.00"),
            (f64::INFINITY, "010", "0000000inf"),
            (f64::NEG_INFINITY, "=+10", "-      inf"),
            (f64::NAN, "+", "+nan"),
            (f64::NAN, "F", "NAN"),
            (1e+300, ",", "1e+300"),
            (1234567.125, "_.2f", "1_234_567.12"),
            (0.5, ".0%", "50%"),
            (0.25, "%", "25.000000%"),
            (1e+100, "n", "1e+100"),
            (1.0, "#.0f", "1."),
            (1.0, "#g", "1.00000"),
            (12345.678, "^+20,.3e", "     +1.235e+04     "),
            (3.14158, "*<12.4G", "3.142*******"),
            (-1.5, "010", "-0000001.5"),
            (1e+16, ",.0f", "10,000,000,000,000,000"),
            (100.0, ".1", "1e+02"),
            (f64::INFINITY, ".2%", "inf%"),
            (5e-324, "g", "4.94066e-324"),
            (1.5, "\x00", "1.5"),
            (0.1, ".30f", "0.100000000000000005551115123126"),
        ];
        #[rustfmt::skip]
        let strs: &[(&str, &str, &str)] = &[
            ("abc", "10", "abc       "),
            ("abc", "^10", "   abc    "),
            ("abc", "*>7", "****abc"),
            ("abcdef", ".3", "abc"),
            ("日本語", "^9", "   日本語   "),
            ("日本語", ".2", "日本"),
            ("ab", "05", "ab000"),
            ("abc", "", "abc"),
            ("x", "é<4s", "xééé"),
        ];
        // python3.12 -c 'format(V, SPEC)' -> exception class: message
        #[rustfmt::skip]
        let errs: &[(V, &str, FmtErrorKind, &str)] = &[
            (V::I("1"), "abc,", ValueError, "Invalid format specifier 'abc,' for object of type 'int'"),
            (V::I("1"), "\x00", ValueError, "Unknown format code '\\x0' for object of type 'int'"),
            (V::I("1"), ",,", ValueError, "Cannot specify ',' with ','."),
            (V::I("1"), "_,", ValueError, "Cannot specify both ',' and '_'."),
            (V::I("1"), "__", ValueError, "Cannot specify '_' with '_'."),
            (V::I("1"), ".2", ValueError, "Precision not allowed in integer format specifier"),
            (V::I("1"), "z", ValueError, "Negative zero coercion (z) not allowed in integer format specifier"),
            (V::I("1"), "+c", ValueError, "Sign not allowed with integer format specifier 'c'"),
            (V::I("1"), "#c", ValueError, "Alternate form (#) not allowed with integer format specifier 'c'"),
            (V::I("1114112"), "c", OverflowError, "%c arg not in range(0x110000)"),
            (V::I("1180591620717411303424"), "c", OverflowError, "Python int too large to convert to C long"),
            (V::I("-1"), "c", OverflowError, "%c arg not in range(0x110000)"),
            (V::I("1"), "q", ValueError, "Unknown format code 'q' for object of type 'int'"),
            (V::I("1"), "é", ValueError, "Unknown format code '\\xe9' for object of type 'int'"),
            (V::S("s"), "\x00", ValueError, "Unknown format code '\\x0' for object of type 'str'"),
            (V::Pow2(1024), "f", OverflowError, "int too large to convert to float"),
            (V::I("1"), ",c", ValueError, "Cannot specify ',' with 'c'."),
            (V::I("1"), ",n", ValueError, "Cannot specify ',' with 'n'."),
            (V::I("1"), ",x", ValueError, "Cannot specify ',' with 'x'."),
            (V::F(1.5), "d", ValueError, "Unknown format code 'd' for object of type 'float'"),
            (V::F(1.5), "_x", ValueError, "Unknown format code 'x' for object of type 'float'"),
            (V::F(1.5), ".", ValueError, "Format specifier missing precision"),
            (V::F(1.5), "99999999999999999999", ValueError, "Too many decimal digits in format string"),
            (V::F(1.5), ".2147483648f", ValueError, "precision too big"),
            (V::S("s"), "d", ValueError, "Unknown format code 'd' for object of type 'str'"),
            (V::S("s"), ",", ValueError, "Cannot specify ',' with 's'."),
            (V::S("s"), "_s", ValueError, "Cannot specify '_' with 's'."),
            (V::S("s"), "+", ValueError, "Sign not allowed in string format specifier"),
            (V::S("s"), " ", ValueError, "Space not allowed in string format specifier"),
            (V::S("s"), "z", ValueError, "Negative zero coercion (z) not allowed in string format specifier"),
            (V::S("s"), "#", ValueError, "Alternate form (#) not allowed in string format specifier"),
            (V::S("s"), "=10", ValueError, "'=' alignment not allowed in string format specifier"),
            (V::S("s"), " \x01", ValueError, "Unknown format code '\\x1' for object of type 'str'"),
            (V::S("s"), ",\x01", ValueError, "Cannot specify ',' with '\\x1'."),
        ];
        for &(v, spec, want) in ints {
            assert_eq!(
                run(&V::I(v), spec).as_deref(),
                Ok(want),
                "format({v}, {spec:?})"
            );
        }
        for &(v, spec, want) in floats {
            assert_eq!(
                run(&V::F(v), spec).as_deref(),
                Ok(want),
                "format({v:?}, {spec:?})"
            );
        }
        for &(v, spec, want) in strs {
            assert_eq!(
                run(&V::S(v), spec).as_deref(),
                Ok(want),
                "format({v:?}, {spec:?})"
            );
        }
        for (v, spec, kind, msg) in errs {
            let err = run(v, spec).unwrap_err();
            assert_eq!(
                (err.kind, err.message.as_str()),
                (*kind, *msg),
                "spec {spec:?}"
            );
        }
    }

    #[test]
    fn parses_fields() {
        let spec = parse_format_spec("*^+z#012_.3e", "float").unwrap();
        #[rustfmt::skip]
        let want = FormatSpec {
            fill: '*', align: Some(Align::Center), sign: Some(Sign::Plus), no_neg_zero: true, alternate: true,
            zero_pad: false, width: Some(12), grouping: Some('_'), precision: Some(3), ty: Some('e'),
        };
        assert_eq!(spec, want);
        // '0' right after an explicit fill is part of the width.
        let spec = parse_format_spec("x<05", "int").unwrap();
        assert_eq!(
            (spec.fill, spec.zero_pad, spec.width),
            ('x', false, Some(5))
        );
        // Widths may be written in any script's decimal digits:
        // python3 -c 'print(repr(format(1, "\u0661\u0662")))' -> '           1'
        let spec = parse_format_spec("\u{661}\u{662}", "int").unwrap();
        assert_eq!(
            format_int_as(&BigInt::from(1), &spec, "int").unwrap(),
            "           1"
        );
        assert_eq!(parse_format_spec("", "int").unwrap(), FormatSpec::default());
    }

    #[test]
    fn absurd_widths_are_memory_errors() {
        // python3 -c 'format(1, "9223372036854775807")' -> MemoryError (also
        // with "0" padding, for floats and for str).
        for (v, spec) in [
            (V::I("1"), "9223372036854775807"),
            (V::I("1"), "09223372036854775806"),
            (V::F(1.5), "9223372036854775800"),
            (V::S("a"), "9223372036854775807"),
        ] {
            assert_eq!(run(&v, spec), Err(FmtError::memory()), "{spec}");
        }
        // With "0" padding and grouping CPython first spends ~2**61 steps
        // counting the grouped width; gilsim fails at once instead.
        let spec = parse_format_spec("09223372036854775806,", "int").unwrap();
        assert_eq!(
            format_int_as(&int("1"), &spec, "int"),
            Err(FmtError::memory())
        );
    }
}
