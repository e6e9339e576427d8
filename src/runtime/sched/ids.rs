//! Object identities as a simulated run shows them: `id()`, the addresses in reprs and the
//! default hash (hence the order of a set of objects) come from real memory addresses, which
//! differ from run to run. In simulated mode each object gets the next number of a per-run
//! sequence the first time its identity is observed instead, so the same schedule prints the
//! same ids. An address the allocator reused for a new object gets a new number (the old
//! object's weak reference is dead), so the numbering does not depend on the allocator.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Weak};

use parking_lot::Mutex;

/// Where the aliases start: looks like a typical 64-bit heap address.
const BASE: usize = 0x7f00_0000_1000;
const STRIDE: usize = 0x40;

/// A weak reference to whatever object lives at an address.
pub type WeakObject = Weak<dyn Any + Send + Sync>;

#[derive(Default)]
pub struct IdAliases {
    map: Mutex<AliasMap>,
}

#[derive(Default)]
struct AliasMap {
    by_address: HashMap<usize, (usize, Option<WeakObject>)>,
    issued: usize,
}

impl IdAliases {
    fn alias(&self, raw: usize, object: Option<WeakObject>) -> usize {
        let mut map = self.map.lock();
        if let Some((alias, known)) = map.by_address.get(&raw) {
            let same_object = known.as_ref().is_none_or(|w| w.strong_count() > 0);
            if same_object {
                return *alias;
            }
        }
        let alias = BASE + map.issued * STRIDE;
        map.issued += 1;
        map.by_address.insert(raw, (alias, object));
        alias
    }
}

thread_local! {
    /// The aliases of the simulated run this OS thread executes, if any.
    static ALIASES: RefCell<Option<Arc<IdAliases>>> = const { RefCell::new(None) };
}

/// Called by every OS thread that runs Python code, with its run's aliases (None in real
/// mode).
pub fn install(aliases: Option<Arc<IdAliases>>) {
    ALIASES.with(|a| *a.borrow_mut() = aliases);
}

/// The identity of the object at `raw`, which `object` refers to weakly (asked for only in
/// simulated mode).
#[inline]
pub fn observe_object(raw: usize, object: impl FnOnce() -> Option<WeakObject>) -> usize {
    ALIASES.with(|a| match &*a.borrow() {
        None => raw,
        Some(aliases) => aliases.alias(raw, object()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_sequential_and_stable_per_run() {
        install(Some(Arc::new(IdAliases::default())));
        let a = observe_object(0x5555_1234, || None);
        let b = observe_object(0x5555_9999, || None);
        assert_eq!(a, BASE);
        assert_eq!(b, BASE + STRIDE);
        assert_eq!(observe_object(0x5555_1234, || None), a);
        // A dead object's address reused by a new one gets a new number.
        let first: Arc<dyn Any + Send + Sync> = Arc::new(1u8);
        let raw = 0x6666_0000;
        let w = Arc::downgrade(&first);
        let x = observe_object(raw, || Some(w.clone()));
        assert_eq!(observe_object(raw, || None), x);
        drop(first);
        let second: Arc<dyn Any + Send + Sync> = Arc::new(2u8);
        let y = observe_object(raw, || Some(Arc::downgrade(&second)));
        assert_ne!(x, y);
        install(None);
        assert_eq!(observe_object(42, || None), 42);
    }
}
