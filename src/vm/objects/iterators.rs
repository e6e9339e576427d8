//! Builtin iterator objects (list/tuple/str/range/dict/set iterators, enumerate, zip, map, ...)
//! and the `next()` step for each. Hot ones use atomics; composite ones a short-held mutex.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};

use num_bigint::BigInt;
use parking_lot::Mutex;

use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::pystr::PyStr;
use crate::vm::objects::set::Set;
use crate::vm::objects::types::types;
use crate::vm::objects::value::{List, Tuple, Value};
use crate::vm::pyerr::{PyResult, runtime_error};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictView {
    Keys,
    Values,
    Items,
}

#[derive(Debug)]
pub enum IterObj {
    Range {
        next: AtomicI64,
        stop: i64,
        step: i64,
        done: AtomicBool,
    },
    BigRange(Mutex<(BigInt, BigInt, BigInt)>),
    List {
        list: Arc<List>,
        index: AtomicUsize,
    },
    Tuple {
        tuple: Arc<Tuple>,
        index: AtomicUsize,
    },
    Str {
        s: Arc<PyStr>,
        /// Byte offset of the next character.
        pos: AtomicUsize,
    },
    Bytes {
        b: Arc<Vec<u8>>,
        index: AtomicUsize,
    },
    Dict {
        dict: Arc<Dict>,
        pos: AtomicUsize,
        len: usize,
        view: DictView,
    },
    Set {
        set: Arc<Set>,
        pos: AtomicUsize,
        len: usize,
    },
    /// `reversed()` over a list.
    ReversedList {
        list: Arc<List>,
        /// Index of the next item plus one (0 = exhausted).
        remaining: AtomicUsize,
    },
    /// A fixed snapshot (reversed tuples/strs/ranges, dict views of snapshots ...), with
    /// the class CPython's iterator over the same thing has.
    Snapshot {
        items: Vec<Value>,
        index: AtomicUsize,
        class: &'static Arc<Class>,
    },
    Composite(Mutex<Composite>),
}

#[derive(Debug)]
pub enum Composite {
    Enumerate {
        inner: Value,
        /// The next index: an int (`Int`, or `BigInt` past i64).
        count: Value,
    },
    /// The iterators are shared with each step's snapshot (one reference count, no copy).
    Zip {
        iters: Arc<[Value]>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Arc<[Value]>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// The old sequence protocol: `__getitem__(0)`, `__getitem__(1)`, ... until IndexError.
    GetItem {
        obj: Value,
        index: usize,
    },
    Exhausted,
}

impl IterObj {
    pub fn class(&self) -> &Arc<Class> {
        let t = types();
        let it = &t.iters;
        match self {
            IterObj::Range { .. } | IterObj::BigRange(_) => &it.range,
            IterObj::List { .. } => &it.list,
            IterObj::Tuple { .. } => &it.tuple,
            IterObj::Str { s, .. } if s.is_ascii() => &it.str_ascii,
            IterObj::Str { .. } => &it.str_,
            IterObj::Bytes { .. } => &it.bytes,
            IterObj::Dict { view, .. } => match view {
                DictView::Keys => &it.dict_keys,
                DictView::Values => &it.dict_values,
                DictView::Items => &it.dict_items,
            },
            IterObj::Set { .. } => &it.set,
            IterObj::ReversedList { .. } => &it.list_reversed,
            IterObj::Snapshot { class, .. } => class,
            IterObj::Composite(c) => match &*c.lock() {
                Composite::Enumerate { .. } => &it.enumerate,
                Composite::Zip { .. } => &it.zip,
                Composite::Map { .. } => &it.map,
                Composite::Filter { .. } => &it.filter,
                Composite::Callable { .. } => &it.callable,
                // CPython's sequence iterator (`__getitem__` until IndexError) is `iterator`.
                Composite::GetItem { .. } | Composite::Exhausted => &t.iterator,
            },
        }
    }

    pub fn range(start: i64, stop: i64, step: i64) -> IterObj {
        IterObj::Range {
            next: AtomicI64::new(start),
            stop,
            step,
            done: AtomicBool::new(false),
        }
    }

    pub fn snapshot(items: Vec<Value>, class: &'static Arc<Class>) -> IterObj {
        IterObj::Snapshot {
            items,
            index: AtomicUsize::new(0),
            class,
        }
    }

    pub fn composite(c: Composite) -> IterObj {
        IterObj::Composite(Mutex::new(c))
    }

    /// The CPython type name (`list_iterator`, `range_iterator`, `enumerate` ...).
    pub fn type_name(&self) -> &str {
        &self.class().name
    }

