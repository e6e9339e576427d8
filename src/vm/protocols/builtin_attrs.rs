//! Data attributes of builtin objects that are not methods: `f.__name__`, `range.start`,
//! `(5).real`, `property.fget`, `m.__self__` ... and reprs of native objects.

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::objects::descriptors::{as_classmethod, as_property, as_staticmethod};
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::types::{class_of, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::PyResult;

impl Vm {
    pub(crate) fn builtin_attribute(&self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(Value::Class(class_of(obj).clone())));
        }
        Ok(match obj {
            Value::Function(f) => {
                if let Some(v) = f.dict.lock().as_ref().and_then(|d| d.get_str(name)) {
                    return Ok(Some(v));
                }
                match name {
                    "__name__" => Some(Value::str(&f.name())),
                    "__qualname__" => Some(Value::str(&f.qualname())),
                    "__module__" => Some(f.module.clone()),
                    "__doc__" => Some(
                        f.code
                            .docstring
                            .as_ref()
                            .map_or(Value::None, |d| Value::str(d)),
                    ),
                    "__dict__" => Some(Value::Dict(f.attr_dict())),
                    "__defaults__" => Some(if f.defaults.is_empty() {
                        Value::None
                    } else {
                        Value::tuple(f.defaults.clone())
                    }),
                    "__kwdefaults__" => Some(f.kwdefaults.clone().map_or(Value::None, Value::Dict)),
                    "__globals__" => Some(Value::Dict(f.globals.clone())),
                    "__annotations__" => {
                        Some(Value::Dict(f.annotations.clone().unwrap_or_else(|| {
                            Arc::new(crate::vm::objects::dict::Dict::new())
                        })))
                    }
                    "__code__" => Some(Value::Code(f.code.clone())),
                    _ => None,
                }
            }
            Value::Builtin(b) => match name {
                "__name__" | "__qualname__" => Some(Value::str(&b.name)),
                "__self__" => Some(b.bound.clone().unwrap_or(Value::None)),
                "__doc__" => Some(Value::None),
                "__module__" => Some(Value::str("builtins")),
                _ => None,
            },
            Value::Method(m) => match name {
                "__self__" => Some(m.receiver.clone()),
                // A bound builtin is one object in CPython, with no function inside.
                "__func__" if !matches!(m.func, Value::Builtin(_)) => Some(m.func.clone()),
                "__func__" => None,
                _ => return self.getattr_opt(&m.func, name),
            },
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => match name {
                "real" | "numerator" => Some(match obj {
                    Value::Bool(b) => Value::Int(i64::from(*b)),
                    other => other.clone(),
                }),
                "imag" => Some(Value::Int(0)),
                "denominator" => Some(Value::Int(1)),
                _ => None,
            },
            Value::Float(f) => match name {
                "real" => Some(Value::Float(*f)),
                "imag" => Some(Value::Float(0.0)),
                _ => None,
            },
            Value::Range(r) => match name {
                "start" => Some(r.start.to_value()),
                "stop" => Some(r.stop.to_value()),
                "step" => Some(r.step.to_value()),
                _ => None,
            },
            Value::Slice(s) => match name {
                "start" => Some(s.start.clone()),
                "stop" => Some(s.stop.clone()),
                "step" => Some(s.step.clone()),
                _ => None,
            },
            Value::Generator(g) => generator_attribute(g, name),
            Value::Code(c) => match name {
                "co_name" => Some(Value::str(&c.name)),
                "co_filename" => Some(Value::str(&c.filename)),
                "co_firstlineno" => Some(Value::Int(i64::from(c.first_line))),
                "co_argcount" => Some(Value::Int(i64::from(c.argcount))),
                "co_flags" => Some(Value::Int(i64::from(cpython_co_flags(c.flags)))),
                "co_varnames" => Some(Value::tuple(
                    c.varnames.iter().map(|n| Value::str(n)).collect(),
                )),
                _ => None,
            },
            Value::Native(n) if name == "__isabstractmethod__" => {
                return self.descriptor_is_abstract(n);
            }
            Value::Native(n) => native_data_attribute(n, name),
            _ => None,
        })
    }

    /// `__isabstractmethod__` of a property (any of its functions is abstract), a
    /// staticmethod or a classmethod (its function is), as Objects/descrobject.c and
    /// funcobject.c answer: what lets `abc` see `@property @abstractmethod`. None for any
    /// other native object.
    fn descriptor_is_abstract(&self, n: &NativeObject) -> PyResult<Option<Value>> {
        use crate::vm::objects::descriptors::{ClassMethod, Property, StaticMethod};
        let funcs: Vec<&Value> = if let Some(p) = n.downcast::<Property>() {
            vec![&p.fget, &p.fset, &p.fdel]
        } else if let Some(sm) = n.downcast::<StaticMethod>() {
            vec![&sm.0]
        } else if let Some(cm) = n.downcast::<ClassMethod>() {
            vec![&cm.0]
        } else {
            return Ok(None);
        };
        for f in funcs {
            if let Some(flag) = self.getattr_opt(f, "__isabstractmethod__")?
                && self.is_true(&flag)?
            {
                return Ok(Some(Value::Bool(true)));
            }
        }
        Ok(Some(Value::Bool(false)))
    }
}

