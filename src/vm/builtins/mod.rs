//! The `builtins` module and the methods of builtin types, plus argument parsing helpers that
//! produce Argument Clinic's error messages.

pub mod constructors;
mod core_fns;
pub mod coro_methods;
mod dict_methods;
mod dunders;
pub mod exception_groups;
mod iter_fns;
mod list_methods;
mod listsort;
pub mod methods;
mod num_fns;
mod num_methods;
mod object_methods;
mod refused;
mod set_methods;
mod str_methods;
mod str_split_format;

use std::sync::Arc;

pub use dict_methods::dict_view_snapshot;

use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::{Args, BuiltinFunction, MethodFn, NativeCall, NativeFn};
use crate::vm::objects::types::{builtin_classes, type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, overflow_error, type_error};

pub fn native(name: &str, func: NativeFn) -> Value {
    Value::Builtin(Arc::new(BuiltinFunction::new(name, func)))
}

/// A native method stored in a builtin class's dict.
pub fn method(owner: &str, name: &str, func: NativeFn) -> Value {
    Value::Builtin(Arc::new(BuiltinFunction {
        name: name.into(),
        owner: Some(owner.into()),
        func: NativeCall::Args(func),
        bound: None,
        needs_frame: false,
    }))
}

/// Stores each `(name, function)` of `table` in `cls`'s dict as a native method of `cls`.
pub fn add_methods(cls: &Class, table: &[(&str, NativeFn)]) {
    for (name, f) in table {
        cls.dict.set_str(name, method(&cls.tp_name, name, *f));
    }
}

/// As `add_methods`, for methods that take their receiver apart (`MethodFn`).
pub fn add_receiver_methods(cls: &Class, table: &[(&str, MethodFn)]) {
    let owner: Arc<str> = cls.tp_name.clone();
    for (name, f) in table {
        let method = BuiltinFunction {
            name: (*name).into(),
            owner: Some(owner.clone()),
            func: NativeCall::Method(*f),
            bound: None,
            needs_frame: false,
        };
        cls.dict.set_str(name, Value::Builtin(Arc::new(method)));
    }
}

/// A builtin class of module `module`, deriving from `object`, whose dict holds `methods`
/// (what a C extension's static type with a method table is).
pub fn native_class(name: &str, module: &str, methods: &[(&str, NativeFn)]) -> Arc<Class> {
    let c = Arc::new(Class::new_builtin(
        name,
        module,
        vec![types().object.clone()],
        crate::vm::objects::class::Layout::Builtin,
    ));
    add_methods(&c, methods);
    c
}

/// Parsed arguments of a native function, by parameter position: inline up to eight
/// parameters, so that parsing `str(x)` or `sorted(l, key=k)` allocates nothing.
pub struct Parsed {
    values: smallvec::SmallVec<[Option<Value>; 8]>,
}

impl Parsed {
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.values.get(i).and_then(Option::as_ref)
    }
    pub fn or_none(&self, i: usize) -> Value {
        self.get(i).cloned().unwrap_or(Value::None)
    }
    /// Present and not None.
    pub fn given(&self, i: usize) -> Option<&Value> {
        self.get(i).filter(|v| !v.is_none())
    }
}

/// Binds positional and keyword arguments to `names`; the first `required` are mandatory.
/// Names starting with `*` are keyword-only.
pub fn parse(fname: &str, args: Args<'_>, names: &[&str], required: usize) -> PyResult<Parsed> {
    let pos = args.pos();
    let positional_max = names.iter().take_while(|n| !n.starts_with('*')).count();
    if pos.len() > positional_max {
        let s = if positional_max == 1 { "" } else { "s" };
        let msg = if required == positional_max {
            format!(
                "{fname}() takes exactly {positional_max} argument{s} ({} given)",
                pos.len()
            )
        } else {
            format!(
                "{fname}() takes at most {positional_max} argument{s} ({} given)",
                pos.len()
            )
        };
        return Err(type_error(msg));
    }
    let mut values: smallvec::SmallVec<[Option<Value>; 8]> = smallvec::smallvec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        values[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        let Some(i) = names.iter().position(|n| n.trim_start_matches('*') == k) else {
            return Err(type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            )));
        };
        if values[i].is_some() {
            return Err(type_error(format!(
                "argument for {fname}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        values[i] = Some(v.clone());
    }
    for (i, name) in names.iter().enumerate().take(required) {
        if values[i].is_none() {
            return Err(type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                name.trim_start_matches('*'),
                i + 1
            )));
        }
    }
    Ok(Parsed { values })
}

