//! Semantic actions of the grammar: AST construction plus the checks CPython's parser makes
//! (assignment targets, argument order, parameter order) with CPython's messages.

use super::ast::*;
use super::error::SyntaxErr;
use super::fstring;
use super::token::StrLit;

type PResult<T> = Result<T, lalrpop_util::ParseError<usize, super::token::Tok, SyntaxErr>>;

fn user<T>(err: SyntaxErr) -> PResult<T> {
    Err(lalrpop_util::ParseError::User { error: err })
}

fn err_at<T>(msg: impl Into<String>, span: Span) -> PResult<T> {
    user(SyntaxErr::new(msg, span.start as usize, span.end as usize))
}

pub fn fail<T>(msg: &str, l: usize, r: usize) -> PResult<T> {
    err_at(msg, Span::new(l, r))
}

pub fn stmt(kind: StmtKind, l: usize, r: usize) -> Stmt {
    Stmt {
        kind,
        span: Span::new(l, r),
    }
}

/// A `try` statement: its handlers are all `except` or all `except*`.
pub fn try_stmt(
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
    l: usize,
    r: usize,
) -> PResult<Stmt> {
    if let Some(first) = handlers.first()
        && let Some(other) = handlers.iter().find(|h| h.star != first.star)
    {
        let star = if other.star { other } else { first };
        let start = star.span.start as usize;
        return fail(
            "cannot have both 'except' and 'except*' on the same 'try'",
            start,
            start + "except*".len(),
        );
    }
    Ok(stmt(
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        },
        l,
        r,
    ))
}

pub fn expr(kind: ExprKind, l: usize, r: usize) -> Expr {
    Expr::new(kind, Span::new(l, r))
}

pub fn bin(a: Expr, op: BinOp, b: Expr, l: usize, r: usize) -> Expr {
    expr(
        ExprKind::BinOp {
            left: Box::new(a),
            op,
            right: Box::new(b),
        },
        l,
        r,
    )
}

pub fn unary(op: UnaryOp, e: Expr, l: usize, r: usize) -> Expr {
    expr(
        ExprKind::UnaryOp {
            op,
            operand: Box::new(e),
        },
        l,
        r,
    )
}

pub fn bool_op(op: BoolOp, first: Expr, rest: Vec<Expr>, l: usize, r: usize) -> Expr {
    let mut values = vec![first];
    values.extend(rest);
    expr(ExprKind::BoolOp { op, values }, l, r)
}

pub fn compare(left: Expr, rest: Vec<(CmpOp, Expr)>, l: usize, r: usize) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    expr(
        ExprKind::Compare {
            left: Box::new(left),
            ops,
            comparators,
        },
        l,
        r,
    )
}

pub fn tuple(mut v: Vec<Expr>, last: Option<Expr>, l: usize, r: usize) -> Expr {
    v.extend(last);
    expr(ExprKind::Tuple(v), l, r)
}

pub fn slice(
    lower: Option<Expr>,
    upper: Option<Expr>,
    step: Option<Expr>,
    l: usize,
    r: usize,
) -> Expr {
    expr(
        ExprKind::Slice {
            lower: lower.map(Box::new),
            upper: upper.map(Box::new),
            step: step.map(Box::new),
        },
        l,
        r,
    )
}

pub fn dict(entries: Vec<(Option<Expr>, Expr)>, l: usize, r: usize) -> Expr {
    let (keys, values) = entries.into_iter().unzip();
    expr(ExprKind::Dict { keys, values }, l, r)
}

pub fn comprehension(
    kind: &str,
    elt: Expr,
    generators: Vec<Comprehension>,
    l: usize,
    r: usize,
) -> PResult<Expr> {
    if matches!(elt.kind, ExprKind::Starred(_)) {
        return err_at(
            "iterable unpacking cannot be used in comprehension",
            elt.span,
        );
    }
    let elt = Box::new(elt);
    Ok(match kind {
        "list" => expr(ExprKind::ListComp { elt, generators }, l, r),
        _ => expr(ExprKind::SetComp { elt, generators }, l, r),
    })
}

