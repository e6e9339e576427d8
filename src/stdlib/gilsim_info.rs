//! `_gilsim`: what a Python-written stdlib module may ask the runtime about its run (the
//! simulated I/O latency, reference counts) and the VM's own formatters it may reuse
//! (tracebacks for `traceback`, disassembly for `dis`).

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::objects::function::Args;
use crate::vm::objects::module::Module;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::PyResult;

pub fn create(_vm: &Vm) -> Arc<Module> {
    crate::stdlib::native_module(
        "_gilsim",
        &[
            ("io_latency", io_latency),
            ("io_wait", io_wait),
            ("refcount", refcount),
            ("format_exception", format_exception),
            ("format_exception_only", format_exception_only),
            ("disassemble", disassemble),
        ],
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

/// The text CPython prints for an uncaught exception (the chain, tracebacks and the
/// last line), for `traceback.format_exception` and `logging`'s `exc_info`.
fn format_exception(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = args.args.first().cloned().unwrap_or(Value::None);
    Ok(Value::str(&vm.format_exception_value(&exc)))
}

/// The exception's own lines, without its traceback or chain (`traceback.format_exception_only`):
/// `Type: message` and its notes, after the offending line and carets for a SyntaxError.
fn format_exception_only(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = args.args.first().cloned().unwrap_or(Value::None);
    Ok(Value::str(&vm.format_exception_only_value(&exc)))
}

/// What `gilsim dis` prints for a function's (or a method's, or a code object's) code:
/// `dis.dis(f)` shares its formatter.
fn disassemble(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let mut target = args.args.first().cloned().unwrap_or(Value::None);
    if let Value::Method(m) = &target {
        target = m.func.clone();
    }
    let code = match &target {
        Value::Function(f) => f.code.clone(),
        Value::Code(c) => c.clone(),
        other => {
            return Err(crate::vm::pyerr::type_error(format!(
                "don't know how to disassemble {} objects",
                crate::vm::objects::types::type_name(other)
            )));
        }
    };
    Ok(Value::str(&crate::compiler::dis::disassemble(&code)))
}

/// Mean latency of simulated network requests, in seconds (`--io-latency`).
fn io_latency(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(vm.interp.runtime.options.io_latency))
}

/// `io_wait(seconds, what)`: a simulated network wait (requests' latency). The thread
/// blocks with the GIL released, as in a sleep, but the views show it as I/O on `what`.
fn io_wait(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = crate::vm::builtins::positional("io_wait", args, 2, 2)?;
    let ns = crate::stdlib::time::seconds_to_ns(&a[0])?.max(0);
    let what = a[1].as_str().unwrap_or("a response").to_string();
    vm.wait_for_io(std::time::Duration::from_nanos(ns.unsigned_abs()), what)?;
    Ok(Value::None)
}
