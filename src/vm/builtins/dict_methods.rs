//! `dict` methods and the live `dict_keys`/`dict_values`/`dict_items` views
//! (Objects/dictobject.c).

use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, LazyLock};

use super::{add_methods, add_receiver_methods, native, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Layout};
use crate::vm::objects::descriptors::classmethod_of;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::{Args, MethodFn, NativeFn};
use crate::vm::objects::iterators::{DictView, IterObj};
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::types::{type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, key_error, type_error};

pub fn register(cls: &Arc<Class>, classmethod: &Arc<Class>) {
    let methods: &[(&str, MethodFn)] = &[
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("get", get),
        ("setdefault", setdefault),
        ("pop", pop),
        ("popitem", popitem),
        ("update", update),
        ("clear", clear),
        ("copy", copy),
    ];
    add_receiver_methods(cls, methods);
    cls.dict.set_str(
        "fromkeys",
        classmethod_of(classmethod, native("fromkeys", fromkeys)),
    );
}

/// A live view over a dict.
pub struct ViewObj {
    pub dict: Arc<Dict>,
    pub kind: DictView,
}

/// The contents of a `dict_keys`/`dict_values`/`dict_items` view, copied atomically.
pub fn dict_view_snapshot(v: &Value) -> Option<Vec<Value>> {
    let Value::Native(n) = v else {
        return None;
    };
    let view = n.downcast::<ViewObj>()?;
    Some(match view.kind {
        DictView::Keys => view.dict.keys(),
        DictView::Values => view.dict.values(),
        DictView::Items => view
            .dict
            .items()
            .into_iter()
            .map(|(k, v)| Value::tuple(vec![k, v]))
            .collect(),
    })
}

/// A view class; keys and items views compare as sets, so (as in CPython) they are not
/// hashable, while values views hash by identity.
fn view_class(name: &str, hashable: bool) -> Arc<Class> {
    let c = Arc::new(Class::new_builtin(
        name,
        "builtins",
        vec![types().object.clone()],
        Layout::Builtin,
    ));
    let methods: &[(&str, NativeFn)] = &[
        ("__iter__", view_iter),
        ("__len__", view_len),
        ("__contains__", view_contains),
        ("__repr__", view_repr),
        ("__reversed__", view_reversed),
    ];
    add_methods(&c, methods);
    if !hashable {
        c.dict.set_str("__hash__", Value::None);
    }
    c
}

static VIEW_CLASSES: LazyLock<[Arc<Class>; 3]> = LazyLock::new(|| {
    [
        view_class("dict_keys", false),
        view_class("dict_values", true),
        view_class("dict_items", false),
    ]
});

fn recv<'a>(receiver: &'a Value, name: &str) -> PyResult<&'a Arc<Dict>> {
    match crate::vm::objects::class::unwrap_base(receiver) {
        Value::Dict(d) => Ok(d),
        other => Err(type_error(format!(
            "descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object",
            type_name(other)
        ))),
    }
}

fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    super::str_methods::rest(args)
}

fn make_view(d: &Arc<Dict>, kind: DictView) -> Value {
    let class = VIEW_CLASSES[kind as usize].clone();
    Value::Native(Arc::new(NativeObject::new(
        class,
        ViewObj {
            dict: d.clone(),
            kind,
        },
    )))
}

fn keys(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    positional("dict.keys", args, 0, 0)?;
    Ok(make_view(recv(receiver, "keys")?, DictView::Keys))
}

fn values(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    positional("dict.values", args, 0, 0)?;
    Ok(make_view(recv(receiver, "values")?, DictView::Values))
}

fn items(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    positional("dict.items", args, 0, 0)?;
    Ok(make_view(recv(receiver, "items")?, DictView::Items))
}

fn get(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let d = recv(receiver, "get")?;
    let a = positional("get", args, 1, 2)?;
    Ok(d.get(vm, &a[0])?
        .unwrap_or_else(|| a.get(1).cloned().unwrap_or(Value::None)))
}

fn setdefault(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let d = recv(receiver, "setdefault")?;
    let a = positional("setdefault", args, 1, 2)?;
    if let Some(v) = d.get(vm, &a[0])? {
        return Ok(v);
    }
    let v = a.get(1).cloned().unwrap_or(Value::None);
    d.set(vm, a[0].clone(), v.clone())?;
    Ok(v)
}

