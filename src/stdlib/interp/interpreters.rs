//! `_interpreters` as CPython 3.13 has it (Modules/_interpretersmodule.c): plain int ids with
//! a "whence", `exec` that returns the exception's snapshot instead of raising, functions
//! run by their code object, and 3.13's sharing rules (bool, float and tuples too).

use std::sync::{Arc, LazyLock};

use crate::vm::builtins::{parse, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Layout};
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::types::{type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, type_error, value_error};

use super::fallback;
use super::share::{Rules, Shared, share, share_namespace};
use super::{DestroyError, ExcInfo, Script};
use crate::runtime::Interpreter;

/// `WHENCE_RUNTIME`: how the main interpreter came to be.
const WHENCE_RUNTIME: i64 = 1;
/// `WHENCE_STDLIB`: made by `_interpreters.create()` (and, in gilsim, by the other APIs).
const WHENCE_STDLIB: i64 = 5;

pub fn create(_vm: &Vm) -> Arc<Module> {
    let functions: &[(&str, NativeFn)] = &[
        ("create", create_interpreter),
        ("destroy", destroy),
        ("list_all", list_all),
        ("get_current", get_current),
        ("get_main", get_main),
        ("whence", whence),
        ("is_running", is_running),
        ("is_shareable", is_shareable),
        ("exec", exec),
        ("call", call),
        ("run_string", run_string),
        ("run_func", run_func),
        ("set___main___attrs", set_main_attrs),
        ("new_config", new_config),
        ("get_config", get_config),
        ("incref", incref),
        ("decref", incref),
        ("capture_exception", capture_exception),
        ("_call_with_result", call_with_result),
        ("_prepare_main", prepare_main),
    ];
    let m = super::super::native_module("_interpreters", functions);
    let e = &*ERRORS;
    m.set("InterpreterError", Value::Class(e.base.clone()));
    m.set(
        "InterpreterNotFoundError",
        Value::Class(e.not_found.clone()),
    );
    m.set("NotShareableError", Value::Class(e.not_shareable.clone()));
    for (name, value) in [
        ("WHENCE_UNKNOWN", 0),
        ("WHENCE_RUNTIME", WHENCE_RUNTIME),
        ("WHENCE_LEGACY_CAPI", 2),
        ("WHENCE_CAPI", 3),
        ("WHENCE_XI", 4),
        ("WHENCE_STDLIB", WHENCE_STDLIB),
    ] {
        m.set(name, Value::Int(value));
    }
    m
}

/// The module's exception classes (module `interpreters`, as 3.13 names them).
struct Errors {
    base: Arc<Class>,
    not_found: Arc<Class>,
    not_shareable: Arc<Class>,
}

static ERRORS: LazyLock<Errors> = LazyLock::new(|| {
    let class = |name: &str, base: &Arc<Class>| {
        Arc::new(Class::new_builtin(
            name,
            "interpreters",
            vec![base.clone()],
            Layout::Exception,
        ))
    };
    let base = class("InterpreterError", &types().exc.exception);
    Errors {
        not_found: class("InterpreterNotFoundError", &base),
        not_shareable: class("NotShareableError", &types().exc.value_error),
        base,
    }
});

/// 3.13's `NotShareableError` for a value that cannot cross: it names the innermost
/// culprit (`[2]` of `(1, [2])`).
pub fn not_shareable(vm: &Vm, value: &Value, rules: Rules) -> PyErr {
    let culprit = super::share::culprit(value, rules);
    let shown = vm.repr(&culprit).unwrap_or_default();
    not_shareable_msg(format!("{shown} does not support cross-interpreter data"))
}

/// `NotShareableError(msg)`.
pub fn not_shareable_msg(msg: impl Into<String>) -> PyErr {
    PyErr::msg(&ERRORS.not_shareable, msg)
}

/// An interpreter id: an int (3.13 has no InterpreterID class any more).
fn id_arg(v: &Value) -> PyResult<u64> {
    match v {
        Value::Int(i) if *i >= 0 => Ok(*i as u64),
        Value::Int(i) => Err(value_error(format!(
            "interpreter ID must be a non-negative int, got {i}"
        ))),
        Value::Bool(b) => Ok(*b as u64),
        Value::BigInt(_) => Err(crate::vm::pyerr::overflow_error(
            "Python int too large to convert to C int64_t",
        )),
        other => Err(type_error(format!(
            "interpreter ID must be an int, got {}",
            type_name(other)
        ))),
    }
}

