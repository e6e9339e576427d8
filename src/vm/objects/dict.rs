//! Python `dict`: insertion-ordered entries plus a hash index (like CPython's compact dict),
//! locked per operation so free-threaded runs stay memory-safe and `d[k] = v` stays atomic.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use hashbrown::HashTable;

use crate::vm::context::Vm;
use crate::vm::objects::pystr::{PyStr, hash_str};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::PyResult;

/// A dict's lock. Critical sections are a few hash probes and never run Python code, so a
/// spin lock fits, and its unlock is a plain release store: with parking_lot's mutex (two
/// atomic read-modify-writes per access) module-level name lookups spent most of their time
/// in the lock. Contended waiters yield the CPU (free-threaded runs have more threads than
/// cores).
type Mutex<T> = spin::mutex::SpinMutex<T, spin::relax::Yield>;

#[derive(Debug, Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Debug, Default)]
pub struct DictInner {
    entries: Vec<Option<Entry>>,
    index: HashTable<usize>,
    len: usize,
}

/// Room made at a dict's first insertion.
const MIN_CAPACITY: usize = 8;

/// Dicts of up to this many entry slots have no hash index: a lookup scans the stored hashes
/// (an instance's few attributes, a small literal). That saves the index's allocation and
/// set-up for every new instance, and a small dict's lookup is a few compares anyway.
const SMALL: usize = 8;

#[derive(Debug, Default)]
pub struct Dict {
    inner: Mutex<DictInner>,
    /// Bumped by every mutation: lets LOAD_GLOBAL caches validate without the lock.
    version: AtomicU64,
    /// A class's namespace: its mutations also invalidate the type attribute cache.
    class_owned: AtomicBool,
}

/// Outcome of a lookup done under the lock with native comparisons only (dicts and sets).
pub(crate) enum Probe {
    Found(usize),
    Missing,
    /// Entries with the same hash whose keys need Python's `__eq__` to compare.
    NeedsPython(Vec<(usize, Value)>),
}

/// Where a dict or set table holds `key`: `probe` looks under the lock with native comparisons;
/// keys that need Python's `__eq__` are compared outside the lock, then `still_at(i, k)` checks
/// (under the lock again) that the table still holds `k` at `i`, else the lookup starts over
/// (as `dictobject.c` and `setobject.c` restart when a comparison mutated the table).
#[inline]
pub(crate) fn lookup_position(
    vm: &Vm,
    key: &Value,
    probe: impl Fn() -> Probe,
    still_at: impl Fn(usize, &Value) -> bool,
) -> PyResult<Option<usize>> {
    loop {
        match probe() {
            Probe::Found(i) => return Ok(Some(i)),
            Probe::Missing => return Ok(None),
            Probe::NeedsPython(candidates) => {
                let mut changed = false;
                for (i, k) in candidates {
                    if vm.eq_values(&k, key)? {
                        if still_at(i, &k) {
                            return Ok(Some(i));
                        }
                        changed = true;
                    }
                }
                if !changed {
                    return Ok(None);
                }
            }
        }
    }
}

/// Key equality that needs no Python code: `Some(result)`, or `None` when `__eq__` must run.
pub fn native_key_eq(a: &Value, b: &Value) -> Option<bool> {
    native_key_eq_within(a, b, NATIVE_TUPLE_DEPTH)
}

/// How deep into nested tuples the shortcut looks. Deeper is left to the comparison protocol,
/// which counts its depth against the recursion limit: unbounded, a 10**6-deep tuple was a
/// Rust stack overflow, and walking it whole at every level of `t == t[0]` took 40 s.
const NATIVE_TUPLE_DEPTH: u32 = 16;

