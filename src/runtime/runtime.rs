//! `Runtime`: one per run — its options, output streams, event stream and scheduler (the
//! seam between real and simulated mode), every thread and lock of the run whatever its
//! interpreter (deadlocks can span interpreters), and why the run was stopped.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::config::RunOptions;
use super::deadlock::LockInfo;
use super::events::Events;
use super::gil::{Gil, GilModel};
use super::output::Output;
use super::sched::{Scheduler, Stop};
use super::thread::{ThreadState, breaker};

pub struct Runtime {
    pub options: RunOptions,
    pub stdout: Output,
    pub stderr: Output,
    pub events: Arc<Events>,
    /// Real or simulated, chosen once for the whole run.
    pub sched: Scheduler,
    next_ident: AtomicU64,
    /// GILs created so far (their ids).
    gils: AtomicUsize,
    /// Interpreters created so far (the main one is 0).
    interpreters: AtomicU64,
    /// Source text of every compiled file, for traceback lines.
    sources: Mutex<HashMap<String, Arc<str>>>,
    /// Why the run was stopped from outside the program (deadlock report, timeout).
    pub stop_reason: Mutex<Option<String>>,
    /// The exit status `os._exit` ended the run with (in the main process).
    exit_status: Mutex<Option<i32>>,
    /// Every thread that ever ran Python code in this run, in start order.
    threads: Mutex<Vec<Arc<ThreadState>>>,
    /// OS threads to join before the run ends.
    pub handles: Mutex<Vec<super::pool::Handle>>,
    /// Every lock created, for the holdings in deadlock reports.
    locks: Mutex<Vec<Weak<dyn LockInfo>>>,
    /// The interpreters the program created and has not destroyed yet (the main one is not
    /// listed: its driver owns it). Emptied when the run ends.
    subinterpreters: Mutex<Vec<Arc<super::interpreter::Interpreter>>>,
    /// The main interpreter (owned by the driver), for code in a subinterpreter that names it.
    main_interpreter: Mutex<Weak<super::interpreter::Interpreter>>,
    /// What a standard module keeps for the whole run, across interpreters (the channels
    /// of `_xxinterpchannels`, ...), one value per type.
    module_states: Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
    /// By `Gil::id`: the interpreter each GIL was made for.
    gil_owners: Mutex<Vec<u64>>,
    /// The memory sampler's verdict on this run (`memory.rs`).
    pub memory: super::memory::Watch,
}

/// How many subinterpreters may live at once. Each costs little (its modules are imported
/// on demand), but a program that creates them in a loop and never destroys them should
/// meet a clear error, not exhaust the machine.
pub const MAX_SUBINTERPRETERS: usize = 2048;

impl Runtime {
    pub fn new(options: RunOptions) -> Arc<Runtime> {
        let (stdout, stderr) = if options.capture {
            (Output::captured(), Output::captured())
        } else {
            (Output::stdout(), Output::stderr())
        };
        let started = Instant::now();
        // A simulated run's events are timed on its virtual clock, which the scheduler moves.
        let virtual_clock = options.sim.as_ref().map(|_| Arc::new(AtomicU64::new(0)));
        let events = Arc::new(Events::new(started, virtual_clock.clone()));
        let sched = Scheduler::new(options.sim.clone(), virtual_clock, started, &events);
        Arc::new(Runtime {
            options,
            stdout,
            stderr,
            events,
            sched,
            next_ident: AtomicU64::new(1),
            gils: AtomicUsize::new(0),
            interpreters: AtomicU64::new(0),
            sources: Mutex::new(HashMap::new()),
            stop_reason: Mutex::new(None),
            exit_status: Mutex::new(None),
            threads: Mutex::new(Vec::new()),
            handles: Mutex::new(Vec::new()),
            locks: Mutex::new(Vec::new()),
            subinterpreters: Mutex::new(Vec::new()),
            main_interpreter: Mutex::new(Weak::new()),
            module_states: Mutex::new(HashMap::new()),
            gil_owners: Mutex::new(Vec::new()),
            memory: super::memory::Watch::default(),
        })
    }

    /// A new GIL of this run, made for interpreter `owner` (others may share it).
    pub fn new_gil(&self, owner: u64, model: GilModel, interval: Duration) -> Arc<Gil> {
        let mut owners = self.gil_owners.lock();
        let id = self.gils.fetch_add(1, Ordering::Relaxed);
        owners.push(owner);
        self.sched.new_gil(id, model, interval, self.events.clone())
    }

    /// The interpreter a GIL was made for (reports name it "interp N's GIL").
    pub fn gil_owner(&self, gil: usize) -> u64 {
        self.gil_owners.lock().get(gil).copied().unwrap_or(0)
    }

