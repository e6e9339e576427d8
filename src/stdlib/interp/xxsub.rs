//! `_xxsubinterpreters` as CPython 3.12 has it (the lecture's API): `create`, `destroy`,
//! `list_all`, `get_current`, `get_main`, `is_running`, `is_shareable`, `run_string`,
//! `InterpreterID` and `RunFailedError`, with 3.12's messages
//! (Modules/_xxsubinterpretersmodule.c, Python/crossinterp.c).

use std::sync::{Arc, LazyLock};

use super::share::{Rules, share_namespace};
use crate::runtime::Interpreter;
use crate::vm::builtins::{parse, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Layout};
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::types::{type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, runtime_error, type_error, value_error};

pub fn create(vm: &Vm) -> Arc<Module> {
    let functions: &[(&str, NativeFn)] = &[
        ("create", create_interpreter),
        ("destroy", destroy),
        ("list_all", list_all),
        ("get_current", get_current),
        ("get_main", get_main),
        ("is_running", is_running),
        ("is_shareable", is_shareable),
        ("run_string", run_string),
    ];
    let m = super::super::native_module("_xxsubinterpreters", functions);
    m.set("InterpreterID", Value::Class(INTERPRETER_ID.clone()));
    m.set("RunFailedError", Value::Class(RUN_FAILED.clone()));
    let options = &vm.interp.runtime.options;
    if !options.like_at_least(crate::runtime::PyVersion(3, 12)) {
        super::channels::add_to_xxsubinterpreters(&m);
    }
    m
}

/// `_xxsubinterpreters.InterpreterID`: an int-like handle (its repr `InterpreterID(1)`).
pub static INTERPRETER_ID: LazyLock<Arc<Class>> = LazyLock::new(|| {
    crate::vm::builtins::native_class(
        "InterpreterID",
        "builtins",
        &[
            ("__new__", new_interpreter_id),
            ("__repr__", id_repr),
            ("__str__", id_str),
            ("__int__", id_int),
            ("__index__", id_int),
            ("__hash__", id_hash),
            ("__eq__", id_eq),
        ],
    )
});

/// `_xxsubinterpreters.RunFailedError` (a RuntimeError): code run in another interpreter
/// raised; its message names the exception's class and message.
pub static RUN_FAILED: LazyLock<Arc<Class>> = LazyLock::new(|| {
    Arc::new(Class::new_builtin(
        "RunFailedError",
        "_xxsubinterpreters",
        vec![types().exc.runtime_error.clone()],
        Layout::Exception,
    ))
});

/// The id an InterpreterID object stands for.
struct InterpreterId(u64);

/// An InterpreterID object for interpreter `id`.
pub fn interpreter_id_value(id: u64) -> Value {
    Value::Native(Arc::new(NativeObject::new(
        INTERPRETER_ID.clone(),
        InterpreterId(id),
    )))
}

/// An interpreter id from an int or an InterpreterID, with 3.12's errors.
fn id_arg(v: &Value) -> PyResult<u64> {
    if let Value::Native(n) = v
        && let Some(InterpreterId(id)) = n.downcast::<InterpreterId>()
    {
        return Ok(*id);
    }
    match v {
        Value::Int(i) if *i >= 0 => Ok(*i as u64),
        Value::Int(i) => Err(value_error(format!(
            "interpreter ID must be a non-negative int, got {i}"
        ))),
        Value::BigInt(_) => Err(crate::vm::pyerr::overflow_error(
            "Python int too large to convert to C int64_t",
        )),
        other => Err(type_error(format!(
            "interpreter ID must be an int, got {}",
            type_name(other)
        ))),
    }
}

/// The live interpreter with id `v`, or 3.12's "unrecognized interpreter ID".
fn lookup(vm: &Vm, v: &Value) -> PyResult<Arc<Interpreter>> {
    let id = id_arg(v)?;
    vm.interp
        .runtime
        .interpreter(id)
        .ok_or_else(|| runtime_error(format!("unrecognized interpreter ID {id}")))
}

