//! `_interpqueues` as CPython 3.13 has it (Modules/_interpqueuesmodule.c): run-wide FIFO
//! queues of shareable data, found by int id. `get` and `put` never block — a full or empty
//! queue raises. Where CPython's Python-level `Queue` then polls (sleeping 10 ms between
//! tries, `Lib/concurrent/interpreters/_queues.py`), gilsim's waits with gilsim's own
//! `_wait_for_item`/`_wait_for_room`: the thread blocks as on a `Condition`, so the
//! scheduler wakes it on the `put` (simulated runs stay exact and short) and a queue nobody
//! fills is reported as a deadlock. An item outlives the interpreter that put it only as
//! its `unboundop` says: removed (1), or left as an "unbound" marker that `get` reports
//! (2: error, 3: replace).

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Arc, LazyLock};

use parking_lot::Mutex;

use crate::vm::builtins::{parse, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Layout};
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::types::{type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, type_error, value_error};

use super::share::{Rules, Shared, share};
use crate::stdlib::thread::locks::LockCore;

/// `UNBOUND_REMOVE`: an item goes with the interpreter that put it.
const UNBOUND_REMOVE: i64 = 1;

pub fn create(_vm: &Vm) -> Arc<Module> {
    let functions: &[(&str, NativeFn)] = &[
        ("create", create_queue),
        ("destroy", destroy),
        ("list_all", list_all),
        ("put", put),
        ("get", get),
        ("bind", bind),
        ("release", release),
        ("get_maxsize", get_maxsize),
        ("get_queue_defaults", get_queue_defaults),
        ("is_full", is_full),
        ("get_count", get_count),
        ("_register_heap_types", register_heap_types),
        ("_wait_for_item", wait_for_item),
        ("_put_data", put_data),
        ("_wait_for_room", wait_for_room),
    ];
    let m = super::super::native_module("_interpqueues", functions);
    let e = &*ERRORS;
    for (name, class) in [
        ("QueueError", &e.base),
        ("QueueNotFoundError", &e.not_found),
        ("QueueEmpty", &e.empty),
        ("QueueFull", &e.full),
    ] {
        m.set(name, Value::Class(class.clone()));
    }
    m
}

/// The module's exception classes; `QueueEmpty` and `QueueFull` stand in until the
/// Python-level module registers its own (`_register_heap_types`).
struct Errors {
    base: Arc<Class>,
    not_found: Arc<Class>,
    empty: Arc<Class>,
    full: Arc<Class>,
}

static ERRORS: LazyLock<Errors> = LazyLock::new(|| {
    let class = |name: &str, base: &Arc<Class>| {
        Arc::new(Class::new_builtin(
            name,
            "_interpqueues",
            vec![base.clone()],
            Layout::Exception,
        ))
    };
    let base = class("QueueError", &types().exc.runtime_error);
    Errors {
        not_found: class("QueueNotFoundError", &base),
        empty: class("QueueEmpty", &base),
        full: class("QueueFull", &base),
        base,
    }
});

/// The queues of one run, and each interpreter's registered error classes.
#[derive(Default)]
pub struct Queues {
    table: Mutex<Table>,
    /// Interpreter id -> its Python-level (Queue, QueueEmpty, QueueFull) classes: objects
    /// of that interpreter, only ever used there.
    registered: Mutex<HashMap<u64, Registered>>,
}

#[derive(Clone)]
struct Registered {
    queue: Value,
    empty: Value,
    full: Value,
}

#[derive(Default)]
struct Table {
    next_id: u64,
    queues: BTreeMap<u64, Queue>,
}

struct Queue {
    /// 0: unbounded.
    maxsize: i64,
    /// The defaults `put` is usually given (3.13's `fmt` and `unboundop`).
    fmt: i64,
    unboundop: i64,
    items: VecDeque<Item>,
    /// Threads waiting for an item (`getters`) or for room (`putters`): each holds its own
    /// waiter lock and blocks acquiring it again until a `put` or `get` releases it.
    getters: VecDeque<Arc<LockCore>>,
    putters: VecDeque<Arc<LockCore>>,
    /// `bind`/`release` references (3.13.0's `create` takes none).
    refs: u64,
    /// For one direction of a `multiprocessing.Pipe`: how many open write ends each process
    /// (by pid) holds. None for every other queue. When every count is 0 the pipe is hung
    /// up: readers wake, and `recv` raises EOFError once the items are gone, as a pipe's
    /// read end sees end-of-file when every copy of its write end is closed.
    writers: Option<BTreeMap<u64, u32>>,
}

