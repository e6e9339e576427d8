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
            ("refcount", refcount),
            ("format_exception", format_exception),
            ("disassemble", disassemble),
            ("caller", caller),
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

/// `(filename, lineno, function name)` of where the program's own code last called into the
/// standard library, or None: the frame `logging.Logger.findCaller` looks for (CPython walks
/// the frames up to the first outside logging; gilsim keeps no frame objects, but the VM
/// notes each call from user code into stdlib code, which is that frame).
fn caller(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(vm.caller_location().map_or(Value::None, |loc| {
        Value::tuple(vec![
            Value::str(&loc.filename),
            Value::Int(i64::from(loc.line)),
            Value::str(&loc.function),
        ])
    }))
}

/// Mean latency of simulated network requests, in seconds (`--io-latency`).
fn io_latency(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(vm.interp.runtime.options.io_latency))
}
