//! The command line (clap): `gilsim [run] FILE`, `gilsim run -c CODE`, `gilsim dis FILE`,
//! `gilsim explore FILE`, `gilsim compare FILE`.

mod compare;
mod dis;
mod explore;
mod gil_flags;
mod run;
mod sim_flags;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

const EXAMPLES: &str = "Examples:
  gilsim programs/countdown_count.py          run a lecture program (like `python FILE`)
  gilsim run programs/factorial_50000.py      the same, explicitly
  gilsim run -c 'print(sum(range(10)))'       run a one-liner
  gilsim run --timeout 5 script.py            stop a runaway program after 5 seconds
  gilsim run --stats programs/threads_count_two_threads.py    GIL figures per thread at exit
  gilsim run --like 2.7 programs/threads_count_two_threads.py  with Python 2's old GIL
  gilsim run -X gil=0 programs/threads_count_two_threads.py    free-threaded: no GIL at all
  gilsim run --seed 7 --timeline programs/threads_counter_race.py   a reproducible run, drawn
  gilsim run --timeline programs/subinterpreters_pipeline.py   subinterpreters, a GIL each
  gilsim run --seed 1 --trace-json t.json programs/threads_count_two_threads.py  for Perfetto
  gilsim run --seed 1 --html report.html programs/threads_count_two_threads.py   for a browser
  gilsim run --shared-gil programs/subinterpreters_pipeline.py  ... sharing one, as <= 3.11
  gilsim explore programs/exercises/bank_race.py    every outcome of a racy program
  gilsim compare programs/threads_count_two_threads.py    under 2.7, 3.9, 3.12 and 3.13t
  gilsim dis programs/countdown_count.py      bytecode, laid out like `python -m dis`";

#[derive(Parser, Debug)]
#[command(
    name = "gilsim",
    version,
    about = "A teaching simulator of a GIL-style Python interpreter",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run a Python program (also `gilsim FILE`)
    #[command(after_help = EXAMPLES)]
    Run(Box<RunArgs>),
    /// Show the bytecode of a program, laid out like `python -m dis`
    Dis(DisArgs),
    /// Run a program under many schedules and list every distinct outcome
    #[command(after_help = explore::EXAMPLES)]
    Explore(Box<explore::ExploreArgs>),
    /// Run a program under several GIL models and compare them in one table
    #[command(after_help = compare::EXAMPLES)]
    Compare(Box<compare::CompareArgs>),
}

#[derive(Args, Debug, Default)]
pub struct RunArgs {
    /// Program passed in as a string
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,
    /// Stop the run after this many seconds (exit status 1); more than 0, at most a year
    #[arg(long, value_name = "SECONDS", allow_negative_numbers = true, value_parser = parse_timeout)]
    timeout: Option<f64>,
    #[command(flatten)]
    model: gil_flags::ModelArgs,
    /// Print GIL statistics per thread at exit (to stderr)
    #[arg(long)]
    stats: bool,
    /// Mean latency of the simulated `requests` module, in seconds (default 0.1; 0 to 3600)
    #[arg(long, value_name = "SECONDS", allow_negative_numbers = true, value_parser = parse_io_latency)]
    io_latency: Option<f64>,
    /// Simulated run: a seeded scheduler and a virtual clock make it reproducible
    #[arg(long)]
    sim: bool,
    /// The simulated scheduler's seed (implies --sim; default 0)
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// Virtual cores of a simulated run (default 4)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    cores: Option<u32>,
    /// Write the simulated run's schedule to FILE
    #[arg(long, value_name = "FILE")]
    save_schedule: Option<PathBuf>,
    /// Replay a saved schedule (a file, or the schedule text itself; implies --sim)
    #[arg(long, value_name = "FILE|STRING")]
    replay: Option<String>,
    /// Report as the run goes (stderr): GIL switches; plus source lines; plus instructions
    #[arg(long, value_enum, value_name = "LEVEL")]
    trace: Option<TraceArg>,
    /// Draw a timeline of the threads at exit: running, waiting for the GIL, blocked
    #[arg(long)]
    timeline: bool,
    /// Write the run as Chrome trace JSON to FILE (opens in Perfetto and chrome://tracing)
    #[arg(long, value_name = "FILE")]
    trace_json: Option<PathBuf>,
    /// Write a self-contained HTML report to FILE: timeline, GIL track, stats, source
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Memory the process may use before the program meets MemoryError: a size (512M, 2G),
    /// a share of physical memory (25%), or none [default: 50%]
    #[arg(long, value_name = "SIZE", allow_hyphen_values = true, value_parser = parse_memory_limit)]
    memory_limit: Option<MemoryLimit>,
    /// Stop a simulated run after N instructions (implies --sim)
    #[arg(long, value_name = "N")]
    max_steps: Option<u64>,
    /// The program to run
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Arguments for the program (sys.argv[1:])
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "ARGS"
    )]
    args: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TraceArg {
    /// GIL handoffs with their reason, thread starts and exits, blocking calls
    Switches,
    /// Plus each thread's source lines
    Lines,
    /// Plus every bytecode instruction
    Ops,
}

