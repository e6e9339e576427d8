//! The bytecode loop (CPython's Python/ceval.c). Python-to-Python calls push frames onto a local
//! frame stack instead of recursing, so deep recursion costs heap, not native stack. The only
//! check point is `check_point!` — loop back-edges, RESUME and after native calls, as in 3.10+.

use std::sync::{Arc, LazyLock};

use super::context::Vm;
use super::dict::Dict;
use super::errors::{PyErr, PyResult, TracebackEntry, name_error, unbound_local_error};
use super::frame::Frame;
use super::value::Value;
use crate::compiler::bytecode::{CodeObject, Instr};

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

static EMPTY_CODE: LazyLock<Arc<CodeObject>> = LazyLock::new(|| {
    Arc::new(CodeObject {
        name: "<empty>".into(),
        qualname: "<empty>".into(),
        filename: "<empty>".into(),
        first_line: 0,
        instructions: Box::new([]),
        lines: Box::new([]),
        consts: Box::new([]),
        names: Box::new([]),
        varnames: Box::new([]),
        cellvars: Box::new([]),
        freevars: Box::new([]),
        cell_args: Box::new([]),
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        flags: 0,
        exception_table: Box::new([]),
        max_stack: 0,
        docstring: None,
    })
});
static EMPTY_DICT: LazyLock<Arc<Dict>> = LazyLock::new(|| Arc::new(Dict::new()));

/// A frame that never runs: the slot left behind while the real frame executes.
fn placeholder() -> Frame {
    Frame {
        code: EMPTY_CODE.clone(),
        pc: 0,
        slots: Vec::new(),
        nlocals: 0,
        cells: Vec::new(),
        globals: EMPTY_DICT.clone(),
        locals: None,
        kwnames: None,
    }
}

/// Why the instruction loop stopped.
enum Exit {
    /// An exception; `traceback` is false for RERAISE (the frame is already in the traceback).
    Error(PyErr, bool),
    /// A new frame was pushed, or a handler/return switched frames: reload and continue.
    Switch,
    Done(FrameExit),
}

impl Vm {
    /// Runs `frame` until it returns or yields. Inline callees live on a local frame stack.
    pub fn run_frame(&self, frame: &mut Frame, resume: Resume) -> PyResult<FrameExit> {
        self.enter_frame()?;
        let saved_hint = self.frame_hint.borrow().clone();
        self.set_frame_hint(frame);
        let mut current = std::mem::replace(frame, placeholder());
        let mut callers: Vec<Frame> = Vec::new();
        let mut pending: Option<PyErr> = None;
        match resume {
            Resume::Start | Resume::Continue => {}
            Resume::Send(v) => current.push(v),
            Resume::Throw(e) => pending = Some(e),
        }
        let result = loop {
            let exit = match pending.take() {
                Some(e) => Exit::Error(e, true),
                None => self.execute(&mut current, &mut callers),
            };
            match exit {
                Exit::Switch => self.set_frame_hint(&current),
                Exit::Done(done) => break Ok(done),
                Exit::Error(err, add_traceback) => {
                    match self.unwind(&mut current, &mut callers, err, add_traceback) {
                        Ok(()) => self.set_frame_hint(&current),
                        Err(e) => break Err(e),
                    }
                }
            }
        };
        // Inline callers left over (an error escaped all of them) give back their depth.
        for _ in callers.drain(..) {
            self.leave_frame();
        }
        *frame = current;
        *self.frame_hint.borrow_mut() = saved_hint;
        self.leave_frame();
        result
    }

