//! Freeing deep structures without deep native recursion (CPython's trashcan,
//! `Py_TRASHCAN_BEGIN` in Include/cpython/object.h).
//!
//! Dropping the last reference to a container drops its items, and an item that is itself
//! the last reference to a container drops that one's items, and so on: a linked list of a
//! million `Node` instances, `t = (t,)` a million times, or `a = [a]` recursed a million
//! levels deep into Rust's `drop`, which overflowed a thread's 16 MB stack (and the 8 MB of
//! the thread that tears a finished run down). CPython defers such deallocations to a list
//! past a nesting depth; gilsim does the same from the start: a tuple, list, dict or
//! instance namespace that holds containers hands its items to `release`, which empties
//! every container whose last reference it holds onto one worklist before dropping it, so
//! each `drop` finds nothing left to recurse into. Containers still referenced elsewhere
//! only lose a reference. Items that are not containers drop at once, as before.

use std::sync::Arc;

use crate::vm::objects::value::Value;

/// Whether dropping `v` may drop further containers (what `release` takes apart).
#[inline]
pub fn nests(v: &Value) -> bool {
    matches!(
        v,
        Value::Tuple(_) | Value::List(_) | Value::Dict(_) | Value::Instance(_)
    )
}

/// Drops `items` (the contents of a container being freed) with a worklist instead of
/// recursion.
pub fn release(items: impl IntoIterator<Item = Value>) {
    let mut work: Vec<Value> = items.into_iter().filter(nests).collect();
    while let Some(v) = work.pop() {
        take_apart(v, &mut work);
    }
}

/// If `v` holds the last reference to its container, moves the container's items that
/// are containers onto `work` (the others drop here); then `v` drops, finding nothing to
/// recurse into.
fn take_apart(v: Value, work: &mut Vec<Value>) {
    let keep = |items: Vec<Value>, work: &mut Vec<Value>| {
        work.extend(items.into_iter().filter(nests));
    };
    match v {
        Value::Tuple(mut t) => {
            if let Some(t) = Arc::get_mut(&mut t) {
                keep(std::mem::take(&mut t.items).into_vec(), work);
            }
        }
        Value::List(mut l) => {
            if let Some(l) = Arc::get_mut(&mut l) {
                keep(std::mem::take(l.items.get_mut()), work);
            }
        }
        Value::Dict(mut d) => {
            if let Some(d) = Arc::get_mut(&mut d) {
                keep(d.take_all(), work);
            }
        }
        Value::Instance(mut i) => {
            if let Some(i) = Arc::get_mut(&mut i)
                && let Some(d) = Arc::get_mut(&mut i.dict)
            {
                keep(d.take_all(), work);
            }
        }
        _ => {}
    }
}
