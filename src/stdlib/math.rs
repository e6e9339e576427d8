//! The `math` module (Modules/mathmodule.c): float functions with CPython's domain/range errors,
//! and exact integer functions (factorial, gcd, isqrt, comb ...).

use std::sync::Arc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::compiler::bytecode::BinaryOp;
use crate::vm::builtins::{parse, positional};
use crate::vm::context::Vm;
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::protocols::numeric::{bigint_to_f64, scale_by_power_of_two};
use crate::vm::pyerr::{PyResult, overflow_error, type_error, value_error};

pub fn create(_vm: &Vm) -> Arc<Module> {
    let fns: &[(&str, NativeFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("expm1", expm1),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("log1p", log1p),
        ("pow", pow),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("atan2", atan2),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("fabs", fabs),
        ("factorial", factorial),
        ("gcd", gcd),
        ("lcm", lcm),
        ("isqrt", isqrt),
        ("comb", comb),
        ("perm", perm),
        ("prod", prod),
        ("fsum", fsum),
        ("hypot", hypot),
        ("degrees", degrees),
        ("radians", radians),
        ("copysign", copysign),
        ("fmod", fmod),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
        ("dist", dist),
        ("remainder", remainder),
        ("cbrt", cbrt),
        ("exp2", exp2),
        ("erf", erf),
        ("erfc", erfc),
    ];
    let m = super::native_module("math", fns);
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("tau", Value::Float(std::f64::consts::TAU));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("nan", Value::Float(f64::NAN));
    m
}

/// A float argument (ints converted exactly, `__float__` honoured).
fn to_f64(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::BigInt(b) => bigint_to_f64(b),
        other => {
            if let Some(r) = vm.call_dunder(other, "__float__", &[])?
                && let Value::Float(f) = r
            {
                return Ok(f);
            }
            Err(type_error(format!(
                "must be real number, not {}",
                type_name(other)
            )))
        }
    }
}

fn domain() -> crate::vm::pyerr::PyErr {
    value_error("math domain error")
}

fn range_err() -> crate::vm::pyerr::PyErr {
    overflow_error("math range error")
}

/// Applies a one-argument float function with CPython's error mapping.
fn unary(
    vm: &Vm,
    args: Args<'_>,
    name: &str,
    f: fn(f64) -> f64,
    domain_ok: fn(f64) -> bool,
) -> PyResult<Value> {
    let a = positional(name, args, 1, 1)?;
    let x = to_f64(vm, &a[0])?;
    if !domain_ok(x) {
        return Err(domain());
    }
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(range_err());
    }
    Ok(Value::Float(r))
}

fn any(_: f64) -> bool {
    true
}

/// The one-argument float functions, one line each: `name: function, domain;`, where `domain`
/// says which arguments are valid (outside it CPython raises "math domain error").
macro_rules! unary_functions {
    ($($name:ident: $f:expr, $domain:expr;)*) => {
        $(
            fn $name(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
                unary(vm, args, stringify!($name), $f, $domain)
            }
        )*
    };
}

unary_functions! {
    sqrt: f64::sqrt, |x| x >= 0.0 || x.is_nan();
    exp: f64::exp, any;
    exp2: f64::exp2, any;
    expm1: f64::exp_m1, any;
    log1p: f64::ln_1p, |x| x > -1.0 || x.is_nan();
    cbrt: glibc_cbrt, any;
    sin: f64::sin, |x| !x.is_infinite();
    cos: f64::cos, |x| !x.is_infinite();
    tan: f64::tan, |x| !x.is_infinite();
    asin: f64::asin, |x| (-1.0..=1.0).contains(&x) || x.is_nan();
    acos: f64::acos, |x| (-1.0..=1.0).contains(&x) || x.is_nan();
    atan: f64::atan, any;
    sinh: f64::sinh, any;
    cosh: f64::cosh, any;
    tanh: f64::tanh, any;
    asinh: f64::asinh, any;
    acosh: f64::acosh, |x| x >= 1.0 || x.is_nan();
    atanh: f64::atanh, |x| (x > -1.0 && x < 1.0) || x.is_nan();
    fabs: f64::abs, any;
    degrees: f64::to_degrees, any;
    radians: f64::to_radians, any;
    // CPython's are the C library's erf and erfc; the libm crate's are the same fdlibm
    // algorithm (glibc's sysdeps/ieee754/dbl-64/s_erf.c) as glibc's.
    erf: libm::erf, any;
    erfc: libm::erfc, any;
}