fn pop(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let d = recv(receiver, "pop")?;
    let a = positional("pop", args, 1, 2)?;
    match d.remove(vm, &a[0])? {
        Some(v) => Ok(v),
        None => a.get(1).cloned().ok_or_else(|| key_error(a[0].clone())),
    }
}

fn popitem(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    positional("dict.popitem", args, 0, 0)?;
    let d = recv(receiver, "popitem")?;
    match d.pop_last() {
        Some((k, v)) => Ok(Value::pair(k, v)),
        None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn update(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let d = recv(receiver, "update")?;
    let r = args;
    let pos = r.pos();
    if pos.len() > 1 {
        return Err(type_error(format!(
            "update expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(src) = pos.first() {
        vm.dict_init_from(d, src)?;
    }
    for (k, v) in r.kwargs() {
        d.set(vm, Value::str(k), v.clone())?;
    }
    Ok(Value::None)
}

fn clear(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    positional("dict.clear", args, 0, 0)?;
    recv(receiver, "clear")?.clear();
    Ok(Value::None)
}

fn copy(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    positional("dict.copy", args, 0, 0)?;
    Ok(Value::Dict(Arc::new(recv(receiver, "copy")?.copy())))
}

fn fromkeys(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("fromkeys", rest(&args), 1, 2)?;
    let value = a.get(1).cloned().unwrap_or(Value::None);
    let d = Arc::new(Dict::new());
    for k in vm.collect(&a[0])? {
        d.set(vm, k, value.clone())?;
    }
    Ok(Value::Dict(d))
}

fn view_recv<'a>(args: &'a Args<'_>) -> PyResult<&'a ViewObj> {
    match args.args.first() {
        Some(Value::Native(n)) => n
            .downcast::<ViewObj>()
            .ok_or_else(|| type_error("expected a dict view")),
        _ => Err(type_error("expected a dict view")),
    }
}

fn view_iter(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = view_recv(&args)?;
    Ok(Value::Iter(Arc::new(IterObj::Dict {
        dict: v.dict.clone(),
        pos: AtomicUsize::new(0),
        len: v.dict.len(),
        view: v.kind,
    })))
}

fn view_len(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(view_recv(&args)?.dict.len() as i64))
}

fn view_contains(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = view_recv(&args)?;
    let a = positional("__contains__", rest(&args), 1, 1)?;
    let found = match v.kind {
        DictView::Keys => v.dict.contains(vm, &a[0])?,
        DictView::Values => {
            let mut found = false;
            for x in v.dict.values() {
                if vm.eq_values(&x, &a[0])? {
                    found = true;
                    break;
                }
            }
            found
        }
        DictView::Items => match &a[0] {
            Value::Tuple(t) if t.len() == 2 => match v.dict.get(vm, &t.items[0])? {
                Some(val) => vm.eq_values(&val, &t.items[1])?,
                None => false,
            },
            _ => false,
        },
    };
    Ok(Value::Bool(found))
}

fn view_repr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = view_recv(&args)?;
    let (name, items) = match v.kind {
        DictView::Keys => ("dict_keys", v.dict.keys()),
        DictView::Values => ("dict_values", v.dict.values()),
        DictView::Items => (
            "dict_items",
            v.dict
                .items()
                .into_iter()
                .map(|(k, x)| Value::tuple(vec![k, x]))
                .collect(),
        ),
    };
    Ok(Value::string(format!(
        "{name}({})",
        vm.repr(&Value::list(items))?
    )))
}

fn view_reversed(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = view_recv(&args)?;
    let mut items: Vec<Value> = match v.kind {
        DictView::Keys => v.dict.keys(),
        DictView::Values => v.dict.values(),
        DictView::Items => v
            .dict
            .items()
            .into_iter()
            .map(|(k, x)| Value::tuple(vec![k, x]))
            .collect(),
    };
    items.reverse();
    let it = &crate::vm::objects::types::types().iters;
    let class = match v.kind {
        DictView::Keys => &it.dict_reversed_keys,
        DictView::Values => &it.dict_reversed_values,
        DictView::Items => &it.dict_reversed_items,
    };
    Ok(Value::Iter(Arc::new(IterObj::snapshot(items, class))))
}
