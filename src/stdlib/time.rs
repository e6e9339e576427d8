//! The `time` module: clocks and `sleep` (interruptible at the eval breaker's granularity).

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::vm::builtins::positional;
use crate::vm::context::Vm;
use crate::vm::errors::{PyResult, type_error, value_error};
use crate::vm::function::Args;
use crate::vm::module::Module;
use crate::vm::types::type_name;
use crate::vm::value::Value;

pub fn create(_vm: &Vm) -> Arc<Module> {
    super::native_module(
        "time",
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", perf_counter),
            ("perf_counter_ns", perf_counter_ns),
            ("monotonic", perf_counter),
            ("monotonic_ns", perf_counter_ns),
            ("process_time", process_time),
            ("process_time_ns", process_time_ns),
            ("thread_time", thread_time),
            ("thread_time_ns", thread_time_ns),
            ("sleep", sleep),
        ],
    )
}

/// In simulated mode the wall clock starts at 2026-01-01 00:00:00 UTC, so runs repeat.
const VIRTUAL_EPOCH: Duration = Duration::from_secs(1_767_225_600);

/// Seconds since the Unix epoch: real, or virtual in simulated mode.
fn wall(vm: &Vm) -> Duration {
    match &vm.interp.sim {
        Some(_) => VIRTUAL_EPOCH + elapsed(vm),
        None => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default(),
    }
}

fn time(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("time", args, 0, 0)?;
    Ok(Value::Float(wall(vm).as_secs_f64()))
}

fn time_ns(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("time_ns", args, 0, 0)?;
    Ok(Value::from_bigint(num_bigint::BigInt::from(
        wall(vm).as_nanos(),
    )))
}

/// Seconds since the run started (CPython's clock has an arbitrary origin too); virtual
/// time in simulated mode.
fn elapsed(vm: &Vm) -> Duration {
    match &vm.interp.sim {
        Some(sim) => Duration::from_secs_f64(vm.sim_now(sim)),
        None => Instant::now().duration_since(vm.interp.runtime.started),
    }
}

fn perf_counter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("perf_counter", args, 0, 0)?;
    Ok(Value::Float(elapsed(vm).as_secs_f64()))
}

fn perf_counter_ns(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("perf_counter_ns", args, 0, 0)?;
    Ok(Value::Int(elapsed(vm).as_nanos() as i64))
}

/// CPU time of the process and of the calling thread: real (from the OS), or in simulated
/// mode the virtual cost of the instructions executed (sleeping and waiting cost none).
fn cpu_times(vm: &Vm) -> (Duration, Duration) {
    match &vm.interp.sim {
        Some(sim) => {
            let (process, thread) = sim.cpu_ns(&vm.thread, vm.sim_pending.get());
            (Duration::from_nanos(process), Duration::from_nanos(thread))
        }
        None => (
            cpu_time::ProcessTime::try_now()
                .map(|t| t.as_duration())
                .unwrap_or_default(),
            cpu_time::ThreadTime::try_now()
                .map(|t| t.as_duration())
                .unwrap_or_default(),
        ),
    }
}

fn process_time(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("process_time", args, 0, 0)?;
    Ok(Value::Float(cpu_times(vm).0.as_secs_f64()))
}

fn process_time_ns(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("process_time_ns", args, 0, 0)?;
    Ok(Value::Int(cpu_times(vm).0.as_nanos() as i64))
}

fn thread_time(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("thread_time", args, 0, 0)?;
    Ok(Value::Float(cpu_times(vm).1.as_secs_f64()))
}

fn thread_time_ns(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("thread_time_ns", args, 0, 0)?;
    Ok(Value::Int(cpu_times(vm).1.as_nanos() as i64))
}

fn sleep(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("sleep", args, 1, 1)?;
    let secs = match &a[0] {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        Value::Bool(b) => f64::from(u8::from(*b)),
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )));
        }
    };
    if secs.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    vm.sleep(Duration::from_secs_f64(secs.min(1e9)))?;
    Ok(Value::None)
}
