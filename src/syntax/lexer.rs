//! The layout pass: logos raw tokens → `Tok`s with NEWLINE/INDENT/DEDENT, bracket tracking and
//! CPython's tokenizer errors (Parser/tokenizer.c).

use std::collections::VecDeque;

use logos::Logos;
use num_bigint::BigInt;

/// CPython's default `sys.get_int_max_str_digits()`, which decimal literals are held to.
const INT_MAX_STR_DIGITS: usize = 4300;
use num_traits::Num;

use super::error::SyntaxErr;
use super::raw_token::{RawTok, string_body_len};
use super::strings::{decode_bytes, decode_str};
use super::token::{StrLit, Tok};

pub type Spanned = (usize, Tok, usize);

/// CPython's tokenizer refuses more than 200 nested brackets (MAXLEVEL); so do we, which also
/// bounds the parser's and compiler's recursion.
const MAX_BRACKET_DEPTH: usize = 200;
/// Maximum indentation depth (CPython's MAXINDENT is 100).
const MAX_INDENT_DEPTH: usize = 100;

pub struct Lexer<'src> {
    source: &'src str,
    raw: logos::SpannedIter<'src, RawTok>,
    pending: VecDeque<Spanned>,
    /// Indentation stack: (column with tabs to 8, column with tabs to 1), as CPython keeps both
    /// to detect inconsistent tabs.
    indents: Vec<(usize, usize)>,
    brackets: Vec<(u8, usize)>,
    at_line_start: bool,
    emitted_any_on_line: bool,
    finished: bool,
}

impl<'src> Lexer<'src> {
    pub fn new(source: &'src str) -> Lexer<'src> {
        Lexer {
            source,
            raw: RawTok::lexer(source).spanned(),
            pending: VecDeque::new(),
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            at_line_start: true,
            emitted_any_on_line: false,
            finished: false,
        }
    }

    /// Produces the next token into `pending`; returns false at the very end.
    fn advance(&mut self) -> Result<bool, SyntaxErr> {
        let Some((raw, span)) = self.raw.next() else {
            self.finish()?;
            return Ok(false);
        };
        let raw = match raw {
            Ok(raw) => raw,
            Err(()) => return Err(self.raw_error(span.start)),
        };
        if raw == RawTok::Newline {
            if self.brackets.is_empty() && !self.at_line_start {
                self.pending.push_back((span.start, Tok::Newline, span.end));
                self.at_line_start = true;
            }
            return Ok(true);
        }
        if self.at_line_start {
            self.at_line_start = false;
            self.indent_line(span.start)?;
        }
        if raw.is_number()
            && let Some(err) = super::number_errors::number_error(self.source, span.start)
        {
            return Err(err);
        }
        let tok = self.convert(raw, span.start, span.end)?;
        self.pending.push_back((span.start, tok, span.end));
        self.emitted_any_on_line = true;
        Ok(true)
    }

    fn finish(&mut self) -> Result<(), SyntaxErr> {
        if let Some(&(open, pos)) = self.brackets.last() {
            return Err(SyntaxErr::at(
                format!("'{}' was never closed", open as char),
                pos,
            ));
        }
        let end = self.source.len();
        if !self.at_line_start {
            self.pending.push_back((end, Tok::Newline, end));
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.pending.push_back((end, Tok::Dedent, end));
        }
        self.finished = true;
        Ok(())
    }

    /// Emits INDENT/DEDENT for the first token of a logical line starting at `pos`.
    fn indent_line(&mut self, pos: usize) -> Result<(), SyntaxErr> {
        let (col, altcol) = self.logical_line_indent(pos);
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        let tab_error =
            || SyntaxErr::tab("inconsistent use of tabs and spaces in indentation", pos);
        if col == top {
            if altcol != top_alt {
                return Err(tab_error());
            }
        } else if col > top {
            if altcol <= top_alt {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT_DEPTH {
                return Err(SyntaxErr::indentation(
                    "too many levels of indentation",
                    pos,
                    pos,
                ));
            }
            self.indents.push((col, altcol));
            self.pending.push_back((pos, Tok::Indent, pos));
        } else {
            while self.indents.len() > 1 && col < self.indents[self.indents.len() - 1].0 {
                self.indents.pop();
                self.pending.push_back((pos, Tok::Dedent, pos));
            }
            let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                return Err(SyntaxErr::indentation(
                    "unindent does not match any outer indentation level",
                    pos,
                    pos,
                ));
            }
            if altcol != top_alt {
                return Err(tab_error());
            }
        }
        Ok(())
    }

    /// The indentation of the logical line whose first token is at `pos`. Lines of only
    /// whitespace and a backslash before it belong to it, and the first of them indented
    /// at all sets its indentation (Parser/tokenizer.c, tok_get: "if we found a backslash
    /// preceded by whitespace, the first one we find determines the level of indentation
    /// of whatever comes next"); without them it is the line of `pos`.
    fn logical_line_indent(&self, pos: usize) -> (usize, usize) {
        let line_start = |end: usize| self.source[..end].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let mut start = line_start(pos);
        let mut chosen = indent_width(&self.source[start..pos]);
        while start > 0 {
            let before = &self.source[..start];
            let Some(body) = before
                .strip_suffix("\\\r\n")
                .or_else(|| before.strip_suffix("\\\n"))
                .or_else(|| before.strip_suffix("\\\r"))
            else {
                break;
            };
            let prev = line_start(body.len());
            let text = &self.source[prev..body.len()];
            if !text.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\x0c')) {
                break;
            }
            let width = indent_width(text);
            if width.0 != 0 {
                chosen = width;
            }
            start = prev;
        }
        chosen
    }

