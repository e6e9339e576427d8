//! `gilsim run`: runs a file or `-c` code with the process's stdout/stderr.

use super::RunArgs;
use gilsim::runtime::RunOptions;

pub fn run(args: RunArgs) -> i32 {
    let mut options = RunOptions {
        timeout: args.timeout,
        ..RunOptions::default()
    };
    if let Some(code) = args.code {
        let mut argv = vec!["-c".to_string()];
        if let Some(f) = &args.file {
            argv.push(f.display().to_string());
        }
        argv.extend(args.args);
        options.argv = argv;
        return gilsim::run_source(&code, "<string>", options).exit_code;
    }
    let Some(file) = args.file else {
        eprintln!("gilsim run: a FILE or -c CODE is required");
        return 2;
    };
    let mut argv = vec![file.display().to_string()];
    argv.extend(args.args);
    options.argv = argv;
    gilsim::run_file(&file, options).exit_code
}
