//! Builtins CPython has that gilsim does not model, present so that a script meets a clear
//! NotImplementedError naming them rather than a NameError: the types `complex`,
//! `bytearray` and `memoryview` (classes, so `isinstance(x, complex)` still answers, but
//! making one is refused) and the interactive helpers (`help`, `breakpoint`, `copyright`,
//! `credits`, `license`).

use std::sync::{Arc, LazyLock};

use crate::vm::builtins::{native, native_class};
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::Args;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, unsupported};

macro_rules! refusals {
    ($($name:ident),* $(,)?) => {
        $(
            fn $name(_vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
                Err(unsupported(stringify!($name)))
            }
        )*
        /// The refusing functions, by name.
        const FUNCTIONS: &[(&str, crate::vm::objects::function::NativeFn)] =
            &[$((stringify!($name), $name)),*];
    };
}

refusals!(help, breakpoint, copyright, credits, license);

/// A builtin class that cannot be instantiated: its `__new__` refuses by its name.
fn refused_class(name: &'static str, new: crate::vm::objects::function::NativeFn) -> Arc<Class> {
    let c = native_class(name, "builtins", &[]);
    c.dict.set_str("__new__", native("__new__", new));
    c
}

fn new_complex(_vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    // Worded as the SyntaxError of a `1j` literal.
    Err(crate::vm::pyerr::not_implemented_error(
        "complex numbers are not supported by gilsim",
    ))
}

fn new_bytearray(_vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(unsupported("bytearray"))
}

fn new_memoryview(_vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(unsupported("memoryview"))
}

static CLASSES: LazyLock<[Arc<Class>; 3]> = LazyLock::new(|| {
    [
        refused_class("complex", new_complex),
        refused_class("bytearray", new_bytearray),
        refused_class("memoryview", new_memoryview),
    ]
});

pub fn install(b: &Arc<Dict>) {
    for (name, f) in FUNCTIONS {
        b.set_str(name, native(name, *f));
    }
    for class in CLASSES.iter() {
        b.set_str(&class.name, Value::Class(class.clone()));
    }
}
