//! Calling builtin classes: `int(x, base)`, `str(x)`, `list(it)`, `dict(...)`, `type(x)`,
//! `range(...)`, `property(...)`, `super()` ...

use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::{parse, positional};
use crate::vm::context::Vm;
use crate::vm::fmt::parse_num::{parse_float_literal, parse_int_literal};
use crate::vm::objects::class::{Class, Instance};
use crate::vm::objects::descriptors::{
    Property, Super, new_classmethod, new_property, new_staticmethod, new_super,
};
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::Args;
use crate::vm::objects::types::{class_of, type_name, types};
use crate::vm::objects::value::{Slice, Value};
use crate::vm::pyerr::{PyResult, type_error, unsupported, value_error};

pub fn construct(vm: &Vm, cls: &Arc<Class>, args: Args<'_>) -> PyResult<Value> {
    let t = types();
    let is = |c: &Arc<Class>| Arc::ptr_eq(cls, c);
    if is(&t.int) {
        int(vm, args)
    } else if is(&t.str_) {
        str_(vm, args)
    } else if is(&t.float) {
        float(vm, args)
    } else if is(&t.bool_) {
        let a = positional("bool", args, 0, 1)?;
        Ok(Value::Bool(match a.first() {
            Some(v) => vm.is_true(v)?,
            None => false,
        }))
    } else if is(&t.list) {
        let a = positional("list", args, 0, 1)?;
        Ok(Value::list(match a.first() {
            Some(v) => vm.collect(v)?,
            None => Vec::new(),
        }))
    } else if is(&t.tuple) {
        let a = positional("tuple", args, 0, 1)?;
        match a.first() {
            Some(v @ Value::Tuple(_)) => Ok(v.clone()),
            Some(v) => Ok(Value::tuple(vm.collect(v)?)),
            None => Ok(Value::tuple(vec![])),
        }
    } else if is(&t.dict) {
        dict(vm, args)
    } else if is(&t.set) {
        let a = positional("set", args, 0, 1)?;
        Ok(Value::Set(Arc::new(match a.first() {
            Some(v) => vm.set_from_iterable(v)?,
            None => crate::vm::objects::set::Set::new(),
        })))
    } else if is(&t.frozenset) {
        let a = positional("frozenset", args, 0, 1)?;
        match a.first() {
            Some(v @ Value::FrozenSet(_)) => Ok(v.clone()),
            Some(v) => Ok(Value::FrozenSet(Arc::new(vm.set_from_iterable(v)?))),
            None => Ok(Value::FrozenSet(Arc::new(
                crate::vm::objects::set::Set::new(),
            ))),
        }
    } else if is(&t.range) {
        range(vm, args)
    } else if is(&t.slice) {
        let a = positional("slice", args, 1, 3)?;
        let (start, stop, step) = match a.len() {
            1 => (Value::None, a[0].clone(), Value::None),
            2 => (a[0].clone(), a[1].clone(), Value::None),
            _ => (a[0].clone(), a[1].clone(), a[2].clone()),
        };
        Ok(Value::Slice(Arc::new(Slice { start, stop, step })))
    } else if is(&t.type_) {
        type_(vm, args)
    } else if is(&t.object) {
        positional("object", args, 0, 0)?;
        Ok(Value::Instance(Instance::new(t.object.clone())))
    } else if is(&t.property) {
        let p = parse("property", args, &["fget", "fset", "fdel", "doc"], 0)?;
        Ok(new_property(Property {
            fget: p.or_none(0),
            fset: p.or_none(1),
            fdel: p.or_none(2),
            doc: p.or_none(3),
        }))
    } else if is(&t.staticmethod) {
        let a = positional("staticmethod", args, 1, 1)?;
        Ok(new_staticmethod(a[0].clone()))
    } else if is(&t.classmethod) {
        let a = positional("classmethod", args, 1, 1)?;
        Ok(new_classmethod(a[0].clone()))
    } else if is(&t.super_) {
        super_(vm, args)
    } else if is(&t.bytes) {
        bytes(vm, args)
    } else if is(&t.module) {
        // `types.ModuleType(name, doc=None)`: an empty module, as CPython's module_init.
        let p = parse("module", args, &["name", "doc"], 1)?;
        let Some(Value::Str(name)) = p.get(0) else {
            return Err(type_error(format!(
                "module() argument 'name' must be str, not {}",
                p.get(0)
                    .map_or("NoneType", crate::vm::objects::types::type_name)
            )));
        };
        let m = crate::vm::objects::module::Module::new(name.as_str());
        m.set("__doc__", p.or_none(1));
        // Made by a program, not loaded: `__loader__` is None, as in CPython, and its repr
        // says neither "from" nor "built-in".
        m.set("__loader__", Value::None);
        Ok(Value::Module(Arc::new(m)))
    } else if let Some(new @ Value::Builtin(_)) = cls.dict.get_str("__new__") {
        // Native classes of stdlib modules (`_thread.RLock`) construct through their own
        // native `__new__`, which takes the call's arguments as they are.
        vm.call_with(&new, args)
    } else {
        Err(type_error(format!(
            "cannot create '{}' instances",
            cls.name
        )))
    }
}

