//! Classes (builtin and user-defined) with C3 method resolution order, and their instances.

use std::sync::Arc;

use parking_lot::Mutex;

use crate::vm::objects::dict::Dict;
use crate::vm::objects::pystr::{PyStr, hash_str};
use crate::vm::objects::type_cache;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::ExcData;

/// The builtin layout an instance carries, inherited from the first builtin base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Plain objects: a `__dict__` only.
    Object,
    /// BaseException and subclasses: args, traceback, cause, context.
    Exception,
    /// A builtin value type that user classes cannot subclass in gilsim (yet).
    Builtin,
}

pub struct Class {
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub module: Arc<str>,
    /// The name messages give the type, CPython's `tp_name`: `collections.deque` for a
    /// builtin type of a module, the bare name for builtins' own types and for classes.
    pub tp_name: Arc<str>,
    pub bases: Vec<Arc<Class>>,
    /// Method resolution order without the class itself (C3, as CPython's `mro()`[1:]).
    pub mro: Vec<Arc<Class>>,
    pub dict: Arc<Dict>,
    pub layout: Layout,
    /// Builtin types are immutable: `int.x = 1` fails as in CPython.
    pub is_builtin: bool,
    /// For subclasses of builtin types (`class MyList(list)`): the builtin class whose value
    /// every instance wraps.
    pub builtin_base: Option<Arc<Class>>,
    /// The only attributes its instances may take, when every class of its MRO defines
    /// `__slots__` (`slots.rs`); None: its instances have a `__dict__`.
    pub slots: Option<Arc<[Arc<PyStr>]>>,
}

impl Class {
    pub fn new_builtin(name: &str, module: &str, bases: Vec<Arc<Class>>, layout: Layout) -> Class {
        let mro = c3_mro(&bases).unwrap_or_default();
        let dict = Arc::new(Dict::new());
        dict.mark_class_dict();
        let tp_name = if module == "builtins" {
            name.into()
        } else {
            Class::module_qualified(module, name)
        };
        Class {
            name: name.into(),
            qualname: name.into(),
            module: module.into(),
            tp_name,
            bases,
            mro,
            dict,
            layout,
            is_builtin: true,
            builtin_base: None,
            slots: None,
        }
    }

    /// `module.name`: the `tp_name` of a module's builtin type.
    pub fn module_qualified(module: &str, name: &str) -> Arc<str> {
        format!("{module}.{name}").into()
    }

    /// `issubclass(self, other)`.
    pub fn is_subclass(&self, other: &Arc<Class>) -> bool {
        std::ptr::eq(self, Arc::as_ptr(other)) || self.mro.iter().any(|c| Arc::ptr_eq(c, other))
    }

    /// Finds an attribute along the MRO: the class's own dict first (through the type
    /// attribute cache).
    #[inline]
    pub fn lookup(&self, name: &Arc<PyStr>) -> Option<Value> {
        type_cache::lookup_name(self, name)
    }

    /// `lookup` of a name written in gilsim's own source (`"__init__"`), cached by address.
    #[inline]
    pub fn lookup_static(&self, name: &'static str) -> Option<Value> {
        type_cache::lookup_static(self, name)
    }

    /// Whether the class (or a base) defines `name` as a Python function: a hook such as
    /// `__setattr__` that replaces the builtin behaviour. Touches no reference count.
    #[inline]
    pub fn has_python_function(&self, name: &'static str) -> bool {
        type_cache::read_static(self, name, |v| matches!(v, Value::Function(_))).unwrap_or(false)
    }

    /// `lookup` of a name made at run time, uncached.
    pub fn lookup_str(&self, name: &str) -> Option<Value> {
        let hash = hash_str(name);
        if let Some(v) = self.dict.get_str_hashed(name, hash) {
            return Some(v);
        }
        self.mro
            .iter()
            .find_map(|c| c.dict.get_str_hashed(name, hash))
    }

    /// Like `lookup_str` but also returns the class that defines the attribute.
    pub fn lookup_with_owner(self: &Arc<Class>, name: &str) -> Option<(Value, Arc<Class>)> {
        let hash = hash_str(name);
        if let Some(v) = self.dict.get_str_hashed(name, hash) {
            return Some((v, self.clone()));
        }
        self.mro
            .iter()
            .find_map(|c| c.dict.get_str_hashed(name, hash).map(|v| (v, c.clone())))
    }

