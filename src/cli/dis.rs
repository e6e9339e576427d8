//! `gilsim dis FILE`: prints the disassembly of a program.

use std::path::Path;

pub fn dis(file: &Path) -> i32 {
    let filename = file.display().to_string();
    let source = match gilsim::syntax::source::read(file) {
        Ok(source) => source,
        Err(e) => {
            eprint!("{}", e.render("gilsim dis", &filename));
            return e.exit_code();
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
