//! gilsim's standard modules written in Python: sources embedded in the binary, compiled on
//! first import and run like any module under the filename `<frozen NAME>`.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use parking_lot::Mutex;

use crate::compiler::bytecode::CodeObject;

/// A compiled frozen module: its source (shared, for traceback lines), filename and code.
#[derive(Clone)]
pub struct Frozen {
    pub source: Arc<str>,
    pub filename: String,
    pub code: Arc<CodeObject>,
}

/// Compiled frozen modules, shared by every run in the process: compiling is a pure function
/// of the embedded source, and the explorer runs one program thousands of times.
static COMPILED: LazyLock<Mutex<HashMap<String, Frozen>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The compiled module `name`, if gilsim has one written in Python.
pub fn compiled(name: &str) -> Option<Frozen> {
    if let Some(frozen) = COMPILED.lock().get(name) {
        return Some(frozen.clone());
    }
    let src = source(name)?;
    let filename = format!("<frozen {name}>");
    // The embedded sources are tested to compile; a failure here is a gilsim bug.
    let code = crate::compiler::compile_module(src, &filename).ok()?;
    let frozen = Frozen {
        source: Arc::from(src),
        filename,
        code,
    };
    COMPILED.lock().insert(name.to_string(), frozen.clone());
    Some(frozen)
}

/// The source of the Python-written module `name`, if gilsim has one.
pub fn source(name: &str) -> Option<&'static str> {
    Some(match name {
        "threading" => include_str!("py/threading.py"),
        "queue" => include_str!("py/queue.py"),
        "concurrent" => {
            "\"\"\"The concurrent package (gilsim provides concurrent.futures).\"\"\"\n"
        }
        "concurrent.futures" => include_str!("py/concurrent_futures.py"),
        "requests" => include_str!("py/requests.py"),
        _ => return None,
    })
}
