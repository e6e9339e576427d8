//! `collections.deque`, native as in CPython (`Modules/_collectionsmodule.c`), in the module
//! `_collections`. Each method is one native call, so under a GIL `append` and `popleft` are
//! atomic as the threading lectures say; the items sit behind a lock of their own, so they
//! stay atomic without a GIL too (as in free-threaded CPython), while `d[0] += 1` still
//! races. A counter of mutations lets iterators raise CPython's "deque mutated during
//! iteration".

use std::collections::VecDeque;
use std::sync::{Arc, LazyLock};

use super::deque_args::{Arity, checked, checked_method};
use crate::compiler::bytecode::CompareOp;
use crate::vm::builtins::{add_methods, add_receiver_methods, native_class, parse};
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::function::{Args, MethodFn, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{
    PyResult, index_error, runtime_error, stop_iteration, type_error, value_error,
};

/// A spin lock, as the dict's (objects/dict.rs): taking it is one atomic operation and
/// releasing it a plain store, where parking_lot's mutex spends an atomic operation on
/// each. Under the GIL it is never contended; without the GIL a waiter yields its time
/// slice.
type Mutex<T> = spin::mutex::SpinMutex<T, spin::relax::Yield>;

/// A deque: its contents and its bound.
pub struct Deque {
    items: Mutex<Contents>,
    maxlen: Option<usize>,
}

/// The items, and how many times they were changed (what lets iterators raise "deque
/// mutated during iteration"). One lock covers both, so a change and its count cost one
/// atomic operation, not two: `append` and `popleft` are what the deque is for.
struct Contents {
    items: VecDeque<Value>,
    mutations: u64,
}

impl std::ops::Deref for Contents {
    type Target = VecDeque<Value>;

    fn deref(&self) -> &VecDeque<Value> {
        &self.items
    }
}

impl std::ops::DerefMut for Contents {
    fn deref_mut(&mut self) -> &mut VecDeque<Value> {
        &mut self.items
    }
}

/// An iterator over a deque: the deque, the next position, the mutation count it started at.
struct DequeIter {
    deque: Arc<NativeObject>,
    index: Mutex<usize>,
    state: u64,
    reversed: bool,
}

const METHODS: &[(&str, NativeFn)] = &[
    ("__new__", construct),
    ("__copy__", dunder_copy),
    ("__len__", len),
    ("__iter__", iter),
    ("__reversed__", reversed),
    ("__contains__", contains),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__repr__", repr),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__iadd__", iadd),
    ("__add__", add),
    ("__mul__", mul),
    ("__rmul__", mul),
    ("__imul__", imul),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
];

/// The methods that take their receiver apart (`MethodFn`): called in place by the eval loop.
const RECEIVER_METHODS: &[(&str, MethodFn)] = &[
    ("append", append),
    ("appendleft", appendleft),
    ("pop", pop),
    ("popleft", popleft),
    ("extend", extend),
    ("extendleft", extendleft),
    ("clear", clear),
    ("rotate", rotate),
    ("reverse", reverse),
    ("count", count),
    ("index", index),
    ("insert", insert),
    ("remove", remove),
    ("copy", copy),
];

static DEQUE: LazyLock<Arc<Class>> = LazyLock::new(|| {
    let c = native_class("deque", "collections", METHODS);
    add_receiver_methods(&c, RECEIVER_METHODS);
    // Mutable, so unhashable, as CPython's deque.
    c.dict.set_str("__hash__", Value::None);
    c
});

static DEQUE_ITER: LazyLock<Arc<Class>> = LazyLock::new(|| iterator_class("_deque_iterator"));

/// `reversed(d)`'s class: the same iterator, named as CPython names it.
static DEQUE_REVERSE_ITER: LazyLock<Arc<Class>> =
    LazyLock::new(|| iterator_class("_deque_reverse_iterator"));

fn iterator_class(name: &str) -> Arc<Class> {
    let c = native_class(name, "_collections", &[]);
    add_methods(&c, &[("__next__", iter_next), ("__iter__", iter_self)]);
    c
}

pub fn create(_vm: &Vm) -> Arc<Module> {
    let m = super::native_module(
        "_collections",
        &[("_count_elements", super::counter::count_elements)],
    );
    m.set("deque", Value::Class(DEQUE.clone()));
    m
}

