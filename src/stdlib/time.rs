//! The `time` module: clocks and `sleep` (interruptible at the eval breaker's granularity).

use std::sync::Arc;
use std::time::Duration;

use crate::vm::builtins::positional;
use crate::vm::context::Vm;
use crate::vm::objects::function::Args;
use crate::vm::objects::module::Module;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, overflow_error, type_error, value_error};

pub fn create(vm: &Vm) -> Arc<Module> {
    let m = super::native_module(
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
        ],
    );
    // `sleep` blocks: it records its caller's position, which traces show.
    m.set(
        "sleep",
        Value::Builtin(Arc::new(crate::vm::objects::function::BuiltinFunction {
            needs_frame: true,
            ..crate::vm::objects::function::BuiltinFunction::new("sleep", sleep)
        })),
    );
    super::time_calendar::register(vm, &m);
    for (name, f) in NOT_SUPPORTED {
        m.set(name, crate::vm::builtins::native(name, *f));
    }
    // Linux's clock ids, so code that names one reaches the refusal of the call.
    for (name, id) in [
        ("CLOCK_REALTIME", 0),
        ("CLOCK_MONOTONIC", 1),
        ("CLOCK_PROCESS_CPUTIME_ID", 2),
        ("CLOCK_THREAD_CPUTIME_ID", 3),
        ("CLOCK_MONOTONIC_RAW", 4),
        ("CLOCK_BOOTTIME", 7),
        ("CLOCK_TAI", 11),
    ] {
        m.set(name, Value::Int(id));
    }
    m
}

/// Native functions that raise NotImplementedError naming `time.NAME`: the rest of
/// CPython's `time`, so a script gets a clear refusal, never an AttributeError.
macro_rules! not_supported {
    ($($name:ident),*) => {
        &[$((stringify!($name), {
            fn refuse(_: &Vm, _: Args<'_>) -> PyResult<Value> {
                Err(crate::vm::pyerr::unsupported(concat!("time.", stringify!($name))))
            }
            refuse as crate::vm::objects::function::NativeFn
        })),*]
    };
}

static NOT_SUPPORTED: &[(&str, crate::vm::objects::function::NativeFn)] = not_supported!(
    clock_getres,
    clock_gettime,
    clock_gettime_ns,
    clock_settime,
    clock_settime_ns,
    get_clock_info,
    pthread_getcpuclockid,
    tzset
);

/// Seconds since the Unix epoch: real, or virtual in simulated mode.
fn wall(vm: &Vm) -> Duration {
    vm.sched.wall_clock(&vm.caller())
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
    vm.sched.now(&vm.caller())
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
    vm.sched.cpu_times(&vm.caller())
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

/// Seconds as CPython's `_PyTime_t` (nanoseconds in an i64), the way every timeout and sleep
/// argument is read: `_PyTime_FromSecondsObject(obj, _PyTime_ROUND_TIMEOUT)` (Python/pytime.c,
/// 3.11), rounding away from zero. So its errors are CPython's too: NaN is a ValueError, a
/// float beyond ±2**63 ns "timestamp out of range for platform time_t" and an int whose
/// nanoseconds do not fit "timestamp too large to convert to C _PyTime_t" (both
/// OverflowError). The largest value, about 292 years, fits a `Duration` and the virtual clock.
pub fn seconds_to_ns(v: &Value) -> PyResult<i64> {
    let too_large = || overflow_error("timestamp too large to convert to C _PyTime_t");
    match v {
        Value::Float(f) => {
            if f.is_nan() {
                return Err(value_error("Invalid value NaN (not a number)"));
            }
            let d = f * 1e9;
            let d = if d >= 0.0 { d.ceil() } else { d.floor() };
            // pytime.c: `if (!((double)_PyTime_MIN <= d && d < -(double)_PyTime_MIN))`.
            let limit = -(i64::MIN as f64);
            if !(-limit <= d && d < limit) {
                return Err(overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(d as i64)
        }
        Value::Int(_) | Value::Bool(_) => v
            .as_i64()
            .and_then(|s| s.checked_mul(1_000_000_000))
            .ok_or_else(too_large),
        Value::BigInt(_) => Err(too_large()),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
    }
}

/// `time.sleep`: any length `_PyTime_t` holds is slept (in simulated mode the virtual clock
/// simply jumps); longer ones raise CPython's OverflowError instead of being cut short.
fn sleep(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("sleep", args, 1, 1)?;
    let ns = seconds_to_ns(&a[0])?;
    if ns < 0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    vm.sleep(Duration::from_nanos(ns.unsigned_abs()))?;
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ns(v: Value) -> Option<i64> {
        seconds_to_ns(&v).ok()
    }

    #[test]
    fn seconds_convert_like_pytime() {
        assert_eq!(ns(Value::Float(1.5)), Some(1_500_000_000));
        // Rounded away from zero (_PyTime_ROUND_TIMEOUT), so a tiny timeout still waits.
        assert_eq!(ns(Value::Float(1e-12)), Some(1));
        assert_eq!(ns(Value::Float(-1e-12)), Some(-1));
        assert_eq!(
            ns(Value::Int(9_223_372_036)),
            Some(9_223_372_036_000_000_000)
        );
        assert_eq!(ns(Value::Bool(true)), Some(1_000_000_000));
        assert_eq!(ns(Value::Float(9.2e9)), Some(9_200_000_000_000_000_000));
        for out in [1e18, 9.3e9, f64::INFINITY, -1e300, f64::NAN] {
            assert_eq!(ns(Value::Float(out)), None, "{out}");
        }
        assert_eq!(ns(Value::Int(9_223_372_037)), None);
        assert_eq!(ns(Value::None), None);
    }
}
