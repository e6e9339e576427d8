//! The abstract syntax tree the parser builds and the compiler consumes (shaped like CPython's `ast`).

use num_bigint::BigInt;

/// Byte offsets into the source text, `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
}

pub type Name = String;

#[derive(Debug, Clone)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}

#[derive(Debug, Clone)]
pub enum StmtKind {
    Expr(Expr),
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    Pass,
    Break,
    Continue,
    Return(Option<Expr>),
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Global(Vec<Name>),
    Nonlocal(Vec<Name>),
    Delete(Vec<Expr>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Import(Vec<Alias>),
    ImportFrom {
        module: Option<Name>,
        names: Vec<Alias>,
        level: u32,
    },
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
}

#[derive(Debug, Clone)]
pub struct Alias {
    pub name: Name,
    pub asname: Option<Name>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct ExceptHandler {
    pub typ: Option<Expr>,
    pub name: Option<Name>,
    pub body: Vec<Stmt>,
    pub span: Span,
    /// `except*` (PEP 654).
    pub star: bool,
}

#[derive(Debug, Clone)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

#[derive(Debug, Clone)]
pub struct FunctionDef {
    pub name: Name,
    pub params: Parameters,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    pub is_async: bool,
    /// Span of the `def` line (used for the line number of the function's first instruction).
    pub def_span: Span,
}

#[derive(Debug, Clone)]
pub struct ClassDef {
    pub name: Name,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub def_span: Span,
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: Name,
    pub annotation: Option<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Parameters {
    pub posonly: Vec<Param>,
    pub args: Vec<Param>,
    /// Defaults of the last positional parameters (posonly + args), in order.
    pub defaults: Vec<Expr>,
    pub vararg: Option<Param>,
    pub kwonly: Vec<Param>,
    /// One entry per keyword-only parameter.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Param>,
}

impl Parameters {
    pub fn all_names(&self) -> impl Iterator<Item = &Param> {
        // CPython's co_varnames order: positional, keyword-only, *args, **kwargs.
        self.posonly
            .iter()
            .chain(self.args.iter())
            .chain(self.kwonly.iter())
            .chain(self.vararg.iter())
            .chain(self.kwarg.iter())
    }
}

#[derive(Debug, Clone)]
pub struct Keyword {
    /// None for `**mapping`.
    pub arg: Option<Name>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Debug, Clone)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
}

#[derive(Debug, Clone)]
pub enum FStringPart {
    Literal(String),
    Field(Box<FormattedValue>),
}

#[derive(Debug, Clone)]
pub struct FormattedValue {
    pub value: Expr,
    /// 's', 'r' or 'a'.
    pub conversion: Option<char>,
    pub spec: Option<Vec<FStringPart>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        params: Box<Parameters>,
        body: Box<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `keys[i] == None` marks a `**mapping` entry.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set(Vec<Expr>),
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    JoinedStr(Vec<FStringPart>),
    Constant(Constant),
    Attribute {
        value: Box<Expr>,
        attr: Name,
    },
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
    },
    Starred(Box<Expr>),
    Name(Name),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

impl ExprKind {
    /// The noun CPython uses in "cannot assign to ..." messages.
    pub fn describe(&self) -> &'static str {
        match self {
            ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => {
                "expression"
            }
            ExprKind::NamedExpr { .. } => "named expression",
            ExprKind::Lambda { .. } => "lambda",
            ExprKind::IfExp { .. } => "conditional expression",
            ExprKind::Dict { .. } => "dict literal",
            ExprKind::Set(_) => "set display",
            ExprKind::ListComp { .. } => "list comprehension",
            ExprKind::SetComp { .. } => "set comprehension",
            ExprKind::DictComp { .. } => "dict comprehension",
            ExprKind::GeneratorExp { .. } => "generator expression",
            ExprKind::Await(_) => "await expression",
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
            ExprKind::Compare { .. } => "comparison",
            ExprKind::Call { .. } => "function call",
            ExprKind::JoinedStr(_) => "f-string expression",
            ExprKind::Constant(Constant::None) => "None",
            ExprKind::Constant(Constant::Bool(true)) => "True",
            ExprKind::Constant(Constant::Bool(false)) => "False",
            ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
            ExprKind::Constant(_) => "literal",
            ExprKind::Attribute { .. } => "attribute",
            ExprKind::Subscript { .. } => "subscript",
            ExprKind::Starred(_) => "starred",
            ExprKind::Name(_) => "name",
            ExprKind::List(_) => "list",
            ExprKind::Tuple(_) => "tuple",
            ExprKind::Slice { .. } => "slice",
        }
    }
}
