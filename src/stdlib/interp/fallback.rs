//! CPython 3.14's fallbacks for what is not shareable (`_PyObject_GetXIData` with
//! `_PyXIDATA_FULL_FALLBACK`, Python/crossinterp.c): a stateless function crosses as its
//! code, anything else by pickle — and the receiver, missing a name of the sender's
//! `__main__`, runs the main script again as `<fake __main__>` to find it.

use std::collections::HashMap;
use std::sync::Arc;

use super::share::{Rules, Shared, share};
use crate::compiler::bytecode::{CodeObject, Instr};
use crate::stdlib::mp::pickle::{self, Pickled};
use crate::vm::context::Vm;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::Function;
use crate::vm::objects::types::types;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, overflow_error, value_error};

/// Name of the module the main script runs as when a receiver needs its names: not
/// `__main__`, so its `if __name__ == "__main__":` block stays out
/// (`_unpickle_context_set_module`).
const FAKE_MAIN: &str = "<fake __main__>";

/// `v` as shared data under 3.14's rules, else pickled (a tuple item by item, as its
/// `_tuple_shared` passes the fallback on); None if pickle refuses it too.
pub fn share_or_pickle(vm: &Vm, v: &Value) -> PyResult<Option<Shared>> {
    if let Value::Tuple(t) = v {
        let mut items = Vec::with_capacity(t.items.len());
        for item in t.items.iter() {
            match share_or_pickle(vm, item)? {
                Some(shared) => items.push(shared),
                None => return Ok(None),
            }
        }
        return Ok(Some(Shared::Tuple(items)));
    }
    if let Some(shared) = share(v, Rules::Py314)? {
        return Ok(Some(shared));
    }
    Ok(pickled(vm, v))
}

/// `v` by pickle, with the sender's main script for the receiver (None if pickle refuses).
pub fn pickled(vm: &Vm, v: &Value) -> Option<Shared> {
    let pickled = pickle::dumps(vm, v).ok()?;
    Some(Shared::ByPickle {
        pickled: Arc::new(pickled),
        main_file: main_file(vm),
    })
}

/// 3.14's NotShareableError for `v` (`_set_xid_lookup_failure`): it names `v` itself; a
/// tuple's cause is the refusal of its first item that cannot cross, a big int's the
/// OverflowError of sending it as a C integer. `with_pickle`: whether pickle was tried.
pub fn refusal(vm: &Vm, v: &Value, with_pickle: bool) -> PyErr {
    let shown = vm.repr(v).unwrap_or_default();
    let err = super::interpreters::not_shareable_msg(format!(
        "{shown} does not support cross-interpreter data"
    ));
    let cause = match v {
        Value::BigInt(_) => Some(overflow_error("try sending as bytes")),
        Value::Tuple(t) => t
            .items
            .iter()
            .find(|item| {
                let crosses = if with_pickle {
                    share_or_pickle(vm, item)
                } else {
                    share(item, Rules::Py314)
                };
                !matches!(crosses, Ok(Some(_)))
            })
            .map(|item| refusal(vm, item, with_pickle)),
        _ => None,
    };
    if let Some(cause) = cause {
        caused_by(&err, &cause);
    }
    err
}

/// The error a refused value raises where it arrives (`Shared::Refused`).
pub fn refused(sender_error: &str) -> PyErr {
    let err =
        super::interpreters::not_shareable_msg("object does not support cross-interpreter data");
    let cause = PyErr::msg(&types().exc.exception, sender_error);
    caused_by(&err, &cause);
    err
}

/// Sets `cause` as `err.__cause__` (`raise err from cause`).
fn caused_by(err: &PyErr, cause: &PyErr) {
    err.with_data(|d| {
        d.cause = Some(cause.value());
        d.suppress_context = true;
    });
}

/// The file the sender's `__main__` was run from (`_Py_GetMainfile`): only the main
/// interpreter's has one.
fn main_file(vm: &Vm) -> Option<Arc<str>> {
    let Some(Value::Module(main)) = vm.interp.modules.get_str("__main__") else {
        return None;
    };
    match main.dict.get_str("__file__") {
        Some(Value::Str(s)) if !s.as_str().starts_with('<') => Some(Arc::from(s.as_str())),
        _ => None,
    }
}

