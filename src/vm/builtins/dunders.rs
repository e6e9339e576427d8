//! Special methods of builtin types (`list.__len__`, `int.__add__`, `dict.__getitem__` ...).
//! The VM's fast paths never call them; they exist for explicit calls (`[].__len__()`) and for
//! subclasses of builtin types, whose instances wrap a builtin value (`class_::unwrap_base`).

use super::{add_methods, method, positional};
use crate::compiler::bytecode::{BinaryOp, CompareOp};
use crate::vm::context::Vm;
use crate::vm::objects::class::{Instance, unwrap_base};
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::types::{Types, class_of};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error};

macro_rules! binary_dunders {
    ($( $name:ident, $rname:ident => $op:expr ),* $(,)?) => {
        $(
            fn $name(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
                let a = positional("dunder", args, 2, 2)?;
                vm.binary_op(unwrap_base(&a[0]).clone(), unwrap_base(&a[1]).clone(), $op)
            }
            fn $rname(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
                let a = positional("dunder", args, 2, 2)?;
                vm.binary_op(unwrap_base(&a[1]).clone(), unwrap_base(&a[0]).clone(), $op)
            }
        )*
    };
}

binary_dunders! {
    add, radd => BinaryOp::Add,
    sub, rsub => BinaryOp::Subtract,
    mul, rmul => BinaryOp::Multiply,
    truediv, rtruediv => BinaryOp::TrueDivide,
    floordiv, rfloordiv => BinaryOp::FloorDivide,
    modulo, rmodulo => BinaryOp::Remainder,
    power, rpower => BinaryOp::Power,
    and, rand => BinaryOp::And,
    or, ror => BinaryOp::Or,
    xor, rxor => BinaryOp::Xor,
    lshift, rlshift => BinaryOp::Lshift,
    rshift, rrshift => BinaryOp::Rshift,
}

macro_rules! compare_dunders {
    ($( $name:ident => $op:expr ),* $(,)?) => {
        $(
            fn $name(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
                let a = positional("dunder", args, 2, 2)?;
                vm.rich_compare(unwrap_base(&a[0]), unwrap_base(&a[1]), $op)
            }
        )*
    };
}

compare_dunders! {
    eq => CompareOp::Eq,
    ne => CompareOp::Ne,
    lt => CompareOp::Lt,
    le => CompareOp::Le,
    gt => CompareOp::Gt,
    ge => CompareOp::Ge,
}

fn receiver(args: &Args<'_>) -> PyResult<Value> {
    args.args
        .first()
        .map(|v| unwrap_base(v).clone())
        .ok_or_else(|| type_error("descriptor needs an argument"))
}

fn len(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(vm.len(&receiver(&args)?)? as i64))
}

fn iter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    vm.get_iter(&receiver(&args)?)
}

fn repr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::string(vm.repr(&receiver(&args)?)?))
}

fn str_(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::string(vm.str(&receiver(&args)?)?))
}

fn hash(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    vm.hash_value(&receiver(&args)?).map(Value::Int)
}

fn bool_(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    vm.is_true(&receiver(&args)?).map(Value::Bool)
}

fn contains(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("__contains__", args, 2, 2)?;
    vm.contains(unwrap_base(&a[0]), &a[1]).map(Value::Bool)
}

/// `dict.__getitem__` of a subclass consults `__missing__` (Objects/dictobject.c `dict_subscript`).
fn getitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("__getitem__", args, 2, 2)?;
    let base = unwrap_base(&a[0]);
    match vm.getitem(base, &a[1]) {
        Err(e)
            if matches!(base, Value::Dict(_))
                && e.is_instance_of(&crate::vm::objects::types::types().exc.key_error)
                && matches!(&a[0], Value::Instance(_)) =>
        {
            match class_of(&a[0]).lookup_static("__missing__") {
                Some(missing) => vm.call(&missing, &[a[0].clone(), a[1].clone()]),
                None => Err(e),
            }
        }
        other => other,
    }
}

