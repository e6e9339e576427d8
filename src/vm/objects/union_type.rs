//! `int | None`, `list[int] | str` ...: `types.UnionType` objects (PEP 604), so evaluated
//! annotations and `isinstance(x, int | str)` work as in CPython 3.10+
//! (Objects/unionobject.c).

use std::sync::{Arc, LazyLock};

use crate::vm::builtins::method;
use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Layout};
use crate::vm::objects::function::Args;
use crate::vm::objects::generic_alias::{GenericAlias, is_generic_alias, type_repr};
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::types::types;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, attribute_error, type_error};

pub struct UnionType {
    /// The members, flattened and without repeats; None stands as `NoneType`.
    pub args: Vec<Value>,
}

static UNION_TYPE: LazyLock<Arc<Class>> = LazyLock::new(|| {
    let c = Arc::new(Class::new_builtin(
        "UnionType",
        "types",
        vec![types().object.clone()],
        Layout::Builtin,
    ));
    let methods: [(&str, crate::vm::objects::function::NativeFn); 6] = [
        ("__repr__", union_repr),
        ("__getattr__", union_getattr),
        ("__or__", union_or),
        ("__ror__", union_ror),
        ("__eq__", union_eq),
        ("__hash__", union_hash),
    ];
    for (name, f) in methods {
        c.dict.set_str(name, method("UnionType", name, f));
    }
    c
});

/// The members of a union, or None when `v` is not one.
pub fn union_members(v: &Value) -> Option<&[Value]> {
    match v {
        Value::Native(n) => n.downcast::<UnionType>().map(|u| u.args.as_slice()),
        _ => None,
    }
}

/// What `|` may join (unionobject.c `is_unionable`): None, a class, a generic alias or a
/// union.
fn unionable(v: &Value) -> bool {
    matches!(v, Value::None | Value::Class(_)) || is_generic_alias(v) || union_members(v).is_some()
}

/// `a | b` for two unionable operands (`type.__or__`), or None when one is not.
pub fn union_of(a: &Value, b: &Value) -> Option<Value> {
    if !unionable(a) || !unionable(b) {
        return None;
    }
    let mut args: Vec<Value> = Vec::new();
    for side in [a, b] {
        let members = union_members(side).map_or_else(|| vec![side.clone()], <[Value]>::to_vec);
        for m in members {
            let m = match m {
                Value::None => Value::Class(types().none.clone()),
                other => other,
            };
            if !args.iter().any(|seen| same_member(seen, &m)) {
                args.push(m);
            }
        }
    }
    // `int | int` is `int` itself.
    if args.len() == 1 {
        return args.pop();
    }
    Some(Value::Native(Arc::new(NativeObject::new(
        UNION_TYPE.clone(),
        UnionType { args },
    ))))
}

/// Whether two members repeat each other: the same class, or aliases of the same origin
/// and arguments (`list[int] | list[int]`).
fn same_member(a: &Value, b: &Value) -> bool {
    if a.is(b) {
        return true;
    }
    match (a, b) {
        (Value::Native(x), Value::Native(y)) => {
            match (x.downcast::<GenericAlias>(), y.downcast::<GenericAlias>()) {
                (Some(p), Some(q)) => {
                    p.origin.is(&q.origin)
                        && p.args.len() == q.args.len()
                        && p.args.iter().zip(&q.args).all(|(s, t)| same_member(s, t))
                }
                _ => false,
            }
        }
        _ => false,
    }
}

fn recv<'a>(args: &'a Args<'_>) -> PyResult<&'a [Value]> {
    args.args
        .first()
        .and_then(union_members)
        .ok_or_else(|| type_error("expected a types.UnionType"))
}

fn union_repr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let members = recv(&args)?;
    let parts: Vec<String> = members
        .iter()
        .map(|m| match m {
            Value::Class(c) if Arc::ptr_eq(c, &types().none) => Ok("None".to_string()),
            other => type_repr(vm, other),
        })
        .collect::<PyResult<_>>()?;
    Ok(Value::string(parts.join(" | ")))
}

fn union_getattr(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let members = recv(&args)?;
    match args.args.get(1).and_then(Value::as_str) {
        Some("__args__") => Ok(Value::tuple(members.to_vec())),
        Some("__parameters__") => Ok(Value::tuple(Vec::new())),
        Some(name) => Err(attribute_error(format!(
            "'types.UnionType' object has no attribute '{name}'"
        ))),
        None => Err(type_error("attribute name must be string")),
    }
}

/// `__or__` of unions and generic aliases (`list[int] | None`): a union, or NotImplemented
/// when the other operand cannot be a member.
pub(crate) fn union_or(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = operands(&args)?;
    Ok(union_of(a, b).unwrap_or(Value::NotImplemented))
}

/// `__ror__` of unions and generic aliases (`None | list[int]`).
pub(crate) fn union_ror(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = operands(&args)?;
    Ok(union_of(b, a).unwrap_or(Value::NotImplemented))
}

fn operands<'a>(args: &'a Args<'_>) -> PyResult<(&'a Value, &'a Value)> {
    match args.args {
        [a, b] => Ok((a, b)),
        _ => Err(type_error("expected 1 argument")),
    }
}

/// Unions are equal when they have the same members, in any order.
fn union_eq(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let members = recv(&args)?;
    let Some(other) = args.args.get(1).and_then(union_members) else {
        return Ok(Value::NotImplemented);
    };
    let covers =
        |xs: &[Value], ys: &[Value]| xs.iter().all(|x| ys.iter().any(|y| same_member(x, y)));
    Ok(Value::Bool(
        covers(members, other) && covers(other, members),
    ))
}

/// Order-free, as CPython's hash of the members' frozenset. A generic alias counts by its
/// origin: aliases equal by `same_member` (`list[int]` twice) must hash alike.
fn union_hash(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let members = recv(&args)?;
    let mut h: i64 = 0x5f3759df;
    for m in members {
        let key = match m {
            Value::Native(n) => n.downcast::<GenericAlias>().map(|a| &a.origin),
            _ => None,
        };
        h ^= vm.hash_value(key.unwrap_or(m))?;
    }
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}