    /// Finds a handler for `err` in the current frame or its inline callers; on success the
    /// frame to resume is in `current` with its pc at the handler.
    fn unwind(
        &self,
        current: &mut Frame,
        callers: &mut Vec<Frame>,
        err: PyErr,
        add_traceback: bool,
    ) -> PyResult<()> {
        let mut add = add_traceback;
        loop {
            let raised_at = current.pc.saturating_sub(1);
            if add {
                err.push_traceback(TracebackEntry {
                    filename: current.code.filename.clone(),
                    line: current.code.line_at(raised_at),
                    name: current.code.name.clone(),
                });
            }
            add = true;
            if let Some(entry) = current.code.handler_for(raised_at).copied() {
                current.truncate_stack(entry.depth as usize);
                if entry.lasti {
                    current.push(Value::Int(raised_at as i64));
                }
                current.push(err.value());
                current.pc = entry.target as usize;
                return Ok(());
            }
            match callers.pop() {
                Some(caller) => {
                    self.leave_frame();
                    *current = caller;
                    current.kwnames = None;
                }
                None => return Err(err),
            }
        }
    }

    /// The instruction loop for the current frame.
    #[inline(never)]
    fn execute(&self, frame: &mut Frame, callers: &mut Vec<Frame>) -> Exit {
        let code = frame.code.clone();
        let instrs: &[Instr] = &code.instructions;
        let mut pc = frame.pc;

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
                frame.pop()
            };
        }
        macro_rules! push {
            ($v:expr) => {
                frame.slots.push($v)
            };
        }

        loop {
            let Some(&instr) = instrs.get(pc) else {
                fail!(super::errors::system_error(
                    "instruction pointer out of range"
                ));
            };
            pc += 1;
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
                    let v = &frame.slots[i as usize];
                    if let Value::Int(n) = v {
                        let n = *n;
                        push!(Value::Int(n));
                    } else if v.is_null() {
                        fail!(unbound_local(&code, i));
                    } else {
                        let v = v.clone();
                        push!(v);
                    }
                }
                Instr::StoreFast(i) => {
                    let v = pop!();
                    frame.slots[i as usize] = v;
                }
                Instr::DeleteFast(i) => {
                    if frame.slots[i as usize].is_null() {
                        fail!(unbound_local(&code, i));
                    }
                    frame.slots[i as usize] = Value::Null;
                }
                Instr::LoadConst(i) => {
                    let v = code.consts[i as usize].clone();
                    push!(v);
                }
                Instr::ReturnConst(i) => {
                    let v = code.consts[i as usize].clone();
                    frame.pc = pc;
                    return self.return_value(frame, callers, v);
                }
                Instr::ReturnValue => {
                    let v = pop!();
                    frame.pc = pc;
                    return self.return_value(frame, callers, v);
                }
                Instr::PopTop => {
                    pop!();
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
                    let b = pop!();
                    let a = pop!();
                    let r = match (&a, &b) {
                        (Value::Int(x), Value::Int(y)) => super::ops::int_fast(*x, *y, op),
                        _ => None,
                    };
                    match r {
                        Some(v) => push!(v),
                        None => {
                            frame.pc = pc;
                            let v = tri!(self.binary_op(a, b, op));
                            push!(v);
                        }
                    }
                }
                Instr::CompareOp(op) => {
                    let b = pop!();
                    let a = pop!();
                    let r = match (&a, &b) {
                        (Value::Int(x), Value::Int(y)) => {
                            Value::Bool(super::ops::cmp_i64(*x, *y, op))
                        }
                        _ => {
                            frame.pc = pc;
                            tri!(self.rich_compare(&a, &b, op))
                        }
                    };
                    push!(r);
                }
                Instr::PopJumpIfFalse(t) => {
                    let v = pop!();
                    let truth = match v {
                        Value::Bool(b) => b,
                        other => {
                            frame.pc = pc;
                            tri!(self.is_true(&other))
                        }
                    };
                    if !truth {
                        pc = t as usize;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let v = pop!();
                    let truth = match v {
                        Value::Bool(b) => b,
                        other => {
                            frame.pc = pc;
                            tri!(self.is_true(&other))
                        }
                    };
                    if truth {
                        pc = t as usize;
                    }
                }
                Instr::JumpBackward(t) => {
                    pc = t as usize;
                    check_point!();
                }
                Instr::JumpForward(t) | Instr::JumpBackwardNoInterrupt(t) => pc = t as usize,
                Instr::ForIter(t) => {
                    let next = match frame.top() {
                        Value::Iter(it) => {
                            let it = it.clone();
                            frame.pc = pc;
                            tri!(it.next(self))
                        }
                        other => {
                            let other = other.clone();
                            frame.pc = pc;
                            tri!(self.iter_next(&other))
                        }
                    };
                    match next {
                        Some(v) => push!(v),
                        None => {
                            pop!();
                            pc = t as usize;
                        }
                    }
                }
                Instr::LoadGlobal(arg) => {
                    let Value::Str(name) = &code.names[(arg >> 1) as usize] else {
                        fail!(super::errors::system_error("bad name"));
                    };
                    let v = match frame.globals.get_name(name) {
                        Some(v) => v,
                        None => match self.builtins().get_name(name) {
                            Some(v) => v,
                            None => fail!(name_error(format!(
                                "name '{}' is not defined",
                                name.as_str()
                            ))),
                        },
                    };
                    if arg & 1 != 0 {
                        push!(Value::Null);
                    }
                    push!(v);
                }
                Instr::Call(argc) => {
                    frame.pc = pc;
                    match tri!(self.call_from_frame(frame, argc as usize)) {
                        CallOutcome::Value(v) => {
                            push!(v);
                            check_point!();
                        }
                        CallOutcome::Frame(callee) => {
                            if let Err(e) = self.enter_frame() {
                                fail!(e);
                            }
                            callers.push(std::mem::replace(frame, callee));
                            return Exit::Switch;
                        }
                    }
                }
                other => {
                    frame.pc = pc;
                    match self.execute_rare(frame, other) {
                        Ok(Flow::Next) => pc = frame.pc,
                        Ok(Flow::Jump(t)) => pc = t,
                        Ok(Flow::CheckPoint) => {
                            pc = frame.pc;
                            check_point!();
                        }
                        Ok(Flow::Yield(v)) => {
                            frame.pc = pc;
                            return Exit::Done(FrameExit::Yield(v));
                        }
                        Err(RareError::Raise(e)) => return Exit::Error(e, true),
                        Err(RareError::Reraise(e)) => return Exit::Error(e, false),
                    }
                }
            }
        }
    }

    /// RETURN_VALUE: hand the value to the inline caller, or finish the run.
    fn return_value(&self, frame: &mut Frame, callers: &mut Vec<Frame>, v: Value) -> Exit {
        match callers.pop() {
            Some(caller) => {
                self.leave_frame();
                *frame = caller;
                frame.push(v);
                Exit::Switch
            }
            None => Exit::Done(FrameExit::Return(v)),
        }
    }

    /// Lookup of `*_NAME` instructions: the namespace, then globals, then builtins.
    pub(crate) fn load_name(
        &self,
        frame: &Frame,
        name: &Arc<super::pystr::PyStr>,
    ) -> PyResult<Value> {
        if let Some(locals) = &frame.locals
            && let Some(v) = locals.get_name(name)
        {
            return Ok(v);
        }
        if let Some(v) = frame.globals.get_name(name) {
            return Ok(v);
        }
        self.builtins()
            .get_name(name)
            .ok_or_else(|| name_error(format!("name '{}' is not defined", name.as_str())))
    }
}

/// What a rare instruction asks the loop to do next.
pub(crate) enum Flow {
    Next,
    Jump(usize),
    CheckPoint,
    Yield(Value),
}

pub(crate) enum RareError {
    Raise(PyErr),
    Reraise(PyErr),
}

impl From<PyErr> for RareError {
    fn from(e: PyErr) -> RareError {
        RareError::Raise(e)
    }
}

fn unbound_local(code: &CodeObject, i: u32) -> PyErr {
    let name = code.varnames.get(i as usize).map_or("?", |n| &**n);
    unbound_local_error(format!(
        "cannot access local variable '{name}' where it is not associated with a value"
    ))
}
