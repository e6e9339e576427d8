//! Calling: argument binding with CPython's error messages (Python/ceval.c
//! `initialize_locals`), frames for Python functions, natives, bound methods and `__call__`.

use std::sync::Arc;

use crate::compiler::bytecode::CodeObject;
use crate::vm::context::Vm;
use crate::vm::eval::frame::Frame;
use crate::vm::eval::{CallOutcome, FrameExit, Resume};
use crate::vm::objects::class::{Instance, Layout};
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::{Args, BuiltinFunction, Cell, Function, NativeCall};
use crate::vm::objects::generator::Generator;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error};

impl Vm {
    /// Calls with positional arguments.
    pub fn call(&self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_with(callable, Args::positional(args))
    }

    /// Calls with a full argument view.
    pub fn call_with(&self, callable: &Value, args: Args<'_>) -> PyResult<Value> {
        match callable {
            Value::Function(f) => {
                let mut slots = self.take_slots();
                slots.extend_from_slice(args.args);
                let frame = self.function_frame(f.clone(), &mut slots, 0, args.kwnames);
                self.give_slots(slots);
                self.run_function_frame(frame?)
            }
            Value::Builtin(b) => self.call_builtin(b, args.args, args.kwnames),
            Value::Method(m) => self.call_with_receiver(&m.func, m.receiver.clone(), args),
            Value::Class(c) => self.call_class(c, args),
            _ => self.call_object(callable, args),
        }
    }

    /// `f(*args, **kwargs)` (CALL_FUNCTION_EX).
    pub fn call_ex(
        &self,
        callable: &Value,
        mut args: Vec<Value>,
        kwargs: Option<Value>,
    ) -> PyResult<Value> {
        let mut names = Vec::new();
        if let Some(Value::Dict(d)) = &kwargs {
            for (k, v) in d.items() {
                if !matches!(k, Value::Str(_)) {
                    return Err(type_error("keywords must be strings"));
                }
                names.push(k);
                args.push(v);
            }
        }
        self.call_with(
            callable,
            Args {
                args: &args,
                kwnames: &names,
            },
        )
    }

    /// The CALL fast path: arguments are `slots[args_start..]` of the caller's stack.
    pub(crate) fn call_prepared(
        &self,
        callable: Value,
        slots: &mut Vec<Value>,
        args_start: usize,
        kwnames: &[Value],
    ) -> PyResult<CallOutcome> {
        match callable {
            Value::Function(f) => {
                let frame = self.function_frame(f, slots, args_start, kwnames)?;
                if frame.func.code.is_generator() {
                    return Ok(CallOutcome::Value(self.make_generator(frame)));
                }
                Ok(CallOutcome::Frame(frame))
            }
            Value::Builtin(b) => {
                let r = self.call_builtin(&b, &slots[args_start..], kwnames)?;
                Ok(CallOutcome::Value(r))
            }
            Value::Method(m) => {
                slots.insert(args_start, m.receiver.clone());
                let func = m.func.clone();
                self.call_prepared(func, slots, args_start, kwnames)
            }
            // `str(x)`, `list(it)`: a builtin type constructs at once.
            Value::Class(c) if c.is_builtin && c.layout != Layout::Exception => {
                let args = Args {
                    args: &slots[args_start..],
                    kwnames,
                };
                crate::vm::builtins::constructors::construct(self, &c, args).map(CallOutcome::Value)
            }
            Value::Class(c) if let Some(init) = self.inline_init(&c) => {
                // `__init__` runs as a frame of this loop; its return hands over the
                // instance (see `constructing`).
                let instance = Value::Instance(Instance::new(c));
                slots.insert(args_start, instance.clone());
                let mut frame = self.function_frame(init, slots, args_start, kwnames)?;
                frame.constructing = Some(instance);
                Ok(CallOutcome::Frame(frame))
            }
            _ => {
                let r = self.call_with(
                    &callable,
                    Args {
                        args: &slots[args_start..],
                        kwnames,
                    },
                )?;
                Ok(CallOutcome::Value(r))
            }
        }
    }

