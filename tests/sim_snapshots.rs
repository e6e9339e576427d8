//! Every lecture program and class exercise under a fixed seed: stdout, exit status and the
//! `--trace switches` log, snapshot-tested. A simulated run is a pure function of program,
//! flags and seed, so a changed snapshot means changed behaviour — review it with
//! `cargo insta review`.

mod common;

use std::path::Path;

use gilsim::runtime::TraceLevel;

fn simulate(path: &Path) -> String {
    let source = common::read_source(path);
    // The bare file name, so snapshots do not depend on where the checkout lives.
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let options = common::options()
        .argv(&[&name])
        .timeout(120.0)
        .trace(TraceLevel::Switches)
        .sim(1)
        .build();
    let out = gilsim::drive::run_program(
        &source,
        &name,
        options,
        path.parent().map(Path::to_path_buf),
    );
    format!(
        "exit status {}\n--- stdout\n{}--- stderr: trace and summary\n{}",
        out.exit_code, out.stdout, out.stderr
    )
}

fn check(path: &Path) {
    let first = simulate(path);
    // Determinism, checked here as well: a second run in the same process is identical.
    assert_eq!(
        simulate(path),
        first,
        "{} is not deterministic",
        path.display()
    );
    insta::assert_snapshot!(first);
}

#[test]
fn lecture_programs_under_seed_1() {
    insta::glob!("..", "programs/*.py", check);
}

#[test]
fn exercises_under_seed_1() {
    insta::glob!("..", "programs/exercises/*.py", check);
}
