//! `_gilsim_process`: what gilsim's `multiprocessing` (Python, `src/stdlib/py/`) needs from
//! the runtime — starting a process by fork or spawn, joining it, its exit code, pids,
//! pickling into cross-process queues, and locks that several processes share.

pub mod fork;
pub mod pickle;
pub mod process;

use std::sync::Arc;

use parking_lot::Mutex;

use crate::runtime::thread::WaitKind;
use crate::stdlib::interp::queues;
use crate::stdlib::interp::share::Shared;
use crate::stdlib::thread::locks::{self, LockCore};
use crate::vm::builtins::{c_int_arg, parse, positional};
use crate::vm::context::Vm;
use crate::vm::eval::blocking::WaitFor;
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, overflow_error, type_error, value_error};
use process::{Job, Method};

pub fn create(_vm: &Vm) -> Arc<Module> {
    let functions: &[(&str, NativeFn)] = &[
        ("getpid", getpid),
        ("getppid", getppid),
        ("_exit", os_exit),
        ("wait_any", wait_any),
        ("start", start),
        ("join", join),
        ("exitcode", exitcode),
        ("kill", kill),
        ("bootstrapping", bootstrapping),
        ("spawning", spawning),
        ("queue_create", queues::create_queue),
        ("queue_put", queue_put),
        ("queue_get", queues::get),
        ("queue_wait_for_item", queues::mp_wait_for_item),
        ("queue_wait_for_room", queues::mp_wait_for_room),
        ("queue_count", queues::get_count),
        ("queue_writer", queues::mp_writer),
        ("queue_hung_up", queues::mp_hung_up),
        ("shared_lock", shared_lock),
        ("lock_of", lock_of),
        ("dumps_check", dumps_check),
        ("format_exception", format_exception),
        ("default_start_method", default_start_method),
        ("memory_new", memory_new),
        ("memory_get", memory_get),
        ("memory_set", memory_set),
        ("memory_len", memory_len),
        ("to_f32", to_f32),
    ];
    let m = super::native_module("_gilsim_process", functions);
    let e = &pickle::ERRORS;
    m.set("PickleError", Value::Class(e.pickle_error.clone()));
    m.set("PicklingError", Value::Class(e.pickling_error.clone()));
    m.set("UnpicklingError", Value::Class(e.unpickling_error.clone()));
    m.set("MAX_PROCESSES", Value::Int(process::MAX_PROCESSES as i64));
    m
}

fn getpid(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("getpid", args, 0, 0)?;
    Ok(Value::Int(process::getpid(vm) as i64))
}

fn getppid(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("getppid", args, 0, 0)?;
    Ok(Value::Int(process::getppid(vm) as i64))
}

fn pid_arg(v: &Value) -> PyResult<u64> {
    match v {
        Value::Int(i) if *i > 0 => Ok(*i as u64),
        _ => Err(value_error("invalid process id")),
    }
}

/// `os._exit(status, /)`: ends the calling process at once (`process::exit_now`). The
/// status is what the OS keeps of it, its low 8 bits (`os._exit(256)` exits with 0).
fn os_exit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().len() > 1 {
        return Err(type_error(format!(
            "_exit() takes at most 1 argument ({} given)",
            args.pos().len()
        )));
    }
    let p = parse("_exit", args, &["status"], 1)?;
    let status = c_int_arg(p.get(0).unwrap_or(&Value::None))?;
    if i32::try_from(status).is_err() {
        return Err(overflow_error("Python int too large to convert to C int"));
    }
    Err(process::exit_now(vm, status & 0xff))
}