    pub(crate) fn call_builtin(
        &self,
        b: &BuiltinFunction,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        match (&b.bound, b.func) {
            (None, NativeCall::Args(f)) => f(self, Args { args, kwnames }),
            (Some(receiver), NativeCall::Args(f)) => {
                let full = with_receiver(receiver.clone(), args);
                f(
                    self,
                    Args {
                        args: &full,
                        kwnames,
                    },
                )
            }
            (Some(receiver), NativeCall::Method(f)) => f(self, receiver, Args { args, kwnames }),
            (None, NativeCall::Method(f)) if args.len() > kwnames.len() => f(
                self,
                &args[0],
                Args {
                    args: &args[1..],
                    kwnames,
                },
            ),
            // Objects/descrobject.c, method_check_args: the receiver is the first positional.
            (None, NativeCall::Method(_)) => {
                let owner = b.owner.as_deref().unwrap_or("object");
                let owner = owner.rsplit('.').next().unwrap_or(owner);
                Err(type_error(format!(
                    "unbound method {owner}.{}() needs an argument",
                    b.name
                )))
            }
        }
    }

    /// Runs a Python function's frame to completion from native code.
    fn run_function_frame(&self, mut frame: Frame) -> PyResult<Value> {
        if frame.func.code.is_generator() {
            return Ok(self.make_generator(frame));
        }
        self.check_native_stack()?;
        let exit = self.run_frame(&mut frame, Resume::Start);
        self.recycle_frame(frame);
        match exit? {
            FrameExit::Return(v) | FrameExit::Yield(v) => Ok(v),
        }
    }

    /// Remembers where user code created coroutine `g`, for the warning if it is dropped
    /// without ever being awaited.
    fn note_coroutine_origin(&self, g: &Generator, caller: &Frame) {
        let code = &caller.func.code;
        let _ = g.created_at.set(crate::vm::objects::generator::CreatedAt {
            runtime: Arc::downgrade(&self.interp.runtime),
            filename: code.filename.clone(),
            line: code.line_at(caller.pc.saturating_sub(1)),
        });
    }

    pub(crate) fn make_generator(&self, frame: Frame) -> Value {
        let (name, qualname) = (frame.func.name(), frame.func.qualname());
        Value::Generator(Arc::new(Generator::new(frame, name, qualname)))
    }

    /// `obj(...)` for instances and other objects: `type(obj).__call__`.
    fn call_object(&self, callable: &Value, args: Args<'_>) -> PyResult<Value> {
        let class = match callable {
            Value::Instance(inst) => Some(&inst.class),
            Value::Native(n) => Some(&n.class),
            _ => None,
        };
        if let Some(call) = class.and_then(|c| c.lookup_static("__call__")) {
            return self.call_with_receiver(&call, callable.clone(), args);
        }
        Err(type_error(format!(
            "'{}' object is not callable",
            type_name(callable)
        )))
    }

    /// `func(receiver, *args, **kwargs)`: the function under a bound method, `__call__`,
    /// `__new__`, `__init__`.
    pub(crate) fn call_with_receiver(
        &self,
        func: &Value,
        receiver: Value,
        args: Args<'_>,
    ) -> PyResult<Value> {
        let full = with_receiver(receiver, args.args);
        self.call_with(
            func,
            Args {
                args: &full,
                kwnames: args.kwnames,
            },
        )
    }

    /// Builds the frame of a call to `f` with arguments `slots[start..]` (consumed).
    /// The locals of a call whose arguments are exactly the positional parameters: they move
    /// out of `args` (the caller's stack) and the other locals start unbound. A plain loop:
    /// `extend(drain(..))` costs several times more for 1-3 values.
    #[inline]
    pub(crate) fn positional_locals(&self, code: &CodeObject, args: &mut [Value]) -> Vec<Value> {
        let nlocals = code.varnames.len();
        let mut locals = self.take_slots();
        locals.reserve(nlocals + code.max_stack as usize + 2);
        for v in args {
            locals.push(std::mem::take(v));
        }
        while locals.len() < nlocals {
            locals.push(Value::Null);
        }
        locals
    }

    pub(crate) fn function_frame(
        &self,
        f: Arc<Function>,
        slots: &mut Vec<Value>,
        start: usize,
        kwnames: &[Value],
    ) -> PyResult<Frame> {
        let code = &f.code;
        let nlocals = code.varnames.len();
        let nargs = slots.len() - start;
        let simple = kwnames.is_empty()
            && nargs == code.argcount as usize
            && code.kwonlyargcount == 0
            && !code.has_varargs()
            && !code.has_varkeywords();
        let locals = if simple {
            self.positional_locals(code, &mut slots[start..])
        } else {
            let mut locals = self.take_slots();
            locals.reserve(nlocals + code.max_stack as usize + 2);
            while locals.len() < nlocals {
                locals.push(Value::Null);
            }
            // The arguments move from the caller's stack into the locals.
            let bound = self.bind_arguments(&f, &mut locals, &mut slots[start..], kwnames);
            slots.truncate(start);
            bound?;
            locals
        };
        // Free variables are read from the function's closure in place (`cell` in rare.rs).
        let has_cells = !code.cellvars.is_empty();
        let mut frame = Frame::of_function(f, locals);
        if has_cells {
            let code = &frame.func.code;
            let mut cells = Vec::with_capacity(code.cellvars.len());
            for arg in code.cell_args.iter() {
                let initial = match arg {
                    Some(j) => std::mem::take(&mut frame.slots[*j as usize]),
                    None => Value::Null,
                };
                cells.push(Arc::new(Cell::new(initial)));
            }
            frame.cells = cells;
        }
        Ok(frame)
    }

