//! Data that crosses between interpreters. No Python object is ever reachable from two
//! interpreters: a shareable value is copied out as plain data (`Shared`) and a new object
//! is made of it on the other side (CPython's `_PyCrossInterpreterData`). What is shareable
//! depends on the CPython an API comes from: 3.12 shares None, int, str, bytes and channel
//! ids; 3.13 adds bool, float and tuples of shareables, and queue ids.

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::objects::pystr::PyStr;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, overflow_error};

/// Which CPython's sharing rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rules {
    Py312,
    Py313,
}

/// A shareable value, as plain data between two interpreters.
#[derive(Clone, Debug, PartialEq)]
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
}

impl Shared {
    /// The value, made afresh in the interpreter that receives it.
    pub fn into_value(self) -> Value {
        match self {
            Shared::None => Value::None,
            Shared::Bool(b) => Value::Bool(b),
            Shared::Int(i) => Value::Int(i),
            Shared::Float(f) => Value::Float(f),
            Shared::Str(s) => Value::Str(Arc::new(PyStr::new(s))),
            Shared::Bytes(b) => Value::Bytes(Arc::new(b)),
            Shared::Tuple(items) => {
                Value::tuple(items.into_iter().map(Shared::into_value).collect())
            }
            Shared::Channel(id) => super::channels::id_value(id),
        }
    }
}

/// Whether `v` is shareable under `rules` (`is_shareable()`: the type decides, not the
/// value — a 3.12 int too large to send still is).
pub fn is_shareable(v: &Value, rules: Rules) -> bool {
    match v {
        Value::None | Value::Int(_) | Value::BigInt(_) | Value::Str(_) | Value::Bytes(_) => true,
        Value::Bool(_) | Value::Float(_) => rules == Rules::Py313,
        Value::Tuple(t) => rules == Rules::Py313 && t.items.iter().all(|i| is_shareable(i, rules)),
        Value::Native(_) => super::channels::id_of(v).is_some(),
        _ => false,
    }
}

/// `v` as shared data, or None if it is not shareable under `rules`. An int is sent as a C
/// `ssize_t`, so a larger one is an OverflowError (3.12's "try sending as bytes").
pub fn share(v: &Value, rules: Rules) -> PyResult<Option<Shared>> {
    if !is_shareable(v, rules) {
        return Ok(None);
    }
    Ok(Some(match v {
        Value::None => Shared::None,
        Value::Bool(b) => Shared::Bool(*b),
        Value::Int(i) => Shared::Int(*i),
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
        _ => match super::channels::id_of(v) {
            Some(id) => Shared::Channel(id),
            None => return Ok(None),
        },
    }))
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
