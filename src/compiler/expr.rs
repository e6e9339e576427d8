//! Code generation for expressions, calls, conditions and f-strings.

use super::Compiler;
use super::bytecode::{BinaryOp, CompareOp, Instr};
use super::functions::CompElement;
use super::symtable::NameScope;
use super::unit::Label;
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxErr;
use crate::vm::objects::value::Value;

type CResult = Result<(), SyntaxErr>;

pub(crate) fn binary_op(op: BinOp) -> BinaryOp {
    match op {
        BinOp::Add => BinaryOp::Add,
        BinOp::Sub => BinaryOp::Subtract,
        BinOp::Mult => BinaryOp::Multiply,
        BinOp::MatMult => BinaryOp::MatrixMultiply,
        BinOp::Div => BinaryOp::TrueDivide,
        BinOp::Mod => BinaryOp::Remainder,
        BinOp::Pow => BinaryOp::Power,
        BinOp::LShift => BinaryOp::Lshift,
        BinOp::RShift => BinaryOp::Rshift,
        BinOp::BitOr => BinaryOp::Or,
        BinOp::BitXor => BinaryOp::Xor,
        BinOp::BitAnd => BinaryOp::And,
        BinOp::FloorDiv => BinaryOp::FloorDivide,
    }
}

/// A literal's value, for LOAD_CONST and constant folding.
pub(crate) fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Int(i) => Value::from_bigint(i.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Str(s) => Value::str(s),
        Constant::Bytes(b) => Value::Bytes(std::sync::Arc::new(b.clone())),
    }
}

/// Folds `-<number>` and tuples of constants, as CPython's AST optimizer does.
fn fold_constant(e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Constant(c) => Some(constant_value(c)),
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => match &operand.kind {
            ExprKind::Constant(Constant::Int(i)) => Some(Value::from_bigint(-i.clone())),
            ExprKind::Constant(Constant::Float(f)) => Some(Value::Float(-f)),
            _ => None,
        },
        ExprKind::Tuple(items) => {
            let values: Option<Vec<Value>> = items.iter().map(fold_constant).collect();
            values.map(Value::tuple)
        }
        _ => None,
    }
}

