//! Turns lalrpop's "unexpected token, expected one of ..." into the messages CPython's parser
//! gives (Grammar/python.gram `invalid_*` rules): "expected ':'", "unexpected indent", ...

use lalrpop_util::ParseError;

use super::error::SyntaxErr;
use super::token::Tok;

type LalrError = ParseError<usize, Tok, SyntaxErr>;

pub fn convert(err: LalrError, source: &str) -> SyntaxErr {
    match err {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => SyntaxErr::at("invalid syntax", location),
        ParseError::UnrecognizedEof { location, expected } => {
            unexpected(source, location, location, None, &expected)
        }
        ParseError::UnrecognizedToken {
            token: (l, tok, r),
            expected,
        } => unexpected(source, l, r, Some(&tok), &expected),
        ParseError::ExtraToken { token: (l, _, _) } => SyntaxErr::at("invalid syntax", l),
    }
}

/// For f-string expressions: positions are already in source coordinates, but the text around
/// them is not the source, so only generic messages are produced.
pub fn convert_shifted(err: LalrError, _wrapped: &str, _offset: usize) -> SyntaxErr {
    match err {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location }
        | ParseError::UnrecognizedEof { location, .. }
        | ParseError::ExtraToken {
            token: (location, _, _),
        }
        | ParseError::UnrecognizedToken {
            token: (location, _, _),
            ..
        } => SyntaxErr::at("invalid syntax", location),
    }
}

fn expects(expected: &[String], terminal: &str) -> bool {
    let quoted = format!("\"{terminal}\"");
    expected.iter().any(|e| e == terminal || *e == quoted)
}

fn unexpected(
    source: &str,
    start: usize,
    end: usize,
    tok: Option<&Tok>,
    expected: &[String],
) -> SyntaxErr {
    if tok == Some(&Tok::Indent) {
        return SyntaxErr::indentation("unexpected indent", start, end).without_caret();
    }
    if expects(expected, "Indent") {
        return expected_indented_block(source, start, end);
    }
    if let Some(err) = missing_print_parens(source, start, tok) {
        return err;
    }
    if let Some(err) = match_statement(source, start) {
        return err;
    }
    let at_line_end = matches!(tok, Some(Tok::Newline | Tok::Dedent) | None);
    if at_line_end && expects(expected, "else") && !expects(expected, "elif") {
        let (l, r) = conditional_span(source, start);
        return SyntaxErr::new("expected 'else' after 'if' expression", l, r);
    }
    if expects(expected, "except") && expects(expected, "finally") {
        return SyntaxErr::at("expected 'except' or 'finally' block", start);
    }
    if at_line_end && expects(expected, ":") && starts_compound(source, start) {
        let pos = last_code_end(source, start);
        return SyntaxErr::at("expected ':'", pos);
    }
    if tok == Some(&Tok::Equal)
        && let Some(err) = super::named_expr_error::invalid_named_expression(source, start, end)
    {
        return err;
    }
    if matches!(
        tok,
        Some(Tok::Name(_) | Tok::Int(_) | Tok::Float(_) | Tok::Str(_))
    ) && inside_brackets(source, start)
        && follows_operand(source, start)
        && !starts_def(source, start)
    {
        return forgot_comma(source, start, end);
    }
    if tok == Some(&Tok::ColonEqual)
        && let Some(err) = super::named_expr_error::invalid_walrus_target(source, start)
    {
        return err;
    }
    if matches!(tok, Some(Tok::RBrace | Tok::Comma))
        && expects(expected, ":")
        && innermost_open(source, start) == Some('{')
    {
        // Grammar/python.gram `invalid_kvpair`: the caret on the key's last character.
        let key_end = last_code_end(source, start);
        return SyntaxErr::at(
            "':' expected after dictionary key",
            key_end.saturating_sub(1),
        );
    }
    if let Some(err) = unclosed_bracket(source, start) {
        return err;
    }
    let pos = if tok.is_none() {
        start
    } else {
        start.min(source.len())
    };
    SyntaxErr::new("invalid syntax", pos, end.max(pos + 1))
}

/// CPython (`_PyPegen_set_syntax_error`): a plain syntax error on a line after the one that
/// opened a still-open bracket is reported as "'(' was never closed".
fn unclosed_bracket(source: &str, pos: usize) -> Option<SyntaxErr> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    for item in super::lexer::Lexer::new(&source[..char_floor(source, pos)]) {
        let Ok((l, tok, _)) = item else {
            break;
        };
        match tok {
            Tok::LPar => stack.push(('(', l)),
            Tok::LSqb => stack.push(('[', l)),
            Tok::LBrace => stack.push(('{', l)),
            Tok::RPar | Tok::RSqb | Tok::RBrace => {
                stack.pop();
            }
            _ => {}
        }
    }
    let &(open, open_pos) = stack.last()?;
    let line = |p: usize| source[..char_floor(source, p)].matches('\n').count();
    (line(pos) > line(open_pos))
        .then(|| SyntaxErr::at(format!("'{open}' was never closed"), open_pos))
}

