//! Comparisons, truthiness, hashing and `in` (Objects/object.c `PyObject_RichCompare`,
//! `PyObject_IsTrue`, `PyObject_Hash`, Objects/abstract.c `PySequence_Contains`).

use std::cmp::Ordering;
use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use crate::compiler::bytecode::CompareOp;
use crate::vm::context::Vm;
use crate::vm::fmt::numhash;
use crate::vm::objects::dict::native_key_eq;
use crate::vm::objects::types::{class_of, type_name};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error};

fn ordering_matches(ord: Ordering, op: CompareOp) -> bool {
    match op {
        CompareOp::Lt => ord == Ordering::Less,
        CompareOp::Le => ord != Ordering::Greater,
        CompareOp::Eq => ord == Ordering::Equal,
        CompareOp::Ne => ord != Ordering::Equal,
        CompareOp::Gt => ord == Ordering::Greater,
        CompareOp::Ge => ord != Ordering::Less,
    }
}

/// Exact comparison of an int with a float (floatobject.c `float_richcompare`).
fn cmp_int_float(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let floor = f.floor();
    let fi = BigInt::from(floor as i128);
    let fi = if floor.abs() < 1e38 {
        fi
    } else {
        num_traits::FromPrimitive::from_f64(floor).unwrap_or_default()
    };
    match i.cmp(&fi) {
        Ordering::Equal if f > floor => Some(Ordering::Less),
        other => Some(other),
    }
}

/// Ordering of two numbers (bool/int/float); None for NaN or non-numbers.
fn num_cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    let big = |v: &Value| -> Option<BigInt> { v.as_bigint() };
    Some(match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Float(x), other) => cmp_int_float(&big(other)?, *x).map(Ordering::reverse),
        (other, Value::Float(y)) => cmp_int_float(&big(other)?, *y),
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        _ => {
            let (x, y) = (big(a)?, big(b)?);
            Some(x.cmp(&y))
        }
    })
}

/// What a RecursionError in a container comparison says after "maximum recursion depth
/// exceeded" (Objects/object.c, `PyObject_RichCompare`).
const IN_COMPARISON: &str = " in comparison";

