//! AST → code objects: symbol tables, code generation (statements here, expressions in
//! `expr.rs`, exception blocks in `blocks.rs`), and `dis`.

pub mod blocks;
pub mod bytecode;
pub mod dis;
mod expr;
mod functions;
mod future;
pub mod marshal;
pub mod quicken;
mod stmt;
pub mod symtable;
pub mod unit;
mod unparse;

use std::sync::Arc;

use bytecode::{CodeObject, Instr};
use symtable::{NameScope, ScopeKind, SymbolTable};
use unit::{Interner, Unit};

use crate::syntax::ast::{Span, Stmt};
use crate::syntax::error::SyntaxErr;
use crate::vm::objects::value::Value;

/// The stack parsing and compiling run on. The parser is an LR automaton (no recursion), but
/// the symbol table, code generation and the AST's drop recurse once per nesting level, and
/// a long chain such as `1 + 1 + ... + 1` nests as deep as it has terms: CPython compiles
/// up to `MAX_NESTING` levels, which takes more than the 8 MB of the command line's thread
/// (`gilsim dis` overflowed it) or the 256 KB of a Python thread that imports a module.
/// Reserved address space only: the pages a compile does not touch cost nothing.
const COMPILE_STACK_SIZE: usize = 256 << 20;

/// Runs `f` on a thread of its own with `COMPILE_STACK_SIZE` of stack (or here, if the
/// process cannot start a thread).
fn on_compile_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    let job = std::sync::Mutex::new(Some(f));
    let run = || job.lock().ok().and_then(|mut j| j.take()).map(|f| f());
    let on_thread = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("gilsim-compile".into())
            .stack_size(COMPILE_STACK_SIZE)
            .spawn_scoped(scope, run)
            .ok()
            .map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
    });
    match on_thread.flatten() {
        Some(result) => result,
        None => match job.into_inner().ok().flatten() {
            Some(f) => f(),
            None => unreachable!("the compile job ran but returned nothing"),
        },
    }
}

/// Compiles a module's source. Errors are syntax errors found by the parser or the compiler.
pub fn compile_module(source: &str, filename: &str) -> Result<Arc<CodeObject>, SyntaxErr> {
    compile_main(source, filename, false)
}

/// `compile_module`; `top_level_await`: the body may await, and a body that does compiles
/// to a coroutine (`--top-level-await`, for notebook cells).
pub fn compile_main(
    source: &str,
    filename: &str,
    top_level_await: bool,
) -> Result<Arc<CodeObject>, SyntaxErr> {
    on_compile_stack(|| {
        let module = crate::syntax::parse_module(source)?;
        compile_ast_with(&module, source, filename, top_level_await)
    })
}

pub fn compile_ast(
    module: &[Stmt],
    source: &str,
    filename: &str,
) -> Result<Arc<CodeObject>, SyntaxErr> {
    compile_ast_with(module, source, filename, false)
}

fn compile_ast_with(
    module: &[Stmt],
    source: &str,
    filename: &str,
    top_level_await: bool,
) -> Result<Arc<CodeObject>, SyntaxErr> {
    let table = symtable::build_with(module, top_level_await)?;
    let mut c = Compiler::new(source, filename, table);
    c.module(module)
}

/// Compiles a single expression into a code object that returns its value (`eval`).
pub fn compile_expression(source: &str, filename: &str) -> Result<Arc<CodeObject>, SyntaxErr> {
    on_compile_stack(|| compile_expression_here(source, filename))
}

fn compile_expression_here(source: &str, filename: &str) -> Result<Arc<CodeObject>, SyntaxErr> {
    use crate::syntax::ast::StmtKind;
    let expr = crate::syntax::parse_expression(source)?;
    let stmt = Stmt {
        span: expr.span,
        kind: StmtKind::Expr(expr),
    };
    let module = [stmt];
    let table = symtable::build(&module)?;
    let mut c = Compiler::new(source, filename, table);
    c.units
        .push(Unit::new("<module>", "<module>", ScopeKind::Module, 0, 1));
    c.child_cursor.push(0);
    c.emit(Instr::Resume(0));
    if let StmtKind::Expr(e) = &module[0].kind {
        c.expr(e)?;
    }
    c.emit(Instr::ReturnValue);
    let unit = c
        .units
        .pop()
        .ok_or_else(|| c.error("internal", Span::default()))?;
    Ok(Arc::new(unit.finish(
        c.filename.clone(),
        &mut c.interner,
        &c.line_starts,
    )))
}

/// CPython gives up on very deep nesting with a RecursionError during compilation; gilsim
/// reports it the same way instead of overflowing its native stack. CPython 3.11 and 3.12
/// allow three levels per unit of the recursion limit (`COMPILER_STACK_FRAME_SCALE` in
/// Python/symtable.c and Python/compile.c), 3,000: `1 + 1 + ... + 1` compiles with 2,990
/// terms, not with 3,000.
const MAX_NESTING: u32 = 3000;