struct Item {
    /// None once the interpreter that put it is gone.
    data: Option<Shared>,
    fmt: i64,
    unboundop: i64,
    owner: u64,
}

fn queues(vm: &Vm) -> Arc<Queues> {
    vm.interp.runtime.module_state::<Queues>()
}

/// An interpreter is destroyed: its items go or become unbound, its classes are dropped.
pub fn drop_interpreter(runtime: &crate::runtime::Runtime, id: u64) {
    let all = runtime.module_state::<Queues>();
    for q in all.table.lock().queues.values_mut() {
        q.items
            .retain(|item| item.owner != id || item.unboundop != UNBOUND_REMOVE);
        for item in q.items.iter_mut().filter(|item| item.owner == id) {
            item.data = None;
        }
    }
    all.registered.lock().remove(&id);
}

/// A queue id argument, with 3.13's messages.
fn qid_arg(v: &Value) -> PyResult<u64> {
    match v {
        Value::Int(i) if *i >= 0 => Ok(*i as u64),
        Value::Int(i) => Err(value_error(format!(
            "queue ID must be a non-negative int, got {i}"
        ))),
        other => Err(type_error(format!(
            "queue ID must be an int, got {}",
            type_name(other)
        ))),
    }
}

fn int_arg(fname: &str, v: Option<&Value>) -> PyResult<i64> {
    match v {
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(other) => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
        None => Err(type_error(format!("{fname}() missing a required argument"))),
    }
}

/// 1 (remove), 2 (error) or 3 (replace).
fn unboundop_arg(v: Option<&Value>) -> PyResult<i64> {
    let op = int_arg("unboundop", v)?;
    if !(1..=3).contains(&op) {
        return Err(value_error(format!("unsupported unboundop {op}")));
    }
    Ok(op)
}

fn not_found(id: u64) -> PyErr {
    PyErr::msg(&ERRORS.not_found, format!("queue {id} not found"))
}

/// Runs `f` on queue `id`, or raises QueueNotFoundError.
fn with_queue<T>(vm: &Vm, id: u64, f: impl FnOnce(&mut Queue) -> T) -> PyResult<T> {
    let all = queues(vm);
    let mut t = all.table.lock();
    t.queues.get_mut(&id).map(f).ok_or_else(|| not_found(id))
}

/// The QueueEmpty (`full` false) or QueueFull class this interpreter raises.
fn empty_or_full(vm: &Vm, full: bool, id: u64) -> PyErr {
    let registered = queues(vm).registered.lock().get(&vm.interp.id).cloned();
    let what = if full { "full" } else { "empty" };
    let msg = format!("queue {id} is {what}");
    match registered {
        Some(r) => {
            let class = if full { r.full } else { r.empty };
            match vm.call(&class, &[Value::string(msg)]) {
                Ok(exc) => vm.make_exception(exc).unwrap_or_else(|e| e),
                Err(e) => e,
            }
        }
        None => {
            let class = if full { &ERRORS.full } else { &ERRORS.empty };
            PyErr::msg(class, msg)
        }
    }
}

/// `create(maxsize, fmt, unboundop) -> qid`.
pub(crate) fn create_queue(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("create", args, &["maxsize", "fmt", "unboundop"], 3)?;
    let maxsize = int_arg("create", p.get(0))?;
    let fmt = int_arg("create", p.get(1))?;
    let unboundop = unboundop_arg(p.get(2))?;
    let all = queues(vm);
    let mut t = all.table.lock();
    t.next_id += 1;
    let id = t.next_id;
    t.queues.insert(
        id,
        Queue {
            maxsize,
            fmt,
            unboundop,
            items: VecDeque::new(),
            getters: VecDeque::new(),
            putters: VecDeque::new(),
            refs: 0,
            writers: None,
        },
    );
    Ok(Value::Int(id as i64))
}

