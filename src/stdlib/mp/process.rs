//! Processes as gilsim runs them: each one an interpreter of the run with its own heap, its
//! own GIL and its own first thread, started by `fork` (a copy of the parent's heap) or
//! `spawn`/`forkserver` (a fresh interpreter that re-runs the main script as `__mp_main__`
//! and unpickles the `Process` object). gilsim does not start OS processes: an isolated
//! interpreter shows everything a process does that a lecture observes (separate heaps,
//! pickling, parallel GILs, pids, exit codes) and stays inside the one simulated scheduler,
//! so a simulated run with several processes is deterministic and explorable.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;

use super::pickle::Pickled;
use crate::runtime::Interpreter;
use crate::runtime::config::InterpreterConfig;
use crate::runtime::events::Event;
use crate::runtime::runtime::ProcessName;
use crate::runtime::thread::ThreadState;
use crate::stdlib::thread::spawn::THREAD_STACK_SIZE;
use crate::vm::context::Vm;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, runtime_error};

/// How many processes may live at once: each holds a copy of its parent's heap, so a
/// program that starts them in a loop meets a clear error instead of exhausting memory
/// (CPython meets the OS's limit: `BlockingIOError: [Errno 11]`).
pub const MAX_PROCESSES: usize = 256;

/// Start methods, as `multiprocessing.get_start_method()` names them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Method {
    Fork,
    Spawn,
    Forkserver,
}

impl Method {
    pub fn parse(name: &str) -> Option<Method> {
        match name {
            "fork" => Some(Method::Fork),
            "spawn" => Some(Method::Spawn),
            "forkserver" => Some(Method::Forkserver),
            _ => None,
        }
    }

    /// The virtual time a start costs in simulated runs before the child runs its first
    /// instruction — what CPython 3.11 takes on a 2-core Linux machine (measured for
    /// `bench/README.md`: fork ≈ 2 ms, forkserver ≈ 20 ms, spawn ≈ 50 ms, mostly
    /// re-importing the interpreter's start-up modules).
    pub fn virtual_start_cost(self) -> Duration {
        match self {
            Method::Fork => Duration::from_millis(2),
            Method::Forkserver => Duration::from_millis(20),
            Method::Spawn => Duration::from_millis(50),
        }
    }
}

/// The processes of a run, by pid.
#[derive(Default)]
pub struct Processes {
    table: Mutex<Table>,
}

#[derive(Default)]
struct Table {
    /// Child processes started so far (pids are `main pid + n`).
    started: u64,
    by_pid: BTreeMap<u64, Entry>,
    /// Interpreter id -> pid, for `os.getpid()`.
    pid_of_interp: BTreeMap<u64, u64>,
}

struct Entry {
    interp_id: u64,
    /// The exit code a `terminate()` (-15) or `kill()` (-9) decided.
    killed: Option<i64>,
    first_thread: Arc<ThreadState>,
    parent: u64,
    exitcode: Option<i64>,
    /// Running its main module again (spawn): starting a process now is the bootstrapping
    /// error.
    bootstrapping: bool,
    /// `connection.wait` calls watching for its end (each a waiter lock to release then).
    watchers: Vec<Arc<crate::stdlib::thread::locks::LockCore>>,
}

/// `(tag, pid, exitcode)` put on a `multiprocessing` queue when a process ends, however it
/// ends: how a pool learns that a worker died (`os._exit`, a kill) with a task in hand.
pub struct Notice {
    pub queue: u64,
    pub tag: String,
}

fn processes(vm: &Vm) -> Arc<Processes> {
    vm.interp.runtime.module_state::<Processes>()
}

/// The pid of the main process: the real one, or a fixed number in simulated runs (so
/// their output repeats).
pub fn main_pid(vm: &Vm) -> u64 {
    if vm.sched.simulated().is_some() {
        4000
    } else {
        u64::from(std::process::id())
    }
}

/// `os.getpid()` of the calling thread's process.
pub fn getpid(vm: &Vm) -> u64 {
    let all = processes(vm);
    let t = all.table.lock();
    t.pid_of_interp
        .get(&vm.interp.id)
        .copied()
        .unwrap_or_else(|| main_pid(vm))
}

