//! The names CPython's modules have and gilsim's leave out (the table in
//! left_out_table.rs): reading one gives CPython's constant, or a function that raises
//! NotImplementedError naming it when called, or that refusal at once — never the
//! AttributeError a script would take for a typo.

use crate::vm::context::Vm;
use crate::vm::objects::module::Module;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::PyResult;

/// What a left-out name stands for.
pub(crate) enum LeftOut {
    /// A function or class: a stand-in that refuses to run.
    Callable,
    Int(i64),
    Float(f64),
    Str(&'static str),
    Bool(bool),
    /// Anything else (`sys.stdin`, `sys.flags`): refused when read.
    Refused,
}

/// The table's entry for `module.name`.
fn entry(module: &str, name: &str) -> Option<&'static LeftOut> {
    let (_, names) = super::left_out_table::LEFT_OUT
        .iter()
        .find(|(m, _)| *m == module)?;
    let i = names.binary_search_by(|(n, _)| (*n).cmp(name)).ok()?;
    Some(&names[i].1)
}

/// Whether `module.name` is one of the names the table stands in for.
pub(crate) fn is_left_out(module: &str, name: &str) -> bool {
    entry(module, name).is_some()
}

/// `module.name` for a name of CPython's that gilsim leaves out (None for any other name).
/// What it gives is kept in the module, so it is the same object each time.
pub(crate) fn attribute(vm: &Vm, module: &Module, name: &str) -> PyResult<Option<Value>> {
    let Some(entry) = entry(&module.name, name) else {
        return Ok(None);
    };
    let value = match entry {
        LeftOut::Int(i) => Value::Int(*i),
        LeftOut::Float(f) => Value::Float(*f),
        LeftOut::Str(s) => Value::str(s),
        LeftOut::Bool(b) => Value::Bool(*b),
        LeftOut::Callable => {
            let stub = vm.import_module("_gilsim_stub")?;
            let refusal = vm.getattr_str(&stub, "refusal")?;
            vm.call(&refusal, &[Value::str(&module.name), Value::str(name)])?
        }
        LeftOut::Refused => {
            return Err(crate::vm::pyerr::unsupported(&format!(
                "{}.{name}",
                module.name
            )));
        }
    };
    module.set(name, value.clone());
    Ok(Some(value))
}
