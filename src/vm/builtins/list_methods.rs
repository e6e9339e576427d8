//! `list` and `tuple` methods (Objects/listobject.c, tupleobject.c).

use std::sync::Arc;

use super::{add_receiver_methods, parse, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::function::{Args, MethodFn};
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::{List, Value};
use crate::vm::pyerr::{PyResult, index_error, type_error, value_error};

pub fn register(list: &Arc<Class>, tuple: &Arc<Class>) {
    let methods: &[(&str, MethodFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("clear", clear),
        ("index", list_index),
        ("count", list_count),
        ("reverse", reverse),
        ("sort", sort),
        ("copy", copy),
    ];
    add_receiver_methods(list, methods);
    add_receiver_methods(tuple, &[("index", tuple_index), ("count", tuple_count)]);
}

fn recv<'a>(receiver: &'a Value, name: &str) -> PyResult<&'a Arc<List>> {
    match crate::vm::objects::class::unwrap_base(receiver) {
        Value::List(l) => Ok(l),
        other => Err(type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
            type_name(other)
        ))),
    }
}

fn append(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let l = recv(receiver, "append")?;
    let a = positional("list.append", args, 1, 1)?;
    l.items.write().push(a[0].clone());
    Ok(Value::None)
}

fn extend(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let l = recv(receiver, "extend")?;
    let a = positional("list.extend", args, 1, 1)?;
    let items = vm.collect(&a[0])?;
    l.items.write().extend(items);
    Ok(Value::None)
}

fn insert(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let l = recv(receiver, "insert")?;
    let a = positional("insert", args, 2, 2)?;
    let i = vm.index_i64(&a[0])?;
    let mut items = l.items.write();
    let len = items.len() as i64;
    let pos = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items.insert(pos as usize, a[1].clone());
    Ok(Value::None)
}

fn pop(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let l = recv(receiver, "pop")?;
    let a = positional("pop", args, 0, 1)?;
    let mut items = l.items.write();
    if items.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let len = items.len() as i64;
    let i = match a.first() {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let j = if i < 0 { i + len } else { i };
    if !(0..len).contains(&j) {
        return Err(index_error("pop index out of range"));
    }
    Ok(items.remove(j as usize))
}

fn remove(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let l = recv(receiver, "remove")?;
    let a = positional("list.remove", args, 1, 1)?;
    let snapshot = l.snapshot();
    for (i, item) in snapshot.iter().enumerate() {
        if vm.eq_values(item, &a[0])? {
            let mut items = l.items.write();
            if i < items.len() && items[i].is(item) {
                items.remove(i);
            }
            return Ok(Value::None);
        }
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn clear(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let l = recv(receiver, "clear")?;
    positional("list.clear", args, 0, 0)?;
    let old = std::mem::take(&mut *l.items.write());
    drop(old);
    Ok(Value::None)
}

/// `index(x[, start[, end]])` over a snapshot of items.
fn index_in(vm: &Vm, items: &[Value], a: &[Value], what: &str) -> PyResult<Value> {
    let len = items.len() as i64;
    let bound = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None => Ok(default),
            Some(x) => {
                let i = vm.index_i64(x)?;
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
        }
    };
    let start = bound(a.get(1), 0)?;
    let end = bound(a.get(2), len)?;
    for i in start..end.max(start) {
        if vm.eq_values(&items[i as usize], &a[0])? {
            return Ok(Value::Int(i));
        }
    }
    Err(value_error(format!("{what}.index(x): x not in {what}")))
}

fn list_index(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let l = recv(receiver, "index")?;
    let a = positional("index", args, 1, 3)?;
    let items = l.snapshot();
    match index_in(vm, &items, a, "list") {
        Err(e) if e.is_instance_of(&crate::vm::objects::types::types().exc.value_error) => {
            let r = vm.repr(&a[0])?;
            Err(value_error(format!("{r} is not in list")))
        }
        other => other,
    }
}

fn count_in(vm: &Vm, items: &[Value], x: &Value) -> PyResult<Value> {
    let mut n = 0;
    for item in items {
        if vm.eq_values(item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_count(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let l = recv(receiver, "count")?;
    let a = positional("list.count", args, 1, 1)?;
    count_in(vm, &l.snapshot(), &a[0])
}

fn reverse(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let l = recv(receiver, "reverse")?;
    positional("list.reverse", args, 0, 0)?;
    l.items.write().reverse();
    Ok(Value::None)
}

fn sort(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let l = recv(receiver, "sort")?;
    let r = args;
    if !r.pos().is_empty() {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let p = parse("sort", r, &["*key", "*reverse"], 0)?;
    let reverse = match p.get(1) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    // CPython empties the list while sorting so a key function cannot see it half-sorted,
    // and puts the items back even when the sort failed (in the order it reached).
    let mut items = std::mem::take(&mut *l.items.write());
    let sorted = vm.sort_in_place(&mut items, &p.or_none(0), reverse);
    let modified = !std::mem::replace(&mut *l.items.write(), items).is_empty();
    sorted?;
    if modified {
        return Err(value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn copy(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let l = recv(receiver, "copy")?;
    positional("list.copy", args, 0, 0)?;
    Ok(Value::list(l.snapshot()))
}

fn tuple_recv(receiver: &Value) -> PyResult<&[Value]> {
    match crate::vm::objects::class::unwrap_base(receiver) {
        Value::Tuple(t) => Ok(&t.items),
        _ => Err(type_error("descriptor requires a 'tuple' object")),
    }
}

fn tuple_index(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let items = tuple_recv(receiver)?;
    let a = positional("index", args, 1, 3)?;
    index_in(vm, items, a, "tuple")
}

fn tuple_count(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let items = tuple_recv(receiver)?;
    let a = positional("tuple.count", args, 1, 1)?;
    count_in(vm, items, &a[0])
}
