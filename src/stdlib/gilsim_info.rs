//! `_gilsim`: what a Python-written stdlib module may ask the runtime about its run
//! (the simulated I/O latency; later the simulated clock).

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::objects::function::Args;
use crate::vm::objects::module::Module;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::PyResult;

pub fn create(_vm: &Vm) -> Arc<Module> {
    crate::stdlib::native_module("_gilsim", &[("io_latency", io_latency)])
}

/// Mean latency of simulated network requests, in seconds (`--io-latency`).
fn io_latency(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(vm.interp.runtime.options.io_latency))
}
