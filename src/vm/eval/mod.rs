//! The bytecode loop (CPython's Python/ceval.c). Python-to-Python calls push frames onto a local
//! frame stack instead of recursing, so deep recursion costs heap, not native stack. The only
//! check point is `check_point!` — loop back-edges, RESUME and after native calls, as in 3.10+.

pub(crate) mod blocking;
mod breaker;
mod coro;
pub(crate) mod fast;
pub(crate) mod frame;
mod rare;
mod tracing;

use std::sync::Arc;

use crate::compiler::bytecode::{BinaryOp, CodeObject, Instr, Quick};
use crate::vm::context::Vm;
use crate::vm::eval::fast::{
    builtin_callee, drop_value, int_pair, quick, str_append_in_place, take_plain_callee,
};
use crate::vm::eval::frame::Frame;
use crate::vm::eval::rare::{Flow, RareError};
use crate::vm::objects::function::Function;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, TracebackEntry, name_error, unbound_local_error};

/// How a frame's run ended.
pub enum FrameExit {
    Return(Value),
    Yield(Value),
}

/// How a frame is (re)entered.
pub enum Resume {
    /// A fresh frame.
    Start,
    /// A generator resumed by `send(v)`/`next()`: `v` is the value of the `yield` expression.
    Send(Value),
    /// A generator resumed by `throw()`: the exception is raised at the `yield`.
    Throw(PyErr),
    /// Continue at `frame.pc` with the stack as it is.
    Continue,
}

/// What CALL produced: a value, or a Python frame to run inline.
pub enum CallOutcome {
    Value(Value),
    Frame(Frame),
}

/// A frame switch requested by the instruction loop.
enum Switch {
    Call(Frame),
    /// A call of a `plain_call` function with its exact positional arguments, which are the
    /// top `usize` values of the caller's stack.
    PlainCall(Arc<Function>, usize),
    Return(Value),
}

/// Why the instruction loop stopped.
enum Exit {
    /// An exception; `traceback` is false for RERAISE (the frame is already in the traceback).
    Error(PyErr, bool),
    Done(FrameExit),
}

impl Vm {
    /// Runs `frame` until it returns or yields. Inline callees live on a local frame stack.
    pub fn run_frame(&self, frame: &mut Frame, resume: Resume) -> PyResult<FrameExit> {
        self.enter_frame()?;
        // Inline callees are pushed on `callees`; the executing frame is the last callee, or
        // `frame` when there is none. Returns, yields and uncaught errors leave only from
        // `frame` itself.
        // Empty until the first inline call (a generator's resumption usually makes none).
        let mut callees: Vec<Frame> = Vec::new();
        let mut pending: Option<PyErr> = None;
        match resume {
            Resume::Start | Resume::Continue => {}
            Resume::Send(v) => frame.push(v),
            Resume::Throw(e) => pending = Some(e),
        }
        let result = loop {
            let exit = match pending.take() {
                Some(e) => Exit::Error(e, true),
                None => {
                    let counting = self.tally.counting;
                    match (self.needs_per_instruction(), counting) {
                        (true, true) => self.execute::<true, true>(frame, &mut callees),
                        (true, false) => self.execute::<true, false>(frame, &mut callees),
                        (false, true) => self.execute::<false, true>(frame, &mut callees),
                        (false, false) => self.execute::<false, false>(frame, &mut callees),
                    }
                }
            };
            match exit {
                Exit::Done(done) => break Ok(done),
                Exit::Error(err, add_traceback) => {
                    // An exception raised (not re-raised) while another is being handled
                    // gets it as its implicit __context__ (Python/errors.c
                    // `_PyErr_SetObject`), whatever raised it: a `raise`, a failed
                    // operation, a call into native code.
                    if add_traceback {
                        self.attach_context(&err);
                    }
                    if let Err(e) = self.unwind(frame, &mut callees, err, add_traceback) {
                        break Err(e);
                    }
                }
            }
        };
        debug_assert!(callees.is_empty());
        self.give_callees(callees);
        self.leave_frame();
        result
    }

