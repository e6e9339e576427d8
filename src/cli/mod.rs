//! The command line (clap): `gilsim [run] FILE`, `gilsim run -c CODE`, `gilsim dis FILE`.

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
  gilsim explore programs/exercises/bank_race.py    every outcome of a racy program
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
}

#[derive(Args, Debug, Default)]
pub struct RunArgs {
    /// Program passed in as a string
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,
    /// Stop the run after this many seconds (exit status 1)
    #[arg(long, value_name = "SECONDS")]
    timeout: Option<f64>,
    #[command(flatten)]
    model: gil_flags::ModelArgs,
    /// Print GIL statistics per thread at exit (to stderr)
    #[arg(long)]
    stats: bool,
    /// Mean latency of the simulated `requests` module, in seconds (default 0.1)
    #[arg(long, value_name = "SECONDS")]
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

/// Parses the command line and runs it; returns the process exit status.
pub fn main() -> i32 {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Run(args)) => run::run(*args),
        Some(Command::Dis(args)) => dis::dis(&args.file),
        Some(Command::Explore(args)) => explore::explore(*args),
        None => {
            if cli.run.file.is_none() && cli.run.code.is_none() {
                eprintln!("gilsim: no program given (try `gilsim --help`)");
                return 2;
            }
            run::run(cli.run)
        }
    }
}
