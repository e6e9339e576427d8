//! Pickle's rules for what crosses between processes: plain data by value (shared and
//! cyclic references kept), functions and classes by qualified name (looked up again on the
//! other side), instances as their class's name and state, and CPython's errors for what
//! pickle refuses (a lambda, a nested function, a lock, a generator, a module). gilsim keeps
//! the pickled form as a tree (`Pickled`) rather than pickle's bytes: the two processes share
//! one address space, and only the rules are observable (Lib/pickle.py `save_global`,
//! Objects/typeobject.c `object___reduce_ex__`).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use num_bigint::BigInt;

use crate::runtime::PyVersion;
use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Instance, Layout};
use crate::vm::objects::dict::Dict;
use crate::vm::objects::pystr::PyStr;
use crate::vm::objects::set::Set;
use crate::vm::objects::types::{class_of, types};
use crate::vm::objects::value::{Range, Value};
use crate::vm::pyerr::{PyErr, PyResult, attribute_error, recursion_error, type_error};

/// A pickled object: what `loads` makes afresh in the receiving process.
#[derive(Debug)]
pub enum Pickled {
    None,
    Ellipsis,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Range(Range),
    Tuple(Vec<Pickled>),
    FrozenSet(Vec<Pickled>),
    /// Mutable objects carry a memo number, so a second reference (or a cycle) arrives as
    /// `Memo` of the same object.
    List(usize, Vec<Pickled>),
    Dict(usize, Vec<(Pickled, Pickled)>),
    Set(usize, Vec<Pickled>),
    Memo(usize),
    /// A function, class or builtin, by the module and qualified name that find it.
    Global {
        module: String,
        qualname: String,
    },
    /// `getattr(receiver, name)`: a bound method.
    Method(Box<Pickled>, String),
    /// An instance: `cls.__new__(cls)`, then its state (`__setstate__`, or the `__dict__`).
    Object {
        memo: usize,
        class: Box<Pickled>,
        state: Box<Pickled>,
        /// The builtin value a subclass of a builtin type wraps.
        base: Option<Box<Pickled>>,
    },
    /// An exception: `cls(*args)`, then its `__dict__`.
    Exception {
        class: Box<Pickled>,
        args: Vec<Pickled>,
        state: Box<Pickled>,
    },
    /// What a class's own `__reduce__` returned: `callable(*args)`, then its state.
    Reduce {
        memo: usize,
        callable: Box<Pickled>,
        args: Vec<Pickled>,
        state: Option<Box<Pickled>>,
    },
}

/// pickle's own exception classes (`_pickle.PicklingError` ...), run-wide like every
/// builtin class.
pub struct PickleErrors {
    pub pickle_error: Arc<Class>,
    pub pickling_error: Arc<Class>,
    pub unpickling_error: Arc<Class>,
}

pub static ERRORS: LazyLock<PickleErrors> = LazyLock::new(|| {
    let class = |name: &str, base: &Arc<Class>| {
        Arc::new(Class::new_builtin(
            name,
            "_pickle",
            vec![base.clone()],
            Layout::Exception,
        ))
    };
    let pickle_error = class("PickleError", &types().exc.exception);
    PickleErrors {
        pickling_error: class("PicklingError", &pickle_error),
        unpickling_error: class("UnpicklingError", &pickle_error),
        pickle_error,
    }
});

/// How deep a structure may nest before pickling gives up, as CPython's recursion limit
/// stops its recursive pickler.
const MAX_DEPTH: usize = 1000;

/// `pickle.dumps(value)`, in the sending process.
pub fn dumps(vm: &Vm, value: &Value) -> PyResult<Pickled> {
    Pickler {
        vm,
        memo: HashMap::new(),
        depth: 0,
    }
    .save(value)
}

struct Pickler<'a> {
    vm: &'a Vm,
    /// Object address -> memo number, for mutable objects already pickled.
    memo: HashMap<usize, usize>,
    depth: usize,
}

