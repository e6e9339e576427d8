//! Source text → AST: logos lexer, layout pass, lalrpop grammar, CPython-style syntax errors.

mod actions;
pub mod ast;
pub mod error;
mod fstring;
pub mod lexer;
mod named_expr_error;
mod number_errors;
mod parse_error;
mod raw_token;
pub mod source;
mod strings;
pub mod token;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, unused_parens, dead_code, clippy::pedantic)]
    grammar,
    "/python.rs"
);

use ast::{Expr, Stmt};
use error::SyntaxErr;

/// Parses a whole module.
pub fn parse_module(source: &str) -> Result<Vec<Stmt>, SyntaxErr> {
    let lexer = lexer::Lexer::new(source);
    grammar::FileParser::new()
        .parse(lexer)
        .map_err(|e| parse_error::convert(e, source))
}

/// Parses a single expression (as `eval()` does).
pub fn parse_expression(source: &str) -> Result<Expr, SyntaxErr> {
    let lexer = lexer::Lexer::new(source);
    grammar::EvalInputParser::new()
        .parse(lexer)
        .map_err(|e| parse_error::convert(e, source))
}

/// Parses the expression of an f-string field found at byte `offset` of the source. Like CPython
/// 3.11 the text is parsed inside parentheses, so it may span lines and start with spaces.
pub(crate) fn parse_fstring_expression(text: &str, offset: usize) -> Result<Expr, SyntaxErr> {
    let wrapped = format!("({text})");
    let shift = |pos: usize| (pos + offset).saturating_sub(1);
    let tokens: Vec<_> = lexer::Lexer::new(&wrapped)
        .map(|t| t.map(|(l, tok, r)| (shift(l), tok, shift(r))))
        .map(|t| {
            t.map_err(|mut e| {
                e.start = shift(e.start);
                e.end = shift(e.end);
                e
            })
        })
        .collect();
    grammar::EvalInputParser::new().parse(tokens).map_err(|e| {
        let mut err = parse_error::convert_shifted(e, &wrapped, offset);
        if !err.msg.starts_with("f-string") {
            err.msg = format!("f-string: {}", err.msg);
        }
        err
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> String {
        let e = parse_module(src).unwrap_err();
        format!("{}: {} @{}", e.kind.name(), e.msg, e.line(src))
    }

    #[test]
    fn parses_a_small_program() {
        let src = "def f(a, b=2, *args, c, **kw):\n    return [x * 2 for x in range(a) if x]\n\nclass A(B):\n    @property\n    def g(self): return f'{self.x!r:>10}'\nx, *y = 1, 2, 3\n";
        assert_eq!(parse_module(src).unwrap().len(), 3);
    }

    #[test]
    fn cpython_messages() {
        assert_eq!(err("if x\n  pass\n"), "SyntaxError: expected ':' @1");
        assert_eq!(
            err("if x:\npass\n"),
            "IndentationError: expected an indented block after 'if' statement on line 1 @2"
        );
        assert_eq!(err(" x = 1\n"), "IndentationError: unexpected indent @1");
        assert_eq!(
            err("print \"hi\"\n"),
            "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1"
        );
        assert_eq!(
            err("1 = x\n"),
            "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1"
        );
        assert_eq!(
            err("x = 1 if 2\n"),
            "SyntaxError: expected 'else' after 'if' expression @1"
        );
        assert_eq!(
            err("f(a for a in b, c)\n"),
            "SyntaxError: Generator expression must be parenthesized @1"
        );
        assert_eq!(
            err("def f(a=1, b): pass\n"),
            "SyntaxError: non-default argument follows default argument @1"
        );
        assert_eq!(
            err("try:\n  pass\nx = 1\n"),
            "SyntaxError: expected 'except' or 'finally' block @3"
        );
        assert_eq!(err("x = 5 +\n"), "SyntaxError: invalid syntax @1");
        assert_eq!(
            err("f'{}'\n"),
            "SyntaxError: f-string: empty expression not allowed @1"
        );
        assert_eq!(
            err("x = 1 \u{a0}\n"),
            "SyntaxError: invalid non-printable character U+00A0 @1"
        );
        assert_eq!(
            err("x = 1\ny\u{200b} = 2\n"),
            "SyntaxError: invalid non-printable character U+200B @2"
        );
        assert_eq!(
            err("x = 1 €\n"),
            "SyntaxError: invalid character '€' (U+20AC) @1"
        );
        assert_eq!(
            err("def f():\n    return 1\n  x = 2\n"),
            "IndentationError: unindent does not match any outer indentation level @3"
        );
    }
}
