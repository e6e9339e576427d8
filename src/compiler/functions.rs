//! Code generation for nested code objects: `def`, `lambda`, `class` bodies and comprehensions,
//! including defaults, closures and decorators.

use std::sync::Arc;

use super::Compiler;
use super::bytecode::{Instr, flags};
use super::symtable::{NameScope, ScopeKind};
use super::unit::Unit;
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxErr;
use crate::vm::objects::value::Value;

type CResult = Result<(), SyntaxErr>;

impl Compiler<'_> {
    /// The child scope of the current unit opened by the node starting at `start`.
    fn child_scope(&self, start: u32) -> usize {
        let scope = &self.table.scopes[self.unit_ref().scope];
        scope
            .children
            .iter()
            .copied()
            .find(|&c| self.table.scopes[c].start == start)
            .unwrap_or(0)
    }

    fn qualname_for(&self, name: &str) -> String {
        let parent = self.unit_ref();
        match parent.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{name}", parent.qualname),
            _ => format!("{}.<locals>.{name}", parent.qualname),
        }
    }

    /// Opens a unit for child scope `scope_idx` with its variables laid out.
    fn enter_unit(&mut self, scope_idx: usize, name: &str, span: Span) {
        let qualname = self.qualname_for(name);
        let first_line = self.line_of(span.start);
        let scope = &self.table.scopes[scope_idx];
        let mut unit = Unit::new(name, &qualname, scope.kind, scope_idx, first_line);
        if scope.kind != ScopeKind::Class {
            for p in &scope.params {
                unit.varnames.push(p.as_str().into());
            }
            for n in scope.names_with(NameScope::Local) {
                if !scope.params.contains(&n) {
                    unit.varnames.push(n.as_str().into());
                }
            }
            for n in scope.names_with(NameScope::Cell) {
                if !scope.params.contains(&n) {
                    unit.varnames.push(n.as_str().into());
                }
                unit.cellvars.push(n.as_str().into());
            }
        } else if scope.has_class_cell {
            unit.cellvars.push("__class__".into());
        }
        for n in scope.names_with(NameScope::Free) {
            unit.freevars.push(n.as_str().into());
        }
        for n in &scope.class_free {
            unit.freevars.push(n.as_str().into());
        }
        if scope.is_generator {
            unit.flags |= flags::GENERATOR;
        }
        if scope.is_coroutine {
            unit.flags |= flags::COROUTINE;
        }
        unit.flags |= flags::NESTED;
        unit.private = if scope.kind == ScopeKind::Class {
            Some(name.to_string())
        } else {
            self.unit_ref().private.clone()
        };
        self.units.push(unit);
        self.child_cursor.push(0);
    }

    /// Closes the current unit and emits MAKE_FUNCTION for it in the parent. The defaults and
    /// kw-defaults (per `make_flags`) must already be on the stack.
    fn leave_unit_make_function(&mut self, make_flags: u32) -> CResult {
        let unit = self
            .units
            .pop()
            .ok_or_else(|| self.error("internal: no unit", Span::default()))?;
        self.child_cursor.pop();
        let freevars: Vec<Arc<str>> = unit.freevars.to_vec();
        let code = unit.finish(self.filename.clone(), &mut self.interner, &self.line_starts);
        let mut make_flags = make_flags;
        if !freevars.is_empty() {
            for name in &freevars {
                let idx = self.unit_ref().deref_index(name).unwrap_or(0);
                self.emit(Instr::LoadClosure(idx));
            }
            self.emit(Instr::BuildTuple(freevars.len() as u32));
            make_flags |= 0x08;
        }
        self.load_const(Value::Code(Arc::new(code)));
        self.emit(Instr::MakeFunction(make_flags));
        Ok(())
    }

    /// Pushes the defaults tuple / kw-defaults dict; returns MAKE_FUNCTION flags.
    fn defaults(&mut self, params: &Parameters) -> Result<u32, SyntaxErr> {
        let mut make_flags = 0;
        if !params.defaults.is_empty() {
            for d in &params.defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(params.defaults.len() as u32));
            make_flags |= 0x01;
        }
        let kw: Vec<(&Param, &Expr)> = params
            .kwonly
            .iter()
            .zip(params.kw_defaults.iter())
            .filter_map(|(p, d)| d.as_ref().map(|d| (p, d)))
            .collect();
        if !kw.is_empty() {
            for (p, d) in &kw {
                self.load_const(Value::str(&p.name));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kw.len() as u32));
            make_flags |= 0x02;
        }
        Ok(make_flags)
    }

    /// Pushes the annotations dict of a `def` (evaluated at definition time, as in 3.11).
    fn annotations(
        &mut self,
        params: &Parameters,
        returns: Option<&Expr>,
    ) -> Result<u32, SyntaxErr> {
        let mut n = 0;
        // CPython's order (compiler_visit_annotations): positional, *args, keyword-only,
        // **kwargs.
        let in_order = (params.posonly.iter().chain(params.args.iter()))
            .chain(params.vararg.iter())
            .chain(params.kwonly.iter())
            .chain(params.kwarg.iter());
        for p in in_order {
            if let Some(a) = &p.annotation {
                self.load_const(Value::str(&p.name));
                self.annotation(a)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Value::str("return"));
            self.annotation(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Instr::BuildMap(n));
        Ok(0x04)
    }

    fn set_arg_counts(&mut self, params: &Parameters) {
        let unit = self.unit();
        unit.posonlyargcount = params.posonly.len() as u32;
        unit.argcount = (params.posonly.len() + params.args.len()) as u32;
        unit.kwonlyargcount = params.kwonly.len() as u32;
        if params.vararg.is_some() {
            unit.flags |= flags::VARARGS;
        }
        if params.kwarg.is_some() {
            unit.flags |= flags::VARKEYWORDS;
        }
    }

    fn decorators(&mut self, decorators: &[Expr]) -> CResult {
        for d in decorators {
            self.emit(Instr::PushNull);
            self.expr(d)?;
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decorators: &[Expr]) {
        for _ in decorators {
            self.emit(Instr::Call(1));
        }
    }

    pub(crate) fn function_def(&mut self, f: &FunctionDef, span: Span) -> CResult {
        self.decorators(&f.decorators)?;
        let mut make_flags = self.defaults(&f.params)?;
        make_flags |= self.annotations(&f.params, f.returns.as_ref())?;
        let scope = self.child_scope(span.start);
        self.enter_unit(scope, &f.name, f.def_span);
        self.set_arg_counts(&f.params);
        self.unit().current_line = self.line_of(f.def_span.start);
        self.emit(Instr::Resume(0));
        let body = self.take_docstring(&f.body);
        self.stmts(body)?;
        let none = self.unit().add_const(Value::None);
        self.emit(Instr::ReturnConst(none));
        self.leave_unit_make_function(make_flags)?;
        self.apply_decorators(&f.decorators);
        self.set_line(span);
        self.store_name(&f.name);
        Ok(())
    }

    pub(crate) fn lambda(&mut self, params: &Parameters, body: &Expr, span: Span) -> CResult {
        let make_flags = self.defaults(params)?;
        let scope = self.child_scope(span.start);
        self.enter_unit(scope, "<lambda>", span);
        self.set_arg_counts(params);
        self.emit(Instr::Resume(0));
        self.expr(body)?;
        if self.unit_ref().flags & flags::GENERATOR != 0 {
            self.emit(Instr::PopTop);
            let none = self.unit().add_const(Value::None);
            self.emit(Instr::ReturnConst(none));
        } else {
            self.emit(Instr::ReturnValue);
        }
        self.leave_unit_make_function(make_flags)
    }

    pub(crate) fn class_def(&mut self, c: &ClassDef, span: Span) -> CResult {
        self.decorators(&c.decorators)?;
        self.emit(Instr::PushNull);
        self.emit(Instr::LoadBuildClass);
        let scope = self.child_scope(span.start);
        self.enter_unit(scope, &c.name, c.def_span);
        self.unit().current_line = self.line_of(c.def_span.start);
        self.emit(Instr::Resume(0));
        let module = self.unit().add_name("__name__");
        self.emit(Instr::LoadName(module));
        let m = self.unit().add_name("__module__");
        self.emit(Instr::StoreName(m));
        let qualname = self.unit_ref().qualname.to_string();
        self.load_const(Value::string(qualname));
        let q = self.unit().add_name("__qualname__");
        self.emit(Instr::StoreName(q));
        let body = self.take_docstring(&c.body);
        self.setup_annotations(body);
        if let Some(doc) = self.unit_ref().docstring.clone() {
            self.load_const(Value::string(doc));
            let d = self.unit().add_name("__doc__");
            self.emit(Instr::StoreName(d));
        }
        self.stmts(body)?;
        if self.table.scopes[scope].has_class_cell {
            self.emit(Instr::LoadClosure(0));
            self.emit(Instr::Copy(1));
            let cc = self.unit().add_name("__classcell__");
            self.emit(Instr::StoreName(cc));
            self.emit(Instr::ReturnValue);
        } else {
            let none = self.unit().add_const(Value::None);
            self.emit(Instr::ReturnConst(none));
        }
        self.leave_unit_make_function(0)?;
        self.set_line(span);
        self.load_const(Value::str(&c.name));
        self.call_args(&c.bases, &c.keywords, 2, span)?;
        self.apply_decorators(&c.decorators);
        self.store_name(&c.name);
        Ok(())
    }

    /// A comprehension or generator expression: a nested function called with the first
    /// iterator (CPython ≤ 3.11 layout).
    pub(crate) fn comprehension(
        &mut self,
        name: &str,
        generators: &[Comprehension],
        element: CompElement<'_>,
        span: Span,
    ) -> CResult {
        self.emit(Instr::PushNull);
        let scope = self.child_scope(span.start);
        let is_generator = self.table.scopes[scope].is_generator;
        // An async list/set/dict comprehension is a coroutine the caller awaits; an async
        // generator expression is an async generator, not awaited (CPython 3.11's layout).
        let awaited = self.table.scopes[scope].is_coroutine && !is_generator;
        self.enter_unit(scope, name, span);
        self.unit().argcount = 1;
        self.emit(Instr::Resume(0));
        match element {
            CompElement::List(_) => {
                self.emit(Instr::BuildList(0));
            }
            CompElement::Set(_) => {
                self.emit(Instr::BuildSet(0));
            }
            CompElement::Dict(..) => {
                self.emit(Instr::BuildMap(0));
            }
            CompElement::Generator(_) => {}
        }
        self.comprehension_loop(generators, 0, &element, if is_generator { 0 } else { 1 })?;
        if is_generator {
            let none = self.unit().add_const(Value::None);
            self.emit(Instr::ReturnConst(none));
        } else {
            self.emit(Instr::ReturnValue);
        }
        self.leave_unit_make_function(0)?;
        self.expr(&generators[0].iter)?;
        if generators[0].is_async {
            self.emit(Instr::GetAIter);
        } else {
            self.emit(Instr::GetIter);
        }
        self.emit(Instr::Call(1));
        if awaited {
            self.await_top(0);
        }
        Ok(())
    }

    /// One `for` clause; `depth` counts the iterators on the stack above the result container.
    fn comprehension_loop(
        &mut self,
        generators: &[Comprehension],
        index: usize,
        element: &CompElement<'_>,
        depth: u32,
    ) -> CResult {
        let g = &generators[index];
        let start = self.unit().new_label();
        let end = self.unit().new_label();
        if index == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Instr::GetAIter
            } else {
                Instr::GetIter
            });
        }
        self.unit().bind(start);
        let stop = if g.is_async {
            // [.., aiter]: await `__anext__()`; StopAsyncIteration jumps to END_ASYNC_FOR.
            let base = self.unit().block_depth + depth;
            let stop = self.unit().new_label();
            self.unit().push_handler(stop, base + 1, false);
            self.emit(Instr::GetANext);
            self.await_top(0);
            self.unit().pop_handler();
            Some(stop)
        } else {
            self.unit().emit_jump(Instr::ForIter, end);
            None
        };
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_loop(generators, index + 1, element, depth + 1)?;
        } else {
            let container = depth + 1;
            match element {
                CompElement::List(e) => {
                    self.expr(e)?;
                    self.emit(Instr::ListAppend(container));
                }
                CompElement::Set(e) => {
                    self.expr(e)?;
                    self.emit(Instr::SetAdd(container));
                }
                CompElement::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(container));
                }
                CompElement::Generator(e) => {
                    self.expr(e)?;
                    if self.unit_ref().flags & flags::COROUTINE != 0 {
                        self.emit(Instr::AsyncGenWrap);
                    }
                    self.emit(Instr::YieldValue(0));
                    self.emit(Instr::PopTop);
                }
            }
        }
        self.unit().emit_jump(Instr::JumpBackward, start);
        if let Some(stop) = stop {
            self.unit().bind(stop);
            self.emit(Instr::EndAsyncFor);
        }
        self.unit().bind(end);
        Ok(())
    }
}

/// What a comprehension produces per iteration.
pub(crate) enum CompElement<'e> {
    List(&'e Expr),
    Set(&'e Expr),
    Dict(&'e Expr, &'e Expr),
    Generator(&'e Expr),
}