impl Pickler<'_> {
    fn save(&mut self, v: &Value) -> PyResult<Pickled> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth = 0;
            return Err(recursion_error(
                "maximum recursion depth exceeded while pickling an object",
            ));
        }
        let result = self.save_value(v);
        self.depth = self.depth.saturating_sub(1);
        result
    }

    fn save_value(&mut self, v: &Value) -> PyResult<Pickled> {
        Ok(match v {
            Value::Null | Value::None => Pickled::None,
            Value::Ellipsis => Pickled::Ellipsis,
            Value::NotImplemented => self.global_by_name("builtins", "NotImplemented"),
            Value::Bool(b) => Pickled::Bool(*b),
            Value::Int(i) => Pickled::Int(*i),
            Value::BigInt(b) => Pickled::BigInt((**b).clone()),
            Value::Float(f) => Pickled::Float(*f),
            Value::Str(s) => Pickled::Str(s.as_str().to_string()),
            Value::Bytes(b) => Pickled::Bytes((**b).clone()),
            Value::Range(r) => Pickled::Range((**r).clone()),
            Value::Tuple(t) => Pickled::Tuple(self.save_items(t.items.iter(), "tuple item")?),
            Value::FrozenSet(s) => {
                Pickled::FrozenSet(self.save_items(s.values().iter(), "frozenset element")?)
            }
            Value::List(l) => match self.remember(v) {
                Err(seen) => seen,
                Ok(memo) => {
                    let items = l.items.read().clone();
                    Pickled::List(memo, self.save_items(items.iter(), "list item")?)
                }
            },
            Value::Set(s) => match self.remember(v) {
                Err(seen) => seen,
                Ok(memo) => Pickled::Set(memo, self.save_items(s.values().iter(), "set element")?),
            },
            Value::Dict(d) => match self.remember(v) {
                Err(seen) => seen,
                Ok(memo) => Pickled::Dict(memo, self.save_pairs(d)?),
            },
            Value::Function(_) | Value::Class(_) | Value::Builtin(_) => self.save_global(v)?,
            Value::Method(m) => {
                let name = self.vm.getattr_opt(&m.func, "__name__")?;
                let name = name.map(|n| self.vm.str(&n)).transpose()?;
                Pickled::Method(Box::new(self.save(&m.receiver)?), name.unwrap_or_default())
            }
            Value::Instance(i) => self.save_instance(v, i)?,
            Value::Generator(_) => return Err(cannot_pickle("generator")),
            Value::Module(_) => return Err(cannot_pickle("module")),
            Value::Code(_) => return Err(cannot_pickle("code")),
            Value::Cell(_) => return Err(cannot_pickle("cell")),
            Value::Native(n) => return Err(self.refuse_native(&n.class)),
            Value::Slice(_) | Value::Iter(_) => {
                let what = class_of(v).name.to_string();
                return Err(crate::vm::pyerr::unsupported(&format!(
                    "pickling a '{what}' object"
                )));
            }
        })
    }

    /// A new memo number for the mutable object `v`, or Err(its `Memo`) if it was pickled
    /// already.
    fn remember(&mut self, v: &Value) -> Result<usize, Pickled> {
        let key = v.identity();
        if let Some(seen) = self.memo.get(&key) {
            return Err(Pickled::Memo(*seen));
        }
        let n = self.memo.len();
        self.memo.insert(key, n);
        Ok(n)
    }

    fn save_all<'v>(&mut self, items: impl Iterator<Item = &'v Value>) -> PyResult<Vec<Pickled>> {
        items.map(|i| self.save(i)).collect()
    }

    /// A container's items; 3.14 notes on an error which item it was in ("when serializing
    /// list item 1", "... set element").
    fn save_items<'v>(
        &mut self,
        items: impl Iterator<Item = &'v Value>,
        what: &str,
    ) -> PyResult<Vec<Pickled>> {
        let mut out = Vec::new();
        for (i, item) in items.enumerate() {
            let saved = self.save(item);
            let where_ = || match what.ends_with("item") {
                true => format!("when serializing {what} {i}"),
                false => format!("when serializing {what}"),
            };
            out.push(self.noted(saved, where_)?);
        }
        Ok(out)
    }

    fn save_pairs(&mut self, d: &Dict) -> PyResult<Vec<(Pickled, Pickled)>> {
        let mut pairs = Vec::new();
        for (k, v) in d.items() {
            let key = self.save(&k);
            let key = self.noted(key, || "when serializing dict key".into())?;
            let value = self.save(&v);
            let shown = || {
                let key = self.vm.repr(&k).unwrap_or_default();
                format!("when serializing dict item {key}")
            };
            let value = self.noted(value, shown)?;
            pairs.push((key, value));
        }
        Ok(pairs)
    }

    /// Whether pickle's errors read as CPython 3.14's (notes saying where, other messages).
    fn like_314(&self) -> bool {
        self.vm.interp.runtime.options.like >= Some(PyVersion(3, 14))
    }

    /// `result`, with 3.14's note on where the error happened (Modules/_pickle.c adds one
    /// per enclosing container as the error passes out of it).
    fn noted<T>(&self, result: PyResult<T>, note: impl FnOnce() -> String) -> PyResult<T> {
        if let Err(err) = &result
            && self.like_314()
        {
            add_note(err, note());
        }
        result
    }

    fn global_by_name(&self, module: &str, qualname: &str) -> Pickled {
        Pickled::Global {
            module: module.to_string(),
            qualname: qualname.to_string(),
        }
    }

    /// A function, class or builtin by name, if the name finds this very object again
    /// (pickle's `save_global`).
    fn save_global(&mut self, v: &Value) -> PyResult<Pickled> {
        let vm = self.vm;
        let (module, qualname) = global_name(vm, v)?;
        let local = qualname.contains("<locals>");
        if local && self.like_314() {
            return Err(PyErr::msg(
                &ERRORS.pickling_error,
                format!("Can't pickle local object {}", vm.repr(v)?),
            ));
        }
        if local {
            let verb = if vm.interp.runtime.options.like >= Some(PyVersion(3, 13)) {
                "get"
            } else {
                "pickle"
            };
            return Err(attribute_error(format!(
                "Can't {verb} local object '{qualname}'"
            )));
        }
        let found = lookup_global(vm, &module, &qualname);
        match found {
            Ok(Some(found)) if found.identity() == v.identity() => {
                Ok(self.global_by_name(&module, &qualname))
            }
            Ok(Some(_)) => Err(PyErr::msg(
                &ERRORS.pickling_error,
                format!(
                    "Can't pickle {}: it's not the same object as {module}.{qualname}",
                    vm.repr(v)?
                ),
            )),
            _ if self.like_314() => {
                // 3.14's `save_global` raises while handling getattr's AttributeError.
                let err = PyErr::msg(
                    &ERRORS.pickling_error,
                    format!(
                        "Can't pickle {}: it's not found as {module}.{qualname}",
                        vm.repr(v)?
                    ),
                );
                let lookup =
                    attribute_error(format!("module '{module}' has no attribute '{qualname}'"));
                err.with_data(|d| d.context = Some(lookup.value()));
                Err(err)
            }
            _ => Err(PyErr::msg(
                &ERRORS.pickling_error,
                format!(
                    "Can't pickle {}: attribute lookup {qualname} on {module} failed",
                    vm.repr(v)?
                ),
            )),
        }
    }

    fn save_instance(&mut self, v: &Value, inst: &Arc<Instance>) -> PyResult<Pickled> {
        let vm = self.vm;
        if let Some(reduce) = inst.class.lookup_static("__reduce__")
            && matches!(reduce, Value::Function(_))
        {
            return self.save_reduced(v, vm.call(&reduce, std::slice::from_ref(v))?);
        }
        if inst.is_exception() {
            let args = inst
                .exc_data()
                .map(|d| d.lock().args.clone())
                .unwrap_or_default();
            return Ok(Pickled::Exception {
                class: Box::new(self.save_global(&Value::Class(inst.class.clone()))?),
                args: self.save_all(args.iter())?,
                state: Box::new(self.save(&Value::Dict(inst.dict.clone()))?),
            });
        }
        let memo = match self.remember(v) {
            Err(seen) => return Ok(seen),
            Ok(memo) => memo,
        };
        let class = Box::new(self.save_global(&Value::Class(inst.class.clone()))?);
        let state = match inst.class.lookup_static("__getstate__") {
            Some(getstate @ Value::Function(_)) => vm.call(&getstate, std::slice::from_ref(v))?,
            _ => Value::Dict(inst.dict.clone()),
        };
        let base = inst.base.as_ref().map(|b| self.save(b)).transpose()?;
        let saved = self.save(&state);
        let class_name = inst.class.name.to_string();
        let saved = self.noted(saved, || format!("when serializing {class_name} state"));
        let state = self.noted(saved, || format!("when serializing {class_name} object"))?;
        Ok(Pickled::Object {
            memo,
            class,
            state: Box::new(state),
            base: base.map(Box::new),
        })
    }

    /// An object whose class defines `__reduce__`: a name, or (callable, args[, state]).
    fn save_reduced(&mut self, v: &Value, reduced: Value) -> PyResult<Pickled> {
        if let Value::Str(name) = &reduced {
            let module = self
                .vm
                .getattr_opt(&Value::Class(class_of(v).clone()), "__module__")?;
            let module = module.map(|m| self.vm.str(&m)).transpose()?;
            return Ok(self.global_by_name(&module.unwrap_or_default(), name.as_str()));
        }
        let Value::Tuple(parts) = &reduced else {
            return Err(PyErr::msg(
                &ERRORS.pickling_error,
                "__reduce__ must return a string or tuple",
            ));
        };
        let memo = match self.remember(v) {
            Err(seen) => return Ok(seen),
            Ok(memo) => memo,
        };
        let (Some(callable), Some(Value::Tuple(args))) = (parts.items.first(), parts.items.get(1))
        else {
            return Err(PyErr::msg(
                &ERRORS.pickling_error,
                "tuple returned by __reduce__ must contain 2 through 6 elements",
            ));
        };
        let state = match parts.items.get(2) {
            None | Some(Value::None) => None,
            Some(state) => Some(Box::new(self.save(state)?)),
        };
        Ok(Pickled::Reduce {
            memo,
            callable: Box::new(self.save(callable)?),
            args: self.save_all(args.items.iter())?,
            state,
        })
    }

    /// A native object: pickle refuses locks and the like with a TypeError; what CPython
    /// could pickle and gilsim cannot yet is a NotImplementedError.
    fn refuse_native(&self, class: &Arc<Class>) -> PyErr {
        let name = if &*class.module == "builtins" {
            class.name.to_string()
        } else {
            format!("{}.{}", class.module, class.name)
        };
        match name.as_str() {
            "_thread.lock" | "_thread.RLock" | "_io.TextIOWrapper" => cannot_pickle(&name),
            _ => crate::vm::pyerr::unsupported(&format!("pickling a '{name}' object")),
        }
    }
}

