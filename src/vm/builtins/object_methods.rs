//! Methods of `object`, `BaseException`, `property`, generators and `type` — the defaults user
//! classes inherit.

use std::sync::Arc;

use super::{add_methods, method, positional};
use crate::vm::context::Vm;
use crate::vm::eval::Resume;
use crate::vm::objects::class::{Instance, Layout};
use crate::vm::objects::descriptors::{Property, as_property, new_property};
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::generator::GenStep;
use crate::vm::objects::types::{Types, class_of, type_name};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error};

pub fn register(t: &Types) {
    let object: &[(&str, NativeFn)] = &[
        ("__init__", object_init),
        ("__repr__", object_repr),
        ("__str__", object_str),
        ("__eq__", object_eq),
        ("__ne__", object_ne),
        ("__hash__", object_hash),
        ("__format__", object_format),
        ("__setattr__", object_setattr),
        ("__getattribute__", object_getattribute),
        ("__delattr__", object_delattr),
    ];
    add_methods(&t.object, object);
    t.object.dict.set_str(
        "__new__",
        crate::vm::objects::descriptors::staticmethod_of(
            &t.staticmethod,
            method("object", "__new__", object_new),
        ),
    );
    t.object.dict.set_str(
        "__init_subclass__",
        crate::vm::objects::descriptors::classmethod_of(
            &t.classmethod,
            method("object", "__init_subclass__", object_init_subclass),
        ),
    );
    let exc: &[(&str, NativeFn)] = &[
        ("__init__", exc_init),
        ("__repr__", exc_repr),
        ("__str__", exc_str),
        ("with_traceback", exc_with_traceback),
        ("add_note", exc_add_note),
    ];
    add_methods(&t.exc.base_exception, exc);
    let prop: &[(&str, NativeFn)] = &[
        ("setter", prop_setter),
        ("getter", prop_getter),
        ("deleter", prop_deleter),
    ];
    add_methods(&t.property, prop);
    let gen_methods: &[(&str, NativeFn)] = &[
        ("send", gen_send),
        ("throw", gen_throw),
        ("close", gen_close),
        ("__next__", gen_next),
        ("__iter__", identity),
    ];
    add_methods(&t.generator, gen_methods);
    for class in std::iter::once(&t.iterator).chain(t.iters.all()) {
        add_methods(class, &[("__iter__", identity), ("__next__", iter_next)]);
    }
    add_methods(&t.type_, &[("mro", type_mro)]);
}

fn receiver(args: &Args<'_>) -> PyResult<Value> {
    args.args
        .first()
        .cloned()
        .ok_or_else(|| type_error("descriptor needs an argument"))
}

fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    super::str_methods::rest(args)
}

/// `object.__new__(cls, *args)`: a bare instance of `cls` (what user `__new__`s call).
fn object_new(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(first) = args.args.first() else {
        return Err(type_error("object.__new__(): not enough arguments"));
    };
    let Value::Class(cls) = first else {
        return Err(type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            type_name(first)
        )));
    };
    if cls.layout == Layout::Exception {
        let rest: Vec<Value> = args.pos()[1..].to_vec();
        return Ok(Value::Instance(Instance::new_exception(cls.clone(), rest)));
    }
    if let Some(base) = &cls.builtin_base {
        let base_value = super::constructors::construct(vm, base, Args::positional(&[]))?;
        return Ok(Value::Instance(Instance::with_base(
            cls.clone(),
            base_value,
        )));
    }
    if cls.is_builtin && !Arc::ptr_eq(cls, &crate::vm::objects::types::types().object) {
        return Err(type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            cls.name, cls.name
        )));
    }
    Ok(Value::Instance(Instance::new(cls.clone())))
}

fn object_init(_vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_init_subclass(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error(
            "object.__init_subclass__() takes no keyword arguments",
        ));
    }
    Ok(Value::None)
}

fn object_repr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = receiver(&args)?;
    Ok(Value::string(vm.default_object_repr(&v)))
}

fn object_str(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = receiver(&args)?;
    Ok(Value::string(vm.repr(&v)?))
}

fn object_eq(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("__eq__", args, 2, 2)?;
    Ok(if a[0].is(&a[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

fn object_ne(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("__ne__", args, 2, 2)?;
    match vm.call_dunder(&a[0], "__eq__", &a[1..])? {
        Some(Value::NotImplemented) | None => Ok(Value::NotImplemented),
        Some(r) => Ok(Value::Bool(!vm.is_true(&r)?)),
    }
}

fn object_hash(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = receiver(&args)?;
    Ok(Value::Int((v.observed_id() >> 4) as i64))
}

fn object_format(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("__format__", args, 2, 2)?;
    match &a[1] {
        Value::Str(s) if s.as_str().is_empty() => Ok(Value::string(vm.str(&a[0])?)),
        _ => Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(&a[0])
        ))),
    }
}

fn object_setattr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("__setattr__", args, 3, 3)?;
    let Value::Str(name) = &a[1] else {
        return Err(type_error("attribute name must be string"));
    };
    vm.generic_setattr(&a[0], name, a[2].clone())?;
    Ok(Value::None)
}

fn object_getattribute(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("__getattribute__", args, 2, 2)?;
    let Value::Str(name) = &a[1] else {
        return Err(type_error("attribute name must be string"));
    };
    vm.getattr(&a[0], name)
}

fn object_delattr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("__delattr__", args, 2, 2)?;
    let Value::Str(name) = &a[1] else {
        return Err(type_error("attribute name must be string"));
    };
    vm.generic_delattr(&a[0], name)?;
    Ok(Value::None)
}

