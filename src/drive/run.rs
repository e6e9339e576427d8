//! Running a program end to end: the run's runtime and observers, the main module on a
//! big-stack thread, `--timeout`, the deadlock watchdog of real runs, and what is reported
//! at exit (`--stats`, the timeline, a simulated run's summary and schedule).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use super::main_module::{Prepared, execute_prepared};
use crate::runtime::{Interpreter, RunOptions, Runtime};
use crate::viz::recording::{Recorder, Recording};
use crate::vm::context::Vm;

/// Native stack of the thread that runs the main program. Python-to-Python calls do not use
/// it; native re-entries (sorted's key, __eq__, ...) do, and are guarded against overflow.
pub const MAIN_STACK_SIZE: usize = 512 * 1024 * 1024;

/// How a run ended. `stdout`/`stderr` are filled only when `options.capture` is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOutcome {
    pub exit_code: i32,
    pub stdout: String,
    pub stderr: String,
    /// The decisions of a simulated run (what `--save-schedule` writes).
    pub schedule: Option<crate::runtime::sched::schedule::Schedule>,
    /// The run as lanes of slices, when `RunOptions::record` (or a view drawn from it) asked.
    pub recording: Option<Arc<Recording>>,
    /// How long the run lasted: virtual time in a simulated run, else the wall clock's.
    pub elapsed: Duration,
}

/// Runs a file (its directory becomes `sys.path[0]`).
pub fn run_file(path: &Path, mut options: RunOptions) -> RunOutcome {
    let filename = path.display().to_string();
    // Decoded as CPython's tokenizer does: never run a file CPython refuses to read.
    let source = match crate::syntax::source::read(path) {
        Ok(source) => source,
        Err(e) => {
            return not_run(
                e.render("gilsim", &filename),
                e.exit_code(),
                options.capture,
            );
        }
    };
    if options.argv.first().is_none_or(String::is_empty) {
        if options.argv.is_empty() {
            options.argv.push(filename.clone());
        } else {
            options.argv[0] = filename.clone();
        }
    }
    let dir = path
        .parent()
        .map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
        .map(Path::to_path_buf);
    run_program(&source, &filename, options, dir)
}

/// Runs source text as the `__main__` module.
pub fn run_source(source: &str, filename: &str, options: RunOptions) -> RunOutcome {
    run_program(source, filename, options, None)
}

/// The outcome of a file that never ran: `msg` on stderr (or captured), `exit_code`.
fn not_run(msg: String, exit_code: i32, capture: bool) -> RunOutcome {
    if !capture {
        eprint!("{msg}");
    }
    RunOutcome {
        exit_code,
        stdout: String::new(),
        stderr: if capture { msg } else { String::new() },
        schedule: None,
        recording: None,
        elapsed: Duration::ZERO,
    }
}

/// Runs source text as `__main__`, finding imports in `script_dir`.
pub fn run_program(
    source: &str,
    filename: &str,
    options: RunOptions,
    script_dir: Option<std::path::PathBuf>,
) -> RunOutcome {
    run_prepared(
        &Arc::new(Prepared::uncompiled(source, filename)),
        options,
        script_dir,
    )
}

