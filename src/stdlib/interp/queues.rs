//! `_interpqueues` as CPython 3.13 has it (Modules/_interpqueuesmodule.c): run-wide FIFO
//! queues of shareable data, found by int id. `get` and `put` never block — a full or empty
//! queue raises, and the Python-level `Queue` (`concurrent.interpreters`) waits by polling,
//! as CPython's `Lib/concurrent/interpreters/_queues.py` does. An item outlives the
//! interpreter that put it only as its `unboundop` says: removed (1), or left as an
//! "unbound" marker that `get` reports (2: error, 3: replace).

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
    /// Interpreter id -> its (QueueEmpty, QueueFull) classes: Python classes of that
    /// interpreter, only ever raised there.
    registered: Mutex<HashMap<u64, (Value, Value)>>,
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
    /// `bind`/`release` references (3.13.0's `create` takes none).
    refs: u64,
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
        Some((empty, full_class)) => {
            let class = if full { full_class } else { empty };
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
fn create_queue(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
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
            refs: 0,
        },
    );
    Ok(Value::Int(id as i64))
}

fn destroy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("destroy", args, 1, 1)?;
    let id = qid_arg(&a[0])?;
    let removed = queues(vm).table.lock().queues.remove(&id);
    removed.map(|_| Value::None).ok_or_else(|| not_found(id))
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
    let Some(data) = share(obj, Rules::Py313)? else {
        return Err(super::interpreters::not_shareable(vm, obj));
    };
    let owner = vm.interp.id;
    let full = with_queue(vm, id, |q| {
        if q.maxsize > 0 && q.items.len() as i64 >= q.maxsize {
            return true;
        }
        q.items.push_back(Item {
            data: Some(data),
            fmt,
            unboundop,
            owner,
        });
        false
    })?;
    if full {
        return Err(empty_or_full(vm, true, id));
    }
    Ok(Value::None)
}

/// `get(qid) -> (obj, fmt, unboundop)`: the oldest item, made afresh here; `unboundop` is
/// None for an item whose interpreter still exists, else its op and obj is None.
fn get(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("get", args, 1, 1)?;
    let id = qid_arg(&a[0])?;
    let Some(item) = with_queue(vm, id, |q| q.items.pop_front())? else {
        return Err(empty_or_full(vm, false, id));
    };
    let (obj, unbound) = match item.data {
        Some(data) => (data.into_value(), Value::None),
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

fn get_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("get_count", args, 1, 1)?;
    let id = qid_arg(&a[0])?;
    Ok(Value::Int(with_queue(vm, id, |q| q.items.len() as i64)?))
}

/// `_register_heap_types(queuetype, emptyerror, fullerror)`: the Python-level module's
/// exception classes, raised from then on in this interpreter.
fn register_heap_types(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("_register_heap_types", args, 3, 3)?;
    queues(vm)
        .registered
        .lock()
        .insert(vm.interp.id, (a[1].clone(), a[2].clone()));
    Ok(Value::None)
}