pub fn comp_clause(
    target: Expr,
    iter: Expr,
    ifs: Vec<Expr>,
    is_async: bool,
) -> PResult<Comprehension> {
    check_target(&target, TargetCtx::For)?;
    Ok(Comprehension {
        target,
        iter,
        ifs,
        is_async,
    })
}

pub fn named_expr(target: Expr, value: Expr, l: usize, r: usize) -> PResult<Expr> {
    if !matches!(target.kind, ExprKind::Name(_)) {
        return err_at(
            format!(
                "cannot use assignment expressions with {}",
                target.kind.describe()
            ),
            target.span,
        );
    }
    Ok(expr(
        ExprKind::NamedExpr {
            target: Box::new(target),
            value: Box::new(value),
        },
        l,
        r,
    ))
}

/// Adjacent string literals concatenate; mixing bytes and str is an error.
pub fn strings(parts: Vec<StrLit>, l: usize, r: usize) -> PResult<Expr> {
    let is_bytes = matches!(parts[0], StrLit::Bytes(_));
    if parts
        .iter()
        .any(|p| matches!(p, StrLit::Bytes(_)) != is_bytes)
    {
        return err_at("cannot mix bytes and nonbytes literals", Span::new(l, r));
    }
    if is_bytes {
        let mut out = Vec::new();
        for p in parts {
            if let StrLit::Bytes(b) = p {
                out.extend(b);
            }
        }
        return Ok(expr(ExprKind::Constant(Constant::Bytes(out)), l, r));
    }
    let mut pieces: Vec<FStringPart> = Vec::new();
    let mut has_fstring = false;
    for p in parts {
        match p {
            StrLit::Str(s) => push_literal(&mut pieces, s),
            StrLit::FString {
                raw,
                offset,
                is_raw,
            } => {
                has_fstring = true;
                for piece in fstring::parse(&raw, offset, is_raw)
                    .map_err(|e| lalrpop_util::ParseError::User { error: e })?
                {
                    match piece {
                        FStringPart::Literal(s) => push_literal(&mut pieces, s),
                        field => pieces.push(field),
                    }
                }
            }
            StrLit::Bytes(_) => {}
        }
    }
    if !has_fstring {
        let s = match pieces.pop() {
            Some(FStringPart::Literal(s)) => s,
            _ => String::new(),
        };
        return Ok(expr(ExprKind::Constant(Constant::Str(s)), l, r));
    }
    Ok(expr(ExprKind::JoinedStr(pieces), l, r))
}

fn push_literal(pieces: &mut Vec<FStringPart>, s: String) {
    if let Some(FStringPart::Literal(prev)) = pieces.last_mut() {
        prev.push_str(&s);
    } else {
        pieces.push(FStringPart::Literal(s));
    }
}

// ---------------------------------------------------------------- assignment targets

#[derive(Clone, Copy, PartialEq)]
enum TargetCtx {
    Assign,
    /// A target of `a = b = c`: CPython suggests no '==' there (`invalid_named_expression`
    /// looks ahead for a single `=`).
    ChainedAssign,
    For,
    With,
    Delete,
}

/// Validates an assignment/deletion target with CPython's wording (Parser/pegen_errors.c and the
/// `invalid_*` rules of Grammar/python.gram).
fn check_target(e: &Expr, ctx: TargetCtx) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Starred(inner) if ctx != TargetCtx::Delete => check_target(inner, ctx),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            let mut starred = 0;
            for item in items {
                if matches!(item.kind, ExprKind::Starred(_)) {
                    starred += 1;
                    if starred > 1 {
                        return err_at("multiple starred expressions in assignment", item.span);
                    }
                }
                check_target(
                    item,
                    if matches!(ctx, TargetCtx::Assign | TargetCtx::ChainedAssign) {
                        TargetCtx::For
                    } else {
                        ctx
                    },
                )?;
            }
            Ok(())
        }
        ExprKind::Yield(_) | ExprKind::YieldFrom(_)
            if matches!(ctx, TargetCtx::Assign | TargetCtx::ChainedAssign) =>
        {
            err_at("assignment to yield expression not possible", e.span)
        }
        other => {
            let what = other.describe();
            let verb = if ctx == TargetCtx::Delete {
                "delete"
            } else {
                "assign to"
            };
            // Only an operand (`bitwise_or`) gets the suggestion: `x == 1 = 2` is plainly
            // "cannot assign to comparison".
            let operand = !matches!(
                other,
                ExprKind::Compare { .. }
                    | ExprKind::BoolOp { .. }
                    | ExprKind::UnaryOp {
                        op: UnaryOp::Not,
                        ..
                    }
                    | ExprKind::Lambda { .. }
                    | ExprKind::IfExp { .. }
            );
            let suggest = ctx == TargetCtx::Assign
                && operand
                && !matches!(what, "None" | "True" | "False" | "ellipsis" | "starred");
            let msg = if suggest {
                format!("cannot {verb} {what} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot {verb} {what}")
            };
            err_at(msg, e.span)
        }
    }
}

