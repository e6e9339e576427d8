//! Syntax errors: their kinds, positions, and CPython-style rendering with the source line and carets.

use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxKind::SyntaxError => "SyntaxError",
            SyntaxKind::IndentationError => "IndentationError",
            SyntaxKind::TabError => "TabError",
        }
    }
}

/// A compile-time error. Offsets are byte offsets into the source; `end` may equal `start`.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxErr {
    pub kind: SyntaxKind,
    pub msg: String,
    pub start: usize,
    pub end: usize,
    /// CPython shows no caret for some indentation errors.
    pub caret: bool,
}

impl SyntaxErr {
    pub fn new(msg: impl Into<String>, start: usize, end: usize) -> SyntaxErr {
        SyntaxErr {
            kind: SyntaxKind::SyntaxError,
            msg: msg.into(),
            start,
            end: end.max(start),
            caret: true,
        }
    }
    pub fn at(msg: impl Into<String>, pos: usize) -> SyntaxErr {
        SyntaxErr::new(msg, pos, pos + 1)
    }
    pub fn indentation(msg: impl Into<String>, start: usize, end: usize) -> SyntaxErr {
        SyntaxErr {
            kind: SyntaxKind::IndentationError,
            ..SyntaxErr::new(msg, start, end)
        }
    }
    pub fn tab(msg: impl Into<String>, start: usize) -> SyntaxErr {
        SyntaxErr {
            kind: SyntaxKind::TabError,
            caret: false,
            ..SyntaxErr::new(msg, start, start)
        }
    }
    pub fn without_caret(mut self) -> SyntaxErr {
        self.caret = false;
        self
    }

    /// 1-based line number of the error start.
    pub fn line(&self, source: &str) -> usize {
        line_of(source, self.start)
    }

    /// The text CPython prints for an uncaught SyntaxError (no traceback header).
    pub fn render(&self, filename: &str, source: &str) -> String {
        let mut out = String::new();
        let start = self.start.min(source.len());
        let line_no = line_of(source, start);
        let _ = writeln!(out, "  File \"{filename}\", line {line_no}");
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[line_start..]
            .find('\n')
            .map_or(source.len(), |i| line_start + i);
        let line = source[line_start..line_end].trim_end_matches('\r');
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if !trimmed.is_empty() || self.caret {
            let _ = writeln!(out, "    {}", trimmed.trim_end());
        }
        if self.caret {
            let col = source[line_start..start].chars().count();
            let col = col.saturating_sub(line[..indent].chars().count());
            let end = self.end.min(line_end).max(start);
            let width = source[start..end].chars().count().max(1);
            let _ = writeln!(out, "    {}{}", " ".repeat(col), "^".repeat(width));
        }
        let _ = writeln!(out, "{}: {}", self.kind.name(), self.msg);
        out
    }
}

/// 1-based line number of a byte offset.
pub fn line_of(source: &str, offset: usize) -> usize {
    let offset = offset.min(source.len());
    source.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