/// CPython's `math.cbrt` is the C library's `cbrt`; on Linux that is glibc's
/// sysdeps/ieee754/dbl-64/s_cbrt.c (a polynomial guess plus one rational refinement), which
/// is not correctly rounded (`cbrt(27) == 3.0000000000000004`). Reproduced here so gilsim
/// prints the same digits.
fn glibc_cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.259_921_049_894_873_2;
    const SQR_CBRT2: f64 = 1.587_401_051_968_199_5;
    let factor = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = frexp_parts(x.abs());
    let u = 0.354_895_765_043_919_86
        + ((1.508_191_937_815_849
            + ((-2.114_994_941_673_713
                + ((2.446_931_225_635_344_3
                    + ((-1.834_692_774_836_130_9
                        + (0.784_932_344_976_639_3 - 0.145_263_899_385_486_38 * xm) * xm)
                        * xm))
                    * xm))
                * xm))
            * xm);
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * factor[(2 + xe % 3) as usize];
    scale_by_power_of_two(if x > 0.0 { ym } else { -ym }, i64::from(xe / 3))
}

/// `frexp` for finite non-zero x: (mantissa in [0.5, 1), exponent).
fn frexp_parts(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp_parts(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// Natural log of an int of any size (`math.log(10**1000)` works in CPython).
fn ln_value(vm: &Vm, v: &Value) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if b.is_negative() || b.is_zero() {
            return Err(domain());
        }
        let bits = b.bits();
        let shift = bits.saturating_sub(60);
        let top = (&**b >> shift).to_f64().unwrap_or(1.0);
        return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
    }
    let x = to_f64(vm, v)?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(x.ln())
}

