//! Arithmetic on int (i64 fast path, big integers on overflow), float and bool, with CPython's
//! semantics: floor division and modulo round toward negative infinity, true division is
//! correctly rounded, and errors carry CPython's messages (Objects/longobject.c, floatobject.c).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::compiler::bytecode::BinaryOp;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{
    PyResult, overflow_error, type_error, unsupported, value_error, zero_division_error,
};

/// A number operand, after bool→int coercion.
#[derive(Debug, Clone)]
pub enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

impl Num {
    pub fn from_value(v: &Value) -> Option<Num> {
        match v {
            Value::Int(i) => Some(Num::Int(*i)),
            Value::Bool(b) => Some(Num::Int(i64::from(*b))),
            Value::BigInt(b) => Some(Num::Big((**b).clone())),
            Value::Float(f) => Some(Num::Float(*f)),
            _ => None,
        }
    }

    fn big(&self) -> BigInt {
        match self {
            Num::Int(i) => BigInt::from(*i),
            Num::Big(b) => b.clone(),
            Num::Float(f) => BigInt::from(*f as i64),
        }
    }

    pub fn to_f64(&self) -> PyResult<f64> {
        match self {
            Num::Int(i) => Ok(*i as f64),
            Num::Big(b) => bigint_to_f64(b),
            Num::Float(f) => Ok(*f),
        }
    }
}

/// int → float, OverflowError when out of range (`float(10**400)`).
pub fn bigint_to_f64(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(overflow_error("int too large to convert to float")),
    }
}

/// A float argument from a float, int or bool, without `__float__`; anything else is a
/// TypeError "must be real number, not T".
pub fn real_to_f64(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        other => match other.as_bigint() {
            Some(b) => bigint_to_f64(&b),
            None => Err(type_error(format!(
                "must be real number, not {}",
                type_name(other)
            ))),
        },
    }
}

/// The i64 fast path of BINARY_OP; None means "take the general path" (overflow, errors).
#[inline(always)]
pub fn int_fast(x: i64, y: i64, op: BinaryOp) -> Option<Value> {
    use BinaryOp::*;
    match op.base() {
        Add => x.checked_add(y).map(Value::Int),
        Subtract => x.checked_sub(y).map(Value::Int),
        Multiply => x.checked_mul(y).map(Value::Int),
        FloorDivide if y != 0 && !(x == i64::MIN && y == -1) => {
            Some(Value::Int(Integer::div_floor(&x, &y)))
        }
        Remainder if y != 0 && !(x == i64::MIN && y == -1) => {
            Some(Value::Int(Integer::mod_floor(&x, &y)))
        }
        And => Some(Value::Int(x & y)),
        Or => Some(Value::Int(x | y)),
        Xor => Some(Value::Int(x ^ y)),
        Rshift if y >= 0 => Some(Value::Int(x >> y.min(63))),
        Lshift if (0..63).contains(&y) => {
            let r = x.checked_shl(y as u32)?;
            (r >> y == x).then_some(Value::Int(r))
        }
        TrueDivide if y != 0 && x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 => {
            Some(Value::Float(x as f64 / y as f64))
        }
        Power if (0..=u32::MAX as i64).contains(&y) => x.checked_pow(y as u32).map(Value::Int),
        _ => None,
    }
}

/// Arithmetic on two numbers; None if the operator does not apply to numbers.
pub fn num_binary(a: Num, b: Num, op: BinaryOp) -> Option<PyResult<Value>> {
    use BinaryOp::*;
    if let (Num::Float(_), _) | (_, Num::Float(_)) = (&a, &b) {
        return Some(float_binary(a, b, op));
    }
    let r = match op.base() {
        Add => Ok(Value::from_bigint(a.big() + b.big())),
        Subtract => Ok(Value::from_bigint(a.big() - b.big())),
        Multiply => {
            let (x, y) = (a.big(), b.big());
            // `x = x * x` in a loop doubles at every step: the last one is the one to refuse.
            match crate::runtime::memory::reserve((x.bits() + y.bits()) / 8) {
                Ok(()) => Ok(Value::from_bigint(x * y)),
                Err(e) => Err(e),
            }
        }
        FloorDivide => {
            let d = b.big();
            if d.is_zero() {
                Err(zero_division_error("integer division or modulo by zero"))
            } else {
                Ok(Value::from_bigint(a.big().div_floor(&d)))
            }
        }
        Remainder => {
            let d = b.big();
            if d.is_zero() {
                Err(zero_division_error("integer modulo by zero"))
            } else {
                Ok(Value::from_bigint(a.big().mod_floor(&d)))
            }
        }
        TrueDivide => int_true_divide(&a.big(), &b.big()),
        Power => int_pow(a, b),
        And => Ok(Value::from_bigint(a.big() & b.big())),
        Or => Ok(Value::from_bigint(a.big() | b.big())),
        Xor => Ok(Value::from_bigint(a.big() ^ b.big())),
        Lshift => shift(a.big(), b.big(), true),
        Rshift => shift(a.big(), b.big(), false),
        MatrixMultiply => return None,
        _ => return None,
    };
    Some(r)
}