fn destroy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("destroy", args, 1, 1)?;
    let id = qid_arg(&a[0])?;
    let removed = queues(vm).table.lock().queues.remove(&id);
    let queue = removed.ok_or_else(|| not_found(id))?;
    // Waiters wake to find the queue gone (QueueNotFoundError on their next try).
    for waiter in queue.getters.iter().chain(queue.putters.iter()) {
        wake(waiter);
    }
    Ok(Value::None)
}

/// `list_all() -> [(qid, fmt, unboundop)]`, newest first as 3.13.0 lists them.
fn list_all(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("list_all", args, 0, 0)?;
    let all = queues(vm);
    let t = all.table.lock();
    Ok(Value::list(
        t.queues
            .iter()
            .rev()
            .map(|(id, q)| {
                Value::tuple(vec![
                    Value::Int(*id as i64),
                    Value::Int(q.fmt),
                    Value::Int(q.unboundop),
                ])
            })
            .collect(),
    ))
}

/// `put(qid, obj, fmt, unboundop)`: QueueFull when full, NotShareableError for data that
/// cannot cross.
fn put(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("put", args, &["qid", "obj", "fmt", "unboundop"], 4)?;
    let id = qid_arg(p.get(0).unwrap_or(&Value::None))?;
    let obj = p.get(1).unwrap_or(&Value::None);
    let fmt = int_arg("put", p.get(2))?;
    let unboundop = unboundop_arg(p.get(3))?;
    put_item(vm, id, obj, fmt, unboundop, Rules::Py313)
}

/// `_put_data(qid, obj, unboundop)` (gilsim's own, for 3.14's `Queue.put`): `put` under
/// 3.14's rules, where plain data crosses by pickle.
fn put_data(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("_put_data", args, 3, 3)?;
    let id = qid_arg(&a[0])?;
    let unboundop = unboundop_arg(Some(&a[2]))?;
    put_item(vm, id, &a[1], 0, unboundop, Rules::Py314)
}

fn put_item(
    vm: &Vm,
    id: u64,
    obj: &Value,
    fmt: i64,
    unboundop: i64,
    rules: Rules,
) -> PyResult<Value> {
    let data = match rules {
        Rules::Py314 => super::fallback::share_or_pickle(vm, obj)?
            .ok_or_else(|| super::fallback::refusal(vm, obj, true))?,
        _ => {
            share(obj, rules)?.ok_or_else(|| super::interpreters::not_shareable(vm, obj, rules))?
        }
    };
    put_shared(vm, id, data, fmt, unboundop)
}

/// Puts data already made shareable (`multiprocessing` pickles it first) on queue `id`;
/// a full queue raises QueueFull.
pub fn put_shared(vm: &Vm, id: u64, data: Shared, fmt: i64, unboundop: i64) -> PyResult<Value> {
    let owner = vm.interp.id;
    let outcome = with_queue(vm, id, |q| {
        if q.maxsize > 0 && q.items.len() as i64 >= q.maxsize {
            return Err(());
        }
        q.items.push_back(Item {
            data: Some(data),
            fmt,
            unboundop,
            owner,
        });
        Ok(q.getters.pop_front())
    })?;
    match outcome {
        Err(()) => Err(empty_or_full(vm, true, id)),
        Ok(getter) => {
            if let Some(waiter) = getter {
                wake(&waiter);
            }
            Ok(Value::None)
        }
    }
}

/// `get(qid) -> (obj, fmt, unboundop)`: the oldest item, made afresh here; `unboundop` is
/// None for an item whose interpreter still exists, else its op and obj is None.
pub(crate) fn get(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("get", args, 1, 1)?;
    let id = qid_arg(&a[0])?;
    let (item, putter) = with_queue(vm, id, |q| {
        let item = q.items.pop_front();
        let putter = if item.is_some() {
            q.putters.pop_front()
        } else {
            None
        };
        (item, putter)
    })?;
    if let Some(waiter) = putter {
        wake(&waiter);
    }
    let Some(item) = item else {
        return Err(empty_or_full(vm, false, id));
    };
    let (obj, unbound) = match item.data {
        Some(data) => (data.into_value(vm)?, Value::None),
        None => (Value::None, Value::Int(item.unboundop)),
    };
    Ok(Value::tuple(vec![obj, Value::Int(item.fmt), unbound]))
}

