//! Methods of `int`, `float` and `bytes`.

use std::sync::Arc;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};

use super::{add_methods, native, parse, positional};
use crate::vm::context::Vm;
use crate::vm::objects::descriptors::classmethod_of;
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::types::{Types, type_name};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, overflow_error, type_error, value_error};

pub fn register(t: &Types) {
    let int_methods: &[(&str, NativeFn)] = &[
        ("bit_length", bit_length),
        ("bit_count", bit_count),
        ("to_bytes", to_bytes),
        ("conjugate", conjugate),
        ("as_integer_ratio", int_ratio),
        ("is_integer", int_is_integer),
        ("__index__", conjugate),
    ];
    add_methods(&t.int, int_methods);
    t.int.dict.set_str(
        "from_bytes",
        classmethod_of(&t.classmethod, native("from_bytes", from_bytes)),
    );
    let float_methods: &[(&str, NativeFn)] = &[
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_ratio),
        ("conjugate", conjugate),
        ("hex", float_hex),
    ];
    add_methods(&t.float, float_methods);
    t.float.dict.set_str(
        "fromhex",
        classmethod_of(&t.classmethod, native("fromhex", float_fromhex)),
    );
    add_methods(&t.range, &[("index", range_index), ("count", range_count)]);
    add_methods(&t.slice, &[("indices", slice_indices)]);
    add_methods(&t.bytes, &[("decode", decode), ("hex", bytes_hex)]);
    t.bytes.dict.set_str(
        "fromhex",
        classmethod_of(&t.classmethod, native("fromhex", bytes_fromhex)),
    );
}

fn int_recv(args: &Args<'_>) -> PyResult<BigInt> {
    args.args
        .first()
        .map(crate::vm::objects::class::unwrap_base)
        .and_then(Value::as_bigint)
        .ok_or_else(|| type_error("descriptor requires an 'int' object"))
}

fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    super::str_methods::rest(args)
}

fn bit_length(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("int.bit_length", rest(&args), 0, 0)?;
    Ok(Value::Int(int_recv(&args)?.bits() as i64))
}

fn bit_count(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("int.bit_count", rest(&args), 0, 0)?;
    let b = int_recv(&args)?;
    let ones: u64 = b
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| u64::from(d.count_ones()))
        .sum();
    Ok(Value::Int(ones as i64))
}

fn conjugate(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(match args.args.first() {
        Some(Value::Bool(b)) => Value::Int(i64::from(*b)),
        Some(v) => v.clone(),
        None => Value::None,
    })
}

fn int_ratio(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let b = int_recv(&args)?;
    Ok(Value::tuple(vec![Value::from_bigint(b), Value::Int(1)]))
}

