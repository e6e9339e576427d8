//! `if x = 1:` — an `=` where an expression goes, reported as CPython's parser does
//! (Grammar/python.gram `invalid_named_expression`): "Maybe you meant '==' or ':=' instead
//! of '='?" over `x = 1`, or "cannot assign to attribute here" over the target that is not
//! a name.

use super::error::SyntaxErr;
use super::token::Tok;

/// The error for an unexpected `=` spanning `eq_start..eq_end`, if it stands where an
/// expression goes: the condition of `if`/`elif`/`while`, or inside brackets other than a
/// call's (where `name=` is a keyword argument, handled by the grammar).
pub fn invalid_named_expression(source: &str, eq_start: usize, eq_end: usize) -> Option<SyntaxErr> {
    let line_start = source[..eq_start].rfind('\n').map_or(0, |i| i + 1);
    let before = &source[line_start..eq_start];
    let first_word: String = before
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let in_condition = matches!(first_word.as_str(), "if" | "elif" | "while");
    match innermost_bracket(before) {
        Some(Bracket::Call) => return None,
        Some(Bracket::Other) => {}
        None if in_condition => {}
        None => return None,
    }
    let target_end = line_start + before.trim_end().len();
    let target_start = primary_start(source, line_start, target_end);
    let target = &source[target_start..target_end];
    let what = match target_kind(target)? {
        TargetKind::Name => {
            let end = value_end(source, eq_end);
            return Some(SyntaxErr::new(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                target_start,
                end,
            ));
        }
        TargetKind::Other(what) => what,
    };
    Some(SyntaxErr::new(
        format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
        target_start,
        target_end,
    ))
}

enum Bracket {
    /// `f(`: the parenthesis of a call.
    Call,
    Other,
}

/// The innermost bracket still open in `text` (one line), ignoring strings.
fn innermost_bracket(text: &str) -> Option<Bracket> {
    let mut open: Vec<usize> = Vec::new();
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{') => open.push(i),
            (None, ')' | ']' | '}') => {
                open.pop();
            }
            _ => {}
        }
    }
    let at = *open.last()?;
    if !text[at..].starts_with('(') {
        return Some(Bracket::Other);
    }
    let before = text[..at].trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let called =
        before.ends_with([')', ']']) || (!word.is_empty() && Tok::keyword(&word).is_none());
    Some(if called {
        Bracket::Call
    } else {
        Bracket::Other
    })
}

/// Where the primary expression ending at `end` starts: a name with its attributes,
/// calls and subscripts (`a.b[0](x)`), or a string literal.
fn primary_start(source: &str, line_start: usize, end: usize) -> usize {
    let text = &source[line_start..end];
    let mut chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut start = text.len();
    while let Some((i, c)) = chars.pop() {
        if c.is_alphanumeric() || c == '_' || c == '.' {
            start = i;
        } else if matches!(c, ')' | ']' | '\'' | '"') {
            let Some(open) = matching_open(&mut chars, c) else {
                break;
            };
            start = open;
        } else {
            break;
        }
    }
    line_start + start
}

/// Pops `chars` back to the bracket or quote that opens the group `close` ends.
fn matching_open(chars: &mut Vec<(usize, char)>, close: char) -> Option<usize> {
    if close == '\'' || close == '"' {
        while let Some((i, c)) = chars.pop() {
            if c == close {
                return Some(i);
            }
        }
        return None;
    }
    let mut depth = 1;
    while let Some((i, c)) = chars.pop() {
        match c {
            ')' | ']' => depth += 1,
            '(' | '[' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

enum TargetKind {
    Name,
    Other(&'static str),
}

/// What the text before the `=` is, as CPython's `_PyPegen_get_expr_name` names it.
fn target_kind(target: &str) -> Option<TargetKind> {
    let first = target.chars().next()?;
    if first.is_ascii_digit() || first == '\'' || first == '"' {
        return Some(TargetKind::Other("literal"));
    }
    if Tok::keyword(target).is_some() {
        return None;
    }
    if target.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return Some(TargetKind::Name);
    }
    Some(TargetKind::Other(match target.chars().last()? {
        ')' => "function call",
        ']' => "subscript",
        _ => "attribute",
    }))
}

/// The end of the operand after the `=` (a `bitwise_or` in the grammar): up to a
/// comparison, a boolean operator, a keyword, a comma, a colon or a closing bracket at
/// its own depth.
fn value_end(source: &str, from: usize) -> usize {
    let rest = &source[from..];
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut end = from;
    for (i, c) in rest.char_indices() {
        let at = from + i;
        if let Some(q) = quote {
            if c == q {
                quote = None;
                end = at + 1;
            }
            continue;
        }
        match c {
            '\n' | '#' => break,
            '\'' | '"' => quote = Some(c),
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ':' | ',' | '=' | '<' | '>' | '!' if depth == 0 => break,
            c if c.is_alphabetic() && depth == 0 && starts_operator_word(&rest[i..]) => {
                let previous = rest[..i].chars().last();
                if !previous.is_some_and(|p| p.is_alphanumeric() || p == '_') {
                    break;
                }
            }
            _ => {}
        }
        if !c.is_whitespace() {
            end = at + c.len_utf8();
        }
    }
    end
}

/// A keyword that joins or ends operands (`x = 1 and y`, `a if b else c`).
pub fn starts_operator_word(text: &str) -> bool {
    matches!(
        super::parse_error::leading_word(text),
        "and" | "or" | "not" | "in" | "is" | "if" | "else" | "for" | "async"
    )
}

/// `(a, b) := 1`: the target of `:=` must be a name ("cannot use assignment expressions
/// with tuple" over the target); a name there is plain invalid syntax (`x := 1` as a
/// statement).
pub fn invalid_walrus_target(source: &str, walrus: usize) -> Option<SyntaxErr> {
    let line_start = source[..walrus].rfind('\n').map_or(0, |i| i + 1);
    let target_end = line_start + source[line_start..walrus].trim_end().len();
    let target_start = primary_start(source, line_start, target_end);
    let target = &source[target_start..target_end];
    let what = match target.chars().next()? {
        '(' if target.ends_with(')') && has_top_level_comma(&target[1..target.len() - 1]) => {
            "tuple"
        }
        '[' if target.ends_with(']') => "list",
        _ => match target_kind(target)? {
            TargetKind::Name => return None,
            TargetKind::Other(what) => what,
        },
    };
    Some(SyntaxErr::new(
        format!("cannot use assignment expressions with {what}"),
        target_start,
        target_end,
    ))
}

fn has_top_level_comma(inner: &str) -> bool {
    let mut depth = 0i32;
    inner.chars().any(|c| {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
        c == ',' && depth == 0
    })
}
