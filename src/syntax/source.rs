//! Source file bytes → text, the way CPython's tokenizer reads a file (Parser/tokenizer.c,
//! 3.11): a leading UTF-8 BOM is skipped, a PEP 263 coding cookie on line 1 or 2 picks the
//! encoding (`check_coding_spec`, `get_coding_spec`, `get_normal_name`), undeclared source must be
//! UTF-8 (`ensure_utf8`) and no line may hold a NUL byte (`tok_nextc`). Every entry point that
//! reads a program from disk goes through [`decode`], so none of them runs a file CPython refuses,
//! or runs it with different text.

use std::fmt::Write as _;

/// Why a file cannot be read as source. Rendered like CPython's uncaught SyntaxError.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub msg: String,
    /// 1-based line of the offending byte.
    pub line: usize,
    /// The `File "...", line N` header and source text CPython shows, if it shows one: the
    /// decoding errors carry their position in the message and print no header.
    pub text: Option<String>,
}

impl SourceError {
    /// What CPython prints for it on stderr (no traceback: the file never ran).
    pub fn render(&self, filename: &str) -> String {
        let mut out = String::new();
        if let Some(text) = &self.text {
            let _ = writeln!(out, "  File \"{filename}\", line {}", self.line);
            let _ = writeln!(out, "    {}", text.trim());
        }
        let _ = writeln!(out, "SyntaxError: {}", self.msg);
        out
    }
}

/// A program file that could not be read as source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The OS refused it: `[Errno 2] No such file or directory`, worded as CPython's.
    Open(String),
    /// CPython would refuse its bytes.
    Decode(SourceError),
}

impl ReadError {
    /// What goes to stderr: `prog` names the command (`gilsim`, `gilsim explore`), as
    /// `python3: can't open file 'x.py': [Errno 2] No such file or directory` does.
    pub fn render(&self, prog: &str, filename: &str) -> String {
        match self {
            ReadError::Open(why) => format!("{prog}: can't open file '{filename}': {why}\n"),
            ReadError::Decode(e) => e.render(filename),
        }
    }

    /// CPython's exit status: 2 for a file it cannot open, 1 for one it cannot decode.
    pub fn exit_code(&self) -> i32 {
        match self {
            ReadError::Open(_) => 2,
            ReadError::Decode(_) => 1,
        }
    }
}

/// Reads and decodes a program file: every command that runs or shows a file, and every
/// import of a module from disk, reads it through here.
pub fn read(path: &std::path::Path) -> Result<String, ReadError> {
    let filename = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ReadError::Open(os_error(&e)))?;
    decode(&bytes, &filename).map_err(ReadError::Decode)
}

/// `[Errno N] strerror` (Rust's own wording adds ` (os error N)`, which CPython's lacks).
fn os_error(e: &std::io::Error) -> String {
    let text = e.to_string();
    match e.raw_os_error() {
        Some(code) => {
            let suffix = format!(" (os error {code})");
            format!(
                "[Errno {code}] {}",
                text.strip_suffix(&suffix).unwrap_or(&text)
            )
        }
        None => text,
    }
}

/// The encodings gilsim can read. CPython reads any codec; a teaching simulator needs UTF-8 and
/// the one legacy encoding that maps bytes to code points one to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Latin1,
}

/// Decodes a source file named `filename` (used in the messages).
pub fn decode(bytes: &[u8], filename: &str) -> Result<String, SourceError> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let lines = split_lines(body);
    let declared = declared_encoding(&lines);
    let encoding = match declared.as_deref().map(normal_name) {
        None | Some("utf-8") => Encoding::Utf8,
        // tokenizer.c refuses a BOM that contradicts the cookie.
        Some(name) if bom => {
            return Err(problem(format!("encoding problem: {name} with BOM"), 1));
        }
        Some("iso-8859-1") => Encoding::Latin1,
        Some(name) => {
            return Err(problem(
                format!("encoding problem: {name} (gilsim reads UTF-8 and Latin-1 source only)"),
                1,
            ));
        }
    };
    let mut text = String::with_capacity(body.len());
    for (i, line) in lines.iter().enumerate() {
        let line_no = i + 1;
        // Like `ensure_utf8`, which scans the line as a C string: up to its first NUL.
        let before_nul = line.iter().position(|&b| b == 0).unwrap_or(line.len());
        match encoding {
            Encoding::Utf8 => {
                if let Err(e) = std::str::from_utf8(&line[..before_nul]) {
                    return Err(non_utf8(line, e, declared.is_some(), filename, line_no));
                }
            }
            Encoding::Latin1 => {}
        }
        if before_nul < line.len() {
            return Err(SourceError {
                msg: "source code cannot contain null bytes".into(),
                line: line_no,
                text: Some(decode_line(&line[..before_nul], encoding)),
            });
        }
        text.push_str(&decode_line(line, encoding));
    }
    Ok(text)
}

