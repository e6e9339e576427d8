//! Python `set`/`frozenset` as CPython's open-addressing table (Objects/setobject.c): the same
//! probe sequence, fill/resize rules and table order, so `print({3, 1, 2})` matches CPython.

use parking_lot::Mutex;

use crate::vm::context::Vm;
use crate::vm::objects::dict::{Probe, lookup_position, native_key_eq};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::PyResult;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Debug, Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(i64, Value),
}

#[derive(Debug, Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    /// Where `pop()` resumes searching (CPython's `finger`).
    finger: usize,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
}

/// The slots CPython's set code visits for `hash` (`set_lookkey`, `set_add_entry`,
/// `set_insert_clean`): each start and its LINEAR_PROBES neighbours when they fit below `mask`,
/// then a jump stirred by the hash's higher bits. Endless: callers stop at an empty slot.
fn probe_order(hash: i64, mask: usize) -> ProbeOrder {
    let start = (hash as u64 as usize) & mask;
    ProbeOrder {
        perturb: hash as u64,
        start,
        next: start,
        end: run_end(start, mask),
        mask,
    }
}

/// The last slot of the run that starts at `start`: its LINEAR_PROBES neighbours when they
/// fit below `mask`.
#[inline]
fn run_end(start: usize, mask: usize) -> usize {
    if start + LINEAR_PROBES <= mask {
        start + LINEAR_PROBES
    } else {
        start
    }
}

/// `probe_order`'s iterator, written out: a chain of iterator adapters (repeat_with,
/// flat_map, inclusive ranges) cost about 100 instructions per probed slot.
struct ProbeOrder {
    perturb: u64,
    /// The first slot of the current run, the next slot to give, the run's last slot.
    start: usize,
    next: usize,
    end: usize,
    mask: usize,
}

impl Iterator for ProbeOrder {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.next > self.end {
            // The run is done: jump to the next start, stirred by the hash's higher bits.
            self.perturb >>= PERTURB_SHIFT;
            self.start = (self
                .start
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize))
                & self.mask;
            self.next = self.start;
            self.end = run_end(self.start, self.mask);
        }
        let slot = self.next;
        self.next += 1;
        Some(slot)
    }
}

impl SetTable {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Follows CPython's probe sequence, comparing natively where possible.
    fn probe(&self, hash: i64, key: &Value) -> Probe {
        let mut slow = Vec::new();
        for j in probe_order(hash, self.mask()) {
            match &self.slots[j] {
                Slot::Empty => break,
                Slot::Full(h, k) if *h == hash => match native_key_eq(k, key) {
                    Some(true) => return Probe::Found(j),
                    Some(false) => {}
                    None => slow.push((j, k.clone())),
                },
                _ => {}
            }
        }
        if slow.is_empty() {
            Probe::Missing
        } else {
            Probe::NeedsPython(slow)
        }
    }

    /// `set_add_entry` for a key known to be absent: reuse the first dummy on the probe path,
    /// else take the first empty slot; then resize when 3/5 full.
    fn insert_absent(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut freeslot: Option<usize> = None;
        for j in probe_order(hash, mask) {
            match &self.slots[j] {
                Slot::Empty => {
                    if let Some(free) = freeslot {
                        self.slots[free] = Slot::Full(hash, key);
                        self.used += 1;
                        return;
                    }
                    self.slots[j] = Slot::Full(hash, key);
                    self.fill += 1;
                    self.used += 1;
                    if self.fill * 5 >= mask * 3 {
                        let target = if self.used > 50_000 {
                            self.used * 2
                        } else {
                            self.used * 4
                        };
                        self.resize(target);
                    }
                    return;
                }
                Slot::Dummy if freeslot.is_none() => freeslot = Some(j),
                _ => {}
            }
        }
        unreachable!("a set table always has an empty slot")
    }

    /// `set_table_resize`: smallest power of two above `minused`, entries re-inserted in table
    /// order with `set_insert_clean`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; newsize]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Full(h, k) = slot {
                self.insert_clean(h, k);
            }
        }
    }

    fn insert_clean(&mut self, hash: i64, key: Value) {
        let free = probe_order(hash, self.mask())
            .find(|&j| matches!(self.slots[j], Slot::Empty))
            .expect("a set table always has an empty slot");
        self.slots[free] = Slot::Full(hash, key);
    }

    fn remove_at(&mut self, pos: usize) -> Option<Value> {
        match std::mem::replace(&mut self.slots[pos], Slot::Dummy) {
            Slot::Full(_, k) => {
                self.used -= 1;
                Some(k)
            }
            other => {
                self.slots[pos] = other;
                None
            }
        }
    }

    /// `set_merge` of another table into this one (used by copy, union and update).
    fn merge(&mut self, other: &SetTable) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots = other.slots.clone();
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for slot in &other.slots {
                if let Slot::Full(h, k) = slot {
                    self.insert_clean(*h, k.clone());
                }
            }
            return;
        }
        for slot in &other.slots {
            if let Slot::Full(h, k) = slot
                && let Probe::Missing = self.probe(*h, k)
            {
                self.insert_absent(*h, k.clone());
            }
        }
    }

    /// Entries in table order.
    pub fn entries(&self) -> Vec<(i64, Value)> {
        self.slots
            .iter()
            .filter_map(|s| match s {
                Slot::Full(h, k) => Some((*h, k.clone())),
                _ => None,
            })
            .collect()
    }

    /// CPython's `frozenset_hash`.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let mut hash: u64 = 0;
        for slot in &self.slots {
            if let Slot::Full(h, _) = slot {
                hash ^= shuffle(*h as u64);
            }
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            hash = 590_923_713;
        }
        hash as i64
    }
}

