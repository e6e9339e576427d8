//! `Interpreter`: one per interpreter of a run (the main one, later subinterpreters) — its
//! builtins, `sys.modules` and `sys` settings, its GIL (its own, or shared) and its check
//! point policy. Its threads are the run's threads that belong to it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};

use parking_lot::Mutex;

use super::config::InterpreterConfig;
use super::gil::{CheckPoints, Gil};
use super::runtime::Runtime;
use super::thread::ThreadState;
use crate::vm::objects::dict::Dict;

pub struct Interpreter {
    /// 0 for the main interpreter.
    pub id: u64,
    pub runtime: Arc<Runtime>,
    pub builtins: Arc<Dict>,
    /// `sys.modules`.
    pub modules: Arc<Dict>,
    pub recursion_limit: AtomicU32,
    /// `sys.set_int_max_str_digits` (CPython's default 4300).
    pub int_max_str_digits: AtomicUsize,
    /// Directory of the main script: where `import name` finds `name.py`.
    pub script_dir: Mutex<Option<std::path::PathBuf>>,
    /// Its GIL: its own, or one it shares with other interpreters.
    pub gil: Arc<Gil>,
    /// `sys.getcheckinterval()` (ticks between the old GIL's releases).
    pub check_interval: AtomicU32,
    /// 0 = the 3.10 policy, u32::MAX = every op, n = every n instructions.
    check_points: AtomicU32,
    /// Numbering of default thread names ("Thread-3 (worker)").
    pub thread_counter: AtomicU64,
    /// How many calls are running code in its `__main__` right now (`run_string`, `exec`):
    /// what `is_running` reports, and why it may not be destroyed or run twice at once.
    pub running_main: AtomicU32,
    /// Created isolated (`_xxsubinterpreters.create(isolated=True)`, the default): under
    /// CPython 3.9-3.11 such an interpreter may not start threads.
    pub isolated: AtomicBool,
}

impl Interpreter {
    /// The run's main interpreter, configured by the run's options.
    pub fn main(runtime: Arc<Runtime>) -> Arc<Interpreter> {
        let config = runtime.options.interpreter;
        let main = Interpreter::new(runtime.clone(), config, None);
        runtime.set_main_interpreter(&main);
        main
    }

    /// An interpreter of the run with `config`, under its own new GIL or `shared_gil`.
    pub fn new(
        runtime: Arc<Runtime>,
        config: InterpreterConfig,
        shared_gil: Option<Arc<Gil>>,
    ) -> Arc<Interpreter> {
        let id = runtime.next_interpreter_id();
        let gil = shared_gil.unwrap_or_else(|| runtime.new_gil(id, config.gil, config.interval()));
        Arc::new(Interpreter {
            id,
            builtins: Arc::new(Dict::new()),
            modules: Arc::new(Dict::new()),
            recursion_limit: AtomicU32::new(1000),
            int_max_str_digits: AtomicUsize::new(4300),
            script_dir: Mutex::new(None),
            gil,
            check_points: AtomicU32::new(encode_check_points(config.check_points)),
            check_interval: AtomicU32::new(match config.check_points {
                CheckPoints::Ticks(n) => n,
                _ => 100,
            }),
            thread_counter: AtomicU64::new(0),
            running_main: AtomicU32::new(0),
            isolated: AtomicBool::new(false),
            runtime,
        })
    }

    /// Whether this is the run's main interpreter.
    pub fn is_main(&self) -> bool {
        self.id == 0
    }

    pub fn recursion_limit(&self) -> u32 {
        self.recursion_limit.load(Ordering::Relaxed)
    }

    pub fn check_points(&self) -> CheckPoints {
        match self.check_points.load(Ordering::Relaxed) {
            0 => CheckPoints::Py310,
            u32::MAX => CheckPoints::EveryOp,
            n => CheckPoints::Ticks(n),
        }
    }

    pub fn set_check_points(&self, c: CheckPoints) {
        self.check_points
            .store(encode_check_points(c), Ordering::Relaxed);
    }

    /// The threads that ran Python code in this interpreter, in start order.
    pub fn threads(&self) -> Vec<Arc<ThreadState>> {
        self.runtime.threads_where(|t| t.interp == self.id)
    }

    /// The interpreter's first thread (`threading.main_thread()`).
    pub fn main_thread(&self) -> Option<Arc<ThreadState>> {
        self.runtime.find_thread(|t| t.interp == self.id)
    }

    /// This interpreter's threads that have not finished.
    pub fn live_threads(&self) -> Vec<Arc<ThreadState>> {
        self.runtime
            .threads_where(|t| t.interp == self.id && !t.is_finished())
    }

    /// A new thread state of this interpreter, registered with the run.
    pub fn new_thread(&self, name: &str) -> Arc<ThreadState> {
        let t = Arc::new(ThreadState::named(
            self.runtime.next_thread_ident(),
            self.id,
            name,
        ));
        self.runtime.register_thread(t.clone());
        t
    }
}

fn encode_check_points(c: CheckPoints) -> u32 {
    match c {
        CheckPoints::Py310 => 0,
        CheckPoints::EveryOp => u32::MAX,
        CheckPoints::Ticks(n) => n.clamp(1, u32::MAX - 1),
    }
}