fn bind(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("bind", args, 1, 1)?;
    let id = qid_arg(&a[0])?;
    with_queue(vm, id, |q| q.refs += 1)?;
    Ok(Value::None)
}

/// `release(qid)`: the queue is destroyed when its last reference goes.
fn release(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("release", args, 1, 1)?;
    let id = qid_arg(&a[0])?;
    let all = queues(vm);
    let mut t = all.table.lock();
    let q = t.queues.get_mut(&id).ok_or_else(|| not_found(id))?;
    if q.refs == 0 {
        return Err(PyErr::msg(&ERRORS.base, format!("queue {id} never bound")));
    }
    q.refs -= 1;
    if q.refs == 0 {
        t.queues.remove(&id);
    }
    Ok(Value::None)
}

fn get_maxsize(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("get_maxsize", args, 1, 1)?;
    let id = qid_arg(&a[0])?;
    Ok(Value::Int(with_queue(vm, id, |q| q.maxsize)?))
}

/// `get_queue_defaults(qid) -> (fmt, unboundop)`.
fn get_queue_defaults(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("get_queue_defaults", args, 1, 1)?;
    let id = qid_arg(&a[0])?;
    let (fmt, op) = with_queue(vm, id, |q| (q.fmt, q.unboundop))?;
    Ok(Value::tuple(vec![Value::Int(fmt), Value::Int(op)]))
}

fn is_full(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("is_full", args, 1, 1)?;
    let id = qid_arg(&a[0])?;
    // 3.13.0 answers whether the count equals maxsize, even when maxsize is 0 (unbounded):
    // an empty unbounded queue reports full, one with items does not.
    let full = with_queue(vm, id, |q| q.items.len() as i64 == q.maxsize)?;
    Ok(Value::Bool(full))
}

pub(crate) fn get_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("get_count", args, 1, 1)?;
    let id = qid_arg(&a[0])?;
    Ok(Value::Int(with_queue(vm, id, |q| q.items.len() as i64)?))
}

/// `_register_heap_types(queuetype, emptyerror, fullerror)`: the Python-level module's
/// exception classes, raised from then on in this interpreter.
fn register_heap_types(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("_register_heap_types", args, 3, 3)?;
    let registered = Registered {
        queue: a[0].clone(),
        empty: a[1].clone(),
        full: a[2].clone(),
    };
    queues(vm)
        .registered
        .lock()
        .insert(vm.interp.id, registered);
    Ok(Value::None)
}

/// The class attribute that marks the Python-level `Queue` class (gilsim's
/// `concurrent.interpreters` sets it), whose instances cross as their queue's id.
const QUEUE_MARKER: &str = "_gilsim_cross_interpreter_queue";

/// The queue id of a Python-level `Queue` object.
pub fn queue_id_of(v: &Value) -> Option<u64> {
    let Value::Instance(inst) = v else {
        return None;
    };
    inst.class.lookup_static(QUEUE_MARKER)?;
    match inst.dict.get_str("_id") {
        Some(Value::Int(id)) if id >= 0 => Some(id as u64),
        _ => None,
    }
}

/// Queue `id` as an object of `vm`'s interpreter: its registered `Queue` class (importing
/// `concurrent.interpreters` there, which registers it, the first time).
pub fn queue_object(vm: &Vm, id: u64) -> PyResult<Value> {
    let registered = || queues(vm).registered.lock().get(&vm.interp.id).cloned();
    let r = match registered() {
        Some(r) => r,
        None => {
            vm.import_module("concurrent.interpreters")?;
            registered().ok_or_else(|| {
                crate::vm::pyerr::runtime_error("cross-interpreter queues are not registered")
            })?
        }
    };
    vm.call(&r.queue, &[Value::Int(id as i64)])
}

