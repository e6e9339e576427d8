//! The marker line a traceback prints under a frame's source line (CPython 3.11+'s error
//! locations): `^^^^` under the expression that failed, `~~^~~` when it is an operator or a
//! subscript (Lib/traceback.py `format_frame_summary` and
//! `_extract_caret_anchors_from_line_segment`; Python/traceback.c prints the same).

use crate::compiler::bytecode::Position;
use crate::syntax::ast::{ExprKind, StmtKind};

/// The markers under `line` (the source line as the file has it) for an instruction at
/// `pos`, newline included; None where CPython prints none: an unknown position, or one
/// that covers the whole line and has no operator or subscript to point at.
pub fn caret_line(line: &str, pos: Position) -> Option<String> {
    if pos.line == 0 || pos.end_line < pos.line {
        return None;
    }
    let chars: Vec<char> = line.chars().collect();
    let start = char_offset(line, pos.col as usize)?;
    let single_line = pos.line == pos.end_line;
    let end = match single_line {
        true => char_offset(line, pos.end_col as usize)?,
        // Only the first line is shown: underline it to its end.
        false => line.trim_end().chars().count(),
    };
    if end <= start || end > chars.len() {
        return None;
    }
    let segment: String = chars[start..end].iter().collect();
    let anchors = single_line.then(|| anchors(&segment)).flatten();
    let stripped = line.trim();
    let leading = chars.len() - line.trim_start().chars().count();
    let width = end - start;
    let pointed = anchors.is_some_and(|(left, right)| right > left);
    if width >= stripped.chars().count() && !pointed {
        return None;
    }
    let mut out = String::from("    ");
    out.extend(std::iter::repeat_n(' ', start.saturating_sub(leading)));
    match anchors {
        Some((left, right)) => {
            out.extend(std::iter::repeat_n('~', left));
            out.extend(std::iter::repeat_n('^', right.saturating_sub(left)));
            out.extend(std::iter::repeat_n('~', width.saturating_sub(right)));
        }
        None => out.extend(std::iter::repeat_n('^', width)),
    }
    out.push('\n');
    Some(out)
}

/// The character offset of byte offset `byte` in `text` (None inside a character or past
/// the end).
fn char_offset(text: &str, byte: usize) -> Option<usize> {
    text.is_char_boundary(byte)
        .then(|| text[..byte].chars().count())
}

/// Where the `^` part of the markers goes in `segment` (character offsets, start and end):
/// under a binary operator, or under a subscript's brackets. CPython parses the segment on
/// its own to find them; so does this.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let body = crate::syntax::parse_module(segment).ok()?;
    let [statement] = body.as_slice() else {
        return None;
    };
    let StmtKind::Expr(expr) = &statement.kind else {
        return None;
    };
    let chars: Vec<char> = segment.chars().collect();
    let at = |byte: u32| char_offset(segment, byte as usize);
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            operator_anchors(&chars, at(left.span.end)?, at(right.span.start)?)
        }
        ExprKind::Subscript { value, slice } => Some(bracket_anchors(
            &chars,
            at(value.span.end)?,
            at(slice.span.end)? + 1,
        )),
        _ => None,
    }
}

/// The operator between the left operand's end and the right one's start: one or two
/// characters, after any spaces and closing parentheses.
fn operator_anchors(chars: &[char], left_end: usize, right_start: usize) -> Option<(usize, usize)> {
    let between = chars.get(left_end..right_start)?;
    let offset = between.iter().take_while(|c| c.is_whitespace()).count();
    let mut left = left_end + offset;
    let mut right = left + 1;
    if between.get(offset + 1).is_some_and(|c| !c.is_whitespace()) {
        right += 1;
    }
    while chars
        .get(left)
        .is_some_and(|&c| c.is_whitespace() || c == ')' || c == '#')
    {
        left += 1;
        right += 1;
    }
    Some((left, right))
}

/// From the subscript's `[` to its `]`, both included.
fn bracket_anchors(chars: &[char], value_end: usize, after_slice: usize) -> (usize, usize) {
    let mut left = value_end;
    while chars.get(left).is_some_and(|&c| c != '[') {
        left += 1;
    }
    let mut right = after_slice;
    while chars.get(right).is_some_and(|&c| c != ']') {
        right += 1;
    }
    if right < chars.len() {
        right += 1;
    }
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: &str, segment: &str) -> Position {
        let col = line.find(segment).unwrap() as u32;
        Position {
            line: 1,
            end_line: 1,
            col,
            end_col: col + segment.len() as u32,
        }
    }

    #[test]
    fn an_operator_and_a_subscript_are_pointed_at() {
        let line = "    return a + b * 2";
        assert_eq!(
            caret_line(line, at(line, "b * 2")).as_deref(),
            Some("               ~~^~~\n")
        );
        let line = "    return d['x']['y']";
        assert_eq!(
            caret_line(line, at(line, "d['x']['y']")).as_deref(),
            Some("           ~~~~~~^^^^^\n")
        );
        let line = "(a + b) ** c";
        assert_eq!(
            caret_line(line, at(line, line)).as_deref(),
            Some("    ~~~~~~~~^~~~\n")
        );
    }

    #[test]
    fn other_expressions_are_underlined_unless_they_fill_the_line() {
        let line = "    x = f(1, None)";
        assert_eq!(
            caret_line(line, at(line, "f(1, None)")).as_deref(),
            Some("        ^^^^^^^^^^\n")
        );
        let line = "    fn(*args)";
        assert_eq!(caret_line(line, at(line, "fn(*args)")), None);
        assert_eq!(caret_line(line, Position::default()), None);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let line = "s = 'привет' + 1";
        assert_eq!(
            caret_line(line, at(line, "'привет' + 1")).as_deref(),
            Some("        ~~~~~~~~~^~~\n")
        );
    }

    #[test]
    fn a_position_over_several_lines_is_underlined_to_the_end_of_the_first() {
        let line = "    total = compute(1,";
        let col = line.find("compute").unwrap() as u32;
        let pos = Position {
            line: 3,
            end_line: 4,
            col,
            end_col: 5,
        };
        assert_eq!(
            caret_line(line, pos).as_deref(),
            Some("            ^^^^^^^^^^\n")
        );
    }
}