fn problem(msg: String, line: usize) -> SourceError {
    SourceError {
        msg,
        line,
        text: None,
    }
}

/// A line already checked (UTF-8 lines are valid up to any NUL, which ends decoding anyway).
fn decode_line(line: &[u8], encoding: Encoding) -> String {
    match encoding {
        Encoding::Utf8 => String::from_utf8_lossy(line).into_owned(),
        Encoding::Latin1 => line.iter().map(|&b| char::from(b)).collect(),
    }
}

/// CPython's `ensure_utf8` message for undeclared source. A file that declares UTF-8 skips that
/// check in CPython and fails later, in the codec, only where a string literal holds the bad
/// bytes (counting the position from the literal's start); gilsim refuses every bad byte, in
/// the codec's wording, counting the position from the start of the line.
fn non_utf8(
    line: &[u8],
    e: std::str::Utf8Error,
    declared: bool,
    filename: &str,
    line_no: usize,
) -> SourceError {
    let at = e.valid_up_to();
    let byte = line[at];
    if !declared {
        return problem(
            format!(
                "Non-UTF-8 code starting with '\\x{byte:02x}' in file {filename} on line \
                 {line_no}, but no encoding declared; see https://peps.python.org/pep-0263/ \
                 for details"
            ),
            line_no,
        );
    }
    // Python's UTF-8 codec (Objects/stringlib/codecs.h) names the three ways to fail so.
    let reason = if !(0xc2..=0xf4).contains(&byte) {
        "invalid start byte"
    } else if e.error_len().is_none() {
        "unexpected end of data"
    } else {
        "invalid continuation byte"
    };
    SourceError {
        msg: format!(
            "(unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {at}: \
             {reason}"
        ),
        line: line_no,
        text: Some(String::from_utf8_lossy(line).into_owned()),
    }
}

/// Lines with their ends, split at `\n`, `\r\n` or a lone `\r` (CPython reads source with
/// universal newlines, so a lone `\r` ends a line for its line numbers too).
fn split_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&bytes[start..=i]);
                start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                lines.push(&bytes[start..=i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        lines.push(&bytes[start..]);
    }
    lines
}

