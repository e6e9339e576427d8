//! The iteration protocol: `iter()`, `next()`, collecting iterables and unpacking
//! (Objects/abstract.c `PyObject_GetIter`, ceval.c `unpack_iterable`).

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use parking_lot::Mutex;

use crate::vm::context::Vm;
use crate::vm::objects::generator::GenKind;
use crate::vm::objects::iterators::{Composite, DictView, IterObj};
use crate::vm::objects::types::{class_of, type_name, types};
use crate::vm::objects::value::{BigIntOrSmall, Value};
use crate::vm::pyerr::{PyResult, type_error, value_error};

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&self, v: &Value) -> PyResult<Value> {
        let it = match v {
            Value::Iter(_) => return Ok(v.clone()),
            Value::Generator(g) if g.kind == GenKind::Generator => return Ok(v.clone()),
            Value::List(l) => IterObj::List {
                list: l.clone(),
                index: AtomicUsize::new(0),
            },
            Value::Tuple(t) => IterObj::Tuple {
                tuple: t.clone(),
                index: AtomicUsize::new(0),
            },
            Value::Str(s) => IterObj::Str {
                s: s.clone(),
                pos: AtomicUsize::new(0),
            },
            Value::Bytes(b) => IterObj::Bytes {
                b: b.clone(),
                index: AtomicUsize::new(0),
            },
            Value::Dict(d) => IterObj::Dict {
                dict: d.clone(),
                pos: AtomicUsize::new(0),
                len: d.len(),
                view: DictView::Keys,
            },
            Value::Set(s) | Value::FrozenSet(s) => IterObj::Set {
                set: s.clone(),
                pos: AtomicUsize::new(0),
                len: s.len(),
            },
            Value::Range(r) => match (&r.start, &r.stop, &r.step) {
                (BigIntOrSmall::Small(a), BigIntOrSmall::Small(b), BigIntOrSmall::Small(c)) => {
                    IterObj::range(*a, *b, *c)
                }
                _ => IterObj::BigRange(Mutex::new((
                    r.start.to_bigint(),
                    r.stop.to_bigint(),
                    r.step.to_bigint(),
                ))),
            },
            Value::Instance(_) | Value::Native(_) => return self.user_iter(v),
            Value::Class(_)
                if let Some(it) = self.class_hook(v, "__gilsim_class_iter__", &[])? =>
            {
                return self.get_iter(&it);
            }
            _ => {
                return Err(type_error(format!(
                    "'{}' object is not iterable",
                    type_name(v)
                )));
            }
        };
        Ok(Value::Iter(Arc::new(it)))
    }

    fn user_iter(&self, v: &Value) -> PyResult<Value> {
        if let Some(it) = self.call_dunder(v, "__iter__", &[])? {
            let has_next = matches!(&it, Value::Iter(_))
                || matches!(&it, Value::Generator(g) if g.kind == GenKind::Generator)
                || class_of(&it).lookup_static("__next__").is_some();
            if !has_next {
                return Err(type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    type_name(&it)
                )));
            }
            return Ok(it);
        }
        if class_of(v).lookup_static("__getitem__").is_some() {
            return Ok(Value::Iter(Arc::new(IterObj::composite(
                Composite::GetItem {
                    obj: v.clone(),
                    index: 0,
                },
            ))));
        }
        Err(type_error(format!(
            "'{}' object is not iterable",
            type_name(v)
        )))
    }

    /// One step of iteration: Ok(None) when exhausted.
    pub fn iter_next(&self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(i) => {
                self.native_loop_check()?;
                i.next(self)
            }
            Value::Generator(g) => self.gen_next(g),
            Value::Instance(_) | Value::Native(_) => match self.call_dunder(it, "__next__", &[]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => Err(type_error(format!(
                    "'{}' object is not an iterator",
                    type_name(it)
                ))),
                Err(e) if e.is_instance_of(&types().exc.stop_iteration) => Ok(None),
                Err(e) => Err(e),
            },
            _ => Err(type_error(format!(
                "'{}' object is not an iterator",
                type_name(it)
            ))),
        }
    }

    /// All items of an iterable.
    pub fn collect(&self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.snapshot()),
            Value::Tuple(t) => Ok(t.items.to_vec()),
            // Copied in one step under the container's lock, as CPython's C code does with the
            // GIL held (or under a critical section when free-threaded): another thread's
            // change cannot interleave, so no "changed size during iteration" here.
            Value::Dict(d) => Ok(d.keys()),
            Value::Set(s) | Value::FrozenSet(s) => Ok(s.values()),
            Value::Native(_) if let Some(items) = crate::vm::builtins::dict_view_snapshot(v) => {
                Ok(items)
            }
            _ => {
                let it = self.get_iter(v)?;
                let mut out = Vec::new();
                let item = std::mem::size_of::<Value>();
                if let Value::Iter(i) = &it
                    && let Some(n) = i.length_hint()
                {
                    // `list(range(10**10))` is a MemoryError at once, as CPython's
                    // preallocation from the length hint makes it.
                    crate::runtime::memory::reserve_items(n, item)?;
                    out.reserve(n.min(1 << 20));
                }
                while let Some(x) = self.iter_next(&it)? {
                    // One native call that never reaches a check point: each doubling
                    // asks the memory limit first.
                    if out.len() == out.capacity() {
                        crate::runtime::memory::reserve_items(out.capacity() * 2, item)?;
                    }
                    out.push(x);
                }
                Ok(out)
            }
        }
    }

    /// `[*x]` / `f(*x)`: like `collect`, with CPython's message for non-iterables.
    pub fn collect_iterable_for_unpack(&self, v: &Value) -> PyResult<Vec<Value>> {
        match self.get_iter(v) {
            Ok(_) => self.collect(v),
            Err(_) => Err(type_error(format!(
                "Value after * must be an iterable, not {}",
                type_name(v)
            ))),
        }
    }

    /// UNPACK_SEQUENCE / UNPACK_EX: exactly `n` items, or `before` + a starred list + the rest.
    pub fn unpack(&self, v: &Value, n: usize, star_at: Option<usize>) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(t) => t.items.to_vec(),
            Value::List(l) => l.snapshot(),
            _ => {
                let it = self.get_iter(v).map_err(|_| {
                    type_error(format!(
                        "cannot unpack non-iterable {} object",
                        type_name(v)
                    ))
                })?;
                let mut out = Vec::new();
                while let Some(x) = self.iter_next(&it)? {
                    out.push(x);
                    if star_at.is_none() && out.len() > n {
                        break;
                    }
                }
                out
            }
        };
        match star_at {
            None => {
                if items.len() < n {
                    return Err(value_error(format!(
                        "not enough values to unpack (expected {n}, got {})",
                        items.len()
                    )));
                }
                if items.len() > n {
                    return Err(value_error(format!(
                        "too many values to unpack (expected {n})"
                    )));
                }
                Ok(items)
            }
            Some(before) => {
                if items.len() < n {
                    return Err(value_error(format!(
                        "not enough values to unpack (expected at least {n}, got {})",
                        items.len()
                    )));
                }
                let after = n - before;
                let mut out = items[..before].to_vec();
                out.push(Value::list(items[before..items.len() - after].to_vec()));
                out.extend(items[items.len() - after..].iter().cloned());
                Ok(out)
            }
        }
    }

    /// dict.update / `{**x}` / DICT_MERGE (which refuses duplicate keyword names).
    pub fn dict_update_from(
        &self,
        d: &Arc<crate::vm::objects::dict::Dict>,
        other: &Value,
        is_kwargs: bool,
    ) -> PyResult<()> {
        let pairs: Vec<(Value, Value)> = match other {
            Value::Dict(o) => o.items(),
            _ => {
                let keys_method = self.getattr_opt(other, "keys")?;
                match keys_method {
                    Some(keys) => {
                        let keys = self.call(&keys, &[])?;
                        let mut out = Vec::new();
                        for k in self.collect(&keys)? {
                            let v = self.getitem(other, &k)?;
                            out.push((k, v));
                        }
                        out
                    }
                    None if is_kwargs => {
                        return Err(type_error(format!(
                            "argument after ** must be a mapping, not {}",
                            type_name(other)
                        )));
                    }
                    None => {
                        return Err(type_error(format!(
                            "'{}' object is not a mapping",
                            type_name(other)
                        )));
                    }
                }
            }
        };
        for (k, v) in pairs {
            if is_kwargs && d.contains(self, &k)? {
                let name = self.str(&k)?;
                return Err(type_error(format!(
                    "got multiple values for keyword argument '{name}'"
                )));
            }
            d.set(self, k, v)?;
        }
        Ok(())
    }
}
