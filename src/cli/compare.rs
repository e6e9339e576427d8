//! `gilsim compare FILE`: the program under several GIL models (`--like` bundles) at once,
//! simulated (deterministic, `--seed`) or with `--real` on the wall clock: one table, then
//! the timelines on one scale. "Toggle the GIL flags" as one command.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;
use gilsim::drive::compare::{Model, compare as run_models, html, render};
use gilsim::runtime::RunOptions;
use gilsim::runtime::sched::SimOptions;

use super::gil_flags::{GilRequest, Like, resolve};

pub const EXAMPLES: &str = "Examples:
  gilsim compare programs/threads_count_two_threads.py       2.7, 3.9, 3.12, 3.13t, simulated
  gilsim compare --real programs/threads_count_two_threads.py  ... on the wall clock
  gilsim compare --models 3.12,3.12+shared-gil programs/subinterpreters_pipeline.py";

#[derive(Args, Debug)]
pub struct CompareArgs {
    /// The models, comma-separated: --like versions (2.7, 3.9, 3.10, 3.11, 3.12, 3.13, 3.14, 3.13t), each
    /// optionally with +shared-gil (subinterpreters share the main GIL)
    #[arg(long, value_delimiter = ',', default_value = "2.7,3.9,3.12,3.13t")]
    models: Vec<String>,
    /// Run on the real clock (OS threads, wall time) instead of simulated
    #[arg(long, conflicts_with_all = ["seed", "cores"])]
    real: bool,
    /// The simulated scheduler's seed (default 0)
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// Virtual cores of the simulated runs (default 4)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    cores: Option<u32>,
    /// Stop each run after this many seconds (exit status 1 in its row)
    #[arg(long, value_name = "SECONDS", allow_negative_numbers = true, value_parser = super::parse_timeout)]
    timeout: Option<f64>,
    /// Leave out the timelines
    #[arg(long)]
    no_timelines: bool,
    /// Also write the table and the timelines side by side as a self-contained HTML page
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// The program to run
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

/// A `--models` entry: `3.12` or `3.12+shared-gil`.
fn model(spec: &str, base: &RunOptions) -> Result<Model, String> {
    let (version, shared) = match spec.trim().split_once('+') {
        Some((v, "shared-gil")) => (v, true),
        Some((_, other)) => return Err(format!("--models: unknown variant +{other} in {spec}")),
        None => (spec.trim(), false),
    };
    let like = <Like as clap::ValueEnum>::from_str(version, false).map_err(|_| {
        format!(
            "--models: {version} is not a version gilsim models (2.7, 3.9, 3.10, 3.11, 3.12, 3.13, 3.14, 3.13t)"
        )
    })?;
    // PYTHON_GIL is deliberately not consulted: each model says what it is.
    let interpreter = resolve(&GilRequest {
        like: Some(like),
        ..GilRequest::default()
    })?;
    Ok(Model {
        label: spec.trim().to_string(),
        options: RunOptions {
            interpreter,
            like: Some(like.version()),
            shared_gil: shared,
            ..base.clone()
        },
    })
}

pub fn compare(args: CompareArgs) -> i32 {
    let mut base = RunOptions {
        timeout: args.timeout,
        ..RunOptions::default()
    };
    let mut argv = vec![args.file.display().to_string()];
    argv.extend(args.args.iter().cloned());
    base.argv = argv;
    if !args.real {
        base.sim = Some(SimOptions {
            seed: args.seed.unwrap_or(0),
            cores: args.cores.unwrap_or(4),
            ..SimOptions::default()
        });
    }
    let models = match args
        .models
        .iter()
        .map(|m| model(m, &base))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(models) if !models.is_empty() => models,
        Ok(_) => {
            eprintln!("gilsim compare: --models names no model");
            return 2;
        }
        Err(msg) => {
            eprintln!("gilsim compare: {msg}");
            return 2;
        }
    };
    if let Some(path) = &args.html
        && let Err(e) = std::fs::File::create(path)
    {
        eprintln!(
            "gilsim compare: cannot write the report to {}: {e}",
            path.display()
        );
        return 2;
    }
    let bar = progress_bar(models.len());
    let runs = run_models(&args.file, &models, &mut |_, m| {
        if let Some(bar) = &bar {
            bar.set_message(m.label.clone());
            bar.inc(1);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    // A program that could not be read is reported once, as `run` would.
    if let Some(first) = runs.first()
        && first.outcome.recording.is_none()
    {
        eprint!("{}", first.outcome.stderr);
        return first.outcome.exit_code;
    }
    let mode = if args.real {
        "real runs, wall clock".to_string()
    } else {
        format!(
            "simulated: seed {}, {} virtual cores",
            args.seed.unwrap_or(0),
            args.cores.unwrap_or(4)
        )
    };
    println!("gilsim compare {} ({mode})", args.file.display());
    let clock = if args.real { "wall" } else { "virtual" };
    print!("{}", render(&runs, clock, !args.no_timelines));
    if let Some(path) = &args.html {
        let program = args.file.display().to_string();
        let title = format!("gilsim compare {program}");
        if let Err(e) = std::fs::write(path, html(&runs, clock, &title, &program)) {
            eprintln!(
                "gilsim compare: cannot write the report to {}: {e}",
                path.display()
            );
            return 1;
        }
        println!("report: {}", path.display());
    }
    0
}

/// A bar over the models, on a terminal only (piped output stays clean).
fn progress_bar(models: usize) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(models as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} models, running {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(bar)
}
