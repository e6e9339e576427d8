//! Builtin modules: native ones (`sys`, `time`, `math`, `random`, `_thread`) and those
//! written in Python (`threading`, `queue`, `concurrent.futures`, `requests`; see `frozen`).

pub mod frozen;
pub mod gilsim_info;
pub mod math;
pub mod random;
pub mod random_mt;
pub mod sys;
pub mod sys_gil;
pub mod threading;
pub mod time;

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use parking_lot::Mutex;

use crate::vm::context::Vm;
use crate::vm::dict::Dict;
use crate::vm::errors::PyResult;
use crate::vm::function::NativeFn;
use crate::vm::module::Module;
use crate::vm::value::Value;

/// Creates the builtin module `name`, or None if gilsim has no such builtin module.
pub fn create_module(vm: &Vm, name: &str) -> Option<PyResult<Value>> {
    let module = match name {
        "sys" => sys::create(vm),
        "time" => time::create(vm),
        "math" => math::create(vm),
        "random" => random::create(vm),
        "_thread" => threading::create(vm),
        "_gilsim" => gilsim_info::create(vm),
        _ => return None,
    };
    Some(Ok(Value::Module(module)))
}

/// Standard modules a lecture might import that gilsim does not provide yet: importing them
/// raises NotImplementedError instead of a misleading ModuleNotFoundError.
pub fn is_known_unsupported(name: &str) -> bool {
    matches!(
        name,
        "multiprocessing"
            | "asyncio"
            | "subprocess"
            | "os"
            | "socket"
            | "collections"
            | "functools"
            | "itertools"
            | "typing"
            | "dataclasses"
            | "re"
            | "json"
            | "textwrap"
            | "_xxsubinterpreters"
            | "logging"
            | "string"
            | "copy"
            | "operator"
            | "statistics"
            | "decimal"
            | "fractions"
            | "datetime"
            | "io"
    )
}

/// A module with the given native functions. The functions are immutable and shared by
/// every interpreter, so the namespace is built once per process and each run's module
/// starts as a copy of it (the explorer creates `sys`, `time` and `_thread` for every
/// schedule; building them afresh was some 30,000 instructions and 190 allocations each
/// time). `functions` must be the same on every call for one `name`, as each module's
/// `create` passes a fixed table.
pub fn native_module(name: &str, functions: &[(&str, NativeFn)]) -> Arc<Module> {
    static TEMPLATES: LazyLock<Mutex<HashMap<String, Arc<Dict>>>> = LazyLock::new(Default::default);
    let template = TEMPLATES
        .lock()
        .entry(name.to_string())
        .or_insert_with(|| {
            let m = Module::new(name);
            for (fname, f) in functions {
                m.set(fname, crate::vm::builtins::native(fname, *f));
            }
            m.dict
        })
        .clone();
    let dict = Arc::new(Dict::new());
    dict.fill_from(&template);
    Arc::new(Module::with_dict(name, dict))
}
