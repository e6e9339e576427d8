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

/// Whether `python3` can check the program. Programs that need gilsim's simulated modules
/// (`requests`) say `# corpus: gilsim-only` (CPython would need the network); programs for
/// one CPython say `# corpus: CPython 3.12` and are compared only with that `python3`
/// (`_xxsubinterpreters` exists in 3.12 alone; `tests/interp/` checks them against stored
/// 3.12 output).
fn cpython_checks(path: &Path) -> bool {
    let source = common::read_source(path);
    if source.contains("# corpus: gilsim-only") {
        return false;
    }
    match source.split("# corpus: CPython ").nth(1) {
        Some(rest) => {
            let version = rest.split_whitespace().next().unwrap_or("");
            common::python3_version().is_some_and(|v| v.starts_with(&format!("{version}.")))
        }
        None => true,
    }
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
    if cpython_checks(path)
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