fn log(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("log", args, 1, 2)?;
    let num = ln_value(vm, &a[0])?;
    match a.get(1) {
        None => Ok(Value::Float(num)),
        Some(base) => {
            let den = ln_value(vm, base)?;
            if den == 0.0 {
                return Err(crate::vm::pyerr::zero_division_error(
                    "float division by zero",
                ));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn log2(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("log2", args, 1, 1)?;
    if let Value::Float(x) = &a[0] {
        if *x <= 0.0 {
            return Err(domain());
        }
        return Ok(Value::Float(x.log2()));
    }
    Ok(Value::Float(ln_value(vm, &a[0])? / std::f64::consts::LN_2))
}

fn log10(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("log10", args, 1, 1)?;
    if let Value::Float(x) = &a[0] {
        if *x <= 0.0 {
            return Err(domain());
        }
        return Ok(Value::Float(x.log10()));
    }
    if let Some(i) = a[0].as_i64() {
        if i <= 0 {
            return Err(domain());
        }
        return Ok(Value::Float((i as f64).log10()));
    }
    Ok(Value::Float(ln_value(vm, &a[0])? / std::f64::consts::LN_10))
}

fn pow(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("pow", args, 2, 2)?;
    let (x, y) = (to_f64(vm, &a[0])?, to_f64(vm, &a[1])?);
    if x == 0.0 && y < 0.0 {
        return Err(domain());
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_err());
    }
    Ok(Value::Float(r))
}

fn atan2(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("atan2", args, 2, 2)?;
    Ok(Value::Float(to_f64(vm, &a[0])?.atan2(to_f64(vm, &a[1])?)))
}

fn float_to_int_value(f: f64) -> PyResult<Value> {
    crate::vm::builtins::constructors::float_to_int(f)
}

fn rounding(
    vm: &Vm,
    args: Args<'_>,
    name: &str,
    dunder: &'static str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let a = positional(name, args, 1, 1)?;
    match &a[0] {
        Value::Int(_) | Value::BigInt(_) => Ok(a[0].clone()),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Float(x) => float_to_int_value(f(*x)),
        other => {
            if let Some(r) = vm.call_dunder(other, dunder, &[])? {
                return Ok(r);
            }
            float_to_int_value(f(to_f64(vm, other)?))
        }
    }
}

fn floor(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    rounding(vm, args, "floor", "__floor__", f64::floor)
}
fn ceil(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    rounding(vm, args, "ceil", "__ceil__", f64::ceil)
}
fn trunc(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    rounding(vm, args, "trunc", "__trunc__", f64::trunc)
}

fn int_arg(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Float(_) => Err(type_error(
            "'float' object cannot be interpreted as an integer",
        )),
        other => vm.index_value(other),
    }
}

/// Product of `lo..=hi` by binary splitting (balanced multiplications keep big products fast).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi < lo {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut p = BigInt::one();
        let mut acc: u128 = 1;
        for i in lo..=hi {
            match acc.checked_mul(u128::from(i)) {
                Some(x) => acc = x,
                None => {
                    p *= BigInt::from(acc);
                    acc = u128::from(i);
                }
            }
        }
        return p * BigInt::from(acc);
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

fn factorial(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("factorial", args, 1, 1)?;
    let n = int_arg(vm, &a[0])?;
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().filter(|&n| n <= 10_000_000).ok_or_else(|| {
        overflow_error("factorial() argument should not exceed 9223372036854775807")
    })?;
    Ok(Value::from_bigint(range_product(2, n)))
}

fn gcd(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("gcd", args, 0, usize::MAX)?;
    let mut g = BigInt::zero();
    for v in a {
        g = g.gcd(&int_arg(vm, v)?);
    }
    Ok(Value::from_bigint(g))
}

fn lcm(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("lcm", args, 0, usize::MAX)?;
    let mut l = BigInt::one();
    for v in a {
        let x = int_arg(vm, v)?;
        if x.is_zero() {
            return Ok(Value::Int(0));
        }
        l = l.lcm(&x);
    }
    Ok(Value::from_bigint(l))
}

fn isqrt(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("isqrt", args, 1, 1)?;
    let n = int_arg(vm, &a[0])?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

/// The checks `comb` and `perm` make of `n` and `k` (mathmodule.c): ValueError for a negative
/// one; true when `k > n`, where both return 0.
fn k_exceeds_n(n: &BigInt, k: &BigInt) -> PyResult<bool> {
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok(k > n)
}

fn comb(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("comb", args, 2, 2)?;
    let (n, k) = (int_arg(vm, &a[0])?, int_arg(vm, &a[1])?);
    if k_exceeds_n(&n, &k)? {
        return Ok(Value::Int(0));
    }
    let k = k.clone().min(&n - &k);
    let mut r = BigInt::one();
    let mut i = BigInt::zero();
    while i < k {
        r = r * (&n - &i) / (&i + 1u8);
        i += 1u8;
    }
    Ok(Value::from_bigint(r))
}

fn perm(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("perm", args, 1, 2)?;
    let n = int_arg(vm, &a[0])?;
    let k = match a.get(1) {
        Some(Value::None) | None => n.clone(),
        Some(v) => int_arg(vm, v)?,
    };
    if k_exceeds_n(&n, &k)? {
        return Ok(Value::Int(0));
    }
    let mut r = BigInt::one();
    let mut i = BigInt::zero();
    while i < k {
        r *= &n - &i;
        i += 1u8;
    }
    Ok(Value::from_bigint(r))
}

fn prod(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("prod", args, &["iterable", "*start"], 1)?;
    let mut acc = p.get(1).cloned().unwrap_or(Value::Int(1));
    let it = vm.get_iter(p.get(0).unwrap_or(&Value::None))?;
    while let Some(v) = vm.iter_next(&it)? {
        acc = vm.binary_op(acc, v, BinaryOp::Multiply)?;
    }
    Ok(acc)
}

/// `math.fsum`: exact summation with Shewchuk's partials (msum), rounded once.
fn fsum(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("fsum", args, 1, 1)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let it = vm.get_iter(&a[0])?;
    while let Some(v) = vm.iter_next(&it)? {
        let mut x = to_f64(vm, &v)?;
        if !x.is_finite() {
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        if special.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    // Sum the partials from the top, with the half-way correction of msum.
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn hypot(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("hypot", args, 0, usize::MAX)?;
    let mut acc = 0.0f64;
    for v in a {
        acc = acc.hypot(to_f64(vm, v)?);
    }
    Ok(Value::Float(acc))
}

fn dist(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("dist", args, 2, 2)?;
    let p = vm.collect(&a[0])?;
    let q = vm.collect(&a[1])?;
    if p.len() != q.len() {
        return Err(value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut acc = 0.0f64;
    for (x, y) in p.iter().zip(q.iter()) {
        acc = acc.hypot(to_f64(vm, x)? - to_f64(vm, y)?);
    }
    Ok(Value::Float(acc))
}

fn copysign(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("copysign", args, 2, 2)?;
    Ok(Value::Float(
        to_f64(vm, &a[0])?.copysign(to_f64(vm, &a[1])?),
    ))
}

fn fmod(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("fmod", args, 2, 2)?;
    let (x, y) = (to_f64(vm, &a[0])?, to_f64(vm, &a[1])?);
    if y == 0.0 || x.is_infinite() {
        return Err(domain());
    }
    Ok(Value::Float(x % y))
}

fn modf(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("modf", args, 1, 1)?;
    let x = to_f64(vm, &a[0])?;
    let int = x.trunc();
    let frac = if x.is_infinite() {
        0.0f64.copysign(x)
    } else {
        x - int
    };
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn frexp(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("frexp", args, 1, 1)?;
    let x = to_f64(vm, &a[0])?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let mut e = x.abs().log2().floor() as i32 + 1;
    let mut m = x / 2f64.powi(e);
    if m.abs() >= 1.0 {
        m /= 2.0;
        e += 1;
    } else if m.abs() < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    Ok(Value::tuple(vec![
        Value::Float(m),
        Value::Int(i64::from(e)),
    ]))
}

fn ldexp(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("ldexp", args, 2, 2)?;
    let x = to_f64(vm, &a[0])?;
    let e = int_arg(vm, &a[1])?
        .to_i64()
        .unwrap_or(i64::MAX)
        .clamp(-5000, 5000) as i32;
    let r = x * 2f64.powi(e.clamp(-1074, 1024));
    if r.is_infinite() && x.is_finite() {
        return Err(range_err());
    }
    Ok(Value::Float(r))
}

fn isfinite(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("isfinite", args, 1, 1)?;
    Ok(Value::Bool(to_f64(vm, &a[0])?.is_finite()))
}

fn isinf(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("isinf", args, 1, 1)?;
    Ok(Value::Bool(to_f64(vm, &a[0])?.is_infinite()))
}

fn isnan(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("isnan", args, 1, 1)?;
    Ok(Value::Bool(to_f64(vm, &a[0])?.is_nan()))
}

fn isclose(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("isclose", args, &["a", "b", "*rel_tol", "*abs_tol"], 2)?;
    let a = to_f64(vm, p.get(0).unwrap_or(&Value::None))?;
    let b = to_f64(vm, p.get(1).unwrap_or(&Value::None))?;
    let rel = match p.get(2) {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match p.get(3) {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs_tol,
    ))
}

/// IEEE 754 remainder: `x - n*y` with `n` the integer nearest `x/y` (ties to even).
fn remainder(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("remainder", args, 2, 2)?;
    let (x, y) = (to_f64(vm, &a[0])?, to_f64(vm, &a[1])?);
    if x.is_nan() || y.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain());
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    let absx = x.abs();
    let absy = y.abs();
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Half-way: choose the even multiple.
        let half = 0.5 * (absx - m);
        if half % absy == 0.0 { m } else { -c }
    };
    Ok(Value::Float(1.0f64.copysign(x) * r))
}
