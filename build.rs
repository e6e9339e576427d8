//! Generates the LR parser from grammar/python.lalrpop into OUT_DIR, and fingerprints what the
//! frozen standard modules' bytecode depends on.

use std::path::Path;

/// Everything whose change can change what the compiler makes of gilsim's Python-source
/// modules: the modules themselves, the grammar, the parser and the compiler.
const FROZEN_INPUTS: [&str; 4] = ["grammar", "src/syntax", "src/compiler", "src/stdlib/py"];

/// The kinds of file among them that are sources (an editor's backup file is not).
const SOURCE_EXTENSIONS: [&str; 3] = ["rs", "lalrpop", "py"];

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .set_out_dir(out_dir)
        .emit_rerun_directives(true)
        .process()
        .expect("grammar/python.lalrpop must compile");
    emit_frozen_fingerprint();
}

/// `GILSIM_FROZEN_FINGERPRINT`: a hash of `FROZEN_INPUTS`' files. `src/stdlib/frozen.bin` records
/// the fingerprint it was made with; a binary whose fingerprint differs compiles the modules
/// from source instead of trusting stale bytecode.
fn emit_frozen_fingerprint() {
    let mut files = Vec::new();
    for dir in FROZEN_INPUTS {
        println!("cargo:rerun-if-changed={dir}");
        collect_files(Path::new(dir), &mut files);
    }
    files.sort();
    let mut hash = Fnv1a::default();
    for file in &files {
        hash.write(file.to_string_lossy().replace('\\', "/").as_bytes());
        hash.write(&std::fs::read(file).expect("a source file is readable"));
    }
    println!("cargo:rustc-env=GILSIM_FROZEN_FINGERPRINT={:016x}", hash.0);
}

fn collect_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("a source directory is readable");
    for entry in entries {
        let path = entry.expect("a directory entry is readable").path();
        if path.is_dir() {
            collect_files(&path, files);
        } else if path
            .extension()
            .is_some_and(|e| SOURCE_EXTENSIONS.iter().any(|s| e == *s))
        {
            files.push(path);
        }
    }
}

/// 64-bit FNV-1a: enough to notice an edit, and no build dependency.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}
