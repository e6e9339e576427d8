//! The GIL knobs of `sys`: `setswitchinterval`/`getswitchinterval` (3.2+),
//! `setcheckinterval`/`getcheckinterval` (Python 2's ticks) and `_is_gil_enabled` (3.13).

use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::runtime::gil::CheckPoints;
use crate::vm::builtins::positional;
use crate::vm::context::Vm;
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error, value_error};

pub fn register(m: &Module) {
    let functions: &[(&str, NativeFn)] = &[
        ("setswitchinterval", setswitchinterval),
        ("getswitchinterval", getswitchinterval),
        ("setcheckinterval", setcheckinterval),
        ("getcheckinterval", getcheckinterval),
        ("_is_gil_enabled", is_gil_enabled),
    ];
    for (name, f) in functions {
        m.set(name, crate::vm::builtins::native(name, *f));
    }
}

/// Like CPython's `sys_setswitchinterval_impl`: strictly positive, kept in microseconds.
fn setswitchinterval(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("setswitchinterval", args, 1, 1)?;
    let secs = match &a[0] {
        Value::Float(f) => *f,
        v => match v.as_i64() {
            Some(i) => i as f64,
            None => {
                return Err(type_error(format!(
                    "must be real number, not {}",
                    type_name(v)
                )));
            }
        },
    };
    if secs.is_nan() || secs <= 0.0 {
        return Err(value_error("switch interval must be strictly positive"));
    }
    let micros = (secs * 1e6).min(u64::MAX as f64) as u64;
    let interval = Duration::from_micros(micros.max(1));
    vm.interp.gil.set_interval(interval);
    Ok(Value::None)
}

fn getswitchinterval(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("getswitchinterval", args, 0, 0)?;
    Ok(Value::Float(vm.interp.gil.interval_micros() as f64 / 1e6))
}

/// Python 2: the old GIL is released every N ticks. Under `ticks:N` check points this sets
/// N; under other policies the value is kept (and ignored), as Python 3.2–3.8 did.
fn setcheckinterval(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("setcheckinterval", args, 1, 1)?;
    let n = a[0].as_i64().ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(&a[0])
        ))
    })?;
    let n = n.clamp(1, i64::from(u32::MAX - 1)) as u32;
    vm.interp.check_interval.store(n, Ordering::Relaxed);
    if let CheckPoints::Ticks(_) = vm.interp.check_points() {
        vm.interp.set_check_points(CheckPoints::Ticks(n));
    }
    Ok(Value::None)
}

fn getcheckinterval(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("getcheckinterval", args, 0, 0)?;
    Ok(Value::Int(i64::from(
        vm.interp.check_interval.load(Ordering::Relaxed),
    )))
}

fn is_gil_enabled(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("_is_gil_enabled", args, 0, 0)?;
    Ok(Value::Bool(vm.interp.gil.enabled()))
}
