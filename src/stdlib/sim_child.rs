//! `sys.executable` in a simulated run: the child is another gilsim program, run to its end
//! as a simulated run of its own when it starts — seeded from the parent's seed and its
//! pid, with the parent's GIL model — so the parent stays a pure function of its inputs.
//! Its output, exit status and virtual duration become the simulated process's.

use std::path::Path;
use std::time::Duration;

use crate::runtime::RunOptions;
use crate::vm::context::Vm;
use crate::vm::pyerr::{PyResult, not_implemented_error};

/// Where a simulated child that never ends is stopped: 10 s of virtual time of work.
const CHILD_MAX_STEPS: u64 = 500_000_000;

/// What the child did: exit status, stdout, stderr, and how long it ran in virtual time.
pub struct ChildRun {
    pub returncode: i64,
    pub out: Vec<u8>,
    pub err: Vec<u8>,
    pub duration: Duration,
}

/// What the command line asks the child to run: a file or `-c` source, with its argv.
enum Program {
    File(String),
    Source(String),
}

/// Runs `gilsim ARGS` (`args` without the program name) as a simulated child with `pid`.
pub fn run(vm: &Vm, args: &[String], pid: i64) -> PyResult<ChildRun> {
    let (program, unbuffered, argv) = parse(args)?;
    let parent = &vm.interp.runtime.options;
    let mut sim = parent.sim.clone().unwrap_or_default();
    // Its own stream of choices, drawn from the parent's seed: the same every run.
    sim.seed = sim.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ pid as u64;
    sim.replay = None;
    sim.explore = false;
    sim.random_preemptions = None;
    // It runs to its end before the parent goes on: a runaway child must end too (and a
    // parent's `timeout=` then passes first, as with a real child that never ends).
    sim.max_steps = Some(sim.max_steps.unwrap_or(CHILD_MAX_STEPS));
    let options = RunOptions {
        argv,
        capture: true,
        sim: Some(sim),
        unbuffered,
        timeout: parent.timeout,
        interpreter: parent.interpreter,
        like: parent.like,
        shared_gil: parent.shared_gil,
        io_latency: parent.io_latency,
        sandbox: parent.sandbox.clone(),
        memory_limit: parent.memory_limit,
        ..RunOptions::default()
    };
    let outcome = match &program {
        Program::File(path) => crate::drive::run_file(Path::new(path), options),
        Program::Source(source) => crate::drive::run_source(source, "<string>", options),
    };
    Ok(ChildRun {
        returncode: i64::from(outcome.exit_code),
        out: outcome.stdout.into_bytes(),
        err: without_summary(outcome.stderr).into_bytes(),
        duration: outcome.elapsed,
    })
}

/// The child's command line: `[-u] FILE ARGS...` or `[-u] -c SOURCE ARGS...`; its
/// `sys.argv` as CPython's (`['-c', ...]` for source).
fn parse(args: &[String]) -> PyResult<(Program, bool, Vec<String>)> {
    let mut unbuffered = false;
    let mut rest = args;
    while let Some((first, tail)) = rest.split_first() {
        match first.as_str() {
            "-u" => unbuffered = true,
            "-c" => {
                let Some((source, tail)) = tail.split_first() else {
                    return Err(refused("'-c' without its code"));
                };
                let argv = std::iter::once("-c".to_string()).chain(tail.iter().cloned());
                return Ok((Program::Source(source.clone()), unbuffered, argv.collect()));
            }
            option if option.starts_with('-') => {
                return Err(refused(&format!("the option '{option}'")));
            }
            file => return Ok((Program::File(file.to_string()), unbuffered, rest.to_vec())),
        }
        rest = tail;
    }
    Err(refused("no program (an interactive gilsim)"))
}

fn refused(what: &str) -> crate::vm::pyerr::PyErr {
    not_implemented_error(format!(
        "subprocess running sys.executable in a simulated run takes a file or '-c' (and \
         '-u'); {what} is not supported by gilsim"
    ))
}

/// The child's stderr without the summary line every simulated run ends with: the parent
/// would not see it from a real child either.
fn without_summary(mut stderr: String) -> String {
    let body = stderr.strip_suffix('\n').unwrap_or(&stderr);
    let last_line = body.rfind('\n').map_or(0, |i| i + 1);
    if body[last_line..].starts_with("gilsim: simulated run (") {
        stderr.truncate(last_line);
    }
    stderr
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_child_command_line_is_a_file_or_source_with_its_argv() {
        let (program, unbuffered, argv) = parse(&args(&["-u", "-c", "print(1)", "x"])).unwrap();
        assert!(matches!(program, Program::Source(s) if s == "print(1)"));
        assert!(unbuffered);
        assert_eq!(argv, ["-c", "x"]);
        let (program, unbuffered, argv) = parse(&args(&["child.py", "-u"])).unwrap();
        assert!(matches!(program, Program::File(f) if f == "child.py"));
        assert!(!unbuffered);
        assert_eq!(argv, ["child.py", "-u"]);
        for refused in [&["-m", "json"][..], &["-c"], &[]] {
            assert!(parse(&args(refused)).is_err(), "{refused:?}");
        }
    }

    #[test]
    fn only_the_summary_line_is_taken_off_the_childs_stderr() {
        let summary = "gilsim: simulated run (seed 1, 4 virtual cores): 0.1 s\n";
        assert_eq!(without_summary(format!("boom\n{summary}")), "boom\n");
        assert_eq!(without_summary(summary.to_string()), "");
        assert_eq!(without_summary("just an error\n".into()), "just an error\n");
        assert_eq!(
            without_summary(format!("{summary}after\n")),
            format!("{summary}after\n")
        );
    }
}