/// CPython: "expected an indented block after 'if' statement on line 3".
fn expected_indented_block(source: &str, start: usize, end: usize) -> SyntaxErr {
    let (header_line, keyword) = header_before(source, start);
    let what = match keyword.as_str() {
        "def" | "async" => format!("function definition on line {header_line}"),
        "class" => format!("class definition on line {header_line}"),
        "" => format!("statement on line {header_line}"),
        kw => format!("'{kw}' statement on line {header_line}"),
    };
    let pos = if start >= source.len() {
        source.len()
    } else {
        start
    };
    SyntaxErr::indentation(
        format!("expected an indented block after {what}"),
        pos,
        end.max(pos),
    )
}

/// The (line, first word) of the last non-blank, non-comment line before the line of `pos`.
fn header_before(source: &str, pos: usize) -> (usize, String) {
    let pos = pos.min(source.len());
    let before = if pos >= source.len() {
        source
    } else {
        &source[..line_bounds(source, pos).0]
    };
    let lines: Vec<&str> = before.lines().collect();
    for (i, line) in lines.iter().enumerate().rev() {
        let text = strip_comment(line).trim();
        if text.is_empty() {
            continue;
        }
        let word: String = text
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        return (i + 1, word);
    }
    (1, String::new())
}

/// `pos`, moved back to the start of the character it falls in (one byte before a token
/// can be inside a multi-byte character: `if lo > hΩ` with the colon missing).
fn char_floor(source: &str, pos: usize) -> usize {
    let mut pos = pos.min(source.len());
    while !source.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

fn line_bounds(source: &str, pos: usize) -> (usize, usize) {
    let pos = char_floor(source, pos);
    let start = source[..pos].rfind('\n').map_or(0, |i| i + 1);
    let end = source[pos..].find('\n').map_or(source.len(), |i| pos + i);
    (start, end)
}

/// `print "x"`, `exec code`: Python 2's print and exec statements.
fn missing_print_parens(source: &str, start: usize, tok: Option<&Tok>) -> Option<SyntaxErr> {
    if !matches!(
        tok,
        Some(Tok::Str(_) | Tok::Name(_) | Tok::Int(_) | Tok::Float(_))
    ) {
        return None;
    }
    let (line_start, line_end) = line_bounds(source, start);
    let before = source[line_start..start].trim();
    if before != "print" && before != "exec" {
        return None;
    }
    let word_pos = line_start + source[line_start..start].find(before)?;
    let end = source[..line_end].trim_end().len();
    Some(SyntaxErr::new(
        format!("Missing parentheses in call to '{before}'. Did you mean {before}(...)?"),
        word_pos,
        end,
    ))
}

/// `match subject:` (3.10's soft keyword) fails to parse in gilsim's grammar, which has no
/// `match` statement: name the feature instead of a bare "invalid syntax".
fn match_statement(source: &str, start: usize) -> Option<SyntaxErr> {
    let (line_start, line_end) = line_bounds(source, start);
    let line = &source[line_start..line_end];
    let text = line.trim_start();
    let rest = text.strip_prefix("match")?;
    let subject_follows = rest.starts_with([' ', '\t', '(', '[', '{', '-', '"', '\'']);
    if !subject_follows || !strip_comment(rest).trim_end().ends_with(':') {
        return None;
    }
    let word = line_start + (line.len() - text.len());
    Some(SyntaxErr::new(
        "the 'match' statement is not supported by gilsim",
        word,
        word + "match".len(),
    ))
}

/// The identifier-like word `text` starts with (empty if it starts with anything else).
pub(crate) fn leading_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

fn starts_compound(source: &str, pos: usize) -> bool {
    let (line_start, _) = line_bounds(source, last_code_end(source, pos).saturating_sub(1));
    let text = source[line_start..].trim_start();
    matches!(
        leading_word(text),
        "if" | "elif"
            | "else"
            | "while"
            | "for"
            | "try"
            | "except"
            | "finally"
            | "with"
            | "def"
            | "class"
            | "async"
    )
}

/// Position just after the last non-space, non-comment character before `pos`.
fn last_code_end(source: &str, pos: usize) -> usize {
    let pos = char_floor(source, pos);
    let (line_start, _) = line_bounds(source, pos.saturating_sub(1));
    let line = &source[line_start..pos];
    let code = strip_comment(line);
    line_start + code.trim_end().len()
}

fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '#') => return &line[..i],
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    line
}

fn conditional_span(source: &str, pos: usize) -> (usize, usize) {
    let end = last_code_end(source, pos);
    let (line_start, _) = line_bounds(source, end.saturating_sub(1));
    let line = &source[line_start..end];
    let start = line.find('=').map_or(0, |i| {
        i + 1 + line[i + 1..].len() - line[i + 1..].trim_start().len()
    });
    (line_start + start, end)
}

