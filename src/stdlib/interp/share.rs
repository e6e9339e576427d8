//! Data that crosses between interpreters. No Python object is ever reachable from two
//! interpreters: a shareable value is copied out as plain data (`Shared`) and a new object
//! is made of it on the other side (CPython's `_PyCrossInterpreterData`). What is shareable
//! depends on the CPython an API comes from: 3.12 shares None, int, str, bytes and channel
//! ids; 3.13 adds bool, float and tuples of shareables; 3.14 falls back to pickle for the
//! rest, which gilsim models for plain data (lists, dicts, big ints), builtin exceptions
//! and queues.

use std::sync::Arc;

use num_bigint::BigInt;

use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Instance};
use crate::vm::objects::dict::Dict;
use crate::vm::objects::pystr::PyStr;
use crate::vm::objects::set::Set;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, overflow_error};

/// Which CPython's sharing rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rules {
    Py312,
    Py313,
    /// 3.14's `concurrent.interpreters`: 3.13's, then pickle.
    Py314,
}

/// A shareable value, as plain data between two interpreters.
#[derive(Clone, Debug)]
pub enum Shared {
    None,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Shared>),
    List(Vec<Shared>),
    Set(Vec<Shared>),
    FrozenSet(Vec<Shared>),
    Dict(Vec<(Shared, Shared)>),
    /// A `_xxinterpchannels` channel, by id.
    Channel(u64),
    /// A `concurrent.interpreters.Queue`, by id: it arrives as that interpreter's `Queue`.
    Queue(u64),
    /// An instance of a builtin exception class (3.14 pickles it as its class and args;
    /// builtin classes are run-wide, so the class itself crosses).
    Exception(Arc<Class>, Vec<Shared>),
    /// Anything pickle sends (`multiprocessing`'s queues and pipes), unpickled on arrival.
    Pickled(Arc<crate::stdlib::mp::pickle::Pickled>),
}

impl Shared {
    /// The value, made afresh by `vm`, of the interpreter that receives it (a queue arrives
    /// as that interpreter's own `Queue` object).
    pub fn into_value(self, vm: &Vm) -> PyResult<Value> {
        Ok(match self {
            Shared::None => Value::None,
            Shared::Bool(b) => Value::Bool(b),
            Shared::Int(i) => Value::Int(i),
            Shared::BigInt(b) => Value::BigInt(Arc::new(b)),
            Shared::Float(f) => Value::Float(f),
            Shared::Str(s) => Value::Str(Arc::new(PyStr::new(s))),
            Shared::Bytes(b) => Value::Bytes(Arc::new(b)),
            Shared::Tuple(items) => Value::tuple(convert_all(vm, items)?),
            Shared::List(items) => Value::list(convert_all(vm, items)?),
            Shared::Set(items) => Value::Set(Arc::new(set_of(vm, items)?)),
            Shared::FrozenSet(items) => Value::FrozenSet(Arc::new(set_of(vm, items)?)),
            Shared::Dict(pairs) => {
                let d = Dict::new();
                for (k, v) in pairs {
                    d.set(vm, k.into_value(vm)?, v.into_value(vm)?)?;
                }
                Value::Dict(Arc::new(d))
            }
            Shared::Channel(id) => super::channels::id_value(id),
            Shared::Queue(id) => super::queues::queue_object(vm, id)?,
            Shared::Pickled(p) => crate::stdlib::mp::pickle::loads(vm, &p)?,
            Shared::Exception(class, args) => {
                Value::Instance(Instance::new_exception(class, convert_all(vm, args)?))
            }
        })
    }
}

fn set_of(vm: &Vm, items: Vec<Shared>) -> PyResult<Set> {
    let set = Set::new();
    for item in items {
        set.add(vm, item.into_value(vm)?)?;
    }
    Ok(set)
}

fn convert_all(vm: &Vm, items: Vec<Shared>) -> PyResult<Vec<Value>> {
    items.into_iter().map(|i| i.into_value(vm)).collect()
}

/// Whether `v` is shareable under `rules` (`is_shareable()`: the type decides, not the
/// value — a 3.12 int too large to send still is).
pub fn is_shareable(v: &Value, rules: Rules) -> bool {
    match v {
        Value::None | Value::Int(_) | Value::BigInt(_) | Value::Str(_) | Value::Bytes(_) => true,
        Value::Bool(_) | Value::Float(_) => rules >= Rules::Py313,
        Value::Tuple(t) => rules >= Rules::Py313 && t.items.iter().all(|i| is_shareable(i, rules)),
        Value::List(l) => {
            rules >= Rules::Py314 && l.items.read().iter().all(|i| is_shareable(i, rules))
        }
        Value::Set(s) | Value::FrozenSet(s) => {
            rules >= Rules::Py314 && s.values().iter().all(|i| is_shareable(i, rules))
        }
        Value::Dict(d) => {
            rules >= Rules::Py314
                && d.items()
                    .iter()
                    .all(|(k, v)| is_shareable(k, rules) && is_shareable(v, rules))
        }
        Value::Native(_) => super::channels::id_of(v).is_some(),
        Value::Instance(i) => {
            rules >= Rules::Py314
                && (super::queues::queue_id_of(v).is_some()
                    || builtin_exception_args(i)
                        .is_some_and(|args| args.iter().all(|a| is_shareable(a, rules))))
        }
        _ => false,
    }
}

