//! `Vm`: the execution context of one OS thread running Python code — its interpreter, thread
//! state, frame depth, handled-exception state and native-stack guard. Protocol methods
//! (`call`, `getattr`, `binary_op`, ...) are added to it by the sibling modules.

use std::cell::{Cell, RefCell};
use std::sync::{Arc, LazyLock};

use crate::runtime::{Interpreter, ThreadState};
use crate::vm::objects::dict::Dict;
use crate::vm::objects::pystr::PyStr;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, recursion_error};

/// Bytes of native stack kept free below the guard (deep native recursion raises RecursionError
/// before the OS stack overflows).
const STACK_RESERVE: usize = 256 * 1024;

static ASCII_CHARS: LazyLock<Vec<Arc<PyStr>>> = LazyLock::new(|| {
    (0u8..128)
        .map(|b| Arc::new(PyStr::new((b as char).to_string())))
        .collect()
});

pub struct Vm {
    pub interp: Arc<Interpreter>,
    pub thread: Arc<ThreadState>,
    /// Python frames currently executing on this thread.
    depth: Cell<u32>,
    /// Address near the top of this thread's native stack, and the stack's usable size.
    stack_top: usize,
    stack_size: usize,
    /// The exception being handled (`sys.exc_info()`), or None.
    pub handled: RefCell<Value>,
    /// Containers whose repr is being computed (prints `[...]` on recursion).
    pub repr_guard: RefCell<Vec<usize>>,
    /// Globals of the innermost executing frame and whether it is a function (for
    /// `globals()`, `eval`, `dir()`).
    pub frame_hint: RefCell<Option<(Arc<Dict>, bool)>>,
    /// Slot vectors of finished frames, reused by the next calls (saves an allocation each).
    slot_pool: RefCell<Vec<Vec<crate::vm::objects::value::Value>>>,
    /// Emptied stacks of inline callees (`run_frame`'s), reused by the next native-to-Python
    /// call or generator resumption that calls a function inline.
    callee_pool: RefCell<Vec<Vec<crate::vm::eval::frame::Frame>>>,
    /// LOAD_GLOBAL results, validated by the globals' and builtins' versions.
    global_cache: RefCell<Vec<GlobalCacheEntry>>,
    /// Builtin methods found by LOAD_ATTR's method form (`l.append`).
    pub(crate) methods: crate::vm::objects::attr_plan::MethodCache,
    /// Where the last blocking native was called from (for deadlock reports).
    pub caller_location: RefCell<Option<(Arc<crate::compiler::bytecode::CodeObject>, usize)>>,
    /// The run's scheduler (a handle, so the eval loop reaches it without pointer chasing).
    pub sched: crate::runtime::sched::Scheduler,
    /// This thread's side of scheduling: instructions counted, budget, ticks.
    pub tally: crate::runtime::sched::Tally,
    /// `--trace lines` or `ops`: the eval loop reports lines (and instructions).
    pub tracing: bool,
    pub trace_ops: bool,
    /// The code object and line last reported by `--trace lines`.
    pub traced_line: Cell<(usize, u32)>,
}

/// One LOAD_GLOBAL site's last result (CPython 3.11 caches these inline in the bytecode).
#[derive(Clone, Default)]
pub struct GlobalCacheEntry {
    code: usize,
    pc: usize,
    globals: usize,
    globals_version: u64,
    builtins_version: u64,
    value: Value,
}

const GLOBAL_CACHE_SIZE: usize = 512;

impl Vm {
    /// Creates the context for the calling thread, whose native stack is `stack_size` bytes.
    pub fn new(interp: Arc<Interpreter>, thread: Arc<ThreadState>, stack_size: usize) -> Vm {
        let marker = 0u8;
        let sched = interp.runtime.sched.clone();
        crate::runtime::sched::ids::install(sched.ids());
        crate::runtime::memory::install(interp.runtime.options.memory_limit);
        let tally =
            crate::runtime::sched::Tally::new(sched.counts_instructions(), interp.gil.model);
        let trace = interp.runtime.options.trace;
        let tracing = trace.is_some_and(|t| t >= crate::runtime::TraceLevel::Lines)
            || interp.runtime.options.line_events;
        let trace_ops = trace == Some(crate::runtime::TraceLevel::Ops);
        Vm {
            interp,
            thread,
            depth: Cell::new(0),
            stack_top: std::ptr::addr_of!(marker) as usize,
            stack_size,
            handled: RefCell::new(Value::None),
            repr_guard: RefCell::new(Vec::new()),
            frame_hint: RefCell::new(None),
            slot_pool: RefCell::new(Vec::new()),
            callee_pool: RefCell::new(Vec::new()),
            // Filled on the first LOAD_GLOBAL: the explorer creates a Vm per thread per
            // schedule, and most of its threads never load a global.
            global_cache: RefCell::new(Vec::new()),
            methods: Default::default(),
            caller_location: RefCell::new(None),
            sched,
            tally,
            tracing,
            trace_ops,
            traced_line: Cell::new((0, 0)),
        }
    }

