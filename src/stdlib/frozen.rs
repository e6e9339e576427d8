//! gilsim's standard modules written in Python: sources embedded in the binary, compiled on
//! first import and run like any module under the filename `<frozen NAME>`.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use parking_lot::Mutex;

use crate::compiler::bytecode::CodeObject;

/// Compiled frozen modules, shared by every run in the process: compiling is a pure function
/// of the embedded source, and the explorer runs one program thousands of times.
static COMPILED: LazyLock<Mutex<HashMap<String, Arc<CodeObject>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The compiled module `name` and its filename, if gilsim has one written in Python.
pub fn compiled(name: &str) -> Option<(&'static str, String, Arc<CodeObject>)> {
    let src = source(name)?;
    let filename = format!("<frozen {name}>");
    if let Some(code) = COMPILED.lock().get(name) {
        return Some((src, filename, code.clone()));
    }
    // The embedded sources are tested to compile; a failure here is a gilsim bug.
    let code = crate::compiler::compile_module(src, &filename).ok()?;
    COMPILED.lock().insert(name.to_string(), code.clone());
    Some((src, filename, code))
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