/// `co_flags` as CPython spells it: gilsim marks an async generator's code with both
/// CO_GENERATOR and CO_COROUTINE, CPython with CO_ASYNC_GENERATOR (0x200) alone.
fn cpython_co_flags(flags: u32) -> u32 {
    use crate::compiler::bytecode::flags::{COROUTINE, GENERATOR};
    if flags & (COROUTINE | GENERATOR) == COROUTINE | GENERATOR {
        (flags & !(COROUTINE | GENERATOR)) | 0x200
    } else {
        flags
    }
}

/// Data attributes of generators, coroutines (`cr_*`) and async generators (`ag_*`).
fn generator_attribute(g: &crate::vm::objects::generator::Generator, name: &str) -> Option<Value> {
    use crate::vm::objects::generator::GenKind;
    let prefix = match g.kind {
        GenKind::Generator => "gi_",
        GenKind::Coroutine => "cr_",
        GenKind::AsyncGenerator => "ag_",
    };
    if name == "__name__" {
        return Some(Value::str(&g.name));
    }
    if name == "__qualname__" {
        return Some(Value::str(&g.qualname));
    }
    if name == "_gilsim_lineno" {
        // What asyncio's Task repr reads as `cr_frame.f_lineno` (gilsim has no frame objects).
        return Some(
            g.current_line()
                .map_or(Value::None, |l| Value::Int(i64::from(l))),
        );
    }
    let field = name.strip_prefix(prefix)?;
    match field {
        "running" => Some(Value::Bool(g.is_running())),
        // gilsim has no frame objects: the suspended frame shows as True-ish `...` until
        // the coroutine finishes, then None, which is what code tests it for.
        "frame" => Some(if g.is_finished() {
            Value::None
        } else {
            Value::Ellipsis
        }),
        "await" | "yieldfrom" => Some(g.awaiting().unwrap_or(Value::None)),
        "code" => Some(Value::Code(g.code.clone())),
        "suspended" => Some(Value::Bool(
            g.is_started() && !g.is_finished() && !g.is_running(),
        )),
        _ => None,
    }
}

fn native_data_attribute(n: &NativeObject, name: &str) -> Option<Value> {
    if let Some(p) = n.downcast::<crate::vm::objects::descriptors::Property>() {
        return match name {
            "fget" => Some(p.fget.clone()),
            "fset" => Some(p.fset.clone()),
            "fdel" => Some(p.fdel.clone()),
            "__doc__" => Some(p.doc.clone()),
            _ => None,
        };
    }
    if let Some(sm) = n.downcast::<crate::vm::objects::descriptors::StaticMethod>() {
        return (name == "__func__").then(|| sm.0.clone());
    }
    if let Some(cm) = n.downcast::<crate::vm::objects::descriptors::ClassMethod>() {
        return (name == "__func__").then(|| cm.0.clone());
    }
    // The standard library's native objects with data attributes (`ChannelID.send` ...).
    crate::stdlib::native_attribute(n, name)
}

/// Assignment to attributes of builtin objects; Ok(false) when not allowed.
pub fn set_native_attribute(_vm: &Vm, obj: &Value, name: &str, value: &Value) -> PyResult<bool> {
    let _ = (obj, name, value);
    Ok(false)
}

/// Reprs of native objects that differ from `<X object at 0x...>`.
pub fn native_repr(vm: &Vm, n: &Arc<NativeObject>) -> Option<String> {
    let v = Value::Native(n.clone());
    if as_property(&v).is_some() {
        return Some(format!(
            "<property object at {}>",
            crate::vm::protocols::convert::address(&v)
        ));
    }
    if let Some(sm) = as_staticmethod(&v) {
        return Some(format!("<staticmethod({})>", vm.repr(&sm.0).ok()?));
    }
    if let Some(cm) = as_classmethod(&v) {
        return Some(format!("<classmethod({})>", vm.repr(&cm.0).ok()?));
    }
    if Arc::ptr_eq(&n.class, &types().super_) {
        return Some("<super object>".into());
    }
    None
}