#[derive(Debug, Default)]
pub struct Set {
    table: Mutex<SetTable>,
}

impl Set {
    pub fn new() -> Set {
        Set::default()
    }

    pub fn len(&self) -> usize {
        self.table.lock().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn table(&self) -> SetTable {
        self.table.lock().clone()
    }

    pub fn entries(&self) -> Vec<(i64, Value)> {
        self.table.lock().entries()
    }

    pub fn values(&self) -> Vec<Value> {
        self.entries().into_iter().map(|(_, v)| v).collect()
    }

    fn position(&self, vm: &Vm, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        lookup_position(
            vm,
            key,
            || self.table.lock().probe(hash, key),
            |i, k| matches!(self.table.lock().slots.get(i), Some(Slot::Full(_, cur)) if cur.is(k)),
        )
    }

    pub fn contains(&self, vm: &Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash_value(key)?;
        self.contains_hashed(vm, hash, key)
    }

    pub fn contains_hashed(&self, vm: &Vm, hash: i64, key: &Value) -> PyResult<bool> {
        Ok(self.position(vm, hash, key)?.is_some())
    }

    pub fn add(&self, vm: &Vm, key: Value) -> PyResult<()> {
        let hash = vm.hash_value(&key)?;
        self.add_hashed(vm, hash, key)
    }

    pub fn add_hashed(&self, vm: &Vm, hash: i64, key: Value) -> PyResult<()> {
        if self.position(vm, hash, &key)?.is_none() {
            self.table.lock().insert_absent(hash, key);
        }
        Ok(())
    }

    /// Removes `key`; returns whether it was present.
    pub fn discard(&self, vm: &Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash_value(key)?;
        self.discard_hashed(vm, hash, key)
    }

    pub fn discard_hashed(&self, vm: &Vm, hash: i64, key: &Value) -> PyResult<bool> {
        match self.position(vm, hash, key)? {
            Some(i) => Ok(self.table.lock().remove_at(i).is_some()),
            None => Ok(false),
        }
    }

    /// `set.pop()`: the first entry at or after the finger.
    pub fn pop(&self) -> Option<Value> {
        let mut t = self.table.lock();
        if t.used == 0 {
            return None;
        }
        let mask = t.mask();
        let mut i = t.finger & mask;
        while !matches!(t.slots[i], Slot::Full(..)) {
            i = (i + 1) & mask;
        }
        t.finger = i + 1;
        t.remove_at(i)
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table.lock());
        drop(old);
    }

    /// `set_update_internal` with another set's table.
    pub fn merge_table(&self, other: &SetTable) {
        self.table.lock().merge(other);
    }

    /// Pre-sizes like `set_update_internal` does for a dict argument.
    pub fn reserve_for(&self, extra: usize) {
        let mut t = self.table.lock();
        if (t.fill + extra) * 5 >= t.mask() * 3 {
            let target = (t.used + extra) * 2;
            t.resize(target);
        }
    }

    /// The first live slot at or after `pos` (for iterators), with the next position.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value)> {
        let t = self.table.lock();
        t.slots
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, s)| match s {
                Slot::Full(_, k) => Some((i + 1, k.clone())),
                _ => None,
            })
    }

    pub fn frozen_hash(&self) -> i64 {
        self.table.lock().frozen_hash()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CPython's probe sequence as setobject.c writes it (`set_lookkey`): the start, its
    /// LINEAR_PROBES neighbours when they fit below `mask`, then the perturbed jump.
    fn reference(hash: i64, mask: usize, count: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while out.len() < count {
            out.push(i);
            if i + LINEAR_PROBES <= mask {
                out.extend(i + 1..=i + LINEAR_PROBES);
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1).wrapping_add(perturb as usize) & mask;
        }
        out.truncate(count);
        out
    }

    #[test]
    fn the_probe_order_is_cpythons() {
        for mask in [7, 31, 1023] {
            for hash in [
                0,
                1,
                5,
                7,
                1000,
                -1,
                -2,
                i64::MAX,
                i64::MIN,
                0x5bd1_e995_1234,
            ] {
                let ours: Vec<usize> = probe_order(hash, mask).take(200).collect();
                assert_eq!(ours, reference(hash, mask, 200), "hash {hash}, mask {mask}");
            }
        }
    }
}
