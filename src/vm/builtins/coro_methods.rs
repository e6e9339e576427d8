//! Methods of coroutines and async generators, and the small awaitables they hand out
//! (CPython's Objects/genobject.c: `coroutine_wrapper`, `async_generator_asend`,
//! `async_generator_athrow`, and the wrapper that marks an async generator's yields).

use std::sync::{Arc, LazyLock};

use parking_lot::Mutex;

use super::object_methods::{gen_close, gen_next, gen_send, gen_throw, throw_arg};
use super::str_methods::rest;
use super::{add_methods, native_class, positional};
use crate::vm::context::Vm;
use crate::vm::eval::Resume;
use crate::vm::objects::class::Class;
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::generator::{GenKind, GenStep, Generator};
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::types::{Types, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, runtime_error, stop_iteration, type_error};

pub fn register(t: &Types) {
    let coroutine: &[(&str, NativeFn)] = &[
        ("send", gen_send),
        ("throw", gen_throw),
        ("close", gen_close),
        ("__await__", coro_await),
    ];
    add_methods(&t.coroutine, coroutine);
    let async_gen: &[(&str, NativeFn)] = &[
        ("asend", agen_asend),
        ("athrow", agen_athrow),
        ("aclose", agen_aclose),
        ("__anext__", agen_anext),
        ("__aiter__", identity),
    ];
    add_methods(&t.async_generator, async_gen);
}

/// What `coroutine.__await__()` returns: an iterator over the same frame.
struct CoroWrapper(Arc<Generator>);

static CORO_WRAPPER: LazyLock<Arc<Class>> = LazyLock::new(|| {
    native_class(
        "coroutine_wrapper",
        "builtins",
        &[
            ("__next__", gen_next),
            ("send", gen_send),
            ("throw", gen_throw),
            ("close", gen_close),
            ("__iter__", identity),
        ],
    )
});

/// The generator behind a generator-like value: itself, or a coroutine's `__await__` wrapper.
pub fn generator_of(v: &Value) -> Option<Arc<Generator>> {
    match v {
        Value::Generator(g) => Some(g.clone()),
        Value::Native(n) => n.downcast::<CoroWrapper>().map(|w| w.0.clone()),
        _ => None,
    }
}

fn identity(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.args
        .first()
        .cloned()
        .ok_or_else(|| type_error("method needs a receiver"))
}

fn coro_await(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let g = receiver(&args, GenKind::Coroutine)?;
    Ok(Value::Native(Arc::new(NativeObject::new(
        CORO_WRAPPER.clone(),
        CoroWrapper(g),
    ))))
}

fn receiver(args: &Args<'_>, kind: GenKind) -> PyResult<Arc<Generator>> {
    match args.args.first() {
        Some(Value::Generator(g)) if g.kind == kind => Ok(g.clone()),
        _ => Err(type_error(format!(
            "descriptor requires a '{}' object",
            kind.type_name()
        ))),
    }
}

/// An async generator's yielded value, told apart from what an `await` inside it yields.
struct Wrapped(Value);

static WRAPPED: LazyLock<Arc<Class>> =
    LazyLock::new(|| native_class("async_generator_wrapped_value", "builtins", &[]));

pub fn wrap_async_gen_value(v: Value) -> Value {
    Value::Native(Arc::new(NativeObject::new(WRAPPED.clone(), Wrapped(v))))
}

/// What one `asend`/`athrow`/`aclose` awaitable does on its first step.
enum Mode {
    Send(Value),
    Throw(PyErr),
    Close,
}

/// The awaitable `asend(v)`, `athrow(...)` or `aclose()` returns: each step resumes the
/// async generator; a wrapped yield ends the await with that value (StopIteration), what
/// an inner `await` yields passes out to the event loop.
struct AsyncGenStep {
    generator: Arc<Generator>,
    /// Taken by the first step; None afterwards.
    first: Mutex<Option<Mode>>,
    closing: bool,
    done: Mutex<bool>,
}

static ASEND: LazyLock<Arc<Class>> = LazyLock::new(|| step_class("async_generator_asend"));
static ATHROW: LazyLock<Arc<Class>> = LazyLock::new(|| step_class("async_generator_athrow"));

