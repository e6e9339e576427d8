//! `repr(float)` and a port of the layout rules of CPython's `PyOS_double_to_string`.

// CPython gets decimal digits from David Gay's `_Py_dg_dtoa` and then lays
// them out in `format_float_short` (Python/pystrtod.c).  Here the digits come
// from Rust's own formatter instead: its fixed-precision output is correctly
// rounded like dtoa's (ties go to even on the exact binary value), its
// shortest output needs one tie-breaking fix-up (see `shortest_digits`), and
// the layout rules are reimplemented on top.  Every other formatter in this
// crate (`format()`, `%`-formatting, `repr`) funnels through `double_to_string`.

/// The `Py_DTSF_*` flags of `PyOS_double_to_string`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `Py_DTSF_SIGN`: write `+` before non-negative numbers (and before nan).
    pub always_sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: an integral result without exponent gets `.0`.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` flag; keep trailing zeros / the decimal point.
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` flag; a result that rounds to zero loses its `-`.
    pub no_neg_0: bool,
}

/// Exactly `repr(x)` (and `str(x)`) of a CPython float.
pub fn float_repr(x: f64) -> String {
    let flags = DtoaFlags {
        add_dot_0: true,
        ..DtoaFlags::default()
    };
    double_to_string(x, 'r', 0, flags)
}