pub fn assign(first: Expr, rest: Vec<Expr>, l: usize, r: usize) -> PResult<Stmt> {
    let mut targets = vec![first];
    targets.extend(rest);
    let value = targets
        .pop()
        .unwrap_or_else(|| expr(ExprKind::Constant(Constant::None), l, r));
    let ctx = if targets.len() == 1 {
        TargetCtx::Assign
    } else {
        TargetCtx::ChainedAssign
    };
    for t in &targets {
        check_target(t, ctx)?;
    }
    if let ExprKind::Starred(_) = value.kind {
        return err_at("can't use starred expression here", value.span);
    }
    Ok(stmt(StmtKind::Assign { targets, value }, l, r))
}

pub fn aug_assign(target: Expr, op: BinOp, value: Expr, l: usize, r: usize) -> PResult<Stmt> {
    if !matches!(
        target.kind,
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
    ) {
        return err_at(
            format!(
                "'{}' is an illegal expression for augmented assignment",
                target.kind.describe()
            ),
            target.span,
        );
    }
    Ok(stmt(StmtKind::AugAssign { target, op, value }, l, r))
}

pub fn ann_assign(
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    l: usize,
    r: usize,
) -> PResult<Stmt> {
    match target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        ExprKind::Tuple(_) => {
            return err_at(
                "only single target (not tuple) can be annotated",
                target.span,
            );
        }
        ExprKind::List(_) => {
            return err_at(
                "only single target (not list) can be annotated",
                target.span,
            );
        }
        _ => return err_at("illegal target for annotation", target.span),
    }
    Ok(stmt(
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        },
        l,
        r,
    ))
}

pub fn delete(targets: Expr, l: usize, r: usize) -> PResult<Stmt> {
    let targets = match targets.kind {
        ExprKind::Tuple(items) if !items.is_empty() => items,
        _ => vec![targets],
    };
    for t in &targets {
        check_target(t, TargetCtx::Delete)?;
    }
    Ok(stmt(StmtKind::Delete(targets), l, r))
}

pub fn for_stmt(
    target: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Option<Vec<Stmt>>,
    is_async: bool,
    l: usize,
    r: usize,
) -> PResult<Stmt> {
    check_target(&target, TargetCtx::For)?;
    Ok(stmt(
        StmtKind::For {
            target,
            iter,
            body,
            orelse: orelse.unwrap_or_default(),
            is_async,
        },
        l,
        r,
    ))
}

pub fn with_stmt(
    items: Vec<(Expr, Option<Expr>)>,
    body: Vec<Stmt>,
    is_async: bool,
    l: usize,
    r: usize,
) -> PResult<Stmt> {
    let mut out = Vec::new();
    for (context, target) in items {
        if let Some(t) = &target {
            check_target(t, TargetCtx::With)?;
        }
        out.push(WithItem { context, target });
    }
    Ok(stmt(
        StmtKind::With {
            items: out,
            body,
            is_async,
        },
        l,
        r,
    ))
}

