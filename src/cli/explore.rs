//! `gilsim explore FILE`: every outcome of a program under many schedules, with counts and
//! replayable witnesses; `--expect-unique` turns it into a grader for "fix this race".

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;
use gilsim::drive::explore::{
    ExploreOptions, HelperCommand, Report, Tick, default_jobs, explore as run_explore, html_report,
    replay_witness, serve,
};

use super::gil_flags::ModelArgs;

pub const EXAMPLES: &str = "Examples:
  gilsim explore programs/exercises/counter_race.py           every outcome, preemption bound 2
  gilsim explore --check-points every-op race.py              as CPython <= 3.9: more outcomes
  gilsim explore --expect-unique programs/exercises/counter_race_fixed.py   exit 1 if it races
  gilsim explore --pct --runs 2000 big_program.py              randomized, for big programs
  gilsim run --replay 'gilsim-schedule 1;...' race.py         replay a witness step by step";

#[derive(Args, Debug)]
pub struct ExploreArgs {
    #[command(flatten)]
    model: ModelArgs,
    /// Preemptions per schedule in the systematic search (default 2)
    #[arg(long, value_name = "N", default_value_t = 2)]
    preemptions: u32,
    /// Randomized search (PCT-style) instead of the systematic one
    #[arg(long)]
    pct: bool,
    /// Randomized search: how many runs (default 1000)
    #[arg(long, value_name = "N", default_value_t = 1000,
          value_parser = clap::value_parser!(u64).range(1..))]
    runs: u64,
    /// Randomized search: preemptions placed at random per run (default 2)
    #[arg(long, value_name = "D", default_value_t = 2)]
    depth: u32,
    /// The seed: what the program's unseeded `random` draws, and the randomized search's choices
    #[arg(long, value_name = "N", default_value_t = 0)]
    seed: u64,
    /// Stop after this many schedules (the report then says it is incomplete)
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    max_schedules: u64,
    /// Instructions per run before it is cut off as a runaway
    #[arg(long, value_name = "N", default_value_t = 2_000_000)]
    max_steps: u64,
    /// Exit with status 1 (showing the witnesses) if there is more than one outcome
    #[arg(long)]
    expect_unique: bool,
    /// Print every explored schedule compactly
    #[arg(long)]
    list: bool,
    /// Write each outcome's witness, replayed, as Chrome trace JSON: DIR/outcome-N.json
    #[arg(long, value_name = "DIR")]
    trace_json_dir: Option<PathBuf>,
    /// Write a self-contained HTML report: the outcomes, each witness's timeline
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Schedules run at once, in helper processes (default: one per core, at most 8); the
    /// report is the same for any N
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// Internal: be a helper process for `--jobs`, running the schedules read from stdin
    #[arg(long, hide = true)]
    serve: bool,
    /// Internal: the core a helper process keeps to
    #[arg(long, hide = true, value_name = "N")]
    serve_core: Option<usize>,
    /// Mean latency of the simulated `requests` module, in seconds (default 0.1; 0 to 3600)
    #[arg(long, value_name = "SECONDS", allow_negative_numbers = true, value_parser = super::parse_io_latency)]
    io_latency: Option<f64>,
    /// The program to explore
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Arguments for the program (sys.argv[1:])
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "ARGS"
    )]
    args: Vec<String>,
}