/// The live interpreter `v` names, or InterpreterNotFoundError.
fn lookup(vm: &Vm, v: &Value) -> PyResult<Arc<Interpreter>> {
    let id = id_arg(v)?;
    vm.interp.runtime.interpreter(id).ok_or_else(|| {
        PyErr::msg(
            &ERRORS.not_found,
            format!("unrecognized interpreter ID {id}"),
        )
    })
}

/// `(id, whence)`, as `list_all()` and `get_current()` give them.
fn id_and_whence(id: u64) -> Value {
    let whence = if id == 0 {
        WHENCE_RUNTIME
    } else {
        WHENCE_STDLIB
    };
    Value::tuple(vec![Value::Int(id as i64), Value::Int(whence)])
}

/// `create([config], *, reqrefs=False)`: config is None, a name ("isolated", "legacy",
/// "default", "empty") or a namespace from `new_config()`; only its GIL matters here.
fn create_interpreter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("create", args, &["config", "*reqrefs"], 0)?;
    let own_gil = match p.given(0) {
        None => true,
        Some(Value::Str(name)) => config_owns_gil(name.as_str())?,
        Some(ns) => {
            let gil = vm.getattr_str(ns, "gil")?;
            vm.str(&gil)? != "shared"
        }
    };
    let interp = super::create(vm, own_gil)
        .ok_or_else(|| PyErr::msg(&ERRORS.base, "interpreter creation failed"))?;
    Ok(Value::Int(interp.id as i64))
}

/// Whether a predefined config gives the interpreter its own GIL.
fn config_owns_gil(name: &str) -> PyResult<bool> {
    match name {
        "isolated" | "default" | "" => Ok(true),
        "legacy" | "empty" => Ok(false),
        other => Err(value_error(format!("unsupported config name '{other}'"))),
    }
}

/// `new_config(name='isolated', /, **overrides)`: the config as a namespace.
fn new_config(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("new_config", Args::positional(args.pos()), 0, 1)?;
    let name = match a.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "new_config() argument 1 must be str, not {}",
                type_name(other)
            )));
        }
        None => "isolated".into(),
    };
    let own = config_owns_gil(&name)?;
    let ns = config_namespace(vm, own)?;
    for (key, value) in args.kwargs() {
        vm.setattr(
            &ns,
            &Arc::new(crate::vm::objects::pystr::PyStr::new(key)),
            value.clone(),
        )?;
    }
    Ok(ns)
}

/// `get_config(id, *, restrict=False)`.
fn get_config(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("get_config", args, &["id", "*restrict"], 1)?;
    let target = lookup(vm, p.get(0).unwrap_or(&Value::None))?;
    let main_gil = vm.interp.runtime.interpreter(0).map(|m| m.gil.id);
    let own = target.is_main() || Some(target.gil.id) != main_gil;
    config_namespace(vm, own)
}

fn config_namespace(vm: &Vm, own_gil: bool) -> PyResult<Value> {
    namespace(
        vm,
        vec![
            ("use_main_obmalloc", Value::Bool(!own_gil)),
            ("allow_fork", Value::Bool(!own_gil)),
            ("allow_exec", Value::Bool(!own_gil)),
            ("allow_threads", Value::Bool(true)),
            ("allow_daemon_threads", Value::Bool(!own_gil)),
            ("check_multi_interp_extensions", Value::Bool(own_gil)),
            ("gil", Value::str(if own_gil { "own" } else { "shared" })),
        ],
    )
}

/// A `types.SimpleNamespace` with `attrs`, made in the calling interpreter.
fn namespace(vm: &Vm, attrs: Vec<(&str, Value)>) -> PyResult<Value> {
    let module = vm.import_module("types")?;
    let class = vm.getattr_str(&module, "SimpleNamespace")?;
    let ns = vm.call(&class, &[])?;
    for (name, value) in attrs {
        vm.setattr(
            &ns,
            &Arc::new(crate::vm::objects::pystr::PyStr::new(name)),
            value,
        )?;
    }
    Ok(ns)
}

/// The snapshot `exec` returns for an exception (`_PyXI_excinfo_AsObject`).
fn excinfo_value(vm: &Vm, info: ExcInfo) -> PyResult<Value> {
    let exc_type = namespace(
        vm,
        vec![
            ("__name__", Value::string(info.type_name)),
            ("__qualname__", Value::string(info.type_qualname)),
            ("__module__", Value::string(info.type_module)),
        ],
    )?;
    namespace(
        vm,
        vec![
            ("type", exc_type),
            ("msg", Value::string(info.msg)),
            ("formatted", Value::string(info.formatted)),
            ("errdisplay", Value::string(info.errdisplay)),
        ],
    )
}

