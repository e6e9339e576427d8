//! Fuzz target: source bytes through the whole front end (decoding, parsing, symbol tables,
//! code generation) and `dis`; a syntax error is rendered with its caret.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = gilsim::syntax::source::decode(data, "<fuzz>") else {
        return;
    };
    match gilsim::compiler::compile_module(&source, "<fuzz>") {
        Ok(code) => {
            let _ = gilsim::compiler::dis::disassemble(&code);
        }
        Err(e) => {
            let _ = e.render("<fuzz>", &source);
        }
    }
});
