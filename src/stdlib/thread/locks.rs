//! `_thread.lock` (`threading.Lock`) and `_thread.RLock` (`threading.RLock`): a non-blocking
//! try first, then a blocking wait with the GIL released (Modules/_threadmodule.c
//! `acquire_timed`), with CPython's errors and reprs.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use parking_lot::{Condvar, Mutex};

use crate::runtime::deadlock::LockInfo;
use crate::runtime::sched::Scheduler;
use crate::runtime::thread::WaitKind;
use crate::vm::builtins::{methods_rest, parse};
use crate::vm::context::Vm;
use crate::vm::eval::blocking::WaitFor;
use crate::vm::objects::class::{Class, Layout};
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::types::types;
use crate::vm::objects::value::Value;
use crate::vm::protocols::convert::address;
use crate::vm::pyerr::{PyResult, runtime_error, type_error, value_error};

/// The shared core of both lock kinds.
pub struct LockCore {
    state: Mutex<LockState>,
    cond: Condvar,
    reentrant: bool,
    /// A `Condition`'s private waiter lock: not listed among a thread's holdings.
    internal: std::sync::atomic::AtomicBool,
    /// A `multiprocessing` lock, which threads running in parallel (other processes) use:
    /// exploring, acquiring it is a switch point toward them (`sched::Point::Shared`).
    cross_process: std::sync::atomic::AtomicBool,
    /// The run's scheduler, told when the lock is released (simulated waiters retry then).
    sched: Scheduler,
    /// Itself, for identities that survive address reuse (simulated mode).
    me: std::sync::OnceLock<std::sync::Weak<LockCore>>,
}

#[derive(Default)]
struct LockState {
    owner: Option<u64>,
    count: u64,
}

impl LockCore {
    pub fn new(reentrant: bool, sched: Scheduler) -> Arc<LockCore> {
        let core = Arc::new(LockCore {
            state: Mutex::new(LockState::default()),
            cond: Condvar::new(),
            reentrant,
            internal: std::sync::atomic::AtomicBool::new(false),
            cross_process: std::sync::atomic::AtomicBool::new(false),
            sched,
            me: std::sync::OnceLock::new(),
        });
        let _ = core.me.set(Arc::downgrade(&core));
        core
    }

    /// The lock as a forked child finds it: in the same state, held by the same owner — a
    /// thread that does not exist there, unless it is the forking thread (`forking`: its
    /// ident in the parent and in the child).
    pub fn fork_copy(&self, forking: (u64, u64)) -> Arc<LockCore> {
        let copy = LockCore::new(self.reentrant, self.sched.clone());
        {
            let st = self.state.lock();
            let mut new = copy.state.lock();
            new.count = st.count;
            new.owner = st.owner.map(|o| if o == forking.0 { forking.1 } else { o });
        }
        let internal = self.internal.load(std::sync::atomic::Ordering::Relaxed);
        copy.internal
            .store(internal, std::sync::atomic::Ordering::Relaxed);
        copy
    }

    /// One attempt: Some(true) acquired.
    fn try_acquire(&self, me: u64) -> bool {
        self.take(&mut self.state.lock(), me)
    }

    fn wait_acquire(&self, me: u64, slice: Duration) -> bool {
        let mut st = self.state.lock();
        if st.count != 0 && !(self.reentrant && st.owner == Some(me)) {
            let _ = self.cond.wait_for(&mut st, slice);
        }
        self.take(&mut st, me)
    }

    /// Takes the lock for `me` if it is free (or, reentrant, already `me`'s).
    fn take(&self, st: &mut LockState, me: u64) -> bool {
        if st.count == 0 {
            st.owner = Some(me);
            st.count = 1;
            true
        } else if self.reentrant && st.owner == Some(me) {
            st.count += 1;
            true
        } else {
            false
        }
    }

    /// `acquire(blocking, timeout)`.
    pub fn acquire(
        self: &Arc<Self>,
        vm: &Vm,
        blocking: bool,
        timeout: Option<Duration>,
    ) -> PyResult<bool> {
        self.acquire_for(vm, blocking, timeout, None)
    }

