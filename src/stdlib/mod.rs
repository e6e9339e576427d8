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

use std::sync::Arc;

use crate::vm::context::Vm;
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

/// A module with the given native functions.
pub fn native_module(name: &str, functions: &[(&str, NativeFn)]) -> Arc<Module> {
    let m = Arc::new(Module::new(name));
    for (fname, f) in functions {
        m.set(fname, crate::vm::builtins::native(fname, *f));
    }
    m
}
