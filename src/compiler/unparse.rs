//! Annotations as text, for `from __future__ import annotations` (PEP 563): the expression
//! written back as CPython's `ast_unparse.c` writes it (`dict[str, int] | None`), stored
//! instead of evaluated.

use crate::syntax::ast::{BinOp, Constant, Expr, ExprKind, UnaryOp};

/// Binding strength, loosest first (Python/ast_unparse.c's `PR_*` order).
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Prec {
    Tuple,
    Test,
    Or,
    And,
    Not,
    Cmp,
    BitOr,
    BitXor,
    BitAnd,
    Shift,
    Arith,
    Term,
    Factor,
    Power,
    Await,
    Atom,
}

/// The text CPython keeps for annotation `e`, or the kind of expression gilsim cannot
/// write back (a rare sight in annotations: a comprehension, a lambda, an f-string...).
pub fn unparse(e: &Expr) -> Result<String, &'static str> {
    let mut out = String::new();
    write(&mut out, e, Prec::Test)?;
    Ok(out)
}

fn binop(op: BinOp) -> (&'static str, Prec) {
    use BinOp::*;
    match op {
        BitOr => ("|", Prec::BitOr),
        BitXor => ("^", Prec::BitXor),
        BitAnd => ("&", Prec::BitAnd),
        LShift => ("<<", Prec::Shift),
        RShift => (">>", Prec::Shift),
        Add => ("+", Prec::Arith),
        Sub => ("-", Prec::Arith),
        Mult => ("*", Prec::Term),
        MatMult => ("@", Prec::Term),
        Div => ("/", Prec::Term),
        Mod => ("%", Prec::Term),
        FloorDiv => ("//", Prec::Term),
        Pow => ("**", Prec::Power),
    }
}

fn constant(out: &mut String, c: &Constant) {
    use crate::vm::protocols::convert::{bytes_repr, str_repr};
    match c {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Ellipsis => out.push_str("..."),
        Constant::Int(i) => out.push_str(&i.to_string()),
        Constant::Float(f) => out.push_str(&crate::vm::fmt::float_repr::float_repr(*f)),
        Constant::Str(s) => out.push_str(&str_repr(s)),
        Constant::Bytes(b) => out.push_str(&bytes_repr(b)),
    }
}

/// Items separated by ", ".
fn items(out: &mut String, es: &[Expr]) -> Result<(), &'static str> {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write(out, e, Prec::Test)?;
    }
    Ok(())
}

fn write(out: &mut String, e: &Expr, level: Prec) -> Result<(), &'static str> {
    match &e.kind {
        ExprKind::Name(n) => out.push_str(n),
        ExprKind::Constant(c) => constant(out, c),
        ExprKind::Attribute { value, attr } => {
            write(out, value, Prec::Atom)?;
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice } => {
            write(out, value, Prec::Atom)?;
            out.push('[');
            match &slice.kind {
                // `dict[str, int]`: the tuple without its parentheses.
                ExprKind::Tuple(es) if !es.is_empty() => {
                    items(out, es)?;
                    if es.len() == 1 {
                        out.push(',');
                    }
                }
                _ => write(out, slice, Prec::Tuple)?,
            }
            out.push(']');
        }
        ExprKind::BinOp { left, op, right } => {
            let (symbol, prec) = binop(*op);
            let open = level > prec;
            if open {
                out.push('(');
            }
            // `**` binds to the right; the others to the left.
            let (lp, rp) = if prec == Prec::Power {
                (next(prec), prec)
            } else {
                (prec, next(prec))
            };
            write(out, left, lp)?;
            out.push(' ');
            out.push_str(symbol);
            out.push(' ');
            write(out, right, rp)?;
            if open {
                out.push(')');
            }
        }
        ExprKind::UnaryOp { op, operand } => {
            let (symbol, prec) = match op {
                UnaryOp::Invert => ("~", Prec::Factor),
                UnaryOp::UAdd => ("+", Prec::Factor),
                UnaryOp::USub => ("-", Prec::Factor),
                UnaryOp::Not => ("not ", Prec::Not),
            };
            let open = level > prec;
            if open {
                out.push('(');
            }
            out.push_str(symbol);
            write(out, operand, prec)?;
            if open {
                out.push(')');
            }
        }
        ExprKind::Tuple(es) => {
            out.push('(');
            items(out, es)?;
            if es.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        ExprKind::List(es) => {
            out.push('[');
            items(out, es)?;
            out.push(']');
        }
        ExprKind::Starred(inner) => {
            out.push('*');
            write(out, inner, Prec::BitOr)?;
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            write(out, func, Prec::Atom)?;
            out.push('(');
            items(out, args)?;
            for (i, k) in keywords.iter().enumerate() {
                if i > 0 || !args.is_empty() {
                    out.push_str(", ");
                }
                match &k.arg {
                    Some(name) => {
                        out.push_str(name);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                write(out, &k.value, Prec::Test)?;
            }
            out.push(')');
        }
        other => return Err(other.describe()),
    }
    Ok(())
}

/// The next tighter level (for the side of a binary operator that needs parentheses at
/// the operator's own level).
fn next(p: Prec) -> Prec {
    use Prec::*;
    match p {
        Tuple => Test,
        Test => Or,
        Or => And,
        And => Not,
        Not => Cmp,
        Cmp => BitOr,
        BitOr => BitXor,
        BitXor => BitAnd,
        BitAnd => Shift,
        Shift => Arith,
        Arith => Term,
        Term => Factor,
        Factor => Power,
        Power => Await,
        Await | Atom => Atom,
    }
}
