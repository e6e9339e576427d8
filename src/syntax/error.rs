//! Syntax errors: their kinds, positions, and CPython-style rendering with the source line and carets.

use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Not a syntax error: CPython's compiler raises RecursionError for nesting deeper than
    /// it recurses ("maximum recursion depth exceeded during compilation"), with no location.
    RecursionError,
}

impl SyntaxKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxKind::SyntaxError => "SyntaxError",
            SyntaxKind::IndentationError => "IndentationError",
            SyntaxKind::TabError => "TabError",
            SyntaxKind::RecursionError => "RecursionError",
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
    pub fn recursion(msg: impl Into<String>, pos: usize) -> SyntaxErr {
        SyntaxErr {
            kind: SyntaxKind::RecursionError,
            caret: false,
            ..SyntaxErr::new(msg, pos, pos)
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

    /// Where the error is, as a SyntaxError exception's attributes hold it: its line, that
    /// line's text (with its newline, if the source has one), and 1-based character columns
    /// of its start and end on that line (CPython's `offset`/`end_offset`). No offset for an
    /// error CPython shows without a caret; no text for a blank line shown without one.
    pub fn place(&self, source: &str) -> Place {
        // Offsets come from byte arithmetic (`at(pos)` spans one byte): snap them to whole
        // characters, or slicing a line with `é` or `€` in it would panic.
        let start = floor_char_boundary(source, self.start);
        let lineno = line_of(source, start);
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[line_start..]
            .find('\n')
            .map_or(source.len(), |i| line_start + i);
        let with_newline = (line_end + 1).min(source.len());
        let text = source[line_start..with_newline].replace('\r', "");
        let column = |at: usize| source[line_start..at].chars().count() as i64 + 1;
        let end = ceil_char_boundary(source, self.end.min(line_end).max(start));
        let blank = text.trim().is_empty();
        Place {
            lineno: lineno as i64,
            text: (self.caret || !blank).then_some(text),
            offset: self.caret.then(|| column(start)),
            end_offset: self.caret.then(|| column(end)),
        }
    }

    /// The text CPython prints for an uncaught SyntaxError (no traceback header).
    pub fn render(&self, filename: &str, source: &str) -> String {
        let mut out = String::new();
        if self.kind == SyntaxKind::RecursionError {
            // A RecursionError has no place in the source to show.
            let _ = writeln!(out, "{}: {}", self.kind.name(), self.msg);
            return out;
        }
        let place = self.place(source);
        let _ = writeln!(out, "  File \"{filename}\", line {}", place.lineno);
        if let Some(text) = &place.text {
            render_error_text(&mut out, text, place.offset, place.end_offset);
        }
        let _ = writeln!(out, "{}: {}", self.kind.name(), self.msg);
        out
    }
}

/// A SyntaxError's place: see [`SyntaxErr::place`].
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub lineno: i64,
    pub text: Option<String>,
    pub offset: Option<i64>,
    pub end_offset: Option<i64>,
}

/// The offending line and its carets under a SyntaxError's "File" line (Python/pythonrun.c
/// `print_error_text`): leading blanks stripped and the columns moved with them, trailing
/// ones kept; no caret when the offset is missing or falls in the stripped indentation;
/// carets from `offset` to `end_offset` (at least one), columns counted in characters as
/// CPython 3.13 does.
pub fn render_error_text(
    out: &mut String,
    text: &str,
    offset: Option<i64>,
    end_offset: Option<i64>,
) {
    let text = text.strip_suffix('\n').unwrap_or(text);
    // A text with newlines in it (user-made) shows the line the offset falls on.
    let mut offset = offset.map(|o| o - 1);
    let mut end_offset = end_offset.map(|e| e - 1);
    let mut text = text;
    while let (Some(o), Some(nl)) = (offset, text.find('\n')) {
        let skipped = text[..nl].chars().count() as i64 + 1;
        if skipped > o {
            break;
        }
        text = &text[nl + 1..];
        offset = Some(o - skipped);
        end_offset = end_offset.map(|e| e - skipped);
    }
    let shown = text.trim_start_matches([' ', '\t', '\x0c']);
    let stripped = (text.chars().count() - shown.chars().count()) as i64;
    let _ = writeln!(out, "    {shown}");
    let Some(col) = offset.map(|o| (o - stripped).min(shown.chars().count() as i64)) else {
        return;
    };
    if col < 0 {
        return;
    }
    // At most to just past the line's end: a SyntaxError made by hand may say anything.
    let room = shown.chars().count() as i64 - col + 1;
    let width = match end_offset {
        Some(end) if end - stripped > col => (end - stripped - col).min(room),
        _ => 1,
    };
    let _ = writeln!(
        out,
        "    {}{}",
        " ".repeat(col as usize),
        "^".repeat(width as usize)
    );
}

/// The largest char boundary of `s` at or before `i` (clamped to `s`).
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after `i` (clamped to `s`).
fn ceil_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(source: &str) -> String {
        let e = crate::syntax::parse_module(source).unwrap_err();
        e.render("t.py", source)
    }

    #[test]
    fn errors_at_multibyte_characters_render_like_cpython() {
        // Each error's end is one byte past its start, inside the character.
        assert_eq!(
            rendered("x = 1\nprint(1 € 2)\n"),
            "  File \"t.py\", line 2\n    print(1 € 2)\n            ^\n\
             SyntaxError: invalid character '€' (U+20AC)\n"
        );
        assert_eq!(
            rendered("x = “hi”\n"),
            "  File \"t.py\", line 1\n    x = “hi”\n        ^\n\
             SyntaxError: invalid character '“' (U+201C)\n"
        );
        assert!(rendered("x = 1\u{fffd}\n").ends_with("(U+FFFD)\n"));
        // Offsets past or inside a character never slice it.
        let e = SyntaxErr::new("m", 5, 6);
        assert!(
            e.render("t.py", "x = é")
                .ends_with("    x = é\n        ^\nSyntaxError: m\n")
        );
        let e = SyntaxErr::new("m", 99, 120);
        assert!(e.render("t.py", "é").ends_with("SyntaxError: m\n"));
        // Issue 19's input, a stray `^` after an `Ω` (it panicked in parse_error.rs: "end
        // byte index is not a char boundary"). Columns count characters, as in CPython 3.13
        // (3.11 and 3.12 count the bytes of the line and put the caret one column further).
        assert_eq!(
            rendered("Ω ^\n"),
            "  File \"t.py\", line 1\n    Ω ^\n       ^\nSyntaxError: invalid syntax\n"
        );
        assert_eq!(
            rendered("x = \"Ω\" ^ ^\n"),
            "  File \"t.py\", line 1\n    x = \"Ω\" ^ ^\n              ^\n\
             SyntaxError: invalid syntax\n"
        );
    }
}