fn step_class(name: &str) -> Arc<Class> {
    native_class(
        name,
        "builtins",
        &[
            ("__next__", step_next),
            ("send", step_send),
            ("throw", step_throw),
            ("close", step_close),
            ("__await__", identity),
            ("__iter__", identity),
        ],
    )
}

fn new_step(generator: Arc<Generator>, mode: Mode) -> Value {
    let closing = !matches!(mode, Mode::Send(_));
    let class = if closing { &ATHROW } else { &ASEND };
    Value::Native(Arc::new(NativeObject::new(
        (*class).clone(),
        AsyncGenStep {
            generator,
            first: Mutex::new(Some(mode)),
            closing,
            done: Mutex::new(false),
        },
    )))
}

fn agen_asend(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let g = receiver(&args, GenKind::AsyncGenerator)?;
    let a = positional("asend", rest(&args), 1, 1)?;
    Ok(new_step(g, Mode::Send(a[0].clone())))
}

fn agen_anext(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let g = receiver(&args, GenKind::AsyncGenerator)?;
    Ok(new_step(g, Mode::Send(Value::None)))
}

fn agen_athrow(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let g = receiver(&args, GenKind::AsyncGenerator)?;
    let a = positional("athrow", rest(&args), 1, 3)?;
    let err = throw_arg(vm, a)?;
    Ok(new_step(g, Mode::Throw(err)))
}

fn agen_aclose(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let g = receiver(&args, GenKind::AsyncGenerator)?;
    Ok(new_step(g, Mode::Close))
}

fn step_of<'a>(args: &'a Args<'_>) -> PyResult<&'a AsyncGenStep> {
    match args.args.first() {
        Some(Value::Native(n)) => n
            .downcast::<AsyncGenStep>()
            .ok_or_else(|| type_error("descriptor requires an 'async_generator_asend' object")),
        _ => Err(type_error(
            "descriptor requires an 'async_generator_asend' object",
        )),
    }
}

fn step_next(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let step = step_of(&args)?;
    step.resume(vm, Resume::Send(Value::None))
}

fn step_send(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let step = step_of(&args)?;
    let a = positional("send", rest(&args), 1, 1)?;
    step.resume(vm, Resume::Send(a[0].clone()))
}

fn step_throw(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let step = step_of(&args)?;
    let a = positional("throw", rest(&args), 1, 3)?;
    let err = throw_arg(vm, a)?;
    step.resume(vm, Resume::Throw(err))
}

fn step_close(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let step = step_of(&args)?;
    *step.done.lock() = true;
    Ok(Value::None)
}

impl AsyncGenStep {
    fn resume(&self, vm: &Vm, how: Resume) -> PyResult<Value> {
        if *self.done.lock() {
            return Err(runtime_error(if self.closing {
                "cannot reuse already awaited aclose()/athrow()"
            } else {
                "cannot reuse already awaited __anext__()/asend()"
            }));
        }
        let first = self.first.lock().take();
        let close = matches!(first, Some(Mode::Close));
        let how = match (first, how) {
            (Some(Mode::Send(v)), Resume::Send(sent)) if sent.is_none() => Resume::Send(v),
            (Some(Mode::Throw(err)), _) => Resume::Throw(err),
            (Some(Mode::Close), _) => {
                Resume::Throw(PyErr::with_args(&types().exc.generator_exit, vec![]))
            }
            (_, how) => how,
        };
        let result = vm.gen_resume(&self.generator, how);
        let finish = || *self.done.lock() = true;
        match result {
            Ok(GenStep::Yield(v)) => {
                let wrapped = match &v {
                    Value::Native(n) => n.downcast::<Wrapped>().map(|w| w.0.clone()),
                    _ => None,
                };
                let Some(value) = wrapped else {
                    return Ok(v);
                };
                finish();
                if close {
                    return Err(runtime_error("async generator ignored GeneratorExit"));
                }
                Err(stop_iteration(Some(value)))
            }
            Ok(GenStep::Return(_)) => {
                finish();
                if close {
                    Err(stop_iteration(None))
                } else {
                    Err(PyErr::with_args(&types().exc.stop_async_iteration, vec![]))
                }
            }
            Err(e) => {
                finish();
                let ended = e.is_instance_of(&types().exc.generator_exit)
                    || e.is_instance_of(&types().exc.stop_async_iteration);
                if close && ended {
                    Err(stop_iteration(None))
                } else {
                    Err(e)
                }
            }
        }
    }
}
