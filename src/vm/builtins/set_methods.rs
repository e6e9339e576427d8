//! `set` and `frozenset` methods (Objects/setobject.c).

use std::sync::Arc;

use super::{add_methods, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::set::Set;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, key_error, type_error};

pub fn register(set: &Arc<Class>, frozenset: &Arc<Class>) {
    let shared: &[(&str, NativeFn)] = &[
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
    ];
    add_methods(set, shared);
    add_methods(frozenset, shared);
    let mutating: &[(&str, NativeFn)] = &[
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
    add_methods(set, mutating);
}

fn recv<'a>(args: &'a Args<'_>, name: &str) -> PyResult<&'a Arc<Set>> {
    match args
        .args
        .first()
        .map(crate::vm::objects::class::unwrap_base)
    {
        Some(Value::Set(s) | Value::FrozenSet(s)) => Ok(s),
        Some(other) => Err(type_error(format!(
            "descriptor '{name}' for 'set' objects doesn't apply to a '{}' object",
            type_name(other)
        ))),
        None => Err(type_error(format!(
            "unbound method set.{name}() needs an argument"
        ))),
    }
}

fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    super::str_methods::rest(args)
}

/// Wraps a result set in the receiver's type.
fn same_kind(args: &Args<'_>, s: Set) -> Value {
    match args.args.first() {
        Some(Value::FrozenSet(_)) => Value::FrozenSet(Arc::new(s)),
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

fn copy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "copy")?;
    Ok(same_kind(&args, vm.set_copy(s)))
}

fn union(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "union")?;
    let result = vm.set_copy(s);
    for other in rest(&args).pos() {
        vm.set_update(&result, other)?;
    }
    Ok(same_kind(&args, result))
}

fn intersection(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "intersection")?;
    let mut result = vm.set_copy(s);
    for other in rest(&args).pos() {
        result = vm.set_intersection(&result, &*as_set(vm, other)?)?;
    }
    Ok(same_kind(&args, result))
}

fn difference(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "difference")?;
    let mut result = vm.set_copy(s);
    for other in rest(&args).pos() {
        result = vm.set_difference(&result, &*as_set(vm, other)?)?;
    }
    Ok(same_kind(&args, result))
}

fn symmetric_difference(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "symmetric_difference")?;
    let a = positional("symmetric_difference", rest(&args), 1, 1)?;
    let result = vm.set_symmetric_difference(s, &*as_set(vm, &a[0])?)?;
    Ok(same_kind(&args, result))
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

fn issubset(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "issubset")?;
    let a = positional("issubset", rest(&args), 1, 1)?;
    Ok(Value::Bool(subset_of(vm, s, &*as_set(vm, &a[0])?)?))
}

fn issuperset(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "issuperset")?;
    let a = positional("issuperset", rest(&args), 1, 1)?;
    Ok(Value::Bool(subset_of(vm, &*as_set(vm, &a[0])?, s)?))
}

fn isdisjoint(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "isdisjoint")?;
    let a = positional("isdisjoint", rest(&args), 1, 1)?;
    let other = as_set(vm, &a[0])?;
    for (h, k) in s.entries() {
        if other.contains_hashed(vm, h, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn add(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "add")?;
    let a = positional("set.add", rest(&args), 1, 1)?;
    s.add(vm, a[0].clone())?;
    Ok(Value::None)
}

fn remove(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "remove")?;
    let a = positional("set.remove", rest(&args), 1, 1)?;
    if !s.discard(vm, &a[0])? {
        return Err(key_error(a[0].clone()));
    }
    Ok(Value::None)
}

fn discard(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "discard")?;
    let a = positional("set.discard", rest(&args), 1, 1)?;
    s.discard(vm, &a[0])?;
    Ok(Value::None)
}

fn pop(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "pop")?;
    s.pop()
        .ok_or_else(|| key_error(Value::str("pop from an empty set")))
}

fn clear(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    recv(&args, "clear")?.clear();
    Ok(Value::None)
}

fn update(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "update")?;
    for other in rest(&args).pos() {
        vm.set_update(s, other)?;
    }
    Ok(Value::None)
}

fn replace_contents(s: &Set, new: Set) {
    s.clear();
    s.merge_table(&new.table());
}

fn intersection_update(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "intersection_update")?;
    let mut result = vm.set_copy(s);
    for other in rest(&args).pos() {
        result = vm.set_intersection(&result, &*as_set(vm, other)?)?;
    }
    replace_contents(s, result);
    Ok(Value::None)
}

fn difference_update(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "difference_update")?;
    for other in rest(&args).pos() {
        for k in vm.collect(other)? {
            s.discard(vm, &k)?;
        }
    }
    Ok(Value::None)
}

fn symmetric_difference_update(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv(&args, "symmetric_difference_update")?;
    let a = positional("symmetric_difference_update", rest(&args), 1, 1)?;
    for (h, k) in as_set(vm, &a[0])?.entries() {
        if !s.discard_hashed(vm, h, &k)? {
            s.add_hashed(vm, h, k)?;
        }
    }
    Ok(Value::None)
}
