//! Memoized attribute plans per (class, name): "is `obj.name = v` a plain instance-dict
//! store?", "may `obj.name` read the instance dict first?" and "which builtin method does
//! `obj.name(...)` call?".
//!
//! CPython specializes STORE_ATTR and LOAD_ATTR per instruction on a type version
//! (Python/specialize.c: STORE_ATTR_INSTANCE_VALUE, LOAD_ATTR_METHOD_NO_DICT). gilsim keeps
//! the answers per thread, keyed by class and name: a store goes straight to the instance
//! dict without walking the MRO twice, a read finds an instance attribute without walking it
//! at all (LOAD_ATTR_INSTANCE_VALUE), and a builtin method (`l.append`, `d.popleft`) is
//! found without the MRO walk, the dict lock and the native object's data-attribute checks.
//! Entries are valid for one epoch of the type attribute cache: any change to a class dict,
//! any class made or freed, forgets them all.

use std::any::TypeId;
use std::cell::{Cell, RefCell};
use std::sync::Arc;

use crate::vm::objects::class::Class;
use crate::vm::objects::descriptors::as_property;
use crate::vm::objects::function::{MethodFn, NativeCall};
use crate::vm::objects::pystr::PyStr;
use crate::vm::objects::type_cache;
use crate::vm::objects::value::Value;

/// Entries per thread (a power of two): direct-mapped.
const SIZE: usize = 1024;

#[derive(Clone, Copy)]
struct Entry {
    class: usize,
    name: usize,
    epoch: u64,
    plan: Plan,
}

/// What `Vm::setattr` and `Vm::getattr` would do with one attribute name on instances of one
/// class, decided without running them.
#[derive(Clone, Copy)]
struct Plan {
    /// `inst.name = v` stores into the instance dict and does nothing else.
    store: bool,
    /// `inst.name` is the instance dict's entry when there is one: no property and no data
    /// descriptor of the class comes first.
    read: bool,
}

const EMPTY: Entry = Entry {
    class: 0,
    name: 0,
    epoch: 0,
    plan: Plan {
        store: false,
        read: false,
    },
};

/// A remembered method: a builtin or a Python function found on a class (or a descriptor
/// object such as a staticmethod, or None for a remembered "nothing"). It holds the object
/// itself. None of these has a finalizer or takes weak references in gilsim, so holding one
/// a little longer (until its cache slot is reused, after its class changed) is
/// unobservable but for memory.
struct MethodEntry {
    class: usize,
    name: Arc<PyStr>,
    epoch: u64,
    /// A native object's payload type: what decides its data attributes (`deque.maxlen`).
    payload: Option<TypeId>,
    method: Value,
}

impl MethodEntry {
    /// Whether the entry is the one for (class, name, payload) in this epoch of the caches.
    #[inline]
    fn answers(
        &self,
        class: usize,
        name: &Arc<PyStr>,
        epoch: u64,
        payload: Option<TypeId>,
    ) -> bool {
        self.class == class
            && Arc::ptr_eq(&self.name, name)
            && self.epoch == epoch
            && self.payload == payload
    }
}

thread_local! {
    static PLANS: [Cell<Entry>; SIZE] = const { [const { Cell::new(EMPTY) }; SIZE] };
    /// The names of the entries: held so that no other string can take an entry's address.
    static NAMES: RefCell<Vec<Option<Arc<PyStr>>>> = const { RefCell::new(Vec::new()) };
}

/// Whether `inst.name = v` on an instance of `class` (not an exception) stores into the
/// instance dict and nothing else: what `Vm::setattr` would do, decided without running it.
#[inline]
pub fn plain_store(class: &Class, name: &Arc<PyStr>) -> bool {
    plan(class, name).store
}

/// Whether `inst.name` on an instance of `class` is the instance dict's entry for `name`
/// when it has one: what `Vm::getattr` would find first, decided without running it.
#[inline]
pub fn plain_read(class: &Class, name: &Arc<PyStr>) -> bool {
    plan(class, name).read
}

#[inline]
fn plan(class: &Class, name: &Arc<PyStr>) -> Plan {
    let class_id = class as *const Class as usize;
    let name_id = Arc::as_ptr(name) as *const u8 as usize;
    let index = type_cache::slot_of(class_id, name_id, SIZE);
    let epoch = type_cache::epoch();
    let hit = PLANS.with(|plans| plans[index].get());
    if hit.class == class_id && hit.name == name_id && hit.epoch == epoch {
        return hit.plan;
    }
    let plan = decide(class, name);
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if names.is_empty() {
            names.resize(SIZE, None);
        }
        names[index] = Some(name.clone());
    });
    PLANS.with(|plans| {
        plans[index].set(Entry {
            class: class_id,
            name: name_id,
            epoch,
            plan,
        })
    });
    plan
}