    fn raw_error(&self, start: usize) -> SyntaxErr {
        let rest = &self.source[start..];
        if let Some(err) = self.unterminated_string(start) {
            return err;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if c == '\\' {
            return SyntaxErr::at(
                "unexpected character after line continuation character",
                start,
            );
        }
        if c.is_ascii() {
            SyntaxErr::at("invalid syntax", start)
        } else if is_printable(c) {
            SyntaxErr::at(
                format!("invalid character '{c}' (U+{:04X})", c as u32),
                start,
            )
        } else {
            // tokenizer.c's verify_identifier: quoting an invisible character would show nothing.
            SyntaxErr::at(
                format!("invalid non-printable character U+{:04X}", c as u32),
                start,
            )
        }
    }

    fn unterminated_string(&self, start: usize) -> Option<SyntaxErr> {
        let rest = &self.source[start..];
        let prefix_len = rest.bytes().take_while(|b| b"rRbBuUfF".contains(b)).count();
        let quote = *rest.as_bytes().get(prefix_len)?;
        if quote != b'\'' && quote != b'"' {
            return None;
        }
        let after = &rest.as_bytes()[prefix_len..];
        let triple = after.len() >= 3 && after[1] == quote && after[2] == quote;
        let detected = if triple {
            self.source.lines().count().max(1)
        } else {
            super::error::line_of(self.source, start)
        };
        let what = if triple {
            "unterminated triple-quoted string literal"
        } else {
            "unterminated string literal"
        };
        Some(SyntaxErr::at(
            format!("{what} (detected at line {detected})"),
            start,
        ))
    }

    fn convert(&mut self, raw: RawTok, start: usize, end: usize) -> Result<Tok, SyntaxErr> {
        let text = &self.source[start..end];
        Ok(match raw {
            RawTok::Newline => Tok::Newline,
            RawTok::Name => Tok::keyword(text).unwrap_or_else(|| Tok::Name(text.to_string())),
            RawTok::DecInt => {
                let digits: String = text.chars().filter(|&c| c != '_').collect();
                if digits.len() > 1 && digits.starts_with('0') && digits.bytes().any(|b| b != b'0')
                {
                    return Err(SyntaxErr::at(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        start,
                    ));
                }
                // CPython 3.11+ converts decimal literals under the int/str digits limit (its
                // default: sys.set_int_max_str_digits comes too late for a literal), in
                // `parsenumber_raw` (Parser/pegen.c) with this message and no caret.
                if digits.len() > INT_MAX_STR_DIGITS {
                    return Err(SyntaxErr::at(
                        format!(
                            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                            digits.len()
                        ),
                        start,
                    )
                    .without_caret());
                }
                Tok::Int(parse_radix(&digits, 10))
            }
            RawTok::HexInt | RawTok::OctInt | RawTok::BinInt => {
                let radix = match raw {
                    RawTok::HexInt => 16,
                    RawTok::OctInt => 8,
                    _ => 2,
                };
                let digits: String = text[2..].chars().filter(|&c| c != '_').collect();
                Tok::Int(parse_radix(&digits, radix))
            }
            RawTok::Float => {
                let digits: String = text.chars().filter(|&c| c != '_').collect();
                Tok::Float(digits.parse().unwrap_or(f64::INFINITY))
            }
            RawTok::Imaginary => Tok::Imaginary,
            RawTok::String => Tok::Str(self.string_literal(start, end)?),
            RawTok::LPar | RawTok::LSqb | RawTok::LBrace => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(SyntaxErr::at("too many nested parentheses", start));
                }
                self.brackets.push((text.as_bytes()[0], start));
                match raw {
                    RawTok::LPar => Tok::LPar,
                    RawTok::LSqb => Tok::LSqb,
                    _ => Tok::LBrace,
                }
            }
            RawTok::RPar | RawTok::RSqb | RawTok::RBrace => {
                self.close_bracket(text.as_bytes()[0], start)?;
                match raw {
                    RawTok::RPar => Tok::RPar,
                    RawTok::RSqb => Tok::RSqb,
                    _ => Tok::RBrace,
                }
            }
            _ => simple_token(raw),
        })
    }

    fn close_bracket(&mut self, close: u8, pos: usize) -> Result<(), SyntaxErr> {
        let Some((open, open_pos)) = self.brackets.pop() else {
            return Err(SyntaxErr::at(format!("unmatched '{}'", close as char), pos));
        };
        let expected = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        if close != expected {
            let open_line = super::error::line_of(self.source, open_pos);
            let close_line = super::error::line_of(self.source, pos);
            let on_line = if open_line != close_line {
                format!(" on line {open_line}")
            } else {
                String::new()
            };
            return Err(SyntaxErr::at(
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}'{on_line}",
                    close as char, open as char
                ),
                pos,
            ));
        }
        Ok(())
    }

    fn string_literal(&self, start: usize, end: usize) -> Result<StrLit, SyntaxErr> {
        let text = &self.source[start..end];
        let prefix_len = text.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
        let prefix = text[..prefix_len].to_ascii_lowercase();
        let quote = text.as_bytes()[prefix_len];
        let after = &text.as_bytes()[prefix_len..];
        let triple = after.len() >= 6 && after[1] == quote && after[2] == quote;
        let q = if triple { 3 } else { 1 };
        debug_assert!(string_body_len(&after[q..], quote, triple).is_some());
        let body_start = start + prefix_len + q;
        let body = &self.source[body_start..end - q];
        let is_raw = prefix.contains('r');
        if prefix.contains('f') {
            return Ok(StrLit::FString {
                raw: body.to_string(),
                offset: body_start,
                is_raw,
            });
        }
        if prefix.contains('b') {
            return Ok(StrLit::Bytes(decode_bytes(body, body_start, is_raw)?));
        }
        if is_raw {
            return Ok(StrLit::Str(body.replace("\r\n", "\n")));
        }
        Ok(StrLit::Str(decode_str(
            &body.replace("\r\n", "\n"),
            body_start,
        )?))
    }
}

