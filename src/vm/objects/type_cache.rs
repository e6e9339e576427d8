//! The type attribute cache: MRO lookups memoized per thread (Objects/typeobject.c `_PyType_Lookup`).
//!
//! CPython keys its cache by (type version tag, name) and invalidates a type's tag when the
//! type or one of its bases changes. gilsim keeps one global epoch instead: every mutation of
//! a class's dict, every class made and every class freed bumps it, which invalidates every
//! entry at once. Classes change rarely once a program runs, so that costs little, and it
//! needs no links from a class to its subclasses.
//!
//! An entry remembers *where* the name was found (which class of the MRO, which entry of its
//! dict, under which key object), not the value: the cache keeps no value alive (only the
//! name and key strings), and reading the value back checks under the dict's lock that the
//! entry still holds that very key — a racing thread that moved it sends the lookup down the
//! slow path, never to a wrong value.

use std::cell::{Cell, RefCell};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::vm::objects::class::Class;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::pystr::{PyStr, hash_str};
use crate::vm::objects::value::Value;

/// Bumped by every change that can alter the result of an MRO lookup.
static EPOCH: AtomicU64 = AtomicU64::new(1);

/// Entries per thread (a power of two): direct-mapped, as CPython's 4096-entry cache.
const SIZE: usize = 1024;

/// The current epoch: caches built on this one (`attr_plan`) are valid while it holds.
#[inline]
pub fn epoch() -> u64 {
    EPOCH.load(Ordering::Acquire)
}

/// The slot of (class, name) in a direct-mapped cache of `size` entries (a power of two),
/// from their addresses: shared by this cache and `attr_plan`'s.
#[inline]
pub fn slot_of(class_id: usize, name_id: usize, size: usize) -> usize {
    ((class_id >> 4) ^ (name_id >> 3).wrapping_mul(0x9e37_79b9)) % size
}

/// Invalidates every thread's cache (a class dict changed, a class was made or freed).
#[inline]
pub fn invalidate() {
    EPOCH.fetch_add(1, Ordering::AcqRel);
}

/// Where a lookup found its name: `NOWHERE`, or `depth << 32 | slot` — `depth` 0 is the
/// class itself, then its MRO in order; `slot` is the entry position in that class's dict.
const NOWHERE: u64 = u64::MAX;

/// One cache line's worth of facts, `Copy` so the hit path reads plain thread-local memory
/// (no lazy initialization, no borrow flag).
#[derive(Clone, Copy)]
struct Entry {
    class: usize,
    /// The name's address: an `Arc<PyStr>`'s (kept alive in `KEEP` while the entry exists, so
    /// no other string can take that address) or a `'static` literal's.
    name: usize,
    epoch: u64,
    found: u64,
    /// The address of the dict key the name was found under (kept alive in `KEEP`): the hit
    /// path checks the entry by address, not by comparing strings.
    key: usize,
}

const EMPTY: Entry = Entry {
    class: 0,
    name: 0,
    epoch: 0,
    found: NOWHERE,
    key: 0,
};

thread_local! {
    static HOT: [Cell<Entry>; SIZE] = const { [const { Cell::new(EMPTY) }; SIZE] };
    /// The names and the dict keys of the entries, by index: touched only when an entry is
    /// filled. Holding them keeps their addresses from being reused while the entry exists.
    static KEEP: RefCell<Vec<Kept>> = const { RefCell::new(Vec::new()) };
}

/// What an entry keeps alive: its name (unless a `'static` literal) and the key it matched.
#[derive(Clone, Default)]
struct Kept {
    _name: Option<Arc<PyStr>>,
    _key: Option<Arc<PyStr>>,
}

#[derive(Clone, Copy)]
enum NameRef<'a> {
    Name(&'a Arc<PyStr>),
    Static(&'static str),
}

impl NameRef<'_> {
    #[inline]
    fn address(self) -> usize {
        match self {
            NameRef::Name(n) => Arc::as_ptr(n) as *const u8 as usize,
            NameRef::Static(s) => s.as_ptr() as usize ^ (s.len() << 48),
        }
    }
    fn as_str(&self) -> &str {
        match self {
            NameRef::Name(n) => n.as_str(),
            NameRef::Static(s) => s,
        }
    }
    fn hash(&self) -> i64 {
        match self {
            NameRef::Name(n) => n.hash(),
            NameRef::Static(s) => hash_str(s),
        }
    }
}

/// `class.lookup(name)` through the cache.
#[inline]
pub fn lookup_name(class: &Class, name: &Arc<PyStr>) -> Option<Value> {
    lookup(class, NameRef::Name(name), Value::clone)
}

/// `class.lookup_str(name)` through the cache, for names written in gilsim's source.
#[inline]
pub fn lookup_static(class: &Class, name: &'static str) -> Option<Value> {
    lookup(class, NameRef::Static(name), Value::clone)
}

/// `read` of what `lookup_static` would return, without cloning it (no reference count
/// touched): e.g. whether a class overrides `__setattr__` with a Python function. `read` runs
/// under a dict lock and must not run Python code.
#[inline]
pub fn read_static<R>(class: &Class, name: &'static str, read: impl Fn(&Value) -> R) -> Option<R> {
    lookup(class, NameRef::Static(name), read)
}

#[inline]
fn lookup<R>(class: &Class, name: NameRef<'_>, read: impl Fn(&Value) -> R) -> Option<R> {
    let class_id = class as *const Class as usize;
    let name_id = name.address();
    let index = slot_of(class_id, name_id, SIZE);
    let epoch = EPOCH.load(Ordering::Acquire);
    let hit = HOT.with(|hot| hot[index].get());
    if hit.class == class_id && hit.name == name_id && hit.epoch == epoch {
        if hit.found == NOWHERE {
            return None;
        }
        let (depth, slot) = ((hit.found >> 32) as usize, hit.found as u32 as usize);
        if let Some(r) = dict_at(class, depth).read_at_if(slot, hit.key, &read) {
            return Some(r);
        }
    }
    let (value, found, key) = walk(class, name);
    let key_id = key
        .as_ref()
        .map_or(0, |k| Arc::as_ptr(k) as *const u8 as usize);
    let kept = Kept {
        _name: match name {
            NameRef::Name(n) => Some(n.clone()),
            NameRef::Static(_) => None,
        },
        _key: key,
    };
    KEEP.with(|keep| {
        let mut keep = keep.borrow_mut();
        if keep.is_empty() {
            keep.resize(SIZE, Kept::default());
        }
        keep[index] = kept;
    });
    HOT.with(|hot| {
        hot[index].set(Entry {
            class: class_id,
            name: name_id,
            epoch,
            found,
            key: key_id,
        })
    });
    value.as_ref().map(read)
}

fn dict_at(class: &Class, depth: usize) -> &Dict {
    match depth {
        0 => &class.dict,
        d => &class.mro[d - 1].dict,
    }
}

/// The uncached lookup along the MRO, with where it found the name and the key it is under.
fn walk(class: &Class, name: NameRef<'_>) -> (Option<Value>, u64, Option<Arc<PyStr>>) {
    let hash = name.hash();
    let text = name.as_str();
    let dicts = std::iter::once(&class.dict).chain(class.mro.iter().map(|c| &c.dict));
    for (depth, dict) in dicts.enumerate() {
        if let Some((slot, key, v)) = dict.find_str_entry(text, hash) {
            return (Some(v), ((depth as u64) << 32) | slot as u64, Some(key));
        }
    }
    (None, NOWHERE, None)
}
