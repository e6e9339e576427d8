//! Callables: Python functions (code + globals + defaults + closure), native builtins, bound
//! methods, closure cells, and the argument view native functions receive.

use std::sync::Arc;

use parking_lot::{Mutex, RwLock};

use crate::compiler::bytecode::CodeObject;
use crate::vm::context::Vm;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::PyResult;

/// A closure cell (`LOAD_DEREF`/`STORE_DEREF`); `Value::Null` when empty.
#[derive(Debug, Default)]
pub struct Cell {
    pub value: Mutex<Value>,
}

impl Cell {
    pub fn new(value: Value) -> Cell {
        Cell {
            value: Mutex::new(value),
        }
    }
    pub fn get(&self) -> Value {
        self.value.lock().clone()
    }
    pub fn set(&self, v: Value) {
        let old = std::mem::replace(&mut *self.value.lock(), v);
        drop(old);
    }
}

#[derive(Debug)]
pub struct Function {
    pub code: Arc<CodeObject>,
    pub globals: Arc<Dict>,
    pub name: RwLock<Arc<str>>,
    pub qualname: RwLock<Arc<str>>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Option<Arc<Dict>>,
    pub closure: Vec<Arc<Cell>>,
    pub annotations: Option<Arc<Dict>>,
    /// Function attributes (`f.calls = 0`, `__wrapped__`, `__doc__`), created on first use.
    pub dict: Mutex<Option<Arc<Dict>>>,
    pub module: Value,
}

impl Function {
    /// The stand-in function of a frame that runs module, class-body or `exec` code.
    pub fn for_code(code: Arc<CodeObject>, globals: Arc<Dict>) -> Function {
        Function {
            name: RwLock::new(code.name.clone()),
            qualname: RwLock::new(code.qualname.clone()),
            code,
            globals,
            defaults: Vec::new(),
            kwdefaults: None,
            closure: Vec::new(),
            annotations: None,
            dict: Mutex::new(None),
            module: Value::None,
        }
    }

    pub fn name(&self) -> Arc<str> {
        self.name.read().clone()
    }
    pub fn qualname(&self) -> Arc<str> {
        self.qualname.read().clone()
    }
    pub fn attr_dict(&self) -> Arc<Dict> {
        self.dict
            .lock()
            .get_or_insert_with(|| Arc::new(Dict::new()))
            .clone()
    }
}

/// Arguments as a native function sees them: positional values, then keyword values whose names
/// are in `kwnames` (CPython's vectorcall convention).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub args: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn positional(args: &'a [Value]) -> Args<'a> {
        Args { args, kwnames: &[] }
    }

    /// The positional arguments.
    pub fn pos(&self) -> &'a [Value] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }

    /// (name, value) pairs of the keyword arguments.
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a Value)> + 'a {
        let start = self.args.len() - self.kwnames.len();
        let names = self.kwnames;
        self.args[start..]
            .iter()
            .enumerate()
            .map(move |(i, v)| (names[i].as_str().unwrap_or(""), v))
    }

    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }
}

pub type NativeFn = fn(&Vm, Args<'_>) -> PyResult<Value>;

/// A method of a builtin type that takes its receiver apart from its other arguments
/// (`Args` holds only those): what CPython's method descriptors get from vectorcall.
pub type MethodFn = fn(&Vm, &Value, Args<'_>) -> PyResult<Value>;

/// How a native function takes its arguments.
#[derive(Clone, Copy)]
pub enum NativeCall {
    /// All of them in one `Args`, a method's receiver first.
    Args(NativeFn),
    /// A method: the receiver, then the others. The eval loop calls `obj.name(x)` with both
    /// read in place from the caller's locals (no bound method, no stack traffic).
    Method(MethodFn),
}

/// A function implemented in Rust (`len`, `list.append`, `time.sleep`, ...).
pub struct BuiltinFunction {
    pub name: Arc<str>,
    /// For methods, the type that defines them (for reprs and descriptor checks).
    pub owner: Option<Arc<str>>,
    pub func: NativeCall,
    /// A receiver bound at creation (module functions that carry state, e.g. a `Random`).
    pub bound: Option<Value>,
    /// The function reads its caller's namespace (`globals()`, `eval`, `dir()` ...), which the
    /// VM then records before the call.
    pub needs_frame: bool,
}

impl std::fmt::Debug for BuiltinFunction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<built-in function {}>", self.name)
    }
}

impl BuiltinFunction {
    pub fn new(name: &str, func: NativeFn) -> BuiltinFunction {
        BuiltinFunction {
            name: name.into(),
            owner: None,
            func: NativeCall::Args(func),
            bound: None,
            needs_frame: false,
        }
    }
}

/// `obj.method` without an immediate call: the function plus its `self`.
#[derive(Debug)]
pub struct BoundMethod {
    pub func: Value,
    pub receiver: Value,
}