/// The uncached decisions. A store mirrors `Vm::setattr` and `Vm::generic_setattr`: a
/// Python `__setattr__` hook, a property, or an instance of a class with `__set__` takes
/// it. A read mirrors `Vm::instance_getattr`: a property or a data descriptor (a Python
/// class with `__get__` and `__set__` or `__delete__`) comes before the instance dict.
fn decide(class: &Class, name: &Arc<PyStr>) -> Plan {
    // A Python `__setattr__` takes every store; `__slots__` may refuse this one.
    let store_hook = class.has_python_function("__setattr__")
        || !crate::vm::objects::slots::may_store(class, name);
    let Some(attr) = class.lookup(name) else {
        return Plan {
            store: !store_hook,
            read: true,
        };
    };
    if as_property(&attr).is_some() {
        return Plan {
            store: false,
            read: false,
        };
    }
    let (has_set, data) = match &attr {
        Value::Instance(d) => {
            let set = d.class.lookup_static("__set__").is_some();
            let data_get = d.class.lookup_static("__get__").is_some()
                && (set || d.class.lookup_static("__delete__").is_some());
            (set, data_get)
        }
        _ => (false, false),
    };
    Plan {
        store: !store_hook && !has_set,
        read: !data,
    }
}

/// Methods found by LOAD_ATTR's method form, per thread: one in each `Vm` (a field is cheaper
/// to reach than a thread-local with a destructor). A hit skips the MRO walk and the class
/// dict's lock.
#[derive(Default)]
pub struct MethodCache {
    entries: RefCell<Vec<Option<MethodEntry>>>,
}

impl MethodCache {
    /// The method that LOAD_ATTR's method form finds for `name` on a receiver of `class`
    /// (with native payload type `payload`): remembered when `decide` (the uncached rule)
    /// finds a builtin, a Python function, a native descriptor or None, so the next lookup
    /// is a compare and a clone. `name` may be a key of the caller's own for a derived rule.
    #[inline]
    pub fn method<E>(
        &self,
        class: &Class,
        payload: Option<TypeId>,
        name: &Arc<PyStr>,
        decide: impl FnOnce() -> Result<Option<Value>, E>,
    ) -> Result<Option<Value>, E> {
        let class_id = class as *const Class as usize;
        let name_id = Arc::as_ptr(name) as *const u8 as usize;
        let index = type_cache::slot_of(class_id, name_id, SIZE);
        let epoch = type_cache::epoch();
        if let Some(Some(e)) = self.entries.borrow().get(index)
            && e.answers(class_id, name, epoch, payload)
        {
            return Ok(Some(e.method.clone()));
        }
        let found = decide()?;
        if let Some(
            method @ (Value::Builtin(_) | Value::Function(_) | Value::Native(_) | Value::None),
        ) = &found
        {
            let mut entries = self.entries.borrow_mut();
            if entries.is_empty() {
                entries.resize_with(SIZE, || None);
            }
            entries[index] = Some(MethodEntry {
                class: class_id,
                name: name.clone(),
                epoch,
                payload,
                method: method.clone(),
            });
        }
        Ok(found)
    }

    /// A remembered builtin method that takes its receiver apart (`NativeCall::Method`) for
    /// `name` on a receiver of `class`, without cloning it: what a fused method call runs.
    /// None on a miss, or when the method is anything else.
    #[inline]
    pub fn native_method(
        &self,
        class: &Class,
        payload: Option<TypeId>,
        name: &Arc<PyStr>,
    ) -> Option<MethodFn> {
        let class_id = class as *const Class as usize;
        let index = type_cache::slot_of(class_id, Arc::as_ptr(name) as *const u8 as usize, SIZE);
        let entries = self.entries.borrow();
        let e = entries.get(index)?.as_ref()?;
        if !e.answers(class_id, name, type_cache::epoch(), payload) {
            return None;
        }
        match &e.method {
            Value::Builtin(b) if b.bound.is_none() && !b.needs_frame => match b.func {
                NativeCall::Method(f) => Some(f),
                NativeCall::Args(_) => None,
            },
            _ => None,
        }
    }
}
