//! `Runtime` (one per run: options, output streams, clock) and `Interpreter` (builtins, modules,
//! sys state; later its own GIL — subinterpreters will each own one).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

use parking_lot::Mutex;

use super::output::Output;
use crate::vm::dict::Dict;

/// Everything a run is configured with.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Capture stdout/stderr in memory instead of writing to the process streams.
    pub capture: bool,
    /// Stop the run after this many seconds.
    pub timeout: Option<f64>,
}

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions {
            argv: vec![String::new()],
            capture: false,
            timeout: None,
        }
    }
}

pub struct Runtime {
    pub options: RunOptions,
    pub stdout: Output,
    pub stderr: Output,
    pub started: Instant,
    next_ident: AtomicU64,
    /// Source text of every compiled file, for traceback lines.
    sources: Mutex<HashMap<String, Arc<str>>>,
}

impl Runtime {
    pub fn new(options: RunOptions) -> Arc<Runtime> {
        let (stdout, stderr) = if options.capture {
            (Output::captured(), Output::captured())
        } else {
            (Output::stdout(), Output::stderr())
        };
        Arc::new(Runtime {
            options,
            stdout,
            stderr,
            started: Instant::now(),
            next_ident: AtomicU64::new(1),
            sources: Mutex::new(HashMap::new()),
        })
    }

    pub fn register_source(&self, filename: &str, source: &str) {
        self.sources
            .lock()
            .insert(filename.to_string(), Arc::from(source));
    }

    /// Line `line` (1-based) of a registered source file.
    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let sources = self.sources.lock();
        let text = sources.get(filename)?;
        text.lines()
            .nth((line as usize).checked_sub(1)?)
            .map(str::to_string)
    }

    /// A fresh thread identifier (`threading.get_ident()`-like; stable within a run).
    pub fn next_thread_ident(&self) -> u64 {
        // CPython idents are pthread addresses; gilsim hands out readable, distinct numbers.
        let n = self.next_ident.fetch_add(1, Ordering::Relaxed);
        139_800_000_000_000 + n * 0x0080_0000
    }
}

pub struct Interpreter {
    pub runtime: Arc<Runtime>,
    pub builtins: Arc<Dict>,
    /// `sys.modules`.
    pub modules: Arc<Dict>,
    pub recursion_limit: AtomicU32,
    /// `sys.set_int_max_str_digits` (CPython's default 4300).
    pub int_max_str_digits: AtomicUsize,
    /// Directory of the main script: where `import name` finds `name.py`.
    pub script_dir: Mutex<Option<std::path::PathBuf>>,
}

impl Interpreter {
    pub fn new(runtime: Arc<Runtime>) -> Arc<Interpreter> {
        Arc::new(Interpreter {
            runtime,
            builtins: Arc::new(Dict::new()),
            modules: Arc::new(Dict::new()),
            recursion_limit: AtomicU32::new(1000),
            int_max_str_digits: AtomicUsize::new(4300),
            script_dir: Mutex::new(None),
        })
    }

    pub fn recursion_limit(&self) -> u32 {
        self.recursion_limit.load(Ordering::Relaxed)
    }
}