    #[inline]
    pub fn builtins(&self) -> &Arc<Dict> {
        &self.interp.builtins
    }

    /// A one-character str, shared for ASCII like CPython's latin-1 cache.
    pub fn char_value(&self, c: char) -> Value {
        if c.is_ascii() {
            Value::Str(ASCII_CHARS[c as usize].clone())
        } else {
            Value::string(c.to_string())
        }
    }

    pub fn depth(&self) -> u32 {
        self.depth.get()
    }

    /// Enters a Python frame: RecursionError beyond `sys.getrecursionlimit()`. Always inlined:
    /// it runs on every Python call, and a plain `#[inline]` was honoured or not depending on
    /// how unrelated modules fell into codegen units (fib.py +0.75% when it was not).
    #[inline(always)]
    pub fn enter_frame(&self) -> PyResult<()> {
        let d = self.depth.get() + 1;
        if d > self.interp.recursion_limit() {
            return Err(recursion_error("maximum recursion depth exceeded"));
        }
        self.depth.set(d);
        Ok(())
    }

    /// `Py_EnterRecursiveCall(where)` (CPython 3.11, Include/internal/pycore_ceval.h): a
    /// native operation that recurses into the items of containers (comparison, repr) counts
    /// against the recursion limit like a Python frame, so `a = []; a.append([a]); a == [a]`
    /// is a RecursionError "maximum recursion depth exceeded in comparison", not a Rust stack
    /// overflow. Pair with `leave_frame`.
    pub fn enter_native(&self, where_: &str) -> PyResult<()> {
        let d = self.depth.get() + 1;
        if d > self.interp.recursion_limit() {
            return Err(recursion_error(format!(
                "maximum recursion depth exceeded{where_}"
            )));
        }
        self.check_native_stack()?;
        self.depth.set(d);
        Ok(())
    }

    /// Runs `f` inside `enter_native(where_)` / `leave_frame`.
    pub fn with_native_depth<T>(
        &self,
        where_: &str,
        f: impl FnOnce() -> PyResult<T>,
    ) -> PyResult<T> {
        self.enter_native(where_)?;
        let r = f();
        self.leave_frame();
        r
    }

    #[inline]
    pub fn leave_frame(&self) {
        self.depth.set(self.depth.get().saturating_sub(1));
    }

    /// The native stack left below the current frame: the size a `Vm` nested on this OS
    /// thread (code run in another interpreter) may use.
    pub fn stack_left(&self) -> usize {
        let marker = 0u8;
        let here = std::ptr::addr_of!(marker) as usize;
        let used = self.stack_top.saturating_sub(here);
        self.stack_size.saturating_sub(used)
    }