    /// `acquire`, with what the wait is for when it is not the lock itself (the waiter lock
    /// of a `Condition.wait` waits for a notify).
    pub fn acquire_for(
        self: &Arc<Self>,
        vm: &Vm,
        blocking: bool,
        timeout: Option<Duration>,
        purpose: Option<String>,
    ) -> PyResult<bool> {
        let me = vm.thread.ident;
        if self
            .cross_process
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            // Another process may take it first: the explorer must be able to let it.
            vm.sched
                .shared_access(&vm.caller())
                .map_err(|stop| vm.halted(stop))?;
        }
        if self.try_acquire(me) {
            return Ok(true);
        }
        if !blocking {
            return Ok(false);
        }
        let what = purpose
            .unwrap_or_else(|| format!("{} held by {}", self.describe(), self.owner_name(vm)));
        let this = self.clone();
        let got = vm.blocking_wait(
            WaitFor {
                what,
                kind: WaitKind::Lock(self.clone()),
            },
            timeout,
            |slice| this.wait_acquire(me, slice).then_some(()),
        )?;
        Ok(got.is_some())
    }

    /// `release()`; `me` is None for a plain lock (any thread may release it).
    pub fn release(&self, me: u64) -> PyResult<()> {
        let mut st = self.state.lock();
        if st.count == 0 {
            return Err(runtime_error(if self.reentrant {
                "cannot release un-acquired lock"
            } else {
                "release unlocked lock"
            }));
        }
        if self.reentrant && st.owner != Some(me) {
            return Err(runtime_error("cannot release un-acquired lock"));
        }
        st.count -= 1;
        if st.count == 0 {
            st.owner = None;
            self.cond.notify_one();
            drop(st);
            self.released();
        }
        Ok(())
    }

    /// RLock only: release completely, returning the recursion count (Condition.wait).
    pub fn release_all(&self, me: u64) -> PyResult<u64> {
        let mut st = self.state.lock();
        if st.count == 0 || (self.reentrant && st.owner != Some(me)) {
            return Err(runtime_error("cannot release un-acquired lock"));
        }
        let n = st.count;
        st.count = 0;
        st.owner = None;
        self.cond.notify_one();
        drop(st);
        self.released();
        Ok(n)
    }

    /// Re-acquire with a saved recursion count.
    pub fn restore(self: &Arc<Self>, vm: &Vm, count: u64) -> PyResult<()> {
        self.acquire(vm, true, None)?;
        self.state.lock().count = count.max(1);
        Ok(())
    }

    /// The threads blocked on this lock may retry.
    fn released(&self) {
        self.sched.lock_released(self.identity());
    }

    pub fn mark_internal(&self) {
        self.internal
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn mark_cross_process(&self) {
        self.cross_process
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn locked(&self) -> bool {
        self.state.lock().count > 0
    }

    pub fn is_owned_by(&self, me: u64) -> bool {
        let st = self.state.lock();
        st.count > 0 && st.owner == Some(me)
    }

    fn owner_name(&self, vm: &Vm) -> String {
        let Some(owner) = self.state.lock().owner else {
            return "nobody".into();
        };
        vm.interp.runtime.thread(owner).map_or_else(
            || format!("thread {owner}"),
            |t| format!("'{}'", t.display_name()),
        )
    }
}

impl LockInfo for LockCore {
    fn owner(&self) -> Option<u64> {
        let st = self.state.lock();
        (st.count > 0).then_some(st.owner).flatten()
    }
    fn identity(&self) -> u64 {
        self as *const LockCore as u64
    }
    fn internal(&self) -> bool {
        self.internal.load(std::sync::atomic::Ordering::Relaxed)
    }
    fn describe(&self) -> String {
        let kind = if self.reentrant { "RLock" } else { "Lock" };
        format!(
            "{kind} at 0x{:x}",
            crate::runtime::sched::ids::observe_object(self.identity() as usize, || {
                self.me
                    .get()
                    .map(|w| w.clone() as crate::runtime::sched::ids::WeakObject)
            })
        )
    }
}

/// `_thread.lock` (`_thread.LockType`).
pub static LOCK_CLASS: LazyLock<Arc<Class>> = LazyLock::new(|| lock_class("lock", false));
/// `_thread.RLock`.
pub static RLOCK_CLASS: LazyLock<Arc<Class>> = LazyLock::new(|| lock_class("RLock", true));

fn lock_class(name: &str, reentrant: bool) -> Arc<Class> {
    let c = Arc::new(Class::new_builtin(
        name,
        "_thread",
        vec![types().object.clone()],
        Layout::Builtin,
    ));
    let mut methods: Vec<(&str, NativeFn)> = vec![
        ("acquire", acquire),
        ("release", release),
        ("__enter__", acquire),
        ("__exit__", exit),
        ("__repr__", repr),
        ("acquire_lock", acquire),
        ("release_lock", release),
    ];
    if reentrant {
        methods.push(("_is_owned", is_owned));
    } else {
        methods.push(("locked", locked));
        methods.push(("locked_lock", locked));
    }
    for (n, f) in methods {
        c.dict.set_str(n, blocking_method(name, n, f));
    }
    if reentrant {
        c.dict
            .set_str("__new__", crate::vm::builtins::native("RLock", new_rlock));
    }
    c
}

/// A method whose call records the caller's position (where a deadlocked thread waits).
fn blocking_method(owner: &str, name: &str, func: NativeFn) -> Value {
    Value::Builtin(Arc::new(crate::vm::objects::function::BuiltinFunction {
        name: name.into(),
        owner: Some(owner.into()),
        func: crate::vm::objects::function::NativeCall::Args(func),
        bound: None,
        needs_frame: true,
    }))
}

fn new_rlock(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.args.is_empty() {
        return Err(type_error("RLock() takes no arguments"));
    }
    Ok(new_lock(vm, true))
}

/// A new `_thread.lock` or `_thread.RLock` object.
pub fn new_lock(vm: &Vm, reentrant: bool) -> Value {
    let core = LockCore::new(reentrant, vm.sched.clone());
    let weak: std::sync::Weak<dyn LockInfo> = Arc::downgrade(&(core.clone() as Arc<dyn LockInfo>));
    vm.interp.runtime.register_lock(weak);
    let class = if reentrant {
        RLOCK_CLASS.clone()
    } else {
        LOCK_CLASS.clone()
    };
    Value::Native(Arc::new(NativeObject::new(class, core)))
}

/// A lock object (`_thread.lock` or `_thread.RLock` as the core is) for an existing core:
/// `multiprocessing` hands one core to several processes.
pub fn lock_value(core: Arc<LockCore>) -> Value {
    let class = if core.reentrant {
        RLOCK_CLASS.clone()
    } else {
        LOCK_CLASS.clone()
    };
    Value::Native(Arc::new(NativeObject::new(class, core)))
}

/// A new lock core registered with the run (deadlock reports list its holder).
pub fn new_core(vm: &Vm, reentrant: bool) -> Arc<LockCore> {
    let core = LockCore::new(reentrant, vm.sched.clone());
    let weak: std::sync::Weak<dyn LockInfo> = Arc::downgrade(&(core.clone() as Arc<dyn LockInfo>));
    vm.interp.runtime.register_lock(weak);
    core
}

/// The lock core behind a lock object.
pub fn core_of(v: &Value) -> Option<Arc<LockCore>> {
    match v {
        Value::Native(n) => n.downcast::<Arc<LockCore>>().cloned(),
        _ => None,
    }
}

fn recv(args: &Args<'_>) -> PyResult<Arc<LockCore>> {
    args.args
        .first()
        .and_then(core_of)
        .ok_or_else(|| type_error("descriptor requires a lock object"))
}

/// Parses `(blocking=True, timeout=-1)` with CPython's checks (`lock_acquire_parse_args` in
/// Modules/_threadmodule.c, 3.11), in its order: the timeout is converted first, so an
/// overflowing one is an OverflowError even for a non-blocking call.
pub fn blocking_timeout(
    vm: &Vm,
    args: Args<'_>,
    fname: &str,
) -> PyResult<(bool, Option<Duration>)> {
    let p = parse(fname, args, &["blocking", "timeout"], 0)?;
    let blocking = match p.get(0) {
        Some(v) => vm.is_true(v)?,
        None => true,
    };
    let timeout = match p.get(1) {
        None => UNSET_TIMEOUT,
        Some(v) => crate::stdlib::time::seconds_to_ns(v)?,
    };
    if !blocking && timeout != UNSET_TIMEOUT {
        return Err(value_error(
            "can't specify a timeout for a non-blocking call",
        ));
    }
    Ok((blocking, checked_timeout(timeout)?))
}

/// `timeout=-1`, "wait forever", as `_PyTime_t` nanoseconds.
const UNSET_TIMEOUT: i64 = -1_000_000_000;

/// A blocking acquire's timeout in nanoseconds: None (forever) for -1 s exactly, else a
/// non-negative wait. CPython then also refuses more than PY_TIMEOUT_MAX microseconds ("timeout
/// value is too large"), but on 64-bit Linux every int or float that passes the `_PyTime_t`
/// conversion is within it, so that check could never fire here.
fn checked_timeout(ns: i64) -> PyResult<Option<Duration>> {
    if ns == UNSET_TIMEOUT {
        return Ok(None);
    }
    if ns < 0 {
        return Err(value_error("timeout value must be positive"));
    }
    Ok(Some(Duration::from_nanos(ns.unsigned_abs())))
}

/// The timeout of a blocking `lock.acquire(True, timeout)` that Python code (`Thread.join`,
/// `Condition.wait`) passes through: None waits forever, a number is checked as above.
pub fn acquire_timeout(v: &Value) -> PyResult<Option<Duration>> {
    match v {
        Value::None => Ok(None),
        v => checked_timeout(crate::stdlib::time::seconds_to_ns(v)?),
    }
}

fn acquire(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let core = recv(&args)?;
    let (blocking, timeout) = blocking_timeout(vm, methods_rest(&args), "acquire")?;
    core.acquire(vm, blocking, timeout).map(Value::Bool)
}

fn release(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    recv(&args)?.release(vm.thread.ident)?;
    Ok(Value::None)
}

fn exit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    recv(&args)?.release(vm.thread.ident)?;
    Ok(Value::Bool(false))
}

fn locked(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(recv(&args)?.locked()))
}

fn is_owned(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(recv(&args)?.is_owned_by(vm.thread.ident)))
}

fn repr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let core = recv(&args)?;
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let st = core.state.lock();
    let state = if st.count > 0 { "locked" } else { "unlocked" };
    Ok(Value::string(if core.reentrant {
        let owner = st.owner.unwrap_or(0);
        format!(
            "<{state} _thread.RLock object owner={owner} count={} at {}>",
            st.count,
            address(&this)
        )
    } else {
        let _ = vm;
        format!("<{state} _thread.lock object at {}>", address(&this))
    }))
}