/// `err.add_note(note)`.
fn add_note(err: &PyErr, note: String) {
    let note = Value::string(note);
    match err.exc.dict.get_str("__notes__") {
        Some(Value::List(notes)) => notes.items.write().push(note),
        _ => err.exc.dict.set_str("__notes__", Value::list(vec![note])),
    }
}

fn cannot_pickle(what: &str) -> PyErr {
    type_error(format!("cannot pickle '{what}' object"))
}

/// The module and qualified name pickle would save `v` under.
fn global_name(vm: &Vm, v: &Value) -> PyResult<(String, String)> {
    if let Value::Class(c) = v {
        // A class's own names (an attribute lookup would find a base class's
        // `__qualname__`, as `type(name, bases, ns)` makes no entry of its own).
        let module = match c.dict.get_str("__module__") {
            Some(Value::Str(m)) => m.as_str().to_string(),
            _ => c.module.to_string(),
        };
        return Ok((module, c.qualname.to_string()));
    }
    let text = |x: Option<Value>| -> PyResult<Option<String>> {
        match x {
            Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
            _ => Ok(None),
        }
    };
    let qualname = text(vm.getattr_opt(v, "__qualname__")?)?
        .or(text(vm.getattr_opt(v, "__name__")?)?)
        .unwrap_or_default();
    // gilsim's builtin functions do not record their module: find the one that holds it.
    let module = match v {
        Value::Builtin(_) => None,
        _ => text(vm.getattr_opt(v, "__module__")?)?,
    };
    let module = match module {
        Some(m) => m,
        None => which_module(vm, v, &qualname).unwrap_or_else(|| "__main__".into()),
    };
    Ok((module, qualname))
}