/// Lets a waiting thread go (its waiter lock is released: any thread may release a plain
/// lock, and the scheduler retries the thread blocked on it).
fn wake(waiter: &LockCore) {
    let _ = waiter.release(0);
}

/// Which wait: for an item to get, or for room to put one.
#[derive(Clone, Copy)]
enum Side {
    Item,
    Room,
}

/// `_wait_for_item(qid, timeout=None) -> bool` (gilsim's own): blocks until the queue has
/// an item, True, or `timeout` seconds pass, False. The caller then tries `get` again.
pub(crate) fn wait_for_item(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    wait(vm, args, Side::Item, "interpreter queue")
}

/// `_wait_for_room(qid, timeout=None) -> bool`: the same for a full queue and `put`.
pub(crate) fn wait_for_room(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    wait(vm, args, Side::Room, "interpreter queue")
}

/// The same waits on the queues `multiprocessing` carries its queues, pipes and manager
/// calls on: a deadlock report names them so.
pub(crate) fn mp_wait_for_item(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    wait(vm, args, Side::Item, "multiprocessing queue")
}

pub(crate) fn mp_wait_for_room(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    wait(vm, args, Side::Room, "multiprocessing queue")
}

/// `kind` names the queue in the wait's description.
fn wait(vm: &Vm, args: Args<'_>, side: Side, kind: &str) -> PyResult<Value> {
    let fname = match side {
        Side::Item => "_wait_for_item",
        Side::Room => "_wait_for_room",
    };
    let p = parse(fname, args, &["qid", "timeout"], 1)?;
    let id = qid_arg(p.get(0).unwrap_or(&Value::None))?;
    let timeout = match p.given(1) {
        None => None,
        Some(v) => {
            let secs = crate::vm::protocols::numeric::real_to_f64(v)?;
            if !(0.0..=crate::runtime::config::MAX_TIMEOUT).contains(&secs) {
                return Err(value_error("timeout value must be a non-negative number"));
            }
            Some(std::time::Duration::from_secs_f64(secs))
        }
    };
    // The check and the registration happen under the table's lock, so a `put` between
    // them cannot be missed.
    let waiter = {
        let all = queues(vm);
        let mut t = all.table.lock();
        let q = t.queues.get_mut(&id).ok_or_else(|| not_found(id))?;
        let ready = match side {
            Side::Item => q.readable(),
            Side::Room => q.maxsize <= 0 || (q.items.len() as i64) < q.maxsize,
        };
        if ready {
            return Ok(Value::Bool(true));
        }
        let waiter = LockCore::new(false, vm.sched.clone());
        waiter.mark_internal();
        waiter.acquire(vm, false, None)?;
        match side {
            Side::Item => q.getters.push_back(waiter.clone()),
            Side::Room => q.putters.push_back(waiter.clone()),
        }
        waiter
    };
    let what = match side {
        Side::Item => format!("an item on {kind} {id}"),
        Side::Room => format!("room on {kind} {id}"),
    };
    let woken = waiter.acquire_for(vm, true, timeout, Some(what))?;
    if !woken {
        // Timed out. If a `put` (or `get`) took this waiter off the list meanwhile, its
        // wake-up is passed on to the next waiter rather than lost.
        let all = queues(vm);
        let mut t = all.table.lock();
        let passed_on = t.queues.get_mut(&id).and_then(|q| {
            let list = match side {
                Side::Item => &mut q.getters,
                Side::Room => &mut q.putters,
            };
            let before = list.len();
            list.retain(|w| !Arc::ptr_eq(w, &waiter));
            if list.len() == before {
                list.pop_front()
            } else {
                None
            }
        });
        drop(t);
        if let Some(next) = passed_on {
            wake(&next);
        }
    }
    Ok(Value::Bool(woken))
}

