//! Builtins that consume or wrap iterables: sorted, min, max, sum, any, all, enumerate, zip,
//! map, filter, reversed.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use num_bigint::BigInt;

use super::listsort;
use super::{native, parse, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::Args;
use crate::vm::objects::function::NativeFn;
use crate::vm::objects::iterators::{Composite, IterObj};
use crate::vm::objects::types::{Types, class_of, type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error, value_error};

pub fn install(b: &Arc<Dict>) {
    let fns: &[(&str, crate::vm::objects::function::NativeFn)] = &[
        ("sorted", sorted),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("any", any),
        ("all", all),
        ("aiter", aiter),
        ("anext", anext),
    ];
    for (name, f) in fns {
        b.set_str(name, native(name, *f));
    }
    let it = &types().iters;
    for class in [&it.enumerate, &it.zip, &it.map, &it.filter, &it.reversed] {
        b.set_str(&class.name, Value::Class(class.clone()));
    }
}

/// The iterator types that are builtins (`zip`, `map`, ...) construct through a native
/// `__new__` that takes the call's arguments.
pub fn register(t: &Types) {
    let it = &t.iters;
    let constructors: [(&Arc<Class>, NativeFn); 5] = [
        (&it.enumerate, enumerate),
        (&it.zip, zip),
        (&it.map, map),
        (&it.filter, filter),
        (&it.reversed, reversed),
    ];
    for (class, new) in constructors {
        class.dict.set_str("__new__", native(&class.name, new));
    }
}

impl Vm {
    /// `list.sort`/`sorted`: a stable sort by `<` with an optional key and reverse, in place.
    /// Like CPython's `list_sort_impl`, a raising key function leaves `items` as they were,
    /// and a raising `<` leaves them in whatever order the sort had reached.
    pub fn sort_in_place(
        &self,
        items: &mut Vec<Value>,
        key: &Value,
        reverse: bool,
    ) -> PyResult<()> {
        let keys = if key.is_none() {
            None
        } else {
            let mut ks = Vec::with_capacity(items.len());
            for item in items.iter() {
                ks.push(self.call(key, std::slice::from_ref(item))?);
            }
            Some(ks)
        };
        // CPython reverses, sorts stably and reverses back, so equal items keep their order.
        let mut order: Vec<usize> = (0..items.len()).collect();
        if reverse {
            order.reverse();
        }
        let key_of = |i: usize| match &keys {
            Some(k) => &k[i],
            None => &items[i],
        };
        let all_keys: Vec<&Value> = (0..items.len()).map(key_of).collect();
        let sorted = match same_type_keys(&all_keys) {
            // CPython's pre-sort check (listobject.c `unsafe_float_compare` and friends):
            // keys all of one builtin type compare natively, with the same answers `<`
            // gives (IEEE `<` for floats, code point order for strs, as UTF-8 bytes order).
            Some(SameType::Floats(k)) => listsort::sort_by_lt(&mut order, |a, b| {
                Ok::<bool, crate::vm::pyerr::PyErr>(k[a] < k[b])
            }),
            Some(SameType::Ints(k)) => listsort::sort_by_lt(&mut order, |a, b| Ok(k[a] < k[b])),
            Some(SameType::Strs(k)) => listsort::sort_by_lt(&mut order, |a, b| Ok(k[a] < k[b])),
            None => listsort::sort_by_lt(&mut order, |a, b| self.lt(key_of(a), key_of(b))),
        };
        if reverse {
            order.reverse();
        }
        let mut slots: Vec<Option<Value>> = std::mem::take(items).into_iter().map(Some).collect();
        *items = order.into_iter().filter_map(|i| slots[i].take()).collect();
        sorted
    }
}

/// Sort keys that are all of one builtin type, unboxed for a native comparison.
enum SameType<'a> {
    Floats(Vec<f64>),
    Ints(Vec<i64>),
    Strs(Vec<&'a str>),
}

fn same_type_keys<'a>(keys: &[&'a Value]) -> Option<SameType<'a>> {
    /// Every key unboxed by `unbox`, or None as soon as one is of another type.
    fn all<'a, T>(keys: &[&'a Value], unbox: impl Fn(&'a Value) -> Option<T>) -> Option<Vec<T>> {
        keys.iter().map(|k| unbox(k)).collect()
    }
    match keys.first()? {
        Value::Float(_) => all(keys, |k| match k {
            Value::Float(f) => Some(*f),
            _ => None,
        })
        .map(SameType::Floats),
        Value::Int(_) => all(keys, |k| match k {
            Value::Int(i) => Some(*i),
            _ => None,
        })
        .map(SameType::Ints),
        Value::Str(_) => all(keys, |k| match k {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .map(SameType::Strs),
        _ => None,
    }
}

fn sorted(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().len() != 1 {
        return Err(type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos().len()
        )));
    }
    let p = parse("sorted", args, &["iterable", "*key", "*reverse"], 1)?;
    let items = vm.collect(p.get(0).unwrap_or(&Value::None))?;
    let reverse = match p.get(2) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let mut items = items;
    vm.sort_in_place(&mut items, &p.or_none(1), reverse)?;
    Ok(Value::list(items))
}

