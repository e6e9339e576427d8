//! `range` objects: length, indexing, slicing and membership in O(1) (Objects/rangeobject.c).

use std::sync::Arc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::vm::context::Vm;
use crate::vm::objects::value::{BigIntOrSmall, Range, Value};
use crate::vm::pyerr::{PyResult, index_error, value_error};

fn small_or_big(b: BigInt) -> BigIntOrSmall {
    match b.to_i64() {
        Some(i) => BigIntOrSmall::Small(i),
        None => BigIntOrSmall::Big(b),
    }
}

impl Vm {
    pub fn new_range(&self, start: BigInt, stop: BigInt, step: BigInt) -> PyResult<Value> {
        if step.is_zero() {
            return Err(value_error("range() arg 3 must not be zero"));
        }
        Ok(Value::Range(Arc::new(Range {
            start: small_or_big(start),
            stop: small_or_big(stop),
            step: small_or_big(step),
        })))
    }

    pub fn range_len(&self, r: &Range) -> BigInt {
        let (start, stop, step) = (r.start.to_bigint(), r.stop.to_bigint(), r.step.to_bigint());
        if step.is_positive() {
            if start < stop {
                (stop - start - 1u8).div_floor(&step) + 1u8
            } else {
                BigInt::zero()
            }
        } else if start > stop {
            (start - stop - 1u8).div_floor(&(-step)) + 1u8
        } else {
            BigInt::zero()
        }
    }

    pub fn range_getitem(&self, r: &Range, key: &Value) -> PyResult<Value> {
        let len = self.range_len(r);
        if let Value::Slice(s) = key {
            let n = len.to_usize().unwrap_or(usize::MAX / 2);
            let idx = self.slice_indices(s, n)?;
            let step = r.step.to_bigint();
            let start = r.start.to_bigint() + BigInt::from(idx.start) * &step;
            let new_step = &step * BigInt::from(idx.step);
            let stop = r.start.to_bigint() + BigInt::from(idx.stop) * &step;
            return self.new_range(start, stop, new_step);
        }
        let i = self.index_value(key)?;
        let i = if i.is_negative() { i + &len } else { i };
        if i.is_negative() || i >= len {
            return Err(index_error("range object index out of range"));
        }
        Ok(Value::from_bigint(
            r.start.to_bigint() + i * r.step.to_bigint(),
        ))
    }

    pub fn range_contains(&self, r: &Range, item: &Value) -> PyResult<bool> {
        let Some(v) = (match item {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => item.as_bigint(),
            _ => None,
        }) else {
            // Non-ints compare by equality against each element, like CPython.
            let it = self.get_iter(&Value::Range(Arc::new(r.clone())))?;
            while let Some(x) = self.iter_next(&it)? {
                if self.eq_values(&x, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        };
        let (start, stop, step) = (r.start.to_bigint(), r.stop.to_bigint(), r.step.to_bigint());
        let in_bounds = if step.is_positive() {
            start <= v && v < stop
        } else {
            stop < v && v <= start
        };
        Ok(in_bounds && (v - start).mod_floor(&step).is_zero())
    }

    /// `range == range` compares the sequences, not the arguments.
    pub fn range_items_equal(&self, a: &Range, b: &Range) -> bool {
        let (la, lb) = (self.range_len(a), self.range_len(b));
        if la != lb {
            return false;
        }
        if la.is_zero() {
            return true;
        }
        if a.start != b.start {
            return false;
        }
        la == BigInt::from(1) || a.step == b.step
    }
}
