//! Raw Python tokens recognised by logos; the layout pass in `lexer.rs` turns them into `Tok`s (`token.rs`).

use logos::Logos;

/// A token as logos sees it: no indentation structure yet, data still in the source slice.
#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
#[logos(skip r"\\\r?\n")]
pub enum RawTok {
    #[regex(r"\r?\n|\r")]
    Newline,

    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*")]
    Name,

    #[regex(r"[0-9](_?[0-9])*")]
    DecInt,
    #[regex(r"0[xX](_?[0-9a-fA-F])+")]
    HexInt,
    #[regex(r"0[oO](_?[0-7])+")]
    OctInt,
    #[regex(r"0[bB](_?[01])+")]
    BinInt,
    #[regex(r"[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?")]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?")]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*")]
    Float,
    #[regex(r"([0-9](_?[0-9])*|[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?|\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?|[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*)[jJ]")]
    Imaginary,

    /// A string literal. The regex matches the prefix and opening quote; the callback scans the
    /// body, so triple-quoted strings and escapes need no backtracking regex.
    #[regex(
        r#"([rRuUbBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?('''|"""|'|")"#,
        scan_string
    )]
    String,

    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("|")]
    VBar,
    #[token("&")]
    Amper,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("=")]
    Equal,
    #[token(".")]
    Dot,
    #[token("%")]
    Percent,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<>")]
    LessGreater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("~")]
    Tilde,
    #[token("^")]
    Circumflex,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("**")]
    DoubleStar,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VBarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("//")]
    DoubleSlash,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("@")]
    At,
    #[token("@=")]
    AtEqual,
    #[token("->")]
    RArrow,
    #[token("...")]
    Ellipsis,
    #[token(":=")]
    ColonEqual,
    #[token("!")]
    Exclamation,
}

impl RawTok {
    /// A number literal (the tokenizer checks how it ends).
    pub fn is_number(self) -> bool {
        matches!(
            self,
            RawTok::DecInt
                | RawTok::HexInt
                | RawTok::OctInt
                | RawTok::BinInt
                | RawTok::Float
                | RawTok::Imaginary
        )
    }
}

/// Scans the body of a string literal whose prefix and opening quote were just matched.
/// Returns false (a lexing error) when the literal is not closed; the layout pass then
/// re-examines the slice to report CPython's "unterminated ... literal" message.
fn scan_string(lex: &mut logos::Lexer<RawTok>) -> bool {
    let opening = lex.slice();
    let quote = opening.as_bytes()[opening.len() - 1];
    let bytes = opening.as_bytes();
    let triple = bytes.len() >= 3 && bytes[bytes.len() - 3..].iter().all(|&b| b == quote);
    let rest = lex.remainder().as_bytes();
    match string_body_len(rest, quote, triple) {
        Some(len) => {
            lex.bump(len);
            true
        }
        None => false,
    }
}

/// Length of a string body including its closing quote(s), or None if it is unterminated.
pub fn string_body_len(rest: &[u8], quote: u8, triple: bool) -> Option<usize> {
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i];
        if c == b'\\' {
            i += 2;
            continue;
        }
        if c == quote {
            if !triple {
                return Some(i + 1);
            }
            if rest.get(i + 1) == Some(&quote) && rest.get(i + 2) == Some(&quote) {
                return Some(i + 3);
            }
        } else if !triple && (c == b'\n' || c == b'\r') {
            return None;
        }
        i += 1;
    }
    None
}