    /// Finds a handler for `err` in the executing frame or, popping them, its callers; on
    /// success the frame to resume has its pc at the handler.
    fn unwind(
        &self,
        base: &mut Frame,
        callees: &mut Vec<Frame>,
        err: PyErr,
        add_traceback: bool,
    ) -> PyResult<()> {
        let mut add = add_traceback;
        loop {
            let current = match callees.last_mut() {
                Some(f) => f,
                None => &mut *base,
            };
            let raised_at = current.pc.saturating_sub(1);
            if add {
                err.push_traceback(TracebackEntry {
                    filename: current.func.code.filename.clone(),
                    line: current.func.code.line_at(raised_at),
                    name: current.func.code.name.clone(),
                    position: current.func.code.position_at(raised_at),
                });
            }
            add = true;
            // A stopped thread (a killed process, a run past its --timeout) runs no more
            // Python code: no `except`, no `finally`, as a signal ends a process.
            let handler = if self.thread.stopping() {
                None
            } else {
                current.func.code.handler_for(raised_at).copied()
            };
            if let Some(entry) = handler {
                current.truncate_stack(entry.depth as usize);
                if entry.lasti {
                    current.push(Value::Int(raised_at as i64));
                }
                current.push(err.value());
                current.pc = entry.target as usize;
                // A handler caught an error that unwound a deep recursion (a MemoryError
                // or RecursionError under a huge recursion limit): give the frame stack's
                // room back, or the program stays over the memory limit it just recovered
                // from.
                if callees.capacity() > 4096 && callees.len() < callees.capacity() / 4 {
                    callees.shrink_to(callees.len() * 2);
                }
                return Ok(());
            }
            match callees.pop() {
                Some(callee) => {
                    self.leave_frame();
                    self.recycle_frame(callee);
                    if let Some(caller) = callees.last_mut() {
                        caller.kwnames = None;
                    } else {
                        base.kwnames = None;
                    }
                }
                None => return Err(err),
            }
        }
    }

    /// The instruction loop for the current frame.
    #[inline(never)]
    /// `PER_OP`: the `every-op`/`ticks:N` policies — check between instructions and run the
    /// plain (unfused) instruction stream, so every instruction boundary is a switch point.
    /// `COUNT`: every instruction is counted for the scheduler (simulated mode's virtual
    /// clock; a superinstruction as the instructions it stands for).
    fn execute<const PER_OP: bool, const COUNT: bool>(
        &self,
        base: &mut Frame,
        callees: &mut Vec<Frame>,
    ) -> Exit {
        // Calls and returns push/pop `callees` and continue this outer loop, so a Python
        // call costs no native call of this (large) function.
        // Set when an inline `__init__` returned: `cls(...)` is a native call in CPython
        // 3.11/3.12, and the eval breaker is checked after it as after any native call.
        let mut check_after_call = false;
        loop {
            let switch = {
                let frame: &mut Frame = match callees.last_mut() {
                    Some(f) => f,
                    None => &mut *base,
                };
                // `code` and `instrs` borrow the frame's code (no `Arc` clone: an atomic
                // increment per frame switch). Instructions that need the whole frame
                // mutably end the borrow and `reborrow!` it afterwards.
                let mut code: &Arc<CodeObject> = &frame.func.code;
                let mut instrs: &[Instr] = if PER_OP {
                    &code.instructions
                } else {
                    &code.quick
                };
                let mut pc = frame.pc;

                macro_rules! reborrow {
                    () => {{
                        code = &frame.func.code;
                        instrs = if PER_OP {
                            &code.instructions
                        } else {
                            &code.quick
                        };
                    }};
                }

                macro_rules! fail {
                    ($e:expr) => {{
                        frame.pc = pc;
                        return Exit::Error($e, true);
                    }};
                }
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => fail!(e),
                        }
                    };
                }
                macro_rules! check_point {
                    () => {
                        if self.thread.pending() {
                            frame.pc = pc;
                            tri!(self.handle_eval_breaker());
                        }
                    };
                }
                macro_rules! pop {
                    () => {
                        match frame.slots.pop() {
                            Some(v) => v,
                            None => Value::Null,
                        }
                    };
                }
                macro_rules! push {
                    ($v:expr) => {
                        frame.slots.push($v)
                    };
                }
                // Pops the condition of POP_JUMP_IF_FALSE/TRUE: a bool directly, else `bool(v)`.
                macro_rules! pop_truth {
                    () => {{
                        let v = pop!();
                        match v {
                            Value::Bool(b) => {
                                std::mem::forget(v);
                                b
                            }
                            other => {
                                frame.pc = pc;
                                tri!(self.is_true(&other))
                            }
                        }
                    }};
                }