fn int(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    // `int(x)`, the common call, skips the keyword parser.
    if let ([x], false) = (args.pos(), args.has_kwargs()) {
        return int_of(vm, x);
    }
    let p = parse("int", args, &["x", "base"], 0)?;
    let Some(x) = p.get(0) else {
        if p.get(1).is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(base) = p.get(1) {
        let base = vm.index_value(base)?.to_i64().unwrap_or(-1);
        if base != 0 && !(2..=36).contains(&base) {
            return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let Value::Str(s) = x else {
            return Err(type_error(
                "int() can't convert non-string with explicit base",
            ));
        };
        return parse_int_str(vm, s.as_str(), base as u32);
    }
    int_of(vm, x)
}

/// `int(x)` without a base.
fn int_of(vm: &Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Float(f) => float_to_int(*f),
        Value::Str(s) => parse_int_str(vm, s.as_str(), 10),
        Value::Bytes(b) => parse_int_str(vm, &String::from_utf8_lossy(b), 10),
        other => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = vm.call_dunder(other, name, &[])? {
                    return Ok(r);
                }
            }
            Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name(other)
            )))
        }
    }
}

pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(crate::vm::pyerr::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(Value::from_bigint(
        num_traits::FromPrimitive::from_f64(t).unwrap_or_default(),
    ))
}

fn parse_int_str(vm: &Vm, s: &str, base: u32) -> PyResult<Value> {
    let limit = vm
        .interp
        .int_max_str_digits
        .load(std::sync::atomic::Ordering::Relaxed);
    let digits = s.trim().trim_start_matches(['+', '-']).len();
    if base == 10 && limit > 0 && digits > limit {
        return Err(value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    match parse_int_literal(s, base) {
        Some(b) => Ok(Value::from_bigint(b)),
        None => Err(value_error(format!(
            "invalid literal for int() with base {base}: {}",
            crate::vm::protocols::convert::str_repr(s)
        ))),
    }
}

fn float(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("float", args, 0, 1)?;
    let Some(x) = a.first() else {
        return Ok(Value::Float(0.0));
    };
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(f64::from(u8::from(*b)))),
        Value::BigInt(b) => crate::vm::protocols::numeric::bigint_to_f64(b).map(Value::Float),
        Value::Str(s) => match parse_float_literal(s.as_str()) {
            Some(f) => Ok(Value::Float(f)),
            None => Err(value_error(format!(
                "could not convert string to float: {}",
                crate::vm::protocols::convert::str_repr(s.as_str())
            ))),
        },
        other => {
            if let Some(r) = vm.call_dunder(other, "__float__", &[])? {
                return Ok(r);
            }
            if let Some(r) = vm.call_dunder(other, "__index__", &[])?
                && let Some(b) = r.as_bigint()
            {
                return crate::vm::protocols::numeric::bigint_to_f64(&b).map(Value::Float);
            }
            Err(type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                type_name(other)
            )))
        }
    }
}

fn str_(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    // `str(x)`, the common call, skips the keyword parser.
    if let ([x], false) = (args.pos(), args.has_kwargs()) {
        return vm.str_value(x);
    }
    let p = parse("str", args, &["object", "encoding", "errors"], 0)?;
    match (p.get(0), p.get(1)) {
        (None, _) => Ok(Value::str("")),
        (Some(Value::Bytes(b)), Some(_)) => match String::from_utf8(b.to_vec()) {
            Ok(s) => Ok(Value::string(s)),
            Err(_) => Err(crate::vm::pyerr::unicode_error(
                "'utf-8' codec can't decode bytes",
            )),
        },
        (Some(v), _) => vm.str_value(v),
    }
}

fn dict(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(type_error(format!(
            "dict expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    let d = Arc::new(Dict::new());
    if let Some(src) = pos.first() {
        vm.dict_init_from(&d, src)?;
    }
    for (k, v) in args.kwargs() {
        d.set(vm, Value::str(k), v.clone())?;
    }
    Ok(Value::Dict(d))
}

impl Vm {
    /// `dict(src)`: a mapping, or an iterable of key/value pairs.
    pub fn dict_init_from(&self, d: &Arc<Dict>, src: &Value) -> PyResult<()> {
        if matches!(src, Value::Dict(_)) || self.getattr_opt(src, "keys")?.is_some() {
            return self.dict_update_from(d, src, false);
        }
        let it = self.get_iter(src)?;
        let mut i = 0;
        while let Some(pair) = self.iter_next(&it)? {
            let items = match &pair {
                Value::Tuple(t) => t.items.to_vec(),
                Value::List(l) => l.snapshot(),
                other => match self.get_iter(other) {
                    Ok(_) => self.collect(other)?,
                    Err(_) => {
                        return Err(type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        )));
                    }
                },
            };
            if items.len() != 2 {
                return Err(value_error(format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    items.len()
                )));
            }
            let mut it2 = items.into_iter();
            if let (Some(k), Some(v)) = (it2.next(), it2.next()) {
                d.set(self, k, v)?;
            }
            i += 1;
        }
        Ok(())
    }
}

