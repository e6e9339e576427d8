//! The marker line a traceback prints under a frame's source line (CPython 3.11+'s error
//! locations): `^^^^` under the expression that failed, `~~^~~` when it is an operator or a
//! subscript (Lib/traceback.py `format_frame_summary` and
//! `_extract_caret_anchors_from_line_segment`; Python/traceback.c prints the same), and
//! from 3.13 on `~~^^^` under a call.

use crate::compiler::bytecode::Position;
use crate::syntax::ast::{Expr, ExprKind, StmtKind};

/// Which CPython draws the markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    /// 3.11 and 3.12: operators and subscripts are pointed at; nothing is drawn where the
    /// markers would cover the whole line without pointing.
    Py311,
    /// 3.13: calls are pointed at too, and a call that is a whole `x = f(...)` or
    /// `return f(...)` statement's value is not underlined.
    Py313,
}

/// The markers under `line` (the source line as the file has it) for an instruction at
/// `pos`, newline included; None where CPython prints none: an unknown position, or one
/// that covers the whole line and has nothing to point at. Under 3.13's rules only a
/// position on one line is drawn (3.13 shows every line of a longer one).
pub fn caret_line(line: &str, pos: Position, rules: Rules) -> Option<String> {
    if pos.line == 0 || pos.end_line < pos.line {
        return None;
    }
    let chars: Vec<char> = line.chars().collect();
    let start = char_offset(line, pos.col as usize)?;
    let single_line = pos.line == pos.end_line;
    let end = match (single_line, rules) {
        (true, _) => char_offset(line, pos.end_col as usize)?,
        // Only the first line is shown: underline it to its end.
        (false, Rules::Py311) => line.trim_end().chars().count(),
        (false, Rules::Py313) => return None,
    };
    if end <= start || end > chars.len() {
        return None;
    }
    let segment: String = chars[start..end].iter().collect();
    let anchors = single_line.then(|| anchors(&segment, rules)).flatten();
    let leading = chars.len() - line.trim_start().chars().count();
    let width = end - start;
    let shown = match rules {
        Rules::Py311 => {
            width < line.trim().chars().count() || anchors.is_some_and(|(left, right)| right > left)
        }
        Rules::Py313 => {
            !whole_call_statement(line.trim_start(), start - leading.min(start), width)
                && (anchors.is_some()
                    || !chars[..start].iter().all(|c| c.is_whitespace())
                    || !chars[end..].iter().all(|c| c.is_whitespace()))
        }
    };
    if !shown {
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

/// 3.13's `_should_show_carets`: a call that is exactly the value of `x = f(...)` (one name
/// as the target) or of `return f(...)` (a name called) is not underlined. `statement` is
/// the line without its indentation; `start` and `width` the position on it, in characters.
fn whole_call_statement(statement: &str, start: usize, width: usize) -> bool {
    let Ok(body) = crate::syntax::parse_module(statement) else {
        return false;
    };
    let value: Option<&Expr> = match body.first().map(|s| &s.kind) {
        Some(StmtKind::Return(Some(v))) if matches!(&v.kind, ExprKind::Call { func, .. } if matches!(func.kind, ExprKind::Name(_))) => {
            Some(v)
        }
        Some(StmtKind::Assign { targets, value })
            if targets.len() == 1
                && matches!(targets[0].kind, ExprKind::Name(_))
                && matches!(value.kind, ExprKind::Call { .. }) =>
        {
            Some(value)
        }
        _ => None,
    };
    value.is_some_and(|v| {
        let at = |byte: u32| char_offset(statement, byte as usize);
        at(v.span.start) == Some(start) && at(v.span.end) == Some(start + width)
    })
}

/// The character offset of byte offset `byte` in `text` (None inside a character or past
/// the end).
fn char_offset(text: &str, byte: usize) -> Option<usize> {
    text.is_char_boundary(byte)
        .then(|| text[..byte].chars().count())
}

/// Where the `^` part of the markers goes in `segment` (character offsets, start and end):
/// under a binary operator, a subscript's brackets, or (3.13) a call's parentheses. CPython
/// parses the segment on its own to find them; so does this.
fn anchors(segment: &str, rules: Rules) -> Option<(usize, usize)> {
    let body = crate::syntax::parse_module(segment).ok()?;
    let [statement] = body.as_slice() else {
        return None;
    };
    let StmtKind::Expr(expr) = &statement.kind else {
        return None;
    };
    let chars: Vec<char> = segment.chars().collect();
    let at = |byte: u32| char_offset(segment, byte as usize);
    match (&expr.kind, rules) {
        (ExprKind::BinOp { left, right, .. }, Rules::Py311) => {
            operator_anchors(&chars, at(left.span.end)?, at(right.span.start)?)
        }
        (ExprKind::BinOp { left, right, .. }, Rules::Py313) => {
            operator_anchors_313(&chars, at(left.span.end)?, at(right.span.start)?)
        }
        (ExprKind::Subscript { value, slice }, Rules::Py311) => Some(bracket_anchors(
            &chars,
            at(value.span.end)?,
            at(slice.span.end)? + 1,
        )),
        (ExprKind::Subscript { value, .. }, Rules::Py313) => {
            Some((opening(&chars, at(value.span.end)?, '['), chars.len()))
        }
        (ExprKind::Call { func, .. }, Rules::Py313) => {
            Some((opening(&chars, at(func.span.end)?, '('), chars.len()))
        }
        _ => None,
    }
}

/// The first `open` at or after `from`: a subscript's `[`, a call's `(`.
fn opening(chars: &[char], from: usize, open: char) -> usize {
    let mut at = from;
    while chars.get(at).is_some_and(|&c| c != open) {
        at += 1;
    }
    at
}

/// 3.13's operator: the first character after the left operand that is neither a space
/// nor `)`, and the next one too when it is no space and comes before the right operand.
fn operator_anchors_313(
    chars: &[char],
    left_end: usize,
    right_start: usize,
) -> Option<(usize, usize)> {
    let mut left = left_end;
    while chars
        .get(left)
        .is_some_and(|&c| c.is_whitespace() || c == ')')
    {
        left += 1;
    }
    let mut right = left + 1;
    if right < right_start
        && chars
            .get(right)
            .is_some_and(|&c| !c.is_whitespace() && c != '\\' && c != '#')
    {
        right += 1;
    }
    Some((left, right))
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
            caret_line(line, at(line, "b * 2"), Rules::Py311).as_deref(),
            Some("               ~~^~~\n")
        );
        let line = "    return d['x']['y']";
        assert_eq!(
            caret_line(line, at(line, "d['x']['y']"), Rules::Py311).as_deref(),
            Some("           ~~~~~~^^^^^\n")
        );
        let line = "(a + b) ** c";
        assert_eq!(
            caret_line(line, at(line, line), Rules::Py311).as_deref(),
            Some("    ~~~~~~~~^~~~\n")
        );
    }

    #[test]
    fn other_expressions_are_underlined_unless_they_fill_the_line() {
        let line = "    x = f(1, None)";
        assert_eq!(
            caret_line(line, at(line, "f(1, None)"), Rules::Py311).as_deref(),
            Some("        ^^^^^^^^^^\n")
        );
        let line = "    fn(*args)";
        assert_eq!(caret_line(line, at(line, "fn(*args)"), Rules::Py311), None);
        assert_eq!(caret_line(line, Position::default(), Rules::Py311), None);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let line = "s = 'привет' + 1";
        assert_eq!(
            caret_line(line, at(line, "'привет' + 1"), Rules::Py311).as_deref(),
            Some("        ~~~~~~~~~^~~\n")
        );
    }

    #[test]
    fn calls_are_pointed_at_from_3_13_unless_they_are_a_whole_assignment_or_return() {
        let line = "    fn(*args)";
        assert_eq!(
            caret_line(line, at(line, "fn(*args)"), Rules::Py313).as_deref(),
            Some("    ~~^^^^^^^\n")
        );
        let line = "    x = f(1, None)";
        assert_eq!(caret_line(line, at(line, "f(1, None)"), Rules::Py313), None);
        let line = "    return len(5)";
        assert_eq!(caret_line(line, at(line, "len(5)"), Rules::Py313), None);
        let line = "    return [1][5]";
        assert_eq!(
            caret_line(line, at(line, "[1][5]"), Rules::Py313).as_deref(),
            Some("           ~~~^^^\n")
        );
        let line = "(a + b) ** c";
        assert_eq!(
            caret_line(line, at(line, line), Rules::Py313).as_deref(),
            Some("    ~~~~~~~~^^~~\n")
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
            caret_line(line, pos, Rules::Py311).as_deref(),
            Some("            ^^^^^^^^^^\n")
        );
    }
}
