//! Set construction and the set algebra operators with CPython's algorithms (which decide the
//! order a printed set shows): `set_merge`, `set_intersection`, `set_difference`, ...

use std::sync::Arc;

use crate::compiler::bytecode::BinaryOp;
use crate::vm::context::Vm;
use crate::vm::objects::set::Set;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::PyResult;

impl Vm {
    /// A set from values (BUILD_SET, `set(list)`).
    pub fn new_set(&self, items: Vec<Value>) -> PyResult<Value> {
        let s = Set::new();
        for item in items {
            s.add(self, item)?;
        }
        Ok(Value::Set(Arc::new(s)))
    }

    /// `set(iterable)` following `set_update_internal`.
    pub fn set_from_iterable(&self, iterable: &Value) -> PyResult<Set> {
        let s = Set::new();
        self.set_update(&s, iterable)?;
        Ok(s)
    }

    pub fn set_update(&self, s: &Set, iterable: &Value) -> PyResult<()> {
        match iterable {
            Value::Set(o) | Value::FrozenSet(o) => {
                s.merge_table(&o.table());
            }
            Value::Dict(d) => {
                s.reserve_for(d.len());
                for e in d.entries_hashed() {
                    s.add_hashed(self, e.hash, e.key)?;
                }
            }
            other => {
                let it = self.get_iter(other)?;
                while let Some(v) = self.iter_next(&it)? {
                    s.add(self, v)?;
                }
            }
        }
        Ok(())
    }

    pub fn set_copy(&self, s: &Set) -> Set {
        let copy = Set::new();
        copy.merge_table(&s.table());
        copy
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` for two sets; the result has a's type.
    pub fn set_operator(&self, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Value> {
        let (Value::Set(x) | Value::FrozenSet(x)) = a else {
            return Ok(Value::NotImplemented);
        };
        let (Value::Set(y) | Value::FrozenSet(y)) = b else {
            return Ok(Value::NotImplemented);
        };
        let result = match op.base() {
            BinaryOp::Or => self.set_union(x, y),
            BinaryOp::And => self.set_intersection(x, y)?,
            BinaryOp::Subtract => self.set_difference(x, y)?,
            _ => self.set_symmetric_difference(x, y)?,
        };
        if op.is_inplace()
            && let Value::Set(target) = a
        {
            target.clear();
            target.merge_table(&result.table());
            return Ok(a.clone());
        }
        Ok(match a {
            Value::FrozenSet(_) => Value::FrozenSet(Arc::new(result)),
            _ => Value::Set(Arc::new(result)),
        })
    }

    pub fn set_union(&self, x: &Set, y: &Set) -> Set {
        let r = self.set_copy(x);
        r.merge_table(&y.table());
        r
    }

    pub fn set_intersection(&self, x: &Set, y: &Set) -> PyResult<Set> {
        let r = Set::new();
        // Iterate the smaller set, probe the larger (set_intersection).
        let (small, large) = if y.len() > x.len() { (x, y) } else { (y, x) };
        for (h, k) in small.entries() {
            if large.contains_hashed(self, h, &k)? {
                r.add_hashed(self, h, k)?;
            }
        }
        Ok(r)
    }

    pub fn set_difference(&self, x: &Set, y: &Set) -> PyResult<Set> {
        if (x.len() >> 2) > y.len() {
            let r = self.set_copy(x);
            for (h, k) in y.entries() {
                r.discard_hashed(self, h, &k)?;
            }
            return Ok(r);
        }
        let r = Set::new();
        for (h, k) in x.entries() {
            if !y.contains_hashed(self, h, &k)? {
                r.add_hashed(self, h, k)?;
            }
        }
        Ok(r)
    }

    pub fn set_symmetric_difference(&self, x: &Set, y: &Set) -> PyResult<Set> {
        let r = self.set_copy(y);
        for (h, k) in x.entries() {
            if !r.discard_hashed(self, h, &k)? {
                r.add_hashed(self, h, k)?;
            }
        }
        Ok(r)
    }
}
