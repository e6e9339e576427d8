//! Scope analysis (CPython's Python/symtable.c): which names are local, global, free or cell in
//! every function, class, comprehension and module, plus the checks that need scopes.

use hashbrown::HashMap;

use crate::syntax::ast::*;
use crate::syntax::error::SyntaxErr;

mod analyze;
use analyze::analyze;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// Where a name lives, as the code generator needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

const DEF_LOCAL: u8 = 1;
const DEF_PARAM: u8 = 2;
const DEF_GLOBAL: u8 = 4;
const DEF_NONLOCAL: u8 = 8;
const USE: u8 = 16;
/// An annotated simple name (`x: int`): it may not be declared global or nonlocal.
const DEF_ANNOT: u8 = 32;

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    flags: HashMap<String, u8>,
    /// Names in first-seen order (parameters first), for stable variable numbering.
    pub order: Vec<String>,
    pub resolved: HashMap<String, NameScope>,
    pub children: Vec<usize>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// A method mentions `super` or `__class__`: it needs the implicit `__class__` cell.
    pub needs_class_cell: bool,
    /// A class body some method of which needs `__class__`.
    pub has_class_cell: bool,
    pub params: Vec<String>,
    /// Class bodies only: names bound in the class that nested scopes take from outside.
    pub class_free: Vec<String>,
    /// Byte offset of the node that opened the scope (codegen finds child scopes by it).
    pub start: u32,
    /// Where each `nonlocal` name was declared: "no binding ... found" points there.
    nonlocal_spans: HashMap<String, Span>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            flags: HashMap::new(),
            order: Vec::new(),
            resolved: HashMap::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_cell: false,
            has_class_cell: false,
            params: Vec::new(),
            class_free: Vec::new(),
            start: 0,
            nonlocal_spans: HashMap::new(),
        }
    }

    pub fn lookup(&self, name: &str) -> NameScope {
        self.resolved
            .get(name)
            .copied()
            .unwrap_or(NameScope::GlobalImplicit)
    }

    pub fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }

    /// Names with the given scope, in first-seen order.
    pub fn names_with(&self, scope: NameScope) -> Vec<String> {
        self.order
            .iter()
            .filter(|n| self.resolved.get(*n) == Some(&scope))
            .cloned()
            .collect()
    }
}

/// All scopes of a module; index 0 is the module. Children are visited by the code generator in
/// the same order the builder created them.
#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
}

pub fn build(module: &[Stmt]) -> Result<SymbolTable, SyntaxErr> {
    build_with(module, false)
}

/// `build`; `top_level_await`: the module body may await (`PyCF_ALLOW_TOP_LEVEL_AWAIT`,
/// as IPython's autoawait compiles a cell), which makes the module a coroutine if it does.
pub fn build_with(module: &[Stmt], top_level_await: bool) -> Result<SymbolTable, SyntaxErr> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "<module>")],
        stack: vec![0],
        top_level_await,
    };
    for s in module {
        b.stmt(s)?;
    }
    let mut table = SymbolTable { scopes: b.scopes };
    analyze(&mut table, 0, &[], &mut Vec::new())?;
    Ok(table)
}