/// `os.getppid()`: the parent's pid (the main process's parent is gilsim itself).
pub fn getppid(vm: &Vm) -> u64 {
    let pid = getpid(vm);
    let all = processes(vm);
    let t = all.table.lock();
    match t.by_pid.get(&pid) {
        Some(e) => e.parent,
        None if vm.sched.simulated().is_some() => 1,
        None => u64::from(std::os::unix::process::parent_id()),
    }
}

/// Whether the calling process is still running its main module under spawn.
pub fn bootstrapping(vm: &Vm) -> bool {
    let pid = getpid(vm);
    processes(vm)
        .table
        .lock()
        .by_pid
        .get(&pid)
        .is_some_and(|e| e.bootstrapping)
}

/// What the child runs first.
pub enum Job {
    /// Fork: the child's copy of the `Process` object, already in its heap.
    Fork(Value),
    /// Spawn: the main script to run again as `__mp_main__` (None for `-c` code), then the
    /// pickled `Process` object.
    Spawn {
        main: Option<(String, Arc<str>)>,
        process: Pickled,
    },
}

/// A new child process's interpreter (own GIL, the parent's GIL model and check points)
/// and pid, not started yet.
pub fn new_child(vm: &Vm) -> PyResult<(Arc<Interpreter>, u64)> {
    let all = processes(vm);
    let mut t = all.table.lock();
    let live = t
        .by_pid
        .values()
        .filter(|e| !e.first_thread.is_finished())
        .count();
    if live >= MAX_PROCESSES {
        return Err(crate::vm::pyerr::os_error(format!(
            "[Errno 11] Resource temporarily unavailable (gilsim runs at most \
             {MAX_PROCESSES} processes at once)"
        )));
    }
    let runtime = &vm.interp.runtime;
    let config = InterpreterConfig {
        gil: vm.interp.gil.model,
        check_points: vm.interp.check_points(),
        ..runtime.options.interpreter
    };
    let interp = Interpreter::new(runtime.clone(), config, None);
    *interp.script_dir.lock() = vm.interp.script_dir.lock().clone();
    t.started += 1;
    let pid = main_pid(vm) + t.started;
    t.pid_of_interp.insert(interp.id, pid);
    Ok((interp, pid))
}

/// Starts the child's first thread on `job`; the thread state was made by the caller (a
/// fork copies the heap knowing it).
pub fn start(
    vm: &Vm,
    child: Arc<Interpreter>,
    first_thread: Arc<ThreadState>,
    pid: u64,
    method: Method,
    job: Job,
    notice: Option<Notice>,
) -> PyResult<()> {
    let parent = getpid(vm);
    let all = processes(vm);
    all.table.lock().by_pid.insert(
        pid,
        Entry {
            interp_id: child.id,
            killed: None,
            first_thread: first_thread.clone(),
            parent,
            exitcode: None,
            bootstrapping: matches!(job, Job::Spawn { .. }),
            watchers: Vec::new(),
        },
    );
    let runtime = vm.interp.runtime.clone();
    runtime
        .sched
        .add_thread_under(&vm.caller(), &first_thread, &child.gil)
        .map_err(|stop| vm.halted(stop))?;
    let placement = runtime.pool_placement(THREAD_STACK_SIZE);
    let state = first_thread.clone();
    let spawned = crate::runtime::pool::spawn("gilsim-process", placement, move || {
        {
            let vm = Vm::new(child, state, THREAD_STACK_SIZE);
            run_child(&vm, pid, method, job, notice);
        }
        crate::runtime::sched::ids::install(None);
    });
    match spawned {
        Ok(handle) => {
            runtime.keep_handle(handle);
            Ok(())
        }
        Err(e) => {
            first_thread.mark_finished();
            Err(runtime_error(format!("can't start new process ({e})")))
        }
    }
}