    /// The id of a new interpreter (the main one is 0).
    pub fn next_interpreter_id(&self) -> u64 {
        self.interpreters.fetch_add(1, Ordering::Relaxed)
    }

    pub fn register_source(&self, filename: &str, source: &str) {
        self.register_shared_source(filename, Arc::from(source));
    }

    /// Like `register_source`, without copying text that is shared already (the explorer's
    /// program and the embedded modules, registered again by every run).
    pub fn register_shared_source(&self, filename: &str, source: Arc<str>) {
        self.sources.lock().insert(filename.to_string(), source);
    }

    /// The whole text of a registered source file (a spawned process runs the main script
    /// again from it).
    pub fn source(&self, filename: &str) -> Option<Arc<str>> {
        self.sources.lock().get(filename).cloned()
    }

    /// Line `line` (1-based) of a registered source file.
    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let sources = self.sources.lock();
        let text = sources.get(filename)?;
        text.lines()
            .nth((line as usize).checked_sub(1)?)
            .map(str::to_string)
    }

    /// Where this run's OS threads with `stack_size` come from: pinned to the run's core, if
    /// it has one (see `SimOptions::core`).
    pub fn pool_placement(&self, stack_size: usize) -> super::pool::Placement {
        super::pool::Placement {
            stack_size,
            core: self.options.sim.as_ref().and_then(|s| s.core),
        }
    }

    /// A fresh thread identifier (`threading.get_ident()`-like; stable within a run).
    pub fn next_thread_ident(&self) -> u64 {
        // CPython idents are pthread addresses; gilsim hands out readable, distinct numbers.
        let n = self.next_ident.fetch_add(1, Ordering::Relaxed);
        139_800_000_000_000 + n * 0x0080_0000
    }

    /// A thread of the run begins (the scheduler learns of it separately).
    pub fn register_thread(&self, t: Arc<ThreadState>) {
        self.threads.lock().push(t);
    }

    /// Every thread of the run, in start order.
    pub fn threads(&self) -> Vec<Arc<ThreadState>> {
        self.threads.lock().clone()
    }

    /// The run's threads for which `keep` holds, in start order.
    pub fn threads_where(&self, keep: impl Fn(&ThreadState) -> bool) -> Vec<Arc<ThreadState>> {
        self.threads
            .lock()
            .iter()
            .filter(|t| keep(t))
            .cloned()
            .collect()
    }

    /// The first thread, in start order, for which `found` holds.
    pub fn find_thread(&self, found: impl Fn(&ThreadState) -> bool) -> Option<Arc<ThreadState>> {
        self.threads.lock().iter().find(|t| found(t)).cloned()
    }

    /// The thread with this ident, if the run has one.
    pub fn thread(&self, ident: u64) -> Option<Arc<ThreadState>> {
        self.find_thread(|t| t.ident == ident)
    }

    /// Threads that have not finished, in start order.
    pub fn live_threads(&self) -> Vec<Arc<ThreadState>> {
        self.threads_where(|t| !t.is_finished())
    }

    /// Keeps a started OS thread's handle until the run ends (finished ones are dropped).
    pub fn keep_handle(&self, handle: super::pool::Handle) {
        let mut handles = self.handles.lock();
        handles.retain(|h| !h.is_finished());
        handles.push(handle);
    }

    pub fn register_lock(&self, lock: Weak<dyn LockInfo>) {
        let mut locks = self.locks.lock();
        if locks.len() > 1024 {
            locks.retain(|l| l.strong_count() > 0);
        }
        locks.push(lock);
    }

    pub fn known_locks(&self) -> Vec<Arc<dyn LockInfo>> {
        self.locks.lock().iter().filter_map(Weak::upgrade).collect()
    }

    /// Keeps a subinterpreter alive until the program destroys it (or the run ends); false
    /// when `MAX_SUBINTERPRETERS` live already.
    pub fn add_subinterpreter(&self, interp: Arc<super::interpreter::Interpreter>) -> bool {
        let mut all = self.subinterpreters.lock();
        if all.len() >= MAX_SUBINTERPRETERS {
            return false;
        }
        all.push(interp);
        true
    }

    /// Interpreter `interp` stands for a `multiprocessing` process (the main one too, once
    /// a child exists): reports name it after the process, as CPython does.
    pub fn name_process(&self, interp: u64, name: ProcessName) {
        self.module_state::<ProcessNames>()
            .0
            .lock()
            .entry(interp)
            .or_insert(name);
    }

    /// The process interpreter `interp` stands for, if it does.
    pub fn process_name(&self, interp: u64) -> Option<ProcessName> {
        self.module_state::<ProcessNames>()
            .0
            .lock()
            .get(&interp)
            .cloned()
    }

    /// How reports name interpreter `interp`: "Process-1 (pid 4001)" for a process,
    /// "interpreter 1" for a subinterpreter.
    pub fn interp_label(&self, interp: u64) -> String {
        match self.process_name(interp) {
            Some(p) => p.label(),
            None if interp == 0 => "main interpreter".into(),
            None => format!("interpreter {interp}"),
        }
    }

    /// The run's state of type `T` (made on first use), which a standard module shares
    /// between the interpreters of the run.
    pub fn module_state<T: Any + Send + Sync + Default>(&self) -> Arc<T> {
        let mut states = self.module_states.lock();
        let state = states
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Arc::new(T::default()))
            .clone();
        drop(states);
        // The entry for T's TypeId always holds a T.
        state
            .downcast::<T>()
            .unwrap_or_else(|_| Arc::new(T::default()))
    }

    /// The main interpreter, once created.
    pub fn set_main_interpreter(&self, main: &Arc<super::interpreter::Interpreter>) {
        *self.main_interpreter.lock() = Arc::downgrade(main);
    }

    /// The interpreter with this id (0: the main one), if it lives.
    pub fn interpreter(&self, id: u64) -> Option<Arc<super::interpreter::Interpreter>> {
        if id == 0 {
            return self.main_interpreter.lock().upgrade();
        }
        self.subinterpreter(id)
    }

    /// The live subinterpreter with this id.
    pub fn subinterpreter(&self, id: u64) -> Option<Arc<super::interpreter::Interpreter>> {
        self.subinterpreters
            .lock()
            .iter()
            .find(|i| i.id == id)
            .cloned()
    }

    /// The ids of the live subinterpreters, in creation order.
    pub fn subinterpreter_ids(&self) -> Vec<u64> {
        self.subinterpreters.lock().iter().map(|i| i.id).collect()
    }

    /// Forgets a destroyed subinterpreter; returns it, for its teardown.
    pub fn remove_subinterpreter(&self, id: u64) -> Option<Arc<super::interpreter::Interpreter>> {
        let mut all = self.subinterpreters.lock();
        let at = all.iter().position(|i| i.id == id)?;
        Some(all.remove(at))
    }

    /// Every subinterpreter still alive, forgotten (the run is over; their teardown follows).
    pub fn take_subinterpreters(&self) -> Vec<Arc<super::interpreter::Interpreter>> {
        std::mem::take(&mut *self.subinterpreters.lock())
    }

    /// Records why the run must stop (first reason wins).
    pub fn set_stop_reason(&self, reason: String) {
        let mut r = self.stop_reason.lock();
        if r.is_none() {
            *r = Some(reason);
        }
    }

    /// `os._exit(status)` in the main process: every thread of every process stops now,
    /// running no `finally` and no exit handler, and the run ends with `status`.
    pub fn exit_now(&self, status: i32) {
        self.exit_status.lock().get_or_insert(status);
        self.stop_all();
    }

    /// The status `os._exit` ended the run with, if it did.
    pub fn exit_status(&self) -> Option<i32> {
        *self.exit_status.lock()
    }

    /// Sets `bit` in every thread's eval breaker (the memory sampler's `MEMORY`).
    pub fn request_all(&self, bit: u32) {
        for t in self.threads.lock().iter() {
            t.request(bit);
        }
    }

    /// Asks every thread to stop at its next check point or wait slice.
    pub fn stop_all(&self) {
        for t in self.threads.lock().iter() {
            t.request(breaker::STOP);
        }
        self.sched.stop();
    }

    /// The scheduler stopped a thread: a deadlock it found is reported, a limit's reason
    /// recorded, and the whole run stops.
    pub fn halt(&self, stop: Stop) {
        match stop {
            Stop::Deadlock => super::deadlock::declare(self),
            Stop::Limit => {
                if let Some(reason) = self.sched.limit_reason() {
                    self.set_stop_reason(reason);
                }
                self.stop_all();
            }
            Stop::Stopped => {}
        }
    }
}

/// A process as reports name it: `multiprocessing`'s name for it ("MainProcess",
/// "Process-1", "ForkPoolWorker-2", ...) when it started, and its pid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessName {
    pub name: String,
    pub pid: u64,
}

impl ProcessName {
    /// "Process-1 (pid 4001)".
    pub fn label(&self) -> String {
        format!("{} (pid {})", self.name, self.pid)
    }
}

/// The processes of the run by interpreter id (kept with the modules' run-wide state: only
/// runs that start processes have any).
#[derive(Default)]
struct ProcessNames(Mutex<HashMap<u64, ProcessName>>);