/// `capture_exception(exc=None)`: the snapshot of `exc`. Without one, 3.13.0 returns None
/// even inside an `except` block (its docstring promises the handled exception).
fn capture_exception(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("capture_exception", args, &["exc"], 0)?;
    let Some(exc) = p.given(0).cloned() else {
        return Ok(Value::None);
    };
    let is_exception = matches!(&exc, Value::Instance(i) if i.is_exception());
    if !is_exception {
        return Err(type_error(format!(
            "expected exception, got {}",
            type_name(&exc)
        )));
    }
    let err = vm.make_exception(exc)?;
    excinfo_value(vm, super::exc_info(vm, &err))
}

fn destroy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("destroy", args, &["id", "*restrict"], 1)?;
    let id = id_arg(p.get(0).unwrap_or(&Value::None))?;
    super::destroy(vm, id).map_err(|e| match e {
        DestroyError::Unknown => PyErr::msg(
            &ERRORS.not_found,
            format!("unrecognized interpreter ID {id}"),
        ),
        DestroyError::Current => PyErr::msg(&ERRORS.base, "cannot destroy the current interpreter"),
        DestroyError::Running => PyErr::msg(&ERRORS.base, "interpreter running"),
    })?;
    Ok(Value::None)
}

fn list_all(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    parse("list_all", args, &["*require_ready"], 0)?;
    let mut ids = vec![id_and_whence(0)];
    ids.extend(
        vm.interp
            .runtime
            .subinterpreter_ids()
            .into_iter()
            .map(id_and_whence),
    );
    Ok(Value::list(ids))
}

fn get_current(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("get_current", args, 0, 0)?;
    Ok(id_and_whence(vm.interp.id))
}

fn get_main(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("get_main", args, 0, 0)?;
    Ok(id_and_whence(0))
}

fn whence(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("whence", args, 1, 1)?;
    let target = lookup(vm, &a[0])?;
    let whence = if target.is_main() {
        WHENCE_RUNTIME
    } else {
        WHENCE_STDLIB
    };
    Ok(Value::Int(whence))
}

fn is_running(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("is_running", args, &["id", "*restrict"], 1)?;
    let target = lookup(vm, p.get(0).unwrap_or(&Value::None))?;
    Ok(Value::Bool(super::is_running(&target)))
}

fn is_shareable(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("is_shareable", args, 1, 1)?;
    Ok(Value::Bool(super::share::is_shareable(&a[0], Rules::Py313)))
}

/// `incref(id, *, implieslink=False, restrict=False)` / `decref`: gilsim keeps every
/// interpreter until it is destroyed (or the run ends), so these only check the id.
fn incref(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("incref", args, &["id", "*implieslink", "*restrict"], 1)?;
    lookup(vm, p.get(0).unwrap_or(&Value::None))?;
    Ok(Value::None)
}

/// A `shared=` argument as data, with 3.13's NotShareableError.
fn shared_arg(vm: &Vm, ns: Option<&Value>) -> PyResult<Vec<(String, Shared)>> {
    shared_by(vm, ns, Rules::Py313)
}

/// A namespace of values as data under `rules`, refusing what cannot cross.
fn shared_by(vm: &Vm, ns: Option<&Value>, rules: Rules) -> PyResult<Vec<(String, Shared)>> {
    let Some(ns) = ns else {
        return Ok(Vec::new());
    };
    let Value::Dict(d) = ns else {
        return Err(type_error(format!("expected dict, got {}", type_name(ns))));
    };
    for (_, value) in d.items() {
        if share(&value, rules)?.is_none() {
            return Err(match rules {
                // 3.14's `set___main___attrs` does not fall back to pickle.
                Rules::Py314 => fallback::refusal(vm, &value, false),
                _ => not_shareable(vm, &value, rules),
            });
        }
    }
    share_namespace(vm, ns, rules)
}

/// Which code `exec` and friends accept: `what` names the kinds in the TypeError.
#[derive(Clone, Copy)]
enum Accepts {
    /// `exec`: a string, a function or a code object.
    Any,
    /// `run_string`: a string.
    Text,
    /// `run_func`: a function or a code object.
    Callable,
    /// `call`: a function.
    Function,
}

