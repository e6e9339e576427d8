//! `gilsim dis FILE`: prints the disassembly of a program.

use std::path::Path;

pub fn dis(file: &Path) -> i32 {
    let filename = file.display().to_string();
    let source = match std::fs::read(file) {
        Ok(bytes) => match gilsim::syntax::source::decode(&bytes, &filename) {
            Ok(source) => source,
            Err(e) => {
                eprint!("{}", e.render(&filename));
                return 1;
            }
        },
        Err(e) => {
            eprintln!("gilsim: can't open file '{filename}': {e}");
            return 2;
        }
    };
    match gilsim::compiler::compile_module(&source, &filename) {
        Ok(code) => {
            print!("{}", gilsim::compiler::dis::disassemble(&code));
            0
        }
        Err(e) => {
            eprint!("{}", e.render(&filename, &source));
            1
        }
    }
}