#[derive(Args, Debug)]
pub struct DisArgs {
    /// The program to disassemble
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

/// A SECONDS flag's value: a finite number of seconds from `min` (excluded unless
/// `min_included`) to `max`. Checked while clap parses, so a bad value is a usage error (exit
/// status 2) that names the flag, never a panic deep in `Duration` arithmetic.
fn seconds(s: &str, min: f64, min_included: bool, max: f64) -> Result<f64, String> {
    let range = if min_included {
        format!("from {min} to {max} seconds")
    } else {
        format!("more than {min} and at most {max} seconds")
    };
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("not a number of seconds (expected {range})"))?;
    let above = if min_included { v >= min } else { v > min };
    if v.is_finite() && above && v <= max {
        Ok(v)
    } else {
        Err(format!("out of range (expected {range})"))
    }
}

/// `--timeout`: more than 0 and at most MAX_TIMEOUT (a year).
pub(crate) fn parse_timeout(s: &str) -> Result<f64, String> {
    seconds(s, 0.0, false, gilsim::runtime::config::MAX_TIMEOUT)
}

/// `--switch-interval`: strictly positive, as CPython's `sys.setswitchinterval` demands
/// ("switch interval must be strictly positive"), and at most MAX_SWITCH_INTERVAL (an hour).
pub(crate) fn parse_switch_interval(s: &str) -> Result<f64, String> {
    seconds(s, 0.0, false, gilsim::runtime::config::MAX_SWITCH_INTERVAL)
}

/// `--io-latency`: from 0 to MAX_IO_LATENCY (an hour).
pub(crate) fn parse_io_latency(s: &str) -> Result<f64, String> {
    seconds(s, 0.0, true, gilsim::runtime::config::MAX_IO_LATENCY)
}

/// A parsed `--memory-limit` (None: no limit).
#[derive(Debug, Clone, Copy)]
pub struct MemoryLimit(pub Option<u64>);

pub(crate) fn parse_memory_limit(s: &str) -> Result<MemoryLimit, String> {
    gilsim::runtime::memory::parse_limit(s).map(MemoryLimit)
}

/// Parses the command line and runs it; returns the process exit status.
pub fn main() -> i32 {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Run(args)) => run::run(*args),
        Some(Command::Dis(args)) => dis::dis(&args.file),
        Some(Command::Explore(args)) => explore::explore(*args),
        Some(Command::Compare(args)) => compare::compare(*args),
        None => {
            if cli.run.file.is_none() && cli.run.code.is_none() {
                eprintln!("gilsim: no program given (try `gilsim --help`)");
                return 2;
            }
            run::run(cli.run)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn seconds_flags_are_finite_and_in_range() {
        assert_eq!(parse_timeout("5"), Ok(5.0));
        assert_eq!(parse_switch_interval("0.0001"), Ok(0.0001));
        assert_eq!(parse_io_latency("0"), Ok(0.0));
        for bad in ["1e308", "inf", "-inf", "nan", "NaN", "0", "-1", "x", ""] {
            assert!(parse_timeout(bad).is_err(), "--timeout {bad}");
            assert!(
                parse_switch_interval(bad).is_err(),
                "--switch-interval {bad}"
            );
        }
        for bad in ["1e308", "inf", "nan", "-0.5", "3601"] {
            assert!(parse_io_latency(bad).is_err(), "--io-latency {bad}");
        }
        assert!(parse_switch_interval("3600").is_ok());
        assert!(parse_switch_interval("3600.5").is_err());
    }

    #[test]
    fn a_bad_seconds_value_is_a_usage_error_naming_the_flag() {
        for (flag, value) in [
            ("--timeout", "1e308"),
            ("--switch-interval", "1e308"),
            ("--switch-interval", "-1"),
            ("--io-latency", "nan"),
        ] {
            let err = Cli::try_parse_from(["gilsim", "run", flag, value, "p.py"]).unwrap_err();
            assert_eq!(err.exit_code(), 2);
            let text = err.to_string();
            assert!(
                text.contains(flag) && text.contains("out of range"),
                "{text}"
            );
        }
        let err = Cli::try_parse_from(["gilsim", "explore", "--switch-interval", "inf", "p.py"])
            .unwrap_err();
        assert!(err.to_string().contains("--switch-interval"), "{err}");
        let err = Cli::try_parse_from(["gilsim", "explore", "--io-latency", "1e308", "p.py"])
            .unwrap_err();
        assert!(err.to_string().contains("--io-latency"), "{err}");
    }
}