                if check_after_call {
                    check_after_call = false;
                    check_point!();
                }
                loop {
                    let Some(&instr) = instrs.get(pc) else {
                        fail!(crate::vm::pyerr::system_error(
                            "instruction pointer out of range"
                        ));
                    };
                    pc += 1;
                    if COUNT && !matches!(instr, Instr::Quick(_)) {
                        self.tally.count(1);
                    }
                    if PER_OP {
                        frame.pc = pc - 1;
                        self.tally.in_stdlib.set(code.stdlib);
                        if self.tracing {
                            self.trace_instruction(code, pc - 1);
                        }
                        tri!(self.per_instruction_check());
                    }
                    if cfg!(debug_assertions) && std::env::var_os("GILSIM_TRACE_OPS").is_some() {
                        eprintln!(
                            "{:>4} {:?} stack={:?}",
                            pc - 1,
                            instr,
                            &frame.slots[frame.nlocals..]
                        );
                    }
                    match instr {
                        Instr::Nop => {}
                        Instr::Resume(_) => check_point!(),
                        Instr::LoadFast(i) => {
                            let v = tri!(load_fast(&frame.slots, code, i));
                            push!(v);
                        }
                        Instr::StoreFast(i) => {
                            let v = pop!();
                            let old = std::mem::replace(&mut frame.slots[i as usize], v);
                            drop_value(old);
                        }
                        Instr::DeleteFast(i) => {
                            if frame.slots[i as usize].is_null() {
                                fail!(unbound_local(code, i));
                            }
                            frame.slots[i as usize] = Value::Null;
                        }
                        Instr::LoadConst(i) => {
                            let v = &code.consts[i as usize];
                            match v {
                                Value::Int(n) => {
                                    let n = *n;
                                    push!(Value::Int(n));
                                }
                                _ => {
                                    let v = v.clone();
                                    push!(v);
                                }
                            }
                        }
                        Instr::ReturnConst(i) => {
                            let v = code.consts[i as usize].clone();
                            frame.pc = pc;
                            break Switch::Return(v);
                        }
                        Instr::ReturnValue => {
                            let v = pop!();
                            frame.pc = pc;
                            break Switch::Return(v);
                        }
                        Instr::PopTop => {
                            let v = pop!();
                            drop_value(v);
                        }
                        Instr::PushNull => push!(Value::Null),
                        Instr::Copy(n) => {
                            let v = frame.peek(n as usize - 1).clone();
                            push!(v);
                        }
                        Instr::Swap(n) => {
                            let len = frame.slots.len();
                            frame.slots.swap(len - 1, len - n as usize);
                        }
                        Instr::BinaryOp(op) => {
                            if let Some(r) = int_pair(&frame.slots)
                                .and_then(|(x, y)| crate::vm::protocols::ops::int_fast(x, y, op))
                            {
                                // Both operands are ints: replace them in place (no drop glue).
                                std::mem::forget(frame.slots.pop());
                                let len = frame.slots.len();
                                std::mem::forget(std::mem::replace(&mut frame.slots[len - 1], r));
                                continue;
                            }
                            if matches!(op, BinaryOp::Add | BinaryOp::InplaceAdd)
                                && str_append_in_place(&mut frame.slots, code, pc)
                            {
                                continue;
                            }
                            let b = pop!();
                            let a = pop!();
                            frame.pc = pc;
                            let v = tri!(self.binary_op(a, b, op));
                            push!(v);
                        }
                        Instr::CompareOp(op) => {
                            if let Some((x, y)) = int_pair(&frame.slots) {
                                std::mem::forget(frame.slots.pop());
                                let len = frame.slots.len();
                                let r = Value::Bool(crate::vm::protocols::ops::cmp_i64(x, y, op));
                                std::mem::forget(std::mem::replace(&mut frame.slots[len - 1], r));
                                continue;
                            }
                            let b = pop!();
                            let a = pop!();
                            frame.pc = pc;
                            let r = tri!(self.rich_compare(&a, &b, op));
                            push!(r);
                        }
                        Instr::PopJumpIfFalse(t) => {
                            if !pop_truth!() {
                                pc = t as usize;
                            }
                        }
                        Instr::PopJumpIfTrue(t) => {
                            if pop_truth!() {
                                pc = t as usize;
                            }
                        }
                        Instr::JumpBackward(t) => {
                            pc = t as usize;
                            check_point!();
                        }
                        Instr::JumpForward(t) | Instr::JumpBackwardNoInterrupt(t) => {
                            pc = t as usize
                        }
                        Instr::ForIter(t) => {
                            frame.pc = pc;
                            match tri!(self.for_iter_next(frame)) {
                                Some(v) => push!(v),
                                None => {
                                    pop!();
                                    pc = t as usize;
                                }
                            }
                        }
                        Instr::LoadGlobal(arg) => {
                            let Value::Str(name) = &code.names[(arg >> 1) as usize] else {
                                fail!(crate::vm::pyerr::system_error("bad name"));
                            };
                            let v = match self.load_global_cached(
                                code,
                                pc,
                                &frame.func.globals,
                                name,
                            ) {
                                Some(v) => v,
                                None => fail!(name_error(format!(
                                    "name '{}' is not defined",
                                    name.as_str()
                                ))),
                            };
                            if arg & 1 != 0 {
                                push!(Value::Null);
                            }
                            push!(v);
                        }
                        Instr::YieldValue(_) => {
                            let v = pop!();
                            frame.pc = pc;
                            return Exit::Done(FrameExit::Yield(v));
                        }
                        Instr::BinarySubscr => {
                            // list[int] and tuple[int] without a detour through the protocol code.
                            let len = frame.slots.len();
                            let fast = match (&frame.slots[len - 2], &frame.slots[len - 1]) {
                                (Value::List(l), Value::Int(i)) => {
                                    let items = l.items.read();
                                    let n = items.len() as i64;
                                    let j = if *i < 0 { i + n } else { *i };
                                    (0..n).contains(&j).then(|| items[j as usize].clone())
                                }
                                (Value::Tuple(t), Value::Int(i)) => {
                                    let n = t.items.len() as i64;
                                    let j = if *i < 0 { i + n } else { *i };
                                    (0..n).contains(&j).then(|| t.items[j as usize].clone())
                                }
                                _ => None,
                            };
                            let key = pop!();
                            let obj = pop!();
                            let v = match fast {
                                Some(v) => {
                                    drop_value(key);
                                    v
                                }
                                None => {
                                    frame.pc = pc;
                                    tri!(self.getitem(&obj, &key))
                                }
                            };
                            push!(v);
                        }
                        Instr::ListAppend(i) => {
                            let v = pop!();
                            fast::list_append(&frame.slots, i, v);
                        }
                        Instr::GetIter => {
                            let v = pop!();
                            frame.pc = pc;
                            let it = tri!(self.get_iter(&v));
                            push!(it);
                        }
                        Instr::LoadName(i) => {
                            let Some(Value::Str(name)) = code.names.get(i as usize) else {
                                fail!(crate::vm::pyerr::system_error("bad name"));
                            };
                            let v = match frame.locals.as_ref().and_then(|ns| ns.get_name(name)) {
                                Some(v) => v,
                                None => tri!(self.load_name(frame, name)),
                            };
                            push!(v);
                        }
                        Instr::StoreName(i) => {
                            let Some(Value::Str(name)) = code.names.get(i as usize) else {
                                fail!(crate::vm::pyerr::system_error("bad name"));
                            };
                            let v = pop!();
                            match &frame.locals {
                                Some(ns) => ns.set_name(name, v),
                                None => frame.func.globals.set_name(name, v),
                            }
                        }
                        Instr::StoreGlobal(i) => {
                            let Some(Value::Str(name)) = code.names.get(i as usize) else {
                                fail!(crate::vm::pyerr::system_error("bad name"));
                            };
                            let v = pop!();
                            frame.func.globals.set_name(name, v);
                        }
                        Instr::LoadAttr(arg) => {
                            let Some(Value::Str(name)) = code.names.get((arg >> 1) as usize) else {
                                fail!(crate::vm::pyerr::system_error("bad name"));
                            };
                            let obj = pop!();
                            frame.pc = pc;
                            if arg & 1 == 0 {
                                let v = tri!(self.getattr(&obj, name));
                                push!(v);
                            } else {
                                match tri!(self.load_method(&obj, name)) {
                                    // The object itself becomes the receiver: moved, not
                                    // cloned and dropped.
                                    (method, true) => {
                                        push!(method);
                                        push!(obj);
                                    }
                                    (attr, false) => {
                                        push!(Value::Null);
                                        push!(attr);
                                    }
                                }
                            }
                        }
                        Instr::Call(argc) => {
                            frame.pc = pc;
                            if let Some(func) =
                                take_plain_callee(&mut frame.slots, frame.kwnames, argc as usize)
                            {
                                if let Err(e) = self.enter_frame() {
                                    fail!(e);
                                }
                                break Switch::PlainCall(func, argc as usize);
                            }
                            if let Some((native, start)) = builtin_callee(frame, argc as usize) {
                                let r = fast::call_native(self, native, &frame.slots[start..]);
                                let v = tri!(r);
                                frame.slots.truncate(frame.slots.len() - argc as usize - 2);
                                if matches!(&v, Value::Generator(_)) {
                                    self.note_coroutine_origin_of(&v, frame);
                                }
                                push!(v);
                                check_point!();
                                continue;
                            }
                            let outcome = self.call_from_frame(frame, argc as usize);
                            reborrow!();
                            match tri!(outcome) {
                                CallOutcome::Value(v) => {
                                    push!(v);
                                    check_point!();
                                }
                                CallOutcome::Frame(callee) => {
                                    if let Err(e) = self.enter_frame() {
                                        fail!(e);
                                    }
                                    if callee.func.code.stdlib {
                                        self.note_caller(code, pc);
                                    }
                                    break Switch::Call(callee);
                                }
                            }
                        }
                        Instr::Quick(q) => {
                            if let Some(next) = quick(&mut frame.slots, code, q, pc, instrs) {
                                if COUNT {
                                    self.tally
                                        .count(crate::vm::eval::fast::quick_weight(q, pc, next));
                                }
                                let backward = next < pc;
                                pc = next;
                                if backward
                                    && matches!(
                                        q,
                                        Quick::FastConstCompareJump(..)
                                            | Quick::FastImmCompareJump(..)
                                            | Quick::FastFastCompareJump(..)
                                    )
                                {
                                    check_point!();
                                } else if let Some(&Instr::JumpBackward(t)) = instrs.get(pc) {
                                    // A loop body ending in a superinstruction takes its
                                    // JUMP_BACKWARD (and check point) here, without a dispatch.
                                    if COUNT {
                                        self.tally.count(1);
                                    }
                                    pc = t as usize;
                                    check_point!();
                                }
                                continue;
                            }
                            // `self.x`: the attribute of a local read in place (off the int
                            // fast paths above, which it would only slow down).
                            if let Quick::FastAttr(local, name) = q
                                && !frame.slots[local as usize].is_null()
                            {
                                if COUNT {
                                    self.tally.count(2);
                                }
                                let Some(Value::Str(name)) = code.names.get(name as usize) else {
                                    fail!(crate::vm::pyerr::system_error("bad name"));
                                };
                                // An error is raised at the LOAD_ATTR (its line, if the
                                // expression spans two).
                                pc += 1;
                                frame.pc = pc;
                                let v = tri!(self.getattr(&frame.slots[local as usize], name));
                                push!(v);
                                continue;
                            }
                            if let Some(method) = fast::fused_method(self, &frame.slots, code, q) {
                                let covered = fast::fused_call_length(q);
                                if COUNT {
                                    self.tally.count(covered);
                                }
                                // At the CALL, for its errors and any frame it runs.
                                pc += covered as usize - 1;
                                frame.pc = pc;
                                let v = tri!(fast::call_fused(self, method, &frame.slots, q));
                                push!(v);
                                check_point!();
                                // As a statement (`l.append(x)`): its POP_TOP, undispatched.
                                if let Some(Instr::PopTop) = instrs.get(pc) {
                                    pc += 1;
                                    if COUNT {
                                        self.tally.count(1);
                                    }
                                    drop_value(pop!());
                                }
                                continue;
                            }
                            if let Quick::ForIterUnpack2(exit) = q
                                && let Some(step) = fast::enumerate_pair(self, &frame.slots)
                            {
                                frame.pc = pc;
                                let next =
                                    fast::unpack_step(&mut frame.slots, tri!(step), pc, exit);
                                if COUNT {
                                    self.tally.count(fast::quick_weight(q, pc, next));
                                }
                                pc = next;
                                continue;
                            }
                            // Slow path: run the sequence's first instruction as written, with
                            // the same body as the plain instruction's arm above.
                            if COUNT {
                                self.tally.count(1);
                            }
                            frame.pc = pc;
                            match code.instructions.get(pc - 1).copied() {
                                Some(Instr::LoadFast(i)) => {
                                    let v = tri!(load_fast(&frame.slots, code, i));
                                    push!(v);
                                }
                                Some(Instr::ForIter(t)) => match tri!(self.for_iter_next(frame)) {
                                    Some(v) => push!(v),
                                    None => {
                                        pop!();
                                        pc = t as usize;
                                    }
                                },
                                _ => {
                                    fail!(crate::vm::pyerr::system_error(
                                        "bad quickened instruction"
                                    ))
                                }
                            }
                        }
                        other => {
                            frame.pc = pc;
                            let flow = self.execute_rare(frame, other);
                            reborrow!();
                            match flow {
                                Ok(Flow::Next) => pc = frame.pc,
                                Ok(Flow::Jump(t)) => pc = t,
                                Ok(Flow::CheckPoint) => {
                                    pc = frame.pc;
                                    check_point!();
                                }
                                Err(RareError::Raise(e)) => return Exit::Error(e, true),
                                Err(RareError::Reraise(e)) => return Exit::Error(e, false),
                            }
                        }
                    }
                }
            };
            match switch {
                Switch::Call(callee) => self.push_callee(callees, callee),
                Switch::PlainCall(func, argc) => {
                    let caller = match callees.last_mut() {
                        Some(f) => f,
                        None => &mut *base,
                    };
                    let callee = self.plain_frame(caller, func, argc);
                    self.push_callee(callees, callee);
                }
                Switch::Return(v) => {
                    // RETURN_VALUE: hand the value to the inline caller, or finish the run.
                    let Some(callee) = callees.pop() else {
                        return Exit::Done(FrameExit::Return(v));
                    };
                    self.leave_frame();
                    let mut callee = callee;
                    let constructing = callee.constructing.take();
                    self.recycle_frame(callee);
                    let v = match constructing {
                        None => v,
                        Some(instance) => match constructed(instance, v) {
                            Ok(instance) => {
                                check_after_call = true;
                                instance
                            }
                            // Raised in the caller, at the line of its CALL.
                            Err(e) => return Exit::Error(e, true),
                        },
                    };
                    match callees.last_mut() {
                        Some(caller) => caller.push(v),
                        None => base.push(v),
                    }
                }
            }
        }
    }
}