fn range(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("range", args, 1, 3)?;
    let ints: Vec<BigInt> = a
        .iter()
        .map(|v| vm.index_value(v))
        .collect::<PyResult<_>>()?;
    let (start, stop, step) = match ints.len() {
        1 => (BigInt::from(0), ints[0].clone(), BigInt::from(1)),
        2 => (ints[0].clone(), ints[1].clone(), BigInt::from(1)),
        _ => (ints[0].clone(), ints[1].clone(), ints[2].clone()),
    };
    vm.new_range(start, stop, step)
}

fn type_(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.pos();
    match a.len() {
        1 if !args.has_kwargs() => Ok(Value::Class(class_of(&a[0]).clone())),
        3 => {
            let Value::Str(name) = &a[0] else {
                return Err(type_error("type.__new__() argument 1 must be str"));
            };
            let bases = match &a[1] {
                Value::Tuple(t) => t.items.to_vec(),
                _ => return Err(type_error("type.__new__() argument 2 must be tuple")),
            };
            let Value::Dict(ns) = &a[2] else {
                return Err(type_error("type.__new__() argument 3 must be dict"));
            };
            let ns = Arc::new(ns.copy());
            if ns.get_str("__module__").is_none() {
                let module = vm
                    .globals_hint()
                    .and_then(|g| g.get_str("__name__"))
                    .unwrap_or_else(|| Value::str("__main__"));
                ns.set_str("__module__", module);
            }
            // Its own name, not a base's `__qualname__` found through the MRO (a class
            // statement's namespace always has one).
            if ns.get_str("__qualname__").is_none() {
                ns.set_str("__qualname__", Value::str(name.as_str()));
            }
            let class = vm.new_class(name.as_str(), &bases, ns)?;
            // type.__new__ runs the parent's __init_subclass__ with the keyword arguments
            // (Objects/typeobject.c type_new_impl -> type_new_init_subclass), as a class
            // statement does.
            let kwargs: Vec<(Value, Value)> = args
                .kwargs()
                .map(|(k, v)| (Value::str(k), v.clone()))
                .collect();
            vm.init_subclass(&class, &kwargs)?;
            Ok(class)
        }
        _ => Err(type_error("type() takes 1 or 3 arguments")),
    }
}

fn super_(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("super", args, 0, 2)?;
    match a {
        [Value::Class(cls), obj] => {
            let obj_type = match obj {
                Value::Class(c) if c.is_subclass(cls) => c.clone(),
                other => {
                    let t = class_of(other).clone();
                    if !t.is_subclass(cls) {
                        return Err(type_error(
                            "super(type, obj): obj must be an instance or subtype of type",
                        ));
                    }
                    t
                }
            };
            Ok(new_super(Super {
                this_class: cls.clone(),
                obj: obj.clone(),
                obj_type,
            }))
        }
        [] => Err(crate::vm::pyerr::runtime_error("super(): no arguments")),
        [_, _] => Err(type_error("super() argument 1 must be a type")),
        _ => Err(unsupported("super() with one argument")),
    }
}

fn bytes(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("bytes", args, &["source", "encoding", "errors"], 0)?;
    let out = match p.get(0) {
        None => Vec::new(),
        Some(Value::Str(s)) => {
            if p.get(1).is_none() {
                return Err(type_error("string argument without an encoding"));
            }
            s.as_str().as_bytes().to_vec()
        }
        Some(Value::Int(n)) => {
            if *n < 0 {
                return Err(value_error("negative count"));
            }
            crate::vm::pyerr::filled_vec(0u8, *n as usize)?
        }
        // bytes(2**63): CPython's PyNumber_AsSsize_t message.
        Some(Value::BigInt(b)) if b.sign() != num_bigint::Sign::Minus => {
            return Err(crate::vm::pyerr::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        Some(Value::Bytes(b)) => b.to_vec(),
        Some(other) => {
            let mut out = Vec::new();
            for item in vm.collect(other)? {
                match item.as_i64() {
                    Some(i) if (0..256).contains(&i) => out.push(i as u8),
                    Some(_) => return Err(value_error("bytes must be in range(0, 256)")),
                    None => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(&item)
                        )));
                    }
                }
            }
            out
        }
    };
    Ok(Value::Bytes(Arc::new(out)))
}