/// Runs a prepared program as `__main__` (the explorer's entry, once per schedule).
pub fn run_prepared(
    prepared: &Arc<Prepared>,
    options: RunOptions,
    script_dir: Option<std::path::PathBuf>,
) -> RunOutcome {
    let timeout = options.timeout;
    let program = prepared.hash.clone();
    // A view that cannot be written is said before the run, not after a long one.
    for (path, what) in [
        (&options.trace_json, "the trace"),
        (&options.html, "the report"),
    ] {
        if let Some(path) = path
            && let Err(e) = std::fs::File::create(path)
        {
            let msg = format!("gilsim: cannot write {what} to {}: {e}\n", path.display());
            return not_run(msg, 2, options.capture);
        }
    }
    let runtime = Runtime::new(options);
    crate::runtime::memory::watch(&runtime);
    let interp = Interpreter::main(runtime.clone());
    *interp.script_dir.lock() = script_dir;
    let thread = interp.new_thread("MainThread");
    runtime.sched.add_first_thread(&thread, &interp.gil);
    if let Some(level) = runtime.options.trace {
        crate::viz::trace::Trace::attach(&interp, level);
    }
    let timeline = runtime
        .options
        .timeline
        .then(|| crate::viz::timeline::Timeline::attach(&interp));
    let stats = runtime
        .options
        .stats
        .then(|| crate::viz::stats::Stats::attach(&interp));
    let recorder = runtime.options.records().then(|| Recorder::attach(&interp));
    // The report's own --stats table, apart from the one --stats prints.
    let report_stats = runtime
        .options
        .html
        .is_some()
        .then(|| crate::viz::stats::Stats::attach(&interp));
    let views = Views {
        recorder: recorder.as_deref(),
        stats: report_stats.as_deref(),
        prepared,
    };
    let (tx, rx) = crossbeam::channel::bounded::<i32>(1);
    let main_program = prepared.clone();
    let worker_thread = thread.clone();
    let worker_interp = interp.clone();
    let placement = runtime.pool_placement(MAIN_STACK_SIZE);
    let spawned = crate::runtime::pool::spawn("gilsim-main", placement, move || {
        let code = {
            let vm = Vm::new(worker_interp, worker_thread, MAIN_STACK_SIZE);
            let code = execute_prepared(&vm, &main_program);
            code.max(report_at_exit(&vm, stats.as_deref(), &main_program.hash))
        };
        crate::runtime::sched::ids::install(None);
        let _ = tx.send(code);
    });
    let (watchdog_done, watchdog_stop) = crossbeam::channel::bounded::<()>(1);
    let watchdog = if runtime.sched.detects_deadlocks() {
        // The simulated scheduler sees deadlocks itself, deterministically.
        None
    } else {
        let runtime = runtime.clone();
        let done = watchdog_stop;
        std::thread::Builder::new()
            .name("gilsim-deadlock-watchdog".into())
            .spawn(move || crate::runtime::deadlock::watch(&runtime, &done))
            .ok()
    };
    let stop_watchdog = move || {
        let _ = watchdog_done.send(());
        if let Some(w) = watchdog {
            let _ = w.join();
        }
    };
    let handle = match spawned {
        Ok(h) => h,
        Err(e) => {
            runtime.stderr.write_str(&format!(
                "gilsim: cannot start the interpreter thread: {e}\n"
            ));
            stop_watchdog();
            return finish(&interp, 1, &program);
        }
    };
    // The command line keeps --timeout within (0, MAX_TIMEOUT]; a library caller's NaN or
    // overflowing value means no usable limit, so the run waits as if none were given.
    let limit = timeout
        .filter(|secs| !secs.is_nan())
        .and_then(|secs| Duration::try_from_secs_f64(secs.max(0.0)).ok());
    let code = match timeout.zip(limit) {
        None => rx.recv().unwrap_or(1),
        Some((secs, limit)) => match rx.recv_timeout(limit) {
            Ok(code) => code,
            Err(_) => {
                runtime.set_stop_reason(format!(
                    "gilsim: the run was stopped after the --timeout of {secs} s\n"
                ));
                runtime.stop_all();
                // Give the program a moment to unwind at its next check point. A program
                // inside one long native operation (`10**1000000000`) reaches none: the run
                // ends without it, and says why here, since the program never will.
                let code = match rx.recv_timeout(Duration::from_secs(2)) {
                    Ok(code) => code,
                    Err(_) => {
                        if let Some(reason) = runtime.stop_reason.lock().take() {
                            runtime.stdout.flush();
                            runtime.stderr.write_str(&reason);
                        }
                        1
                    }
                };
                join_threads(&interp);
                stop_watchdog();
                let mut outcome = finish(&interp, code.max(1), &program);
                views.finish(&interp, &mut outcome);
                return outcome;
            }
        },
    };
    handle.join();
    join_threads(&interp);
    stop_watchdog();
    if let Some(timeline) = timeline {
        draw_timeline(&interp, &timeline);
    }
    let mut outcome = finish(&interp, code, &program);
    views.finish(&interp, &mut outcome);
    // Subinterpreters the program did not destroy end with it (as CPython finalizes them).
    for sub in runtime.take_subinterpreters() {
        crate::vm::teardown::break_cycles(&sub);
    }
    crate::vm::teardown::break_cycles(&interp);
    outcome
}

/// `--timeline`: the chart on stderr, as wide as the terminal it goes to.
fn draw_timeline(interp: &Arc<Interpreter>, timeline: &crate::viz::timeline::Timeline) {
    let runtime = &interp.runtime;
    let end = runtime.sched.elapsed();
    let (columns, color) = if runtime.options.capture {
        // Captured output (tests, library callers) is the same whatever terminal ran it.
        (crate::viz::terminal::DEFAULT_COLUMNS, false)
    } else {
        crate::viz::terminal::for_stderr()
    };
    runtime.stdout.flush();
    runtime
        .stderr
        .write_str(&timeline.render(end, columns, color));
}

/// What is drawn from a run after it ends: its recording (kept in the outcome), the trace
/// JSON and the HTML report.
struct Views<'a> {
    recorder: Option<&'a Recorder>,
    stats: Option<&'a crate::viz::stats::Stats>,
    prepared: &'a Prepared,
}

