//! `list` and `tuple` methods (Objects/listobject.c, tupleobject.c).

use std::sync::Arc;

use super::{add_methods, parse, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::{List, Value};
use crate::vm::pyerr::{PyResult, index_error, type_error, value_error};

pub fn register(list: &Arc<Class>, tuple: &Arc<Class>) {
    let methods: &[(&str, NativeFn)] = &[
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
    add_methods(list, methods);
    add_methods(tuple, &[("index", tuple_index), ("count", tuple_count)]);
}

fn recv<'a>(args: &'a Args<'_>, name: &str) -> PyResult<&'a Arc<List>> {
    match args
        .args
        .first()
        .map(crate::vm::objects::class::unwrap_base)
    {
        Some(Value::List(l)) => Ok(l),
        Some(other) => Err(type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
            type_name(other)
        ))),
        None => Err(type_error(format!(
            "unbound method list.{name}() needs an argument"
        ))),
    }
}

fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    super::str_methods::rest(args)
}

fn append(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let l = recv(&args, "append")?;
    let a = positional("list.append", rest(&args), 1, 1)?;
    l.items.write().push(a[0].clone());
    Ok(Value::None)
}

fn extend(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let l = recv(&args, "extend")?;
    let a = positional("list.extend", rest(&args), 1, 1)?;
    let items = vm.collect(&a[0])?;
    l.items.write().extend(items);
    Ok(Value::None)
}

fn insert(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let l = recv(&args, "insert")?;
    let a = positional("insert", rest(&args), 2, 2)?;
    let i = vm.index_i64(&a[0])?;
    let mut items = l.items.write();
    let len = items.len() as i64;
    let pos = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items.insert(pos as usize, a[1].clone());
    Ok(Value::None)
}

fn pop(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let l = recv(&args, "pop")?;
    let a = positional("pop", rest(&args), 0, 1)?;
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

fn remove(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let l = recv(&args, "remove")?;
    let a = positional("list.remove", rest(&args), 1, 1)?;
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

fn clear(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let l = recv(&args, "clear")?;
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

fn list_index(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let l = recv(&args, "index")?;
    let a = positional("index", rest(&args), 1, 3)?;
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

fn list_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let l = recv(&args, "count")?;
    let a = positional("list.count", rest(&args), 1, 1)?;
    count_in(vm, &l.snapshot(), &a[0])
}

fn reverse(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let l = recv(&args, "reverse")?;
    l.items.write().reverse();
    Ok(Value::None)
}

fn sort(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let l = recv(&args, "sort")?;
    let r = rest(&args);
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

fn copy(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let l = recv(&args, "copy")?;
    Ok(Value::list(l.snapshot()))
}

fn tuple_recv<'a>(args: &'a Args<'_>) -> PyResult<&'a [Value]> {
    match args
        .args
        .first()
        .map(crate::vm::objects::class::unwrap_base)
    {
        Some(Value::Tuple(t)) => Ok(&t.items),
        _ => Err(type_error("descriptor requires a 'tuple' object")),
    }
}

fn tuple_index(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let items = tuple_recv(&args)?;
    let a = positional("index", rest(&args), 1, 3)?;
    index_in(vm, items, a, "tuple")
}

fn tuple_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let items = tuple_recv(&args)?;
    let a = positional("tuple.count", rest(&args), 1, 1)?;
    count_in(vm, items, &a[0])
}
