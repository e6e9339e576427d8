//! `repr()`, `str()`, `ascii()` and `format()` of every value (Objects/object.c `PyObject_Repr`,
//! unicodeobject.c `unicode_repr`, the `__format__` methods of int/float/str).

use std::fmt::Write as _;
use std::sync::atomic::Ordering;

use num_bigint::BigInt;

use crate::vm::context::Vm;
use crate::vm::fmt::float_repr::float_repr;
use crate::vm::fmt::spec::{self, FmtError, FmtErrorKind};
use crate::vm::objects::types::{class_of, type_name};
use crate::vm::objects::value::{BigIntOrSmall, Value};
use crate::vm::pyerr::{PyErr, PyResult, type_error, value_error};

pub fn fmt_error(e: FmtError) -> PyErr {
    match e.kind {
        FmtErrorKind::ValueError => value_error(e.message),
        #[cfg(test)]
        FmtErrorKind::TypeError => type_error(e.message),
        FmtErrorKind::OverflowError => crate::vm::pyerr::overflow_error(e.message),
        FmtErrorKind::MemoryError => crate::vm::pyerr::memory_error(e.message),
    }
}

/// CPython's `repr(str)`: single quotes unless the text has `'` and no `"`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable()` per character: not a control, format, separator (except space) or
/// private-use character.
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(u,
        0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x180e | 0x200b..=0x200f
        | 0x2028..=0x202e | 0x2060..=0x2064 | 0x2066..=0x206f | 0xfeff | 0xfff9..=0xfffb
        | 0xe000..=0xf8ff | 0xf0000..=0x10ffff | 0xd800..=0xdfff)
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

pub fn address(v: &Value) -> String {
    format!("0x{:012x}", v.observed_id())
}