impl Views<'_> {
    /// Keeps the recording and writes the files asked for (a write that fails is said on
    /// stderr and makes the exit status at least 1).
    fn finish(&self, interp: &Arc<Interpreter>, outcome: &mut RunOutcome) {
        let Some(recorder) = self.recorder else {
            return;
        };
        let runtime = &interp.runtime;
        let elapsed = runtime.sched.elapsed();
        let recording = Arc::new(recorder.finish(elapsed));
        let program = &self.prepared.filename;
        if let Some(path) = &runtime.options.trace_json {
            let text = crate::viz::trace_json::render(&recording, program);
            write_view(interp, path, &text, "the trace", outcome);
        }
        if let Some(path) = &runtime.options.html {
            let stats = self.stats.map(|s| s.report(elapsed)).unwrap_or_default();
            let entry = crate::viz::html::run_entry(&recording, program, &stats);
            let clock = if recording.virtual_clock {
                "simulated, virtual clock"
            } else {
                "real, wall clock"
            };
            let subtitle = format!(
                "{} · {clock} · {}",
                runtime.options.interpreter.describe(),
                crate::viz::compare::duration(recording.end)
            );
            let html = crate::viz::html::page(
                "run",
                &format!("gilsim run {program}"),
                &subtitle,
                Some((program, &self.prepared.source)),
                vec![entry],
                serde_json::json!({}),
            );
            write_view(interp, path, &html, "the report", outcome);
        }
        outcome.recording = Some(recording);
    }
}

/// Writes a view to `path`; a failure is said on stderr and fails the run.
fn write_view(
    interp: &Arc<Interpreter>,
    path: &Path,
    text: &str,
    what: &str,
    outcome: &mut RunOutcome,
) {
    if let Err(e) = std::fs::write(path, text) {
        let runtime = &interp.runtime;
        let msg = format!("gilsim: cannot write {what} to {}: {e}\n", path.display());
        runtime.stderr.write_str(&msg);
        runtime.stderr.flush();
        outcome.stderr = runtime.stderr.captured_text();
        outcome.exit_code = outcome.exit_code.max(1);
    }
}

/// How long the end of a run waits for the threads the program started, all asked to stop
/// by now: one inside a long native operation (a huge product in a daemon thread) reaches
/// no check point, and is left to finish by itself, as CPython abandons daemon threads.
const JOIN_GRACE: Duration = Duration::from_secs(2);

/// Joins every OS thread the program started, for at most `JOIN_GRACE`.
fn join_threads(interp: &Arc<Interpreter>) {
    join_threads_within(interp, JOIN_GRACE);
}

fn join_threads_within(interp: &Arc<Interpreter>, grace: Duration) {
    let handles: Vec<_> = interp.runtime.handles.lock().drain(..).collect();
    let deadline = std::time::Instant::now() + grace;
    for h in handles {
        h.join_until(deadline);
    }
}

fn finish(interp: &Arc<Interpreter>, exit_code: i32, program: &str) -> RunOutcome {
    let runtime = &interp.runtime;
    runtime.stdout.flush();
    runtime.stderr.flush();
    RunOutcome {
        exit_code,
        stdout: runtime.stdout.captured_text(),
        stderr: runtime.stderr.captured_text(),
        schedule: runtime
            .sched
            .simulated()
            .map(|sim| sim.schedule(runtime.options.model_line(), program.to_string())),
        recording: None,
        elapsed: runtime.sched.elapsed(),
    }
}

/// What a run reports after its program ended: `--stats`, and a simulated run's summary
/// line and schedule (saved if asked, `--save-schedule`); returns the exit status they add.
fn report_at_exit(vm: &Vm, stats: Option<&crate::viz::stats::Stats>, program_hash: &str) -> i32 {
    let runtime = &vm.interp.runtime;
    if let Some(stats) = stats {
        runtime
            .stderr
            .write_str(&stats.report(runtime.sched.elapsed()));
    }
    let Some(sim) = runtime.sched.simulated() else {
        return 0;
    };
    let mut status = 0;
    if let Some(divergence) = sim.replay_leftover() {
        runtime.stderr.write_str(&divergence);
        status = 1;
    }
    if !sim.options().explore {
        if sim.is_stopped() {
            // The other threads are unwinding: let them hand in the instructions they ran
            // (`Sim::settle`) before the summary counts them — for less time than the run
            // waits for this thread after a timeout (2 s), so the summary is not lost.
            join_threads_within(&vm.interp, Duration::from_secs(1));
        }
        runtime.stderr.write_str(&sim.summary());
    }
    let Some(path) = &runtime.options.save_schedule else {
        return status;
    };
    let schedule = sim.schedule(runtime.options.model_line(), program_hash.to_string());
    match std::fs::write(path, schedule.to_text()) {
        Ok(()) => status,
        Err(e) => {
            runtime.stderr.write_str(&format!(
                "gilsim: cannot save the schedule to {}: {e}\n",
                path.display()
            ));
            1
        }
    }
}
