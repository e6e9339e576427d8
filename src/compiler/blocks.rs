//! Exception-handling blocks (try/except/else/finally, with) laid out as CPython 3.11+ does with
//! an exception table, and the unwinding `return`/`break`/`continue` do through them
//! (compile.c: compiler_try_except, compiler_try_finally, compiler_with, compiler_unwind_fblock).

use super::Compiler;
use super::bytecode::Instr;
use super::unit::{FBlock, Label};
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxErr;
use crate::vm::objects::value::Value;

type CResult = Result<(), SyntaxErr>;

impl Compiler<'_> {
    pub(crate) fn try_stmt(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> CResult {
        let star = handlers.first().is_some_and(|h| h.star);
        if finalbody.is_empty() {
            return match star {
                true => self.try_star_except(body, handlers, orelse),
                false => self.try_except(body, handlers, orelse),
            };
        }
        let base = self.unit().block_depth;
        let fin_handler = self.unit().new_label();
        let end = self.unit().new_label();
        self.push_fblock(FBlock::Finally {
            body: finalbody.to_vec(),
        })?;
        self.unit().push_handler(fin_handler, base, true);
        if handlers.is_empty() {
            self.stmts(body)?;
        } else if star {
            self.try_star_except(body, handlers, orelse)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.unit().pop_handler();
        self.unit().pop_fblock();
        self.stmts(finalbody)?;
        self.unit().emit_jump(Instr::JumpForward, end);

        // Exceptional path: [lasti, exc] on the stack.
        self.unit().bind(fin_handler);
        let cleanup = self.unit().new_label();
        self.unit().push_handler(cleanup, base + 2, true);
        self.emit(Instr::PushExcInfo);
        self.push_fblock(FBlock::FinallyEnd)?;
        self.unit().block_depth = base + 3;
        self.stmts(finalbody)?;
        self.unit().block_depth = base;
        self.unit().pop_fblock();
        self.reraise_unhandled(cleanup, end);
        Ok(())
    }

    /// The common tail of `try` statements (as compile.c writes it in both compiler_try_except
    /// and compiler_try_finally): RERAISE the exception no handler took and close the handler
    /// region, then `cleanup` (an exception raised while handling) and the `end` label.
    fn reraise_unhandled(&mut self, cleanup: Label, end: Label) {
        self.emit(Instr::Reraise(0));
        self.unit().pop_handler();
        self.unit().bind(cleanup);
        self.pop_except_and_reraise();
        self.unit().bind(end);
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit(Instr::Copy(3));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise(1));
    }

    /// The body of a `try`: an exception in it goes to `except` with [exc] on the stack.
    fn protected_body(&mut self, body: &[Stmt], except: Label, base: u32) -> CResult {
        self.push_fblock(FBlock::TryExcept)?;
        self.unit().push_handler(except, base, false);
        self.stmts(body)?;
        self.unit().pop_handler();
        self.unit().pop_fblock();
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
    ) -> CResult {
        let base = self.unit().block_depth;
        let except = self.unit().new_label();
        let end = self.unit().new_label();
        let cleanup = self.unit().new_label();
        self.protected_body(body, except, base)?;
        self.stmts(orelse)?;
        self.unit().emit_jump(Instr::JumpForward, end);

        // [exc] on the stack.
        self.unit().bind(except);
        self.unit().push_handler(cleanup, base + 1, true);
        self.emit(Instr::PushExcInfo);
        for (i, h) in handlers.iter().enumerate() {
            self.set_line(h.span);
            let clause = handler_clause(h);
            self.set_span(clause);
            if h.typ.is_none() && i + 1 < handlers.len() {
                return Err(self.error("default 'except:' must be last", clause));
            }
            let next = self.unit().new_label();
            if let Some(t) = &h.typ {
                self.expr(t)?;
                self.emit(Instr::CheckExcMatch);
                self.unit().emit_jump(Instr::PopJumpIfFalse, next);
            }
            self.unit().block_depth = base + 1;
            match &h.name {
                Some(name) => {
                    self.store_name(name);
                    let cleanup_end = self.unit().new_label();
                    self.push_fblock(FBlock::Handler {
                        name: Some(name.clone()),
                    })?;
                    self.unit().push_handler(cleanup_end, base + 1, true);
                    self.stmts(&h.body)?;
                    self.unit().pop_handler();
                    self.unit().pop_fblock();
                    self.emit(Instr::PopExcept);
                    self.clear_handler_name(name);
                    self.unit().emit_jump(Instr::JumpForward, end);
                    // An exception inside the handler body: clear the name, re-raise.
                    self.unit().bind(cleanup_end);
                    self.clear_handler_name(name);
                    self.emit(Instr::Reraise(1));
                }
                None => {
                    self.emit(Instr::PopTop);
                    self.push_fblock(FBlock::Handler { name: None })?;
                    self.stmts(&h.body)?;
                    self.unit().pop_fblock();
                    self.emit(Instr::PopExcept);
                    self.unit().emit_jump(Instr::JumpForward, end);
                }
            }
            self.unit().block_depth = base;
            self.unit().bind(next);
        }
        self.reraise_unhandled(cleanup, end);
        Ok(())
    }

    /// `try: ... except* T as e: ...` (compile.c `compiler_try_star_except`): each clause
    /// splits what is left of the exception group (CHECK_EG_MATCH), what its body raises is
    /// collected in a list, and PREP_RERAISE_STAR decides what leaves the statement.
    fn try_star_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
    ) -> CResult {
        let base = self.unit().block_depth;
        let except = self.unit().new_label();
        let orelse_label = self.unit().new_label();
        let end = self.unit().new_label();
        let cleanup = self.unit().new_label();
        let reraise_star = self.unit().new_label();
        self.protected_body(body, except, base)?;
        self.unit().emit_jump(Instr::JumpForward, orelse_label);

        // [exc] on the stack.
        self.unit().bind(except);
        self.unit().push_handler(cleanup, base + 1, true);
        self.emit(Instr::PushExcInfo);
        self.push_fblock(FBlock::ExceptStar)?;
        // [prev, orig, raised, rest]: the list collects what the clauses raise.
        self.emit(Instr::Copy(1));
        self.emit(Instr::BuildList(0));
        self.emit(Instr::Swap(2));
        for (i, h) in handlers.iter().enumerate() {
            self.set_line(h.span);
            self.set_span(handler_clause(h));
            let no_match = self.unit().new_label();
            let next = self.unit().new_label();
            if let Some(t) = &h.typ {
                self.expr(t)?;
            }
            self.emit(Instr::CheckEgMatch);
            self.emit(Instr::Copy(1));
            self.unit().emit_jump(Instr::PopJumpIfNone, no_match);
            match &h.name {
                Some(name) => self.store_name(name),
                None => {
                    self.emit(Instr::PopTop);
                }
            }
            // The clause's body: what it raises goes to the list, and the name is cleared.
            let cleanup_end = self.unit().new_label();
            self.unit().block_depth = base + 4;
            self.unit().push_handler(cleanup_end, base + 4, true);
            self.stmts(&h.body)?;
            self.unit().pop_handler();
            if let Some(name) = &h.name {
                self.clear_handler_name(name);
            }
            self.unit().emit_jump(Instr::JumpForward, next);
            // [prev, orig, raised, rest, lasti, exc]
            self.unit().bind(cleanup_end);
            if let Some(name) = &h.name {
                self.clear_handler_name(name);
            }
            self.emit(Instr::ListAppend(3));
            self.emit(Instr::PopTop);
            self.unit().emit_jump(Instr::JumpForward, next);
            self.unit().bind(no_match);
            self.emit(Instr::PopTop);
            self.unit().block_depth = base;
            self.unit().bind(next);
            if i + 1 == handlers.len() {
                // What no clause matched is re-raised with the rest.
                self.emit(Instr::ListAppend(1));
                self.unit().emit_jump(Instr::JumpForward, reraise_star);
            }
        }
        self.unit().pop_fblock();
        // [prev, orig, raised] -> [prev, result]
        let reraise = self.unit().new_label();
        self.unit().bind(reraise_star);
        self.emit(Instr::PrepReraiseStar);
        self.emit(Instr::Copy(1));
        self.unit().emit_jump(Instr::PopJumpIfNotNone, reraise);
        self.emit(Instr::PopTop);
        self.unit().pop_handler();
        self.emit(Instr::PopExcept);
        self.unit().emit_jump(Instr::JumpForward, end);
        self.unit().bind(reraise);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise(0));
        self.unit().bind(cleanup);
        self.pop_except_and_reraise();
        self.unit().bind(orelse_label);
        self.stmts(orelse)?;
        self.unit().bind(end);
        Ok(())
    }

    /// `with` (`span`: the statement, whose line CPython gives every call of `__exit__`).
    pub(crate) fn with_stmt(
        &mut self,
        items: &[WithItem],
        body: &[Stmt],
        is_async: bool,
        span: Span,
    ) -> CResult {
        let Some((first, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let base = self.unit().block_depth;
        let final_label = self.unit().new_label();
        let exit = self.unit().new_label();
        self.expr(&first.context)?;
        if is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.await_top(1);
        } else {
            self.emit(Instr::BeforeWith);
        }
        self.push_fblock(FBlock::With { is_async, span })?;
        self.unit().push_handler(final_label, base + 1, true);
        self.unit().block_depth = base + 1;
        match &first.target {
            Some(t) => self.store_target(t)?,
            None => {
                self.emit(Instr::PopTop);
            }
        }
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with_stmt(rest, body, is_async, span)?;
        }
        self.unit().pop_handler();
        self.unit().pop_fblock();
        self.unit().block_depth = base;
        self.set_line(span);
        self.call_exit_with_nones();
        if is_async {
            self.await_top(2);
        }
        self.emit(Instr::PopTop);
        self.unit().emit_jump(Instr::JumpForward, exit);

        // [exit, lasti, exc] on the stack.
        self.unit().bind(final_label);
        let cleanup = self.unit().new_label();
        let suppress = self.unit().new_label();
        self.unit().push_handler(cleanup, base + 3, true);
        self.emit(Instr::PushExcInfo);
        self.emit(Instr::WithExceptStart);
        if is_async {
            self.await_top(2);
        }
        self.unit().emit_jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise(2));
        self.unit().bind(suppress);
        self.emit(Instr::PopTop);
        self.unit().pop_handler();
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopTop);
        self.unit().emit_jump(Instr::JumpForward, exit);
        self.unit().bind(cleanup);
        self.pop_except_and_reraise();
        self.unit().bind(exit);
        Ok(())
    }

    /// `exit(None, None, None)` with the bound `__exit__` below the top.
    fn call_exit_with_nones(&mut self) {
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.emit(Instr::Call(2));
    }

    /// Emits the cleanup of every block a `return` (`loop_exit` None), `break` (Some(true)) or
    /// `continue` (Some(false)) leaves. `preserve_tos`: a return value sits on the stack.
    pub(crate) fn unwind_fblocks(
        &mut self,
        preserve_tos: bool,
        loop_exit: Option<bool>,
        span: Span,
    ) -> CResult {
        let saved_blocks = self.unit().fblocks.clone();
        let saved_lens = self.unit().fblock_handlers.clone();
        let saved_handlers = self.unit().handler_stack.clone();
        let saved_depth = self.unit().block_depth;
        let mut result = Ok(());
        for idx in (0..saved_blocks.len()).rev() {
            let block = saved_blocks[idx].clone();
            let is_loop = matches!(block, FBlock::While { .. } | FBlock::For { .. });
            if is_loop && loop_exit == Some(false) {
                break;
            }
            // Leaving this block: its handler (and inner ones) no longer protect the code.
            self.unit().handler_stack.truncate(saved_lens[idx]);
            self.unit().fblocks.truncate(idx);
            self.unit().fblock_handlers.truncate(idx);
            let depth: u32 = saved_blocks[..idx].iter().map(stack_contribution).sum();
            self.unit().block_depth = depth + u32::from(preserve_tos);
            result = self.unwind_one(&block, preserve_tos, span);
            if result.is_err() || (is_loop && loop_exit == Some(true)) {
                break;
            }
        }
        let unit = self.unit();
        unit.fblocks = saved_blocks;
        unit.fblock_handlers = saved_lens;
        unit.handler_stack = saved_handlers;
        unit.block_depth = saved_depth;
        result
    }

    fn unwind_one(&mut self, block: &FBlock, preserve_tos: bool, span: Span) -> CResult {
        match block {
            FBlock::While { .. } | FBlock::TryExcept => {}
            FBlock::For { .. } => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            FBlock::Finally { body } => {
                let body = body.clone();
                self.stmts(&body)?;
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            FBlock::With { is_async, span } => {
                self.set_line(*span);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.call_exit_with_nones();
                if *is_async {
                    self.await_top(2);
                }
                self.emit(Instr::PopTop);
            }
            FBlock::ExceptStar => {
                return Err(self.error(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    span,
                ));
            }
            FBlock::Handler { name } => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    self.clear_handler_name(n);
                }
            }
        }
        Ok(())
    }
}

/// Values a block keeps on the stack while its body runs.
fn stack_contribution(block: &FBlock) -> u32 {
    match block {
        FBlock::For { .. } | FBlock::With { .. } | FBlock::Handler { .. } => 1,
        FBlock::FinallyEnd => 3,
        FBlock::ExceptStar => 4,
        FBlock::While { .. } | FBlock::TryExcept | FBlock::Finally { .. } => 0,
    }
}

/// The whole `except` clause with its body, as compile.c locates a handler: a traceback
/// (or a syntax error's carets) runs to the end of its first line.
fn handler_clause(h: &crate::syntax::ast::ExceptHandler) -> crate::syntax::ast::Span {
    let end = h.body.last().map_or(h.span.end, |b| b.span.end);
    crate::syntax::ast::Span::new(h.span.start as usize, end as usize)
}