    /// General argument binding: defaults, `*args`, `**kwargs`, keyword-only parameters.
    /// The arguments are moved out of `args` (the caller drops what is left).
    fn bind_arguments(
        &self,
        f: &Arc<Function>,
        locals: &mut [Value],
        args: &mut [Value],
        kwnames: &[Value],
    ) -> PyResult<()> {
        let code = &f.code;
        let argcount = code.argcount as usize;
        let posonly = code.posonlyargcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let npos = args.len() - kwnames.len();
        // Read only for an error message (a lock and a reference count otherwise).
        let qual = || f.qualname();
        let (positional, kwvalues) = args.split_at_mut(npos);
        for (i, v) in positional.iter_mut().take(argcount).enumerate() {
            locals[i] = std::mem::take(v);
        }
        let varargs_slot = argcount + kwonly;
        let varkw_slot = varargs_slot + usize::from(code.has_varargs());
        if code.has_varargs() {
            let extra = positional
                .iter_mut()
                .skip(argcount)
                .map(std::mem::take)
                .collect();
            locals[varargs_slot] = Value::tuple_of(extra);
        } else if npos > argcount {
            return Err(too_many_positional(
                &qual(),
                argcount,
                f.defaults.len(),
                npos,
                kwonly_given(code, kwnames),
            ));
        }
        let kwargs = code.has_varkeywords().then(|| Arc::new(Dict::new()));
        let mut posonly_as_kw = Vec::new();
        for (name, value) in kwnames.iter().zip(kwvalues.iter_mut()) {
            let value = std::mem::take(value);
            let name_str = name.as_str().unwrap_or("");
            let found = code.varnames[posonly..argcount + kwonly]
                .iter()
                .position(|n| &**n == name_str)
                .map(|j| j + posonly);
            match found {
                Some(j) => {
                    if !locals[j].is_null() {
                        return Err(type_error(format!(
                            "{}() got multiple values for argument '{name_str}'",
                            qual()
                        )));
                    }
                    locals[j] = value;
                }
                None => match &kwargs {
                    Some(d) => d.set(self, name.clone(), value)?,
                    None => {
                        if code.varnames[..posonly].iter().any(|n| &**n == name_str) {
                            posonly_as_kw.push(name_str.to_string());
                            continue;
                        }
                        return Err(type_error(format!(
                            "{}() got an unexpected keyword argument '{name_str}'",
                            qual()
                        )));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qual(),
                posonly_as_kw.join(", ")
            )));
        }
        if let Some(d) = kwargs {
            locals[varkw_slot] = Value::Dict(d);
        }
        // Defaults fill the last positional parameters.
        let first_default = argcount.saturating_sub(f.defaults.len());
        let mut missing = Vec::new();
        for (i, slot) in locals.iter_mut().enumerate().take(argcount) {
            if slot.is_null() {
                if i >= first_default {
                    *slot = f.defaults[i - first_default].clone();
                } else {
                    missing.push(code.varnames[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_args(&qual(), "positional", &missing));
        }
        let mut missing_kw = Vec::new();
        for (slot, name) in locals[argcount..argcount + kwonly]
            .iter_mut()
            .zip(&code.varnames[argcount..argcount + kwonly])
        {
            if slot.is_null() {
                match f.kwdefaults.as_ref().and_then(|d| d.get_str(name)) {
                    Some(v) => *slot = v,
                    None => missing_kw.push(name.to_string()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(missing_args(&qual(), "keyword-only", &missing_kw));
        }
        Ok(())
    }

    /// MAKE_FUNCTION: code on top; below it (per flags) closure, kw-defaults, defaults.
    pub(crate) fn make_function(&self, frame: &mut Frame, flags: u32) -> PyResult<Value> {
        let code = match frame.pop() {
            Value::Code(c) => c,
            _ => return Err(crate::vm::pyerr::system_error("MAKE_FUNCTION without code")),
        };
        let closure = if flags & 0x08 != 0 {
            match frame.pop() {
                Value::Tuple(t) => t
                    .items
                    .iter()
                    .filter_map(|c| match c {
                        Value::Cell(c) => Some(c.clone()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let annotations = if flags & 0x04 != 0 {
            match frame.pop() {
                Value::Dict(d) => Some(d),
                _ => None,
            }
        } else {
            None
        };
        let kwdefaults = if flags & 0x02 != 0 {
            match frame.pop() {
                Value::Dict(d) => Some(d),
                _ => None,
            }
        } else {
            None
        };
        let defaults = if flags & 0x01 != 0 {
            match frame.pop() {
                Value::Tuple(t) => t.items.to_vec(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let module = frame
            .func
            .globals
            .get_str("__name__")
            .unwrap_or_else(|| Value::str("__main__"));
        Ok(Value::Function(Arc::new(Function {
            name: parking_lot::RwLock::new(code.name.clone()),
            qualname: parking_lot::RwLock::new(code.qualname.clone()),
            code,
            globals: frame.func.globals.clone(),
            defaults,
            kwdefaults,
            closure,
            annotations,
            dict: parking_lot::Mutex::new(None),
            module,
        })))
    }
}

/// `args` behind `receiver`: the argument list of the function under a bound method.
fn with_receiver(receiver: Value, args: &[Value]) -> Vec<Value> {
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(receiver);
    full.extend_from_slice(args);
    full
}

fn kwonly_given(code: &CodeObject, kwnames: &[Value]) -> usize {
    let argcount = code.argcount as usize;
    let kwonly = &code.varnames[argcount..argcount + code.kwonlyargcount as usize];
    kwnames
        .iter()
        .filter(|n| kwonly.iter().any(|k| Some(&**k) == n.as_str()))
        .count()
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn too_many_positional(
    qual: &str,
    argcount: usize,
    ndefaults: usize,
    given: usize,
    kwonly_given: usize,
) -> crate::vm::pyerr::PyErr {
    let takes = if ndefaults > 0 {
        format!(
            "from {} to {argcount} positional arguments",
            argcount - ndefaults
        )
    } else {
        plural(argcount, "positional argument")
    };
    let was = if given == 1 { "was" } else { "were" };
    let given_text = if kwonly_given > 0 {
        format!(
            "{} (and {}) were",
            plural(given, "positional argument"),
            plural(kwonly_given, "keyword-only argument")
        )
    } else {
        format!("{given} {was}")
    };
    type_error(format!("{qual}() takes {takes} but {given_text} given"))
}

fn missing_args(qual: &str, kind: &str, names: &[String]) -> crate::vm::pyerr::PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    let word = if names.len() == 1 {
        "argument"
    } else {
        "arguments"
    };
    type_error(format!(
        "{qual}() missing {} required {kind} {word}: {list}",
        names.len()
    ))
}

impl Vm {
    /// Calls for CALL(argc), with the stack laid out as [NULL|method, callable|self, args...].
    pub(crate) fn call_from_frame(&self, frame: &mut Frame, argc: usize) -> PyResult<CallOutcome> {
        let kwnames = match frame.kwnames.take() {
            Some(i) => frame.func.code.consts.get(i as usize).cloned(),
            None => None,
        };
        let len = frame.slots.len();
        let base = len - argc - 2;
        let (callable, args_start) = if frame.slots[base].is_null() {
            (std::mem::take(&mut frame.slots[base + 1]), base + 2)
        } else {
            (std::mem::take(&mut frame.slots[base]), base + 1)
        };
        let kwnames: &[Value] = match &kwnames {
            Some(Value::Tuple(t)) => &t.items,
            _ => &[],
        };
        let wants_frame = match &callable {
            Value::Builtin(b) => b.needs_frame,
            Value::Method(m) => matches!(&m.func, Value::Builtin(b) if b.needs_frame),
            Value::Class(c) => Arc::ptr_eq(c, &crate::vm::objects::types::types().type_),
            _ => false,
        };
        if wants_frame {
            self.set_frame_hint(frame);
        }
        let outcome = self.call_prepared(callable, &mut frame.slots, args_start, kwnames);
        frame.slots.truncate(base);
        if let Ok(CallOutcome::Value(v)) = &outcome {
            self.note_coroutine_origin_of(v, frame);
        }
        outcome
    }

    /// A coroutine that user code's call made remembers where, for the warning if it is
    /// dropped without ever being awaited.
    pub(crate) fn note_coroutine_origin_of(&self, v: &Value, caller: &Frame) {
        if let Value::Generator(g) = v
            && g.kind == crate::vm::objects::generator::GenKind::Coroutine
            && !caller.func.code.stdlib
        {
            self.note_coroutine_origin(g, caller);
        }
    }
}
