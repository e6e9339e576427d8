//! Data that crosses between interpreters. No Python object is ever reachable from two
//! interpreters: a shareable value is copied out as plain data (`Shared`) and a new object
//! is made of it on the other side (CPython's `_PyCrossInterpreterData`). What is shareable
//! depends on the CPython an API comes from: 3.12 shares None, int, str, bytes and channel
//! ids; 3.13 adds bool, float and tuples of shareables (and queues); 3.14 shares the same
//! and pickles the rest where its API falls back to pickle (`fallback.rs`).

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::objects::pystr::PyStr;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, overflow_error};

/// Which CPython's sharing rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rules {
    Py312,
    Py313,
    /// 3.14's `concurrent.interpreters`: 3.13's (any tuple counts as shareable; a big int
    /// does not cross), then pickle where the API falls back to it.
    Py314,
}

/// A shareable value, as plain data between two interpreters.
#[derive(Clone, Debug)]
pub enum Shared {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Shared>),
    /// A `_xxinterpchannels` channel, by id.
    Channel(u64),
    /// A `concurrent.interpreters.Queue`, by id: it arrives as that interpreter's `Queue`.
    Queue(u64),
    /// Anything pickle sends (`multiprocessing`'s queues and pipes), unpickled on arrival.
    Pickled(Arc<crate::stdlib::mp::pickle::Pickled>),
    /// 3.14's pickle fallback between interpreters, with the sender's main script, which
    /// the receiver runs again if it lacks a name of `__main__` the pickle refers to.
    ByPickle {
        pickled: Arc<crate::stdlib::mp::pickle::Pickled>,
        main_file: Option<Arc<str>>,
    },
    /// A value that could not cross back (a call's result): the receiver raises
    /// NotShareableError("object does not support cross-interpreter data") from an
    /// Exception carrying the sender's error, as `_PyXI_Preserve`'s failure reads.
    Refused(String),
}

impl Shared {
    /// The value, made afresh by `vm`, of the interpreter that receives it (a queue arrives
    /// as that interpreter's own `Queue` object).
    pub fn into_value(self, vm: &Vm) -> PyResult<Value> {
        Ok(match self {
            Shared::None => Value::None,
            Shared::Bool(b) => Value::Bool(b),
            Shared::Int(i) => Value::Int(i),
            Shared::Float(f) => Value::Float(f),
            Shared::Str(s) => Value::Str(Arc::new(PyStr::new(s))),
            Shared::Bytes(b) => Value::Bytes(Arc::new(b)),
            Shared::Tuple(items) => Value::tuple(
                items
                    .into_iter()
                    .map(|i| i.into_value(vm))
                    .collect::<PyResult<_>>()?,
            ),
            Shared::Channel(id) => super::channels::id_value(id),
            Shared::Queue(id) => super::queues::queue_object(vm, id)?,
            Shared::Pickled(p) => crate::stdlib::mp::pickle::loads(vm, &p)?,
            Shared::ByPickle { pickled, main_file } => {
                super::fallback::load(vm, &pickled, main_file.as_deref())?
            }
            Shared::Refused(text) => return Err(super::fallback::refused(&text)),
        })
    }
}

/// Whether `v` is shareable under `rules` (`is_shareable()`: the type decides, not the
/// value — an int too large to send still is, and from 3.14 on so is any tuple).
pub fn is_shareable(v: &Value, rules: Rules) -> bool {
    match v {
        Value::None | Value::Int(_) | Value::BigInt(_) | Value::Str(_) | Value::Bytes(_) => true,
        Value::Bool(_) | Value::Float(_) => rules >= Rules::Py313,
        Value::Tuple(_) if rules >= Rules::Py314 => true,
        Value::Tuple(t) => rules >= Rules::Py313 && t.items.iter().all(|i| is_shareable(i, rules)),
        Value::Native(_) => super::channels::id_of(v).is_some(),
        Value::Instance(_) => rules >= Rules::Py314 && super::queues::queue_id_of(v).is_some(),
        _ => false,
    }
}

/// `v` as shared data, or None if it is not shareable under `rules` (3.14: without pickle;
/// `fallback.rs` adds it). An int is sent as a C `ssize_t`, so a larger one is an
/// OverflowError ("try sending as bytes") before 3.14 and not shareable from 3.14 on.
pub fn share(v: &Value, rules: Rules) -> PyResult<Option<Shared>> {
    if !is_shareable(v, rules) {
        return Ok(None);
    }
    Ok(Some(match v {
        Value::None => Shared::None,
        Value::Bool(b) => Shared::Bool(*b),
        Value::Int(i) => Shared::Int(*i),
        Value::BigInt(_) if rules >= Rules::Py314 => return Ok(None),
        Value::BigInt(_) => return Err(overflow_error("try sending as bytes")),
        Value::Float(f) => Shared::Float(*f),
        Value::Str(s) => Shared::Str(s.as_str().to_string()),
        Value::Bytes(b) => Shared::Bytes(b.as_ref().clone()),
        Value::Tuple(t) => {
            let mut items = Vec::with_capacity(t.items.len());
            for item in t.items.iter() {
                match share(item, rules)? {
                    Some(shared) => items.push(shared),
                    None => return Ok(None),
                }
            }
            Shared::Tuple(items)
        }
        _ => match (super::queues::queue_id_of(v), super::channels::id_of(v)) {
            (Some(id), _) => Shared::Queue(id),
            (None, Some(id)) => Shared::Channel(id),
            (None, None) => return Ok(None),
        },
    }))
}

/// The unshareable value inside `v` that makes it unshareable (the innermost one, as
/// 3.12 and 3.13 name it), or `v` itself.
pub fn culprit(v: &Value, rules: Rules) -> Value {
    match v {
        Value::Tuple(t) => match t.items.iter().find(|i| !is_shareable(i, rules)) {
            Some(inner) => culprit(inner, rules),
            None => v.clone(),
        },
        _ => v.clone(),
    }
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
