//! The `_thread` module: OS threads, locks and thread identity, plus the private hooks that
//! gilsim's own `threading.py` builds on (names, daemon flags, join, the thread objects).

pub mod locks;
pub mod spawn;

use std::sync::Arc;
use std::sync::atomic::Ordering;

use crate::runtime::ThreadState;
use crate::runtime::thread::WaitKind;
use crate::vm::builtins::{parse, positional};
use crate::vm::context::Vm;
use crate::vm::eval::blocking::WaitFor;
use crate::vm::objects::function::{Args, BuiltinFunction, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::types::{type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, type_error, value_error};

/// `_thread.TIMEOUT_MAX`, as on 64-bit Linux.
const TIMEOUT_MAX: f64 = 9_223_372_036.0;

pub fn create(vm: &Vm) -> Arc<Module> {
    let functions: &[(&str, NativeFn)] = &[
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("get_ident", get_ident),
        ("get_native_id", get_native_id),
        ("_count", count),
        ("stack_size", stack_size),
        ("_start_thread", start_for_threading),
        ("_set_name", set_name),
        ("_is_finished", is_finished),
        ("_current", current),
        ("_bind_current", bind_current),
        ("_bind_main", bind_main),
        ("_main_ident", main_ident),
        ("_next_thread_number", next_thread_number),
        ("_live_thread_objects", live_thread_objects),
        ("_acquire_waiter", acquire_waiter),
        ("_release_save", release_save),
        ("_acquire_restore", acquire_restore),
        ("_print_exception", print_exception),
        ("_cpu_count", cpu_count),
    ];
    let m = crate::stdlib::native_module("_thread", functions);
    // `join` blocks: it records its caller's position for deadlock reports.
    m.set(
        "_join",
        Value::Builtin(Arc::new(BuiltinFunction {
            needs_frame: true,
            ..BuiltinFunction::new("_join", join)
        })),
    );
    m.set("LockType", Value::Class(locks::LOCK_CLASS.clone()));
    m.set("lock", Value::Class(locks::LOCK_CLASS.clone()));
    m.set("RLock", Value::Class(locks::RLOCK_CLASS.clone()));
    m.set("error", Value::Class(types().exc.runtime_error.clone()));
    m.set("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    let _ = vm;
    m
}

/// `_thread.start_new_thread(function, args, kwargs=None)`.
fn start_new_thread(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("start_new_thread", args, 2, 3)?;
    if !vm.is_callable(&a[0]) {
        return Err(type_error("first arg must be callable"));
    }
    let Value::Tuple(t) = &a[1] else {
        return Err(type_error("2nd arg must be a tuple"));
    };
    let kwargs = match a.get(2) {
        None => None,
        Some(d @ Value::Dict(_)) => Some(d.clone()),
        Some(_) => return Err(type_error("optional 3rd arg must be a dictionary")),
    };
    let ident = spawn::start_thread(
        vm,
        spawn::ThreadSpec {
            target: a[0].clone(),
            args: t.items.to_vec(),
            kwargs,
            name: String::new(),
            daemon: true,
            py_thread: None,
        },
    )?;
    Ok(Value::Int(ident as i64))
}

/// `_thread._start_thread(thread, bootstrap, name, daemon)`: `threading.Thread.start`.
fn start_for_threading(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("_start_thread", args, 4, 4)?;
    let name = vm.str(&a[2])?;
    let daemon = vm.is_true(&a[3])?;
    let ident = spawn::start_thread(
        vm,
        spawn::ThreadSpec {
            target: a[1].clone(),
            args: Vec::new(),
            kwargs: None,
            name,
            daemon,
            py_thread: Some(a[0].clone()),
        },
    )?;
    Ok(Value::Int(ident as i64))
}

fn allocate_lock(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("allocate_lock", args, 0, 0)?;
    Ok(locks::new_lock(vm, false))
}

fn get_ident(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(vm.thread.ident as i64))
}

/// A small per-run number standing in for the OS thread id.
fn get_native_id(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(native_id(vm, &vm.thread)))
}

fn native_id(vm: &Vm, t: &ThreadState) -> i64 {
    let threads = vm.interp.runtime.threads();
    let index = threads.iter().position(|x| x.ident == t.ident).unwrap_or(0);
    std::process::id() as i64 + index as i64
}

/// Number of threads started by `_thread` or `threading` that are still running.
fn count(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        vm.interp.live_threads().len().saturating_sub(1) as i64
    ))
}

fn stack_size(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("stack_size", args, 0, 1)?;
    match a.first().and_then(Value::as_i64) {
        None | Some(0) => Ok(Value::Int(0)),
        Some(n) if n < 32768 => Err(value_error("size not valid: 32768 bytes minimum")),
        Some(_) => Ok(Value::Int(0)),
    }
}

fn thread_by_ident(vm: &Vm, v: &Value) -> PyResult<Arc<ThreadState>> {
    let ident = v
        .as_i64()
        .ok_or_else(|| type_error(format!("an integer is required, not {}", type_name(v))))?;
    u64::try_from(ident)
        .ok()
        .and_then(|ident| vm.interp.runtime.thread(ident))
        .ok_or_else(|| value_error(format!("no thread with ident {ident}")))
}

fn set_name(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("_set_name", args, 2, 2)?;
    let t = thread_by_ident(vm, &a[0])?;
    *t.name.lock() = vm.str(&a[1])?;
    Ok(Value::None)
}

fn is_finished(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("_is_finished", args, 1, 1)?;
    Ok(Value::Bool(thread_by_ident(vm, &a[0])?.is_finished()))
}

