//! `next()` for iterators built from other iterators or callables (enumerate, zip, map, filter,
//! `iter(callable, sentinel)`, the `__getitem__` protocol). The state lock is never held while
//! Python code runs, so a callback may touch the same iterator without deadlocking.

use std::sync::Arc;

use parking_lot::Mutex;

use crate::vm::context::Vm;
use crate::vm::objects::iterators::Composite;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, value_error};

/// The next (count, item) of an `enumerate` iterator, unpaired (what `for i, x in
/// enumerate(...)` unpacks), or None for any other kind of iterator.
pub fn enumerate_pair(
    vm: &Vm,
    state: &Mutex<Composite>,
) -> Option<PyResult<Option<(Value, Value)>>> {
    let inner = match &*state.lock() {
        Composite::Enumerate { inner, .. } => inner.clone(),
        _ => return None,
    };
    Some(enumerate_step(vm, state, &inner))
}

/// One step of `enumerate`: the inner iterator's next item (with the lock released: it may
/// run Python code), then the count, which is taken and bumped under the lock.
fn enumerate_step(
    vm: &Vm,
    state: &Mutex<Composite>,
    inner: &Value,
) -> PyResult<Option<(Value, Value)>> {
    let Some(item) = vm.iter_next(inner)? else {
        return Ok(None);
    };
    let mut st = state.lock();
    let Composite::Enumerate { count, .. } = &mut *st else {
        return Ok(None);
    };
    let next = match &*count {
        Value::Int(n) if *n < i64::MAX => Value::Int(*n + 1),
        other => Value::from_bigint(other.as_bigint().unwrap_or_default() + 1),
    };
    Ok(Some((std::mem::replace(count, next), item)))
}

pub fn next(vm: &Vm, state: &Mutex<Composite>) -> PyResult<Option<Value>> {
    // Snapshot what the step needs, then release the lock.
    enum Step {
        Enumerate(Value),
        Zip(Arc<[Value]>, bool),
        Map(Value, Arc<[Value]>),
        Filter(Value, Value),
        Callable(Value, Value),
        GetItem(Value, usize),
        Done,
    }
    let step = match &*state.lock() {
        Composite::Enumerate { inner, .. } => Step::Enumerate(inner.clone()),
        Composite::Zip { iters, strict } => Step::Zip(iters.clone(), *strict),
        Composite::Map { func, iters } => Step::Map(func.clone(), iters.clone()),
        Composite::Filter { func, inner } => Step::Filter(func.clone(), inner.clone()),
        Composite::Callable { func, sentinel } => Step::Callable(func.clone(), sentinel.clone()),
        Composite::GetItem { obj, index } => Step::GetItem(obj.clone(), *index),
        Composite::Exhausted => Step::Done,
    };
    match step {
        Step::Done => Ok(None),
        Step::Enumerate(inner) => {
            Ok(enumerate_step(vm, state, &inner)?.map(|(n, item)| Value::pair(n, item)))
        }
        Step::Zip(iters, strict) => zip_step(vm, state, &iters, strict),
        Step::Map(func, iters) => {
            let mut args = Vec::with_capacity(iters.len());
            for it in iters.iter() {
                match vm.iter_next(it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&func, &args).map(Some)
        }
        Step::Filter(func, inner) => loop {
            let Some(item) = vm.iter_next(&inner)? else {
                return Ok(None);
            };
            let keep = if func.is_none() {
                vm.is_true(&item)?
            } else {
                let r = vm.call(&func, std::slice::from_ref(&item))?;
                vm.is_true(&r)?
            };
            if keep {
                return Ok(Some(item));
            }
        },
        Step::Callable(func, sentinel) => {
            let v = vm.call(&func, &[])?;
            if vm.eq_values(&v, &sentinel)? {
                *state.lock() = Composite::Exhausted;
                return Ok(None);
            }
            Ok(Some(v))
        }
        Step::GetItem(obj, index) => match vm.getitem(&obj, &Value::Int(index as i64)) {
            Ok(v) => {
                if let Composite::GetItem { index: i, .. } = &mut *state.lock() {
                    *i += 1;
                }
                Ok(Some(v))
            }
            Err(e)
                if e.is_instance_of(&crate::vm::objects::types::types().exc.index_error)
                    || e.is_instance_of(&crate::vm::objects::types::types().exc.stop_iteration) =>
            {
                *state.lock() = Composite::Exhausted;
                Ok(None)
            }
            Err(e) => Err(e),
        },
    }
}

fn zip_step(
    vm: &Vm,
    state: &Mutex<Composite>,
    iters: &[Value],
    strict: bool,
) -> PyResult<Option<Value>> {
    if iters.is_empty() {
        return Ok(None);
    }
    let mut items = crate::vm::objects::value::TupleItems::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        match vm.iter_next(it)? {
            Some(v) => items.push(v),
            None => {
                *state.lock() = Composite::Exhausted;
                if strict {
                    if i > 0 {
                        let plural = if i == 1 { "" } else { "s" };
                        return Err(value_error(format!(
                            "zip() argument {} is shorter than argument{plural} 1{}",
                            i + 1,
                            if i == 1 {
                                String::new()
                            } else {
                                format!("-{i}")
                            }
                        )));
                    }
                    for (j, other) in iters.iter().enumerate().skip(1) {
                        if vm.iter_next(other)?.is_some() {
                            let plural = if j == 1 { "" } else { "s" };
                            return Err(value_error(format!(
                                "zip() argument {} is longer than argument{plural} 1{}",
                                j + 1,
                                if j == 1 {
                                    String::new()
                                } else {
                                    format!("-{j}")
                                }
                            )));
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(Value::tuple_of(items)))
}
