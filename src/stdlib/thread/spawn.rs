//! Starting an OS thread that runs a Python callable on its own `Vm`: the new thread takes the
//! GIL like any other, reports an uncaught exception, and wakes its joiners when it ends.

use crate::runtime::events::Event;
use crate::vm::context::Vm;
use crate::vm::objects::types::types;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, runtime_error};

/// Native stack of a Python thread. Python-to-Python calls do not use it; native re-entries
/// (a `key=` function, `__eq__`, ...) do and are guarded against overflow.
pub const THREAD_STACK_SIZE: usize = 16 * 1024 * 1024;

/// What to run in the new thread.
pub struct ThreadSpec {
    pub target: Value,
    pub args: Vec<Value>,
    pub kwargs: Option<Value>,
    pub name: String,
    pub daemon: bool,
    /// The `threading.Thread` object, if the thread is started by `threading`.
    pub py_thread: Option<Value>,
}

/// Starts the thread; returns its ident.
pub fn start_thread(vm: &Vm, spec: ThreadSpec) -> PyResult<u64> {
    let interp = vm.interp.clone();
    // CPython 3.9-3.11's `thread_PyThread_start_new_thread` (Modules/_threadmodule.c).
    if interp.isolated.load(std::sync::atomic::Ordering::Acquire)
        && interp
            .runtime
            .options
            .isolated_subinterpreters_refuse_threads()
    {
        return Err(crate::vm::pyerr::runtime_error(
            "thread is not supported for isolated subinterpreters",
        ));
    }
    let state = interp.new_thread(&spec.name);
    let ident = state.ident;
    state
        .daemon
        .store(spec.daemon, std::sync::atomic::Ordering::Relaxed);
    *state.py_thread.lock() = spec.py_thread.clone();
    let sched = &interp.runtime.sched;
    sched
        .add_thread(&vm.caller(), &state)
        .map_err(|stop| vm.halted(stop))?;
    let worker_state = state.clone();
    let worker_interp = interp.clone();
    let placement = interp.runtime.pool_placement(THREAD_STACK_SIZE);
    let runtime = interp.runtime.clone();
    let spawned = crate::runtime::pool::spawn("gilsim-thread", placement, move || {
        {
            let vm = Vm::new(worker_interp, worker_state, THREAD_STACK_SIZE);
            run_thread(&vm, spec);
        }
        crate::runtime::sched::ids::install(None);
    });
    match spawned {
        Ok(handle) => {
            runtime.keep_handle(handle);
            Ok(ident)
        }
        Err(e) => {
            state.mark_finished();
            Err(runtime_error(format!("can't start new thread ({e})")))
        }
    }
}

/// The body of a started OS thread.
fn run_thread(vm: &Vm, spec: ThreadSpec) {
    let ident = vm.thread.ident;
    let sched = &vm.sched;
    let started = sched.begin_thread(&vm.caller(), &spec.name);
    if started {
        let target = spec.target.clone();
        let result = vm.call_ex(&target, spec.args, spec.kwargs);
        if let Err(err) = result {
            report_unhandled(vm, &target, &err, spec.py_thread.is_some());
        }
        // Drop what the thread's Python code left behind while it still holds the GIL.
        drop(target);
        drop(spec.py_thread);
        *vm.thread.py_thread.lock() = None;
    }
    vm.thread.mark_finished();
    vm.emit(|| Event::ThreadExit { thread: ident });
    if let Err(stop) = sched.end_thread(&vm.caller()) {
        vm.interp.runtime.halt(stop);
    }
}

/// An exception that escaped the thread's function. `threading` threads handle their own
/// (`threading.excepthook`); a bare `_thread.start_new_thread` one goes through
/// `sys.unraisablehook`'s format, as CPython 3.8+ prints it.
fn report_unhandled(vm: &Vm, target: &Value, err: &PyErr, via_threading: bool) {
    if vm.thread.stopping() || err.is_instance_of(&types().exc.system_exit) {
        return;
    }
    let mut text = String::new();
    if !via_threading {
        let what = vm.repr(target).unwrap_or_else(|_| "<function>".into());
        text.push_str(&format!("Exception ignored in thread started by: {what}\n"));
    }
    text.push_str(&vm.format_exception(err));
    let runtime = &vm.interp.runtime;
    runtime.stdout.flush();
    runtime.stderr.write_str(&text);
}