impl Compiler<'_> {
    pub(crate) fn expr(&mut self, e: &Expr) -> CResult {
        self.nest(e.span)?;
        let r = self.at_span(e.span, |c| c.expr_inner(e));
        self.unnest();
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult {
        if let Some(v) = fold_constant(e) {
            self.load_const(v);
            return Ok(());
        }
        match &e.kind {
            ExprKind::Constant(c) => {
                self.load_const(constant_value(c));
                Ok(())
            }
            ExprKind::Name(n) => {
                self.load_name(n);
                Ok(())
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.set_line(e.span);
                self.emit(Instr::BinaryOp(binary_op(*op)));
                Ok(())
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(match op {
                    UnaryOp::Not => Instr::UnaryNot,
                    UnaryOp::USub => Instr::UnaryNegative,
                    UnaryOp::UAdd => Instr::UnaryPositive,
                    UnaryOp::Invert => Instr::UnaryInvert,
                });
                Ok(())
            }
            ExprKind::BoolOp { op, values } => self.bool_op(*op, values),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators, e.span),
            ExprKind::IfExp { test, body, orelse } => {
                let else_label = self.unit().new_label();
                let end = self.unit().new_label();
                self.jump_if(test, false, else_label)?;
                self.expr(body)?;
                self.unit().emit_jump(Instr::JumpForward, end);
                self.unit().bind(else_label);
                self.expr(orelse)?;
                self.unit().bind(end);
                Ok(())
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords, e.span),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.set_line(e.span);
                let i = self.attr_name(attr);
                self.emit(Instr::LoadAttr(i << 1));
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.set_line(e.span);
                self.emit(Instr::BinarySubscr);
                Ok(())
            }
            ExprKind::List(items) => self.sequence(items, SeqKind::List),
            ExprKind::Tuple(items) => self.sequence(items, SeqKind::Tuple),
            ExprKind::Set(items) => self.sequence(items, SeqKind::Set),
            ExprKind::Dict { keys, values } => self.dict(keys, values),
            ExprKind::ListComp { elt, generators } => {
                self.comprehension("<listcomp>", generators, CompElement::List(elt), e.span)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension("<setcomp>", generators, CompElement::Set(elt), e.span)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(
                "<dictcomp>",
                generators,
                CompElement::Dict(key, value),
                e.span,
            ),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension("<genexpr>", generators, CompElement::Generator(elt), e.span)
            }
            ExprKind::Lambda { params, body } => self.lambda(params, body, e.span),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Copy(1));
                self.store_target(target)
            }
            ExprKind::Yield(v) => {
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                if self.unit_ref().flags & crate::compiler::bytecode::flags::COROUTINE != 0 {
                    self.emit(Instr::AsyncGenWrap);
                }
                self.emit(Instr::YieldValue(0));
                Ok(())
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Value::None);
                self.yield_from_loop();
                Ok(())
            }
            ExprKind::Await(v) => {
                self.expr(v)?;
                self.await_top(0);
                Ok(())
            }
            ExprKind::JoinedStr(parts) => self.fstring(parts),
            ExprKind::Starred(_) => Err(self.error("can't use starred expression here", e.span)),
            ExprKind::Slice { .. } => self.subscript_key(e),
        }
    }

    /// Awaits the object on top of the stack, leaving its result (`origin` as GET_AWAITABLE's:
    /// 0 `await`, 1 `__aenter__`, 2 `__aexit__`).
    pub(crate) fn await_top(&mut self, origin: u32) {
        self.emit(Instr::GetAwaitable(origin));
        self.load_const(Value::None);
        self.yield_from_loop();
    }

    /// `SEND` / `YIELD_VALUE` loop of `yield from` with [iter, value] on the stack.
    pub(crate) fn yield_from_loop(&mut self) {
        let send = self.unit().new_label();
        let exit = self.unit().new_label();
        self.unit().bind(send);
        self.unit().emit_jump(Instr::Send, exit);
        self.emit(Instr::YieldValue(1));
        self.unit().emit_jump(Instr::JumpBackwardNoInterrupt, send);
        self.unit().bind(exit);
    }

    pub(crate) fn subscript_key(&mut self, key: &Expr) -> CResult {
        match &key.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Value::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
                Ok(())
            }
            ExprKind::Tuple(items)
                if items
                    .iter()
                    .any(|i| matches!(i.kind, ExprKind::Slice { .. })) =>
            {
                for item in items {
                    self.subscript_key(item)?;
                }
                self.emit(Instr::BuildTuple(items.len() as u32));
                Ok(())
            }
            _ => self.expr(key),
        }
    }

    /// Jumps to `label` when `e` is truthy (`when == true`) or falsy.
    pub(crate) fn jump_if(&mut self, e: &Expr, when: bool, label: Label) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.jump_if(operand, !when, label),
            ExprKind::BoolOp { op, values } => {
                // `a and b` is false if any part is false; `a or b` true if any part is true.
                let short_circuits_to_label = (*op == BoolOp::And) != when;
                if short_circuits_to_label {
                    for v in values {
                        self.jump_if(v, when, label)?;
                    }
                } else {
                    let skip = self.unit().new_label();
                    let (last, init) = values
                        .split_last()
                        .ok_or_else(|| self.error("empty", e.span))?;
                    for v in init {
                        self.jump_if(v, !when, skip)?;
                    }
                    self.jump_if(last, when, label)?;
                    self.unit().bind(skip);
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                let make = if when {
                    Instr::PopJumpIfTrue
                } else {
                    Instr::PopJumpIfFalse
                };
                self.unit().emit_jump(make, label);
                Ok(())
            }
        }
    }

    fn bool_op(&mut self, op: BoolOp, values: &[Expr]) -> CResult {
        let end = self.unit().new_label();
        let make = match op {
            BoolOp::And => Instr::JumpIfFalseOrPop,
            BoolOp::Or => Instr::JumpIfTrueOrPop,
        };
        for (i, v) in values.iter().enumerate() {
            self.expr(v)?;
            if i + 1 < values.len() {
                self.unit().emit_jump(make, end);
            }
        }
        self.unit().bind(end);
        Ok(())
    }

    fn compare_instr(&mut self, op: CmpOp) {
        self.emit(match op {
            CmpOp::Eq => Instr::CompareOp(CompareOp::Eq),
            CmpOp::NotEq => Instr::CompareOp(CompareOp::Ne),
            CmpOp::Lt => Instr::CompareOp(CompareOp::Lt),
            CmpOp::LtE => Instr::CompareOp(CompareOp::Le),
            CmpOp::Gt => Instr::CompareOp(CompareOp::Gt),
            CmpOp::GtE => Instr::CompareOp(CompareOp::Ge),
            CmpOp::Is => Instr::IsOp(0),
            CmpOp::IsNot => Instr::IsOp(1),
            CmpOp::In => Instr::ContainsOp(0),
            CmpOp::NotIn => Instr::ContainsOp(1),
        });
    }

    fn compare(&mut self, left: &Expr, ops: &[CmpOp], rest: &[Expr], span: Span) -> CResult {
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&rest[0])?;
            self.set_line(span);
            self.compare_instr(ops[0]);
            return Ok(());
        }
        let cleanup = self.unit().new_label();
        let end = self.unit().new_label();
        for (i, (op, right)) in ops.iter().zip(rest).enumerate() {
            self.expr(right)?;
            if i + 1 < ops.len() {
                self.emit(Instr::Copy(1));
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.compare_instr(*op);
                self.unit().emit_jump(Instr::JumpIfFalseOrPop, cleanup);
            } else {
                self.compare_instr(*op);
            }
        }
        self.unit().emit_jump(Instr::JumpForward, end);
        self.unit().bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.unit().bind(end);
        Ok(())
    }

    fn call(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword], span: Span) -> CResult {
        if self.zero_arg_super(func, args, keywords)? {
            self.set_line(span);
            return Ok(());
        }
        let plain = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            && keywords.iter().all(|k| k.arg.is_some());
        match &func.kind {
            ExprKind::Attribute { value, attr } if plain => {
                self.expr(value)?;
                self.set_line(func.span);
                let i = self.attr_name(attr);
                self.emit(Instr::LoadAttr((i << 1) | 1));
            }
            ExprKind::Name(n)
                if matches!(self.name_op(n, super::NameOp::Load), Instr::LoadGlobal(_)) =>
            {
                let i = self.unit().add_name(n);
                self.emit(Instr::LoadGlobal((i << 1) | 1));
            }
            _ => {
                self.emit(Instr::PushNull);
                self.expr(func)?;
            }
        }
        self.call_args(args, keywords, 0, span)
    }

    /// `super()` inside a method becomes `super(__class__, <first argument>)`.
    fn zero_arg_super(
        &mut self,
        func: &Expr,
        args: &[Expr],
        keywords: &[Keyword],
    ) -> Result<bool, SyntaxErr> {
        let ExprKind::Name(n) = &func.kind else {
            return Ok(false);
        };
        if n != "super" || !args.is_empty() || !keywords.is_empty() || !self.is_function_unit() {
            return Ok(false);
        }
        if self.name_scope("super") != NameScope::GlobalImplicit {
            return Ok(false);
        }
        let Some(class_cell) = self.unit_ref().deref_index("__class__") else {
            return Ok(false);
        };
        let scope = &self.table.scopes[self.unit_ref().scope];
        let Some(first) = scope.params.first().cloned() else {
            return Ok(false);
        };
        let i = self.unit().add_name("super");
        self.emit(Instr::LoadGlobal((i << 1) | 1));
        self.emit(Instr::LoadDeref(class_cell));
        self.load_name(&first);
        self.emit(Instr::Call(2));
        Ok(true)
    }

    /// Emits the arguments and the CALL; `extra` positional arguments are already on the stack.
    pub(crate) fn call_args(
        &mut self,
        args: &[Expr],
        keywords: &[Keyword],
        extra: u32,
        span: Span,
    ) -> CResult {
        let starred = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        if starred {
            self.emit(Instr::BuildList(extra));
            for a in args {
                match &a.kind {
                    ExprKind::Starred(inner) => {
                        self.expr(inner)?;
                        self.emit(Instr::ListExtend(1));
                    }
                    _ => {
                        self.expr(a)?;
                        self.emit(Instr::ListAppend(1));
                    }
                }
            }
            self.emit(Instr::ListToTuple);
            if !keywords.is_empty() {
                self.emit(Instr::BuildMap(0));
                for k in keywords {
                    match &k.arg {
                        Some(name) => {
                            self.load_const(Value::str(name));
                            self.expr(&k.value)?;
                            self.emit(Instr::MapAdd(1));
                        }
                        None => {
                            self.expr(&k.value)?;
                            self.emit(Instr::DictMerge(1));
                        }
                    }
                }
            }
            self.set_line(span);
            self.emit(Instr::CallFunctionEx(u32::from(!keywords.is_empty())));
            return Ok(());
        }
        for a in args {
            self.expr(a)?;
        }
        for k in keywords {
            self.expr(&k.value)?;
        }
        self.set_line(span);
        if !keywords.is_empty() {
            let names: Vec<Value> = keywords
                .iter()
                .map(|k| Value::str(k.arg.as_deref().unwrap_or("")))
                .collect();
            let i = self.unit().add_const(Value::tuple(names));
            self.emit(Instr::KwNames(i));
        }
        self.emit(Instr::Call(extra + (args.len() + keywords.len()) as u32));
        Ok(())
    }

    fn sequence(&mut self, items: &[Expr], kind: SeqKind) -> CResult {
        let has_star = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if !has_star {
            for item in items {
                self.expr(item)?;
            }
            let n = items.len() as u32;
            self.emit(match kind {
                SeqKind::List => Instr::BuildList(n),
                SeqKind::Tuple => Instr::BuildTuple(n),
                SeqKind::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        let set = kind == SeqKind::Set;
        self.emit(if set {
            Instr::BuildSet(0)
        } else {
            Instr::BuildList(0)
        });
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(if set {
                        Instr::SetUpdate(1)
                    } else {
                        Instr::ListExtend(1)
                    });
                }
                _ => {
                    self.expr(item)?;
                    self.emit(if set {
                        Instr::SetAdd(1)
                    } else {
                        Instr::ListAppend(1)
                    });
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn dict(&mut self, keys: &[Option<Expr>], values: &[Expr]) -> CResult {
        if keys.iter().all(Option::is_some) {
            for (k, v) in keys.iter().zip(values) {
                if let Some(k) = k {
                    self.expr(k)?;
                }
                self.expr(v)?;
            }
            self.emit(Instr::BuildMap(keys.len() as u32));
            return Ok(());
        }
        self.emit(Instr::BuildMap(0));
        for (k, v) in keys.iter().zip(values) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(1));
                }
                None => {
                    self.expr(v)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> CResult {
        let mut count = 0u32;
        for part in parts {
            match part {
                FStringPart::Literal(s) => {
                    if s.is_empty() {
                        continue;
                    }
                    self.load_const(Value::str(s));
                }
                FStringPart::Field(f) => {
                    self.expr(&f.value)?;
                    let mut flags = match f.conversion {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        _ => 0,
                    };
                    if let Some(spec) = &f.spec {
                        self.fstring(spec)?;
                        flags |= 4;
                    }
                    self.emit(Instr::FormatValue(flags));
                }
            }
            count += 1;
        }
        if count == 0 {
            self.load_const(Value::str(""));
        } else if count > 1 {
            self.emit(Instr::BuildString(count));
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    List,
    Tuple,
    Set,
}
