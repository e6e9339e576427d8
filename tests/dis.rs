//! `gilsim dis` output for a handful of functions, as insta snapshots, plus the lecture fact
//! that `counter += 1` is four instructions.

use gilsim::compiler::{compile_module, dis::disassemble};

fn dis(source: &str) -> String {
    let code = compile_module(source, "example.py").expect("compiles");
    disassemble(&code)
}

#[test]
fn counter_increment_is_four_instructions() {
    let text = dis("counter = 0\ndef increment():\n    global counter\n    counter += 1\n");
    let body: Vec<&str> = text
        .split("Disassembly of")
        .nth(1)
        .unwrap()
        .lines()
        .filter_map(|l| {
            l.split_whitespace()
                .find(|w| w.chars().all(|c| c.is_ascii_uppercase() || c == '_') && w.len() > 2)
        })
        .collect();
    assert_eq!(
        body,
        [
            "RESUME",
            "LOAD_GLOBAL",
            "LOAD_CONST",
            "BINARY_OP",
            "STORE_GLOBAL",
            "RETURN_CONST"
        ]
    );
    insta::assert_snapshot!(text);
}

#[test]
fn countdown_loop() {
    insta::assert_snapshot!(dis("def count(n):\n    while n > 0:\n        n -= 1\n"));
}

#[test]
fn for_loop_call_and_keywords() {
    insta::assert_snapshot!(dis(
        "def show(items):\n    for i, x in enumerate(items):\n        print(i, x, sep=': ')\n"
    ));
}

#[test]
fn try_except_finally() {
    insta::assert_snapshot!(dis(
        "def safe(f):\n    try:\n        return f()\n    except ValueError as e:\n        print(e)\n    finally:\n        print('done')\n"
    ));
}

#[test]
fn closure_and_comprehension() {
    insta::assert_snapshot!(dis(
        "def make(k):\n    def scale(xs):\n        return [x * k for x in xs]\n    return scale\n"
    ));
}

#[test]
fn generator_with_yield_from() {
    insta::assert_snapshot!(dis(
        "def counter(maximum):\n    i = 0\n    while i < maximum:\n        val = yield i\n        i = i + 1 if val is None else val\n\ndef g2(x):\n    return 1 + (yield from counter(x))\n"
    ));
}