    /// One step: `Ok(None)` when exhausted.
    pub fn next(&self, vm: &Vm) -> PyResult<Option<Value>> {
        match self {
            IterObj::Range {
                next,
                stop,
                step,
                done,
            } => {
                if done.load(Ordering::Relaxed) {
                    return Ok(None);
                }
                let cur = next.load(Ordering::Relaxed);
                let more = if *step > 0 { cur < *stop } else { cur > *stop };
                if !more {
                    return Ok(None);
                }
                match cur.checked_add(*step) {
                    Some(n) => next.store(n, Ordering::Relaxed),
                    None => done.store(true, Ordering::Relaxed),
                }
                Ok(Some(Value::Int(cur)))
            }
            IterObj::BigRange(state) => {
                let mut st = state.lock();
                let (cur, stop, step) = &mut *st;
                let more = if *step > BigInt::from(0) {
                    *cur < *stop
                } else {
                    *cur > *stop
                };
                if !more {
                    return Ok(None);
                }
                let v = cur.clone();
                *cur += &*step;
                Ok(Some(Value::from_bigint(v)))
            }
            IterObj::List { list, index } => {
                let i = index.load(Ordering::Relaxed);
                let items = list.items.read();
                match items.get(i) {
                    Some(v) => {
                        index.store(i + 1, Ordering::Relaxed);
                        Ok(Some(v.clone()))
                    }
                    None => {
                        index.store(usize::MAX / 2, Ordering::Relaxed);
                        Ok(None)
                    }
                }
            }
            IterObj::Tuple { tuple, index } => {
                let i = index.fetch_add(1, Ordering::Relaxed);
                Ok(tuple.items.get(i).cloned())
            }
            IterObj::Str { s, pos } => {
                let p = pos.load(Ordering::Relaxed);
                let text = s.as_str();
                match text.get(p..).and_then(|rest| rest.chars().next()) {
                    Some(c) => {
                        pos.store(p + c.len_utf8(), Ordering::Relaxed);
                        Ok(Some(vm.char_value(c)))
                    }
                    None => Ok(None),
                }
            }
            IterObj::Bytes { b, index } => {
                let i = index.fetch_add(1, Ordering::Relaxed);
                Ok(b.get(i).map(|&x| Value::Int(i64::from(x))))
            }
            IterObj::Dict {
                dict,
                pos,
                len,
                view,
            } => {
                if dict.len() != *len {
                    return Err(runtime_error("dictionary changed size during iteration"));
                }
                let p = pos.load(Ordering::Relaxed);
                match dict.next_entry(p) {
                    Some((np, k, v)) => {
                        pos.store(np, Ordering::Relaxed);
                        Ok(Some(match view {
                            DictView::Keys => k,
                            DictView::Values => v,
                            DictView::Items => Value::pair(k, v),
                        }))
                    }
                    None => Ok(None),
                }
            }
            IterObj::Set { set, pos, len } => {
                if set.len() != *len {
                    return Err(runtime_error("Set changed size during iteration"));
                }
                let p = pos.load(Ordering::Relaxed);
                match set.next_entry(p) {
                    Some((np, k)) => {
                        pos.store(np, Ordering::Relaxed);
                        Ok(Some(k))
                    }
                    None => Ok(None),
                }
            }
            IterObj::ReversedList { list, remaining } => {
                let r = remaining.load(Ordering::Relaxed);
                if r == 0 {
                    return Ok(None);
                }
                let items = list.items.read();
                match items.get(r - 1) {
                    Some(v) => {
                        remaining.store(r - 1, Ordering::Relaxed);
                        Ok(Some(v.clone()))
                    }
                    None => {
                        remaining.store(0, Ordering::Relaxed);
                        Ok(None)
                    }
                }
            }
            IterObj::Snapshot { items, index, .. } => {
                let i = index.fetch_add(1, Ordering::Relaxed);
                Ok(items.get(i).cloned())
            }
            IterObj::Composite(state) => crate::vm::objects::composite_iterators::next(vm, state),
        }
    }

    /// `__length_hint__`-style remaining length, when cheaply known.
    pub fn length_hint(&self) -> Option<usize> {
        match self {
            IterObj::List { list, index } => {
                Some(list.len().saturating_sub(index.load(Ordering::Relaxed)))
            }
            IterObj::Tuple { tuple, index } => {
                Some(tuple.len().saturating_sub(index.load(Ordering::Relaxed)))
            }
            IterObj::Range {
                next, stop, step, ..
            } => {
                let cur = next.load(Ordering::Relaxed) as i128;
                let (stop, step) = (*stop as i128, *step as i128);
                let n = if step > 0 {
                    (stop - cur + step - 1) / step
                } else {
                    (cur - stop - step - 1) / -step
                };
                Some(n.max(0) as usize)
            }
            _ => None,
        }
    }
}
