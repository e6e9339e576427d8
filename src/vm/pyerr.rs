//! Raised exceptions: `PyErr` (an exception instance in flight), traceback entries, and the
//! per-exception data CPython keeps in `PyBaseExceptionObject`.

use std::sync::Arc;

use crate::vm::objects::class::{Class, Instance};
use crate::vm::objects::value::Value;

/// One line of a traceback: `File "x.py", line 3, in f`.
#[derive(Debug, Clone)]
pub struct TracebackEntry {
    pub filename: Arc<str>,
    pub line: u32,
    pub name: Arc<str>,
    /// The failing instruction's expression, which the traceback underlines.
    pub position: Option<crate::compiler::bytecode::Position>,
}

#[derive(Debug, Default)]
pub struct ExcData {
    pub args: Vec<Value>,
    /// Innermost frame *first* (entries are appended while unwinding, which keeps deep
    /// recursion linear); `traceback_outermost_first` gives CPython's printing order.
    pub traceback: Vec<TracebackEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    /// An exception group's sub-exceptions (`BaseExceptionGroup.exceptions`).
    pub group: Option<Vec<Value>>,
}

/// An exception being raised: the exception instance (always a BaseException subclass).
#[derive(Debug, Clone)]
pub struct PyErr {
    pub exc: Arc<Instance>,
}

pub type PyResult<T> = Result<T, PyErr>;

impl ExcData {
    /// The traceback in the order CPython prints it (most recent call last).
    pub fn traceback_outermost_first(&self) -> Vec<TracebackEntry> {
        self.traceback.iter().rev().cloned().collect()
    }
}

impl PyErr {
    pub fn new(exc: Arc<Instance>) -> PyErr {
        PyErr { exc }
    }

    /// A new exception of `class` with the given args (no `__init__` runs: native raise).
    pub fn with_args(class: &Arc<Class>, args: Vec<Value>) -> PyErr {
        let inst = Instance::new_exception(class.clone(), args);
        PyErr { exc: inst }
    }

    pub fn msg(class: &Arc<Class>, msg: impl Into<String>) -> PyErr {
        PyErr::with_args(class, vec![Value::string(msg.into())])
    }

    pub fn value(&self) -> Value {
        Value::Instance(self.exc.clone())
    }

    /// Runs `f` on the exception's data (every raised object is a BaseException instance).
    pub fn with_data<R: Default>(&self, f: impl FnOnce(&mut ExcData) -> R) -> R {
        match self.exc.exc_data() {
            Some(d) => f(&mut d.lock()),
            None => R::default(),
        }
    }

    pub fn is_instance_of(&self, class: &Arc<Class>) -> bool {
        self.exc.class.is_subclass(class)
    }

    pub fn args(&self) -> Vec<Value> {
        self.with_data(|d| d.args.clone())
    }

    pub fn push_traceback(&self, entry: TracebackEntry) {
        self.with_data(|d| d.traceback.push(entry));
    }
}

macro_rules! error_constructors {
    ($( $fn_name:ident => $field:ident ),* $(,)?) => {
        $(
            pub fn $fn_name(msg: impl Into<String>) -> PyErr {
                PyErr::msg(&crate::vm::objects::types::types().exc.$field, msg)
            }
        )*
    };
}

error_constructors! {
    type_error => type_error,
    os_error => os_error,
    value_error => value_error,
    index_error => index_error,
    attribute_error => attribute_error,
    name_error => name_error,
    unbound_local_error => unbound_local_error,
    zero_division_error => zero_division_error,
    overflow_error => overflow_error,
    runtime_error => runtime_error,
    not_implemented_error => not_implemented_error,
    recursion_error => recursion_error,
    import_error => import_error,
    module_not_found_error => module_not_found_error,
    system_error => system_error,
    unicode_error => unicode_decode_error,
}

/// `MemoryError(msg)`; an empty `msg` is CPython's bare `PyErr_NoMemory()`, which has no
/// arguments (`repr(e)` is `MemoryError()`).
pub fn memory_error(msg: impl Into<String>) -> PyErr {
    let msg = msg.into();
    let class = &crate::vm::objects::types::types().exc.memory_error;
    if msg.is_empty() {
        PyErr::with_args(class, vec![])
    } else {
        PyErr::msg(class, msg)
    }
}

/// An empty string with room for `bytes`, or CPython's bare `MemoryError()` when that much
/// cannot be had: `'a'.zfill(10**12)` must be a Python error, not an allocator abort. The
/// one fallible allocation (`fmt::spec::string_with_capacity`) that formatting uses too.
pub fn string_with_capacity(bytes: usize) -> Result<String, PyErr> {
    crate::vm::fmt::spec::string_with_capacity(bytes).map_err(|_| memory_error(""))
}

/// `vec![fill; n]`, or a bare `MemoryError()` when that much cannot be had (`bytes(10**12)`).
pub fn filled_vec<T: Clone>(fill: T, n: usize) -> Result<Vec<T>, PyErr> {
    crate::runtime::memory::reserve_items(n, std::mem::size_of::<T>())?;
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| memory_error(""))?;
    v.resize(n, fill);
    Ok(v)
}

/// `KeyError(key)`: the key itself is the argument (its repr is the message).
pub fn key_error(key: Value) -> PyErr {
    PyErr::with_args(&crate::vm::objects::types::types().exc.key_error, vec![key])
}

/// `StopIteration(value)`.
pub fn stop_iteration(value: Option<Value>) -> PyErr {
    PyErr::with_args(
        &crate::vm::objects::types::types().exc.stop_iteration,
        value.into_iter().collect(),
    )
}

/// Refusal of a Python feature gilsim does not model (principle 1: never a wrong answer).
pub fn unsupported(feature: &str) -> PyErr {
    not_implemented_error(format!("{feature} is not supported by gilsim"))
}