    /// Guards a re-entry from native code into the eval loop (sorted's key, map, __eq__ ...):
    /// RecursionError when the native stack is nearly used up, whatever the recursion limit.
    #[inline]
    pub fn check_native_stack(&self) -> PyResult<()> {
        let marker = 0u8;
        let here = std::ptr::addr_of!(marker) as usize;
        let used = self.stack_top.saturating_sub(here);
        if used + STACK_RESERVE > self.stack_size {
            return Err(recursion_error(
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        Ok(())
    }

    /// LOAD_GLOBAL of `name` at instruction `pc` of `code`, through the per-thread cache.
    #[inline]
    pub(crate) fn load_global_cached(
        &self,
        code: &Arc<crate::compiler::bytecode::CodeObject>,
        pc: usize,
        globals: &Arc<Dict>,
        name: &Arc<PyStr>,
    ) -> Option<Value> {
        let code_id = Arc::as_ptr(code) as *const u8 as usize;
        let globals_id = Arc::as_ptr(globals) as *const u8 as usize;
        let slot = ((code_id >> 4) ^ pc.wrapping_mul(0x9e37)) % GLOBAL_CACHE_SIZE;
        let globals_version = globals.version();
        let builtins_version = self.interp.builtins.version();
        {
            let cache = self.global_cache.borrow();
            if let Some(e) = cache.get(slot)
                && e.code == code_id
                && e.pc == pc
                && e.globals == globals_id
                && e.globals_version == globals_version
                && e.builtins_version == builtins_version
            {
                return Some(e.value.clone());
            }
        }
        let value = globals
            .get_name(name)
            .or_else(|| self.interp.builtins.get_name(name))?;
        let mut cache = self.global_cache.borrow_mut();
        if cache.is_empty() {
            cache.resize_with(GLOBAL_CACHE_SIZE, GlobalCacheEntry::default);
        }
        cache[slot] = GlobalCacheEntry {
            code: code_id,
            pc,
            globals: globals_id,
            globals_version,
            builtins_version,
            value: value.clone(),
        };
        Some(value)
    }

    /// An empty slot vector, reused from a finished frame when possible.
    #[inline]
    pub(crate) fn take_slots(&self) -> Vec<crate::vm::objects::value::Value> {
        self.slot_pool.borrow_mut().pop().unwrap_or_default()
    }

    /// Returns a finished frame's slot vector to the pool.
    #[inline]
    pub(crate) fn recycle_frame(&self, frame: crate::vm::eval::frame::Frame) {
        self.give_slots(frame.slots);
    }

    /// Returns a slot vector to the pool, emptied.
    #[inline]
    pub(crate) fn give_slots(&self, mut slots: Vec<crate::vm::objects::value::Value>) {
        const POOL_LIMIT: usize = 64;
        // Dropping the values runs no Python code, so the pool is not borrowed meanwhile.
        slots.clear();
        if (1..=256).contains(&slots.capacity()) {
            let mut pool = self.slot_pool.borrow_mut();
            if pool.len() < POOL_LIMIT {
                pool.push(slots);
            }
        }
    }

    /// Pushes an inline callee. A callee stack that has never held a frame first takes an
    /// emptied one from the pool, which saves its allocation (most native-to-Python calls
    /// make one; a generator's resumption usually makes none, and pays nothing).
    #[inline(always)]
    pub(crate) fn push_callee(
        &self,
        callees: &mut Vec<crate::vm::eval::frame::Frame>,
        callee: crate::vm::eval::frame::Frame,
    ) {
        if callees.capacity() == 0 {
            self.pooled_callees(callees);
        }
        callees.push(callee);
    }

    #[cold]
    #[inline(never)]
    fn pooled_callees(&self, callees: &mut Vec<crate::vm::eval::frame::Frame>) {
        if let Some(pooled) = self.callee_pool.borrow_mut().pop() {
            *callees = pooled;
        }
    }

    /// Returns an empty callee stack to the pool.
    #[inline]
    pub(crate) fn give_callees(&self, callees: Vec<crate::vm::eval::frame::Frame>) {
        const POOL_LIMIT: usize = 16;
        // A stack that never held a frame has nothing to give back.
        if callees.is_empty() && (1..=64).contains(&callees.capacity()) {
            let mut pool = self.callee_pool.borrow_mut();
            if pool.len() < POOL_LIMIT {
                pool.push(callees);
            }
        }
    }

    /// Sets the handled exception, returning the previous one (PUSH_EXC_INFO).
    pub fn swap_handled(&self, v: Value) -> Value {
        std::mem::replace(&mut *self.handled.borrow_mut(), v)
    }

    pub fn current_handled(&self) -> Value {
        self.handled.borrow().clone()
    }

    /// Chains `err` to the exception being handled (implicit `__context__`), as CPython does
    /// when raising inside an `except` block.
    pub fn attach_context(&self, err: &PyErr) {
        let handled = self.current_handled();
        if let Value::Instance(h) = &handled {
            if Arc::ptr_eq(h, &err.exc) {
                return;
            }
            err.with_data(|d| {
                if d.context.is_none() {
                    d.context = Some(handled.clone());
                }
            });
        }
    }
}
