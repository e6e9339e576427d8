//! Freeing deep structures without deep native recursion (CPython's trashcan,
//! `Py_TRASHCAN_BEGIN` in Include/cpython/object.h).
//!
//! Dropping the last reference to a container drops its items, and an item that is itself
//! the last reference to a container drops that one's items, and so on: a linked list of a
//! million `Node` instances, `t = (t,)` a million times, or `a = [a]` recursed a million
//! levels deep into Rust's `drop`, which overflowed a thread's 16 MB stack (and the 8 MB of
//! the thread that tears a finished run down). CPython lets such deallocations nest up to a
//! depth (`_PyTrash_UNWIND_LEVEL`, 50) and defers deeper ones to a per-thread list, which the
//! outermost deallocation empties; gilsim does the same: a tuple, list or dict (so an
//! instance namespace) that holds containers hands its contents to `free`. Below the limit
//! that is an ordinary drop -- no allocation, which matters because every freed instance
//! goes this way -- and past it the contents wait on the thread's list.

use std::cell::{Cell, RefCell};

use crate::vm::objects::dict::DictInner;
use crate::vm::objects::value::{TupleItems, Value};

/// How deep frees may nest before the deeper ones are deferred (CPython's
/// `_PyTrash_UNWIND_LEVEL`). Each level is a handful of native frames.
const UNWIND_LEVEL: u32 = 50;

/// The contents of a container whose last reference went, held only to be dropped.
#[allow(dead_code)]
pub(crate) enum Contents {
    Items(Vec<Value>),
    Tuple(TupleItems),
    Dict(DictInner),
}

thread_local! {
    /// How many `free`s are running on this thread, one inside another.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Contents deferred past `UNWIND_LEVEL`, dropped by the outermost `free`.
    static DEFERRED: RefCell<Vec<Contents>> = const { RefCell::new(Vec::new()) };
}

/// Whether dropping `v` may drop further containers (what `free` guards).
#[inline]
pub fn nests(v: &Value) -> bool {
    matches!(
        v,
        Value::Tuple(_) | Value::List(_) | Value::Dict(_) | Value::Instance(_)
    )
}

/// Drops the contents of a container being freed, deferring them when frees already nest
/// `UNWIND_LEVEL` deep on this thread.
pub(crate) fn free(contents: Contents) {
    // A thread being torn down may have lost its locals: drop as plain Rust would.
    let Ok(depth) = DEPTH.try_with(Cell::get) else {
        return;
    };
    if depth >= UNWIND_LEVEL {
        let mut contents = Some(contents);
        let _ = DEFERRED.try_with(|deferred| deferred.borrow_mut().extend(contents.take()));
        // Without the list (a thread being torn down) `contents` drops here.
        return;
    }
    DEPTH.set(depth + 1);
    drop(contents);
    if depth == 0 {
        // The outermost free: what deeper ones deferred is dropped here, one level down,
        // where it may defer more.
        while let Ok(Some(next)) = DEFERRED.try_with(|deferred| deferred.borrow_mut().pop()) {
            drop(next);
        }
    }
    DEPTH.set(depth);
}