/// `deque.maxlen`, a read-only data attribute.
pub fn attribute(n: &NativeObject, name: &str) -> Option<Value> {
    let d = n.downcast::<Deque>()?;
    (name == "maxlen").then(|| d.maxlen.map_or(Value::None, |m| Value::Int(m as i64)))
}

impl Deque {
    /// How many times the items were changed so far.
    fn mutations(&self) -> u64 {
        self.items.lock().mutations
    }

    /// Appends on the right, dropping from the left past `maxlen`.
    fn push_back(&self, items: &mut VecDeque<Value>, v: Value) {
        if self.maxlen == Some(0) {
            return;
        }
        items.push_back(v);
        if self.maxlen.is_some_and(|m| items.len() > m) {
            items.pop_front();
        }
    }

    fn push_front(&self, items: &mut VecDeque<Value>, v: Value) {
        if self.maxlen == Some(0) {
            return;
        }
        items.push_front(v);
        if self.maxlen.is_some_and(|m| items.len() > m) {
            items.pop_back();
        }
    }
}

/// A deque's items and maxlen, for a forked child's copy of it.
pub fn fork_items(v: &Value) -> Option<(Vec<Value>, Option<usize>)> {
    let Value::Native(n) = v else { return None };
    let d = n.downcast::<Deque>()?;
    let items = d.items.lock().iter().cloned().collect();
    Some((items, d.maxlen))
}

/// A new deque of `items`.
pub fn deque_of(items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    new_deque(items, maxlen)
}

fn new_deque(items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    Value::Native(Arc::new(NativeObject::new(
        DEQUE.clone(),
        Deque {
            items: Mutex::new(Contents {
                items,
                mutations: 0,
            }),
            maxlen,
        },
    )))
}

/// `deque([iterable[, maxlen]])`.
fn construct(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("deque", args, &["iterable", "maxlen"], 0)?;
    let maxlen = match p.given(1) {
        None => None,
        Some(v @ (Value::Int(_) | Value::Bool(_))) => {
            let n = v.as_i64().unwrap_or(0);
            if n < 0 {
                return Err(value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
        Some(Value::BigInt(_)) => {
            return Err(crate::vm::pyerr::overflow_error(
                "Python int too large to convert to C ssize_t",
            ));
        }
        Some(_) => return Err(type_error("an integer is required")),
    };
    let d = new_deque(VecDeque::new(), maxlen);
    if let Some(iterable) = p.get(0) {
        let values = vm.collect(iterable)?;
        let Value::Native(n) = &d else { unreachable!() };
        let dq = n.downcast::<Deque>().expect("a deque");
        let mut items = dq.items.lock();
        for v in values {
            dq.push_back(&mut items, v);
        }
    }
    Ok(d)
}

fn append(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, a) = checked_method(receiver, &args, "append", Arity::One)?;
    let mut items = d.items.lock();
    d.push_back(&mut items, a[0].clone());
    items.mutations += 1;
    Ok(Value::None)
}

fn appendleft(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, a) = checked_method(receiver, &args, "appendleft", Arity::One)?;
    let mut items = d.items.lock();
    d.push_front(&mut items, a[0].clone());
    items.mutations += 1;
    Ok(Value::None)
}

fn pop(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = checked_method(receiver, &args, "pop", Arity::NoArgs)?;
    let mut items = d.items.lock();
    items.mutations += 1;
    let v = items.pop_back();
    v.ok_or_else(|| index_error("pop from an empty deque"))
}

fn popleft(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = checked_method(receiver, &args, "popleft", Arity::NoArgs)?;
    let mut items = d.items.lock();
    items.mutations += 1;
    let v = items.pop_front();
    v.ok_or_else(|| index_error("pop from an empty deque"))
}

fn extend(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, a) = checked_method(receiver, &args, "extend", Arity::One)?;
    // Collected first, so `d.extend(d)` doubles `d` as in CPython.
    let values = vm.collect(&a[0])?;
    let mut items = d.items.lock();
    for v in values {
        d.push_back(&mut items, v);
    }
    items.mutations += 1;
    Ok(Value::None)
}