/// Positional-only arguments with CPython's "expected N arguments, got M" wording.
pub fn positional<'a>(
    fname: &str,
    args: Args<'a>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(type_error(format!("{fname}() takes no keyword arguments")));
    }
    let pos = args.pos();
    if pos.len() < min || pos.len() > max {
        let msg = if min == max {
            if min == 1 {
                format!("{fname}() takes exactly one argument ({} given)", pos.len())
            } else if min == 0 {
                format!("{fname}() takes no arguments ({} given)", pos.len())
            } else {
                format!("{fname} expected {min} arguments, got {}", pos.len())
            }
        } else if pos.len() < min {
            let s = if min == 1 { "" } else { "s" };
            format!(
                "{fname} expected at least {min} argument{s}, got {}",
                pos.len()
            )
        } else {
            let s = if max == 1 { "" } else { "s" };
            format!(
                "{fname} expected at most {max} argument{s}, got {}",
                pos.len()
            )
        };
        return Err(type_error(msg));
    }
    Ok(pos)
}

/// The positional arguments of a method of a builtin type, returned at once when they fit;
/// otherwise CPython's error. Keywords and the counts of a method taking none or exactly one
/// (METH_NOARGS, METH_O) name it `owner.name` (Objects/descrobject.c); other counts are
/// Argument Clinic's, naming it `name`. `owner` is asked only on the way to an error.
pub fn method_arguments<'a>(
    owner: impl FnOnce() -> &'static str,
    name: &str,
    args: Args<'a>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    let pos = args.pos();
    if !args.has_kwargs() && (min..=max).contains(&pos.len()) {
        return Ok(pos);
    }
    if args.has_kwargs() || (min == max && min <= 1) {
        return positional(&format!("{}.{name}", owner()), args, min, max);
    }
    positional(name, args, min, max)
}

/// An int argument for a C `int` parameter the caller range-checks itself (`chr`,
/// `sys.setrecursionlimit`): a bool counts as an int, an int beyond 64 bits is the
/// OverflowError of CPython's `PyLong_AsInt`, and `__index__` is not consulted.
pub fn c_int_arg(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::BigInt(_) => Err(overflow_error("Python int too large to convert to C int")),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
    }
}

/// Fills the interpreter's `builtins` dict.
pub fn install_builtins(vm: &Vm, builtins: &Arc<Dict>) {
    let _ = vm;
    builtins.fill_from(&BUILTINS_TEMPLATE);
}

/// The `builtins` namespace every run starts from, built once per process: its values are
/// native functions and builtin classes, immutable and shared by every interpreter already,
/// so each run copies the table instead of allocating some 200 objects again.
static BUILTINS_TEMPLATE: std::sync::LazyLock<Dict> = std::sync::LazyLock::new(|| {
    let builtins = Arc::new(Dict::new());
    core_fns::install(&builtins);
    iter_fns::install(&builtins);
    num_fns::install(&builtins);
    refused::install(&builtins);
    for class in builtin_classes() {
        builtins.set_str(&class.name, Value::Class(class.clone()));
    }
    for class in types().exc.all() {
        builtins.set_str(&class.name, Value::Class(class.clone()));
    }
    builtins.set_str(
        "EnvironmentError",
        Value::Class(types().exc.os_error.clone()),
    );
    builtins.set_str("IOError", Value::Class(types().exc.os_error.clone()));
    builtins.set_str("Ellipsis", Value::Ellipsis);
    builtins.set_str("NotImplemented", Value::NotImplemented);
    builtins.set_str("__debug__", Value::Bool(true));
    builtins.copy()
});

/// A method's arguments without its receiver.
pub fn methods_rest<'a>(args: &Args<'a>) -> Args<'a> {
    str_methods::rest(args)
}
