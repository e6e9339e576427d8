//! The instructions outside the hot path of `eval.rs`, one small helper per instruction family.

use std::sync::Arc;

use crate::compiler::bytecode::Instr;
use crate::vm::context::Vm;
use crate::vm::eval::fast::store_instance_attr;
use crate::vm::eval::frame::Frame;
use crate::vm::objects::function::Cell;
use crate::vm::objects::types::{class_of, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, name_error, system_error, type_error};

type Rare = Result<Flow, RareError>;

/// What a rare instruction asks the loop to do next.
pub(crate) enum Flow {
    Next,
    Jump(usize),
    CheckPoint,
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

impl Vm {
    /// Lookup of `*_NAME` instructions: the namespace, then globals, then builtins.
    pub(crate) fn load_name(
        &self,
        frame: &Frame,
        name: &Arc<crate::vm::objects::pystr::PyStr>,
    ) -> PyResult<Value> {
        if let Some(locals) = &frame.locals
            && let Some(v) = locals.get_name(name)
        {
            return Ok(v);
        }
        if let Some(v) = frame.func.globals.get_name(name) {
            return Ok(v);
        }
        self.builtins()
            .get_name(name)
            .ok_or_else(|| name_error(format!("name '{}' is not defined", name.as_str())))
    }

    pub(crate) fn execute_rare(&self, frame: &mut Frame, instr: Instr) -> Rare {
        match instr {
            Instr::LoadDeref(i) => {
                let v = self.cell(frame, i)?.get();
                if v.is_null() {
                    return Err(free_var_error(frame, i).into());
                }
                frame.push(v);
            }
            Instr::StoreDeref(i) => {
                let v = frame.pop();
                self.cell(frame, i)?.set(v);
            }
            Instr::DeleteDeref(i) => {
                let cell = self.cell(frame, i)?;
                if cell.get().is_null() {
                    return Err(free_var_error(frame, i).into());
                }
                cell.set(Value::Null);
            }
            Instr::LoadClosure(i) => {
                let cell = self.cell(frame, i)?.clone();
                frame.push(Value::Cell(cell));
            }
            Instr::LoadClassDeref(i) => {
                let name = deref_name(frame, i);
                let from_ns = frame.locals.as_ref().and_then(|ns| ns.get_str(&name));
                let v = match from_ns {
                    Some(v) => v,
                    None => {
                        let v = self.cell(frame, i)?.get();
                        if v.is_null() {
                            return Err(free_var_error(frame, i).into());
                        }
                        v
                    }
                };
                frame.push(v);
            }
            Instr::DeleteGlobal(i) => {
                let name = name_at(frame, i)?;
                if frame.func.globals.remove_name(name.as_str()).is_none() {
                    return Err(
                        name_error(format!("name '{}' is not defined", name.as_str())).into(),
                    );
                }
            }
            Instr::DeleteName(i) => {
                let name = name_at(frame, i)?;
                let ns = frame
                    .locals
                    .clone()
                    .unwrap_or_else(|| frame.func.globals.clone());
                if ns.remove_name(name.as_str()).is_none() {
                    return Err(
                        name_error(format!("name '{}' is not defined", name.as_str())).into(),
                    );
                }
            }
            Instr::StoreAttr(i) => {
                // A plain instance takes the store in `store_instance_attr`.
                if !store_instance_attr(&mut frame.slots, &frame.func.code, i) {
                    let obj = frame.pop();
                    let v = frame.pop();
                    let name = name_at(frame, i)?;
                    self.setattr(&obj, &name, v)?;
                }
            }
            Instr::DeleteAttr(i) => {
                let obj = frame.pop();
                let name = name_at(frame, i)?;
                self.delattr(&obj, &name)?;
            }
            Instr::UnaryNegative => {
                let v = frame.pop();
                frame.push(self.negative(&v)?);
            }
            Instr::UnaryPositive => {
                let v = frame.pop();
                frame.push(self.positive(&v)?);
            }
            Instr::UnaryNot => {
                let v = frame.pop();
                frame.push(Value::Bool(!self.is_true(&v)?));
            }
            Instr::UnaryInvert => {
                let v = frame.pop();
                frame.push(self.invert(&v)?);
            }
            Instr::StoreSubscr => {
                let key = frame.pop();
                let obj = frame.pop();
                let v = frame.pop();
                self.setitem(&obj, key, v)?;
            }
            Instr::DeleteSubscr => {
                let key = frame.pop();
                let obj = frame.pop();
                self.delitem(&obj, &key)?;
            }
            Instr::BuildSlice(n) => {
                let step = if n == 3 { frame.pop() } else { Value::None };
                let stop = frame.pop();
                let start = frame.pop();
                frame.push(Value::Slice(Arc::new(crate::vm::objects::value::Slice {
                    start,
                    stop,
                    step,
                })));
            }
            Instr::IsOp(invert) => {
                let b = frame.pop();
                let a = frame.pop();
                frame.push(Value::Bool(a.is(&b) != (invert == 1)));
            }
            Instr::ContainsOp(invert) => {
                let container = frame.pop();
                let item = frame.pop();
                let r = self.contains(&container, &item)?;
                frame.push(Value::Bool(r != (invert == 1)));
            }
            Instr::PopJumpIfNone(t) => {
                if frame.pop().is_none() {
                    return Ok(Flow::Jump(t as usize));
                }
            }
            Instr::PopJumpIfNotNone(t) => {
                if !frame.pop().is_none() {
                    return Ok(Flow::Jump(t as usize));
                }
            }
            Instr::JumpIfFalseOrPop(t) => {
                if !self.is_true(frame.top())? {
                    return Ok(Flow::Jump(t as usize));
                }
                frame.pop();
            }
            Instr::JumpIfTrueOrPop(t) => {
                if self.is_true(frame.top())? {
                    return Ok(Flow::Jump(t as usize));
                }
                frame.pop();
            }
            Instr::BuildTuple(n) => {
                let items = frame.pop_tuple_items(n as usize);
                frame.push(Value::tuple_of(items));
            }
            Instr::BuildList(n) => {
                let items = frame.pop_n(n as usize);
                frame.push(Value::list(items));
            }
            Instr::BuildSet(n) => {
                let items = frame.pop_n(n as usize);
                frame.push(self.new_set(items)?);
            }
            Instr::BuildMap(n) => {
                let items = frame.pop_n(2 * n as usize);
                let dict = crate::vm::objects::dict::Dict::new();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    dict.set(self, k, v)?;
                }
                frame.push(Value::Dict(Arc::new(dict)));
            }
            Instr::BuildString(n) => {
                let start = frame
                    .slots
                    .len()
                    .saturating_sub(n as usize)
                    .max(frame.nlocals);
                let parts = &frame.slots[start..];
                let total = parts.iter().map(|p| p.as_str().map_or(0, str::len)).sum();
                let mut s = String::with_capacity(total);
                for p in parts {
                    if let Value::Str(x) = p {
                        s.push_str(x.as_str());
                    }
                }
                frame.slots.truncate(start);
                frame.push(Value::string(s));
            }
            Instr::SetAdd(i) => {
                let v = frame.pop();
                if let Value::Set(s) = frame.peek(i as usize - 1).clone() {
                    s.add(self, v)?;
                }
            }
            Instr::MapAdd(i) => {
                let v = frame.pop();
                let k = frame.pop();
                if let Value::Dict(d) = frame.peek(i as usize - 1).clone() {
                    d.set(self, k, v)?;
                }
            }
            Instr::ListExtend(i) => {
                let iterable = frame.pop();
                let items = self.collect_iterable_for_unpack(&iterable)?;
                if let Value::List(l) = frame.peek(i as usize - 1) {
                    l.items.write().extend(items);
                }
            }
            Instr::SetUpdate(i) => {
                let iterable = frame.pop();
                let items = self.collect(&iterable)?;
                if let Value::Set(s) = frame.peek(i as usize - 1).clone() {
                    for item in items {
                        s.add(self, item)?;
                    }
                }
            }
            Instr::DictUpdate(i) => {
                let other = frame.pop();
                if let Value::Dict(d) = frame.peek(i as usize - 1).clone() {
                    self.dict_update_from(&d, &other, false)?;
                }
            }
            Instr::DictMerge(i) => {
                let other = frame.pop();
                if let Value::Dict(d) = frame.peek(i as usize - 1).clone() {
                    self.dict_update_from(&d, &other, true)?;
                }
            }
            Instr::ListToTuple => {
                let v = frame.pop();
                let items = match &v {
                    Value::List(l) => l.snapshot(),
                    _ => Vec::new(),
                };
                frame.push(Value::tuple(items));
            }
            Instr::UnpackSequence(n) => {
                let v = frame.pop();
                let items = self.unpack(&v, n as usize, None)?;
                for item in items.into_iter().rev() {
                    frame.push(item);
                }
            }
            Instr::UnpackEx(arg) => {
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                let v = frame.pop();
                let items = self.unpack(&v, before + after, Some(before))?;
                for item in items.into_iter().rev() {
                    frame.push(item);
                }
            }
            Instr::KwNames(i) => frame.kwnames = Some(i),
            Instr::CallFunctionEx(flags) => {
                let kwargs = if flags & 1 != 0 {
                    Some(frame.pop())
                } else {
                    None
                };
                let args = frame.pop();
                let callable = frame.pop();
                let _null = frame.pop();
                let args = match &args {
                    Value::Tuple(t) => t.items.to_vec(),
                    other => self.collect(other)?,
                };
                let r = self.call_ex(&callable, args, kwargs)?;
                frame.push(r);
                return Ok(Flow::CheckPoint);
            }
            Instr::MakeFunction(flags) => {
                let f = self.make_function(frame, flags)?;
                frame.push(f);
            }
            Instr::GetYieldFromIter => {
                let v = frame.pop();
                let it = match &v {
                    Value::Generator(g) => match g.kind {
                        crate::vm::objects::generator::GenKind::Generator => v.clone(),
                        // genobject.c: only a coroutine may `yield from` (await) one.
                        // (A `types.coroutine` generator counts as a coroutine here.)
                        crate::vm::objects::generator::GenKind::Coroutine
                            if frame.func.code.flags
                                & (crate::compiler::bytecode::flags::COROUTINE
                                    | crate::compiler::bytecode::flags::ITERABLE_COROUTINE)
                                != 0 =>
                        {
                            v.clone()
                        }
                        crate::vm::objects::generator::GenKind::Coroutine => {
                            return Err(type_error(
                                "cannot 'yield from' a coroutine object in a non-coroutine generator",
                            )
                            .into());
                        }
                        crate::vm::objects::generator::GenKind::AsyncGenerator => {
                            self.get_iter(&v)?
                        }
                    },
                    _ => self.get_iter(&v)?,
                };
                frame.push(it);
            }
            Instr::Send(exit) => return self.send_instr(frame, exit),
            Instr::EndSend => {
                let v = frame.pop();
                frame.pop();
                frame.push(v);
            }
            Instr::RaiseVarargs(n) => return Err(self.raise_instr(frame, n)),
            Instr::Reraise(_) => {
                let exc = frame.pop();
                return Err(match exc {
                    Value::Instance(i) if i.is_exception() => RareError::Reraise(PyErr::new(i)),
                    _ => RareError::Raise(system_error("RERAISE of a non-exception")),
                });
            }
            Instr::PushExcInfo => {
                let exc = frame.pop();
                let prev = self.swap_handled(exc.clone());
                frame.push(prev);
                frame.push(exc);
            }
            Instr::PopExcept => {
                let prev = frame.pop();
                self.swap_handled(prev);
            }
            Instr::CheckExcMatch => {
                let typ = frame.pop();
                let exc = frame.top().clone();
                let r = self.exception_matches(&exc, &typ)?;
                frame.push(Value::Bool(r));
            }
            Instr::CheckEgMatch => {
                let typ = frame.pop();
                let exc = frame.top().clone();
                let matched = crate::vm::builtins::exception_groups::star_match(self, &exc, &typ)?;
                match matched {
                    Some((rest, matched)) => {
                        frame.pop();
                        frame.push(rest);
                        // The clause handles its part: `raise` re-raises it, and what the
                        // clause raises has it as context. POP_EXCEPT restores the outer one.
                        self.swap_handled(matched.clone());
                        frame.push(matched);
                    }
                    None => frame.push(Value::None),
                }
            }
            Instr::PrepReraiseStar => {
                let raised = frame.pop();
                let orig = frame.pop();
                let raised = match &raised {
                    Value::List(l) => l.items.read().clone(),
                    _ => Vec::new(),
                };
                let result =
                    crate::vm::builtins::exception_groups::prep_reraise_star(self, &orig, &raised)?;
                frame.push(result);
            }
            Instr::BeforeWith => {
                let mgr = frame.pop();
                self.note_caller(&frame.func.code, frame.pc);
                let (exit, entered) = self.before_with(&mgr)?;
                frame.push(exit);
                frame.push(entered);
            }
            Instr::WithExceptStart => {
                let exc = frame.peek(0).clone();
                let exit = frame.peek(3).clone();
                let typ = Value::Class(class_of(&exc).clone());
                let tb = match &exc {
                    Value::Instance(i) => i
                        .exc_data()
                        .map(|d| {
                            crate::vm::protocols::exceptions::traceback_object(
                                &d.lock().traceback_outermost_first(),
                                0,
                            )
                        })
                        .unwrap_or(Value::None),
                    _ => Value::None,
                };
                let r = self.call(&exit, &[typ, exc, tb])?;
                frame.push(r);
            }
            Instr::LoadAssertionError => {
                frame.push(Value::Class(types().exc.assertion_error.clone()));
            }
            Instr::LoadBuildClass => {
                let f = self
                    .builtins()
                    .get_str("__build_class__")
                    .ok_or_else(|| name_error("__build_class__ not found"))?;
                frame.push(f);
            }
            Instr::ImportName(i) => {
                let name = name_at(frame, i)?;
                let fromlist = frame.pop();
                let _level = frame.pop();
                let m = self.import_module_for(name.as_str(), &fromlist)?;
                frame.push(m);
            }
            Instr::ImportFrom(i) => {
                let name = name_at(frame, i)?;
                let module = frame.top().clone();
                let v = self.import_from(&module, name.as_str())?;
                frame.push(v);
            }
            Instr::ImportStar => {
                let module = frame.pop();
                let ns = frame
                    .locals
                    .clone()
                    .unwrap_or_else(|| frame.func.globals.clone());
                self.import_star(&module, &ns)?;
            }
            Instr::FormatValue(flags) => {
                let spec = if flags & 4 != 0 {
                    Some(frame.pop())
                } else {
                    None
                };
                let v = frame.pop();
                let s = self.format_value(v, flags & 3, spec)?;
                frame.push(s);
            }
            Instr::SetupAnnotations => {
                let ns = frame
                    .locals
                    .clone()
                    .unwrap_or_else(|| frame.func.globals.clone());
                if ns.get_str("__annotations__").is_none() {
                    ns.set_str(
                        "__annotations__",
                        Value::Dict(Arc::new(crate::vm::objects::dict::Dict::new())),
                    );
                }
            }
            // The coroutine instructions are in `coro.rs`; the ones `eval.rs` runs itself
            // never come here (a test checks that every instruction has exactly one body).
            other => return self.execute_async(frame, other),
        }
        Ok(Flow::Next)
    }