impl Vm {
    /// `a <op> b` as a Python value (user `__lt__` may return anything).
    pub fn rich_compare(&self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        if let Some(ord) = num_cmp(a, b) {
            return Ok(Value::Bool(match ord {
                Some(o) => ordering_matches(o, op),
                None => op == CompareOp::Ne,
            }));
        }
        let user = matches!(a, Value::Instance(_) | Value::Native(_))
            || matches!(b, Value::Instance(_) | Value::Native(_));
        if user {
            if let Some(r) = self.dunder_compare(a, b, op)? {
                return Ok(r);
            }
        } else if let Some(r) = self.builtin_compare(a, b, op)? {
            return Ok(Value::Bool(r));
        }
        match op {
            CompareOp::Eq => Ok(Value::Bool(a.is(b))),
            CompareOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                type_name(a),
                type_name(b)
            ))),
        }
    }

    /// The `__eq__`/`__lt__`... protocol with reflection; None if both sides declined.
    fn dunder_compare(&self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
        let (ca, cb) = (class_of(a), class_of(b));
        let reflected = op.swapped();
        let b_first = !Arc::ptr_eq(ca, cb) && cb.is_subclass(ca);
        if b_first
            && let Some(r) = self.call_dunder(b, reflected.dunder(), std::slice::from_ref(a))?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(Some(r));
        }
        if let Some(r) = self.call_dunder(a, op.dunder(), std::slice::from_ref(b))? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        } else if op == CompareOp::Ne {
            // Default __ne__ inverts __eq__.
            if let Some(r) = self.call_dunder(a, "__eq__", std::slice::from_ref(b))?
                && !matches!(r, Value::NotImplemented)
            {
                return Ok(Some(Value::Bool(!self.is_true(&r)?)));
            }
        }
        if !b_first
            && let Some(r) = self.call_dunder(b, reflected.dunder(), std::slice::from_ref(a))?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(Some(r));
        }
        // What is left is the builtin types' own comparison, which sees an instance of a
        // builtin's subclass as its builtin value: `Counter(a=1) == {'a': 1}` is
        // `dict.__eq__` reflected once `Counter.__eq__` declined.
        let builtin_value = |v: &Value| match v {
            Value::Instance(i) => i.base.clone(),
            Value::Native(_) => None,
            other => Some(other.clone()),
        };
        if let (Some(x), Some(y)) = (builtin_value(a), builtin_value(b))
            && let Some(r) = self.builtin_compare(&x, &y, op)?
        {
            return Ok(Some(Value::Bool(r)));
        }
        Ok(None)
    }

    /// Comparisons between builtin values; None when the types don't support `op`.
    fn builtin_compare(&self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<bool>> {
        Ok(match (a, b) {
            (Value::Str(x), Value::Str(y)) => {
                Some(ordering_matches(x.as_str().cmp(y.as_str()), op))
            }
            (Value::Bytes(x), Value::Bytes(y)) => Some(ordering_matches(x.cmp(y), op)),
            // CPython's do_richcompare wraps every comparison in Py_EnterRecursiveCall(" in
            // comparison"); only containers recurse, so only they are guarded here.
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.snapshot(), y.snapshot());
                Some(self.with_native_depth(IN_COMPARISON, || self.compare_sequences(&x, &y, op))?)
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                Some(self.with_native_depth(IN_COMPARISON, || {
                    self.compare_sequences(&x.items, &y.items, op)
                })?)
            }
            (Value::Dict(x), Value::Dict(y)) => match op {
                CompareOp::Eq | CompareOp::Ne => {
                    let eq = self.with_native_depth(IN_COMPARISON, || self.dicts_equal(x, y))?;
                    Some(eq == (op == CompareOp::Eq))
                }
                _ => None,
            },
            (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y)) => {
                Some(self.compare_sets(x, y, op)?)
            }
            (Value::Range(x), Value::Range(y)) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
                let eq = self.range_items_equal(x, y);
                Some(eq == (op == CompareOp::Eq))
            }
            (Value::None, Value::None) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
                Some(op == CompareOp::Eq)
            }
            _ => None,
        })
    }

    /// Lexicographic comparison (listobject.c `list_richcompare`).
    fn compare_sequences(&self, x: &[Value], y: &[Value], op: CompareOp) -> PyResult<bool> {
        if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
            return Ok(op == CompareOp::Ne);
        }
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq_values(p, q)? {
                return match op {
                    CompareOp::Eq => Ok(false),
                    CompareOp::Ne => Ok(true),
                    _ => {
                        let r = self.rich_compare(p, q, op)?;
                        self.is_true(&r)
                    }
                };
            }
        }
        Ok(ordering_matches(x.len().cmp(&y.len()), op))
    }

    fn dicts_equal(
        &self,
        x: &crate::vm::objects::dict::Dict,
        y: &crate::vm::objects::dict::Dict,
    ) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (k, v) in x.items() {
            match y.get(self, &k)? {
                Some(w) => {
                    if !self.eq_values(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    fn compare_sets(
        &self,
        x: &crate::vm::objects::set::Set,
        y: &crate::vm::objects::set::Set,
        op: CompareOp,
    ) -> PyResult<bool> {
        let subset = |a: &crate::vm::objects::set::Set,
                      b: &crate::vm::objects::set::Set|
         -> PyResult<bool> {
            for (h, k) in a.entries() {
                if !b.contains_hashed(self, h, &k)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let (lx, ly) = (x.len(), y.len());
        Ok(match op {
            CompareOp::Eq => lx == ly && subset(x, y)?,
            CompareOp::Ne => !(lx == ly && subset(x, y)?),
            CompareOp::Le => lx <= ly && subset(x, y)?,
            CompareOp::Lt => lx < ly && subset(x, y)?,
            CompareOp::Ge => lx >= ly && subset(y, x)?,
            CompareOp::Gt => lx > ly && subset(y, x)?,
        })
    }

    /// `a == b` as a bool.
    pub fn eq_values(&self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = native_key_eq(a, b)
            && (!matches!((a, b), (Value::Tuple(_), Value::Tuple(_))) || r)
        {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CompareOp::Eq)?;
        self.is_true(&r)
    }

    /// `a < b` as a bool (what sorting and min/max use).
    pub fn lt(&self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x < y),
            (Value::Str(x), Value::Str(y)) => Ok(x.as_str() < y.as_str()),
            _ => {
                let r = self.rich_compare(a, b, CompareOp::Lt)?;
                self.is_true(&r)
            }
        }
    }

    /// `bool(v)`.
    pub fn is_true(&self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Bool(b) => *b,
            Value::None | Value::Null => false,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) | Value::FrozenSet(s) => !s.is_empty(),
            Value::Range(r) => !self.range_len(r).is_zero(),
            Value::Instance(_) | Value::Native(_) => return self.user_truth(v),
            _ => true,
        })
    }

    fn user_truth(&self, v: &Value) -> PyResult<bool> {
        if let Some(r) = self.call_dunder(v, "__bool__", &[])? {
            return match r {
                Value::Bool(b) => Ok(b),
                other => Err(type_error(format!(
                    "__bool__ should return bool, returned {}",
                    type_name(&other)
                ))),
            };
        }
        if let Some(r) = self.call_dunder(v, "__len__", &[])? {
            let n = self.index_value(&r)?;
            if n < BigInt::zero() {
                return Err(crate::vm::pyerr::value_error(
                    "__len__() should return >= 0",
                ));
            }
            return Ok(!n.is_zero());
        }
        Ok(true)
    }

    /// `hash(v)`.
    pub fn hash_value(&self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::Str(s) => s.hash(),
            Value::Int(i) => numhash::hash_i64(*i),
            Value::Bool(b) => i64::from(*b),
            Value::BigInt(b) => numhash::hash_bigint(b),
            Value::Float(f) => numhash::hash_f64(*f, v.observed_id()),
            Value::None => 0x00fc_a864_2000_i64 >> 4,
            Value::Tuple(t) => self.hash_tuple(t)?,
            Value::FrozenSet(s) => s.frozen_hash(),
            Value::Bytes(b) => {
                let mut x: u64 = 0xcbf2_9ce4_8422_2325;
                for byte in b.iter() {
                    x ^= u64::from(*byte);
                    x = x.wrapping_mul(0x0100_0000_01b3);
                }
                (x as i64).max(i64::MIN + 1)
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                return Err(type_error(format!("unhashable type: '{}'", type_name(v))));
            }
            Value::Range(r) => {
                let items = vec![
                    self.hash_value(&Value::from_bigint(self.range_len(r)))?,
                    self.hash_value(&r.start.to_value())?,
                    self.hash_value(&r.step.to_value())?,
                ];
                numhash::hash_tuple(&items)
            }
            Value::Instance(inst) => return self.instance_hash(v, &inst.class),
            // A native object whose class defines `__hash__` (InterpreterID, ChannelID).
            Value::Native(n) if n.class.dict.get_str("__hash__").is_some() => {
                return self.instance_hash(v, &n.class);
            }
            _ => (v.observed_id() >> 4) as i64,
        })
    }

    /// `tuplehash`, with nested tuples walked on a worklist: CPython recurses once per
    /// level (and crashes on a tuple nested a million deep); gilsim's threads have less
    /// native stack than that needs, and the hash is the same either way.
    fn hash_tuple(&self, t: &Arc<crate::vm::objects::value::Tuple>) -> PyResult<i64> {
        if !t.items.iter().any(|v| matches!(v, Value::Tuple(_))) {
            let mut hashes = Vec::with_capacity(t.items.len());
            for item in t.items.iter() {
                hashes.push(self.hash_value(item)?);
            }
            return Ok(numhash::hash_tuple(&hashes));
        }
        // Each pending tuple with the hashes of its items so far.
        let mut stack = vec![(t.clone(), Vec::with_capacity(t.items.len()))];
        let mut outermost = 0;
        while let Some((tuple, hashes)) = stack.last_mut() {
            match tuple.items.get(hashes.len()) {
                Some(Value::Tuple(inner)) => {
                    let inner = inner.clone();
                    let n = inner.items.len();
                    stack.push((inner, Vec::with_capacity(n)));
                }
                Some(item) => {
                    let h = self.hash_value(item)?;
                    hashes.push(h);
                }
                None => {
                    let h = numhash::hash_tuple(hashes);
                    stack.pop();
                    match stack.last_mut() {
                        Some((_, outer)) => outer.push(h),
                        None => outermost = h,
                    }
                }
            }
        }
        Ok(outermost)
    }

    fn instance_hash(
        &self,
        v: &Value,
        class: &Arc<crate::vm::objects::class::Class>,
    ) -> PyResult<i64> {
        match class.lookup_static("__hash__") {
            Some(Value::None) => Err(type_error(format!("unhashable type: '{}'", tp_name(class)))),
            Some(f) => {
                let r = self.call(&f, std::slice::from_ref(v))?;
                match r {
                    Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                    Value::Bool(b) => Ok(i64::from(b)),
                    Value::BigInt(b) => Ok(numhash::hash_bigint(&b)),
                    _ => Err(type_error("__hash__ method should return an integer")),
                }
            }
            None => {
                // A class that defines __eq__ but not __hash__ is unhashable (typeobject.c).
                if class.lookup_static("__eq__").is_some() {
                    return Err(type_error(format!("unhashable type: '{}'", class.name)));
                }
                Ok((v.observed_id() >> 4) as i64)
            }
        }
    }

    /// `item in container`.
    pub fn contains(&self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                other => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    type_name(other)
                ))),
            },
            Value::List(l) => {
                let items = l.snapshot();
                self.any_equal(&items, item)
            }
            Value::Tuple(t) => self.any_equal(&t.items, item),
            Value::Dict(d) => d.contains(self, item),
            Value::Set(s) | Value::FrozenSet(s) => s.contains(self, item),
            Value::Range(r) => self.range_contains(r, item),
            Value::Bytes(b) => match item {
                Value::Int(i) => Ok((0..256).contains(i) && b.contains(&(*i as u8))),
                Value::Bytes(sub) => {
                    Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..]))
                }
                _ => Err(type_error("a bytes-like object is required")),
            },
            Value::Instance(_) | Value::Native(_) => {
                if let Some(r) =
                    self.call_dunder(container, "__contains__", std::slice::from_ref(item))?
                {
                    return self.is_true(&r);
                }
                self.contains_by_iteration(container, item)
            }
            Value::Iter(_) | Value::Generator(_) => self.contains_by_iteration(container, item),
            Value::Class(_)
                if let Some(r) = self.class_hook(
                    container,
                    "__gilsim_class_contains__",
                    std::slice::from_ref(item),
                )? =>
            {
                self.is_true(&r)
            }
            _ => Err(type_error(format!(
                "argument of type '{}' is not iterable",
                type_name(container)
            ))),
        }
    }

    fn contains_by_iteration(&self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = self.get_iter(container)?;
        while let Some(v) = self.iter_next(&it)? {
            if self.eq_values(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn any_equal(&self, items: &[Value], item: &Value) -> PyResult<bool> {
        for v in items {
            if self.eq_values(v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `__index__`: an int from an int-like value.
    pub fn index_value(&self, v: &Value) -> PyResult<BigInt> {
        match v {
            Value::Int(i) => Ok(BigInt::from(*i)),
            Value::Bool(b) => Ok(BigInt::from(i64::from(*b))),
            Value::BigInt(b) => Ok((**b).clone()),
            // An instance of an int subclass is an int (CPython's PyNumber_Index takes it
            // as it is): IntEnum members index lists.
            Value::Instance(i)
                if let Some(base @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) =
                    &i.base =>
            {
                self.index_value(base)
            }
            _ => {
                if let Some(r) = self.call_dunder(v, "__index__", &[])?
                    && let Some(b) = r.as_bigint()
                {
                    return Ok(b);
                }
                Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(v)
                )))
            }
        }
    }

    /// An index-sized integer (`list[i]`, `range(n)` ...).
    pub fn index_i64(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            _ => {
                let b = self.index_value(v)?;
                b.to_i64().ok_or_else(|| {
                    crate::vm::pyerr::index_error(format!(
                        "cannot fit '{}' into an index-sized integer",
                        type_name(v)
                    ))
                })
            }
        }
    }
}

/// A class's `tp_name`, as CPython's messages print it: native classes of stdlib modules
/// are C static types there, named with their module (`collections.deque`).
fn tp_name(class: &crate::vm::objects::class::Class) -> String {
    if class.is_builtin && &*class.module != "builtins" {
        format!("{}.{}", class.module, class.name)
    } else {
        class.name.to_string()
    }
}