pub fn if_chain(
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
    l: usize,
    r: usize,
) -> Stmt {
    let mut tail = orelse.unwrap_or_default();
    for (el, etest, ebody) in elifs.into_iter().rev() {
        tail = vec![stmt(
            StmtKind::If {
                test: etest,
                body: ebody,
                orelse: tail,
            },
            el,
            r,
        )];
    }
    stmt(
        StmtKind::If {
            test,
            body,
            orelse: tail,
        },
        l,
        r,
    )
}

pub fn import_from(
    dots: Vec<u32>,
    module: Option<String>,
    names: Vec<Alias>,
    l: usize,
    r: usize,
) -> PResult<Stmt> {
    let level: u32 = dots.iter().sum();
    if level > 0 {
        return err_at(
            "relative imports are not supported by gilsim (there are no packages)",
            Span::new(l, r),
        );
    }
    Ok(stmt(
        StmtKind::ImportFrom {
            module,
            names,
            level,
        },
        l,
        r,
    ))
}

pub fn decorate(mut s: Stmt, decorators: Vec<Expr>) -> Stmt {
    match &mut s.kind {
        StmtKind::FunctionDef(f) => f.decorators = decorators,
        StmtKind::ClassDef(c) => c.decorators = decorators,
        _ => {}
    }
    s
}

// ---------------------------------------------------------------- calls

pub enum ArgItem {
    Positional(Expr),
    BareGenerator(Expr),
    Star(Expr),
    Keyword(Keyword),
    DoubleStar(Expr, Span),
}

/// `name=value` in a call; `eq` is where the `=` ends (CPython's invalid_kwarg marks the
/// expression and its `=`, not the value).
pub fn keyword_arg(name: Expr, value: Expr, l: usize, eq: usize, r: usize) -> PResult<ArgItem> {
    match name.kind {
        ExprKind::Name(n) => Ok(ArgItem::Keyword(Keyword {
            arg: Some(n),
            value,
            span: Span::new(l, r),
        })),
        ExprKind::Constant(Constant::None | Constant::Bool(_)) => err_at(
            format!("cannot assign to {}", name.kind.describe()),
            name.span,
        ),
        _ => err_at(
            "expression cannot contain assignment, perhaps you meant \"==\"?",
            Span::new(l, eq),
        ),
    }
}

/// Splits call arguments, enforcing CPython's ordering rules.
/// `close`: where a call's `)` is — CPython reports a positional argument after keyword
/// ones there (`_PyPegen_arguments_parsing_error` raises at the parser's last token).
pub fn split_args(items: Vec<ArgItem>, close: Option<usize>) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
    let count = items.len();
    let misplaced = |e: &Expr| close.map_or(e.span, |c| Span::new(c, c + 1));
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let mut seen_keyword = false;
    let mut seen_double_star = false;
    for item in items {
        match item {
            ArgItem::Positional(e) | ArgItem::Star(e) => {
                let starred = matches!(e.kind, ExprKind::Starred(_));
                if seen_double_star && starred {
                    // CPython marks where the argument starts (one caret).
                    let start = e.span.start as usize;
                    return err_at(
                        "iterable argument unpacking follows keyword argument unpacking",
                        Span::new(start, start + 1),
                    );
                }
                if seen_double_star {
                    return err_at(
                        "positional argument follows keyword argument unpacking",
                        misplaced(&e),
                    );
                }
                if seen_keyword && !starred {
                    return err_at(
                        "positional argument follows keyword argument",
                        misplaced(&e),
                    );
                }
                args.push(e);
            }
            ArgItem::BareGenerator(e) => {
                if count > 1 {
                    return err_at("Generator expression must be parenthesized", e.span);
                }
                args.push(e);
            }
            ArgItem::Keyword(k) => {
                if let Some(prev) = keywords.iter().find(|p| p.arg.is_some() && p.arg == k.arg) {
                    let _ = prev;
                    return err_at(
                        format!(
                            "keyword argument repeated: {}",
                            k.arg.clone().unwrap_or_default()
                        ),
                        k.span,
                    );
                }
                seen_keyword = true;
                keywords.push(k);
            }
            ArgItem::DoubleStar(e, span) => {
                seen_double_star = true;
                keywords.push(Keyword {
                    arg: None,
                    value: e,
                    span,
                });
            }
        }
    }
    Ok((args, keywords))
}

