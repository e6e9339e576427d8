//! `_collections._count_elements(mapping, iterable)`: Counter's counting loop in Rust, as
//! CPython's (Modules/_collectionsmodule.c, `_collections__count_elements_impl`), for the
//! case CPython speeds up too — a dict subclass whose `get` and `__setitem__` are dict's.
//! It answers False for any other mapping, and collections.py counts in Python then.

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::objects::function::Args;
use crate::vm::objects::types::types;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error};

/// Whether `class.<name>` is dict's own method.
fn is_dicts(class: &crate::vm::objects::class::Class, name: &'static str) -> bool {
    match (class.lookup_static(name), types().dict.lookup_static(name)) {
        (Some(Value::Builtin(a)), Some(Value::Builtin(b))) => Arc::ptr_eq(&a, &b),
        _ => false,
    }
}

pub fn count_elements(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [mapping, iterable] = args.args else {
        return Err(type_error("_count_elements expected 2 arguments"));
    };
    let dict = match mapping {
        Value::Dict(d) => d.clone(),
        Value::Instance(inst)
            if is_dicts(&inst.class, "get") && is_dicts(&inst.class, "__setitem__") =>
        {
            match &inst.base {
                Some(Value::Dict(d)) => d.clone(),
                _ => return Ok(Value::Bool(false)),
            }
        }
        _ => return Ok(Value::Bool(false)),
    };
    let it = vm.get_iter(iterable)?;
    while let Some(elem) = vm.iter_next(&it)? {
        let hash = vm.hash_value(&elem)?;
        if dict.add_one_native(&elem, hash) {
            continue;
        }
        let count = match dict.get_hashed(vm, &elem, hash)? {
            None => Value::Int(1),
            Some(Value::Int(n)) if n < i64::MAX => Value::Int(n + 1),
            Some(old) => {
                vm.binary_op(old, Value::Int(1), crate::compiler::bytecode::BinaryOp::Add)?
            }
        };
        dict.set_hashed(vm, elem, hash, count)?;
    }
    Ok(Value::Bool(true))
}