pub struct Compiler<'a> {
    _source: std::marker::PhantomData<&'a str>,
    pub(crate) filename: Arc<str>,
    pub(crate) table: SymbolTable,
    pub(crate) units: Vec<Unit>,
    /// Next child scope of each unit's scope, in creation order.
    pub(crate) child_cursor: Vec<usize>,
    pub(crate) interner: Interner,
    line_starts: Vec<usize>,
    nesting: u32,
    /// The innermost statement being compiled: where "too many statically nested blocks"
    /// points (CPython's `c->u->u_loc`, set by compiler_visit_stmt).
    pub(crate) stmt_span: Span,
    /// `from __future__ import annotations` opens the module: annotations are kept as text.
    pub(crate) future_annotations: bool,
    /// Where the module's opening future imports stand (the only places allowed).
    pub(crate) future_imports: Vec<Span>,
}

impl<'a> Compiler<'a> {
    fn new(source: &'a str, filename: &str, table: SymbolTable) -> Compiler<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        Compiler {
            _source: std::marker::PhantomData,
            filename: filename.into(),
            table,
            units: Vec::new(),
            child_cursor: Vec::new(),
            interner: Interner::default(),
            line_starts,
            nesting: 0,
            stmt_span: Span::default(),
            future_annotations: false,
            future_imports: Vec::new(),
        }
    }

    pub(crate) fn line_of(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&(offset as usize)) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    pub(crate) fn unit(&mut self) -> &mut Unit {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    pub(crate) fn unit_ref(&self) -> &Unit {
        &self.units[self.units.len() - 1]
    }

    pub(crate) fn emit(&mut self, instr: Instr) -> usize {
        self.unit().emit(instr)
    }

    /// The instructions emitted next belong to the node at `span`: its line, and the
    /// position a traceback underlines.
    pub(crate) fn set_line(&mut self, span: Span) {
        let line = self.line_of(span.start);
        let unit = self.unit();
        unit.current_line = line;
        unit.current_span = span;
    }

    /// The instructions emitted next belong to the node at `span` (the position a
    /// traceback underlines), their line unchanged.
    pub(crate) fn set_span(&mut self, span: Span) {
        self.unit().current_span = span;
    }

    /// Compiles a node whose instructions are at `span` unless a part of it says otherwise,
    /// and comes back to the enclosing node's position.
    pub(crate) fn at_span<T>(&mut self, span: Span, compile: impl FnOnce(&mut Self) -> T) -> T {
        let outer = std::mem::replace(&mut self.unit().current_span, span);
        let compiled = compile(self);
        self.unit().current_span = outer;
        compiled
    }

    pub(crate) fn error(&self, msg: impl Into<String>, span: Span) -> SyntaxErr {
        SyntaxErr::new(msg, span.start as usize, span.end as usize)
    }

    /// Guards recursion into nested expressions and statements.
    pub(crate) fn nest(&mut self, span: Span) -> Result<(), SyntaxErr> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(SyntaxErr::recursion(
                "maximum recursion depth exceeded during compilation",
                span.start as usize,
            ));
        }
        Ok(())
    }

    /// Enters a block that `break`/`continue`/`return` must unwind, as compile.c's
    /// compiler_push_fblock: at most `CO_MAXBLOCKS` (20) per code object, counted as CPython
    /// counts them (an `except` body is two, EXCEPTION_HANDLER and HANDLER_CLEANUP), else
    /// "too many statically nested blocks" at the innermost statement.
    pub(crate) fn push_fblock(&mut self, block: unit::FBlock) -> Result<(), SyntaxErr> {
        const CO_MAXBLOCKS: usize = 20;
        let weight = |b: &unit::FBlock| match b {
            // A handler's body is two blocks in CPython (SETUP_CLEANUP's and the handler's);
            // so is an except* clause's (EXCEPTION_GROUP_HANDLER and HANDLER_CLEANUP).
            unit::FBlock::Handler { .. } | unit::FBlock::ExceptStar => 2,
            _ => 1,
        };
        let depth: usize = self.unit_ref().fblocks.iter().map(weight).sum();
        if depth + weight(&block) > CO_MAXBLOCKS {
            return Err(self.error("too many statically nested blocks", self.stmt_span));
        }
        self.unit().push_fblock(block);
        Ok(())
    }

    pub(crate) fn unnest(&mut self) {
        self.nesting -= 1;
    }

    pub(crate) fn load_const(&mut self, v: Value) {
        let i = self.unit().add_const(v);
        self.emit(Instr::LoadConst(i));
    }

    fn module(&mut self, body: &[Stmt]) -> Result<Arc<CodeObject>, SyntaxErr> {
        self.units
            .push(Unit::new("<module>", "<module>", ScopeKind::Module, 0, 1));
        if self.table.scopes[0].is_coroutine {
            self.unit().flags |= bytecode::flags::COROUTINE;
        }
        self.child_cursor.push(0);
        self.unit().current_line = 0;
        self.emit(Instr::Resume(0));
        let body = self.take_docstring(body);
        self.read_future_imports(body)?;
        self.setup_annotations(body);
        if let Some(doc) = self.unit().docstring.clone() {
            self.load_const(Value::string(doc));
            let i = self.unit().add_name("__doc__");
            self.emit(Instr::StoreName(i));
        }
        self.stmts(body)?;
        let none = self.unit().add_const(Value::None);
        self.emit(Instr::ReturnConst(none));
        let unit = self
            .units
            .pop()
            .ok_or_else(|| self.error("internal", Span::default()))?;
        self.child_cursor.pop();
        Ok(Arc::new(unit.finish(
            self.filename.clone(),
            &mut self.interner,
            &self.line_starts,
        )))
    }

    /// Strips a leading docstring from a body, recording it on the current unit.
    pub(crate) fn take_docstring<'b>(&mut self, body: &'b [Stmt]) -> &'b [Stmt] {
        use crate::syntax::ast::{Constant, ExprKind, StmtKind};
        if let Some(first) = body.first()
            && let StmtKind::Expr(e) = &first.kind
            && let ExprKind::Constant(Constant::Str(s)) = &e.kind
        {
            self.unit().docstring = Some(s.clone());
            return &body[1..];
        }
        body
    }

    /// How the current unit reaches `name`.
    pub(crate) fn name_scope(&self, name: &str) -> NameScope {
        self.table.scopes[self.unit_ref().scope].lookup(name)
    }

    pub(crate) fn unit_kind(&self) -> ScopeKind {
        self.unit_ref().kind
    }

    pub(crate) fn is_function_unit(&self) -> bool {
        matches!(
            self.unit_kind(),
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }

    /// CPython's `_Py_Mangle`: `__x` inside class `A` is `_A__x`.
    pub(crate) fn mangle(&self, name: &str) -> String {
        match &self.unit_ref().private {
            Some(class)
                if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') =>
            {
                let stripped = class.trim_start_matches('_');
                if stripped.is_empty() {
                    name.to_string()
                } else {
                    format!("_{stripped}{name}")
                }
            }
            _ => name.to_string(),
        }
    }

    /// The name-table index of an attribute name (mangled).
    pub(crate) fn attr_name(&mut self, attr: &str) -> u32 {
        let mangled = self.mangle(attr);
        self.unit().add_name(&mangled)
    }

    pub(crate) fn load_name(&mut self, name: &str) {
        let instr = self.name_op(name, NameOp::Load);
        self.emit(instr);
    }

    pub(crate) fn store_name(&mut self, name: &str) {
        let instr = self.name_op(name, NameOp::Store);
        self.emit(instr);
    }

    pub(crate) fn delete_name(&mut self, name: &str) {
        let instr = self.name_op(name, NameOp::Delete);
        self.emit(instr);
    }

    /// The instruction that loads/stores/deletes `name` here (compiler_nameop in compile.c).
    pub(crate) fn name_op(&mut self, name: &str, op: NameOp) -> Instr {
        let scope = self.name_scope(name);
        let function = self.is_function_unit();
        let kind = self.unit_kind();
        match scope {
            NameScope::Local if function => {
                let i = self.unit_ref().varname_index(name).unwrap_or(0);
                match op {
                    NameOp::Load => Instr::LoadFast(i),
                    NameOp::Store => Instr::StoreFast(i),
                    NameOp::Delete => Instr::DeleteFast(i),
                }
            }
            NameScope::Cell | NameScope::Free if function || scope == NameScope::Cell => {
                let i = self.unit_ref().deref_index(name).unwrap_or(0);
                match op {
                    NameOp::Load => Instr::LoadDeref(i),
                    NameOp::Store => Instr::StoreDeref(i),
                    NameOp::Delete => Instr::DeleteDeref(i),
                }
            }
            NameScope::Free if kind == ScopeKind::Class && op == NameOp::Load => {
                let i = self.unit_ref().deref_index(name).unwrap_or(0);
                Instr::LoadClassDeref(i)
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit
                if function || scope == NameScope::GlobalExplicit =>
            {
                let i = self.unit().add_name(name);
                match op {
                    NameOp::Load => Instr::LoadGlobal(i << 1),
                    NameOp::Store => Instr::StoreGlobal(i),
                    NameOp::Delete => Instr::DeleteGlobal(i),
                }
            }
            _ => {
                let name = if kind == ScopeKind::Class {
                    self.mangle(name)
                } else {
                    name.to_string()
                };
                let i = self.unit().add_name(&name);
                match op {
                    NameOp::Load => Instr::LoadName(i),
                    NameOp::Store => Instr::StoreName(i),
                    NameOp::Delete => Instr::DeleteName(i),
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameOp {
    Load,
    Store,
    Delete,
}
