//! Binary and unary operators: numbers first, then sequences, then the `__add__`/`__radd__`
//! protocol with NotImplemented (Objects/abstract.c `binary_op1`).

use std::sync::Arc;

use crate::compiler::bytecode::{BinaryOp, CompareOp};
use crate::vm::context::Vm;
use crate::vm::objects::function::Args;
use crate::vm::objects::types::{class_of, type_name};
use crate::vm::objects::value::Value;
use crate::vm::protocols::numeric::{Num, num_binary};
use crate::vm::pyerr::{PyResult, type_error};

pub use crate::vm::protocols::numeric::int_fast;

#[inline(always)]
pub fn cmp_i64(x: i64, y: i64, op: CompareOp) -> bool {
    match op {
        CompareOp::Lt => x < y,
        CompareOp::Le => x <= y,
        CompareOp::Eq => x == y,
        CompareOp::Ne => x != y,
        CompareOp::Gt => x > y,
        CompareOp::Ge => x >= y,
    }
}

/// (`__add__`, `__radd__`, `__iadd__`) for an operator.
pub fn dunders(op: BinaryOp) -> (&'static str, &'static str, &'static str) {
    use BinaryOp::*;
    match op.base() {
        Add => ("__add__", "__radd__", "__iadd__"),
        Subtract => ("__sub__", "__rsub__", "__isub__"),
        Multiply => ("__mul__", "__rmul__", "__imul__"),
        TrueDivide => ("__truediv__", "__rtruediv__", "__itruediv__"),
        FloorDivide => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        Remainder => ("__mod__", "__rmod__", "__imod__"),
        Power => ("__pow__", "__rpow__", "__ipow__"),
        Lshift => ("__lshift__", "__rlshift__", "__ilshift__"),
        Rshift => ("__rshift__", "__rrshift__", "__irshift__"),
        And => ("__and__", "__rand__", "__iand__"),
        Or => ("__or__", "__ror__", "__ior__"),
        Xor => ("__xor__", "__rxor__", "__ixor__"),
        MatrixMultiply => ("__matmul__", "__rmatmul__", "__imatmul__"),
        _ => ("", "", ""),
    }
}

fn is_user_object(v: &Value) -> bool {
    matches!(v, Value::Instance(_) | Value::Native(_))
}

