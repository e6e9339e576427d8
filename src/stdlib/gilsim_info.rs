//! `_gilsim`: what a Python-written stdlib module may ask the runtime about its run
//! (the simulated I/O latency; later the simulated clock).

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::objects::function::Args;
use crate::vm::objects::module::Module;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::PyResult;

pub fn create(_vm: &Vm) -> Arc<Module> {
    crate::stdlib::native_module(
        "_gilsim",
        &[("io_latency", io_latency), ("refcount", refcount)],
    )
}

/// How many references an object has (CPython's `sys.getrefcount` minus its argument's
/// own): asyncio reports an unretrieved Task exception once only its own bookkeeping
/// still holds the Task, which is when CPython's `Future.__del__` reports it.
fn refcount(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let count = match args.args.first() {
        Some(Value::Instance(i)) => Arc::strong_count(i) - 1,
        _ => 0,
    };
    Ok(Value::Int(count as i64))
}

/// Mean latency of simulated network requests, in seconds (`--io-latency`).
fn io_latency(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(vm.interp.runtime.options.io_latency))
}