fn receiver_id(args: &Args<'_>) -> PyResult<u64> {
    match args.args.first() {
        Some(Value::Native(n)) => n
            .downcast::<InterpreterId>()
            .map(|InterpreterId(id)| *id)
            .ok_or_else(|| type_error("descriptor requires an 'InterpreterID' object")),
        _ => Err(type_error("descriptor requires an 'InterpreterID' object")),
    }
}

fn new_interpreter_id(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("InterpreterID", args, &["id", "force"], 1)?;
    let id = id_arg(p.get(0).unwrap_or(&Value::None))?;
    let force = match p.given(1) {
        Some(f) => vm.is_true(f)?,
        None => false,
    };
    if !force && vm.interp.runtime.interpreter(id).is_none() {
        return Err(runtime_error(format!("unrecognized interpreter ID {id}")));
    }
    Ok(interpreter_id_value(id))
}

fn id_repr(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::string(format!(
        "InterpreterID({})",
        receiver_id(&args)?
    )))
}

fn id_str(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::string(receiver_id(&args)?.to_string()))
}

fn id_int(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(receiver_id(&args)? as i64))
}

fn id_hash(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    // Equal to its int, so it hashes as the int does.
    let id = Value::Int(receiver_id(&args)? as i64);
    Ok(Value::Int(vm.hash_value(&id)?))
}

fn id_eq(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let mine = receiver_id(&args)?;
    let Some(other) = args.args.get(1) else {
        return Err(type_error("expected 1 argument, got 0"));
    };
    Ok(match id_arg(other) {
        Ok(theirs) => Value::Bool(theirs == mine),
        Err(_) => Value::NotImplemented,
    })
}

fn create_interpreter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("create", args, &["isolated"], 0)?;
    let isolated = match p.given(0) {
        Some(v) => vm.is_true(v)?,
        None => true,
    };
    let interp =
        super::create(vm, isolated).ok_or_else(|| runtime_error("interpreter creation failed"))?;
    Ok(interpreter_id_value(interp.id))
}

fn destroy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("destroy", args, 1, 1)?;
    let id = id_arg(&a[0])?;
    super::destroy(vm, id).map_err(|e| match e {
        super::DestroyError::Unknown => runtime_error(format!("unrecognized interpreter ID {id}")),
        super::DestroyError::Current => runtime_error("cannot destroy the current interpreter"),
        super::DestroyError::Running => runtime_error("interpreter running"),
    })?;
    Ok(Value::None)
}

fn list_all(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("list_all", args, 0, 0)?;
    let mut ids = vec![interpreter_id_value(0)];
    ids.extend(
        vm.interp
            .runtime
            .subinterpreter_ids()
            .into_iter()
            .map(interpreter_id_value),
    );
    Ok(Value::list(ids))
}

fn get_current(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("get_current", args, 0, 0)?;
    Ok(interpreter_id_value(vm.interp.id))
}

fn get_main(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("get_main", args, 0, 0)?;
    Ok(interpreter_id_value(0))
}

fn is_running(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("is_running", args, 1, 1)?;
    let interp = lookup(vm, &a[0])?;
    Ok(Value::Bool(super::is_running(&interp)))
}

fn is_shareable(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("is_shareable", args, 1, 1)?;
    Ok(Value::Bool(super::share::is_shareable(&a[0], Rules::Py312)))
}

/// `run_string(id, script, shared=None)`: runs `script` in the interpreter's `__main__` on
/// this thread; an exception there is a RunFailedError here.
fn run_string(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("run_string", args, &["id", "script", "shared"], 2)?;
    let target = lookup(vm, p.get(0).unwrap_or(&Value::None))?;
    let script = match p.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "run_string() argument 2 must be str, not {}",
                type_name(other)
            )));
        }
        None => {
            return Err(type_error(
                "run_string() missing required argument 'script' (pos 2)",
            ));
        }
    };
    let shared = match p.given(2) {
        Some(ns) => share_namespace(vm, ns, Rules::Py312)?,
        None => Vec::new(),
    };
    if super::is_running(&target) {
        return Err(runtime_error("interpreter already running"));
    }
    match super::run_source(vm, &target, script.as_str(), shared)? {
        None => Ok(Value::None),
        Some(info) => Err(PyErr::msg(
            &RUN_FAILED,
            format!("{}: {}", info.type_repr(), info.msg),
        )),
    }
}