/// The main script's namespace as each interpreter ran it as `<fake __main__>` (None: the
/// run failed). CPython 3.14.10 runs it once per interpreter and adds nothing to that
/// interpreter's own `__main__`.
#[derive(Default)]
struct FakeMains(parking_lot::Mutex<HashMap<u64, Option<Arc<Dict>>>>);

/// Unpickles data another interpreter sent (`_PyPickle_LoadFromXIData`): a name this
/// interpreter's `__main__` lacks is taken from the main script run again here; a failure
/// is NotShareableError("object could not be unpickled") caused by pickle's error.
pub fn load(vm: &Vm, pickled: &Pickled, main_file: Option<&str>) -> PyResult<Value> {
    let mut supply = |vm: &Vm, name: &str| -> PyResult<Option<Value>> {
        let Some(file) = main_file else {
            return Ok(None);
        };
        let Some(namespace) = fake_main(vm, file)? else {
            return Ok(None);
        };
        Ok(namespace.get_str(name))
    };
    pickle::loads_supplying_main(vm, pickled, &mut supply).map_err(|cause| {
        if vm.thread.stopping() {
            return cause;
        }
        let err = super::interpreters::not_shareable_msg("object could not be unpickled");
        caused_by(&err, &cause);
        err
    })
}

/// This interpreter's run of the main script as `<fake __main__>` (runpy's `run_path`),
/// made on first need: its namespace, or None if it failed.
fn fake_main(vm: &Vm, file: &str) -> PyResult<Option<Arc<Dict>>> {
    let runs = vm.interp.runtime.module_state::<FakeMains>();
    if let Some(done) = runs.0.lock().get(&vm.interp.id) {
        return Ok(done.clone());
    }
    let Some(source) = vm.interp.runtime.source(file) else {
        return Ok(None);
    };
    let ran = vm.run_source_as_module(FAKE_MAIN, &source, file);
    // run_path's module is temporary: it is not left in sys.modules.
    vm.interp.modules.remove_name(FAKE_MAIN);
    let namespace = match ran {
        Ok(Value::Module(m)) => Some(m.dict.clone()),
        Ok(_) => None,
        Err(e) if vm.thread.stopping() => return Err(e),
        Err(_) => None,
    };
    runs.0.lock().insert(vm.interp.id, namespace.clone());
    Ok(namespace)
}

/// Why `f` is not stateless (`_PyFunction_VerifyStateless`): only a function without
/// defaults, closure or generator state whose global names are all builtins crosses as
/// its code; None if it is stateless.
pub fn not_stateless(vm: &Vm, f: &Function) -> Option<&'static str> {
    if !f.defaults.is_empty() {
        return Some("defaults not supported");
    }
    if f.kwdefaults.as_ref().is_some_and(|d| !d.is_empty()) {
        return Some("keyword defaults not supported");
    }
    if !f.closure.is_empty() || !f.code.freevars.is_empty() {
        return Some("closures not supported");
    }
    if f.code.is_generator() {
        return Some("only basic code objects are supported");
    }
    let builtins = vm.builtins();
    let mut global_names = Vec::new();
    collect_global_names(&f.code, &mut global_names);
    let stateful = global_names.iter().any(|name| {
        let Value::Str(s) = name else { return false };
        f.globals.get_str(s.as_str()).is_some() || builtins.get_str(s.as_str()).is_none()
    });
    stateful.then_some("globals not supported")
}

/// The names `code` looks up as globals, with those of the comprehensions inside it
/// (CPython 3.12+ inlines list, set and dict comprehensions into the function's code).
fn collect_global_names(code: &CodeObject, out: &mut Vec<Value>) {
    for instr in code.instructions.iter() {
        // The low bit of LOAD_GLOBAL's argument says whether it also pushes NULL.
        if let Instr::LoadGlobal(arg) = instr
            && let Some(name) = code.names.get((*arg >> 1) as usize)
        {
            out.push(name.clone());
        }
    }
    for constant in code.consts.iter() {
        if let Value::Code(inner) = constant
            && matches!(&*inner.name, "<listcomp>" | "<setcomp>" | "<dictcomp>")
        {
            collect_global_names(inner, out);
        }
    }
}

/// The ValueError a stateless check gives, as the cause of "only stateless functions are
/// shareable".
pub fn stateless_refusal(reason: &str) -> PyErr {
    let err = super::interpreters::not_shareable_msg("only stateless functions are shareable");
    caused_by(&err, &value_error(reason));
    err
}