pub fn call(func: Expr, items: Vec<ArgItem>, l: usize, r: usize) -> PResult<Expr> {
    let (args, keywords) = split_args(items, Some(r - 1))?;
    Ok(expr(
        ExprKind::Call {
            func: Box::new(func),
            args,
            keywords,
        },
        l,
        r,
    ))
}

pub fn class_def(
    name: String,
    items: Vec<ArgItem>,
    body: Vec<Stmt>,
    l: usize,
    m: usize,
    r: usize,
) -> PResult<Stmt> {
    let (bases, keywords) = split_args(items, None)?;
    Ok(stmt(
        StmtKind::ClassDef(Box::new(ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators: vec![],
            def_span: Span::new(l, m),
        })),
        l,
        r,
    ))
}

// ---------------------------------------------------------------- parameters

pub enum ParamItem {
    Plain(Param, Option<Expr>),
    Star(Option<Param>, Span),
    DoubleStar(Param),
    Slash(Span),
}

/// Builds `Parameters` from the flat list, with CPython's ordering errors.
pub fn parameters(items: Vec<ParamItem>) -> PResult<Parameters> {
    let mut p = Parameters::default();
    let mut plain: Vec<(Param, Option<Expr>)> = Vec::new();
    let mut seen_star = false;
    let mut star_span = None;
    let mut seen_slash = false;
    let mut after_double_star = false;
    for item in items {
        if after_double_star {
            let span = match &item {
                ParamItem::Plain(param, _) | ParamItem::DoubleStar(param) => param.span,
                ParamItem::Star(_, s) | ParamItem::Slash(s) => *s,
            };
            return err_at("arguments cannot follow var-keyword argument", span);
        }
        match item {
            ParamItem::Plain(param, default) => {
                if seen_star {
                    p.kw_defaults.push(default);
                    p.kwonly.push(param);
                } else {
                    if default.is_none() && plain.iter().any(|(_, d)| d.is_some()) {
                        return err_at("non-default argument follows default argument", param.span);
                    }
                    plain.push((param, default));
                }
            }
            ParamItem::Slash(span) => {
                if seen_slash {
                    return err_at("/ may appear only once", span);
                }
                if seen_star {
                    return err_at("/ must be ahead of *", span);
                }
                if plain.is_empty() {
                    return err_at("at least one argument must precede /", span);
                }
                seen_slash = true;
                for (param, default) in plain.drain(..) {
                    if let Some(d) = default {
                        p.defaults.push(d);
                    }
                    p.posonly.push(param);
                }
            }
            ParamItem::Star(param, span) => {
                if seen_star {
                    return err_at("* argument may appear only once", span);
                }
                seen_star = true;
                star_span = Some(span);
                p.vararg = param;
            }
            ParamItem::DoubleStar(param) => {
                p.kwarg = Some(param);
                after_double_star = true;
            }
        }
    }
    if seen_star && p.vararg.is_none() && p.kwonly.is_empty() {
        return err_at(
            "named arguments must follow bare *",
            star_span.unwrap_or_default(),
        );
    }
    for (param, default) in plain {
        if let Some(d) = default {
            p.defaults.push(d);
        }
        p.args.push(param);
    }
    Ok(p)
}

#[allow(clippy::too_many_arguments)]
pub fn func_def(
    name: String,
    params: Vec<ParamItem>,
    returns: Option<Expr>,
    body: Vec<Stmt>,
    is_async: bool,
    l: usize,
    m: usize,
    r: usize,
) -> PResult<Stmt> {
    let params = parameters(params)?;
    Ok(stmt(
        StmtKind::FunctionDef(Box::new(FunctionDef {
            name,
            params,
            body,
            decorators: vec![],
            returns,
            is_async,
            def_span: Span::new(l, m),
        })),
        l,
        r,
    ))
}

pub fn lambda(params: Vec<ParamItem>, body: Expr, l: usize, r: usize) -> PResult<Expr> {
    let params = parameters(params)?;
    Ok(expr(
        ExprKind::Lambda {
            params: Box::new(params),
            body: Box::new(body),
        },
        l,
        r,
    ))
}
