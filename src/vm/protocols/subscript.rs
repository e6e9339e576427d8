//! Subscription: `obj[key]`, `obj[key] = v`, `del obj[key]` and slices
//! (Objects/sliceobject.c `PySlice_GetIndicesEx`, listobject.c `list_ass_subscript`).

use std::sync::Arc;

use num_traits::ToPrimitive;

use crate::vm::context::Vm;
use crate::vm::objects::types::{class_of, type_name};
use crate::vm::objects::value::{Slice, Value};
use crate::vm::pyerr::{PyResult, index_error, key_error, type_error, value_error};

/// Resolved slice bounds for a sequence of a given length.
#[derive(Debug, Clone, Copy)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIndices {
    pub fn indices(&self) -> impl Iterator<Item = usize> {
        let (start, step, len) = (self.start, self.step, self.len);
        (0..len).map(move |i| (start + i as i64 * step) as usize)
    }
}

impl Vm {
    /// `slice.indices(length)` semantics.
    pub fn slice_indices(&self, s: &Slice, length: usize) -> PyResult<SliceIndices> {
        let len = length as i64;
        let step = if s.step.is_none() {
            1
        } else {
            let st = self.slice_bound(&s.step)?;
            if st == 0 {
                return Err(value_error("slice step cannot be zero"));
            }
            st
        };
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: i64| -> i64 {
            if v < 0 {
                (v + len).max(lower)
            } else {
                v.min(upper)
            }
        };
        let start = if s.start.is_none() {
            if step < 0 { upper } else { lower }
        } else {
            clamp(self.slice_bound(&s.start)?)
        };
        let stop = if s.stop.is_none() {
            if step < 0 { lower } else { upper }
        } else {
            clamp(self.slice_bound(&s.stop)?)
        };
        let count = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok(SliceIndices {
            start,
            stop,
            step,
            len: count as usize,
        })
    }