/// What `cls(...)` produces when its inline `__init__` returned `returned`: the instance,
/// or CPython's TypeError for an `__init__` that returned something else.
fn constructed(instance: Value, returned: Value) -> Result<Value, PyErr> {
    if returned.is_none() {
        return Ok(instance);
    }
    Err(crate::vm::pyerr::type_error(format!(
        "__init__() should return None, not '{}'",
        crate::vm::objects::types::type_name(&returned)
    )))
}

/// LOAD_FAST: the local's value (an int copied without touching a reference count), or
/// UnboundLocalError.
#[inline(always)]
fn load_fast(slots: &[Value], code: &CodeObject, i: u32) -> Result<Value, PyErr> {
    match &slots[i as usize] {
        Value::Int(n) => Ok(Value::Int(*n)),
        Value::Null => Err(unbound_local(code, i)),
        v => Ok(v.clone()),
    }
}

impl Vm {
    /// FOR_ITER: the next value of the iterator on top of the stack, None when exhausted
    /// (a native iterator stepped directly, anything else through `__next__`).
    #[inline(always)]
    fn for_iter_next(&self, frame: &Frame) -> PyResult<Option<Value>> {
        // The iterator is borrowed from the frame, not cloned (two atomic instructions per
        // step): nothing can pop it while this frame waits for the step.
        match frame.top() {
            Value::Iter(it) => it.next(self),
            other => self.iter_next(other),
        }
    }
}

fn unbound_local(code: &CodeObject, i: u32) -> PyErr {
    let name = code.varnames.get(i as usize).map_or("?", |n| &**n);
    unbound_local_error(format!(
        "cannot access local variable '{name}' where it is not associated with a value"
    ))
}
