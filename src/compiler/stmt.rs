//! Code generation for simple statements, assignments and imports.

use super::bytecode::{Instr, flags};
use super::unit::FBlock;
use super::{Compiler, NameOp};
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxErr;
use crate::vm::objects::value::Value;

type CResult = Result<(), SyntaxErr>;

impl Compiler<'_> {
    pub(crate) fn stmts(&mut self, body: &[Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    pub(crate) fn stmt(&mut self, s: &Stmt) -> CResult {
        self.nest(s.span)?;
        self.set_line(s.span);
        let outer = std::mem::replace(&mut self.stmt_span, s.span);
        let r = self.stmt_inner(s);
        self.stmt_span = outer;
        self.unit().current_span = outer;
        self.unnest();
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> CResult {
        match &s.kind {
            StmtKind::Expr(e) => {
                if matches!(e.kind, ExprKind::Constant(_)) {
                    return Ok(());
                }
                self.expr(e)?;
                self.emit(Instr::PopTop);
                Ok(())
            }
            StmtKind::Assign { targets, value } => self.assign(targets, value),
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => self.ann_assign(target, annotation, value.as_ref()),
            StmtKind::Pass => {
                self.emit(Instr::Nop);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(s.span),
            StmtKind::Continue => self.continue_stmt(s.span),
            StmtKind::Return(v) => self.return_stmt(v.as_ref(), s.span),
            StmtKind::Raise { exc, cause } => self.raise_stmt(exc.as_ref(), cause.as_ref()),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.delete_target(t)),
            StmtKind::Assert { test, msg } => self.assert_stmt(test, msg.as_ref()),
            StmtKind::Import(names) => self.import(names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.check_future_import(module.as_deref(), *level, s.span)?;
                self.import_from(module.as_deref().unwrap_or(""), names)
            }
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse),
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => self.for_stmt(target, iter, body, orelse, *is_async),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody),
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with_stmt(items, body, *is_async, s.span),
            StmtKind::FunctionDef(f) => self.function_def(f, s.span),
            StmtKind::ClassDef(c) => self.class_def(c, s.span),
        }
    }

    /// `x: T = v`. At module and class level the annotation is evaluated and stored in
    /// `__annotations__` (PEP 526); inside functions it is not evaluated.
    fn ann_assign(&mut self, target: &Expr, annotation: &Expr, value: Option<&Expr>) -> CResult {
        if let Some(v) = value {
            self.expr(v)?;
            self.store_target(target)?;
        }
        if self.is_function_unit() {
            return Ok(());
        }
        // Under `from __future__ import annotations` only a name's annotation is kept (as
        // text); the others are not evaluated at all.
        if self.future_annotations && !matches!(target.kind, ExprKind::Name(_)) {
            return Ok(());
        }
        self.annotation(annotation)?;
        match &target.kind {
            ExprKind::Name(n) => {
                let ann = self.unit().add_name("__annotations__");
                self.emit(Instr::LoadName(ann));
                let key = self.mangle(n);
                self.load_const(Value::string(key));
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                self.emit(Instr::PopTop);
            }
        }
        Ok(())
    }

    /// Emits SETUP_ANNOTATIONS if a module or class body has annotated assignments.
    pub(crate) fn setup_annotations(&mut self, body: &[Stmt]) {
        fn any_annotation(body: &[Stmt]) -> bool {
            body.iter().any(|s| match &s.kind {
                StmtKind::AnnAssign { .. } => true,
                StmtKind::If { body, orelse, .. }
                | StmtKind::While { body, orelse, .. }
                | StmtKind::For { body, orelse, .. } => {
                    any_annotation(body) || any_annotation(orelse)
                }
                StmtKind::With { body, .. } => any_annotation(body),
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => {
                    any_annotation(body)
                        || handlers.iter().any(|h| any_annotation(&h.body))
                        || any_annotation(orelse)
                        || any_annotation(finalbody)
                }
                _ => false,
            })
        }
        if any_annotation(body) {
            self.emit(Instr::SetupAnnotations);
        }
    }

    fn assign(&mut self, targets: &[Expr], value: &Expr) -> CResult {
        self.expr(value)?;
        for (i, t) in targets.iter().enumerate() {
            if i + 1 < targets.len() {
                self.emit(Instr::Copy(1));
            }
            self.store_target(t)?;
        }
        Ok(())
    }

    /// Stores the value on top of the stack into `t`; the store is the target's position
    /// (`a, b = ...` that cannot unpack points at `a, b`).
    pub(crate) fn store_target(&mut self, t: &Expr) -> CResult {
        self.at_span(t.span, |c| c.store_target_inner(t))
    }

    fn store_target_inner(&mut self, t: &Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => {
                self.store_name(n);
                Ok(())
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_name(attr);
                self.emit(Instr::StoreAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.emit(Instr::StoreSubscr);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => self.unpack_into(items, t.span),
            ExprKind::Starred(_) => Err(self.error(
                "starred assignment target must be in a list or tuple",
                t.span,
            )),
            other => Err(self.error(format!("cannot assign to {}", other.describe()), t.span)),
        }
    }

    fn unpack_into(&mut self, items: &[Expr], span: Span) -> CResult {
        let star = items
            .iter()
            .position(|e| matches!(e.kind, ExprKind::Starred(_)));
        match star {
            None => {
                self.emit(Instr::UnpackSequence(items.len() as u32));
            }
            Some(pos) => {
                let after = items.len() - pos - 1;
                if pos > 255 || after > 255 {
                    return Err(
                        self.error("too many expressions in star-unpacking assignment", span)
                    );
                }
                self.emit(Instr::UnpackEx(pos as u32 | ((after as u32) << 8)));
            }
        }
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => self.store_target(inner)?,
                _ => self.store_target(item)?,
            }
        }
        Ok(())
    }

    /// `target op= value`: the target's load and store are the target's position, the
    /// operation the whole statement's (as compile.c's compiler_augassign).
    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr) -> CResult {
        let op = super::expr::binary_op(op).inplace();
        let statement = self.stmt_span;
        match &target.kind {
            ExprKind::Name(n) => {
                self.set_span(target.span);
                self.load_name(n);
                self.expr(value)?;
                self.set_span(statement);
                self.emit(Instr::BinaryOp(op));
                self.set_span(target.span);
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.set_span(target.span);
                self.emit(Instr::Copy(1));
                let i = self.attr_name(attr);
                self.emit(Instr::LoadAttr(i << 1));
                self.expr(value)?;
                self.set_span(statement);
                self.emit(Instr::BinaryOp(op));
                self.set_span(target.span);
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.expr(obj)?;
                self.subscript_key(slice)?;
                self.set_span(target.span);
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::BinarySubscr);
                self.expr(value)?;
                self.set_span(statement);
                self.emit(Instr::BinaryOp(op));
                self.set_span(target.span);
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                return Err(self.error(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        target.kind.describe()
                    ),
                    target.span,
                ));
            }
        }
        Ok(())
    }

    /// `del t`: the deletion is the target's position.
    fn delete_target(&mut self, t: &Expr) -> CResult {
        self.at_span(t.span, |c| c.delete_target_inner(t))
    }

    fn delete_target_inner(&mut self, t: &Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => {
                self.delete_name(n);
                Ok(())
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_name(attr);
                self.emit(Instr::DeleteAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.emit(Instr::DeleteSubscr);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.delete_target(i))
            }
            other => Err(self.error(format!("cannot delete {}", other.describe()), t.span)),
        }
    }

    fn raise_stmt(&mut self, exc: Option<&Expr>, cause: Option<&Expr>) -> CResult {
        let mut n = 0;
        if let Some(e) = exc {
            self.expr(e)?;
            n = 1;
            if let Some(c) = cause {
                self.expr(c)?;
                n = 2;
            }
        }
        self.emit(Instr::RaiseVarargs(n));
        Ok(())
    }

    fn assert_stmt(&mut self, test: &Expr, msg: Option<&Expr>) -> CResult {
        let end = self.unit().new_label();
        self.expr(test)?;
        self.unit().emit_jump(Instr::PopJumpIfTrue, end);
        self.emit(Instr::LoadAssertionError);
        if let Some(m) = msg {
            self.emit(Instr::PushNull);
            self.emit(Instr::Swap(2));
            self.expr(m)?;
            self.emit(Instr::Call(1));
        }
        self.emit(Instr::RaiseVarargs(1));
        self.unit().bind(end);
        Ok(())
    }

    fn import(&mut self, names: &[Alias]) -> CResult {
        for a in names {
            self.load_const(Value::Int(0));
            self.load_const(Value::None);
            let i = self.unit().add_name(&a.name);
            self.emit(Instr::ImportName(i));
            match &a.asname {
                Some(asname) => {
                    // `import a.b as c` binds the submodule.
                    for part in a.name.split('.').skip(1) {
                        let j = self.unit().add_name(part);
                        self.emit(Instr::ImportFrom(j));
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::PopTop);
                    }
                    self.store_name(asname);
                }
                None => {
                    let top = a.name.split('.').next().unwrap_or(&a.name).to_string();
                    self.store_name(&top);
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, module: &str, names: &[Alias]) -> CResult {
        self.load_const(Value::Int(0));
        let fromlist: Vec<Value> = names.iter().map(|a| Value::str(&a.name)).collect();
        self.load_const(Value::tuple(fromlist));
        let i = self.unit().add_name(module);
        self.emit(Instr::ImportName(i));
        if names.len() == 1 && names[0].name == "*" {
            self.emit(Instr::ImportStar);
            return Ok(());
        }
        for a in names {
            let j = self.unit().add_name(&a.name);
            self.emit(Instr::ImportFrom(j));
            let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
            self.store_name(&bound);
        }
        self.emit(Instr::PopTop);
        Ok(())
    }

    fn if_stmt(&mut self, test: &Expr, body: &[Stmt], orelse: &[Stmt]) -> CResult {
        let else_label = self.unit().new_label();
        self.jump_if(test, false, else_label)?;
        self.stmts(body)?;
        if orelse.is_empty() {
            self.unit().bind(else_label);
            return Ok(());
        }
        let end = self.unit().new_label();
        self.unit().emit_jump(Instr::JumpForward, end);
        self.unit().bind(else_label);
        self.stmts(orelse)?;
        self.unit().bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, test: &Expr, body: &[Stmt], orelse: &[Stmt]) -> CResult {
        let start = self.unit().new_label();
        let else_label = self.unit().new_label();
        let end = self.unit().new_label();
        self.unit().bind(start);
        self.set_line(test.span);
        self.jump_if(test, false, else_label)?;
        self.push_fblock(FBlock::While { start, end })?;
        self.stmts(body)?;
        self.unit().pop_fblock();
        self.set_line(test.span);
        self.unit().emit_jump(Instr::JumpBackward, start);
        self.unit().bind(else_label);
        self.stmts(orelse)?;
        self.unit().bind(end);
        Ok(())
    }

    /// `for` and `async for`. An `async for` step awaits `__anext__()`; StopAsyncIteration
    /// raised by that await (and only there) ends the loop through END_ASYNC_FOR (CPython's
    /// compiler_async_for), where a plain `for`'s FOR_ITER jumps out when exhausted.
    fn for_stmt(
        &mut self,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
        is_async: bool,
    ) -> CResult {
        let start = self.unit().new_label();
        let cleanup = self.unit().new_label();
        let end = self.unit().new_label();
        self.expr(iter)?;
        self.emit(if is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.unit().bind(start);
        self.set_line(iter.span);
        // The loop's next step is the whole statement's position (compile.c's
        // compiler_for), as GET_ITER's is.
        let statement = self.stmt_span;
        self.set_span(statement);
        if is_async {
            let base = self.unit().block_depth;
            self.unit().push_handler(cleanup, base + 1, false);
            self.emit(Instr::GetANext);
            self.await_top(0);
            self.unit().pop_handler();
        } else {
            self.unit().emit_jump(Instr::ForIter, cleanup);
        }
        self.unit().block_depth += 1;
        self.store_target(target)?;
        self.push_fblock(FBlock::For { start, end })?;
        self.stmts(body)?;
        self.unit().pop_fblock();
        self.set_line(iter.span);
        self.unit().emit_jump(Instr::JumpBackward, start);
        self.unit().block_depth -= 1;
        self.unit().bind(cleanup);
        if is_async {
            self.emit(Instr::EndAsyncFor);
        }
        self.stmts(orelse)?;
        self.unit().bind(end);
        Ok(())
    }

    fn return_stmt(&mut self, value: Option<&Expr>, span: Span) -> CResult {
        if !self.is_function_unit() {
            return Err(self.error("'return' outside function", span));
        }
        let async_gen = flags::COROUTINE | flags::GENERATOR;
        if value.is_some() && self.unit_ref().flags & async_gen == async_gen {
            return Err(self.error("'return' with value in async generator", span));
        }
        match value {
            Some(v) => self.expr(v)?,
            None => self.load_const(Value::None),
        }
        self.unwind_fblocks(true, None, span)?;
        self.set_line(span);
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    fn break_stmt(&mut self, span: Span) -> CResult {
        let Some((_, end)) = self.innermost_loop() else {
            return Err(self.error("'break' outside loop", span));
        };
        self.unwind_fblocks(false, Some(true), span)?;
        self.unit().emit_jump(Instr::JumpForward, end);
        Ok(())
    }

    fn continue_stmt(&mut self, span: Span) -> CResult {
        let Some((start, _)) = self.innermost_loop() else {
            return Err(self.error("'continue' not properly in loop", span));
        };
        self.unwind_fblocks(false, Some(false), span)?;
        self.unit().emit_jump(Instr::JumpBackward, start);
        Ok(())
    }

    fn innermost_loop(&self) -> Option<(super::unit::Label, super::unit::Label)> {
        self.unit_ref().fblocks.iter().rev().find_map(|b| match b {
            FBlock::While { start, end } | FBlock::For { start, end } => Some((*start, *end)),
            _ => None,
        })
    }

    /// Deletes an `except ... as name` binding on the way out of the handler.
    pub(crate) fn clear_handler_name(&mut self, name: &str) {
        self.load_const(Value::None);
        self.store_name(name);
        let instr = self.name_op(name, NameOp::Delete);
        self.emit(instr);
    }
}