/// `wait_any(qids, pids, timeout)`: blocks until one of the queues has an item or one of
/// the processes has ended (`multiprocessing.connection.wait` on connections and
/// sentinels), or `timeout` seconds pass; True if something is ready. One waiter lock
/// watches them all, released by the first `put` or process end.
fn wait_any(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("wait_any", args, 3, 3)?;
    let ids = |v: &Value| -> PyResult<Vec<u64>> {
        let Value::List(l) = v else {
            return Err(type_error("wait_any() needs lists of ids"));
        };
        l.items
            .read()
            .iter()
            .map(|id| match id {
                Value::Int(i) if *i >= 0 => Ok(*i as u64),
                _ => Err(value_error("invalid id")),
            })
            .collect()
    };
    let (qids, pids) = (ids(&a[0])?, ids(&a[1])?);
    let timeout = locks::acquire_timeout(&a[2])?;
    let ready = |vm: &Vm| {
        qids.iter().any(|&q| queues::has_item(vm, q)) || pids.iter().any(|&p| process::ended(vm, p))
    };
    if ready(vm) {
        return Ok(Value::Bool(true));
    }
    if timeout == Some(std::time::Duration::ZERO) {
        return Ok(Value::Bool(false));
    }
    let waiter = LockCore::new(false, vm.sched.clone());
    waiter.mark_internal();
    waiter.acquire(vm, false, None)?;
    // Registered under each table's lock after a look at it, so nothing is missed between.
    let mut soon = false;
    for &q in &qids {
        soon |= queues::watch(vm, q, &waiter);
    }
    for &p in &pids {
        soon |= process::watch_end(vm, p, &waiter);
    }
    let result = if soon {
        Ok(true)
    } else {
        let what = "a connection or a process in multiprocessing.connection.wait".to_string();
        waiter.acquire_for(vm, true, timeout, Some(what))
    };
    for &q in &qids {
        queues::unwatch(vm, q, &waiter);
    }
    for &p in &pids {
        process::unwatch_end(vm, p, &waiter);
    }
    result?;
    Ok(Value::Bool(ready(vm)))
}

/// The run's locks that belong to `multiprocessing` (shared by every process, never
/// copied by a fork), and the threads pickling a `Process` for spawn right now.
#[derive(Default)]
struct CrossProcess {
    locks: Mutex<Vec<Arc<LockCore>>>,
    spawning: Mutex<Vec<u64>>,
}

fn shared(vm: &Vm) -> Arc<CrossProcess> {
    vm.interp.runtime.module_state::<CrossProcess>()
}

/// `start(process, method) -> pid`: starts `process._bootstrap()` in a new process.
fn start(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("start", args, 2, 2)?;
    let method = vm.str(&a[1])?;
    let method = Method::parse(&method)
        .ok_or_else(|| value_error(format!("cannot find context for '{method}'")))?;
    let (child, pid) = process::new_child(vm)?;
    process::name(vm, &child, pid, &a[0]);
    let notice = exit_notice(&a[0])?;
    let first = child.new_thread("MainThread");
    if method == Method::Fork {
        queues::inherit_writers(vm, process::getpid(vm), pid);
    }
    let job = match method {
        Method::Fork => fork_job(vm, &child, &first, &a[0]),
        Method::Spawn | Method::Forkserver => spawn_job(vm, &a[0]),
    };
    match job {
        Ok(job) => process::start(vm, child, first, pid, method, job, notice)?,
        Err(err) => {
            first.mark_finished();
            return Err(err);
        }
    }
    Ok(Value::Int(pid as i64))
}

/// What a pool asked to hear when this worker ends, however it ends (CPython's pools
/// watch each worker's sentinel): `process._exit_notice`, a (queue id, tag) pair.
fn exit_notice(process: &Value) -> PyResult<Option<process::Notice>> {
    let Value::Instance(inst) = process else {
        return Ok(None);
    };
    let Some(notice) = inst.dict.get_str("_exit_notice") else {
        return Ok(None);
    };
    match notice {
        Value::Tuple(t) => match &t.items[..] {
            [Value::Int(queue), Value::Str(tag)] => Ok(Some(process::Notice {
                queue: *queue as u64,
                tag: tag.as_str().to_string(),
            })),
            _ => Err(type_error("_exit_notice must be (queue id, tag)")),
        },
        _ => Err(type_error("_exit_notice must be (queue id, tag)")),
    }
}

/// Copies the parent's heap into the child: its modules and builtins, then the process
/// object (reached through them or not).
fn fork_job(
    vm: &Vm,
    child: &Arc<crate::runtime::Interpreter>,
    first: &Arc<crate::runtime::thread::ThreadState>,
    process: &Value,
) -> PyResult<Job> {
    let shared_locks = shared(vm)
        .locks
        .lock()
        .iter()
        .map(|l| Arc::as_ptr(l) as *const () as usize)
        .collect();
    let mut forker = fork::Forker::new(vm, (vm.thread.ident, first.ident), shared_locks);
    forker.copy_dict_into(&vm.interp.builtins, &child.builtins)?;
    forker.copy_dict_into(&vm.interp.modules, &child.modules)?;
    Ok(Job::Fork(forker.copy(process)?))
}