/// `multiprocessing.connection.wait`'s side of queue `id`: whether it has an item now, and
/// if not, `waiter` joins its getters (a `put` releases it). Nothing happens to a queue
/// that is gone.
pub fn watch(vm: &Vm, id: u64, waiter: &Arc<LockCore>) -> bool {
    let all = queues(vm);
    let mut t = all.table.lock();
    match t.queues.get_mut(&id) {
        Some(q) if q.readable() => true,
        Some(q) => {
            q.getters.push_back(waiter.clone());
            false
        }
        None => false,
    }
}

/// The waiter stops watching queue `id`. A `put` that took it off the getters already
/// woke it for an item it does not take: that wake-up goes on to the next getter.
pub fn unwatch(vm: &Vm, id: u64, waiter: &Arc<LockCore>) {
    let all = queues(vm);
    let mut t = all.table.lock();
    let Some(q) = t.queues.get_mut(&id) else {
        return;
    };
    let before = q.getters.len();
    q.getters.retain(|w| !Arc::ptr_eq(w, waiter));
    let next = if q.getters.len() == before && !q.items.is_empty() {
        q.getters.pop_front()
    } else {
        None
    };
    drop(t);
    if let Some(next) = next {
        wake(&next);
    }
}

/// Whether queue `id` has an item now, or is a hung-up pipe (a read would not block).
pub fn has_item(vm: &Vm, id: u64) -> bool {
    with_queue(vm, id, |q| q.readable()).unwrap_or(false)
}

impl Queue {
    /// A pipe direction whose every write end is closed.
    fn hung_up(&self) -> bool {
        self.writers
            .as_ref()
            .is_some_and(|w| w.values().all(|&n| n == 0))
    }

    /// A read would not block: an item is there, or the pipe is hung up.
    fn readable(&self) -> bool {
        !self.items.is_empty() || self.hung_up()
    }

    /// Wakes every reader of a pipe that just hung up (each finds it readable).
    fn wake_if_hung_up(&mut self) -> Vec<Arc<LockCore>> {
        if self.hung_up() {
            self.getters.drain(..).collect()
        } else {
            Vec::new()
        }
    }
}

/// `queue_writer(qid, delta[, pid])`: the calling process (or `pid`) opened (+1) or closed
/// (-1) a write end of the pipe direction `qid` (the first call makes it a pipe direction).
pub(crate) fn mp_writer(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("queue_writer", args, 2, 3)?;
    let id = qid_arg(&a[0])?;
    let delta = int_arg("queue_writer", Some(&a[1]))?;
    let pid = match a.get(2) {
        Some(v) => int_arg("queue_writer", Some(v))?.max(0) as u64,
        None => crate::stdlib::mp::process::getpid(vm),
    };
    let woken = with_queue(vm, id, |q| {
        let count = q
            .writers
            .get_or_insert_with(BTreeMap::new)
            .entry(pid)
            .or_insert(0);
        *count = count.saturating_add_signed(delta as i32);
        q.wake_if_hung_up()
    })?;
    woken.iter().for_each(|w| wake(w));
    Ok(Value::None)
}

/// `queue_hung_up(qid)`: whether every write end of the pipe direction is closed.
pub(crate) fn mp_hung_up(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("queue_hung_up", args, 1, 1)?;
    let id = qid_arg(&a[0])?;
    Ok(Value::Bool(with_queue(vm, id, |q| q.hung_up())?))
}

/// A fork: the child holds a copy of every write end its parent holds open.
pub fn inherit_writers(vm: &Vm, parent: u64, child: u64) {
    let all = queues(vm);
    let mut t = all.table.lock();
    for q in t.queues.values_mut() {
        if let Some(w) = &mut q.writers
            && let Some(&n) = w.get(&parent)
        {
            w.insert(child, n);
        }
    }
}

/// Process `pid` ended: the system closes its write ends, and pipes may hang up.
pub fn close_writers_of(vm: &Vm, pid: u64) {
    let all = queues(vm);
    let woken: Vec<Arc<LockCore>> = {
        let mut t = all.table.lock();
        let mut woken = Vec::new();
        for q in t.queues.values_mut() {
            if q.writers.as_mut().and_then(|w| w.remove(&pid)).is_some() {
                woken.extend(q.wake_if_hung_up());
            }
        }
        woken
    };
    woken.iter().for_each(|w| wake(w));
}