impl Iterator for Lexer<'_> {
    type Item = Result<Spanned, SyntaxErr>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(tok) = self.pending.pop_front() {
                return Some(Ok(tok));
            }
            if self.finished {
                return None;
            }
            match self.advance() {
                Ok(_) => {}
                Err(e) => {
                    self.finished = true;
                    self.pending.clear();
                    return Some(Err(e));
                }
            }
        }
    }
}

fn parse_radix(digits: &str, radix: u32) -> BigInt {
    BigInt::from_str_radix(digits, radix).unwrap_or_default()
}

/// A line's indentation: (column with tabs to 8, column with tabs to 1), as tokenizer.c
/// counts `col` and `altcol`; a form feed starts the count again.
fn indent_width(text: &str) -> (usize, usize) {
    let (mut col, mut altcol) = (0usize, 0usize);
    for b in text.bytes() {
        match b {
            b' ' => {
                col += 1;
                altcol += 1;
            }
            b'\t' => {
                col = (col / 8 + 1) * 8;
                altcol += 1;
            }
            b'\x0c' => {
                col = 0;
                altcol = 0;
            }
            _ => {}
        }
    }
    (col, altcol)
}

fn simple_token(raw: RawTok) -> Tok {
    match raw {
        RawTok::Colon => Tok::Colon,
        RawTok::Comma => Tok::Comma,
        RawTok::Semi => Tok::Semi,
        RawTok::Plus => Tok::Plus,
        RawTok::Minus => Tok::Minus,
        RawTok::Star => Tok::Star,
        RawTok::Slash => Tok::Slash,
        RawTok::VBar => Tok::VBar,
        RawTok::Amper => Tok::Amper,
        RawTok::Less => Tok::Less,
        RawTok::Greater => Tok::Greater,
        RawTok::Equal => Tok::Equal,
        RawTok::Dot => Tok::Dot,
        RawTok::Percent => Tok::Percent,
        RawTok::EqEqual => Tok::EqEqual,
        RawTok::NotEqual | RawTok::LessGreater => Tok::NotEqual,
        RawTok::LessEqual => Tok::LessEqual,
        RawTok::GreaterEqual => Tok::GreaterEqual,
        RawTok::Tilde => Tok::Tilde,
        RawTok::Circumflex => Tok::Circumflex,
        RawTok::LeftShift => Tok::LeftShift,
        RawTok::RightShift => Tok::RightShift,
        RawTok::DoubleStar => Tok::DoubleStar,
        RawTok::PlusEqual => Tok::PlusEqual,
        RawTok::MinEqual => Tok::MinEqual,
        RawTok::StarEqual => Tok::StarEqual,
        RawTok::SlashEqual => Tok::SlashEqual,
        RawTok::PercentEqual => Tok::PercentEqual,
        RawTok::AmperEqual => Tok::AmperEqual,
        RawTok::VBarEqual => Tok::VBarEqual,
        RawTok::CircumflexEqual => Tok::CircumflexEqual,
        RawTok::LeftShiftEqual => Tok::LeftShiftEqual,
        RawTok::RightShiftEqual => Tok::RightShiftEqual,
        RawTok::DoubleStarEqual => Tok::DoubleStarEqual,
        RawTok::DoubleSlash => Tok::DoubleSlash,
        RawTok::DoubleSlashEqual => Tok::DoubleSlashEqual,
        RawTok::At => Tok::At,
        RawTok::AtEqual => Tok::AtEqual,
        RawTok::RArrow => Tok::RArrow,
        RawTok::Ellipsis => Tok::Ellipsis,
        RawTok::ColonEqual => Tok::ColonEqual,
        _ => Tok::Exclamation,
    }
}