/// The script `code` stands for, checked as `_interpreters.<fname>()` checks it.
fn script_arg<'a>(fname: &str, code: &'a Value, accepts: Accepts) -> PyResult<Script<'a>> {
    let wanted = match accepts {
        Accepts::Any => "a string, a function, or a code object",
        Accepts::Text => "a string",
        Accepts::Callable => "a function or a code object",
        Accepts::Function => "a function",
    };
    let refuse = || {
        type_error(format!(
            "_interpreters.{fname}() argument 2 must be {wanted}, not {}",
            type_name(code)
        ))
    };
    let code_object = match (code, accepts) {
        (Value::Str(s), Accepts::Any | Accepts::Text) => return Ok(Script::Source(s.as_str())),
        (Value::Function(f), Accepts::Any | Accepts::Callable | Accepts::Function) => {
            f.code.clone()
        }
        (Value::Code(c), Accepts::Any | Accepts::Callable) => c.clone(),
        _ => return Err(refuse()),
    };
    if !code_object.freevars.is_empty() {
        return Err(value_error(format!(
            "_interpreters.{fname}(): closures not supported"
        )));
    }
    let takes_arguments = code_object.argcount > 0
        || code_object.kwonlyargcount > 0
        || code_object.flags
            & (crate::compiler::bytecode::flags::VARARGS
                | crate::compiler::bytecode::flags::VARKEYWORDS)
            != 0;
    if takes_arguments {
        return Err(value_error(format!(
            "_interpreters.{fname}(): bad func (arguments not supported)"
        )));
    }
    Ok(Script::Code(code_object))
}

/// Runs `script` in the interpreter `id` names: None, or the exception's snapshot.
fn run_in(
    vm: &Vm,
    id: &Value,
    script: Script<'_>,
    shared: Vec<(String, Shared)>,
) -> PyResult<Value> {
    let target = lookup(vm, id)?;
    if super::is_running(&target) && !target.is_main() {
        return Err(PyErr::msg(&ERRORS.base, "interpreter already running"));
    }
    match super::run_script(vm, &target, script, shared)? {
        Ok(_) => Ok(Value::None),
        Err(info) => excinfo_value(vm, *info),
    }
}

/// `exec(id, code, shared=None, *, restrict=False)`.
fn exec(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("exec", args, &["id", "code", "shared", "*restrict"], 2)?;
    let (id, code) = (
        p.get(0).unwrap_or(&Value::None),
        p.get(1).unwrap_or(&Value::None),
    );
    let script = script_arg("exec", code, Accepts::Any)?;
    let shared = shared_arg(vm, p.given(2))?;
    run_in(vm, id, script, shared)
}

/// `run_string(id, script, shared=None, *, restrict=False)`.
fn run_string(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse(
        "run_string",
        args,
        &["id", "script", "shared", "*restrict"],
        2,
    )?;
    let (id, code) = (
        p.get(0).unwrap_or(&Value::None),
        p.get(1).unwrap_or(&Value::None),
    );
    let script = script_arg("run_string", code, Accepts::Text)?;
    let shared = shared_arg(vm, p.given(2))?;
    run_in(vm, id, script, shared)
}

/// `run_func(id, func, shared=None, *, restrict=False)`.
fn run_func(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("run_func", args, &["id", "func", "shared", "*restrict"], 2)?;
    let (id, code) = (
        p.get(0).unwrap_or(&Value::None),
        p.get(1).unwrap_or(&Value::None),
    );
    let script = script_arg("run_func", code, Accepts::Callable)?;
    let shared = shared_arg(vm, p.given(2))?;
    run_in(vm, id, script, shared)
}

/// `call(id, callable, args=None, kwargs=None, *, restrict=False)`: 3.13 runs a function
/// that takes no arguments and drops its result; None, or the exception's snapshot.
fn call(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse(
        "call",
        args,
        &["id", "callable", "args", "kwargs", "*restrict"],
        2,
    )?;
    let (id, code) = (
        p.get(0).unwrap_or(&Value::None),
        p.get(1).unwrap_or(&Value::None),
    );
    let script = script_arg("call", code, Accepts::Function)?;
    // 3.13.0 refuses any args, even empty ones (`_interpreters_call_impl`).
    if p.given(2).is_some() || p.given(3).is_some() {
        return Err(value_error("got unexpected args"));
    }
    run_in(vm, id, script, Vec::new())
}