fn setitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("__setitem__", args, 3, 3)?;
    vm.setitem(unwrap_base(&a[0]), a[1].clone(), a[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("__delitem__", args, 2, 2)?;
    vm.delitem(unwrap_base(&a[0]), &a[1])?;
    Ok(Value::None)
}

fn neg(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    vm.negative(&receiver(&args)?)
}

fn int_(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = receiver(&args)?;
    let int = crate::vm::objects::types::types().int.clone();
    vm.call(&Value::Class(int), &[v])
}

fn float_(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = receiver(&args)?;
    let float = crate::vm::objects::types::types().float.clone();
    vm.call(&Value::Class(float), &[v])
}

fn round(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let round = vm.builtins().get_str("round").unwrap_or(Value::None);
    let mut full: Vec<Value> = args.args.to_vec();
    if let Some(first) = full.first_mut() {
        *first = unwrap_base(first).clone();
    }
    vm.call_with(
        &round,
        Args {
            args: &full,
            kwnames: args.kwnames,
        },
    )
}

fn format(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("__format__", args, 2, 2)?;
    let spec = a[1].as_str().unwrap_or("").to_string();
    Ok(Value::string(vm.format(unwrap_base(&a[0]), &spec)?))
}

/// `list.__init__(self, iterable)` (also dict/set): refills the wrapped container.
fn container_init(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(target) = args.args.first() else {
        return Err(type_error("__init__ needs an argument"));
    };
    let base = unwrap_base(target).clone();
    let rest = super::methods_rest(&args);
    match &base {
        Value::List(l) => {
            let items = match rest.pos().first() {
                Some(v) => vm.collect(v)?,
                None => Vec::new(),
            };
            *l.items.write() = items;
        }
        Value::Dict(d) => {
            if let Some(src) = rest.pos().first() {
                vm.dict_init_from(d, src)?;
            }
            for (k, v) in rest.kwargs() {
                d.set(vm, Value::str(k), v.clone())?;
            }
        }
        Value::Set(s) => {
            s.clear();
            if let Some(src) = rest.pos().first() {
                vm.set_update(s, src)?;
            }
        }
        _ => {}
    }
    Ok(Value::None)
}

/// `int.__new__(cls, ...)`/`str.__new__`/`tuple.__new__`: a subclass instance wrapping the
/// builtin value the remaining arguments build.
fn immutable_new(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.args.first() else {
        return Err(type_error("__new__(X): X is not a type object"));
    };
    let rest = super::methods_rest(&args);
    let Some(base_class) = cls
        .builtin_base
        .clone()
        .or_else(|| cls.is_builtin.then(|| cls.clone()))
    else {
        return Err(type_error(format!(
            "{}.__new__ is not a constructor here",
            cls.name
        )));
    };
    let base = super::constructors::construct(vm, &base_class, rest)?;
    if cls.is_builtin {
        return Ok(base);
    }
    Ok(Value::Instance(Instance::with_base(cls.clone(), base)))
}

pub fn register(t: &Types) {
    let common: &[(&str, NativeFn)] = &[
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__repr__", repr),
        ("__str__", str_),
        ("__hash__", hash),
        ("__bool__", bool_),
        ("__format__", format),
    ];
    let container: &[(&str, NativeFn)] = &[
        ("__len__", len),
        ("__iter__", iter),
        ("__contains__", contains),
    ];
    // Concatenation and repetition: the sequences only (a dict, set or range has neither,
    // so `OrderedDict() + 1` names its own type, as CPython's message does).
    let sequence: &[(&str, NativeFn)] = &[
        ("__add__", add),
        ("__radd__", radd),
        ("__mul__", mul),
        ("__rmul__", rmul),
    ];
    let mutable: &[(&str, NativeFn)] = &[
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__init__", container_init),
    ];
    let number: &[(&str, NativeFn)] = &[
        ("__add__", add),
        ("__radd__", radd),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__truediv__", truediv),
        ("__rtruediv__", rtruediv),
        ("__floordiv__", floordiv),
        ("__rfloordiv__", rfloordiv),
        ("__mod__", modulo),
        ("__rmod__", rmodulo),
        ("__pow__", power),
        ("__rpow__", rpower),
        ("__neg__", neg),
        ("__int__", int_),
        ("__float__", float_),
        ("__round__", round),
    ];
    let bits: &[(&str, NativeFn)] = &[
        ("__and__", and),
        ("__rand__", rand),
        ("__or__", or),
        ("__ror__", ror),
        ("__xor__", xor),
        ("__rxor__", rxor),
        ("__lshift__", lshift),
        ("__rlshift__", rlshift),
        ("__rshift__", rshift),
        ("__rrshift__", rrshift),
    ];
    for cls in [
        &t.list,
        &t.tuple,
        &t.str_,
        &t.bytes,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.range,
    ] {
        add_methods(cls, common);
        add_methods(cls, container);
    }
    for cls in [&t.list, &t.tuple, &t.str_, &t.bytes, &t.dict, &t.range] {
        add_methods(cls, &[("__getitem__", getitem)]);
    }
    for cls in [&t.list, &t.tuple, &t.str_, &t.bytes] {
        add_methods(cls, sequence);
    }
    for cls in [&t.list, &t.dict, &t.set] {
        add_methods(cls, mutable);
    }
    for cls in [&t.int, &t.float, &t.bool_] {
        add_methods(cls, common);
        add_methods(cls, number);
    }
    add_methods(&t.int, bits);
    add_methods(&t.set, bits);
    add_methods(&t.frozenset, bits);
    add_methods(&t.dict, &[("__or__", or), ("__ror__", ror)]);
    add_methods(&t.str_, &[("__mod__", modulo)]);
    for cls in [&t.list, &t.tuple, &t.dict, &t.set, &t.frozenset, &t.type_] {
        cls.dict.set_str(
            "__class_getitem__",
            crate::vm::objects::descriptors::classmethod_of(
                &t.classmethod,
                method(
                    &cls.name,
                    "__class_getitem__",
                    crate::vm::objects::generic_alias::class_getitem,
                ),
            ),
        );
    }
    for cls in [&t.int, &t.float, &t.str_, &t.tuple, &t.frozenset, &t.bytes] {
        cls.dict.set_str(
            "__new__",
            crate::vm::objects::descriptors::staticmethod_of(
                &t.staticmethod,
                method(&cls.name, "__new__", immutable_new),
            ),
        );
    }
}