fn int_is_integer(_vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

fn byteorder(p: &super::Parsed, i: usize) -> PyResult<bool> {
    match p.get(i) {
        None => Ok(false),
        Some(Value::Str(s)) if s.as_str() == "big" => Ok(false),
        Some(Value::Str(s)) if s.as_str() == "little" => Ok(true),
        Some(_) => Err(value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn to_bytes(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let b = int_recv(&args)?;
    let p = parse(
        "to_bytes",
        rest(&args),
        &["length", "byteorder", "*signed"],
        0,
    )?;
    let length = match p.get(0) {
        Some(v) => vm.index_i64(v)?,
        None => 1,
    };
    let little = byteorder(&p, 1)?;
    let signed = match p.get(2) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    if b.is_negative() && !signed {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = b.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if b.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length as usize {
        return Err(overflow_error("int too big to convert"));
    }
    let fill = if b.is_negative() { 0xff } else { 0 };
    bytes.resize(length as usize, fill);
    if !little {
        bytes.reverse();
    }
    Ok(Value::Bytes(Arc::new(bytes)))
}

fn from_bytes(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse(
        "from_bytes",
        rest(&args),
        &["bytes", "byteorder", "*signed"],
        1,
    )?;
    let data: Vec<u8> = match p.get(0) {
        Some(Value::Bytes(b)) => b.to_vec(),
        Some(other) => vm
            .collect(other)?
            .iter()
            .map(|v| v.as_i64().unwrap_or(0) as u8)
            .collect(),
        None => Vec::new(),
    };
    let little = byteorder(&p, 1)?;
    let signed = match p.get(2) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let mut le = data;
    if !little {
        le.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_le(&le)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &le)
    };
    Ok(Value::from_bigint(v))
}

fn float_recv(args: &Args<'_>) -> PyResult<f64> {
    match args
        .args
        .first()
        .map(crate::vm::objects::class::unwrap_base)
    {
        Some(Value::Float(f)) => Ok(*f),
        _ => Err(type_error("descriptor requires a 'float' object")),
    }
}

fn float_is_integer(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let f = float_recv(&args)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_ratio(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let f = float_recv(&args)?;
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    let bits = f.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = if exponent == 0 {
        (bits & 0xf_ffff_ffff_ffff) << 1
    } else {
        (bits & 0xf_ffff_ffff_ffff) | (1 << 52)
    };
    let mut num = BigInt::from(mantissa);
    let mut exp = exponent - 1075;
    if mantissa == 0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    while exp < 0 && (&num % 2u8).is_zero() {
        num /= 2u8;
        exp += 1;
    }
    let (num, den) = if exp >= 0 {
        (num << exp as u64, BigInt::from(1))
    } else {
        (num, BigInt::from(1) << (-exp) as u64)
    };
    let num = if f < 0.0 { -num } else { num };
    Ok(Value::tuple(vec![
        Value::from_bigint(num),
        Value::from_bigint(den),
    ]))
}

fn float_hex(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let f = float_recv(&args)?;
    if f.is_nan() || f.is_infinite() {
        return Ok(Value::string(crate::vm::fmt::float_repr::float_repr(f)));
    }
    if f == 0.0 {
        return Ok(Value::str(if f.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }));
    }
    let bits = f.to_bits();
    let sign = if f < 0.0 { "-" } else { "" };
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & 0xf_ffff_ffff_ffff;
    let (lead, exp) = if exp_bits == 0 {
        (0, -1022)
    } else {
        (1, exp_bits - 1023)
    };
    let hex = format!("{mant:013x}");
    Ok(Value::string(format!("{sign}0x{lead}.{hex}p{exp:+}")))
}

fn decode(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Bytes(b)) = args.args.first() else {
        return Err(type_error("descriptor 'decode' requires a 'bytes' object"));
    };
    let a = positional("decode", rest(&args), 0, 2)?;
    if let Some(Value::Str(e)) = a.first() {
        let e = e.as_str().to_ascii_lowercase().replace('_', "-");
        if !matches!(e.as_str(), "utf-8" | "utf8" | "ascii") {
            return Err(crate::vm::pyerr::unsupported(&format!(
                "the '{e}' encoding"
            )));
        }
    }
    match std::str::from_utf8(b) {
        Ok(s) => Ok(Value::str(s)),
        Err(e) => Err(crate::vm::pyerr::unicode_error(format!(
            "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
            b[e.valid_up_to()],
            e.valid_up_to()
        ))),
    }
}

fn bytes_hex(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Bytes(b)) = args.args.first() else {
        return Err(type_error(format!(
            "descriptor 'hex' requires a 'bytes' object but received '{}'",
            args.args.first().map_or("nothing", type_name)
        )));
    };
    Ok(Value::string(
        b.iter().map(|x| format!("{x:02x}")).collect(),
    ))
}

fn range_index(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("index", args, 2, 2)?;
    let Value::Range(r) = &a[0] else {
        return Err(type_error("descriptor 'index' requires a 'range' object"));
    };
    if vm.range_contains(r, &a[1])? {
        if let Some(v) = a[1].as_bigint() {
            let i = (v - r.start.to_bigint()) / r.step.to_bigint();
            return Ok(Value::from_bigint(i));
        }
        let it = vm.get_iter(&a[0])?;
        let mut i = 0i64;
        while let Some(x) = vm.iter_next(&it)? {
            if vm.eq_values(&x, &a[1])? {
                return Ok(Value::Int(i));
            }
            i += 1;
        }
    }
    let r = vm.repr(&a[1])?;
    Err(value_error(format!("{r} is not in range")))
}

fn range_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("count", args, 2, 2)?;
    let Value::Range(r) = &a[0] else {
        return Err(type_error("descriptor 'count' requires a 'range' object"));
    };
    Ok(Value::Int(i64::from(vm.range_contains(r, &a[1])?)))
}

fn slice_indices(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("indices", args, 2, 2)?;
    let Value::Slice(s) = &a[0] else {
        return Err(type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let n = vm.index_i64(&a[1])?;
    if n < 0 {
        return Err(value_error("length should not be negative"));
    }
    let idx = vm.slice_indices(s, n as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(idx.start),
        Value::Int(idx.stop),
        Value::Int(idx.step),
    ]))
}

/// `float.fromhex("0x1.8p+1")`.
fn float_fromhex(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("fromhex", rest(&args), 1, 1)?;
    let Some(text) = a[0].as_str() else {
        return Err(type_error("fromhex() argument must be str"));
    };
    let t = text.trim().to_ascii_lowercase();
    let err = || value_error("invalid hexadecimal floating-point string");
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    match body {
        "inf" | "infinity" => {
            return Ok(Value::Float(if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }));
        }
        "nan" => return Ok(Value::Float(f64::NAN)),
        _ => {}
    }
    let body = body.strip_prefix("0x").unwrap_or(body);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, e.parse::<i64>().map_err(|_| err())?),
        None => (body, 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(err());
    }
    let mut value = 0f64;
    for c in int_part.chars() {
        value = value * 16.0 + f64::from(c.to_digit(16).ok_or_else(err)?);
    }
    let mut scale = 1.0 / 16.0;
    for c in frac_part.chars() {
        value += f64::from(c.to_digit(16).ok_or_else(err)?) * scale;
        scale /= 16.0;
    }
    let v = value * 2f64.powi(exp.clamp(-2000, 2000) as i32);
    if v.is_infinite() {
        return Err(overflow_error(
            "hexadecimal value too large to represent as a float",
        ));
    }
    Ok(Value::Float(if neg { -v } else { v }))
}

fn bytes_fromhex(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("fromhex", rest(&args), 1, 1)?;
    let Some(text) = a[0].as_str() else {
        return Err(type_error("fromhex() argument must be str"));
    };
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !chars.len().is_multiple_of(2) {
        return Err(value_error("non-hexadecimal number found in fromhex() arg"));
    }
    for pair in chars.chunks(2) {
        let hi = pair[0].to_digit(16);
        let lo = pair[1].to_digit(16);
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(value_error("non-hexadecimal number found in fromhex() arg")),
        }
    }
    Ok(Value::Bytes(Arc::new(out)))
}