fn shift(a: BigInt, n: BigInt, left: bool) -> PyResult<Value> {
    if n.is_negative() {
        return Err(value_error("negative shift count"));
    }
    let Some(n) = n.to_u64() else {
        if left && !a.is_zero() {
            return Err(overflow_error("too many digits in integer"));
        }
        return Ok(Value::Int(if a.is_negative() && !left { -1 } else { 0 }));
    };
    if left {
        if n > 1 << 32 && !a.is_zero() {
            return Err(crate::vm::pyerr::memory_error(""));
        }
        crate::runtime::memory::reserve((a.bits() + n) / 8)?;
        Ok(Value::from_bigint(a << n))
    } else {
        // Arithmetic shift floors, as Python's >> does for negatives.
        let n = n.min(1 << 40);
        if a.is_negative() {
            let d = BigInt::one() << n;
            Ok(Value::from_bigint(a.div_floor(&d)))
        } else {
            Ok(Value::from_bigint(a >> n))
        }
    }
}

fn int_pow(a: Num, b: Num) -> PyResult<Value> {
    let exp = b.big();
    if exp.is_negative() {
        let base = a.to_f64()?;
        let e = b.to_f64()?;
        if base == 0.0 {
            return Err(zero_division_error(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(Value::Float(base.powf(e)));
    }
    let base = a.big();
    let Some(e) = exp.to_u32() else {
        if base.is_zero() || base.is_one() {
            return Ok(Value::from_bigint(base));
        }
        if base == BigInt::from(-1) {
            return Ok(Value::Int(if exp.is_even() { 1 } else { -1 }));
        }
        return Err(crate::vm::pyerr::memory_error(""));
    };
    // The result's size is known before the first multiplication: 10**10**9 is 415 MB.
    crate::runtime::memory::reserve(base.bits().saturating_mul(u64::from(e)) / 8)?;
    Ok(Value::from_bigint(num_traits::pow::Pow::pow(&base, e)))
}

/// `a / b` for ints: correctly rounded even when the operands exceed 2**53
/// (Objects/longobject.c `long_true_divide`).
pub fn int_true_divide(a: &BigInt, b: &BigInt) -> PyResult<Value> {
    if b.is_zero() {
        return Err(zero_division_error("division by zero"));
    }
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64())
        && x.unsigned_abs() <= 1 << 53
        && y.unsigned_abs() <= 1 << 53
    {
        return Ok(Value::Float(x as f64 / y as f64));
    }
    let negative = a.is_negative() != b.is_negative();
    let (na, nb) = (a.abs(), b.abs());
    // Scale so the integer quotient has at least 66 significant bits.
    let shift = 66i64 - (na.bits() as i64 - nb.bits() as i64);
    let (num, den) = if shift >= 0 {
        (na << shift as u64, nb)
    } else {
        (na, nb << (-shift) as u64)
    };
    let (q, r) = num.div_rem(&den);
    let mut q = q;
    if !r.is_zero() {
        q |= BigInt::one(); // sticky bit: below the rounding position, breaks ties correctly
    }
    let qf = q.to_f64().unwrap_or(f64::INFINITY);
    let result = scale_by_power_of_two(qf, -shift);
    if result.is_infinite() {
        return Err(overflow_error(
            "integer division result too large for a float",
        ));
    }
    Ok(Value::Float(if negative { -result } else { result }))
}

/// `x * 2**exp` for exponents beyond what one power of two holds, in steps of `2**±1000`.
pub(crate) fn scale_by_power_of_two(x: f64, exp: i64) -> f64 {
    let mut x = x;
    let mut e = exp;
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

fn float_binary(a: Num, b: Num, op: BinaryOp) -> PyResult<Value> {
    use BinaryOp::*;
    let x = a.to_f64()?;
    let y = b.to_f64()?;
    let v = match op.base() {
        Add => x + y,
        Subtract => x - y,
        Multiply => x * y,
        TrueDivide => {
            if y == 0.0 {
                return Err(zero_division_error("float division by zero"));
            }
            x / y
        }
        FloorDivide => {
            if y == 0.0 {
                return Err(zero_division_error("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        Remainder => {
            if y == 0.0 {
                return Err(zero_division_error("float modulo"));
            }
            float_divmod(x, y).1
        }
        Power => return float_pow(x, y),
        _ => {
            return Err(crate::vm::pyerr::type_error(format!(
                "unsupported operand type(s) for {}: 'float' and 'float'",
                op.symbol()
            )));
        }
    };
    Ok(Value::Float(v))
}

/// Python's float divmod (Objects/floatobject.c `_float_div_mod`).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

fn float_pow(x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(zero_division_error(
            "0.0 cannot be raised to a negative power",
        ));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(unsupported(
            "a negative number raised to a fractional power (a complex result)",
        ));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::Float(r))
}