/// `Py_UNICODE_ISPRINTABLE` for a non-ASCII character, as far as Rust's tables tell it: not a
/// control, not a separator (Zs, Zl, Zp) and not one of the invisible format or private-use
/// characters that turn up in pasted code (soft hyphen, zero-width spaces and joiners,
/// bidirectional marks, word joiner, BOM).
fn is_printable(c: char) -> bool {
    !(c.is_control()
        || c.is_whitespace()
        || matches!(
            c,
            '\u{ad}'
                | '\u{600}'..='\u{605}'
                | '\u{61c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e000}'..='\u{f8ff}'
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        Lexer::new(src).map(|t| t.unwrap().1).collect()
    }

    #[test]
    fn layout_tokens() {
        let t = toks("if x:\n    y = 1\n\n  # c\nz\n");
        assert_eq!(
            t,
            vec![
                Tok::If,
                Tok::Name("x".into()),
                Tok::Colon,
                Tok::Newline,
                Tok::Indent,
                Tok::Name("y".into()),
                Tok::Equal,
                Tok::Int(1.into()),
                Tok::Newline,
                Tok::Dedent,
                Tok::Name("z".into()),
                Tok::Newline,
            ]
        );
    }

    #[test]
    fn backslash_lines_set_the_indentation() {
        let indents = |s: &str| toks(s).iter().filter(|t| **t == Tok::Indent).count();
        // The first backslash line indented at all decides (4), whatever follows.
        assert_eq!(indents("if 1:\n    \\\n  \\\n        x=1\n    y=x\n"), 1);
        // Unindented backslash lines leave it to the next one that is indented.
        assert_eq!(indents("if 1:\n  \\\n    \\\nx=1\n"), 1);
        assert_eq!(indents("\\\n\\\nx = 3\n"), 0);
        // An indent the parser refuses ("unexpected indent"): y's line is not indented.
        assert_eq!(indents("x = 1\n    \\\ny = 2\n"), 1);
    }

    #[test]
    fn brackets_join_lines() {
        let t = toks("x = (1,\n  2)\n");
        assert_eq!(t.iter().filter(|t| **t == Tok::Newline).count(), 1);
    }

    #[test]
    fn errors() {
        let err = |s: &str| Lexer::new(s).find_map(|t| t.err()).unwrap().msg;
        assert_eq!(err("x = 1)"), "unmatched ')'");
        assert_eq!(err("x = (1,\n2"), "'(' was never closed");
        assert_eq!(
            err("x = [1, 2)"),
            "closing parenthesis ')' does not match opening parenthesis '['"
        );
        assert_eq!(
            err("x = 'abc\n"),
            "unterminated string literal (detected at line 1)"
        );
        assert_eq!(err("1abc"), "invalid decimal literal");
        assert_eq!(err("0x1g"), "invalid hexadecimal literal");
        assert_eq!(
            err("if x:\n    a\n  b\n"),
            "unindent does not match any outer indentation level"
        );
    }

    #[test]
    fn literals() {
        assert_eq!(
            toks("0x_ff 1_000 1.5e3")[..3],
            [
                Tok::Int(255.into()),
                Tok::Int(1000.into()),
                Tok::Float(1500.0)
            ]
        );
        assert_eq!(
            toks("'a\\n' r'a\\n'")[..2],
            [
                Tok::Str(StrLit::Str("a\n".into())),
                Tok::Str(StrLit::Str("a\\n".into()))
            ]
        );
    }
}