    /// Cell `i` of the frame: its own cells first (`frame.cells`), then the function's
    /// closure — read in place, so calling a closure copies no cells (a class body's frame
    /// holds both kinds in `frame.cells`).
    fn cell<'f>(&self, frame: &'f Frame, i: u32) -> PyResult<&'f Arc<Cell>> {
        let i = i as usize;
        let own = frame.cells.len();
        let cell = if i < own {
            frame.cells.get(i)
        } else {
            frame.func.closure.get(i - own)
        };
        cell.ok_or_else(|| system_error("bad cell index"))
    }

    /// SEND: one step of `yield from`; [iter, value] → [iter, yielded] or jump with [result].
    fn send_instr(&self, frame: &mut Frame, exit: u32) -> Rare {
        let v = frame.pop();
        let it = frame.top().clone();
        let step = match &it {
            Value::Generator(g) => match self.gen_resume(g, crate::vm::eval::Resume::Send(v))? {
                crate::vm::objects::generator::GenStep::Yield(y) => Some(y),
                crate::vm::objects::generator::GenStep::Return(r) => {
                    frame.pop();
                    frame.push(r);
                    None
                }
            },
            Value::Iter(_) if v.is_none() => match self.iter_next(&it)? {
                Some(y) => Some(y),
                None => {
                    frame.pop();
                    frame.push(Value::None);
                    None
                }
            },
            _ => {
                // `__next__` for None, else `send`; either's StopIteration carries the
                // result (ceval.c SEND with _PyGen_FetchStopIterationValue).
                let (name, args) = if v.is_none() {
                    ("__next__", Vec::new())
                } else {
                    ("send", vec![v])
                };
                let send = self.getattr_str(&it, name)?;
                match self.call(&send, &args) {
                    Ok(y) => Some(y),
                    Err(e) if e.is_instance_of(&types().exc.stop_iteration) => {
                        let r = e.args().into_iter().next().unwrap_or(Value::None);
                        frame.pop();
                        frame.push(r);
                        None
                    }
                    Err(e) => return Err(e.into()),
                }
            }
        };
        match step {
            Some(y) => {
                frame.push(y);
                Ok(Flow::Next)
            }
            None => Ok(Flow::Jump(exit as usize)),
        }
    }

    /// RAISE_VARARGS: `raise`, `raise exc`, `raise exc from cause`.
    fn raise_instr(&self, frame: &mut Frame, n: u32) -> RareError {
        let cause = if n == 2 { Some(frame.pop()) } else { None };
        if n == 0 {
            return match self.current_handled() {
                Value::Instance(i) if i.is_exception() => RareError::Reraise(PyErr::new(i)),
                _ => RareError::Raise(crate::vm::pyerr::runtime_error(
                    "No active exception to reraise",
                )),
            };
        }
        let exc = frame.pop();
        let err = match self.make_exception(exc) {
            Ok(e) => e,
            Err(e) => return RareError::Raise(e),
        };
        if let Some(cause) = cause {
            let cause = match cause {
                Value::None => None,
                other => match self.make_exception(other) {
                    Ok(c) => Some(c.value()),
                    Err(_) => {
                        return RareError::Raise(type_error(
                            "exception causes must derive from BaseException",
                        ));
                    }
                },
            };
            err.with_data(|d| {
                d.cause = cause;
                d.suppress_context = true;
            });
        }
        self.attach_context(&err);
        RareError::Raise(err)
    }
}

