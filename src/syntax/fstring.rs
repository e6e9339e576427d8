//! f-string bodies → literal and formatted-value parts, following CPython 3.11's
//! Parser/string_parser.c (fields end at `!`, `:`, `=` or `}` outside brackets and strings).

use super::ast::{FStringPart, FormattedValue};
use super::error::SyntaxErr;
use super::strings::decode_str;

/// Parses the raw text between the quotes of an f-string. `offset` is its position in the source.
pub fn parse(raw: &str, offset: usize, is_raw: bool) -> Result<Vec<FStringPart>, SyntaxErr> {
    let mut parser = FParser {
        raw,
        offset,
        is_raw,
        pos: 0,
    };
    let parts = parser.parts(0)?;
    if parser.pos < raw.len() {
        return Err(parser.error("f-string: single '}' is not allowed"));
    }
    Ok(parts)
}

struct FParser<'a> {
    raw: &'a str,
    offset: usize,
    is_raw: bool,
    pos: usize,
}

impl FParser<'_> {
    fn error(&self, msg: &str) -> SyntaxErr {
        SyntaxErr::at(msg, self.offset + self.pos)
    }

    fn peek(&self) -> Option<u8> {
        self.raw.as_bytes().get(self.pos).copied()
    }

    /// Literal text and fields until the end, or (inside a format spec, `depth > 0`) until the
    /// `}` that closes the enclosing field.
    fn parts(&mut self, depth: usize) -> Result<Vec<FStringPart>, SyntaxErr> {
        let mut parts = Vec::new();
        let mut literal_start = self.pos;
        let mut literal = String::new();
        while let Some(c) = self.peek() {
            match c {
                b'{' if self.raw.as_bytes().get(self.pos + 1) == Some(&b'{') && depth == 0 => {
                    self.flush_literal(&mut literal, literal_start, self.pos + 1)?;
                    self.pos += 2;
                    literal_start = self.pos;
                }
                b'}' if self.raw.as_bytes().get(self.pos + 1) == Some(&b'}') && depth == 0 => {
                    self.flush_literal(&mut literal, literal_start, self.pos + 1)?;
                    self.pos += 2;
                    literal_start = self.pos;
                }
                b'{' => {
                    self.flush_literal(&mut literal, literal_start, self.pos)?;
                    if !literal.is_empty() {
                        parts.push(FStringPart::Literal(std::mem::take(&mut literal)));
                    }
                    if depth >= 2 {
                        return Err(self.error("f-string: expressions nested too deeply"));
                    }
                    self.pos += 1;
                    self.field(&mut parts, depth)?;
                    literal_start = self.pos;
                }
                b'}' => {
                    if depth == 0 {
                        return Err(self.error("f-string: single '}' is not allowed"));
                    }
                    break;
                }
                _ => self.pos += 1,
            }
        }
        self.flush_literal(&mut literal, literal_start, self.pos)?;
        if !literal.is_empty() {
            parts.push(FStringPart::Literal(literal));
        }
        Ok(parts)
    }

    fn flush_literal(&self, out: &mut String, start: usize, end: usize) -> Result<(), SyntaxErr> {
        if start >= end {
            return Ok(());
        }
        let text = &self.raw[start..end];
        if self.is_raw {
            out.push_str(text);
        } else {
            out.push_str(&decode_str(text, self.offset + start)?);
        }
        Ok(())
    }

    /// Parses one `{expr[=][!c][:spec]}` field; `self.pos` is just after the `{`.
    fn field(&mut self, parts: &mut Vec<FStringPart>, depth: usize) -> Result<(), SyntaxErr> {
        let expr_start = self.pos;
        let expr_end = self.scan_expression()?;
        let text = &self.raw[expr_start..expr_end];
        if text.trim().is_empty() {
            self.pos = expr_end;
            return Err(self.error("f-string: empty expression not allowed"));
        }
        let value = super::parse_fstring_expression(text, self.offset + expr_start)?;
        self.pos = expr_end;
        let mut debug = false;
        if self.peek() == Some(b'=') {
            self.pos += 1;
            while matches!(self.peek(), Some(b' ' | b'\t' | b'\n')) {
                self.pos += 1;
            }
            debug = true;
            parts.push(FStringPart::Literal(
                self.raw[expr_start..self.pos].to_string(),
            ));
        }
        let mut conversion = None;
        if self.peek() == Some(b'!') {
            self.pos += 1;
            match self.peek() {
                Some(c @ (b's' | b'r' | b'a')) => {
                    conversion = Some(c as char);
                    self.pos += 1;
                }
                _ => {
                    return Err(self.error(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    ));
                }
            }
        }
        let mut spec = None;
        if self.peek() == Some(b':') {
            self.pos += 1;
            spec = Some(self.parts(depth + 1)?);
        }
        if self.peek() != Some(b'}') {
            return Err(self.error("f-string: expecting '}'"));
        }
        self.pos += 1;
        if debug && conversion.is_none() && spec.is_none() {
            conversion = Some('r');
        }
        parts.push(FStringPart::Field(Box::new(FormattedValue {
            value,
            conversion,
            spec,
        })));
        Ok(())
    }

    /// Finds where the expression of a field ends, skipping nested brackets and strings.
    fn scan_expression(&self) -> Result<usize, SyntaxErr> {
        let bytes = self.raw.as_bytes();
        let mut i = self.pos;
        let mut brackets: Vec<u8> = Vec::new();
        let mut quote: Option<u8> = None;
        while i < bytes.len() {
            let c = bytes[i];
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                i += 1;
                continue;
            }
            match c {
                b'\\' => {
                    return Err(SyntaxErr::at(
                        "f-string expression part cannot include a backslash",
                        self.offset + i,
                    ));
                }
                b'#' => {
                    return Err(SyntaxErr::at(
                        "f-string expression part cannot include '#'",
                        self.offset + i,
                    ));
                }
                b'\'' | b'"' => quote = Some(c),
                b'(' | b'[' | b'{' => brackets.push(c),
                b')' | b']' | b'}' if !brackets.is_empty() => {
                    let open = brackets.pop().unwrap_or(b'(');
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != expected {
                        return Err(SyntaxErr::at(
                            format!(
                                "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as char, open as char
                            ),
                            self.offset + i,
                        ));
                    }
                }
                b'}' | b':' if brackets.is_empty() => return Ok(i),
                b'!' if brackets.is_empty() && bytes.get(i + 1) != Some(&b'=') => return Ok(i),
                b'=' if brackets.is_empty() => {
                    let next = bytes.get(i + 1).copied();
                    let prev = if i > 0 { bytes[i - 1] } else { b' ' };
                    if next != Some(b'=') && !b"=!<>".contains(&prev) {
                        return Ok(i);
                    }
                    if next == Some(b'=') {
                        i += 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if let Some(open) = brackets.last() {
            return Err(SyntaxErr::at(
                format!("f-string: unmatched '{}'", *open as char),
                self.offset + i,
            ));
        }
        Err(SyntaxErr::at("f-string: expecting '}'", self.offset + i))
    }
}