fn extendleft(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, a) = checked_method(receiver, &args, "extendleft", Arity::One)?;
    let values = vm.collect(&a[0])?;
    let mut items = d.items.lock();
    for v in values {
        d.push_front(&mut items, v);
    }
    items.mutations += 1;
    Ok(Value::None)
}

fn clear(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = checked_method(receiver, &args, "clear", Arity::NoArgs)?;
    let mut items = d.items.lock();
    items.clear();
    items.mutations += 1;
    Ok(Value::None)
}

fn rotate(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, a) = checked_method(receiver, &args, "rotate", Arity::Clinic(0, 1))?;
    let n = match a.first() {
        Some(v) => vm.index_i64(v)?,
        None => 1,
    };
    let mut items = d.items.lock();
    let len = items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    items.mutations += 1;
    Ok(Value::None)
}

fn reverse(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = checked_method(receiver, &args, "reverse", Arity::NoArgs)?;
    let mut items = d.items.lock();
    items.make_contiguous().reverse();
    items.mutations += 1;
    Ok(Value::None)
}

/// The items, copied out so comparisons (which may run Python code) happen unlocked.
fn snapshot(d: &Deque) -> Vec<Value> {
    d.items.lock().iter().cloned().collect()
}

fn count(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, a) = checked_method(receiver, &args, "count", Arity::One)?;
    let state = d.mutations();
    let mut n = 0;
    for v in snapshot(d) {
        if vm.eq_values(&v, &a[0])? {
            n += 1;
        }
        if d.mutations() != state {
            return Err(runtime_error("deque mutated during iteration"));
        }
    }
    Ok(Value::Int(n))
}

/// A slice bound of `index(x, start, stop)`, clamped as CPython's `_PyEval_SliceIndex`.
fn bound(vm: &Vm, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v else { return Ok(default) };
    let i = vm.index_i64(v)?;
    let len = len as i64;
    Ok((if i < 0 { (i + len).max(0) } else { i.min(len) }) as usize)
}

fn index(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, a) = checked_method(receiver, &args, "index", Arity::Tuple(1, 3))?;
    let items = snapshot(d);
    let start = bound(vm, a.get(1), items.len(), 0)?;
    let stop = bound(vm, a.get(2), items.len(), items.len())?;
    let state = d.mutations();
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        if vm.eq_values(v, &a[0])? {
            return Ok(Value::Int(i as i64));
        }
        if d.mutations() != state {
            return Err(runtime_error("deque mutated during iteration"));
        }
    }
    Err(value_error(format!("{} is not in deque", vm.repr(&a[0])?)))
}

fn insert(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, a) = checked_method(receiver, &args, "insert", Arity::Tuple(2, 2))?;
    let i = vm.index_i64(&a[0])?;
    let mut items = d.items.lock();
    if d.maxlen.is_some_and(|m| items.len() >= m) {
        return Err(index_error("deque already at its maximum size"));
    }
    let len = items.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items.insert(at as usize, a[1].clone());
    items.mutations += 1;
    Ok(Value::None)
}

fn remove(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, a) = checked_method(receiver, &args, "remove", Arity::One)?;
    let state = d.mutations();
    for (i, v) in snapshot(d).iter().enumerate() {
        let equal = vm.eq_values(v, &a[0])?;
        if d.mutations() != state {
            return Err(index_error("deque mutated during remove()."));
        }
        if equal {
            let mut items = d.items.lock();
            items.remove(i);
            items.mutations += 1;
            return Ok(Value::None);
        }
    }
    Err(value_error(format!("{} is not in deque", vm.repr(&a[0])?)))
}

fn copy(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = checked_method(receiver, &args, "copy", Arity::NoArgs)?;
    Ok(new_deque(d.items.lock().clone(), d.maxlen))
}

fn dunder_copy(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = checked(&args, "__copy__", Arity::NoArgs)?;
    Ok(new_deque(d.items.lock().clone(), d.maxlen))
}

fn len(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = checked(&args, "__len__", Arity::Slot(0))?;
    Ok(Value::Int(d.items.lock().len() as i64))
}

