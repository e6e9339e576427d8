//! Every feature program (`tests/py/`) and lecture program (`programs/`) prints what CPython
//! prints: compared with the stored snapshot always, and with `python3` when it is installed.

mod common;

use std::path::Path;

/// Timings vary from run to run: lecture programs print them only as `1.23 s` or `1.23x`,
/// which are masked before comparing.
fn mask_timings(out: &str) -> String {
    static PATTERNS: std::sync::LazyLock<[(regex::Regex, &str); 2]> =
        std::sync::LazyLock::new(|| {
            [
                (regex::Regex::new(r"\b\d+\.\d{2} s\b").unwrap(), "#.## s"),
                (regex::Regex::new(r"\b\d+\.\d{2}x\b").unwrap(), "#.##x"),
            ]
        });
    let mut s = out.to_string();
    for (re, with) in PATTERNS.iter() {
        s = re.replace_all(&s, *with).into_owned();
    }
    s
}

/// Programs that need gilsim's simulated modules (`requests`) say so in a comment; CPython
/// would need the network to run them.
fn gilsim_only(path: &Path) -> bool {
    common::read_source(path).contains("# corpus: gilsim-only")
}

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
    let stdout = mask_timings(&outcome.stdout);
    if !gilsim_only(path)
        && let Some(expected) = common::cpython_stdout(path)
    {
        assert_eq!(
            stdout,
            mask_timings(&expected),
            "{}: gilsim's stdout differs from CPython's",
            path.display()
        );
    }
    insta::assert_snapshot!(stdout);
}

#[test]
fn feature_programs_match_cpython() {
    insta::glob!("py/*.py", check_program);
}

#[test]
fn lecture_programs_match_cpython() {
    insta::glob!("..", "programs/*.py", check_program);
}
