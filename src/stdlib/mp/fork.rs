//! `fork`: the child process starts with a copy of the parent's heap as it is at `start()`
//! — every module, class, function and object reachable from `sys.modules` and from the
//! `Process` object, copied once each (shared references and cycles kept), so later changes
//! on either side are invisible to the other. Code objects, strings and other immutable
//! values are shared, as fork's copy-on-write pages are never written. A `threading` lock
//! keeps its state: one held by another thread at fork time stays locked in the child,
//! whose only thread is the forking one (the classic fork-with-threads deadlock). What the
//! `multiprocessing` module shares between processes (its locks, queues and values) is not
//! copied: both sides keep using the one object, as they would the one OS semaphore.

use std::collections::HashMap;
use std::sync::Arc;

use crate::stdlib::thread::locks::LockCore;
use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Instance};
use crate::vm::objects::descriptors::{ClassMethod, Property, StaticMethod};
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::{BoundMethod, BuiltinFunction, Cell, Function};
use crate::vm::objects::module::Module;
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::set::Set;
use crate::vm::objects::value::{Tuple, Value};
use crate::vm::pyerr::{ExcData, PyResult, recursion_error, unsupported};

/// Copies values of the parent (`vm`'s interpreter) into a child interpreter.
pub struct Forker<'a> {
    vm: &'a Vm,
    /// Parent object address -> its copy.
    memo: HashMap<usize, Value>,
    /// The forking thread's ident in the parent and in the child: an `RLock` it holds is
    /// held by the child's thread.
    forking_thread: (u64, u64),
    /// Locks of the `multiprocessing` module, shared rather than copied.
    shared_locks: Vec<usize>,
    depth: usize,
}

/// How deep the copy may recurse (nested containers, chains of classes).
const MAX_DEPTH: usize = 20_000;