/// Pickles the process object (its `multiprocessing` locks and queues may be pickled now,
/// as CPython allows while spawning) and finds the main script to run again.
fn spawn_job(vm: &Vm, process: &Value) -> PyResult<Job> {
    let me = vm.thread.ident;
    shared(vm).spawning.lock().push(me);
    let pickled = pickle::dumps(vm, process);
    shared(vm).spawning.lock().retain(|t| *t != me);
    let main = vm
        .interp
        .modules
        .get_str("__main__")
        .and_then(|m| match m {
            Value::Module(m) => m.dict.get_str("__file__"),
            _ => None,
        })
        .and_then(|f| match f {
            Value::Str(s) if !s.as_str().starts_with('<') => Some(s.as_str().to_string()),
            _ => None,
        })
        .and_then(|file| Some((file.clone(), vm.interp.runtime.source(&file)?)));
    Ok(Job::Spawn {
        main,
        process: pickled?,
    })
}

/// `join(pid, timeout) -> bool`: waits for the process to end; True if it has.
fn join(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("join", args, 2, 2)?;
    let pid = pid_arg(&a[0])?;
    let timeout = locks::acquire_timeout(&a[1])?;
    let Some(first) = process::first_thread(vm, pid) else {
        return Err(value_error(format!("no process {pid}")));
    };
    if first.is_finished() {
        return Ok(Value::Bool(true));
    }
    let target = first.clone();
    let done = vm.blocking_wait(
        WaitFor {
            what: format!("{} to finish (join)", process::label(vm, pid)),
            kind: WaitKind::Thread(first),
        },
        timeout,
        |slice| target.wait_finished(slice).then_some(()),
    )?;
    Ok(Value::Bool(done.is_some()))
}

fn exitcode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("exitcode", args, 1, 1)?;
    Ok(process::exitcode(vm, pid_arg(&a[0])?).map_or(Value::None, Value::Int))
}

/// `kill(pid, signal)`: ends the process with exit code -signal (`terminate` sends 15,
/// `kill` 9).
fn kill(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("kill", args, 2, 2)?;
    let pid = pid_arg(&a[0])?;
    let Value::Int(signal) = a[1] else {
        return Err(type_error("signal must be an int"));
    };
    if !process::kill(vm, pid, signal) {
        return Err(value_error(format!("no process {pid}")));
    }
    Ok(Value::None)
}

/// Whether this process is still running its main module under spawn (starting a process
/// now is the bootstrapping error).
fn bootstrapping(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("bootstrapping", args, 0, 0)?;
    Ok(Value::Bool(process::bootstrapping(vm)))
}

/// Whether the calling thread is pickling a `Process` to spawn it (CPython's
/// `context.get_spawning_popen()`): only then may locks and queues be pickled.
fn spawning(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("spawning", args, 0, 0)?;
    let me = vm.thread.ident;
    Ok(Value::Bool(shared(vm).spawning.lock().contains(&me)))
}

/// `queue_put(qid, obj)`: pickles `obj` and puts it on the queue (raising pickle's error
/// here, where CPython's feeder thread would print it).
fn queue_put(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("queue_put", args, 2, 2)?;
    let Value::Int(id) = a[0] else {
        return Err(type_error("queue id must be an int"));
    };
    let pickled = pickle::dumps(vm, &a[1])?;
    queues::put_shared(vm, id as u64, Shared::Pickled(Arc::new(pickled)), 0, 1)
}

/// `dumps_check(obj)`: raises what pickling `obj` raises (a task sent to a pool worker).
fn dumps_check(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("dumps_check", args, 1, 1)?;
    pickle::dumps(vm, &a[0])?;
    Ok(Value::None)
}

/// `shared_lock(reentrant) -> id`: a lock every process uses as the same lock.
fn shared_lock(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("shared_lock", args, 1, 1)?;
    let core = locks::new_core(vm, matches!(a[0], Value::Bool(true)));
    core.mark_cross_process();
    let all = shared(vm);
    let mut locks = all.locks.lock();
    locks.push(core);
    Ok(Value::Int(locks.len() as i64 - 1))
}

/// `lock_of(id)`: this process's lock object for shared lock `id`.
fn lock_of(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("lock_of", args, 1, 1)?;
    let Value::Int(id) = a[0] else {
        return Err(type_error("lock id must be an int"));
    };
    let core = shared(vm).locks.lock().get(id as usize).cloned();
    core.map(locks::lock_value)
        .ok_or_else(|| value_error(format!("no shared lock {id}")))
}