/// The loaded module that holds `v` under `qualname` (pickle's `whichmodule`), for
/// builtins that do not say which module they belong to.
fn which_module(vm: &Vm, v: &Value, qualname: &str) -> Option<String> {
    let target = v.identity();
    for (name, module) in vm.interp.modules.items() {
        let Value::Module(m) = module else { continue };
        if let Some(found) = m.dict.get_str(qualname)
            && found.identity() == target
        {
            return vm.str(&name).ok();
        }
    }
    Some("builtins".into()).filter(|_| vm.builtins().get_str(qualname).is_some())
}

/// `module.qualname` as the receiving process finds it: the module imported if need be,
/// then one attribute per dotted part. Ok(None) when a part is missing.
fn lookup_global(vm: &Vm, module: &str, qualname: &str) -> PyResult<Option<Value>> {
    let mut obj = if module == "builtins" {
        Value::Dict(vm.builtins().clone())
    } else {
        vm.import_module(module)?
    };
    for part in qualname.split('.') {
        let next = match &obj {
            Value::Dict(d) => d.get_str(part),
            _ => vm.getattr_opt(&obj, part)?,
        };
        match next {
            Some(next) => obj = next,
            None => return Ok(None),
        }
    }
    Ok(Some(obj))
}

/// `pickle.loads`, in the receiving process: every object made afresh there.
pub fn loads(vm: &Vm, pickled: &Pickled) -> PyResult<Value> {
    Unpickler {
        vm,
        memo: HashMap::new(),
        missing_main: None,
    }
    .load(pickled)
}