fn exc_init(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if let Some(Value::Instance(inst)) = args.args.first()
        && let Some(data) = inst.exc_data()
    {
        data.lock().args = rest(&args).pos().to_vec();
    }
    Ok(Value::None)
}

fn exc_repr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = receiver(&args)?;
    let Value::Instance(inst) = &v else {
        return Ok(Value::string(vm.repr(&v)?));
    };
    let exc_args = inst
        .exc_data()
        .map(|d| d.lock().args.clone())
        .unwrap_or_default();
    let name = &inst.class.name;
    Ok(Value::string(if exc_args.len() == 1 {
        format!("{name}({})", vm.repr(&exc_args[0])?)
    } else {
        let inner = vm.repr(&Value::tuple(exc_args))?;
        format!("{name}{inner}")
    }))
}

fn exc_str(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = receiver(&args)?;
    let Value::Instance(inst) = &v else {
        return Ok(Value::string(vm.str(&v)?));
    };
    let exc_args = inst
        .exc_data()
        .map(|d| d.lock().args.clone())
        .unwrap_or_default();
    Ok(Value::string(match exc_args.len() {
        0 => String::new(),
        1 => vm.str(&exc_args[0])?,
        _ => vm.repr(&Value::tuple(exc_args))?,
    }))
}

fn exc_with_traceback(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    receiver(&args)
}

/// `BaseException.add_note(note)` (3.11): appends to `__notes__`, which tracebacks print
/// after the message (Objects/exceptions.c `BaseException_add_note`).
fn exc_add_note(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Value::Instance(exc) = receiver(&args)? else {
        return Err(type_error("add_note() needs an exception"));
    };
    let a = positional("add_note", rest(&args), 1, 1)?;
    let Value::Str(_) = &a[0] else {
        let got = crate::vm::objects::types::type_name(&a[0]);
        return Err(type_error(
            if vm.interp.runtime.options.like >= Some(crate::runtime::PyVersion(3, 14)) {
                format!("add_note() argument must be str, not {got}")
            } else {
                format!("note must be a str, not '{got}'")
            },
        ));
    };
    match exc.dict.get_str("__notes__") {
        Some(Value::List(notes)) => notes.items.write().push(a[0].clone()),
        Some(_) => return Err(type_error("Cannot add note: __notes__ is not a list")),
        None => exc
            .dict
            .set_str("__notes__", Value::list(vec![a[0].clone()])),
    }
    Ok(Value::None)
}

fn prop_recv(args: &Args<'_>) -> PyResult<Property> {
    args.args
        .first()
        .and_then(as_property)
        .cloned()
        .ok_or_else(|| type_error("descriptor requires a 'property' object"))
}

fn prop_setter(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let mut p = prop_recv(&args)?;
    let a = positional("setter", rest(&args), 1, 1)?;
    p.fset = a[0].clone();
    Ok(new_property(p))
}

fn prop_getter(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let mut p = prop_recv(&args)?;
    let a = positional("getter", rest(&args), 1, 1)?;
    p.fget = a[0].clone();
    Ok(new_property(p))
}

fn prop_deleter(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let mut p = prop_recv(&args)?;
    let a = positional("deleter", rest(&args), 1, 1)?;
    p.fdel = a[0].clone();
    Ok(new_property(p))
}

/// The generator (or coroutine, also behind its `__await__` wrapper) a method runs on.
fn gen_recv(args: &Args<'_>) -> PyResult<Arc<crate::vm::objects::generator::Generator>> {
    args.args
        .first()
        .and_then(super::coro_methods::generator_of)
        .ok_or_else(|| type_error("descriptor requires a 'generator' object"))
}

pub(super) fn gen_send(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let g = gen_recv(&args)?;
    let a = positional("send", rest(&args), 1, 1)?;
    vm.gen_send(&g, a[0].clone())
}

pub(super) fn gen_throw(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let g = gen_recv(&args)?;
    let a = positional("throw", rest(&args), 1, 3)?;
    let err = throw_arg(vm, a)?;
    match vm.gen_resume(&g, Resume::Throw(err))? {
        GenStep::Yield(v) => Ok(v),
        GenStep::Return(r) => Err(crate::vm::pyerr::stop_iteration(
            (!r.is_none()).then_some(r),
        )),
    }
}

/// The exception `throw(typ[, val[, tb]])` raises inside the generator.
pub(super) fn throw_arg(vm: &Vm, a: &[Value]) -> PyResult<crate::vm::pyerr::PyErr> {
    let exc = match (&a[0], a.get(1)) {
        (Value::Class(c), Some(v)) if !v.is_none() => {
            if matches!(v, Value::Instance(_)) && class_of(v).is_subclass(c) {
                v.clone()
            } else {
                vm.call(&a[0], std::slice::from_ref(v))?
            }
        }
        (v, _) => v.clone(),
    };
    vm.make_exception(exc)
}

pub(super) fn gen_close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let g = gen_recv(&args)?;
    vm.gen_close(&g)?;
    Ok(Value::None)
}

pub(super) fn gen_next(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let g = gen_recv(&args)?;
    vm.gen_send(&g, Value::None)
}

fn identity(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    receiver(&args)
}

fn iter_next(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let it = receiver(&args)?;
    vm.iter_next(&it)?
        .ok_or_else(|| crate::vm::pyerr::stop_iteration(None))
}

fn type_mro(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    match args.args.first() {
        Some(Value::Class(c)) => Ok(Value::list(
            c.full_mro().into_iter().map(Value::Class).collect(),
        )),
        _ => Err(type_error("descriptor 'mro' requires a 'type' object")),
    }
}
