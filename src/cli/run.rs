//! `gilsim run`: runs a file or `-c` code with the process's stdout/stderr.

use super::RunArgs;

pub fn run(args: RunArgs) -> i32 {
    let mut options = match args.model.run_options() {
        Ok(options) => options,
        Err(msg) => {
            eprintln!("gilsim run: {msg}");
            return 2;
        }
    };
    options.timeout = args.timeout;
    if let Some(limit) = args.memory_limit {
        options.memory_limit = limit.0;
    }
    options.stats = args.stats;
    if let Some(l) = args.io_latency {
        options.io_latency = l;
    }
    match super::sim_flags::sim_options(&args) {
        Ok(sim) => options.sim = sim,
        Err(msg) => {
            eprintln!("gilsim run: {msg}");
            return 2;
        }
    }
    // CPython's PYTHONUNBUFFERED (any non-empty value acts as -u), in real runs only: a
    // simulated run stays a function of program, flags and seed, and container and CI
    // images set the variable routinely.
    if options.sim.is_none() && std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty())
    {
        options.unbuffered = true;
    }
    options.save_schedule = args.save_schedule.clone();
    options.trace = args.trace.map(|t| match t {
        super::TraceArg::Switches => gilsim::runtime::TraceLevel::Switches,
        super::TraceArg::Lines => gilsim::runtime::TraceLevel::Lines,
        super::TraceArg::Ops => gilsim::runtime::TraceLevel::Ops,
    });
    options.timeline = args.timeline;
    options.trace_json = args.trace_json.clone();
    // The report counts source lines per thread, so it asks for line events; only in a
    // simulated run, where they cost wall time only: in a real run, reporting every line
    // (the per-instruction loop plus a clock read per line) made a CPU-bound two-thread
    // run 40 times slower, which would distort the very switching the report shows.
    options.line_events = args.html.is_some() && options.sim.is_some();
    options.html = args.html.clone();
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
