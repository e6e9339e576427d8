//! CPython's C iterator types that gilsim writes as Python generators (`itertools.chain`,
//! `permutations`...): `_gilsim.iterator_type(func, module, name, extras)` makes the class
//! that calling it constructs, so `type()`, `isinstance()` and the repr
//! (`<itertools.chain object at 0x...>`) are CPython's, while each step is still a
//! generator's resumption (no Python `__next__` per item).

use std::sync::Arc;

use crate::vm::builtins::{native_class, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::function::{Args, BuiltinFunction, NativeCall};
use crate::vm::objects::types::{type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, system_error, type_error};

/// `iterator_type(func, module, name, extras)`: a class `module.name` whose construction
/// calls the generator function `func` and returns its generator as an instance; each
/// `extras` entry (name -> generator function) becomes a constructor of the same type
/// (`chain.from_iterable`).
pub fn iterator_type(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("iterator_type", args, 4, 4)?;
    let (Some(module), Some(name)) = (a[1].as_str(), a[2].as_str()) else {
        return Err(type_error("iterator_type(func, module, name, extras)"));
    };
    let class = native_class(name, module, &[]);
    for method in ["__iter__", "__next__"] {
        if let Some(m) = types().generator.dict.get_str(method) {
            class.dict.set_str(method, m);
        }
    }
    class
        .dict
        .set_str("__new__", constructor(&class, name, a[0].clone()));
    if let Value::Dict(extras) = &a[3] {
        for (key, func) in extras.items() {
            if let Some(extra) = key.as_str() {
                class.dict.set_str(extra, constructor(&class, extra, func));
            }
        }
    }
    Ok(Value::Class(class))
}

/// A native function that calls `func` with its arguments and marks the generator it
/// returns as an instance of `class`.
fn constructor(class: &Arc<Class>, name: &str, func: Value) -> Value {
    Value::Builtin(Arc::new(BuiltinFunction {
        name: name.into(),
        owner: Some(class.tp_name.clone()),
        func: NativeCall::Args(construct),
        bound: Some(Value::tuple(vec![Value::Class(class.clone()), func])),
        needs_frame: false,
    }))
}

fn construct(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((Value::Tuple(bound), rest)) = args.args.split_first() else {
        return Err(system_error("iterator type without its function"));
    };
    let [Value::Class(class), func] = &bound.items[..] else {
        return Err(system_error("iterator type without its class"));
    };
    let made = vm.call_with(
        func,
        Args {
            args: rest,
            kwnames: args.kwnames,
        },
    )?;
    let Value::Generator(g) = &made else {
        return Err(system_error(format!(
            "iterator type {} made a '{}'",
            class.tp_name,
            type_name(&made)
        )));
    };
    let _ = g.stands_for.set(class.clone());
    Ok(made)
}
