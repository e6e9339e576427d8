//! `__slots__`: a class whose every class defines them has instances without a `__dict__`,
//! which take only the attributes named there (CPython's typeobject.c `type_new_slots`).
//! gilsim keeps slot values in the instance dict all the same; what it mirrors is which
//! stores CPython refuses.

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Layout};
use crate::vm::objects::dict::Dict;
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

/// A private name in a class body (`__x` in class `A`) is stored as `_A__x`.
fn mangle(class_name: &str, name: &str) -> String {
    let stripped = class_name.trim_start_matches('_');
    if name.starts_with("__") && !name.ends_with("__") && !stripped.is_empty() {
        format!("_{stripped}{name}")
    } else {
        name.to_string()
    }
}