/// The child's first thread: the start-up cost, the job, the child's own shutdown (its
/// non-daemon threads), then its exit code for the parent.
fn run_child(vm: &Vm, pid: u64, method: Method, job: Job, notice: Option<Notice>) {
    let sched = &vm.sched;
    let started = sched.begin_thread(&vm.caller(), "MainThread");
    if started {
        let mut code = 1;
        if vm.sched.simulated().is_none() || vm.sleep(method.virtual_start_cost()).is_ok() {
            code = match run_job(vm, pid, job) {
                Ok(code) => code,
                Err(err) => report(vm, &err),
            };
            if !vm.thread.stopping()
                && let Err(err) = vm.wait_for_non_daemon_threads()
            {
                code = report(vm, &err);
            }
        }
        let exitcode = processes(vm).table.lock().by_pid.get_mut(&pid).map(|e| {
            let exitcode = e.killed.unwrap_or(code);
            e.exitcode = Some(exitcode);
            exitcode
        });
        if let (Some(notice), Some(exitcode)) = (notice, exitcode) {
            send_notice(vm, &notice, pid, exitcode);
        }
    }
    vm.thread.mark_finished();
    crate::stdlib::interp::queues::close_writers_of(vm, pid);
    // After the mark: a woken `connection.wait` finds the exit code there.
    release_watchers(vm, pid);
    let ident = vm.thread.ident;
    vm.emit(|| Event::ThreadExit { thread: ident });
    if let Err(stop) = sched.end_thread(&vm.caller()) {
        vm.interp.runtime.halt(stop);
    }
}

/// `connection.wait` on process `pid`'s sentinel: whether it has ended; if not, `waiter`
/// is released when it does.
pub fn watch_end(vm: &Vm, pid: u64, waiter: &Arc<crate::stdlib::thread::locks::LockCore>) -> bool {
    let all = processes(vm);
    let mut t = all.table.lock();
    match t.by_pid.get_mut(&pid) {
        Some(e) if e.exitcode.is_none() && !e.first_thread.is_finished() => {
            e.watchers.push(waiter.clone());
            false
        }
        _ => true,
    }
}

pub fn unwatch_end(vm: &Vm, pid: u64, waiter: &Arc<crate::stdlib::thread::locks::LockCore>) {
    if let Some(e) = processes(vm).table.lock().by_pid.get_mut(&pid) {
        e.watchers.retain(|w| !Arc::ptr_eq(w, waiter));
    }
}

/// Whether process `pid` has ended (its sentinel is ready).
pub fn ended(vm: &Vm, pid: u64) -> bool {
    let all = processes(vm);
    let t = all.table.lock();
    t.by_pid
        .get(&pid)
        .is_none_or(|e| e.exitcode.is_some() || e.first_thread.is_finished())
}

/// The process has ended: every `connection.wait` watching it wakes.
fn release_watchers(vm: &Vm, pid: u64) {
    let watchers = processes(vm)
        .table
        .lock()
        .by_pid
        .get_mut(&pid)
        .map(|e| std::mem::take(&mut e.watchers))
        .unwrap_or_default();
    for w in watchers {
        let _ = w.release(0);
    }
}

/// Puts `(tag, pid, exitcode)` on the notice's queue (a queue gone already: nobody
/// listens any more).
fn send_notice(vm: &Vm, notice: &Notice, pid: u64, exitcode: i64) {
    let item = Value::tuple(vec![
        Value::str(&notice.tag),
        Value::Int(pid as i64),
        Value::Int(exitcode),
    ]);
    if let Ok(pickled) = super::pickle::dumps(vm, &item) {
        let data = crate::stdlib::interp::share::Shared::Pickled(Arc::new(pickled));
        let _ = crate::stdlib::interp::queues::put_shared(vm, notice.queue, data, 0, 1);
    }
}

/// An exception that escaped the child's own code: printed as CPython's child prints it
/// (SystemExit gives its code).
fn report(vm: &Vm, err: &PyErr) -> i64 {
    vm.interp.runtime.stdout.flush();
    i64::from(vm.report_exit(err))
}