/// `format_exception(exc)`: the traceback text CPython would print for `exc` (a pool
/// worker sends it back with the exception).
fn format_exception(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("format_exception", args, 1, 1)?;
    let Value::Instance(exc) = &a[0] else {
        return Err(type_error("format_exception() needs an exception"));
    };
    let err = crate::vm::pyerr::PyErr::new(exc.clone());
    Ok(Value::string(vm.format_exception(&err)))
}

/// Linux's default start method in the CPython the run imitates: fork up to 3.13,
/// forkserver from 3.14.
fn default_start_method(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("default_start_method", args, 0, 0)?;
    let like = vm.interp.runtime.options.like;
    let method = if like >= Some(crate::runtime::PyVersion(3, 14)) {
        "forkserver"
    } else {
        "fork"
    };
    Ok(Value::str(method))
}

/// Memory every process shares (`multiprocessing.Value`/`Array`, `sharedctypes`): arrays
/// of immutable scalars (ints, floats, one-byte bytes) by id. A read and a write are two
/// calls, so `v.value += 1` from several processes races as it does on shared memory.
#[derive(Default)]
struct SharedMemory {
    cells: Mutex<Vec<Arc<Mutex<Vec<Value>>>>>,
}

fn cell(vm: &Vm, id: &Value) -> PyResult<Arc<Mutex<Vec<Value>>>> {
    let Value::Int(id) = id else {
        return Err(type_error("shared memory id must be an int"));
    };
    let memory = vm.interp.runtime.module_state::<SharedMemory>();
    let cells = memory.cells.lock();
    cells
        .get(*id as usize)
        .cloned()
        .ok_or_else(|| value_error(format!("no shared memory {id}")))
}

/// Only values no process can change in place may live in shared memory.
fn scalar(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(_)
        | Value::BigInt(_)
        | Value::Float(_)
        | Value::Bool(_)
        | Value::Str(_)
        | Value::Bytes(_) => Ok(v.clone()),
        _ => Err(type_error(
            "shared memory holds numbers, bytes and strings only",
        )),
    }
}

/// `memory_new(values) -> id`.
fn memory_new(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("memory_new", args, 1, 1)?;
    let Value::List(items) = &a[0] else {
        return Err(type_error("memory_new() needs a list"));
    };
    let values = items
        .items
        .read()
        .iter()
        .map(scalar)
        .collect::<PyResult<Vec<_>>>()?;
    let memory = vm.interp.runtime.module_state::<SharedMemory>();
    let mut cells = memory.cells.lock();
    cells.push(Arc::new(Mutex::new(values)));
    Ok(Value::Int(cells.len() as i64 - 1))
}

fn index_in(len: usize, v: &Value) -> PyResult<usize> {
    match v {
        Value::Int(i) if *i >= 0 && (*i as usize) < len => Ok(*i as usize),
        _ => Err(crate::vm::pyerr::index_error("invalid index")),
    }
}

/// Before each access: exploring, another process may run first (`Point::Shared`).
fn shared_access(vm: &Vm) -> PyResult<()> {
    vm.sched
        .shared_access(&vm.caller())
        .map_err(|stop| vm.halted(stop))
}

/// `memory_get(id, index)`.
fn memory_get(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("memory_get", args, 2, 2)?;
    shared_access(vm)?;
    let cell = cell(vm, &a[0])?;
    let items = cell.lock();
    Ok(items[index_in(items.len(), &a[1])?].clone())
}

/// `memory_set(id, index, value)`.
fn memory_set(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("memory_set", args, 3, 3)?;
    shared_access(vm)?;
    let cell = cell(vm, &a[0])?;
    let value = scalar(&a[2])?;
    let mut items = cell.lock();
    let i = index_in(items.len(), &a[1])?;
    items[i] = value;
    Ok(Value::None)
}

/// `memory_len(id)`.
fn memory_len(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("memory_len", args, 1, 1)?;
    Ok(Value::Int(cell(vm, &a[0])?.lock().len() as i64))
}

/// `to_f32(x)`: `x` rounded to a C float, as a `c_float` stores it.
fn to_f32(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("to_f32", args, 1, 1)?;
    let x = crate::vm::protocols::numeric::real_to_f64(&a[0])?;
    Ok(Value::Float(f64::from(x as f32)))
}
