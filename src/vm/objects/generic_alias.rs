//! `list[int]`, `dict[str, int]` ...: `types.GenericAlias` objects, so annotations that are
//! evaluated (module and class level, `def` signatures) work as in CPython 3.9+.

use std::sync::{Arc, LazyLock};

use crate::vm::builtins::method;
use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Layout};
use crate::vm::objects::function::Args;
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::types::types;
use crate::vm::objects::union_type::{union_or, union_ror};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error};

pub struct GenericAlias {
    pub origin: Value,
    pub args: Vec<Value>,
}

static GENERIC_ALIAS: LazyLock<Arc<Class>> = LazyLock::new(|| {
    let c = Arc::new(Class::new_builtin(
        "GenericAlias",
        "types",
        vec![types().object.clone()],
        Layout::Builtin,
    ));
    c.dict
        .set_str("__repr__", method("GenericAlias", "__repr__", alias_repr));
    c.dict
        .set_str("__call__", method("GenericAlias", "__call__", alias_call));
    c.dict.set_str(
        "__getattr__",
        method("GenericAlias", "__getattr__", alias_getattr),
    );
    c.dict.set_str(
        "__mro_entries__",
        method("GenericAlias", "__mro_entries__", alias_mro_entries),
    );
    c.dict
        .set_str("__or__", method("GenericAlias", "__or__", union_or));
    c.dict
        .set_str("__ror__", method("GenericAlias", "__ror__", union_ror));
    c
});

/// `cls[key]` for the builtin generic classes.
pub fn class_getitem(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (Some(origin), Some(key)) = (args.args.first(), args.args.get(1)) else {
        return Err(type_error("__class_getitem__ needs a class and a key"));
    };
    let alias_args = match key {
        Value::Tuple(t) => t.items.to_vec(),
        other => vec![other.clone()],
    };
    Ok(Value::Native(Arc::new(NativeObject::new(
        GENERIC_ALIAS.clone(),
        GenericAlias {
            origin: origin.clone(),
            args: alias_args,
        },
    ))))
}

/// Whether `v` is a `types.GenericAlias` (`list[int]`).
pub fn is_generic_alias(v: &Value) -> bool {
    matches!(v, Value::Native(n) if n.downcast::<GenericAlias>().is_some())
}

fn recv<'a>(args: &'a Args<'_>) -> PyResult<&'a GenericAlias> {
    match args.args.first() {
        Some(Value::Native(n)) => n
            .downcast::<GenericAlias>()
            .ok_or_else(|| type_error("expected a GenericAlias")),
        _ => Err(type_error("expected a GenericAlias")),
    }
}

/// How `typing` shows a type inside an alias: `int`, `mod.Class`, or the repr.
pub(crate) fn type_repr(vm: &Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Class(c) if &*c.module == "builtins" => Ok(c.qualname.to_string()),
        Value::Class(c) => Ok(format!("{}.{}", c.module, c.qualname)),
        Value::Ellipsis => Ok("...".into()),
        other => vm.repr(other),
    }
}

fn alias_repr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = recv(&args)?;
    let parts: Vec<String> = a
        .args
        .iter()
        .map(|x| type_repr(vm, x))
        .collect::<PyResult<_>>()?;
    Ok(Value::string(format!(
        "{}[{}]",
        type_repr(vm, &a.origin)?,
        parts.join(", ")
    )))
}

/// `class L(list[int])` subclasses list (PEP 560).
fn alias_mro_entries(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = recv(&args)?;
    Ok(Value::tuple(vec![a.origin.clone()]))
}

fn alias_call(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = recv(&args)?;
    let rest = crate::vm::builtins::methods_rest(&args);
    vm.call_with(&a.origin, rest)
}

fn alias_getattr(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = recv(&args)?;
    match args.args.get(1).and_then(Value::as_str) {
        Some("__origin__") => Ok(a.origin.clone()),
        Some("__args__") => Ok(Value::tuple(a.args.clone())),
        Some(name) => Err(crate::vm::pyerr::attribute_error(format!(
            "'types.GenericAlias' object has no attribute '{name}'"
        ))),
        None => Err(type_error("attribute name must be string")),
    }
}