    /// The full MRO including the class itself.
    pub fn full_mro(self: &Arc<Class>) -> Vec<Arc<Class>> {
        let mut v = Vec::with_capacity(1 + self.mro.len());
        v.push(self.clone());
        v.extend(self.mro.iter().cloned());
        v
    }

    /// The name CPython's `tp_name` gives: a static type of an extension module carries its
    /// module (`collections.deque`, `_thread.lock`); builtins and classes made by `class`
    /// statements do not. Method reprs name their owner so.
    pub fn is_exception_class(&self) -> bool {
        self.layout == Layout::Exception
    }
}

/// A freed class's address may be reused by the next class: cached lookups keyed by it go.
impl Drop for Class {
    fn drop(&mut self) {
        type_cache::invalidate();
    }
}

impl std::fmt::Debug for Class {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<class '{}'>", self.qualname)
    }
}

/// C3 linearization of the bases (Objects/typeobject.c `mro_internal`); None when inconsistent.
pub fn c3_mro(bases: &[Arc<Class>]) -> Option<Vec<Arc<Class>>> {
    // One base (nearly every class): the merge can only give that base's own MRO.
    if let [only] = bases {
        return Some(only.full_mro());
    }
    let mut seqs: Vec<Vec<Arc<Class>>> = bases.iter().map(|b| b.full_mro()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Arc<Class>> = Vec::with_capacity(seqs.iter().map(Vec::len).sum());
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let candidate = seqs.iter().find_map(|s| {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|other| other[1..].iter().any(|c| Arc::ptr_eq(c, head)));
            (!in_tail).then(|| head.clone())
        })?;
        for s in &mut seqs {
            if Arc::ptr_eq(&s[0], &candidate) {
                s.remove(0);
            }
        }
        out.push(candidate);
    }
}

pub struct Instance {
    pub class: Arc<Class>,
    pub dict: Arc<Dict>,
    exc: Option<Mutex<ExcData>>,
    /// The wrapped builtin value of a builtin-subclass instance.
    pub base: Option<Value>,
}

impl std::fmt::Debug for Instance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} instance>", self.class.qualname)
    }
}

impl Instance {
    pub fn new(class: Arc<Class>) -> Arc<Instance> {
        let exc = class
            .is_exception_class()
            .then(|| Mutex::new(ExcData::default()));
        Arc::new(Instance {
            class,
            dict: Arc::new(Dict::new()),
            exc,
            base: None,
        })
    }

    /// An instance of a subclass of a builtin type, wrapping `base`.
    pub fn with_base(class: Arc<Class>, base: Value) -> Arc<Instance> {
        Arc::new(Instance {
            class,
            dict: Arc::new(Dict::new()),
            exc: None,
            base: Some(base),
        })
    }

    pub fn new_exception(class: Arc<Class>, args: Vec<Value>) -> Arc<Instance> {
        Arc::new(Instance {
            class,
            dict: Arc::new(Dict::new()),
            exc: Some(Mutex::new(ExcData {
                args,
                ..ExcData::default()
            })),
            base: None,
        })
    }

    pub fn is_exception(&self) -> bool {
        self.exc.is_some()
    }

    /// An instance made of parts copied elsewhere (a forked process's copy of the heap):
    /// its class, dict, wrapped builtin value and exception data.
    pub fn from_parts(
        class: Arc<Class>,
        dict: Arc<Dict>,
        base: Option<Value>,
        exc: Option<ExcData>,
    ) -> Arc<Instance> {
        Arc::new(Instance {
            class,
            dict,
            exc: exc.map(Mutex::new),
            base,
        })
    }

    /// Exception data (None for instances of non-exception classes).
    pub fn exc_data(&self) -> Option<&Mutex<ExcData>> {
        self.exc.as_ref()
    }
}

/// The builtin value behind `v`: itself, or the wrapped base of a builtin-subclass instance.
pub fn unwrap_base(v: &Value) -> &Value {
    match v {
        Value::Instance(i) => i.base.as_ref().unwrap_or(v),
        _ => v,
    }
}