fn new_iter(args: &Args<'_>, reversed: bool) -> PyResult<Value> {
    let (d, _) = if reversed {
        checked(args, "__reversed__", Arity::NoArgs)?
    } else {
        checked(args, "__iter__", Arity::Slot(0))?
    };
    let Some(Value::Native(n)) = args.pos().first() else {
        unreachable!("receiver checked it")
    };
    Ok(Value::Native(Arc::new(NativeObject::new(
        if reversed {
            DEQUE_REVERSE_ITER.clone()
        } else {
            DEQUE_ITER.clone()
        },
        DequeIter {
            deque: n.clone(),
            index: Mutex::new(0),
            state: d.mutations(),
            reversed,
        },
    ))))
}

fn iter(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    new_iter(&args, false)
}

fn reversed(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    new_iter(&args, true)
}

fn iter_self(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(args.pos().first().cloned().unwrap_or(Value::None))
}

fn iter_next(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Native(n)) = args.pos().first() else {
        return Err(type_error(
            "descriptor requires a '_collections._deque_iterator' object",
        ));
    };
    let Some(it) = n.downcast::<DequeIter>() else {
        return Err(type_error(
            "descriptor requires a '_collections._deque_iterator' object",
        ));
    };
    let d = it.deque.downcast::<Deque>().expect("a deque");
    let items = d.items.lock();
    if items.mutations != it.state {
        return Err(runtime_error("deque mutated during iteration"));
    }
    let mut index = it.index.lock();
    if *index >= items.len() {
        return Err(stop_iteration(None));
    }
    let at = if it.reversed {
        items.len() - 1 - *index
    } else {
        *index
    };
    *index += 1;
    Ok(items[at].clone())
}

fn contains(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, a) = checked(&args, "__contains__", Arity::Slot(1))?;
    let state = d.mutations();
    for v in snapshot(d) {
        if vm.eq_values(&v, &a[1])? {
            return Ok(Value::Bool(true));
        }
        if d.mutations() != state {
            return Err(runtime_error("deque mutated during iteration"));
        }
    }
    Ok(Value::Bool(false))
}

/// A subscript as a position in a deque of `len` items (deques take no slices).
fn position(vm: &Vm, key: &Value, len: usize) -> PyResult<usize> {
    if !matches!(key, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
        && crate::vm::objects::types::class_of(key)
            .lookup_static("__index__")
            .is_none()
    {
        return Err(type_error(format!(
            "sequence index must be integer, not '{}'",
            type_name(key)
        )));
    }
    let i = vm.index_i64(key)?;
    let len = len as i64;
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(index_error("deque index out of range"));
    }
    Ok(i as usize)
}

fn getitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, a) = checked(&args, "__getitem__", Arity::Slot(1))?;
    let items = d.items.lock();
    let i = position(vm, &a[1], items.len())?;
    Ok(items[i].clone())
}

fn setitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, a) = checked(&args, "__setitem__", Arity::SlotUnpack(2))?;
    let mut items = d.items.lock();
    let i = position(vm, &a[1], items.len())?;
    items[i] = a[2].clone();
    Ok(Value::None)
}

fn delitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, a) = checked(&args, "__delitem__", Arity::Slot(1))?;
    let mut items = d.items.lock();
    let i = position(vm, &a[1], items.len())?;
    items.remove(i);
    items.mutations += 1;
    Ok(Value::None)
}

fn repr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = checked(&args, "__repr__", Arity::Slot(0))?;
    let Some(me) = args.pos().first() else {
        unreachable!()
    };
    // A deque that holds itself prints `[...]` there, as CPython's Py_ReprEnter does.
    let id = me.identity();
    if vm.repr_guard.borrow().contains(&id) {
        return Ok(Value::str("[...]"));
    }
    vm.repr_guard.borrow_mut().push(id);
    let parts: PyResult<Vec<String>> = snapshot(d).iter().map(|v| vm.repr(v)).collect();
    vm.repr_guard.borrow_mut().retain(|&x| x != id);
    let body = parts?.join(", ");
    Ok(Value::string(match d.maxlen {
        Some(m) => format!("deque([{body}], maxlen={m})"),
        None => format!("deque([{body}])"),
    }))
}

/// Both operands' items when both are deques.
fn both(args: &Args<'_>) -> Option<(Vec<Value>, Vec<Value>)> {
    let (Some(Value::Native(a)), Some(Value::Native(b))) = (args.pos().first(), args.pos().get(1))
    else {
        return None;
    };
    Some((
        snapshot(a.downcast::<Deque>()?),
        snapshot(b.downcast::<Deque>()?),
    ))
}