fn native_key_eq_within(a: &Value, b: &Value, depth: u32) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x.as_str() == y.as_str()),
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => {
            Some((*x as f64) == *y && (*y as i64) == *x)
        }
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => {
            Some(i64::from(*x) == *y)
        }
        (Value::BigInt(x), Value::BigInt(y)) => Some(x == y),
        (Value::BigInt(_), Value::Int(_) | Value::Bool(_))
        | (Value::Int(_) | Value::Bool(_), Value::BigInt(_)) => Some(false),
        (Value::Bytes(x), Value::Bytes(y)) => Some(x == y),
        (Value::Tuple(x), Value::Tuple(y)) => {
            if x.items.len() != y.items.len() {
                return Some(false);
            }
            let depth = depth.checked_sub(1)?;
            for (p, q) in x.items.iter().zip(y.items.iter()) {
                match native_key_eq_within(p, q, depth) {
                    Some(true) => {}
                    other => return other,
                }
            }
            Some(true)
        }
        _ if is_simple_key(a) && is_simple_key(b) => Some(false),
        _ => None,
    }
}

/// Types whose equality is known without Python code (different simple types are unequal).
fn is_simple_key(v: &Value) -> bool {
    matches!(
        v,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Tuple(_)
            | Value::Function(_)
            | Value::Builtin(_)
            | Value::Class(_)
            | Value::Module(_)
            | Value::Ellipsis
            | Value::NotImplemented
    )
}

impl DictInner {
    /// The position of the entry with hash `hash` that `is_key` (given its position)
    /// accepts. Small dicts (up to `SMALL` entry slots) have no index and are scanned; bigger
    /// ones look in the index.
    #[inline(always)]
    fn find_where(
        &self,
        hash: i64,
        mut is_key: impl FnMut(usize, &Entry) -> bool,
    ) -> Option<usize> {
        let entries = &self.entries;
        if entries.len() <= SMALL {
            return entries
                .iter()
                .enumerate()
                .position(|(i, e)| matches!(e, Some(e) if e.hash == hash && is_key(i, e)));
        }
        self.index
            .find(
                hash as u64,
                |&i| matches!(&entries[i], Some(e) if e.hash == hash && is_key(i, e)),
            )
            .copied()
    }

    #[inline(always)]
    fn probe(&self, hash: i64, key: &Value) -> Probe {
        let mut slow = Vec::new();
        let found = self.find_where(hash, |i, e| match native_key_eq(&e.key, key) {
            Some(eq) => eq,
            None => {
                slow.push((i, e.key.clone()));
                false
            }
        });
        match found {
            Some(i) => Probe::Found(i),
            None if slow.is_empty() => Probe::Missing,
            None => Probe::NeedsPython(slow),
        }
    }

    /// The entry position of an interned name (the same `Arc` as the key, usually).
    #[inline]
    fn find_name(&self, key: &Arc<PyStr>) -> Option<usize> {
        self.find_where(key.hash(), |_, e| match &e.key {
            Value::Str(k) => Arc::ptr_eq(k, key) || k.as_str() == key.as_str(),
            _ => false,
        })
    }

    fn find_str(&self, hash: i64, key: &str) -> Option<usize> {
        self.find_where(
            hash,
            |_, e| matches!(&e.key, Value::Str(k) if k.as_str() == key),
        )
    }

    #[inline]
    fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        let pos = self.entries.len();
        if self.entries.capacity() == 0 {
            // CPython's PyDict_MINSIZE: a namespace filled one name at a time (a class body,
            // an instance's attributes) otherwise reallocates at 1, 2, 4 and 8.
            self.entries.reserve_exact(MIN_CAPACITY);
        }
        self.entries.push(Some(Entry { hash, key, value }));
        self.len += 1;
        if pos < SMALL {
            return;
        }
        // The new entry; when the dict just outgrew the scan, every entry so far.
        let first = if pos == SMALL { 0 } else { pos };
        let entries = &self.entries;
        let rehash = |&i: &usize| entries[i].as_ref().map_or(0, |e| e.hash as u64);
        for (i, e) in entries.iter().enumerate().skip(first) {
            if let Some(e) = e {
                self.index.insert_unique(e.hash as u64, i, rehash);
            }
        }
    }

    fn remove_at(&mut self, pos: usize) -> Option<Entry> {
        let entry = self.entries.get_mut(pos)?.take()?;
        if self.entries.len() > SMALL
            && let Ok(found) = self.index.find_entry(entry.hash as u64, |&i| i == pos)
        {
            found.remove();
        }
        self.len -= 1;
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        Some(entry)
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.index.clear();
        self.len = 0;
        for e in old.into_iter().flatten() {
            self.insert_new(e.hash, e.key, e.value);
        }
    }
}