impl Vm {
    /// Decimal text of an int, honouring `sys.set_int_max_str_digits`.
    pub fn int_to_decimal(&self, b: &BigInt) -> PyResult<String> {
        let limit = self.interp.int_max_str_digits.load(Ordering::Relaxed);
        if limit > 0 {
            let bits = b.bits();
            // Lower bound on the number of decimal digits.
            let min_digits = ((bits.saturating_sub(1)) as f64 * std::f64::consts::LOG10_2) as usize;
            let error = || {
                value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                ))
            };
            if min_digits > limit {
                return Err(error());
            }
            let s = b.to_string();
            let digits = s.trim_start_matches('-').len();
            if digits > limit {
                return Err(error());
            }
            return Ok(s);
        }
        Ok(b.to_string())
    }

    pub fn repr(&self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Null => "<NULL>".into(),
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => self.int_to_decimal(b)?,
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => str_repr(s.as_str()),
            Value::Bytes(b) => bytes_repr(b),
            Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_) => {
                return self.container_repr(v);
            }
            Value::Range(r) => {
                if r.step == BigIntOrSmall::Small(1) {
                    format!(
                        "range({}, {})",
                        self.repr(&r.start.to_value())?,
                        self.repr(&r.stop.to_value())?
                    )
                } else {
                    format!(
                        "range({}, {}, {})",
                        self.repr(&r.start.to_value())?,
                        self.repr(&r.stop.to_value())?,
                        self.repr(&r.step.to_value())?
                    )
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s.start)?,
                self.repr(&s.stop)?,
                self.repr(&s.step)?
            ),
            Value::Function(f) => format!("<function {} at {}>", f.qualname(), address(v)),
            Value::Builtin(b) => match &b.owner {
                Some(owner) => format!("<method '{}' of '{}' objects>", b.name, owner),
                None => format!("<built-in function {}>", b.name),
            },
            Value::Method(m) => match &m.func {
                Value::Builtin(b) => format!(
                    "<built-in method {} of {} object at {}>",
                    b.name,
                    crate::vm::objects::types::class_of(&m.receiver).tp_name,
                    address(&m.receiver)
                ),
                Value::Function(f) => {
                    format!(
                        "<bound method {} of {}>",
                        f.qualname(),
                        self.repr(&m.receiver)?
                    )
                }
                other => format!("<bound method of {}>", self.repr(other)?),
            },
            Value::Class(_)
                if let Some(r) = self.class_hook(v, "__gilsim_class_repr__", &[])? =>
            {
                return self.str(&r);
            }
            Value::Class(c) => match &*c.module {
                "builtins" => format!("<class '{}'>", c.qualname),
                m => format!("<class '{m}.{}'>", c.qualname),
            },
            Value::Module(m) => match m.dict.get_str("__file__") {
                Some(Value::Str(f)) => format!("<module '{}' from '{}'>", m.name, f.as_str()),
                _ if matches!(m.dict.get_str("__loader__"), Some(Value::None)) => {
                    format!("<module '{}'>", m.name)
                }
                _ => format!("<module '{}' (built-in)>", m.name),
            },
            Value::Generator(g) if let Some(class) = g.stands_for.get() => {
                format!("<{} object at {}>", class.tp_name, address(v))
            }
            Value::Generator(g) => format!(
                "<{} object {} at {}>",
                g.kind.type_name(),
                g.qualname,
                address(v)
            ),
            Value::Iter(i) => format!("<{} object at {}>", i.type_name(), address(v)),
            Value::Code(c) => format!(
                "<code object {} at {}, file \"{}\", line {}>",
                c.name,
                address(v),
                c.filename,
                c.first_line
            ),
            Value::Cell(_) => format!("<cell at {}>", address(v)),
            Value::Instance(_) | Value::Native(_) => return self.user_repr(v),
        })
    }

    fn user_repr(&self, v: &Value) -> PyResult<String> {
        if let Some(r) = self.call_dunder(v, "__repr__", &[])? {
            return match r {
                Value::Str(s) => Ok(s.as_str().to_string()),
                other => Err(type_error(format!(
                    "__repr__ returned non-string (type {})",
                    type_name(&other)
                ))),
            };
        }
        Ok(self.default_object_repr(v))
    }

    /// `<__main__.A object at 0x...>`.
    pub fn default_object_repr(&self, v: &Value) -> String {
        if let Value::Native(n) = v
            && let Some(r) = crate::vm::protocols::builtin_attrs::native_repr(self, n)
        {
            return r;
        }
        let class = class_of(v);
        let module = &*class.module;
        if module == "builtins" {
            format!("<{} object at {}>", class.qualname, address(v))
        } else {
            format!("<{module}.{} object at {}>", class.qualname, address(v))
        }
    }

    fn container_repr(&self, v: &Value) -> PyResult<String> {
        let id = v.identity();
        if self.repr_guard.borrow().contains(&id) {
            return Ok(match v {
                Value::List(_) => "[...]",
                Value::Dict(_) => "{...}",
                Value::Tuple(_) => "(...)",
                _ => "{...}",
            }
            .into());
        }
        // PyObject_Repr's Py_EnterRecursiveCall (Objects/object.c): a 10**6-deep list is a
        // RecursionError at the recursion limit (it was a Rust stack overflow, and before
        // that quadratic in the cycle guard above).
        self.with_native_depth(" while getting the repr of an object", || {
            self.repr_guard.borrow_mut().push(id);
            let r = self.container_repr_inner(v);
            self.repr_guard.borrow_mut().retain(|&x| x != id);
            r
        })
    }

    fn container_repr_inner(&self, v: &Value) -> PyResult<String> {
        let join = |items: &[Value]| -> PyResult<String> {
            let mut parts = Vec::with_capacity(items.len());
            for item in items {
                parts.push(self.repr(item)?);
            }
            Ok(parts.join(", "))
        };
        Ok(match v {
            Value::List(l) => format!("[{}]", join(&l.snapshot())?),
            Value::Tuple(t) => {
                if t.len() == 1 {
                    format!("({},)", self.repr(&t.items[0])?)
                } else {
                    format!("({})", join(&t.items)?)
                }
            }
            Value::Dict(d) => {
                let mut parts = Vec::new();
                for (k, val) in d.items() {
                    parts.push(format!("{}: {}", self.repr(&k)?, self.repr(&val)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(s) => {
                if s.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", join(&s.values())?)
                }
            }
            Value::FrozenSet(s) => {
                if s.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({{{}}})", join(&s.values())?)
                }
            }
            _ => String::new(),
        })
    }

    /// `str(v)`.
    pub fn str(&self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(inst) => {
                if let Some(f) = inst.class.lookup_static("__str__")
                    && !matches!(f, Value::Builtin(_))
                {
                    let r = self.call(&f, std::slice::from_ref(v))?;
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        other => Err(type_error(format!(
                            "__str__ returned non-string (type {})",
                            type_name(&other)
                        ))),
                    };
                }
                if inst.is_exception() {
                    return self.exception_display(v);
                }
                // The builtin base's own repr (not a native class's, as struct_time's).
                if let Some(base) = &inst.base
                    && inst
                        .class
                        .lookup_with_owner("__repr__")
                        .is_some_and(|(r, owner)| {
                            matches!(r, Value::Builtin(_))
                                && inst
                                    .class
                                    .builtin_base
                                    .as_ref()
                                    .is_none_or(|b| std::sync::Arc::ptr_eq(b, &owner))
                        })
                {
                    return self.str(base);
                }
                self.repr(v)
            }
            // A native object whose class defines `__str__` (InterpreterID, ChannelID).
            Value::Native(n) => match n.class.lookup_static("__str__") {
                Some(f) => {
                    let r = self.call(&f, std::slice::from_ref(v))?;
                    match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        _ => self.repr(v),
                    }
                }
                None => self.repr(v),
            },
            _ => self.repr(v),
        }
    }

    /// `str(v)` as a value, reusing `v` when it already is a str.
    pub fn str_value(&self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Str(_) => Ok(v.clone()),
            Value::Int(i) => Ok(Value::int_str(*i)),
            _ => Ok(Value::string(self.str(v)?)),
        }
    }

    /// `ascii(v)`: repr with non-ASCII characters escaped.
    pub fn ascii(&self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        let mut out = String::with_capacity(r.len());
        for c in r.chars() {
            let u = c as u32;
            if u < 0x80 {
                out.push(c);
            } else if u < 0x100 {
                let _ = write!(out, "\\x{u:02x}");
            } else if u < 0x10000 {
                let _ = write!(out, "\\u{u:04x}");
            } else {
                let _ = write!(out, "\\U{u:08x}");
            }
        }
        Ok(out)
    }

    /// `format(v, spec)`.
    pub fn format(&self, v: &Value, spec_text: &str) -> PyResult<String> {
        match v {
            Value::Bool(b) if spec_text.is_empty() => Ok(if *b { "True" } else { "False" }.into()),
            Value::Int(i) if spec_text.is_empty() => Ok(i.to_string()),
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                let b = v.as_bigint().unwrap_or_default();
                if spec_text.is_empty() {
                    return self.int_to_decimal(&b);
                }
                let spec = spec::parse_format_spec(spec_text, type_name(v)).map_err(fmt_error)?;
                if spec.ty.is_none() || matches!(spec.ty, Some('d' | 'n')) {
                    // Decimal output is subject to the int→str digit limit too.
                    self.int_to_decimal(&b)?;
                }
                spec::format_int_as(&b, &spec, type_name(v)).map_err(fmt_error)
            }
            Value::Float(f) => {
                if spec_text.is_empty() {
                    return Ok(float_repr(*f));
                }
                let spec = spec::parse_format_spec(spec_text, "float").map_err(fmt_error)?;
                spec::format_float(*f, &spec).map_err(fmt_error)
            }
            Value::Str(s) => {
                if spec_text.is_empty() {
                    return Ok(s.as_str().to_string());
                }
                let spec = spec::parse_format_spec(spec_text, "str").map_err(fmt_error)?;
                spec::format_str(s.as_str(), &spec).map_err(fmt_error)
            }
            Value::Instance(inst) => {
                if let Some(f @ Value::Function(_)) = inst.class.lookup_static("__format__") {
                    let r = self.call(&f, &[v.clone(), Value::str(spec_text)])?;
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        other => Err(type_error(format!(
                            "__format__ must return a str, not {}",
                            type_name(&other)
                        ))),
                    };
                }
                if let Some(base) = &inst.base {
                    return self.format(base, spec_text);
                }
                self.default_format(v, spec_text)
            }
            _ => self.default_format(v, spec_text),
        }
    }

    /// `object.__format__`: only the empty spec is allowed.
    fn default_format(&self, v: &Value, spec_text: &str) -> PyResult<String> {
        if spec_text.is_empty() {
            return self.str(v);
        }
        Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(v)
        )))
    }

    /// FORMAT_VALUE: conversion (1 str, 2 repr, 3 ascii) then `format` with the spec.
    pub fn format_value(&self, v: Value, conversion: u32, spec: Option<Value>) -> PyResult<Value> {
        // f"{x}" of an int or str with no conversion and no spec: the common case.
        if conversion == 0 && spec.is_none() {
            match &v {
                Value::Str(_) => return Ok(v),
                Value::Int(i) => return Ok(Value::int_str(*i)),
                _ => {}
            }
        }
        let v = match conversion {
            1 => Value::string(self.str(&v)?),
            2 => Value::string(self.repr(&v)?),
            3 => Value::string(self.ascii(&v)?),
            _ => v,
        };
        let spec_text = match &spec {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => String::new(),
        };
        if spec_text.is_empty()
            && let Value::Str(_) = v
        {
            return Ok(v);
        }
        Ok(Value::string(self.format(&v, &spec_text)?))
    }

    /// A value shared by f-strings and `str.format` for a field `{x!r:>8}`.
    pub fn format_field(
        &self,
        v: &Value,
        conversion: Option<char>,
        spec: &str,
    ) -> PyResult<String> {
        let v = match conversion {
            Some('s') => Value::string(self.str(v)?),
            Some('r') => Value::string(self.repr(v)?),
            Some('a') => Value::string(self.ascii(v)?),
            Some(c) => {
                return Err(value_error(format!("Unknown conversion specifier {c}")));
            }
            None => v.clone(),
        };
        self.format(&v, spec)
    }
}