fn min_max(vm: &Vm, args: Args<'_>, name: &str, want_less: bool) -> PyResult<Value> {
    let pos = args.pos();
    let mut key = Value::None;
    let mut default = None;
    for (k, v) in args.kwargs() {
        match k {
            "key" => key = v.clone(),
            "default" => default = Some(v.clone()),
            other => {
                return Err(type_error(format!(
                    "{name}() got an unexpected keyword argument '{other}'"
                )));
            }
        }
    }
    let items = match pos.len() {
        0 => {
            return Err(type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )));
        }
        1 => vm.collect(&pos[0])?,
        _ => {
            if default.is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = if key.is_none() {
            item.clone()
        } else {
            vm.call(&key, std::slice::from_ref(&item))?
        };
        best = Some(match best {
            None => (item, k),
            Some((bi, bk)) => {
                let better = if want_less {
                    vm.lt(&k, &bk)?
                } else {
                    vm.lt(&bk, &k)?
                };
                if better { (item, k) } else { (bi, bk) }
            }
        });
    }
    match best {
        Some((item, _)) => Ok(item),
        None => default.ok_or_else(|| value_error(format!("{name}() iterable argument is empty"))),
    }
}

fn min(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    min_max(vm, args, "min", true)
}

fn max(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    min_max(vm, args, "max", false)
}

/// `sum()`: an i64 fast path, then 3.12's compensated float summation, then `+`.
fn sum(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("sum", args, &["iterable", "start"], 1)?;
    let start = p.get(1).cloned().unwrap_or(Value::Int(0));
    match &start {
        Value::Str(_) => {
            return Err(type_error(
                "sum() can't sum strings [use ''.join(seq) instead]",
            ));
        }
        Value::Bytes(_) => {
            return Err(type_error(
                "sum() can't sum bytes [use b''.join(seq) instead]",
            ));
        }
        _ => {}
    }
    let it = vm.get_iter(p.get(0).unwrap_or(&Value::None))?;
    let mut result = start;
    let mut pending: Option<Value> = None;
    // Integers.
    if let Value::Int(mut acc) = result {
        loop {
            let Some(item) = vm.iter_next(&it)? else {
                return Ok(Value::Int(acc));
            };
            match &item {
                Value::Int(i) => match acc.checked_add(*i) {
                    Some(s) => acc = s,
                    None => {
                        result = Value::from_bigint(BigInt::from(acc) + BigInt::from(*i));
                        break;
                    }
                },
                Value::Bool(b) => acc += i64::from(*b),
                _ => {
                    result = Value::Int(acc);
                    pending = Some(item);
                    break;
                }
            }
        }
    }
    // Floats (Neumaier summation, as CPython 3.12).
    if matches!(result, Value::Int(_)) && matches!(pending, Some(Value::Float(_)))
        || matches!(result, Value::Float(_))
    {
        let mut total = match &result {
            Value::Float(f) => *f,
            Value::Int(i) => *i as f64,
            _ => 0.0,
        };
        let mut c = 0.0f64;
        loop {
            let item = match pending.take() {
                Some(v) => Some(v),
                None => vm.iter_next(&it)?,
            };
            match item {
                None => {
                    if c != 0.0 && c.is_finite() {
                        total += c;
                    }
                    return Ok(Value::Float(total));
                }
                Some(Value::Float(x)) => {
                    let t = total + x;
                    if total.abs() >= x.abs() {
                        c += (total - t) + x;
                    } else {
                        c += (x - t) + total;
                    }
                    total = t;
                }
                Some(Value::Int(i)) => total += i as f64,
                Some(other) => {
                    if c != 0.0 && c.is_finite() {
                        total += c;
                    }
                    result = Value::Float(total);
                    pending = Some(other);
                    break;
                }
            }
        }
    }
    loop {
        let item = match pending.take() {
            Some(v) => Some(v),
            None => vm.iter_next(&it)?,
        };
        let Some(item) = item else {
            return Ok(result);
        };
        result = vm.binary_op(result, item, crate::compiler::bytecode::BinaryOp::Add)?;
    }
}