    fn slice_bound(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::BigInt(b) => Ok(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }),
            _ => self
                .index_value(v)
                .map_err(|_| {
                    type_error("slice indices must be integers or None or have an __index__ method")
                })
                .map(|b| {
                    b.to_i64()
                        .unwrap_or(if b.sign() == num_bigint::Sign::Minus {
                            i64::MIN / 2
                        } else {
                            i64::MAX / 2
                        })
                }),
        }
    }

    /// Normalizes an index for a sequence of `len` items; None when out of range.
    fn seq_index(&self, key: &Value, len: usize, what: &str) -> PyResult<Option<usize>> {
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            Value::BigInt(_) => {
                return Err(index_error(
                    "cannot fit 'int' into an index-sized integer".to_string(),
                ));
            }
            Value::Instance(_) => self.index_i64(key)?,
            other => {
                let msg = if what == "string" {
                    format!(
                        "string indices must be integers, not '{}'",
                        type_name(other)
                    )
                } else {
                    format!(
                        "{what} indices must be integers or slices, not {}",
                        type_name(other)
                    )
                };
                return Err(type_error(msg));
            }
        };
        let len = len as i64;
        let j = if i < 0 { i + len } else { i };
        Ok((0..len).contains(&j).then_some(j as usize))
    }

    pub fn getitem(&self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let items = l.items.read();
                    let idx = self.slice_indices(s, items.len())?;
                    return Ok(Value::list(
                        idx.indices().map(|i| items[i].clone()).collect(),
                    ));
                }
                let items = l.items.read();
                match self.seq_index(key, items.len(), "list")? {
                    Some(i) => Ok(items[i].clone()),
                    None => Err(index_error("list index out of range")),
                }
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = key {
                    let idx = self.slice_indices(s, t.len())?;
                    return Ok(Value::tuple(
                        idx.indices().map(|i| t.items[i].clone()).collect(),
                    ));
                }
                match self.seq_index(key, t.len(), "tuple")? {
                    Some(i) => Ok(t.items[i].clone()),
                    None => Err(index_error("tuple index out of range")),
                }
            }
            Value::Str(s) => {
                if let Value::Slice(sl) = key {
                    let idx = self.slice_indices(sl, s.char_len())?;
                    if idx.step == 1 {
                        return Ok(Value::str(
                            s.slice_chars(idx.start as usize, idx.start as usize + idx.len),
                        ));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    return Ok(Value::string(idx.indices().map(|i| chars[i]).collect()));
                }
                match self.seq_index(key, s.char_len(), "string")? {
                    Some(i) => Ok(self.char_value(s.char_at(i).unwrap_or(' '))),
                    None => Err(index_error("string index out of range")),
                }
            }
            Value::Bytes(b) => {
                if let Value::Slice(sl) = key {
                    let idx = self.slice_indices(sl, b.len())?;
                    return Ok(Value::Bytes(Arc::new(
                        idx.indices().map(|i| b[i]).collect(),
                    )));
                }
                match self.seq_index(key, b.len(), "byte")? {
                    Some(i) => Ok(Value::Int(i64::from(b[i]))),
                    None => Err(index_error("index out of range")),
                }
            }
            Value::Dict(d) => match d.get(self, key)? {
                Some(v) => Ok(v),
                None => Err(key_error(key.clone())),
            },
            Value::Range(r) => self.range_getitem(r, key),
            Value::Instance(_) | Value::Native(_) => {
                match self.call_dunder(obj, "__getitem__", std::slice::from_ref(key))? {
                    Some(v) => Ok(v),
                    None => Err(not_subscriptable(obj)),
                }
            }
            Value::Class(c) => {
                if let Some(f) = c.lookup_static("__class_getitem__") {
                    let f = match crate::vm::objects::descriptors::as_classmethod(&f) {
                        Some(cm) => cm.0.clone(),
                        None => f,
                    };
                    return self.call(&f, &[obj.clone(), key.clone()]);
                }
                Err(crate::vm::pyerr::unsupported(&format!(
                    "subscripting a class ('{}[...]', a generic alias)",
                    c.name
                )))
            }
            _ => Err(not_subscriptable(obj)),
        }
    }

    pub fn setitem(&self, obj: &Value, key: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = &key {
                    return self.list_set_slice(l, s, value);
                }
                let mut items = l.items.write();
                match self.seq_index(&key, items.len(), "list")? {
                    Some(i) => {
                        let old = std::mem::replace(&mut items[i], value);
                        drop(items);
                        drop(old);
                        Ok(())
                    }
                    None => Err(index_error("list assignment index out of range")),
                }
            }
            Value::Dict(d) => d.set(self, key, value),
            Value::Instance(_) | Value::Native(_) => {
                match self.call_dunder(obj, "__setitem__", &[key, value])? {
                    Some(_) => Ok(()),
                    None => Err(type_error(format!(
                        "'{}' object does not support item assignment",
                        type_name(obj)
                    ))),
                }
            }
            _ => Err(type_error(format!(
                "'{}' object does not support item assignment",
                type_name(obj)
            ))),
        }
    }

    fn list_set_slice(
        &self,
        l: &Arc<crate::vm::objects::value::List>,
        s: &Slice,
        value: Value,
    ) -> PyResult<()> {
        let new_items = match &value {
            Value::List(other) if Arc::ptr_eq(other, l) => other.snapshot(),
            _ => self
                .collect(&value)
                .map_err(|_| type_error("can only assign an iterable"))?,
        };
        let mut items = l.items.write();
        let idx = self.slice_indices(s, items.len())?;
        if idx.step == 1 {
            let start = idx.start.max(0) as usize;
            let stop = (idx.start.max(0) as usize + idx.len).max(start);
            let stop = stop.min(items.len()).max(start);
            items.splice(start..stop, new_items);
            return Ok(());
        }
        if new_items.len() != idx.len {
            return Err(value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new_items.len(),
                idx.len
            )));
        }
        for (i, v) in idx.indices().zip(new_items) {
            items[i] = v;
        }
        Ok(())
    }

    pub fn delitem(&self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                let mut items = l.items.write();
                if let Value::Slice(s) = key {
                    let idx = self.slice_indices(s, items.len())?;
                    let mut doomed: Vec<usize> = idx.indices().collect();
                    doomed.sort_unstable();
                    for i in doomed.into_iter().rev() {
                        items.remove(i);
                    }
                    return Ok(());
                }
                match self.seq_index(key, items.len(), "list")? {
                    Some(i) => {
                        let old = items.remove(i);
                        drop(items);
                        drop(old);
                        Ok(())
                    }
                    None => Err(index_error("list assignment index out of range")),
                }
            }
            Value::Dict(d) => match d.remove(self, key)? {
                Some(_) => Ok(()),
                None => Err(key_error(key.clone())),
            },
            Value::Instance(_) | Value::Native(_) => {
                match self.call_dunder(obj, "__delitem__", std::slice::from_ref(key))? {
                    Some(_) => Ok(()),
                    None => Err(type_error(format!(
                        "'{}' object does not support item deletion",
                        type_name(obj)
                    ))),
                }
            }
            _ => Err(type_error(format!(
                "'{}' object doesn't support item deletion",
                type_name(obj)
            ))),
        }
    }
}

fn not_subscriptable(obj: &Value) -> crate::vm::pyerr::PyErr {
    let _ = class_of(obj);
    type_error(format!("'{}' object is not subscriptable", type_name(obj)))
}