fn run_job(vm: &Vm, pid: u64, job: Job) -> PyResult<i64> {
    let process = match job {
        Job::Fork(process) => process,
        Job::Spawn { main, process } => {
            crate::vm::builtins::install_builtins(vm, &vm.interp.builtins);
            if let Some((filename, source)) = main {
                let main = vm.run_source_as_module("__mp_main__", &source, &filename)?;
                vm.interp.modules.set_str("__main__", main);
            }
            if let Some(e) = processes(vm).table.lock().by_pid.get_mut(&pid) {
                e.bootstrapping = false;
            }
            super::pickle::loads(vm, &process)?
        }
    };
    let bootstrap = vm.getattr(
        &process,
        &Arc::new(crate::vm::objects::pystr::PyStr::new("_bootstrap")),
    )?;
    match vm.call(&bootstrap, &[])? {
        Value::Int(code) => Ok(code),
        _ => Ok(0),
    }
}

/// Names the child `child` (and, the first time, the main process) for traces, timelines
/// and deadlock reports: the `Process` object's name (read from its dict, not through the
/// `name` property: that would run instructions a simulated run counts) and the pid.
pub fn name(vm: &Vm, child: &Interpreter, pid: u64, process: &Value) {
    let runtime = &vm.interp.runtime;
    let main = ProcessName {
        name: "MainProcess".into(),
        pid: main_pid(vm),
    };
    runtime.name_process(0, main);
    let name = match process {
        Value::Instance(inst) => match inst.dict.get_str("_name") {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            _ => None,
        },
        _ => None,
    };
    let name = name.unwrap_or_else(|| format!("process {pid}"));
    runtime.name_process(child.id, ProcessName { name, pid });
}

/// "Process-1 (pid 4001)": process `pid` as reports name it.
pub fn label(vm: &Vm, pid: u64) -> String {
    let interp = processes(vm)
        .table
        .lock()
        .by_pid
        .get(&pid)
        .map(|e| e.interp_id);
    interp
        .and_then(|i| vm.interp.runtime.process_name(i))
        .map_or_else(|| format!("process {pid}"), |p| p.label())
}

/// `os._exit(status)`: the calling process ends now — no `except`/`finally`, no exit
/// handlers, its other threads stopped as a kill stops them. A child's exit code becomes
/// `status`; in the main process the whole run ends with it. The error returned unwinds
/// the caller (a stopped thread runs no handler on the way).
pub fn exit_now(vm: &Vm, status: i64) -> PyErr {
    let pid = getpid(vm);
    let all = processes(vm);
    let child = {
        let mut t = all.table.lock();
        t.by_pid.get_mut(&pid).map(|e| {
            e.killed.get_or_insert(status);
            e.interp_id
        })
    };
    let runtime = &vm.interp.runtime;
    match child {
        Some(interp) => {
            for t in runtime.threads_where(|t| t.interp == interp && !t.is_finished()) {
                runtime.sched.kill_thread(&t);
            }
        }
        None => runtime.exit_now(status as i32),
    }
    vm.stop_error()
}

/// The child's first thread, for `join`.
pub fn first_thread(vm: &Vm, pid: u64) -> Option<Arc<ThreadState>> {
    let all = processes(vm);
    let t = all.table.lock();
    t.by_pid.get(&pid).map(|e| e.first_thread.clone())
}

/// `Process.exitcode`: None while it runs.
pub fn exitcode(vm: &Vm, pid: u64) -> Option<i64> {
    let all = processes(vm);
    let t = all.table.lock();
    let e = t.by_pid.get(&pid)?;
    if e.first_thread.is_finished() {
        Some(e.exitcode.unwrap_or(1))
    } else {
        None
    }
}

/// `terminate()` / `kill()`: the process ends with exit code `-signal` as soon as each of
/// its threads next meets the scheduler (at once if blocked); one that has ended already
/// keeps its exit code.
pub fn kill(vm: &Vm, pid: u64, signal: i64) -> bool {
    let all = processes(vm);
    let interp = {
        let mut t = all.table.lock();
        let Some(e) = t.by_pid.get_mut(&pid) else {
            return false;
        };
        if e.first_thread.is_finished() {
            return true;
        }
        e.killed.get_or_insert(-signal);
        e.interp_id
    };
    let runtime = &vm.interp.runtime;
    for t in runtime.threads_where(|t| t.interp == interp && !t.is_finished()) {
        runtime.sched.kill_thread(&t);
    }
    true
}
