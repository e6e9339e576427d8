//! Malformed number literals reported as CPython's tokenizer reports them (Parser/tokenizer.c,
//! the number branch of `tok_get` with `tok_decimal_tail` and `verify_end_of_number`):
//! the same message ("invalid digit '2' in binary literal", "invalid decimal literal") at
//! the same column.

use super::error::SyntaxErr;

/// The error CPython's tokenizer gives for the number literal starting at byte `start`
/// (a digit, or a `.` before one), or None if it reads a whole literal. The caret goes
/// where CPython's does: on the last character the tokenizer had read before it stopped.
pub fn number_error(source: &str, start: usize) -> Option<SyntaxErr> {
    Scan {
        bytes: source.as_bytes(),
        start,
    }
    .literal()
    .err()
}

struct Scan<'a> {
    bytes: &'a [u8],
    start: usize,
}

type Step = Result<(), SyntaxErr>;

impl Scan<'_> {
    fn at(&self, i: usize) -> u8 {
        self.bytes.get(i).copied().unwrap_or(b'\n')
    }

    fn literal(&self) -> Step {
        let i = self.start;
        match (self.at(i), self.at(i + 1)) {
            (b'.', _) => self.fraction(i + 1),
            (b'0', b'x' | b'X') => self.radix(i + 2, "hexadecimal", |c| c.is_ascii_hexdigit()),
            (b'0', b'o' | b'O') => self.radix(i + 2, "octal", |c| (b'0'..=b'7').contains(&c)),
            (b'0', b'b' | b'B') => self.radix(i + 2, "binary", |c| c == b'0' || c == b'1'),
            (b'0', _) => self.leading_zero(i),
            _ => {
                let i = self.decimal_tail(i)?;
                self.after_integer(i)
            }
        }
    }

    /// Digits with single underscores between them, from `i` (a digit); returns the
    /// position after them. `1_` and `1__0`: "invalid decimal literal" at the underscore.
    fn decimal_tail(&self, mut i: usize) -> Result<usize, SyntaxErr> {
        loop {
            while self.at(i).is_ascii_digit() {
                i += 1;
            }
            if self.at(i) != b'_' {
                return Ok(i);
            }
            if !self.at(i + 1).is_ascii_digit() {
                return Err(SyntaxErr::at("invalid decimal literal", i));
            }
            i += 1;
        }
    }

    /// After the integer part: a fraction, an exponent, `j`, or the end.
    fn after_integer(&self, i: usize) -> Step {
        match self.at(i) {
            b'.' => self.fraction(i + 1),
            b'e' | b'E' => self.exponent(i),
            b'j' | b'J' => self.end_of_number(i + 1, "imaginary"),
            _ => self.end_of_number(i, "decimal"),
        }
    }

    fn fraction(&self, mut i: usize) -> Step {
        if self.at(i).is_ascii_digit() {
            i = self.decimal_tail(i)?;
        }
        match self.at(i) {
            b'e' | b'E' => self.exponent(i),
            b'j' | b'J' => self.end_of_number(i + 1, "imaginary"),
            _ => self.end_of_number(i, "decimal"),
        }
    }

    /// `e` at `i`: `1e+` is "invalid decimal literal" at the sign; `1e` alone ends the
    /// number before the `e`, which is then a name glued to it.
    fn exponent(&self, e: usize) -> Step {
        let mut i = e + 1;
        if matches!(self.at(i), b'+' | b'-') {
            if !self.at(i + 1).is_ascii_digit() {
                return Err(SyntaxErr::at("invalid decimal literal", i));
            }
            i += 1;
        } else if !self.at(i).is_ascii_digit() {
            return self.end_of_number(e, "decimal");
        }
        let i = self.decimal_tail(i)?;
        match self.at(i) {
            b'j' | b'J' => self.end_of_number(i + 1, "imaginary"),
            _ => self.end_of_number(i, "decimal"),
        }
    }

    /// Digits of a `0x`/`0o`/`0b` literal from `i`: a decimal digit out of range is
    /// "invalid digit '8' in octal literal" on that digit; anything else missing a digit is
    /// "invalid octal literal" on the character before it.
    fn radix(&self, mut i: usize, kind: &str, digit: impl Fn(u8) -> bool) -> Step {
        let bad = |i: usize| -> SyntaxErr {
            let c = self.at(i);
            if c.is_ascii_digit() && kind != "hexadecimal" {
                SyntaxErr::at(
                    format!("invalid digit '{}' in {kind} literal", c as char),
                    i,
                )
            } else {
                SyntaxErr::at(format!("invalid {kind} literal"), i - 1)
            }
        };
        loop {
            if self.at(i) == b'_' {
                i += 1;
            }
            if !digit(self.at(i)) {
                return Err(bad(i));
            }
            while digit(self.at(i)) {
                i += 1;
            }
            if self.at(i) != b'_' {
                break;
            }
        }
        if self.at(i).is_ascii_digit() {
            return Err(bad(i));
        }
        self.end_of_number(i, kind)
    }

    /// A literal starting with `0`: zeros (and underscores), then maybe more digits, which
    /// only a fraction, an exponent or `j` make valid ("leading zeros ..." over the zeros
    /// and the first digit after them).
    fn leading_zero(&self, mut i: usize) -> Step {
        loop {
            if self.at(i) == b'_' {
                if !self.at(i + 1).is_ascii_digit() {
                    return Err(SyntaxErr::at("invalid decimal literal", i));
                }
                i += 1;
            }
            if self.at(i) != b'0' {
                break;
            }
            i += 1;
        }
        let zeros_end = i;
        let nonzero = self.at(i).is_ascii_digit();
        if nonzero {
            i = self.decimal_tail(i)?;
        }
        match self.at(i) {
            b'.' => self.fraction(i + 1),
            b'e' | b'E' => self.exponent(i),
            b'j' | b'J' => self.end_of_number(i + 1, "imaginary"),
            _ if nonzero => Err(SyntaxErr::new(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                self.start,
                zeros_end,
            )),
            _ => self.end_of_number(i, "decimal"),
        }
    }

    /// `verify_end_of_number`: a number may not run into a name (`1abc`, `0x1g`: "invalid
    /// hexadecimal literal" on the number's last character), except the keywords that can
    /// follow a number in valid code (`1if x else y`, which CPython only warns about).
    fn end_of_number(&self, i: usize, kind: &str) -> Step {
        let rest = &self.bytes[i.min(self.bytes.len())..];
        const FOLLOWERS: [&[u8]; 8] = [b"and", b"else", b"for", b"if", b"in", b"is", b"or", b"not"];
        if FOLLOWERS.iter().any(|k| rest.starts_with(k)) {
            return Ok(());
        }
        let c = self.at(i);
        // Only ASCII: `1Ω` is an invalid character or plain invalid syntax in CPython.
        if c.is_ascii_alphanumeric() || c == b'_' {
            return Err(SyntaxErr::at(format!("invalid {kind} literal"), i - 1));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (message, 0-based caret column, caret width) as CPython 3.11 reports them.
    fn error(text: &str) -> Option<(String, usize, usize)> {
        number_error(text, 0).map(|e| (e.msg, e.start, e.end.max(e.start + 1) - e.start))
    }

    #[test]
    fn malformed_literals_read_as_cpythons_tokenizer_reads_them() {
        let cases: [(&str, &str, usize, usize); 14] = [
            ("1abc", "invalid decimal literal", 0, 1),
            ("1_", "invalid decimal literal", 1, 1),
            ("1__0", "invalid decimal literal", 1, 1),
            ("0b2", "invalid digit '2' in binary literal", 2, 1),
            ("0b12", "invalid digit '2' in binary literal", 3, 1),
            ("0o8", "invalid digit '8' in octal literal", 2, 1),
            ("0x1g", "invalid hexadecimal literal", 2, 1),
            ("0xg", "invalid hexadecimal literal", 1, 1),
            ("0b", "invalid binary literal", 1, 1),
            ("0b1_", "invalid binary literal", 3, 1),
            ("1e+", "invalid decimal literal", 2, 1),
            ("5j2", "invalid imaginary literal", 1, 1),
            (
                "0_7",
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                0,
                2,
            ),
            ("12a3", "invalid decimal literal", 1, 1),
        ];
        for (text, msg, col, width) in cases {
            assert_eq!(error(text), Some((msg.to_string(), col, width)), "{text}");
        }
        for fine in [
            "1", "1_000", "0", "00", "0.5", "1.2", ".5e-3", "0x_ff", "1if", "3j", "1e5", "0e0",
            "09.5", "1 ",
        ] {
            assert_eq!(error(fine), None, "{fine}");
        }
    }
}