fn eq(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    checked(&args, "__eq__", Arity::Slot(1))?;
    equal(vm, &args)
}

/// `==` of two deques (NotImplemented when the other is not one).
fn equal(vm: &Vm, args: &Args<'_>) -> PyResult<Value> {
    let Some((a, b)) = both(args) else {
        return Ok(Value::NotImplemented);
    };
    if a.len() != b.len() {
        return Ok(Value::Bool(false));
    }
    for (x, y) in a.iter().zip(&b) {
        if !vm.eq_values(x, y)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn ne(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    checked(&args, "__ne__", Arity::Slot(1))?;
    match equal(vm, &args)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        other => Ok(other),
    }
}

fn iadd(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, pos) = checked(&args, "__iadd__", Arity::Slot(1))?;
    extend(vm, &pos[0], Args::positional(&pos[1..]))?;
    Ok(pos[0].clone())
}

fn add(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = checked(&args, "__add__", Arity::Slot(1))?;
    let Some((_, b)) = both(&args) else {
        let other = args.pos().get(1).map_or("NoneType", type_name);
        return Err(type_error(format!(
            "can only concatenate deque (not \"{other}\") to deque"
        )));
    };
    let mut items = d.items.lock().clone();
    for v in b {
        d.push_back(&mut items, v);
    }
    Ok(new_deque(items, d.maxlen))
}

/// The items of `items` repeated `n` times (`d * n`), of which a bounded deque keeps the last
/// `maxlen`: only as many copies as can show are made.
fn repeated(
    items: &VecDeque<Value>,
    n: &Value,
    maxlen: Option<usize>,
) -> PyResult<VecDeque<Value>> {
    if !matches!(n, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
        return Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(n)
        )));
    }
    let len = items.len();
    let count = crate::vm::protocols::ops::repeat_count(n, len)?;
    let count = match maxlen {
        Some(m) if len > 0 => count.min(m / len + 1),
        _ => count,
    };
    let total = len.checked_mul(count).filter(|&t| t <= 1 << 32);
    if total.is_none_or(|t| {
        crate::runtime::memory::reserve_items(t, std::mem::size_of::<Value>()).is_err()
    }) {
        return Err(crate::vm::pyerr::memory_error(""));
    }
    let mut out = VecDeque::with_capacity(total.unwrap_or(0));
    for _ in 0..count {
        out.extend(items.iter().cloned());
    }
    if let Some(m) = maxlen {
        while out.len() > m {
            out.pop_front();
        }
    }
    Ok(out)
}

fn mul(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, pos) = checked(&args, "__mul__", Arity::Slot(1))?;
    let items = repeated(&d.items.lock().items, &pos[1], d.maxlen)?;
    Ok(new_deque(items, d.maxlen))
}

fn imul(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, pos) = checked(&args, "__imul__", Arity::Slot(1))?;
    let mut contents = d.items.lock();
    let items = repeated(&contents.items, &pos[1], d.maxlen)?;
    contents.items = items;
    contents.mutations += 1;
    Ok(pos[0].clone())
}

/// `<`, `<=`, `>`, `>=` of two deques: by their first differing items, else by length, as
/// lists compare (NotImplemented when the other is not a deque).
fn ordered(vm: &Vm, args: &Args<'_>, name: &str, op: CompareOp) -> PyResult<Value> {
    checked(args, name, Arity::Slot(1))?;
    let Some((a, b)) = both(args) else {
        return Ok(Value::NotImplemented);
    };
    for (x, y) in a.iter().zip(&b) {
        if !vm.eq_values(x, y)? {
            return vm.rich_compare(x, y, op);
        }
    }
    let (m, n) = (a.len(), b.len());
    use CompareOp::*;
    Ok(Value::Bool(match op {
        Lt => m < n,
        Le => m <= n,
        Gt => m > n,
        _ => m >= n,
    }))
}

fn lt(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    ordered(vm, &args, "__lt__", CompareOp::Lt)
}

fn le(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    ordered(vm, &args, "__le__", CompareOp::Le)
}

fn gt(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    ordered(vm, &args, "__gt__", CompareOp::Gt)
}

fn ge(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    ordered(vm, &args, "__ge__", CompareOp::Ge)
}