impl Vm {
    pub fn binary_op(&self, a: Value, b: Value, op: BinaryOp) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (Num::from_value(&a), Num::from_value(&b))
            && let Some(r) = num_binary(x, y, op)
        {
            return r;
        }
        if !is_user_object(&a) && !is_user_object(&b) {
            if let Some(r) = self.builtin_binary(&a, &b, op)? {
                return Ok(r);
            }
            return Err(binary_type_error(&a, &b, op));
        }
        self.dunder_binary(&a, &b, op)
    }

    /// `a.__op__(b)`, then `b.__rop__(a)` (reflected first when b's type is a subclass of a's).
    fn dunder_binary(&self, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Value> {
        let (name, rname, iname) = dunders(op);
        if op.is_inplace()
            && let Some(r) = self.call_dunder(a, iname, std::slice::from_ref(b))?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        let (ca, cb) = (class_of(a), class_of(b));
        let b_first = !Arc::ptr_eq(ca, cb) && cb.is_subclass(ca);
        if b_first
            && let Some(r) = self.call_dunder(b, rname, std::slice::from_ref(a))?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        if let Some(r) = self.call_dunder(a, name, std::slice::from_ref(b))?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        if !b_first
            && !Arc::ptr_eq(ca, cb)
            && let Some(r) = self.call_dunder(b, rname, std::slice::from_ref(a))?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        if let Some(r) = self.builtin_binary(a, b, op)? {
            return Ok(r);
        }
        Err(binary_type_error(a, b, op))
    }

    /// Calls `type(obj).<name>(obj, *args)` if the class defines it (user classes only).
    pub fn call_dunder(
        &self,
        obj: &Value,
        name: &'static str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        if !is_user_object(obj) {
            return Ok(None);
        }
        let Some(f) = class_of(obj).lookup_static(name) else {
            return Ok(None);
        };
        self.call_with_receiver(&f, obj.clone(), Args::positional(args))
            .map(Some)
    }

    /// Sequence and container operators of builtin types; None when not applicable.
    fn builtin_binary(&self, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Option<Value>> {
        use BinaryOp::*;
        Ok(Some(match (op.base(), a, b) {
            (Add, Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Value::string(s)
            }
            (Add, Value::List(x), _) if op.is_inplace() => {
                let items = self.collect(b)?;
                x.items.write().extend(items);
                a.clone()
            }
            (Add, Value::List(x), Value::List(y)) => {
                let mut items = x.snapshot();
                items.extend(y.snapshot());
                Value::list(items)
            }
            (Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut items = x.items.to_vec();
                items.extend(y.items.iter().cloned());
                Value::tuple(items)
            }
            (Add, Value::Bytes(x), Value::Bytes(y)) => {
                let mut v = (**x).clone();
                v.extend_from_slice(y);
                Value::Bytes(Arc::new(v))
            }
            (Multiply, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), n)
                if n.as_i64().is_some() || matches!(n, Value::BigInt(_)) =>
            {
                return self.repeat(a, n, op.is_inplace()).map(Some);
            }
            (Multiply, n, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_))
                if n.as_i64().is_some() || matches!(n, Value::BigInt(_)) =>
            {
                return self.repeat(b, n, false).map(Some);
            }
            (Remainder, Value::Str(fmt), args) => {
                return self
                    .percent_format(fmt.as_str(), args)
                    .map(|s| Some(Value::string(s)));
            }
            (Or, Value::Dict(x), Value::Dict(_y)) => {
                if op.is_inplace() {
                    self.dict_update_from(x, b, false)?;
                    return Ok(Some(a.clone()));
                }
                let d = Arc::new(x.copy());
                self.dict_update_from(&d, b, false)?;
                Value::Dict(d)
            }
            (
                Or | And | Subtract | Xor,
                Value::Set(_) | Value::FrozenSet(_),
                Value::Set(_) | Value::FrozenSet(_),
            ) => {
                return self.set_operator(a, b, op).map(Some);
            }
            // `int | None` (`type.__or__`, PEP 604).
            (Or, Value::Class(_), _) | (Or, _, Value::Class(_)) => {
                return Ok(crate::vm::objects::union_type::union_of(a, b));
            }
            _ => return Ok(None),
        }))
    }

    fn repeat(&self, seq: &Value, n: &Value, inplace: bool) -> PyResult<Value> {
        let len = match seq {
            Value::Str(s) => s.as_str().len(),
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.len(),
            Value::Bytes(b) => b.len(),
            _ => 0,
        };
        let count = repeat_count(n, len)?;
        // Past 2**32 items no machine has the memory; below, the run's limit decides.
        let too_big = |len: usize, item: usize| {
            len.checked_mul(count).is_none_or(|t| t > 1 << 32)
                || crate::runtime::memory::reserve_items(len * count, item).is_err()
        };
        let value_size = std::mem::size_of::<Value>();
        Ok(match seq {
            Value::Str(s) => {
                if too_big(s.as_str().len(), 1) {
                    return Err(crate::vm::pyerr::memory_error(""));
                }
                Value::string(s.as_str().repeat(count))
            }
            Value::List(l) => {
                let items = l.snapshot();
                if too_big(items.len(), value_size) {
                    return Err(crate::vm::pyerr::memory_error(""));
                }
                let mut out = Vec::with_capacity(items.len() * count);
                for _ in 0..count {
                    out.extend(items.iter().cloned());
                }
                if inplace {
                    *l.items.write() = out;
                    return Ok(seq.clone());
                }
                Value::list(out)
            }
            Value::Tuple(t) => {
                if too_big(t.len(), value_size) {
                    return Err(crate::vm::pyerr::memory_error(""));
                }
                let mut out = Vec::with_capacity(t.len() * count);
                for _ in 0..count {
                    out.extend(t.items.iter().cloned());
                }
                Value::tuple(out)
            }
            Value::Bytes(b) => {
                if too_big(b.len(), 1) {
                    return Err(crate::vm::pyerr::memory_error(""));
                }
                Value::Bytes(Arc::new(b.repeat(count)))
            }
            _ => Value::None,
        })
    }

    pub fn negative(&self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => Ok(i.checked_neg().map_or_else(
                || Value::from_bigint(-num_bigint::BigInt::from(*i)),
                Value::Int,
            )),
            Value::Bool(b) => Ok(Value::Int(-i64::from(*b))),
            Value::BigInt(b) => Ok(Value::from_bigint(-(**b).clone())),
            Value::Float(f) => Ok(Value::Float(-f)),
            _ => self.unary_dunder(v, "__neg__", "-"),
        }
    }

    pub fn positive(&self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) => Ok(v.clone()),
            Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
            _ => self.unary_dunder(v, "__pos__", "+"),
        }
    }

    pub fn invert(&self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Bool(b) => Ok(Value::Int(!i64::from(*b))),
            Value::BigInt(b) => Ok(Value::from_bigint(-(**b).clone() - 1)),
            _ => self.unary_dunder(v, "__invert__", "~"),
        }
    }

    fn unary_dunder(&self, v: &Value, name: &'static str, symbol: &str) -> PyResult<Value> {
        match self.call_dunder(v, name, &[])? {
            Some(r) => Ok(r),
            None => Err(type_error(format!(
                "bad operand type for unary {symbol}: '{}'",
                type_name(v)
            ))),
        }
    }
}

/// How many copies `seq * n` makes, for an int `n` and a sequence of `len` items: a negative
/// count makes none, one beyond an index is CPython's OverflowError, and an empty sequence
/// needs none at all (`[] * 2**62` is instant, not 2**62 empty steps).
pub(crate) fn repeat_count(n: &Value, len: usize) -> PyResult<usize> {
    let count = match n {
        Value::BigInt(b) if b.sign() == num_bigint::Sign::Minus => 0,
        Value::BigInt(_) => {
            return Err(crate::vm::pyerr::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        other => other.as_i64().unwrap_or(0).max(0) as usize,
    };
    Ok(if len == 0 { 0 } else { count })
}

pub fn binary_type_error(a: &Value, b: &Value, op: BinaryOp) -> crate::vm::pyerr::PyErr {
    use BinaryOp::*;
    let (ta, tb) = (type_name(a), type_name(b));
    match (op.base(), a) {
        (Add, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_))
            if !op.is_inplace() || !matches!(a, Value::List(_)) =>
        {
            return type_error(format!("can only concatenate {ta} (not \"{tb}\") to {ta}"));
        }
        (Multiply, Value::Str(_) | Value::List(_) | Value::Tuple(_)) => {
            return type_error(format!("can't multiply sequence by non-int of type '{tb}'"));
        }
        _ => {}
    }
    if op.base() == Multiply && matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_)) {
        return type_error(format!("can't multiply sequence by non-int of type '{ta}'"));
    }
    let symbol = if op.base() == Power && !op.is_inplace() {
        "** or pow()"
    } else {
        op.symbol()
    };
    type_error(format!(
        "unsupported operand type(s) for {symbol}: '{ta}' and '{tb}'"
    ))
}
