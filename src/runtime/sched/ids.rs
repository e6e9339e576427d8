//! Object identities as a simulated run shows them: `id()`, the addresses in reprs and the
//! default hash (hence the order of a set of objects) come from real memory addresses, which
//! differ from run to run. In simulated mode each distinct address gets the next number of a
//! per-run sequence instead, so the same schedule prints the same ids.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use parking_lot::Mutex;

/// Where the aliases start: looks like a typical 64-bit heap address.
const BASE: usize = 0x7f00_0000_1000;
const STRIDE: usize = 0x40;

#[derive(Default)]
pub struct IdAliases {
    map: Mutex<HashMap<usize, usize>>,
}

impl IdAliases {
    fn alias(&self, raw: usize) -> usize {
        let mut map = self.map.lock();
        let next = BASE + map.len() * STRIDE;
        *map.entry(raw).or_insert(next)
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

/// The identity a program observes for an object at address `raw`.
#[inline]
pub fn observe(raw: usize) -> usize {
    ALIASES.with(|a| match &*a.borrow() {
        None => raw,
        Some(aliases) => aliases.alias(raw),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_sequential_and_stable_per_run() {
        install(Some(Arc::new(IdAliases::default())));
        let a = observe(0x5555_1234);
        let b = observe(0x5555_9999);
        assert_eq!(a, BASE);
        assert_eq!(b, BASE + STRIDE);
        assert_eq!(observe(0x5555_1234), a);
        install(None);
        assert_eq!(observe(42), 42);
    }
}
