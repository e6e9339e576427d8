//! The instructions of `await`, `async for` and `async with` (CPython's ceval.c
//! GET_AWAITABLE, GET_AITER, GET_ANEXT, END_ASYNC_FOR, BEFORE_ASYNC_WITH) and the marking of
//! an async generator's yielded values.

use std::sync::Arc;

use crate::compiler::bytecode::Instr;
use crate::vm::context::Vm;
use crate::vm::eval::frame::Frame;
use crate::vm::eval::rare::{Flow, RareError};
use crate::vm::objects::function::BoundMethod;
use crate::vm::objects::generator::GenKind;
use crate::vm::objects::types::{class_of, type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, runtime_error, type_error};

impl Vm {
    pub(super) fn execute_async(&self, frame: &mut Frame, instr: Instr) -> Result<Flow, RareError> {
        match instr {
            Instr::GetAwaitable(origin) => {
                let v = frame.pop();
                let it = self.awaitable_iter(&v, origin)?;
                frame.push(it);
            }
            Instr::GetAIter => {
                let v = frame.pop();
                let it = self.get_aiter(&v)?;
                frame.push(it);
            }
            Instr::GetANext => {
                let aiter = frame.top().clone();
                let awaitable = self.get_anext(&aiter)?;
                frame.push(awaitable);
            }
            Instr::EndAsyncFor => {
                // [aiter, exc]: StopAsyncIteration ends the loop, anything else propagates.
                let exc = frame.pop();
                frame.pop();
                if !matches!(&exc, Value::Instance(i)
                    if i.class.is_subclass(&types().exc.stop_async_iteration))
                {
                    return Err(match exc {
                        Value::Instance(i) if i.is_exception() => RareError::Reraise(PyErr::new(i)),
                        _ => RareError::Raise(crate::vm::pyerr::system_error(
                            "END_ASYNC_FOR without an exception",
                        )),
                    });
                }
            }
            Instr::BeforeAsyncWith => {
                let mgr = frame.pop();
                let (exit, entered) = self.before_async_with(&mgr)?;
                frame.push(exit);
                frame.push(entered);
            }
            Instr::AsyncGenWrap => {
                let v = frame.pop();
                frame.push(crate::vm::builtins::coro_methods::wrap_async_gen_value(v));
            }
            other => {
                return Err(crate::vm::pyerr::system_error(format!(
                    "unexpected instruction {}",
                    other.name()
                ))
                .into());
            }
        }
        Ok(Flow::Next)
    }

    /// What `await v` iterates: a coroutine itself, else `type(v).__await__(v)`, which must
    /// be an iterator (genobject.c `_PyCoro_GetAwaitableIter`). `origin` picks the message.
    pub fn awaitable_iter(&self, v: &Value, origin: u32) -> PyResult<Value> {
        if let Value::Generator(g) = v
            && g.kind == GenKind::Coroutine
        {
            if g.awaiting().is_some() {
                return Err(runtime_error("coroutine is being awaited already"));
            }
            return Ok(v.clone());
        }
        // A generator of a `types.coroutine` function is awaited as it is.
        if let Value::Generator(g) = v
            && g.kind == GenKind::Generator
            && g.code.flags & crate::compiler::bytecode::flags::ITERABLE_COROUTINE != 0
        {
            return Ok(v.clone());
        }
        let Some(await_fn) = class_of(v).lookup_static("__await__") else {
            return Err(type_error(match origin {
                1 => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {}",
                    type_name(v)
                ),
                2 => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {}",
                    type_name(v)
                ),
                _ => format!(
                    "object {} can't be used in 'await' expression",
                    type_name(v)
                ),
            }));
        };
        let it = self.call(&await_fn, std::slice::from_ref(v))?;
        match &it {
            Value::Generator(g) if g.kind == GenKind::Coroutine => {
                Err(type_error("__await__() returned a coroutine"))
            }
            Value::Iter(_) => Ok(it),
            Value::Generator(g) if g.kind == GenKind::Generator => Ok(it),
            _ if class_of(&it).lookup_static("__next__").is_some() => Ok(it),
            _ => Err(type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                type_name(&it)
            ))),
        }
    }

    /// `aiter(v)` as `async for` calls it.
    fn get_aiter(&self, v: &Value) -> PyResult<Value> {
        let Some(aiter) = class_of(v).lookup_static("__aiter__") else {
            return Err(type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                type_name(v)
            )));
        };
        let it = self.call(&aiter, std::slice::from_ref(v))?;
        if class_of(&it).lookup_static("__anext__").is_none() {
            return Err(type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                type_name(&it)
            )));
        }
        Ok(it)
    }

    /// The awaitable of one `async for` step: `aiter.__anext__()`, made awaitable.
    fn get_anext(&self, aiter: &Value) -> PyResult<Value> {
        let anext = class_of(aiter)
            .lookup_static("__anext__")
            .ok_or_else(|| type_error("'async for' requires an iterator with __anext__"))?;
        let awaitable = self.call(&anext, std::slice::from_ref(aiter))?;
        if let Value::Generator(g) = &awaitable
            && g.kind == GenKind::Coroutine
        {
            return Ok(awaitable);
        }
        if class_of(&awaitable).lookup_static("__await__").is_none() {
            return Err(type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                type_name(&awaitable)
            )));
        }
        self.awaitable_iter(&awaitable, 0)
    }

    /// `async with mgr`: the bound `__aexit__` and the awaitable `__aenter__()` returned.
    fn before_async_with(&self, mgr: &Value) -> PyResult<(Value, Value)> {
        let class = class_of(mgr);
        let (Some(enter), Some(exit)) = (
            class.lookup_static("__aenter__"),
            class.lookup_static("__aexit__"),
        ) else {
            let missing = if class.lookup_static("__aenter__").is_none() {
                "the asynchronous context manager protocol"
            } else {
                "the asynchronous context manager protocol (missed __aexit__ method)"
            };
            return Err(type_error(format!(
                "'{}' object does not support {missing}",
                type_name(mgr)
            )));
        };
        let entered = self.call(&enter, std::slice::from_ref(mgr))?;
        let exit_bound = Value::Method(Arc::new(BoundMethod {
            func: exit,
            receiver: mgr.clone(),
        }));
        Ok((exit_bound, entered))
    }
}
