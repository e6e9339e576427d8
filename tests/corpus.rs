//! Every feature program (`tests/py/`) and lecture program (`programs/`) prints what CPython
//! prints: compared with the stored snapshot always, and with `python3` when it is installed.

mod common;

use std::path::Path;

fn check_program(path: &Path) {
    let outcome = common::gilsim(path);
    assert_eq!(
        outcome.exit_code,
        0,
        "{} failed:\n{}",
        path.display(),
        outcome.stderr
    );
    assert_eq!(outcome.stderr, "", "{} wrote to stderr", path.display());
    if let Some(expected) = common::cpython_stdout(path) {
        assert_eq!(
            outcome.stdout,
            expected,
            "{}: gilsim's stdout differs from CPython's",
            path.display()
        );
    }
    insta::assert_snapshot!(outcome.stdout);
}

#[test]
fn feature_programs_match_cpython() {
    insta::glob!("py/*.py", check_program);
}

#[test]
fn lecture_programs_match_cpython() {
    insta::glob!("..", "programs/*.py", check_program);
}