fn name_at(frame: &Frame, i: u32) -> PyResult<Arc<crate::vm::objects::pystr::PyStr>> {
    match frame.func.code.names.get(i as usize) {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(system_error("bad name index")),
    }
}

fn deref_name(frame: &Frame, i: u32) -> String {
    frame
        .func
        .code
        .deref_name(i)
        .unwrap_or_default()
        .to_string()
}

fn free_var_error(frame: &Frame, i: u32) -> PyErr {
    let name = deref_name(frame, i);
    if (i as usize) < frame.func.code.cellvars.len() {
        crate::vm::pyerr::unbound_local_error(format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        ))
    } else {
        name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ))
    }
}

#[cfg(test)]
mod tests {
    /// The variant names of `Instr`, as `compiler/bytecode.rs` declares them.
    fn variants() -> Vec<String> {
        let src = include_str!("../../compiler/bytecode.rs");
        let body = src
            .split("pub enum Instr {")
            .nth(1)
            .and_then(|rest| rest.split("\n}").next())
            .unwrap_or_default();
        body.lines()
            .map(str::trim)
            .filter(|l| !l.starts_with("//") && !l.is_empty())
            .filter_map(|l| l.split(['(', ',']).next())
            .map(str::to_string)
            .collect()
    }

    /// How often each instruction is the pattern of a match arm (`Instr::X... =>`, alone or
    /// in an or-pattern, at the start of a line) in `src`.
    fn arms(src: &str) -> Vec<String> {
        let mut found = Vec::new();
        for line in src.lines().map(str::trim_start) {
            let Some((pattern, _)) = line.split_once("=>") else {
                continue;
            };
            if !pattern.starts_with("Instr::") {
                continue;
            }
            for alternative in pattern.split('|') {
                if let Some(name) = alternative.trim().strip_prefix("Instr::") {
                    let end = name
                        .find(|c: char| !c.is_alphanumeric())
                        .unwrap_or(name.len());
                    found.push(name[..end].to_string());
                }
            }
        }
        found
    }

    #[test]
    fn every_instruction_has_exactly_one_body() {
        let variants = variants();
        assert!(variants.len() > 60, "read {} variants", variants.len());
        let mut bodies = arms(include_str!("mod.rs"));
        bodies.extend(arms(include_str!("rare.rs")));
        bodies.extend(arms(include_str!("coro.rs")));
        for v in &variants {
            let n = bodies.iter().filter(|b| *b == v).count();
            assert_eq!(
                n, 1,
                "Instr::{v} has {n} bodies in eval/mod.rs, eval/rare.rs and eval/coro.rs"
            );
        }
        for b in &bodies {
            assert!(
                variants.contains(b),
                "a body for Instr::{b}, which does not exist"
            );
        }
    }
}