/// Deep nesting is freed through the `trashcan`, not by unbounded recursion.
impl Drop for Dict {
    fn drop(&mut self) {
        use crate::vm::objects::trashcan::{Contents, free, nests};
        let inner = self.inner.get_mut();
        if inner
            .entries
            .iter()
            .flatten()
            .any(|e| nests(&e.key) || nests(&e.value))
        {
            free(Contents::Dict(std::mem::take(inner)));
        }
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    /// The mutation counter (see `version`).
    #[inline]
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::Acquire)
    }

    #[inline]
    /// Called with the lock held, so a load and a store (no atomic read-modify-write) suffice:
    /// writers are serialized by the lock.
    fn bump(&self) {
        let v = self.version.load(Ordering::Relaxed);
        self.version.store(v.wrapping_add(1), Ordering::Release);
        if self.class_owned.load(Ordering::Relaxed) {
            crate::vm::objects::type_cache::invalidate();
        }
    }

    /// Marks this dict as a class's namespace (see `class_owned`).
    pub fn mark_class_dict(&self) {
        self.class_owned.store(true, Ordering::Relaxed);
        crate::vm::objects::type_cache::invalidate();
    }

    /// The entry position, key object and value of the str key `key` (the type cache's slow
    /// path).
    pub(crate) fn find_str_entry(
        &self,
        key: &str,
        hash: i64,
    ) -> Option<(usize, Arc<PyStr>, Value)> {
        let inner = self.inner.lock();
        let i = inner.find_str(hash, key)?;
        match inner.entries[i].as_ref()? {
            Entry {
                key: Value::Str(k),
                value,
                ..
            } => Some((i, k.clone(), value.clone())),
            _ => None,
        }
    }

    /// The value at entry position `slot` if that entry's key is still the str object at
    /// address `key` (the type cache's fast path: no hashing, no string comparison, and a
    /// moved entry is noticed — the cache keeps that key alive, so no other string can take
    /// its address). `read` runs under the lock: it must not run Python code.
    #[inline]
    pub(crate) fn read_at_if<R>(
        &self,
        slot: usize,
        key: usize,
        read: impl Fn(&Value) -> R,
    ) -> Option<R> {
        let inner = self.inner.lock();
        match inner.entries.get(slot) {
            Some(Some(Entry {
                key: Value::Str(k),
                value,
                ..
            })) if Arc::as_ptr(k) as *const u8 as usize == key => Some(read(value)),
            _ => None,
        }
    }

    pub fn len(&self) -> usize {
        self.inner.lock().len
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Finds the entry position of `key`, running Python `__eq__` outside the lock if needed.
    fn position(&self, vm: &Vm, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        lookup_position(
            vm,
            key,
            || self.inner.lock().probe(hash, key),
            |i, k| matches!(self.inner.lock().entries.get(i), Some(Some(e)) if e.key.is(k)),
        )
    }

    pub fn get(&self, vm: &Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash_value(key)?;
        self.get_hashed(vm, key, hash)
    }

    pub fn get_hashed(&self, vm: &Vm, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        {
            let inner = self.inner.lock();
            match inner.probe(hash, key) {
                Probe::Found(i) => return Ok(inner.entries[i].as_ref().map(|e| e.value.clone())),
                Probe::Missing => return Ok(None),
                Probe::NeedsPython(_) => {}
            }
        }
        let pos = self.position(vm, key, hash)?;
        let inner = self.inner.lock();
        Ok(pos.and_then(|i| inner.entries.get(i)?.as_ref().map(|e| e.value.clone())))
    }

    pub fn contains(&self, vm: &Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash_value(key)?;
        Ok(self.position(vm, key, hash)?.is_some())
    }

    pub fn set(&self, vm: &Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = vm.hash_value(&key)?;
        self.set_hashed(vm, key, hash, value)
    }

    pub fn set_hashed(&self, vm: &Vm, key: Value, hash: i64, value: Value) -> PyResult<()> {
        {
            let mut inner = self.inner.lock();
            match inner.probe(hash, &key) {
                Probe::Found(i) => {
                    // A replaced value changes the dict too: `globals()['len'] = f` must
                    // invalidate LOAD_GLOBAL's cached `len`.
                    self.bump();
                    let old = inner.entries[i]
                        .as_mut()
                        .map(|e| std::mem::replace(&mut e.value, value));
                    drop(inner);
                    drop(old);
                    return Ok(());
                }
                Probe::Missing => {
                    self.bump();
                    inner.insert_new(hash, key, value);
                    return Ok(());
                }
                Probe::NeedsPython(_) => {}
            }
        }
        let pos = self.position(vm, &key, hash)?;
        let mut inner = self.inner.lock();
        self.bump();
        match pos.and_then(|i| inner.entries.get_mut(i)?.as_mut()) {
            Some(entry) => {
                // Replace the value but keep the original key object, as CPython does.
                let old = std::mem::replace(&mut entry.value, value);
                drop(inner);
                drop(old);
            }
            None => inner.insert_new(hash, key, value),
        }
        Ok(())
    }

    /// Counter's `d[key] = d.get(key, 0) + 1` in one probe (stdlib/counter.rs), when the key
    /// compares without Python code and its count is a small int: false leaves the dict as
    /// it was, for the general get-add-set path.
    pub fn add_one_native(&self, key: &Value, hash: i64) -> bool {
        let mut inner = self.inner.lock();
        match inner.probe(hash, key) {
            Probe::Found(i) => match inner.entries.get_mut(i) {
                Some(Some(e)) => match e.value {
                    Value::Int(n) if n < i64::MAX => {
                        e.value = Value::Int(n + 1);
                        self.bump();
                        true
                    }
                    _ => false,
                },
                _ => false,
            },
            Probe::Missing => {
                self.bump();
                inner.insert_new(hash, key.clone(), Value::Int(1));
                true
            }
            Probe::NeedsPython(_) => false,
        }
    }

    /// Removes `key`, returning its value if present.
    pub fn remove(&self, vm: &Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash_value(key)?;
        let pos = self.position(vm, key, hash)?;
        let mut inner = self.inner.lock();
        self.bump();
        Ok(pos.and_then(|i| inner.remove_at(i)).map(|e| e.value))
    }

    // ------------------------------------------------------------ str-keyed fast paths

    pub fn get_str(&self, key: &str) -> Option<Value> {
        self.get_str_hashed(key, hash_str(key))
    }

    /// `get_str` with the key's hash computed by the caller (once for a whole MRO walk).
    pub fn get_str_hashed(&self, key: &str, hash: i64) -> Option<Value> {
        let inner = self.inner.lock();
        let i = inner.find_str(hash, key)?;
        inner.entries[i].as_ref().map(|e| e.value.clone())
    }

    /// Lookup by an interned name (globals, attributes): hash cached, no Python code.
    #[inline]
    pub fn get_name(&self, key: &Arc<PyStr>) -> Option<Value> {
        let inner = self.inner.lock();
        let i = inner.find_name(key)?;
        inner.entries[i].as_ref().map(|e| e.value.clone())
    }

    /// Whether an interned name is a key (no value cloned).
    #[inline]
    pub fn contains_name(&self, key: &Arc<PyStr>) -> bool {
        self.inner.lock().find_name(key).is_some()
    }

    pub fn set_name(&self, key: &Arc<PyStr>, value: Value) {
        let hash = key.hash();
        let mut inner = self.inner.lock();
        self.bump();
        match inner.find_name(key) {
            Some(i) => {
                if let Some(e) = inner.entries[i].as_mut() {
                    let old = std::mem::replace(&mut e.value, value);
                    drop(inner);
                    drop(old);
                }
            }
            None => inner.insert_new(hash, Value::Str(key.clone()), value),
        }
    }

    pub fn set_str(&self, key: &str, value: Value) {
        self.set_name(&Arc::new(PyStr::new(key)), value);
    }

    pub fn remove_name(&self, key: &str) -> Option<Value> {
        let hash = hash_str(key);
        let mut inner = self.inner.lock();
        let i = inner.find_str(hash, key)?;
        self.bump();
        inner.remove_at(i).map(|e| e.value)
    }

    // ------------------------------------------------------------ whole-dict operations

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.inner
            .lock()
            .entries
            .iter()
            .flatten()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.inner
            .lock()
            .entries
            .iter()
            .flatten()
            .map(|e| e.key.clone())
            .collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.inner
            .lock()
            .entries
            .iter()
            .flatten()
            .map(|e| e.value.clone())
            .collect()
    }

    pub fn entries_hashed(&self) -> Vec<Entry> {
        self.inner
            .lock()
            .entries
            .iter()
            .flatten()
            .cloned()
            .collect()
    }

    /// The first live entry at or after `pos`, with the position after it; used by iterators.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value, Value)> {
        let inner = self.inner.lock();
        inner.entries[pos.min(inner.entries.len())..]
            .iter()
            .enumerate()
            .find_map(|(off, e)| {
                e.as_ref()
                    .map(|e| (pos + off + 1, e.key.clone(), e.value.clone()))
            })
    }

    pub fn clear(&self) {
        self.drain(drop);
    }

    /// Empties the dict, handing each key and value to `each` outside the lock (a value's
    /// drop may run code that touches this dict).
    pub fn drain(&self, mut each: impl FnMut(Value)) {
        let old = {
            let mut inner = self.inner.lock();
            self.bump();
            std::mem::take(&mut *inner)
        };
        for entry in old.entries.into_iter().flatten() {
            each(entry.key);
            each(entry.value);
        }
    }

    pub fn copy(&self) -> Dict {
        let inner = self.inner.lock();
        let mut fresh = DictInner::default();
        for e in inner.entries.iter().flatten() {
            fresh.insert_new(e.hash, e.key.clone(), e.value.clone());
        }
        Dict {
            inner: Mutex::new(fresh),
            version: AtomicU64::new(0),
            class_owned: AtomicBool::new(false),
        }
    }

    /// Makes this dict a copy of `other` (entries and hash index cloned as they are, no
    /// rehashing): how a run's `builtins` starts from the shared template.
    pub fn fill_from(&self, other: &Dict) {
        let copy = {
            let src = other.inner.lock();
            DictInner {
                entries: src.entries.clone(),
                index: src.index.clone(),
                len: src.len,
            }
        };
        let mut inner = self.inner.lock();
        self.bump();
        *inner = copy;
    }

    /// Removes and returns the last inserted item (`dict.popitem`).
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let mut inner = self.inner.lock();
        self.bump();
        let pos = inner.entries.iter().rposition(Option::is_some)?;
        let e = inner.remove_at(pos)?;
        Some((e.key, e.value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(d: &Dict) -> Vec<String> {
        d.items()
            .into_iter()
            .map(|(k, _)| match k {
                Value::Str(s) => s.as_str().to_string(),
                _ => String::new(),
            })
            .collect()
    }

    /// Crossing `SMALL` builds the index from the scanned entries; removals and the
    /// compaction after many of them keep every remaining name findable, in order.
    #[test]
    fn small_dicts_grow_into_indexed_ones_and_back() {
        let d = Dict::new();
        let names: Vec<String> = (0..40).map(|i| format!("n{i}")).collect();
        for (i, n) in names.iter().enumerate() {
            d.set_str(n, Value::Int(i as i64));
            for (j, m) in names.iter().enumerate().take(i + 1) {
                assert!(
                    matches!(d.get_str(m), Some(Value::Int(v)) if v == j as i64),
                    "{m} lost after inserting {n}"
                );
            }
        }
        for n in names
            .iter()
            .step_by(2)
            .chain(names.iter().skip(1).step_by(4))
        {
            assert!(d.remove_name(n).is_some(), "{n} not removed");
        }
        let left: Vec<String> = names.iter().skip(3).step_by(4).cloned().collect();
        assert_eq!(keys(&d), left);
        for n in &names {
            assert_eq!(d.get_str(n).is_some(), left.contains(n), "{n}");
        }
        d.set_str("n0", Value::None);
        assert_eq!(keys(&d).last().map(String::as_str), Some("n0"));
    }
}