struct Builder {
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    top_level_await: bool,
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap_or(&0);
        &mut self.scopes[i]
    }

    fn add(&mut self, name: &str, flag: u8, span: Span) -> Result<(), SyntaxErr> {
        let scope = self.cur();
        let old = scope.flags.get(name).copied().unwrap_or(0);
        if flag & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
            let which = if flag == DEF_GLOBAL {
                "global"
            } else {
                "nonlocal"
            };
            // symtable.c's order for a global/nonlocal statement: parameter, use,
            // annotation, assignment.
            let conflict = if old & DEF_PARAM != 0 {
                Some(format!("name '{name}' is parameter and {which}"))
            } else if old & USE != 0 {
                Some(format!(
                    "name '{name}' is used prior to {which} declaration"
                ))
            } else if old & DEF_ANNOT != 0 {
                Some(format!("annotated name '{name}' can't be {which}"))
            } else if old & DEF_LOCAL != 0 {
                Some(format!(
                    "name '{name}' is assigned to before {which} declaration"
                ))
            } else {
                None
            };
            if let Some(msg) = conflict {
                return Err(SyntaxErr::new(msg, span.start as usize, span.end as usize));
            }
            if (flag == DEF_GLOBAL && old & DEF_NONLOCAL != 0)
                || (flag == DEF_NONLOCAL && old & DEF_GLOBAL != 0)
            {
                return Err(SyntaxErr::new(
                    format!("name '{name}' is nonlocal and global"),
                    span.start as usize,
                    span.end as usize,
                ));
            }
        }
        if flag == DEF_PARAM && old & DEF_PARAM != 0 {
            return Err(SyntaxErr::new(
                format!("duplicate argument '{name}' in function definition"),
                span.start as usize,
                span.end as usize,
            ));
        }
        if old == 0 {
            scope.order.push(name.to_string());
        }
        scope.flags.insert(name.to_string(), old | flag);
        Ok(())
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, start: u32) -> usize {
        let idx = self.scopes.len();
        let mut scope = Scope::new(kind, name);
        scope.start = start;
        self.scopes.push(scope);
        let parent = *self.stack.last().unwrap_or(&0);
        self.scopes[parent].children.push(idx);
        self.stack.push(idx);
        idx
    }

    fn leave(&mut self) {
        self.stack.pop();
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxErr> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxErr> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                targets.iter().try_for_each(|t| self.target(t))
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.add(n, USE, target.span)?;
                }
                self.target(target)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                // Annotations of simple names are not evaluated inside functions (PEP 526);
                // gilsim never evaluates them, like `from __future__ import annotations`.
                let _ = annotation;
                if let ExprKind::Name(n) = &target.kind {
                    self.annotated_name(n, s.span)?;
                }
                if value.is_some() || !matches!(target.kind, ExprKind::Name(_)) {
                    self.target(target)?;
                } else if let ExprKind::Name(n) = &target.kind {
                    self.add(n, DEF_LOCAL, target.span)?;
                }
                Ok(())
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
            StmtKind::Return(v) => {
                if !self.cur().is_function_like() {
                    return Err(SyntaxErr::new(
                        "'return' outside function",
                        s.span.start as usize,
                        s.span.end as usize,
                    ));
                }
                v.iter().try_for_each(|e| self.expr(e))
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().try_for_each(|e| self.expr(e))?;
                cause.iter().try_for_each(|e| self.expr(e))
            }
            StmtKind::Global(names) => {
                for n in names {
                    self.add(n, DEF_GLOBAL, s.span)?;
                }
                Ok(())
            }
            StmtKind::Nonlocal(names) => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(SyntaxErr::new(
                        "nonlocal declaration not allowed at module level",
                        s.span.start as usize,
                        s.span.end as usize,
                    ));
                }
                for n in names {
                    self.add(n, DEF_NONLOCAL, s.span)?;
                    self.cur().nonlocal_spans.entry(n.clone()).or_insert(s.span);
                }
                Ok(())
            }
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.target(t)),
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                msg.iter().try_for_each(|e| self.expr(e))
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound = a
                        .asname
                        .clone()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap_or("").to_string());
                    self.add(&bound, DEF_LOCAL, a.span)?;
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(SyntaxErr::new(
                                "import * only allowed at module level",
                                s.span.start as usize,
                                s.span.end as usize,
                            ));
                        }
                        continue;
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.add(&bound, DEF_LOCAL, a.span)?;
                }
                Ok(())
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.require_async("'async for'", s.span)?;
                }
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add(n, DEF_LOCAL, h.span)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.require_async("'async with'", s.span)?;
                }
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(t) = &item.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)
            }
            StmtKind::FunctionDef(f) => self.function_def(f, s.span),
            StmtKind::ClassDef(c) => self.class_def(c, s.span),
        }
    }

    fn function_def(&mut self, f: &FunctionDef, span: Span) -> Result<(), SyntaxErr> {
        f.decorators.iter().try_for_each(|d| self.expr(d))?;
        self.params_defaults(&f.params)?;
        self.add(&f.name, DEF_LOCAL, span)?;
        let idx = self.enter(ScopeKind::Function, &f.name, span.start);
        self.scopes[idx].is_coroutine = f.is_async;
        self.params(&f.params)?;
        self.stmts(&f.body)?;
        self.leave();
        Ok(())
    }

    fn class_def(&mut self, c: &ClassDef, span: Span) -> Result<(), SyntaxErr> {
        c.decorators.iter().try_for_each(|d| self.expr(d))?;
        c.bases.iter().try_for_each(|b| self.expr(b))?;
        c.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
        self.enter(ScopeKind::Class, &c.name, span.start);
        self.stmts(&c.body)?;
        self.leave();
        self.add(&c.name, DEF_LOCAL, span)
    }

    fn params_defaults(&mut self, p: &Parameters) -> Result<(), SyntaxErr> {
        p.defaults.iter().try_for_each(|d| self.expr(d))?;
        p.kw_defaults
            .iter()
            .flatten()
            .try_for_each(|d| self.expr(d))
    }

    fn params(&mut self, p: &Parameters) -> Result<(), SyntaxErr> {
        for param in p.all_names() {
            self.add(&param.name, DEF_PARAM, param.span)?;
            self.cur().params.push(param.name.clone());
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), SyntaxErr> {
        match &t.kind {
            ExprKind::Name(n) => self.add(n, DEF_LOCAL, t.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.target(i))
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn comprehension(
        &mut self,
        name: &str,
        generators: &[Comprehension],
        elts: &[&Expr],
        is_generator: bool,
        span: Span,
    ) -> Result<(), SyntaxErr> {
        let start = span.start;
        // The first iterable is evaluated in the enclosing scope (CPython passes it as `.0`).
        let first = &generators[0];
        self.expr(&first.iter)?;
        let is_async = generators.iter().any(|g| g.is_async);
        if is_async && !is_generator && !self.in_async_function() {
            return Err(SyntaxErr::new(
                "asynchronous comprehension outside of an asynchronous function",
                start as usize,
                span.end as usize,
            ));
        }
        let idx = self.enter(ScopeKind::Comprehension, name, start);
        self.scopes[idx].is_generator = is_generator;
        // An async generator expression is an async generator; an async list/set/dict
        // comprehension is a coroutine the enclosing coroutine awaits (symtable.c).
        self.scopes[idx].is_coroutine = is_async;
        self.add(".0", DEF_PARAM, first.iter.span)?;
        self.cur().params.push(".0".into());
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            g.ifs.iter().try_for_each(|c| self.expr(c))?;
        }
        elts.iter().try_for_each(|e| self.expr(e))?;
        self.leave();
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxErr> {
        match &e.kind {
            ExprKind::Name(n) => {
                if n == "super" || n == "__class__" {
                    self.cur().needs_class_cell = true;
                }
                self.add(n, USE, e.span)
            }
            ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|v| self.expr(v)),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                // PEP 572: the target binds in the nearest non-comprehension scope; the
                // comprehensions in between see it as global (module) or nonlocal (function).
                let ExprKind::Name(n) = &target.kind else {
                    return Ok(());
                };
                let pos = self
                    .stack
                    .iter()
                    .rposition(|&i| self.scopes[i].kind != ScopeKind::Comprehension)
                    .unwrap_or(0);
                let owner_kind = self.scopes[self.stack[pos]].kind;
                let inner: Vec<usize> = self.stack[pos + 1..].to_vec();
                if !inner.is_empty() && owner_kind == ScopeKind::Class {
                    return Err(SyntaxErr::new(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.span.start as usize,
                        target.span.end as usize,
                    ));
                }
                let saved: Vec<usize> = self.stack.drain(pos + 1..).collect();
                let r = self.add(n, DEF_LOCAL, target.span);
                self.stack.extend(saved);
                r?;
                let flag = if owner_kind == ScopeKind::Module {
                    DEF_GLOBAL
                } else {
                    DEF_NONLOCAL
                };
                for i in inner {
                    let scope = &mut self.scopes[i];
                    if !scope.flags.contains_key(n) {
                        scope.order.push(n.clone());
                    }
                    scope.flags.insert(n.clone(), flag);
                }
                Ok(())
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { params, body } => {
                self.params_defaults(params)?;
                self.enter(ScopeKind::Lambda, "<lambda>", e.span.start);
                self.params(params)?;
                self.expr(body)?;
                self.leave();
                Ok(())
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Dict { keys, values } => {
                keys.iter().flatten().try_for_each(|k| self.expr(k))?;
                values.iter().try_for_each(|v| self.expr(v))
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
                items.iter().try_for_each(|i| self.expr(i))
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension("<listcomp>", generators, &[elt], false, e.span)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension("<setcomp>", generators, &[elt], false, e.span)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension("<dictcomp>", generators, &[key, value], false, e.span),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension("<genexpr>", generators, &[elt], true, e.span)
            }
            ExprKind::Await(v) => {
                self.require_async("'await'", e.span)?;
                self.expr(v)
            }
            ExprKind::Yield(v) => {
                self.mark_generator(e.span)?;
                v.iter().try_for_each(|x| self.expr(x))
            }
            ExprKind::YieldFrom(v) => {
                if self.cur().is_coroutine && self.cur().kind == ScopeKind::Function {
                    return Err(SyntaxErr::new(
                        "'yield from' inside async function",
                        e.span.start as usize,
                        e.span.end as usize,
                    ));
                }
                self.mark_generator(e.span)?;
                self.expr(v)
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                comparators.iter().try_for_each(|c| self.expr(c))
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                args.iter().try_for_each(|a| self.expr(a))?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))
            }
            ExprKind::JoinedStr(parts) => self.fstring_parts(parts),
            ExprKind::Constant(_) => Ok(()),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)
            }
            ExprKind::Starred(v) => self.expr(v),
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
                Ok(())
            }
        }
    }

    fn fstring_parts(&mut self, parts: &[FStringPart]) -> Result<(), SyntaxErr> {
        for p in parts {
            if let FStringPart::Field(f) = p {
                self.expr(&f.value)?;
                if let Some(spec) = &f.spec {
                    self.fstring_parts(spec)?;
                }
            }
        }
        Ok(())
    }

    /// Whether the innermost function-like scope (looking through comprehensions) is an
    /// `async def`.
    fn in_async_function(&self) -> bool {
        for &i in self.stack.iter().rev() {
            let scope = &self.scopes[i];
            if scope.kind != ScopeKind::Comprehension {
                return (scope.is_coroutine && scope.kind == ScopeKind::Function)
                    || (scope.kind == ScopeKind::Module && self.top_level_await);
            }
        }
        false
    }

    /// `await`, `async for` and `async with` need an `async def` around them; inside a
    /// comprehension of one they make the comprehension a coroutine (CPython's symtable.c
    /// and compile.c messages).
    fn require_async(&mut self, what: &str, span: Span) -> Result<(), SyntaxErr> {
        let kind = self.cur().kind;
        if kind == ScopeKind::Comprehension {
            // Inside an `async def` (or a generator expression, which becomes an async
            // generator) the comprehension itself turns asynchronous.
            if self.in_async_function() || self.cur().is_coroutine || self.cur().is_generator {
                self.cur().is_coroutine = true;
                return Ok(());
            }
            return Err(SyntaxErr::new(
                "asynchronous comprehension outside of an asynchronous function",
                span.start as usize,
                span.end as usize,
            ));
        }
        if self.cur().is_coroutine {
            return Ok(());
        }
        if kind == ScopeKind::Module && self.top_level_await {
            self.cur().is_coroutine = true;
            return Ok(());
        }
        let message = if what == "'await'"
            && !matches!(
                kind,
                ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
            ) {
            "'await' outside function".to_string()
        } else {
            format!("{what} outside async function")
        };
        Err(SyntaxErr::new(
            message,
            span.start as usize,
            span.end as usize,
        ))
    }

    /// `x: int` in a function or class: an error if `x` was declared global or nonlocal
    /// there (symtable.c's AnnAssign check; the module's own globals may be annotated).
    fn annotated_name(&mut self, name: &str, span: Span) -> Result<(), SyntaxErr> {
        let scope = self.cur();
        let old = scope.flags.get(name).copied().unwrap_or(0);
        if scope.kind != ScopeKind::Module && old & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
            let which = if old & DEF_GLOBAL != 0 {
                "global"
            } else {
                "nonlocal"
            };
            return Err(SyntaxErr::new(
                format!("annotated name '{name}' can't be {which}"),
                span.start as usize,
                span.end as usize,
            ));
        }
        if old == 0 {
            scope.order.push(name.to_string());
        }
        scope.flags.insert(name.to_string(), old | DEF_ANNOT);
        Ok(())
    }

    fn mark_generator(&mut self, span: Span) -> Result<(), SyntaxErr> {
        let scope = self.cur();
        match scope.kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                scope.is_generator = true;
                Ok(())
            }
            ScopeKind::Comprehension => Err(SyntaxErr::new(
                "'yield' inside list comprehension",
                span.start as usize,
                span.end as usize,
            )),
            _ => Err(SyntaxErr::new(
                "'yield' outside function",
                span.start as usize,
                span.end as usize,
            )),
        }
    }
}