/// `PyOS_double_to_string(x, code, precision, flags, NULL)`.
///
/// `code` is one of `e E f F g G r`; `'r'` (shortest round-trip digits, the
/// `repr` mode) ignores `precision`.  Any other code is treated like `'r'`
/// (CPython raises an internal error there; callers never pass one).
/// Upper-case codes produce `E`, `INF` and `NAN`.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    let mut out = String::new();
    if x.is_nan() {
        // format_float_short never writes '-' for a nan, whatever its sign bit.
        if flags.always_sign {
            out.push('+');
        }
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    if x.is_infinite() {
        if x < 0.0 {
            out.push('-');
        } else if flags.always_sign {
            out.push('+');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }

    let mode = match code.to_ascii_lowercase() {
        c @ ('e' | 'f' | 'g') => c,
        _ => 'r',
    };
    let ax = x.abs();
    // i64 so that the layout arithmetic below can go negative safely.
    let mut precision = i64::try_from(precision).unwrap_or(i64::MAX / 4);
    // "precision 0 makes no sense for 'g' format; interpret as 1".
    if mode == 'g' && precision == 0 {
        precision = 1;
    }
    let (digits, decpt) = match mode {
        'e' => {
            // dtoa mode 2 with one more significant digit than the precision. CPython does
            // `precision++` on a C int (`format_float_short`, Python/pystrtod.c), which wraps
            // for INT_MAX: dtoa then takes one digit and the layout none after the point, so
            // `'%.2147483647e' % 1.5` is '2e+00'. Kept, so the output stays CPython's.
            precision = if precision == i64::from(i32::MAX) {
                i64::from(i32::MIN)
            } else {
                precision + 1
            };
            significant_digits(ax, precision)
        }
        'f' => fixed_digits(ax, precision),
        'g' => significant_digits(ax, precision),
        _ => shortest_digits(ax),
    };
    let mut negative = x.is_sign_negative();
    if negative && flags.no_neg_0 && digits.bytes().all(|b| b == b'0') {
        negative = false;
    }
    if negative {
        out.push('-');
    } else if flags.always_sign {
        out.push('+');
    }
    layout(&mut out, &digits, decpt, mode, precision, flags, upper);
    out
}

/// Splits Rust's `d.ddde±x` output into (`dddd`, decimal point position).
/// The decimal point position ("decpt") is dtoa's: the value is
/// `0.dddd × 10**decpt`.
fn split_scientific(s: &str) -> (String, i64) {
    let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    (digits, exp + 1)
}

/// dtoa mode 0: the shortest digit string that round-trips and, among
/// those, the closest to the exact value.
///
/// When the exact value lies exactly halfway between two such m-digit
/// strings (23347930054833.3125 -> ...833.312 or ...833.313), Rust's
/// shortest algorithm takes the upper one, while dtoa takes the one with an
/// even last digit (`_Py_dg_dtoa`, the `dig & 1` test); redo that choice.
fn shortest_digits(ax: f64) -> (String, i64) {
    let (digits, decpt) = split_scientific(&format!("{ax:e}"));
    let m = digits.len();
    // Cheap filter: a tie needs the correctly rounded (m+1)-digit string to
    // end in 5.
    if !format!("{:.*e}", m, ax)
        .split_once('e')
        .is_some_and(|(mantissa, _)| mantissa.ends_with('5'))
    {
        return (digits, decpt);
    }
    // 767 significant digits are enough to write any double exactly.
    let (exact, exact_decpt) = split_scientific(&format!("{ax:.800e}"));
    let exact = exact.trim_end_matches('0');
    if exact.len() != m + 1 || !exact.ends_with('5') {
        return (digits, decpt);
    }
    let lower = &exact[..m];
    let lower_is_even = (lower.as_bytes()[m - 1] - b'0').is_multiple_of(2);
    let even = if lower_is_even {
        (lower.to_string(), exact_decpt)
    } else {
        increment_digits(lower, exact_decpt)
    };
    let (mut even_digits, even_decpt) = even;
    let kept = even_digits.trim_end_matches('0').len().max(1);
    even_digits.truncate(kept);
    // Only if that candidate reads back as the same double.
    let round_trips = format!("0.{even_digits}e{even_decpt}")
        .parse::<f64>()
        .is_ok_and(|back| back == ax);
    if round_trips {
        (even_digits, even_decpt)
    } else {
        (digits, decpt)
    }
}

/// Adds one unit in the last place of a decimal digit string (with carry).
fn increment_digits(digits: &str, decpt: i64) -> (String, i64) {
    let mut bytes = digits.as_bytes().to_vec();
    for b in bytes.iter_mut().rev() {
        if *b == b'9' {
            *b = b'0';
        } else {
            *b += 1;
            return (String::from_utf8_lossy(&bytes).into_owned(), decpt);
        }
    }
    bytes.insert(0, b'1');
    (String::from_utf8_lossy(&bytes).into_owned(), decpt + 1)
}

/// Significant digits that are enough to write any double exactly (767 are), so asking
/// Rust's formatter for more only adds zeros; it panics ("Formatting argument out of range")
/// for a precision over u16::MAX, and `'{:.{}f}'.format(1.5, 10**6)` is fine in CPython.
const EXACT_SIGNIFICANT_DIGITS: i64 = 800;

/// Digits after the point that are enough to write any double exactly (the smallest
/// subnormal, 2**-1074, has 1074).
const EXACT_FRACTION_DIGITS: i64 = 1100;

/// dtoa mode 2: `n >= 1` significant digits, trailing zeros removed.
fn significant_digits(ax: f64, n: i64) -> (String, i64) {
    let n = usize::try_from(n.clamp(1, EXACT_SIGNIFICANT_DIGITS)).unwrap_or(1);
    let (mut digits, decpt) = split_scientific(&format!("{:.*e}", n - 1, ax));
    let kept = digits.trim_end_matches('0').len().max(1);
    digits.truncate(kept);
    (digits, decpt)
}

/// dtoa mode 3: rounded to `p` digits after the point, leading and trailing
/// zeros removed.  A result that rounds to zero is the empty string.
fn fixed_digits(ax: f64, p: i64) -> (String, i64) {
    let p = usize::try_from(p.clamp(0, EXACT_FRACTION_DIGITS)).unwrap_or(0);
    let s = format!("{ax:.p$}");
    let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
    let all = format!("{int_part}{frac_part}");
    let no_lead = all.trim_start_matches('0');
    let decpt = int_part.len() as i64 - (all.len() - no_lead.len()) as i64;
    let digits = no_lead.trim_end_matches('0');
    if digits.is_empty() {
        (String::new(), 1)
    } else {
        (digits.to_string(), decpt)
    }
}

/// The second half of `format_float_short`: place the decimal point, pad with
/// zeros on either side, choose positional or exponent notation.
///
/// Think of `digits` as embedded in an infinite string of zeros; the output is
/// the slice `[vstart, vend)` of it with a point inserted at `decpt`.
fn layout(
    out: &mut String,
    digits: &str,
    decpt: i64,
    mode: char,
    precision: i64,
    flags: DtoaFlags,
    upper: bool,
) {
    let ndigits = digits.len() as i64;
    let mut decpt = decpt;
    let mut use_exp = false;
    let mut vend = ndigits;
    match mode {
        'e' => {
            use_exp = true;
            vend = precision;
        }
        'f' => vend = decpt + precision,
        'g' => {
            // With ADD_DOT_0 (format() with no type but a precision) the switch
            // to exponent happens one digit earlier, so that "1.0" style output
            // never shows more than `precision` significant digits.
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vend = precision;
            }
        }
        _ => {
            // repr switches to exponent notation at 1e16 and below 1e-4.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && flags.add_dot_0 {
        vend.max(decpt + 1)
    } else {
        vend.max(decpt)
    };

    let zeros = |out: &mut String, n: i64| {
        out.extend(std::iter::repeat_n('0', usize::try_from(n).unwrap_or(0)));
    };
    if decpt <= 0 {
        zeros(out, decpt - vstart);
        out.push('.');
        zeros(out, -decpt);
    } else {
        zeros(out, -vstart);
    }
    if 0 < decpt && decpt <= ndigits {
        let split = decpt as usize;
        out.push_str(&digits[..split]);
        out.push('.');
        out.push_str(&digits[split..]);
    } else {
        out.push_str(digits);
    }
    if ndigits < decpt {
        zeros(out, decpt - ndigits);
        out.push('.');
        zeros(out, vend - decpt);
    } else {
        zeros(out, vend - ndigits);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        // C's "%+.02d": explicit sign, at least two digits.
        out.push_str(&format!("{exp:+03}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        // python3 -c 'for x in [0.0,-0.0,1.0,-1.5,0.1+0.2,1e16,1e15,123456789012345.6,5e-324,1e-4,1e-5,1.5e-5,1e20,1e22,1.7976931348623157e308,2.2250738585072014e-308,9999999999999998.0,0.3,100.0,1/3,2.5e-310,12345678.9,-1e-7]: print(repr(x))'
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (-1.5, "-1.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345.6, "123456789012345.6"),
            (5e-324, "5e-324"),
            (1e-4, "0.0001"),
            (1e-5, "1e-05"),
            (1.5e-5, "1.5e-05"),
            (1e20, "1e+20"),
            (1e22, "1e+22"),
            (f64::MAX, "1.7976931348623157e+308"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (9999999999999998.0, "9999999999999998.0"),
            (0.3, "0.3"),
            (100.0, "100.0"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.5e-310, "2.5e-310"),
            (12345678.9, "12345678.9"),
            (-1e-7, "-1e-07"),
            // Exact ties between two shortest candidates go to the even digit:
            // 23347930054833.3125 and -1487225708785675.25, written as bits:
            // python3 -c 'print(repr(23347930054833.3125), repr(-1487225708785675.25))'
            (f64::from_bits(0x42b5_3c1d_13c0_b150), "23347930054833.312"),
            (f64::from_bits(0xc315_227e_e04a_c02d), "-1487225708785675.2"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "repr({x:?})");
        }
        // python3 -c 'print(repr(float("inf")), repr(float("-inf")), repr(float("nan")), repr(-float("nan")))'
        // -> inf -inf nan nan
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(-f64::NAN), "nan");
    }

    #[test]
    fn modes_match_cpython() {
        let plain = DtoaFlags::default();
        let alt = DtoaFlags { alt: true, ..plain };
        // python3 -c 'print("%.3e|%.0e|%#.0e|%E|%.2f|%.0f|%#.0f|%f|%g|%.0g|%#g|%g|%G|%.3g|%g|%+f|%+f" % (12345.678,2.5,1.0,1e-300,2.675,0.5,1.0,-0.0,1e-5,123.0,1.0,1e16,float("inf"),0.0001234,100000.0,1.0,float("nan")))'
        assert_eq!(double_to_string(12345.678, 'e', 3, plain), "1.235e+04");
        assert_eq!(double_to_string(2.5, 'e', 0, plain), "2e+00");
        assert_eq!(double_to_string(1.0, 'e', 0, alt), "1.e+00");
        assert_eq!(double_to_string(1e-300, 'E', 6, plain), "1.000000E-300");
        assert_eq!(double_to_string(2.675, 'f', 2, plain), "2.67");
        assert_eq!(double_to_string(0.5, 'f', 0, plain), "0");
        assert_eq!(double_to_string(1.0, 'f', 0, alt), "1.");
        assert_eq!(double_to_string(-0.0, 'f', 6, plain), "-0.000000");
        assert_eq!(double_to_string(1e-5, 'g', 6, plain), "1e-05");
        assert_eq!(double_to_string(123.0, 'g', 0, plain), "1e+02");
        assert_eq!(double_to_string(1.0, 'g', 6, alt), "1.00000");
        assert_eq!(double_to_string(1e16, 'g', 6, plain), "1e+16");
        assert_eq!(double_to_string(f64::INFINITY, 'G', 6, plain), "INF");
        assert_eq!(double_to_string(0.0001234, 'g', 3, plain), "0.000123");
        assert_eq!(double_to_string(100000.0, 'g', 6, plain), "100000");
        let sign = DtoaFlags {
            always_sign: true,
            ..plain
        };
        assert_eq!(double_to_string(1.0, 'f', 6, sign), "+1.000000");
        assert_eq!(double_to_string(f64::NAN, 'f', 6, sign), "+nan");
    }

    #[test]
    fn no_neg_0_and_add_dot_0() {
        let z = DtoaFlags {
            no_neg_0: true,
            ..DtoaFlags::default()
        };
        // python3 -c 'print(format(-0.0001,"z.2f"), format(-0.0,"z.1e"), format(-0.006,"z.2f"))'
        assert_eq!(double_to_string(-0.0001, 'f', 2, z), "0.00");
        assert_eq!(double_to_string(-0.0, 'e', 1, z), "0.0e+00");
        assert_eq!(double_to_string(-0.006, 'f', 2, z), "-0.01");
        let dot0 = DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        };
        // python3 -c 'print(format(123.0,".3"), format(12.0,".2"), format(1.0,".3"), format(0.0,".1"))'
        assert_eq!(double_to_string(123.0, 'g', 3, dot0), "1.23e+02");
        assert_eq!(double_to_string(12.0, 'g', 2, dot0), "1.2e+01");
        assert_eq!(double_to_string(1.0, 'g', 3, dot0), "1.0");
        assert_eq!(double_to_string(0.0, 'g', 1, dot0), "0e+00");
    }

    #[test]
    fn huge_fixed_is_exact() {
        // python3 -c 'print("%.2f" % 1e22, "%f" % 2.0**70)'
        assert_eq!(
            double_to_string(1e22, 'f', 2, DtoaFlags::default()),
            "10000000000000000000000.00"
        );
        assert_eq!(
            double_to_string(2f64.powi(70), 'f', 6, DtoaFlags::default()),
            "1180591620717411303424.000000"
        );
    }

    #[test]
    fn precisions_past_rusts_formatter_limit_pad_with_zeros() {
        // Rust's formatter panics above a precision of 65535; CPython writes the exact digits
        // and then zeros. python3 -c 's = format(5e-324, ".100000f"); print(len(s),
        // len(s.rstrip("0")), s.rstrip("0")[-20:])' -> 100002 1076 19718265533447265625
        let f = DtoaFlags::default();
        let s = double_to_string(5e-324, 'f', 100_000, f);
        let exact = s.trim_end_matches('0');
        assert_eq!((s.len(), exact.len()), (100_002, 1076));
        assert!(exact.ends_with("19718265533447265625"), "{exact}");
        // format(5e-324, ".100000e"): 752 characters before the zeros, then "e-324".
        let s = double_to_string(5e-324, 'e', 100_000, f);
        assert_eq!(s.len(), 100_007);
        assert!(s.starts_with("4.9406564584124654417656879286"), "{s:.40}");
        assert!(s.ends_with("00000e-324"));
        assert_eq!(
            s.split('e').next().unwrap().trim_end_matches('0').len(),
            752
        );
        // format(1/3, ".70000g") and format(2.0**1023, ".100000g"): trailing zeros dropped.
        assert_eq!(double_to_string(1.0 / 3.0, 'g', 70_000, f).len(), 56);
        assert_eq!(
            double_to_string(2f64.powi(1023), 'g', 100_000, f).len(),
            308
        );
        // python3 -c 'print("%.*e" % (2**31 - 1, 1.5))' -> 2e+00 (a C int wraps).
        assert_eq!(double_to_string(1.5, 'e', i32::MAX as usize, f), "2e+00");
    }
}