/// `_call_with_result(id, callable, args, kwargs) -> (result, excinfo, exception)` (gilsim's
/// own, for `concurrent.interpreters`): 3.14's `_interpreters.call`, which passes arguments
/// and brings the result back, by 3.14's rules with pickle as the fallback; a builtin
/// exception comes back too, for `InterpreterPoolExecutor` to re-raise. A stateless
/// function crosses as its code and runs with that interpreter's `__main__` as globals;
/// any other callable crosses by pickle, by name (`_interp_call_pack`).
fn call_with_result(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse(
        "_call_with_result",
        args,
        &["id", "callable", "args", "kwargs"],
        2,
    )?;
    let target = lookup(vm, p.get(0).unwrap_or(&Value::None))?;
    let function = callable_data(vm, p.get(1).unwrap_or(&Value::None))?;
    // The args tuple crosses as one value, item by item; the kwargs dict by pickle.
    let positional = match p.given(2) {
        None => Vec::new(),
        Some(Value::Tuple(t)) => match fallback::share_or_pickle(vm, &Value::Tuple(t.clone()))? {
            Some(Shared::Tuple(items)) => items,
            _ => return Err(fallback::refusal(vm, &Value::Tuple(t.clone()), true)),
        },
        Some(other) => {
            return Err(type_error(format!(
                "args must be a tuple, got {}",
                type_name(other)
            )));
        }
    };
    let keywords = match p.given(3) {
        None => None,
        Some(Value::Dict(d)) if d.is_empty() => None,
        Some(kwargs @ Value::Dict(_)) => match fallback::pickled(vm, kwargs) {
            Some(shared) => Some(shared),
            None => return Err(fallback::refusal(vm, kwargs, true)),
        },
        Some(other) => {
            return Err(type_error(format!(
                "kwargs must be a dict, got {}",
                type_name(other)
            )));
        }
    };
    if super::is_running(&target) && !target.is_main() {
        return Err(PyErr::msg(&ERRORS.base, "interpreter already running"));
    }
    let call = super::Call {
        function,
        args: positional,
        kwargs: keywords,
    };
    match super::run_script(vm, &target, Script::Call(Box::new(call)), Vec::new())? {
        Ok(result) => Ok(Value::tuple(vec![
            match result {
                Some(r) => r.into_value(vm)?,
                None => Value::None,
            },
            Value::None,
            Value::None,
        ])),
        Err(info) => {
            let exception = match info.exception.clone() {
                Some(e) => e.into_value(vm)?,
                None => Value::None,
            };
            Ok(Value::tuple(vec![
                Value::None,
                excinfo_value(vm, *info)?,
                exception,
            ]))
        }
    }
}

/// The callable of a 3.14 `call` as data: a stateless function's code, else the callable
/// pickled; if pickle refuses it, the stateless check's error (`_PyFunction_GetXIData`).
fn callable_data(vm: &Vm, callable: &Value) -> PyResult<super::CallTarget> {
    if !vm.is_callable(callable) {
        return Err(type_error(format!(
            "expected a callable, got {}",
            vm.repr(callable)?
        )));
    }
    let refusal = match callable {
        Value::Function(f) => match super::fallback::not_stateless(vm, f) {
            None => return Ok(super::CallTarget::Code(f.code.clone())),
            Some(reason) => super::fallback::stateless_refusal(reason),
        },
        other => not_shareable_msg(format!("expected a function, got {}", vm.repr(other)?)),
    };
    match super::fallback::pickled(vm, callable) {
        Some(data) => Ok(super::CallTarget::Pickled(data)),
        None => Err(refusal),
    }
}

/// `_prepare_main(id, ns)` (gilsim's own, for 3.14's `Interpreter.prepare_main`):
/// `set___main___attrs` under 3.14's rules (plain data and queues cross too).
fn prepare_main(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("_prepare_main", args, 2, 2)?;
    let target = lookup(vm, &a[0])?;
    let shared = shared_by(vm, Some(&a[1]), Rules::Py314)?;
    if super::is_running(&target) && !target.is_main() {
        return Err(PyErr::msg(&ERRORS.base, "interpreter already running"));
    }
    super::set_main_attrs(vm, &target, shared)?;
    Ok(Value::None)
}

/// `set___main___attrs(id, ns, *, restrict=False)`: binds shareable values in `__main__`.
fn set_main_attrs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse(
        "set___main___attrs",
        args,
        &["id", "updates", "*restrict"],
        2,
    )?;
    let target = lookup(vm, p.get(0).unwrap_or(&Value::None))?;
    let updates = p.get(1).unwrap_or(&Value::None);
    if !matches!(updates, Value::Dict(_)) {
        return Err(type_error(format!(
            "arg 2 must be a dict, got {}",
            type_name(updates)
        )));
    }
    let shared = shared_arg(vm, Some(updates))?;
    if super::is_running(&target) && !target.is_main() {
        return Err(PyErr::msg(&ERRORS.base, "interpreter already running"));
    }
    super::set_main_attrs(vm, &target, shared)?;
    Ok(Value::None)
}