/// Finds elsewhere a name the receiver's `__main__` lacks (None: nowhere).
pub type MissingMain<'a> = &'a mut dyn FnMut(&Vm, &str) -> PyResult<Option<Value>>;

/// `loads`, asking `missing_main` for a global of `__main__` that is not found there
/// (CPython 3.14's unpickling between interpreters).
pub fn loads_supplying_main(
    vm: &Vm,
    pickled: &Pickled,
    missing_main: MissingMain<'_>,
) -> PyResult<Value> {
    Unpickler {
        vm,
        memo: HashMap::new(),
        missing_main: Some(missing_main),
    }
    .load(pickled)
}

struct Unpickler<'a> {
    vm: &'a Vm,
    memo: HashMap<usize, Value>,
    missing_main: Option<MissingMain<'a>>,
}

impl Unpickler<'_> {
    fn load(&mut self, p: &Pickled) -> PyResult<Value> {
        let vm = self.vm;
        Ok(match p {
            Pickled::None => Value::None,
            Pickled::Ellipsis => Value::Ellipsis,
            Pickled::Bool(b) => Value::Bool(*b),
            Pickled::Int(i) => Value::Int(*i),
            Pickled::BigInt(b) => Value::from_bigint(b.clone()),
            Pickled::Float(f) => Value::Float(*f),
            Pickled::Str(s) => Value::Str(Arc::new(PyStr::new(s.as_str()))),
            Pickled::Bytes(b) => Value::Bytes(Arc::new(b.clone())),
            Pickled::Range(r) => Value::Range(Arc::new(r.clone())),
            Pickled::Tuple(items) => Value::tuple(self.load_all(items)?),
            Pickled::FrozenSet(items) => {
                let set = Set::new();
                for item in items {
                    set.add(vm, self.load(item)?)?;
                }
                Value::FrozenSet(Arc::new(set))
            }
            Pickled::List(memo, items) => {
                let list = Value::list(Vec::new());
                self.memo.insert(*memo, list.clone());
                let loaded = self.load_all(items)?;
                if let Value::List(l) = &list {
                    *l.items.write() = loaded;
                }
                list
            }
            Pickled::Set(memo, items) => {
                let set = Arc::new(Set::new());
                self.memo.insert(*memo, Value::Set(set.clone()));
                for item in items {
                    set.add(vm, self.load(item)?)?;
                }
                Value::Set(set)
            }
            Pickled::Dict(memo, pairs) => {
                let dict = Arc::new(Dict::new());
                self.memo.insert(*memo, Value::Dict(dict.clone()));
                self.fill_dict(&dict, pairs)?;
                Value::Dict(dict)
            }
            Pickled::Memo(n) => self.memo.get(n).cloned().unwrap_or(Value::None),
            Pickled::Global { module, qualname } => self.global(module, qualname)?,
            Pickled::Method(receiver, name) => {
                let receiver = self.load(receiver)?;
                vm.getattr(&receiver, &Arc::new(PyStr::new(name.as_str())))?
            }
            Pickled::Object {
                memo,
                class,
                state,
                base,
            } => self.load_object(*memo, class, state, base.as_deref())?,
            Pickled::Exception { class, args, state } => {
                let class = self.load(class)?;
                let args = self.load_all(args)?;
                let exc = vm.call(&class, &args)?;
                if let (Value::Instance(i), Value::Dict(d)) = (&exc, self.load(state)?) {
                    i.dict.fill_from(&d);
                }
                exc
            }
            Pickled::Reduce {
                memo,
                callable,
                args,
                state,
            } => {
                let callable = self.load(callable)?;
                let args = self.load_all(args)?;
                let obj = vm.call(&callable, &args)?;
                self.memo.insert(*memo, obj.clone());
                if let Some(state) = state {
                    let state = self.load(state)?;
                    self.set_state(&obj, state)?;
                }
                obj
            }
        })
    }

    /// A global by name; a `__main__` name that is missing may be supplied once.
    fn global(&mut self, module: &str, qualname: &str) -> PyResult<Value> {
        let vm = self.vm;
        if module == "__main__"
            && let Some(supply) = self.missing_main.as_mut()
            && lookup_global(vm, module, qualname)?.is_none()
        {
            // 3.14's unpickler resolves a plain name with getattr, whose AttributeError is
            // the one `_handle_unpickle_missing_attr` recognises (not a dotted path).
            let supplied = match qualname.contains('.') {
                true => None,
                false => supply(vm, qualname)?,
            };
            return supplied.ok_or_else(|| {
                attribute_error(format!("module '__main__' has no attribute '{qualname}'"))
            });
        }
        find_global(vm, module, qualname)
    }

    fn load_all(&mut self, items: &[Pickled]) -> PyResult<Vec<Value>> {
        items.iter().map(|i| self.load(i)).collect()
    }

    fn fill_dict(&mut self, dict: &Dict, pairs: &[(Pickled, Pickled)]) -> PyResult<()> {
        for (k, v) in pairs {
            let k = self.load(k)?;
            let v = self.load(v)?;
            dict.set(self.vm, k, v)?;
        }
        Ok(())
    }

    /// `cls.__new__(cls)` without `__init__` (copyreg's `__newobj__`), then its state.
    fn load_object(
        &mut self,
        memo: usize,
        class: &Pickled,
        state: &Pickled,
        base: Option<&Pickled>,
    ) -> PyResult<Value> {
        let Value::Class(class) = self.load(class)? else {
            return Err(PyErr::msg(
                &ERRORS.unpickling_error,
                "an instance's class did not unpickle as a class",
            ));
        };
        let obj = match base {
            Some(base) => Value::Instance(Instance::with_base(class, self.load(base)?)),
            None => Value::Instance(Instance::new(class)),
        };
        self.memo.insert(memo, obj.clone());
        let state = self.load(state)?;
        self.set_state(&obj, state)?;
        Ok(obj)
    }

    /// `__setstate__(state)` if the class has one, else the state updates `__dict__`.
    fn set_state(&mut self, obj: &Value, state: Value) -> PyResult<()> {
        let vm = self.vm;
        if let Some(setstate) = vm.getattr_opt(obj, "__setstate__")? {
            vm.call(&setstate, &[state])?;
            return Ok(());
        }
        match (obj, state) {
            (_, Value::None) => Ok(()),
            (Value::Instance(i), Value::Dict(d)) => {
                i.dict.fill_from(&d);
                Ok(())
            }
            _ => Err(PyErr::msg(
                &ERRORS.unpickling_error,
                "state is not a dictionary",
            )),
        }
    }
}

/// A global by name in the receiving process, or pickle's AttributeError naming the module
/// (the function a spawned child cannot find because it is defined under the main guard).
fn find_global(vm: &Vm, module: &str, qualname: &str) -> PyResult<Value> {
    if let Some(found) = lookup_global(vm, module, qualname)? {
        return Ok(found);
    }
    let holder = vm.import_module(module)?;
    Err(attribute_error(format!(
        "Can't get attribute '{qualname}' on {}",
        vm.repr(&holder)?
    )))
}