pub fn explore(args: ExploreArgs) -> i32 {
    let jobs = if args.serve {
        1
    } else {
        args.jobs.unwrap_or_else(default_jobs).max(1)
    };
    match args.serve_core {
        Some(id) => {
            core_affinity::set_for_current(core_affinity::CoreId { id });
        }
        None if jobs == 1 => pin_to_one_core(),
        None => {}
    }
    let mut run = match args.model.run_options() {
        Ok(options) => options,
        Err(msg) => {
            eprintln!("gilsim explore: {msg}");
            return 2;
        }
    };
    let filename = args.file.display().to_string();
    let source = match gilsim::syntax::source::read(&args.file) {
        Ok(source) => source,
        Err(e) => {
            eprint!("{}", e.render("gilsim explore", &filename));
            return e.exit_code();
        }
    };
    let mut argv = vec![filename.clone()];
    argv.extend(args.args.iter().cloned());
    run.argv = argv;
    if let Some(l) = args.io_latency {
        run.io_latency = l;
    }
    let options = ExploreOptions {
        run,
        preemptions: args.preemptions,
        random: args.pct.then_some((args.runs, args.depth)),
        seed: args.seed,
        max_schedules: args.max_schedules,
        max_steps: args.max_steps,
        list: args.list,
        jobs,
        helper: Some(helper_command()),
    };
    let script_dir = args.file.parent().map(|p| {
        if p.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            p.to_path_buf()
        }
    });
    if args.serve {
        return match serve(&source, &filename, script_dir, &options) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("gilsim explore --serve: {e}");
                2
            }
        };
    }
    // A directory that cannot be made is said before a long search, not after it.
    if let Some(dir) = &args.trace_json_dir
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        eprintln!("gilsim explore: cannot make {}: {e}", dir.display());
        return 2;
    }
    if let Some(path) = &args.html
        && let Err(e) = std::fs::File::create(path)
    {
        eprintln!(
            "gilsim explore: cannot write the report to {}: {e}",
            path.display()
        );
        return 2;
    }
    // A program that does not compile has no schedules: say so as `run` would, and fail
    // (a grader must not pass it as "one outcome").
    if let Err(e) = gilsim::compiler::compile_module(&source, &filename) {
        eprint!("{}", e.render(&filename, &source));
        return 1;
    }
    let bar = progress_bar();
    let mut warned = 0;
    let report = run_explore(
        &source,
        &filename,
        script_dir.clone(),
        &options,
        &mut |tick: Tick<'_>| {
            let Some(bar) = &bar else {
                return;
            };
            // On a terminal, a warning shows as soon as it is known, not after the search.
            for w in &tick.warnings[warned..] {
                bar.suspend(|| eprintln!("gilsim explore: warning: {w}"));
            }
            warned = tick.warnings.len();
            if tick.schedules.is_multiple_of(16) {
                let plural = if tick.outcomes == 1 { "" } else { "s" };
                bar.set_message(format!(
                    "{} schedules, {} outcome{plural}",
                    tick.schedules, tick.outcomes
                ));
                bar.tick();
            }
        },
    );
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    print!("{}", render(&report, &args, &filename, &options));
    if let Some(dir) = &args.trace_json_dir {
        let witness = |i: usize| report.outcomes[i].witness.clone();
        for i in 0..report.outcomes.len() {
            let path = dir.join(format!("outcome-{}.json", i + 1));
            let out = replay_witness(
                &source,
                &filename,
                script_dir.clone(),
                &options,
                &witness(i),
                |run| run.trace_json = Some(path.clone()),
            );
            if out.stderr.contains("cannot write the trace") {
                eprint!("{}", out.stderr);
                return 1;
            }
            println!("trace of outcome {}: {}", i + 1, path.display());
        }
    }
    if let Some(path) = &args.html {
        let replays: Vec<String> = report
            .outcomes
            .iter()
            .map(|o| replay_command(&args, &filename, o))
            .collect();
        let page = html_report(&source, &filename, script_dir, &options, &report, &replays);
        if let Err(e) = std::fs::write(path, page) {
            eprintln!(
                "gilsim explore: cannot write the report to {}: {e}",
                path.display()
            );
            return 1;
        }
        println!("report: {}", path.display());
    }
    if args.expect_unique && report.outcomes.len() > 1 {
        eprintln!(
            "gilsim explore: expected one outcome, found {}",
            report.outcomes.len()
        );
        return 1;
    }
    0
}

/// A spinner with counts, on a terminal only.
fn progress_bar() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} exploring: {msg} ({elapsed})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    Some(bar)
}