fn any(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("any", args, 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    while let Some(v) = vm.iter_next(&it)? {
        if vm.is_true(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("all", args, 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    while let Some(v) = vm.iter_next(&it)? {
        if !vm.is_true(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn iter_value(c: Composite) -> Value {
    Value::Iter(Arc::new(IterObj::composite(c)))
}

fn enumerate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("enumerate", args, &["iterable", "start"], 0)?;
    let Some(iterable) = p.get(0) else {
        return Err(type_error(
            "enumerate() missing required argument 'iterable'",
        ));
    };
    let inner = vm.get_iter(iterable)?;
    let count = match p.get(1) {
        Some(v) => Value::from_bigint(v.as_bigint().ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v)
            ))
        })?),
        None => Value::Int(0),
    };
    Ok(iter_value(Composite::Enumerate { inner, count }))
}

fn zip(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let mut strict = false;
    for (k, v) in args.kwargs() {
        if k == "strict" {
            strict = vm.is_true(v)?;
        } else {
            return Err(type_error(format!(
                "zip() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    let mut iters = Vec::new();
    for a in args.pos() {
        iters.push(vm.get_iter(a)?);
    }
    Ok(iter_value(Composite::Zip {
        iters: iters.into(),
        strict,
    }))
}

fn map(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let pos = positional("map", args, 2, usize::MAX)?;
    let mut iters = Vec::new();
    for a in &pos[1..] {
        iters.push(vm.get_iter(a)?);
    }
    Ok(iter_value(Composite::Map {
        func: pos[0].clone(),
        iters: iters.into(),
    }))
}

fn filter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = positional("filter", args, 2, 2)?;
    Ok(iter_value(Composite::Filter {
        func: pos[0].clone(),
        inner: vm.get_iter(&pos[1])?,
    }))
}

fn reversed(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = positional("reversed", args, 1, 1)?;
    let v = &pos[0];
    let it = match v {
        Value::List(l) => IterObj::ReversedList {
            list: l.clone(),
            remaining: AtomicUsize::new(l.len()),
        },
        Value::Tuple(_) | Value::Str(_) | Value::Range(_) | Value::Bytes(_) => {
            let mut items = vm.collect(v)?;
            items.reverse();
            // CPython reverses a range with a range_iterator.
            let class = match v {
                Value::Range(_) => &types().iters.range,
                _ => &types().iters.reversed,
            };
            IterObj::snapshot(items, class)
        }
        Value::Dict(d) => {
            let mut keys = d.keys();
            keys.reverse();
            IterObj::snapshot(keys, &types().iters.dict_reversed_keys)
        }
        _ => {
            if let Some(r) = vm.call_dunder(v, "__reversed__", &[])? {
                return Ok(r);
            }
            if let Some(r) = vm.class_hook(v, "__gilsim_class_reversed__", &[])? {
                return Ok(r);
            }
            if class_of(v).lookup_static("__getitem__").is_some()
                && class_of(v).lookup_static("__len__").is_some()
            {
                let n = vm.len(v)?;
                let mut items = Vec::with_capacity(n);
                for i in (0..n).rev() {
                    items.push(vm.getitem(v, &Value::Int(i as i64))?);
                }
                IterObj::snapshot(items, &types().iters.reversed)
            } else {
                return Err(type_error(format!(
                    "'{}' object is not reversible",
                    type_name(v)
                )));
            }
        }
    };
    Ok(Value::Iter(Arc::new(it)))
}

/// `aiter(x)`: `x.__aiter__()`, which must give an async iterator.
fn aiter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("aiter", args, 1, 1)?;
    let it = call_async_slot(vm, &a[0], "__aiter__", "an async iterable")?;
    if vm.getattr_opt(&it, "__anext__")?.is_none() {
        return Err(type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            type_name(&it)
        )));
    }
    Ok(it)
}

/// `anext(it[, default])`: the awaitable `it.__anext__()`; with a default, an awaitable
/// that gives the default when the iterator is exhausted (StopAsyncIteration).
fn anext(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("anext", args, 1, 2)?;
    let awaitable = call_async_slot(vm, &a[0], "__anext__", "an async iterator")?;
    let Some(default) = a.get(1) else {
        return Ok(awaitable);
    };
    let helpers = vm.import_module("_gilsim_builtins")?;
    let wrap = vm.getattr_str(&helpers, "anext_or_default")?;
    vm.call(&wrap, &[awaitable, default.clone()])
}

/// `obj.<slot>()`, or CPython's TypeError saying `obj` is not `what`.
fn call_async_slot(vm: &Vm, obj: &Value, slot: &str, what: &str) -> PyResult<Value> {
    let Some(method) = vm.getattr_opt(obj, slot)? else {
        return Err(type_error(format!(
            "'{}' object is not {what}",
            type_name(obj)
        )));
    };
    vm.call(&method, &[])
}
