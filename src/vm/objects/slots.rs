//! `__slots__`: a class whose every class defines them has instances without a `__dict__`,
//! which take only the attributes named there (CPython's typeobject.c `type_new_slots`).
//! gilsim keeps slot values in the instance dict all the same; what it mirrors is which
//! stores CPython refuses, and the member descriptors that `Cls.x` shows.

use std::sync::{Arc, LazyLock};

use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Layout};
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::Args;
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::pystr::PyStr;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error, value_error};

/// The attribute names instances of a new class may have, or None when they have a
/// `__dict__` (no `__slots__` in `ns`, `'__dict__'` among them, or a base with a dict).
pub fn instance_slots(
    vm: &Vm,
    class_name: &str,
    bases: &[Arc<Class>],
    ns: &Dict,
) -> PyResult<Option<Arc<[Arc<PyStr>]>>> {
    let Some(declared) = ns.get_str("__slots__") else {
        return Ok(None);
    };
    let own: Vec<Value> = match &declared {
        Value::Str(_) => vec![declared.clone()],
        other => vm.collect(other)?,
    };
    let mut names: Vec<Arc<PyStr>> = Vec::new();
    let mut has_dict = false;
    for item in &own {
        let Value::Str(s) = item else {
            return Err(type_error(format!(
                "__slots__ items must be strings, not '{}'",
                type_name(item)
            )));
        };
        match s.as_str() {
            "__dict__" => has_dict = true,
            "__weakref__" => {}
            name => {
                let name = mangle(class_name, name);
                if ns.get_str(&name).is_some() {
                    return Err(value_error(format!(
                        "'{name}' in __slots__ conflicts with class variable"
                    )));
                }
                names.push(PyStr::new(&name).into());
            }
        }
    }
    if has_dict {
        return Ok(None);
    }
    for base in bases {
        match &base.slots {
            Some(inherited) => names.extend(inherited.iter().cloned()),
            // Builtin types other than exceptions have no instance dict to inherit.
            None if base.is_builtin && base.layout != Layout::Exception => {}
            None => return Ok(None),
        }
    }
    Ok(Some(names.into()))
}

/// Whether an instance of `class` may take attribute `name` into its dict.
#[inline]
pub fn may_store(class: &Class, name: &PyStr) -> bool {
    class
        .slots
        .as_ref()
        .is_none_or(|slots| slots.iter().any(|s| s.as_str() == name.as_str()))
}

/// What `Cls.x` gives for a slot `x`: CPython's member descriptor, whose repr names the
/// class that declared it (`<member 'x' of 'Point' objects>`), and whose `__get__`,
/// `__set__` and `__delete__` reach the instance's slot. Made when asked for: gilsim keeps
/// slot values in the instance dict, so instances never look it up.
pub fn member_descriptor(cls: &Arc<Class>, name: &str) -> Option<Value> {
    let declares = |c: &Arc<Class>| {
        c.slots
            .as_ref()
            .is_some_and(|slots| slots.iter().any(|s| s.as_str() == name))
    };
    if !declares(cls) {
        return None;
    }
    // Subclasses list their bases' slots too: the most basic class holding it declared it.
    let owner = cls.full_mro().into_iter().rev().find(declares)?;
    let member = Member {
        owner: owner.name.to_string(),
        name: PyStr::new(name).into(),
    };
    Some(Value::Native(Arc::new(NativeObject::new(
        MEMBER_DESCRIPTOR.clone(),
        member,
    ))))
}

struct Member {
    owner: String,
    name: Arc<PyStr>,
}

static MEMBER_DESCRIPTOR: LazyLock<Arc<Class>> = LazyLock::new(|| {
    crate::vm::builtins::native_class(
        "member_descriptor",
        "builtins",
        &[
            ("__get__", member_get),
            ("__set__", member_set),
            ("__delete__", member_delete),
            ("__repr__", member_repr),
        ],
    )
});

/// The descriptor and the arguments after it.
fn member_args<'a>(args: &'a Args<'_>, method: &str) -> PyResult<(&'a Member, &'a [Value])> {
    let member = match args.args.first() {
        Some(Value::Native(n)) => n.downcast::<Member>(),
        _ => None,
    };
    let member = member.ok_or_else(|| {
        type_error(format!(
            "descriptor '{method}' requires a 'member_descriptor' object"
        ))
    })?;
    Ok((member, &args.args[1..]))
}

fn member_get(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (member, rest) = member_args(&args, "__get__")?;
    match rest.first() {
        None | Some(Value::None) => Ok(args.args[0].clone()),
        Some(obj) => vm.getattr(obj, &member.name),
    }
}

fn member_set(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (member, rest) = member_args(&args, "__set__")?;
    let [obj, value] = rest else {
        return Err(type_error(format!(
            "expected 2 arguments, got {}",
            rest.len()
        )));
    };
    vm.setattr(obj, &member.name, value.clone())?;
    Ok(Value::None)
}

fn member_delete(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (member, rest) = member_args(&args, "__delete__")?;
    let [obj] = rest else {
        return Err(type_error(format!(
            "expected 1 argument, got {}",
            rest.len()
        )));
    };
    vm.delattr(obj, &member.name)?;
    Ok(Value::None)
}

fn member_repr(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (member, _) = member_args(&args, "__repr__")?;
    Ok(Value::string(format!(
        "<member '{}' of '{}' objects>",
        member.name.as_str(),
        member.owner
    )))
}

/// A private name in a class body (`__x` in class `A`) is stored as `_A__x`.
fn mangle(class_name: &str, name: &str) -> String {
    let stripped = class_name.trim_start_matches('_');
    if name.starts_with("__") && !name.ends_with("__") && !stripped.is_empty() {
        format!("_{stripped}{name}")
    } else {
        name.to_string()
    }
}
