//! `set` and `frozenset` methods (Objects/setobject.c).

use std::sync::Arc;

use super::add_receiver_methods;
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::function::{Args, MethodFn};
use crate::vm::objects::set::Set;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, key_error, type_error};

pub fn register(set: &Arc<Class>, frozenset: &Arc<Class>) {
    let shared: &[(&str, MethodFn)] = &[
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
    ];
    add_receiver_methods(set, shared);
    add_receiver_methods(frozenset, shared);
    let mutating: &[(&str, MethodFn)] = &[
        ("add", add),
        ("remove", remove),
        ("discard", discard),
        ("pop", pop),
        ("clear", clear),
        ("update", update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
    ];
    add_receiver_methods(set, mutating);
}

fn recv<'a>(receiver: &'a Value, name: &str) -> PyResult<&'a Arc<Set>> {
    match crate::vm::objects::class::unwrap_base(receiver) {
        Value::Set(s) | Value::FrozenSet(s) => Ok(s),
        other => Err(type_error(format!(
            "descriptor '{name}' for 'set' objects doesn't apply to a '{}' object",
            type_name(other)
        ))),
    }
}

/// The receiver of a method that changes the set: a frozenset will not do.
fn mutable_recv<'a>(receiver: &'a Value, name: &str) -> PyResult<&'a Arc<Set>> {
    match crate::vm::objects::class::unwrap_base(receiver) {
        Value::Set(s) => Ok(s),
        other => Err(type_error(format!(
            "descriptor '{name}' for 'set' objects doesn't apply to a '{}' object",
            type_name(other)
        ))),
    }
}

/// The positional arguments after the receiver, with CPython's errors, which name the method
/// `set.name` or `frozenset.name` by the receiver.
fn arguments<'a>(
    receiver: &Value,
    name: &str,
    args: Args<'a>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    let owner = || match crate::vm::objects::class::unwrap_base(receiver) {
        Value::FrozenSet(_) => "frozenset",
        _ => "set",
    };
    super::method_arguments(owner, name, args, min, max)
}

/// Wraps a result set in the receiver's type.
fn same_kind(receiver: &Value, s: Set) -> Value {
    match receiver {
        Value::FrozenSet(_) => Value::FrozenSet(Arc::new(s)),
        _ => Value::Set(Arc::new(s)),
    }
}

/// Any iterable as a set (sets are used as they are).
fn as_set(vm: &Vm, v: &Value) -> PyResult<Arc<Set>> {
    match v {
        Value::Set(s) | Value::FrozenSet(s) => Ok(s.clone()),
        other => Ok(Arc::new(vm.set_from_iterable(other)?)),
    }
}

fn copy(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "copy")?;
    arguments(receiver, "copy", args, 0, 0)?;
    Ok(same_kind(receiver, vm.set_copy(s)))
}

fn union(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "union")?;
    let result = vm.set_copy(s);
    for other in arguments(receiver, "union", args, 0, usize::MAX)? {
        vm.set_update(&result, other)?;
    }
    Ok(same_kind(receiver, result))
}

fn intersection(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "intersection")?;
    let mut result = vm.set_copy(s);
    for other in arguments(receiver, "intersection", args, 0, usize::MAX)? {
        result = vm.set_intersection(&result, &*as_set(vm, other)?)?;
    }
    Ok(same_kind(receiver, result))
}

fn difference(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "difference")?;
    let mut result = vm.set_copy(s);
    for other in arguments(receiver, "difference", args, 0, usize::MAX)? {
        result = vm.set_difference(&result, &*as_set(vm, other)?)?;
    }
    Ok(same_kind(receiver, result))
}

fn symmetric_difference(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "symmetric_difference")?;
    let a = arguments(receiver, "symmetric_difference", args, 1, 1)?;
    let result = vm.set_symmetric_difference(s, &*as_set(vm, &a[0])?)?;
    Ok(same_kind(receiver, result))
}

fn subset_of(vm: &Vm, a: &Set, b: &Set) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (h, k) in a.entries() {
        if !b.contains_hashed(vm, h, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issubset(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "issubset")?;
    let a = arguments(receiver, "issubset", args, 1, 1)?;
    Ok(Value::Bool(subset_of(vm, s, &*as_set(vm, &a[0])?)?))
}

fn issuperset(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "issuperset")?;
    let a = arguments(receiver, "issuperset", args, 1, 1)?;
    Ok(Value::Bool(subset_of(vm, &*as_set(vm, &a[0])?, s)?))
}

fn isdisjoint(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "isdisjoint")?;
    let a = arguments(receiver, "isdisjoint", args, 1, 1)?;
    let other = as_set(vm, &a[0])?;
    for (h, k) in s.entries() {
        if other.contains_hashed(vm, h, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn add(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_recv(receiver, "add")?;
    let a = arguments(receiver, "add", args, 1, 1)?;
    s.add(vm, a[0].clone())?;
    Ok(Value::None)
}

fn remove(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_recv(receiver, "remove")?;
    let a = arguments(receiver, "remove", args, 1, 1)?;
    if !s.discard(vm, &a[0])? {
        return Err(key_error(a[0].clone()));
    }
    Ok(Value::None)
}

fn discard(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_recv(receiver, "discard")?;
    let a = arguments(receiver, "discard", args, 1, 1)?;
    s.discard(vm, &a[0])?;
    Ok(Value::None)
}

fn pop(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_recv(receiver, "pop")?;
    arguments(receiver, "pop", args, 0, 0)?;
    s.pop()
        .ok_or_else(|| key_error(Value::str("pop from an empty set")))
}

fn clear(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    arguments(receiver, "clear", args, 0, 0)?;
    mutable_recv(receiver, "clear")?.clear();
    Ok(Value::None)
}

fn update(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_recv(receiver, "update")?;
    for other in arguments(receiver, "update", args, 0, usize::MAX)? {
        vm.set_update(s, other)?;
    }
    Ok(Value::None)
}

fn replace_contents(s: &Set, new: Set) {
    s.clear();
    s.merge_table(&new.table());
}

fn intersection_update(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_recv(receiver, "intersection_update")?;
    let mut result = vm.set_copy(s);
    for other in arguments(receiver, "intersection_update", args, 0, usize::MAX)? {
        result = vm.set_intersection(&result, &*as_set(vm, other)?)?;
    }
    replace_contents(s, result);
    Ok(Value::None)
}

fn difference_update(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_recv(receiver, "difference_update")?;
    for other in arguments(receiver, "difference_update", args, 0, usize::MAX)? {
        for k in vm.collect(other)? {
            s.discard(vm, &k)?;
        }
    }
    Ok(Value::None)
}

fn symmetric_difference_update(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_recv(receiver, "symmetric_difference_update")?;
    let a = arguments(receiver, "symmetric_difference_update", args, 1, 1)?;
    for (h, k) in as_set(vm, &a[0])?.entries() {
        if !s.discard_hashed(vm, h, &k)? {
            s.add_hashed(vm, h, k)?;
        }
    }
    Ok(Value::None)
}
