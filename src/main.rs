//! The `gilsim` command: thin wrapper over the clap CLI in `cli/`.
#![forbid(unsafe_code)]

mod cli;

fn main() {
    std::process::exit(cli::main());
}