fn render(report: &Report, args: &ExploreArgs, filename: &str, options: &ExploreOptions) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let search = match options.random {
        Some((runs, depth)) => format!(
            "randomized: {runs} runs, {depth} preemptions each, seed {}",
            options.seed
        ),
        None if options.seed != 0 => {
            format!(
                "preemption bound {}, seed {}",
                options.preemptions, options.seed
            )
        }
        None => format!("preemption bound {}", options.preemptions),
    };
    let _ = writeln!(
        out,
        "gilsim explore {filename}: gil={} check-points={}, {search}",
        options.run.interpreter.gil.name(),
        options.run.interpreter.check_points.describe()
    );
    for w in &report.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    let status = match &report.incomplete {
        Some(why) => format!("INCOMPLETE: {why}"),
        None if options.random.is_some() => "randomized, not exhaustive".into(),
        None => "complete".into(),
    };
    let n = report.outcomes.len();
    let _ = writeln!(
        out,
        "explored {} schedule{} in {} ({status}): {n} distinct outcome{}",
        report.schedules,
        if report.schedules == 1 { "" } else { "s" },
        duration(report.elapsed),
        if n == 1 { "" } else { "s" }
    );
    for (i, o) in report.outcomes.iter().enumerate() {
        let share = 100.0 * o.schedules as f64 / report.schedules.max(1) as f64;
        let _ = writeln!(
            out,
            "\noutcome {} of {n}: {} schedule{} ({share:.1}%), first at schedule {}, exit status {}",
            i + 1,
            o.schedules,
            if o.schedules == 1 { "" } else { "s" },
            o.first_found,
            o.exit_code
        );
        let _ = writeln!(out, "  stdout:");
        write_block(&mut out, &o.stdout);
        if !o.stderr.is_empty() {
            let _ = writeln!(out, "  stderr:");
            write_block(&mut out, &o.stderr);
        }
        let _ = writeln!(out, "  witness: {}", replay_command(args, filename, o));
    }
    if !report.listing.is_empty() {
        let _ = writeln!(out, "\nschedules:");
        for line in &report.listing {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// The command line that replays an outcome's witness.
fn replay_command(
    args: &ExploreArgs,
    filename: &str,
    o: &gilsim::drive::explore::Outcome,
) -> String {
    format!(
        "gilsim run{} --replay '{}' {filename}",
        model_flags(args),
        o.witness.to_one_line()
    )
}

fn write_block(out: &mut String, text: &str) {
    if text.is_empty() {
        out.push_str("    (nothing)\n");
    }
    for line in text.lines() {
        out.push_str("    | ");
        out.push_str(line);
        out.push('\n');
    }
}

/// The model flags to repeat on the replay command line.
fn model_flags(args: &ExploreArgs) -> String {
    let m = &args.model;
    let mut s = String::new();
    if let Some(g) = m.gil {
        s.push_str(&format!(" --gil {}", format!("{g:?}").to_lowercase()));
    }
    for x in &m.x_options {
        s.push_str(&format!(" -X {x}"));
    }
    if let Some(c) = m.check_points {
        s.push_str(&format!(" --check-points {}", c.describe()));
    }
    if let Some(i) = m.switch_interval {
        s.push_str(&format!(" --switch-interval {i}"));
    }
    if let Some(l) = m.like {
        let v = clap::ValueEnum::to_possible_value(&l).map(|p| p.get_name().to_string());
        s.push_str(&format!(" --like {}", v.unwrap_or_default()));
    }
    if m.shared_gil {
        s.push_str(" --shared-gil");
    }
    if m.top_level_await {
        s.push_str(" --top-level-await");
    }
    s
}

/// A helper for `--jobs`: this very command line (everything after `explore`), told to serve
/// and which core to keep to.
fn helper_command() -> HelperCommand {
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("gilsim"));
    let args: Vec<std::ffi::OsString> = std::env::args_os()
        .skip_while(|a| a != "explore")
        .skip(1)
        .collect();
    HelperCommand(std::sync::Arc::new(move |core| {
        let mut command = std::process::Command::new(&exe);
        command.arg("explore").arg("--serve");
        if let Some(core) = core {
            command.arg("--serve-core").arg(core.to_string());
        }
        command.args(&args);
        command
    }))
}

/// Exploration runs one interpreter thread at a time and every switch wakes another OS
/// thread: on one core that is a same-core context switch, across cores it costs an
/// inter-processor wake-up (the every-op race: 490 schedules in 0.10 s pinned against
/// 0.13-0.18 s unpinned). Threads inherit the affinity, so pinning this one pins them all.
fn pin_to_one_core() {
    if let Some(first) = core_affinity::get_core_ids().and_then(|ids| ids.into_iter().next()) {
        core_affinity::set_for_current(first);
    }
}

/// A search's duration as a reader wants it: most searches take milliseconds, so seconds with
/// three decimals would hide the difference between 8.5 and 9.4 ms.
fn duration(elapsed: std::time::Duration) -> String {
    let secs = elapsed.as_secs_f64();
    if secs < 1.0 {
        format!("{:.1} ms", secs * 1000.0)
    } else {
        format!("{secs:.2} s")
    }
}

#[cfg(test)]
mod tests {
    use super::duration;
    use std::time::Duration;

    #[test]
    fn a_search_under_a_second_reads_in_milliseconds() {
        assert_eq!(duration(Duration::from_micros(8_540)), "8.5 ms");
        assert_eq!(duration(Duration::from_millis(1_234)), "1.23 s");
    }
}