/// `_thread._join(ident, timeout)`: waits for the thread to end; True if it has.
fn join(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("_join", args, 2, 2)?;
    let t = thread_by_ident(vm, &a[0])?;
    // CPython's join acquires the thread's lock with the timeout (threading.py makes a
    // negative one 0), so the timeout is checked even when the thread is already done.
    let timeout = locks::acquire_timeout(&a[1])?;
    if t.is_finished() {
        return Ok(Value::Bool(true));
    }
    let what = format!("'{}' to finish (join)", t.display_name());
    let target = t.clone();
    let done = vm.blocking_wait(
        WaitFor {
            what,
            kind: WaitKind::Thread(t),
        },
        timeout,
        |slice| target.wait_finished(slice).then_some(()),
    )?;
    Ok(Value::Bool(done.is_some()))
}

/// The `threading.Thread` object of the running thread, or None.
fn current(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(vm.thread.py_thread.lock().clone().unwrap_or(Value::None))
}

/// Binds a `threading` object (a `_DummyThread`) to the running thread.
fn bind_current(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("_bind_current", args, 2, 2)?;
    *vm.thread.py_thread.lock() = Some(a[0].clone());
    *vm.thread.name.lock() = vm.str(&a[1])?;
    Ok(Value::None)
}

/// Binds `threading`'s `_MainThread` object to the main thread, whichever thread imports.
fn bind_main(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("_bind_main", args, 1, 1)?;
    let main = threading_main(vm);
    if let Some(main) = main {
        *main.py_thread.lock() = Some(a[0].clone());
    }
    Ok(Value::None)
}

fn main_ident(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    let main = threading_main(vm).map(|t| t.ident);
    Ok(Value::Int(main.unwrap_or(vm.thread.ident) as i64))
}

/// The thread `threading.main_thread()` stands for: the main interpreter's first thread;
/// in a subinterpreter, the thread that imports `threading` there first, as CPython's
/// `_MainThread` takes the importing thread's ident (Lib/threading.py).
fn threading_main(vm: &Vm) -> Option<Arc<crate::runtime::thread::ThreadState>> {
    if vm.interp.is_main() {
        vm.interp.main_thread()
    } else {
        Some(vm.thread.clone())
    }
}

/// The N of the next default name `Thread-N`, counted per interpreter and thread-safe.
fn next_thread_number(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        vm.interp.thread_counter.fetch_add(1, Ordering::Relaxed) as i64 + 1,
    ))
}

/// `threading.enumerate()`: the objects of the threads still running, in start order.
fn live_thread_objects(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    let objects = vm
        .interp
        .live_threads()
        .iter()
        .filter_map(|t| t.py_thread.lock().clone())
        .collect();
    Ok(Value::list(objects))
}

fn lock_arg(v: &Value) -> PyResult<Arc<locks::LockCore>> {
    locks::core_of(v).ok_or_else(|| type_error("a lock object is required"))
}

/// `_thread._acquire_waiter(lock, timeout, purpose)`: `Condition.wait`'s blocking acquire of
/// its waiter lock, described in deadlock reports as what the condition waits for.
fn acquire_waiter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("_acquire_waiter", args, 3, 3)?;
    let lock = lock_arg(&a[0])?;
    lock.mark_internal();
    // CPython's Condition.wait: `if timeout > 0: waiter.acquire(True, timeout)`, else
    // `waiter.acquire(False)`; so 0, a negative timeout and NaN poll, a huge one overflows.
    if !matches!(a[1], Value::None) && !positive(&a[1])? {
        return lock.acquire(vm, false, None).map(Value::Bool);
    }
    let timeout = locks::acquire_timeout(&a[1])?;
    let purpose = vm.str(&a[2])?;
    lock.acquire_for(vm, true, timeout, Some(purpose))
        .map(Value::Bool)
}

/// `timeout > 0` for a number, with the TypeError Python's comparison raises for the rest.
fn positive(v: &Value) -> PyResult<bool> {
    match v {
        Value::Float(f) => Ok(*f > 0.0),
        Value::Int(i) => Ok(*i > 0),
        Value::Bool(b) => Ok(*b),
        Value::BigInt(b) => Ok(b.sign() == num_bigint::Sign::Plus),
        other => Err(type_error(format!(
            "'>' not supported between instances of '{}' and 'int'",
            type_name(other)
        ))),
    }
}

/// `Condition._release_save`: releases a Lock, or an RLock completely (its count saved).
fn release_save(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("_release_save", args, 1, 1)?;
    let lock = lock_arg(&a[0])?;
    Ok(Value::Int(lock.release_all(vm.thread.ident)? as i64))
}

/// `Condition._acquire_restore`: takes the lock back with its saved recursion count.
fn acquire_restore(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("_acquire_restore", args, 2, 2)?;
    let lock = lock_arg(&a[0])?;
    let count = a[1].as_i64().unwrap_or(1).max(1) as u64;
    lock.restore(vm, count)?;
    Ok(Value::None)
}

/// `_thread._print_exception(exc)`: the traceback CPython prints for `exc`, to stderr.
fn print_exception(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("_print_exception", args, &["exc", "header"], 1)?;
    let Some(Value::Instance(inst)) = p.get(0) else {
        return Err(type_error("an exception is required"));
    };
    if !inst.is_exception() {
        return Err(type_error("an exception is required"));
    }
    let mut text = match p.given(1) {
        Some(h) => vm.str(h)?,
        None => String::new(),
    };
    text.push_str(&vm.format_exception(&PyErr::new(inst.clone())));
    let runtime = &vm.interp.runtime;
    runtime.stdout.flush();
    runtime.stderr.write_str(&text);
    Ok(Value::None)
}

/// `os.cpu_count()` for the default pool size: the virtual cores in simulated runs, so a
/// default `ThreadPoolExecutor()` has the same workers on every machine.
fn cpu_count(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(vm.sched.cpu_count() as i64))
}