fn inside_brackets(source: &str, pos: usize) -> bool {
    let pos = char_floor(source, pos);
    let mut depth: i32 = 0;
    let (line_start, _) = line_bounds(source, pos);
    for c in source[line_start..pos].chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

fn follows_operand(source: &str, pos: usize) -> bool {
    let before = source[..char_floor(source, pos)].trim_end();
    before.chars().last().is_some_and(|c| {
        c.is_alphanumeric() || c == '_' || c == ')' || c == ']' || c == '"' || c == '\''
    }) && !before.ends_with(" in")
        && !before.ends_with(" not")
        && !before.ends_with(" is")
        && !before.ends_with(" and")
        && !before.ends_with(" or")
        && !before.ends_with(" if")
        && !before.ends_with(" else")
        && !before.ends_with(" for")
        && !before.ends_with(" lambda")
}

/// A `def` line: its brackets hold parameters, not expressions (`def f(x y)` is plain
/// invalid syntax).
fn starts_def(source: &str, pos: usize) -> bool {
    let (line_start, _) = line_bounds(source, pos);
    let text = source[line_start..].trim_start();
    text.starts_with("def ") || text.starts_with("async def ")
}

/// The innermost bracket still open before `pos` on its line.
fn innermost_open(source: &str, pos: usize) -> Option<char> {
    let pos = char_floor(source, pos);
    let (line_start, _) = line_bounds(source, pos);
    let mut open = Vec::new();
    for c in strip_strings(&source[line_start..pos]).chars() {
        match c {
            '(' | '[' | '{' => open.push(c),
            ')' | ']' | '}' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.pop()
}

/// `text` with the insides of its string literals blanked (same length).
fn strip_strings(text: &str) -> String {
    let mut quote: Option<char> = None;
    text.chars()
        .map(|c| match quote {
            Some(q) if c == q => {
                quote = None;
                c
            }
            Some(_) => ' ',
            None => {
                if c == '\'' || c == '"' {
                    quote = Some(c);
                }
                c
            }
        })
        .collect()
}

/// "Perhaps you forgot a comma?" over both expressions (`invalid_expression`'s range):
/// from the start of the element before the token at `start` to the end of the one it
/// begins. A name followed by a string (`f(x "a")`) is plain invalid syntax there.
fn forgot_comma(source: &str, start: usize, end: usize) -> SyntaxErr {
    let (line_start, line_end) = line_bounds(source, start);
    let before = strip_strings(&source[line_start..char_floor(source, start)]);
    let mut depth = 0;
    let mut element_start = 0;
    for (i, c) in before.char_indices().rev() {
        match c {
            ')' | ']' | '}' => depth += 1,
            '(' | '[' | '{' if depth == 0 => {
                element_start = i + 1;
                break;
            }
            '(' | '[' | '{' => depth -= 1,
            ',' if depth == 0 => {
                element_start = i + 1;
                break;
            }
            // A keyword argument's `=` (not `==`, `<=`, ...): the element is its value.
            '=' if depth == 0 && !is_comparison_at(&before, i) => {
                element_start = i + 1;
                break;
            }
            _ => {}
        }
    }
    let first = before[element_start..].trim();
    let first_start = line_start
        + element_start
        + (before[element_start..].len() - before[element_start..].trim_start().len());
    let is_name = !first.is_empty() && first.chars().all(|c| c.is_alphanumeric() || c == '_');
    if is_name && matches!(source[start..].chars().next(), Some('\'' | '"')) {
        return SyntaxErr::new("invalid syntax", start, end);
    }
    let after = strip_strings(&source[start..line_end]);
    let mut depth = 0;
    let mut element_end = after.len();
    let mut last: Option<char> = None;
    for (i, c) in after.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => {
                element_end = i;
                break;
            }
            ')' | ']' | '}' => depth -= 1,
            ',' | ':' | '=' if depth == 0 => {
                element_end = i;
                break;
            }
            // `f(x y z)`: the second expression ends where a third operand begins.
            c if depth == 0
                && last.is_some_and(char::is_whitespace)
                && (c.is_alphanumeric() || c == '_' || c == '\'' || c == '"')
                && ends_operand(&after[..i])
                && !super::named_expr_error::starts_operator_word(&after[i..]) =>
            {
                element_end = i;
                break;
            }
            _ => {}
        }
        last = Some(c);
    }
    let last_end = start + after[..element_end].trim_end().len();
    SyntaxErr::new(
        "invalid syntax. Perhaps you forgot a comma?",
        first_start,
        last_end.max(end),
    )
}

/// Whether the `=` at byte `i` of `text` is part of `==`, `!=`, `<=` or `>=`.
fn is_comparison_at(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + 1..].chars().next();
    matches!(before, Some('=' | '!' | '<' | '>')) || after == Some('=')
}

/// Whether `text`, trimmed, ends with an operand (a name, number, string or bracket).
fn ends_operand(text: &str) -> bool {
    let text = text.trim_end();
    text.chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | ')' | ']' | '}' | '\'' | '"'))
        && !super::named_expr_error::starts_operator_word(
            text.rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or(""),
        )
}