impl<'a> Forker<'a> {
    pub fn new(vm: &'a Vm, forking_thread: (u64, u64), shared_locks: Vec<usize>) -> Forker<'a> {
        Forker {
            vm,
            memo: HashMap::new(),
            forking_thread,
            shared_locks,
            depth: 0,
        }
    }

    /// The parent's dict `from` is the child's `to` (its `sys.modules`, its builtins): its
    /// entries are copied into `to`.
    pub fn copy_dict_into(&mut self, from: &Arc<Dict>, to: &Arc<Dict>) -> PyResult<()> {
        self.memo.insert(
            Arc::as_ptr(from) as *const () as usize,
            Value::Dict(to.clone()),
        );
        self.fill_dict(from, to)
    }

    /// The child's copy of `v`.
    pub fn copy(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(done) = self.memo.get(&v.identity()) {
            return Ok(done.clone());
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth = 0;
            return Err(recursion_error(
                "maximum recursion depth exceeded while copying the heap for fork",
            ));
        }
        let copied = self.copy_new(v);
        self.depth = self.depth.saturating_sub(1);
        copied
    }

    fn remember(&mut self, v: &Value, copy: Value) -> Value {
        self.memo.insert(v.identity(), copy.clone());
        copy
    }

    fn copy_new(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::Tuple(t) => {
                let items = self.copy_all(&t.items)?;
                let copy = Value::Tuple(Arc::new(Tuple {
                    items: items.into(),
                }));
                self.remember(v, copy)
            }
            Value::List(l) => {
                let copy = self.remember(v, Value::list(Vec::new()));
                let items = self.copy_all(&l.items.read().clone())?;
                if let Value::List(new) = &copy {
                    *new.items.write() = items;
                }
                copy
            }
            Value::Dict(d) => {
                let new = Arc::new(Dict::new());
                self.remember(v, Value::Dict(new.clone()));
                self.fill_dict(d, &new)?;
                Value::Dict(new)
            }
            Value::Set(s) => {
                let new = Arc::new(Set::new());
                self.remember(v, Value::Set(new.clone()));
                self.fill_set(s, &new)?;
                Value::Set(new)
            }
            Value::FrozenSet(s) => {
                let new = Arc::new(Set::new());
                self.fill_set(s, &new)?;
                self.remember(v, Value::FrozenSet(new))
            }
            Value::Function(f) => self.copy_function(v, f)?,
            Value::Builtin(b) => match &b.bound {
                None => v.clone(),
                Some(bound) => {
                    let bound = self.copy(bound)?;
                    let copy = Value::Builtin(Arc::new(BuiltinFunction {
                        name: b.name.clone(),
                        owner: b.owner.clone(),
                        func: b.func,
                        bound: Some(bound),
                        needs_frame: b.needs_frame,
                    }));
                    self.remember(v, copy)
                }
            },
            Value::Method(m) => {
                let func = self.copy(&m.func)?;
                let receiver = self.copy(&m.receiver)?;
                let copy = Value::Method(Arc::new(BoundMethod { func, receiver }));
                self.remember(v, copy)
            }
            Value::Class(c) if c.is_builtin => v.clone(),
            Value::Class(c) => self.copy_class(v, c)?,
            Value::Instance(i) => self.copy_instance(v, i)?,
            Value::Module(m) => {
                let dict = Arc::new(Dict::new());
                let copy = Value::Module(Arc::new(Module::with_dict(&m.name, dict.clone())));
                self.remember(v, copy.clone());
                self.fill_dict(&m.dict, &dict)?;
                copy
            }
            Value::Cell(c) => {
                let new = Arc::new(Cell::new(Value::None));
                self.remember(v, Value::Cell(new.clone()));
                new.set(self.copy(&c.get())?);
                Value::Cell(new)
            }
            Value::Native(n) => self.copy_native(v, n)?,
            Value::Generator(_) => return Err(cannot_copy("a suspended generator")),
            Value::Iter(_) => {
                let what = crate::vm::objects::types::type_name(v).to_string();
                return Err(cannot_copy(&format!("a '{what}' object")));
            }
            // Immutable: the child may use the parent's object, as fork's pages are shared
            // until written.
            _ => v.clone(),
        })
    }

    fn copy_all(&mut self, items: &[Value]) -> PyResult<Vec<Value>> {
        items.iter().map(|i| self.copy(i)).collect()
    }

    /// Copies `from`'s entries into `to`. Keys keep their hash where the hash does not
    /// depend on the object's address; instances are hashed again in the child.
    fn fill_dict(&mut self, from: &Dict, to: &Dict) -> PyResult<()> {
        for entry in from.entries_hashed() {
            let key = self.copy(&entry.key)?;
            let value = self.copy(&entry.value)?;
            if hash_survives_copy(&entry.key) {
                to.set_hashed(self.vm, key, entry.hash, value)?;
            } else {
                to.set(self.vm, key, value)?;
            }
        }
        Ok(())
    }

    fn fill_set(&mut self, from: &Set, to: &Set) -> PyResult<()> {
        for (hash, item) in from.entries() {
            let copy = self.copy(&item)?;
            if hash_survives_copy(&item) {
                to.add_hashed(self.vm, hash, copy)?;
            } else {
                to.add(self.vm, copy)?;
            }
        }
        Ok(())
    }

    fn copy_function(&mut self, v: &Value, f: &Function) -> PyResult<Value> {
        let Value::Dict(globals) = self.copy(&Value::Dict(f.globals.clone()))? else {
            return Err(cannot_copy("a function's globals"));
        };
        let defaults = self.copy_all(&f.defaults)?;
        let kwdefaults = self.copy_optional_dict(f.kwdefaults.as_ref())?;
        let mut closure = Vec::new();
        for cell in &f.closure {
            match self.copy(&Value::Cell(cell.clone()))? {
                Value::Cell(c) => closure.push(c),
                _ => return Err(cannot_copy("a closure cell")),
            }
        }
        let annotations = self.copy_optional_dict(f.annotations.as_ref())?;
        let attrs = f.dict.lock().clone();
        let copy = Arc::new(Function {
            code: f.code.clone(),
            globals,
            name: parking_lot::RwLock::new(f.name()),
            qualname: parking_lot::RwLock::new(f.qualname()),
            defaults,
            kwdefaults,
            closure,
            annotations,
            dict: parking_lot::Mutex::new(None),
            module: self.copy(&f.module)?,
        });
        let value = self.remember(v, Value::Function(copy.clone()));
        if let Some(attrs) = self.copy_optional_dict(attrs.as_ref())? {
            *copy.dict.lock() = Some(attrs);
        }
        Ok(value)
    }

    fn copy_optional_dict(&mut self, d: Option<&Arc<Dict>>) -> PyResult<Option<Arc<Dict>>> {
        match d {
            None => Ok(None),
            Some(d) => match self.copy(&Value::Dict(d.clone()))? {
                Value::Dict(c) => Ok(Some(c)),
                _ => Err(cannot_copy("a dict")),
            },
        }
    }

    /// A class of the program: its bases first (a class is made after them), then the class
    /// with an empty namespace, then the namespace (its methods may name the class).
    fn copy_class(&mut self, v: &Value, c: &Class) -> PyResult<Value> {
        let bases = self.copy_classes(&c.bases)?;
        let mro = self.copy_classes(&c.mro)?;
        if let Some(done) = self.memo.get(&v.identity()) {
            return Ok(done.clone());
        }
        let dict = Arc::new(Dict::new());
        dict.mark_class_dict();
        let copy = Value::Class(Arc::new(Class {
            name: c.name.clone(),
            qualname: c.qualname.clone(),
            module: c.module.clone(),
            tp_name: c.tp_name.clone(),
            bases,
            mro,
            dict: dict.clone(),
            layout: c.layout,
            is_builtin: false,
            builtin_base: c.builtin_base.clone(),
            slots: c.slots.clone(),
        }));
        self.remember(v, copy.clone());
        self.fill_dict(&c.dict, &dict)?;
        Ok(copy)
    }

    fn copy_classes(&mut self, classes: &[Arc<Class>]) -> PyResult<Vec<Arc<Class>>> {
        let mut out = Vec::new();
        for class in classes {
            match self.copy(&Value::Class(class.clone()))? {
                Value::Class(c) => out.push(c),
                _ => return Err(cannot_copy("a class")),
            }
        }
        Ok(out)
    }

    fn copy_instance(&mut self, v: &Value, i: &Instance) -> PyResult<Value> {
        let Value::Class(class) = self.copy(&Value::Class(i.class.clone()))? else {
            return Err(cannot_copy("an instance's class"));
        };
        if let Some(done) = self.memo.get(&v.identity()) {
            return Ok(done.clone());
        }
        let exc = match i.exc_data() {
            None => None,
            Some(data) => {
                let data = data.lock();
                let (args, traceback, cause, context, suppress, group) = (
                    data.args.clone(),
                    data.traceback.clone(),
                    data.cause.clone(),
                    data.context.clone(),
                    data.suppress_context,
                    data.group.clone(),
                );
                drop(data);
                Some(ExcData {
                    args: self.copy_all(&args)?,
                    traceback,
                    cause: cause.map(|c| self.copy(&c)).transpose()?,
                    context: context.map(|c| self.copy(&c)).transpose()?,
                    suppress_context: suppress,
                    group: group.map(|g| self.copy_all(&g)).transpose()?,
                })
            }
        };
        let base = i.base.as_ref().map(|b| self.copy(b)).transpose()?;
        let dict = Arc::new(Dict::new());
        let copy = Value::Instance(Instance::from_parts(class, dict.clone(), base, exc));
        self.remember(v, copy.clone());
        self.fill_dict(&i.dict, &dict)?;
        Ok(copy)
    }

    /// Objects implemented in Rust: the ones that hold state are copied (a lock keeps its
    /// state), the immutable ones shared, the rest refused by name.
    fn copy_native(&mut self, v: &Value, n: &NativeObject) -> PyResult<Value> {
        if let Some(core) = n.downcast::<Arc<LockCore>>() {
            if self
                .shared_locks
                .contains(&(Arc::as_ptr(core) as *const () as usize))
            {
                return Ok(v.clone());
            }
            let copy = core.fork_copy(self.forking_thread);
            let weak: std::sync::Weak<dyn crate::runtime::deadlock::LockInfo> =
                Arc::downgrade(&(copy.clone() as Arc<dyn crate::runtime::deadlock::LockInfo>));
            self.vm.interp.runtime.register_lock(weak);
            let value = Value::Native(Arc::new(NativeObject::new(n.class.clone(), copy)));
            return Ok(self.remember(v, value));
        }
        if let Some(p) = n.downcast::<Property>() {
            let copy = Property {
                fget: self.copy(&p.fget)?,
                fset: self.copy(&p.fset)?,
                fdel: self.copy(&p.fdel)?,
                doc: self.copy(&p.doc)?,
            };
            let value = Value::Native(Arc::new(NativeObject::new(n.class.clone(), copy)));
            return Ok(self.remember(v, value));
        }
        if let Some(StaticMethod(f)) = n.downcast::<StaticMethod>() {
            let copy = StaticMethod(self.copy(f)?);
            let value = Value::Native(Arc::new(NativeObject::new(n.class.clone(), copy)));
            return Ok(self.remember(v, value));
        }
        if let Some(ClassMethod(f)) = n.downcast::<ClassMethod>() {
            let copy = ClassMethod(self.copy(f)?);
            let value = Value::Native(Arc::new(NativeObject::new(n.class.clone(), copy)));
            return Ok(self.remember(v, value));
        }
        if let Some(items) = crate::stdlib::deque::fork_items(v) {
            let (items, maxlen) = items;
            let items = self.copy_all(&items)?;
            let value = crate::stdlib::deque::deque_of(items.into(), maxlen);
            return Ok(self.remember(v, value));
        }
        if let Some(copy) = crate::stdlib::random::fork_copy(v) {
            return Ok(self.remember(v, copy));
        }
        match &*n.class.name {
            // Immutable, or a handle on something outside the heap (the run's stdout).
            "TextIOWrapper" | "InterpreterID" | "ChannelID" | "SendChannel" | "RecvChannel"
            | "GenericAlias" | "traceback" => Ok(v.clone()),
            name => Err(cannot_copy(&format!("a '{name}' object"))),
        }
    }
}

/// Whether a key's hash is the same for its copy (it depends on the value, not on where
/// the object lives).
fn hash_survives_copy(v: &Value) -> bool {
    matches!(
        v,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Bytes(_)
    )
}

fn cannot_copy(what: &str) -> crate::vm::pyerr::PyErr {
    unsupported(&format!("fork with {what} in the parent's heap"))
}