/// The PEP 263 cookie of line 1, or of line 2 when line 1 is blank or only a comment
/// (`check_coding_spec` stops looking after a line with code on it).
fn declared_encoding(lines: &[&[u8]]) -> Option<String> {
    for line in lines.iter().take(2) {
        if let Some(name) = coding_spec(line) {
            return Some(name);
        }
        let code = line
            .iter()
            .take_while(|&&b| b != b'#' && b != b'\n' && b != b'\r')
            .any(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'));
        if code {
            break;
        }
    }
    None
}

/// `get_coding_spec`: in a line that is only a comment, the first `coding[:=]` followed by a
/// name made of letters, digits, `-`, `_` and `.`.
fn coding_spec(line: &[u8]) -> Option<String> {
    let hash = line.iter().position(|&b| b == b'#')?;
    if !line[..hash]
        .iter()
        .all(|&b| matches!(b, b' ' | b'\t' | b'\x0c'))
    {
        return None;
    }
    let comment = &line[hash..];
    let mut from = 0;
    while let Some(i) = find(&comment[from..], b"coding") {
        let mut t = from + i + 6;
        from = t;
        if !matches!(comment.get(t), Some(b':' | b'=')) {
            continue;
        }
        t += 1;
        while matches!(comment.get(t), Some(b' ' | b'\t')) {
            t += 1;
        }
        let len = comment[t..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            .count();
        if len > 0 {
            return Some(String::from_utf8_lossy(&comment[t..t + len]).into_owned());
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `get_normal_name`, widened by the aliases Python's codec registry gives the same two codecs
/// (`utf8`, `latin1`, `l1`, ...), so every spelling CPython accepts for them is accepted here.
fn normal_name(name: &str) -> &str {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    let is = |n: &str| lower == n || lower.starts_with(&format!("{n}-"));
    if is("utf-8") || matches!(lower.as_str(), "utf8" | "u8" | "utf" | "cp65001") {
        "utf-8"
    } else if is("latin-1")
        || is("iso-8859-1")
        || is("iso-latin-1")
        || matches!(
            lower.as_str(),
            "latin1" | "latin" | "l1" | "iso8859-1" | "iso8859" | "8859" | "cp819" | "iso-ir-100"
        )
    {
        "iso-8859-1"
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> String {
        let e = decode(bytes, "t.py").unwrap_err();
        format!("{} @{}", e.render("t.py").trim_end(), e.line)
    }

    #[test]
    fn utf8_and_bom_pass() {
        assert_eq!(
            decode(b"x = 'caf\xc3\xa9'\n", "t.py").unwrap(),
            "x = 'café'\n"
        );
        assert_eq!(
            decode(b"\xef\xbb\xbfprint(1)\n", "t.py").unwrap(),
            "print(1)\n"
        );
    }

    #[test]
    fn undeclared_non_utf8_is_cpythons_syntax_error() {
        assert_eq!(
            err(b"x = 1\r\ny = '\xe9'\n"),
            "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file t.py on line 2, but no \
             encoding declared; see https://peps.python.org/pep-0263/ for details @2"
        );
        assert!(err(b"x = 1\xff\n").contains("'\\xff' in file t.py on line 1"));
        // A lone CR ends a line, as in CPython's universal-newline reads.
        assert!(err(b"x = 1\ry = '\xe9'\r").ends_with(
            "line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details @2"
        ));
        // A cookie after a line of code does not count.
        assert!(err(b"x = 1\n# coding: latin-1\n'\xe9'\n").contains("on line 3"));
    }

    #[test]
    fn null_bytes_are_refused_with_the_text_before_them() {
        assert_eq!(
            err(b"print(1)\nx = 1\x00\n"),
            "  File \"t.py\", line 2\n    x = 1\nSyntaxError: source code cannot contain null bytes @2"
        );
        // ensure_utf8 stops at the NUL, so the NUL is what is reported.
        assert!(err(b"\x00\xe9\n").ends_with("null bytes @1"));
        assert!(err(b"\xe9\x00\n").contains("Non-UTF-8"));
    }

    #[test]
    fn coding_cookies() {
        let latin = b"# -*- coding: latin-1 -*-\nprint('caf\xe9')\n";
        assert_eq!(
            decode(latin, "t.py").unwrap(),
            "# -*- coding: latin-1 -*-\nprint('café')\n"
        );
        let vim = b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\n'\xe9'\n";
        assert!(decode(vim, "t.py").unwrap().ends_with("'é'\n"));
        assert!(decode(b"# coding=UTF8\n'\xc3\xa9'\n", "t.py").is_ok());
        assert_eq!(
            err(b"# coding: foobar\nprint(1)\n"),
            "SyntaxError: encoding problem: foobar (gilsim reads UTF-8 and Latin-1 source only) @1"
        );
        assert_eq!(
            err(b"\xef\xbb\xbf# coding: latin-1\n"),
            "SyntaxError: encoding problem: iso-8859-1 with BOM @1"
        );
        assert!(
            err(b"# coding: utf-8\nx = '\xe9'\n")
                .ends_with("can't decode byte 0xe9 in position 5: invalid continuation byte @2")
        );
        assert!(err(b"# coding: utf-8\nx = 1\xe9").ends_with("unexpected end of data @2"));
        assert!(err(b"# coding: utf-8\n\xff\n").ends_with("invalid start byte @2"));
    }
}
