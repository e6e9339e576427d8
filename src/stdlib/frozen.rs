//! gilsim's standard modules written in Python: sources and bytecode embedded in the binary,
//! loaded on first import and run like any module under the filename `<frozen NAME>`.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use parking_lot::Mutex;

use serde::{Deserialize, Serialize};

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
    let code = match archived(name) {
        Some(code) => code,
        None => crate::compiler::compile_module(src, &filename).ok()?,
    };
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
    match super::provider(name)? {
        super::Provider::Python(source) => Some(source),
        _ => None,
    }
}

/// The modules' bytecode, made by `archive()` (CPython freezes its start-up modules the same
/// way, Tools/build/freeze_modules.py): compiling `threading.py` took 11 M of the 15 M
/// instructions of the explorer's first schedule, loading it takes a fraction of that.
static ARCHIVE: &[u8] = include_bytes!("frozen.bin");

/// The build fingerprint of what the compiler makes of the modules (see build.rs).
const FINGERPRINT: &str = env!("GILSIM_FROZEN_FINGERPRINT");

/// `frozen.bin`'s layout: the fingerprint it was made with, then each module's
/// `compiler::marshal` bytes.
#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Archive<'a> {
    fingerprint: &'a str,
    #[serde(borrow)]
    modules: Vec<(&'a str, &'a [u8])>,
}

/// Module `name` from the archive, unless the archive was made by another compiler or from
/// other sources (then the module is compiled, and a test says the archive is stale).
fn archived(name: &str) -> Option<Arc<CodeObject>> {
    let archive: Archive = postcard::from_bytes(ARCHIVE).ok()?;
    if archive.fingerprint != FINGERPRINT {
        return None;
    }
    let (_, bytes) = archive.modules.iter().find(|(n, _)| *n == name)?;
    crate::compiler::marshal::load(bytes).ok()
}

/// A fresh archive of every module, compiled from source by this build (the test that
/// keeps `frozen.bin` current writes it).
#[cfg(test)]
fn archive() -> Result<Vec<u8>, String> {
    let mut dumps = Vec::new();
    for (name, src) in super::python_modules() {
        let code = crate::compiler::compile_module(src, &format!("<frozen {name}>"))
            .map_err(|e| format!("{name}: {}", e.msg))?;
        let bytes = crate::compiler::marshal::dump(&code).map_err(|e| format!("{name}: {e}"))?;
        dumps.push((name, bytes));
    }
    let archive = Archive {
        fingerprint: FINGERPRINT,
        modules: dumps.iter().map(|(n, b)| (*n, b.as_slice())).collect(),
    };
    postcard::to_stdvec(&archive).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Set to rewrite `src/stdlib/frozen.bin` when the test finds it stale.
    const UPDATE: &str = "GILSIM_UPDATE_FROZEN";

    #[test]
    fn the_archive_is_what_this_compiler_makes_of_the_sources() {
        let fresh = archive().expect("the frozen modules compile");
        if fresh == ARCHIVE {
            return;
        }
        if std::env::var_os(UPDATE).is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/stdlib/frozen.bin");
            std::fs::write(path, &fresh).expect("frozen.bin is writable");
            eprintln!("rewrote {path}: rebuild to embed it");
            return;
        }
        panic!(
            "src/stdlib/frozen.bin is stale (a module, the parser or the compiler changed); \
             regenerate it with `{UPDATE}=1 cargo test --release --lib frozen` and commit it"
        );
    }

    #[test]
    fn every_module_loads_from_the_archive_as_a_fresh_compile_of_it() {
        for (name, src) in crate::stdlib::python_modules() {
            let code = archived(name).unwrap_or_else(|| {
                panic!("{name} is not archived or the archive is stale ({UPDATE})")
            });
            let fresh = crate::compiler::compile_module(src, &format!("<frozen {name}>"))
                .expect("compiles");
            assert_eq!(format!("{code:?}"), format!("{fresh:?}"), "{name}");
        }
    }
}
