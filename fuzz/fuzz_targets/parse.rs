//! Fuzz target: source bytes through decoding (PEP 263 cookies, BOM), the lexer's layout
//! pass and the LR parser; a syntax error is rendered with its caret, as `gilsim` prints it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = gilsim::syntax::source::decode(data, "<fuzz>") else {
        return;
    };
    if let Err(e) = gilsim::syntax::parse_module(&source) {
        let _ = e.render("<fuzz>", &source);
    }
});