/// `v` as shared data, or None if it is not shareable under `rules`. Before 3.14 an int is
/// sent as a C `ssize_t`, so a larger one is an OverflowError ("try sending as bytes").
pub fn share(v: &Value, rules: Rules) -> PyResult<Option<Shared>> {
    if !is_shareable(v, rules) {
        return Ok(None);
    }
    Ok(Some(match v {
        Value::None => Shared::None,
        Value::Bool(b) => Shared::Bool(*b),
        Value::Int(i) => Shared::Int(*i),
        Value::BigInt(b) if rules >= Rules::Py314 => Shared::BigInt((**b).clone()),
        Value::BigInt(_) => return Err(overflow_error("try sending as bytes")),
        Value::Float(f) => Shared::Float(*f),
        Value::Str(s) => Shared::Str(s.as_str().to_string()),
        Value::Bytes(b) => Shared::Bytes(b.as_ref().clone()),
        Value::Tuple(t) => match share_all(t.items.iter(), rules)? {
            Some(items) => Shared::Tuple(items),
            None => return Ok(None),
        },
        Value::List(l) => {
            let items = l.items.read().clone();
            match share_all(items.iter(), rules)? {
                Some(items) => Shared::List(items),
                None => return Ok(None),
            }
        }
        Value::Set(s) => match share_all(s.values().iter(), rules)? {
            Some(items) => Shared::Set(items),
            None => return Ok(None),
        },
        Value::FrozenSet(s) => match share_all(s.values().iter(), rules)? {
            Some(items) => Shared::FrozenSet(items),
            None => return Ok(None),
        },
        Value::Dict(d) => {
            let mut pairs = Vec::new();
            for (k, v) in d.items() {
                match (share(&k, rules)?, share(&v, rules)?) {
                    (Some(k), Some(v)) => pairs.push((k, v)),
                    _ => return Ok(None),
                }
            }
            Shared::Dict(pairs)
        }
        Value::Instance(i) => match super::queues::queue_id_of(v) {
            Some(id) => Shared::Queue(id),
            None => {
                let args = builtin_exception_args(i).unwrap_or_default();
                match share_all(args.iter(), rules)? {
                    Some(args) => Shared::Exception(i.class.clone(), args),
                    None => return Ok(None),
                }
            }
        },
        _ => match super::channels::id_of(v) {
            Some(id) => Shared::Channel(id),
            None => return Ok(None),
        },
    }))
}

/// The unshareable value inside `v` that makes it unshareable (the innermost one, as
/// CPython names it), or `v` itself.
pub fn culprit(v: &Value, rules: Rules) -> Value {
    let inner = match v {
        Value::Tuple(t) => t.items.iter().find(|i| !is_shareable(i, rules)).cloned(),
        Value::List(l) if rules >= Rules::Py314 => l
            .items
            .read()
            .iter()
            .find(|i| !is_shareable(i, rules))
            .cloned(),
        Value::Set(s) | Value::FrozenSet(s) if rules >= Rules::Py314 => {
            s.values().into_iter().find(|i| !is_shareable(i, rules))
        }
        Value::Dict(d) if rules >= Rules::Py314 => d
            .items()
            .into_iter()
            .flat_map(|(k, v)| [k, v])
            .find(|i| !is_shareable(i, rules)),
        _ => None,
    };
    match inner {
        Some(inner) => culprit(&inner, rules),
        None => v.clone(),
    }
}

/// Whether CPython 3.14 would still send `v` by pickle where gilsim does not: an instance
/// of a class written in Python (or a bare `object()`), which pickle sends by its class's
/// qualified name and its `__dict__`.
pub fn pickled_by_cpython_314(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if !i.is_exception() && i.base.is_none())
}

/// The args of an instance of a builtin exception class (not of a subclass defined in
/// Python: its class lives in one interpreter only).
fn builtin_exception_args(i: &Instance) -> Option<Vec<Value>> {
    if &*i.class.module != "builtins" {
        return None;
    }
    Some(i.exc_data()?.lock().args.clone())
}

fn share_all<'a>(
    items: impl Iterator<Item = &'a Value>,
    rules: Rules,
) -> PyResult<Option<Vec<Shared>>> {
    let mut out = Vec::new();
    for item in items {
        match share(item, rules)? {
            Some(shared) => out.push(shared),
            None => return Ok(None),
        }
    }
    Ok(Some(out))
}

/// A `shared=` dict's items as shared data, in its order: 3.12's errors for a key that is
/// not a str and a value that is not shareable.
pub fn share_namespace(vm: &Vm, ns: &Value, rules: Rules) -> PyResult<Vec<(String, Shared)>> {
    let Value::Dict(d) = ns else {
        return Err(crate::vm::pyerr::type_error("expected a dict"));
    };
    let mut out = Vec::new();
    for (key, value) in d.items() {
        let Value::Str(name) = &key else {
            return Err(crate::vm::pyerr::type_error(
                "bad argument type for built-in operation",
            ));
        };
        match share(&value, rules)? {
            Some(shared) => out.push((name.as_str().to_string(), shared)),
            None => {
                let shown = vm.str(&value)?;
                return Err(crate::vm::pyerr::value_error(format!(
                    "{shown} does not support cross-interpreter data"
                )));
            }
        }
    }
    Ok(out)
}
