//! Numeric builtins: abs, round, divmod, pow, hex, bin, oct.

use std::sync::Arc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{native, parse, positional};
use crate::compiler::bytecode::BinaryOp;
use crate::vm::context::Vm;
use crate::vm::fmt::parse_num::round_half_even_digits;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::Args;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::protocols::convert::fmt_error;
use crate::vm::protocols::numeric::float_divmod;
use crate::vm::pyerr::{PyResult, type_error, value_error, zero_division_error};

pub fn install(b: &Arc<Dict>) {
    let fns: &[(&str, crate::vm::objects::function::NativeFn)] = &[
        ("abs", abs),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("hex", hex),
        ("bin", bin),
        ("oct", oct),
    ];
    for (name, f) in fns {
        b.set_str(name, native(name, *f));
    }
}

fn abs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("abs", args, 1, 1)?;
    Ok(match &a[0] {
        Value::Int(i) => i
            .checked_abs()
            .map_or_else(|| Value::from_bigint(BigInt::from(*i).abs()), Value::Int),
        Value::Bool(b) => Value::Int(i64::from(*b)),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        other => match vm.call_dunder(other, "__abs__", &[])? {
            Some(v) => v,
            None => {
                return Err(type_error(format!(
                    "bad operand type for abs(): '{}'",
                    type_name(other)
                )));
            }
        },
    })
}

/// `round(x[, n])`: banker's rounding for ints and floats, `__round__` for others.
fn round(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("round", args, &["number", "ndigits"], 1)?;
    let x = p.get(0).cloned().unwrap_or(Value::None);
    let ndigits = p.given(1).cloned();
    match (&x, &ndigits) {
        (Value::Float(f), None) => {
            if f.is_nan() {
                return Err(value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(crate::vm::pyerr::overflow_error(
                    "cannot convert float infinity to integer",
                ));
            }
            let r = f.round_ties_even();
            Ok(Value::from_bigint(
                num_traits::FromPrimitive::from_f64(r).unwrap_or_default(),
            ))
        }
        (Value::Float(f), Some(n)) => {
            let n = vm.index_value(n)?;
            let n = n
                .to_i64()
                .unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
            round_half_even_digits(*f, n)
                .map(Value::Float)
                .map_err(fmt_error)
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), None) => Ok(match x {
            Value::Bool(b) => Value::Int(i64::from(b)),
            other => other,
        }),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), Some(n)) => {
            let n = vm.index_value(n)?;
            if !n.is_negative() {
                return Ok(Value::from_bigint(x.as_bigint().unwrap_or_default()));
            }
            let Some(e) = (-n).to_u32() else {
                return Ok(Value::Int(0));
            };
            let v = x.as_bigint().unwrap_or_default();
            let m = num_traits::pow::Pow::pow(&BigInt::from(10), e);
            let (q, r) = v.div_mod_floor(&m);
            let twice = &r * 2;
            let q = if twice > m || (twice == m && q.is_odd()) {
                q + 1
            } else {
                q
            };
            Ok(Value::from_bigint(q * m))
        }
        _ => {
            let extra: Vec<Value> = ndigits.into_iter().collect();
            match vm.call_dunder(&x, "__round__", &extra)? {
                Some(v) => Ok(v),
                None => Err(type_error(format!(
                    "type {} doesn't define __round__ method",
                    type_name(&x)
                ))),
            }
        }
    }
}

fn divmod(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("divmod", args, 2, 2)?;
    let (x, y) = (&a[0], &a[1]);
    match (x, y) {
        (Value::Float(_), _) | (_, Value::Float(_))
            if crate::vm::protocols::numeric::Num::from_value(x).is_some()
                && crate::vm::protocols::numeric::Num::from_value(y).is_some() =>
        {
            let fx = crate::vm::protocols::numeric::Num::from_value(x)
                .map_or(Ok(0.0), |n| n.to_f64())?;
            let fy = crate::vm::protocols::numeric::Num::from_value(y)
                .map_or(Ok(0.0), |n| n.to_f64())?;
            if fy == 0.0 {
                return Err(zero_division_error("float divmod()"));
            }
            let (q, r) = float_divmod(fx, fy);
            Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]))
        }
        _ if x.as_bigint().is_some() && y.as_bigint().is_some() => {
            let q = vm.binary_op(x.clone(), y.clone(), BinaryOp::FloorDivide)?;
            let r = vm.binary_op(x.clone(), y.clone(), BinaryOp::Remainder)?;
            Ok(Value::tuple(vec![q, r]))
        }
        _ => {
            if let Some(r) = vm.call_dunder(x, "__divmod__", std::slice::from_ref(y))? {
                return Ok(r);
            }
            Err(type_error(format!(
                "unsupported operand type(s) for divmod(): '{}' and '{}'",
                type_name(x),
                type_name(y)
            )))
        }
    }
}

fn pow(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("pow", args, &["base", "exp", "mod"], 2)?;
    let base = p.get(0).cloned().unwrap_or(Value::None);
    let exp = p.get(1).cloned().unwrap_or(Value::None);
    let Some(m) = p.given(2) else {
        return vm.binary_op(base, exp, BinaryOp::Power);
    };
    let (Some(b), Some(e), Some(m)) = (base.as_bigint(), exp.as_bigint(), m.as_bigint()) else {
        return Err(type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    };
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let modulus = m.abs();
    let result = if e.is_negative() {
        let inv = mod_inverse(&b.mod_floor(&modulus), &modulus)
            .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        inv.modpow(&(-e), &modulus)
    } else {
        b.mod_floor(&modulus).modpow(&e, &modulus)
    };
    // The result takes the sign of the modulus (like `%`).
    let result = if m.is_negative() && !result.is_zero() {
        result - modulus
    } else {
        result
    };
    Ok(Value::from_bigint(result))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    g.gcd.is_one().then(|| g.x.mod_floor(m))
}

fn radix_text(vm: &Vm, v: &Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let b = vm.index_value(v)?;
    let digits = b.magnitude().to_str_radix(radix);
    let sign = if b.is_negative() { "-" } else { "" };
    Ok(Value::string(format!("{sign}{prefix}{digits}")))
}

fn hex(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("hex", args, 1, 1)?;
    radix_text(vm, &a[0], 16, "0x")
}

fn bin(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("bin", args, 1, 1)?;
    radix_text(vm, &a[0], 2, "0b")
}

fn oct(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("oct", args, 1, 1)?;
    radix_text(vm, &a[0], 8, "0o")
}
